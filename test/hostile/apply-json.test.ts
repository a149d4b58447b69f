import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { synthesizeMainManifest } from '../helpers/synth-main';
import { terminalHazards } from './inspect';
import { startClinicWith } from './seeded-simulator';

const TOKEN = 'hostile-apply-json-token-41c9';

test('apply --format json shows a host email carrying bidi overrides as \\u escapes, like plan JSON', async () => {
  const sim = await startClinicWith(TOKEN, (seed) => {
    seed.people.find((p) => p.person.emails[0]!.startsWith('dr.brown@'))!.person.emails = ['dr.brown\u202e\u2066\u200f@riverside-clinic.example'];
  });
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-apply-json-'));
  try {
    const manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(synthesizeMainManifest()));
    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
    const result = await runCli(['apply', '--manifest', manifest, '--auto-approve', '--format', 'json', '--quiet'], env, work);
    expect(result.code).toBe(0);
    // The payload reached the output, as escapes that parse back to it.
    expect(result.stdout).toContain('dr.brown\\u202e');
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain('dr.brown\u202e');
    expect(terminalHazards(result.stdout)).toEqual([]);
  } finally {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  }
}, 120_000);
