#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx webex-iac` works right after `npm ci`.
require('tsx/cjs');
const { main } = require('./index.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
