#!/usr/bin/env node
// Until the CLI is loaded, a signal still ends the process with the usual code (130 SIGINT, 143 SIGTERM).
const early = { SIGINT: () => process.exit(130), SIGTERM: () => process.exit(143) };
for (const [signal, handler] of Object.entries(early)) process.on(signal, handler);

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
const { main, Interruption } = require(entry);

// SIGINT and SIGTERM stop any command within two seconds, saying (and recording) what was in flight.
const interruption = new Interruption(process.stderr, (code) => process.exit(code));
for (const [signal, handler] of Object.entries(early)) process.off(signal, handler);
interruption.installSignalHandlers();

main(process.argv.slice(2), undefined, interruption).then((code) => {
  process.exitCode = code;
});
