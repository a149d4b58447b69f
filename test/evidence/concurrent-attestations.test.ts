import { rmSync } from 'node:fs';
import { Org } from '../../manifest';
import { Plan, WebexClient } from '../../provisioning';
import { EvidenceLog, EvidenceRecorder } from '../../provisioning/evidence';
import { clinicManifest } from '../helpers/clinic-manifest';
import { ORG, tempDir } from './helpers';

describe('concurrent runs record a declared attestation once', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('two recorders planning the same declaration at once append one attestation record, not two', async () => {
    const org = clinicManifest().orgs[0]! as Org;
    (org.settings as Record<string, unknown>).attestations = { path: 'clinic/RiversideClinic/Attestations', riskAnalysis: { attestedBy: 'privacy@riverside.example', attestedOn: '2026-01-15', reference: 'RA-2026' } };
    const plan = { formatVersion: 1, orgs: [ORG], changes: [], findings: [] } as unknown as Plan;
    const client = new WebexClient({ baseUrl: 'http://127.0.0.1:9', token: 'unused-token' });
    const env = { CI: 'true' };
    const recorder = () => new EvidenceRecorder(new EvidenceLog({ dir, toolVersion: 'test' }), 'webex-iac plan', env);
    const a = recorder();
    const b = recorder();
    // The actor is known up front, so that neither run waits on Webex.
    jest.spyOn(a, 'actor').mockResolvedValue({ ci: { system: 'ci' } });
    jest.spyOn(b, 'actor').mockResolvedValue({ ci: { system: 'ci' } });
    await Promise.all([a.recordPlan(client, plan, { declared: [org] }), b.recordPlan(client, plan, { declared: [org] })]);
    const kinds = new EvidenceLog({ dir, toolVersion: 'test' }).read(ORG).map((r) => r.record.kind);
    expect(kinds.filter((k) => k === 'attestation')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'plan')).toHaveLength(2);
  });
});
