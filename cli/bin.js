#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so `npx webex-iac` works right after `npm ci`.
require('tsx/cjs');
require('./index.ts');
