#!/usr/bin/env node
// Installed from the registry, the CLI runs its compiled JavaScript (dist/). In a checkout of the
// webex-iac sources, tsx compiles the TypeScript on the fly, so `npx webex-iac` works right after
// `npm ci` and never runs a stale build.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

let entry;
if (existsSync(join(__dirname, 'index.ts'))) {
  require('tsx/cjs');
  entry = './index.ts';
} else {
  entry = '../dist/cli/index.js';
}
const { main } = require(entry);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
