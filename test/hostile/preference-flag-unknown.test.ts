import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeMainManifest } from '../helpers/synth-main';
import { runCli, withoutProgress } from '../helpers/run-cli';
import { startClinicWith } from './seeded-simulator';

const TOKEN = 'hostile-preference-flag-token-7e21';

/**
 * Fail closed: a host whose AI Assistant flag Webex answers as something other than true or false is
 * unknown, never "No changes" and never compliant; the other hosts are still planned.
 */
test('a meeting-preference flag answered as text makes its host unknown: plan and assess exit 1', async () => {
  const sim = await startClinicWith(TOKEN, (seed) => {
    const source = seed.hostSettings;
    seed.hostSettings = (record, site) => {
      const settings = source(record, site);
      if (record.person.emails[0]!.startsWith('dr.kim@')) (settings.schedulingOptions as unknown as Record<string, unknown>).enabledWebexAssistantByDefault = 'false';
      return settings;
    };
  });
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-preference-flag-'));
  try {
    const manifest = join(work, 'webex-manifest.json');
    writeFileSync(manifest, JSON.stringify(synthesizeMainManifest()));
    const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
    const plan = await runCli(['plan', '--manifest', manifest], env, work);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(/Could not read \d+ targets?:/);
    expect(plan.stdout).toMatch(/\? person dr\.kim@riverside-clinic\.example on riverside-clinic\.webex\.com \(hostAiAssistant\)/);
    expect(plan.stdout).not.toMatch(/^No changes/m);
    const assess = await runCli(['assess', '--manifest', manifest, '--format', 'json'], env, work);
    expect(assess.code).toBe(1);
    expect(JSON.parse(assess.stdout).compliant).toBe(false);
    expect(withoutProgress(assess.stderr)).not.toMatch(/\n\s+at /);
  } finally {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  }
}, 120_000);
