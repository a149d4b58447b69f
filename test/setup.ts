import { Testing } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Adds cdktf's matchers (toHaveResourceWithProperties, toBeValidTerraform, ...).
Testing.setupJest();

// Site writes take a default-site lock in a folder of the machine (WEBEX_IAC_LOCK_DIR); each test file
// gets its own, which runCli passes on, so no test meets a lock record another test left behind.
const lockDir = mkdtempSync(join(tmpdir(), 'webex-iac-test-locks-'));
process.env.WEBEX_IAC_LOCK_DIR = lockDir;
afterAll(() => rmSync(lockDir, { recursive: true, force: true }));
