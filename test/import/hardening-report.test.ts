import { generateImport } from '../../cli/import/generate';
import { hardeningReport, renderHardeningDigest } from '../../cli/import/hardening-report';
import { hardenedHost, IMPORTED_AT, observation } from './fixtures';

describe('webex-iac import: the hardening ahead', () => {
  // GIVEN a site whose hosts mostly lock their room, one does not, and nobody has the E2EE type
  const obs = observation({
    sites: [
      {
        siteUrl: 'clinic.webex.com',
        hosts: [
          { ...hardenedHost('a@clinic.example'), types: ['3'] },
          { ...hardenedHost('b@clinic.example'), types: ['3'] },
          { email: 'open@clinic.example', lobby: [false, 0, true, false], types: ['3'] },
        ],
      },
    ],
    admins: [{ email: 'a@clinic.example', roles: ['Full Administrator'] }],
  });
  const generated = generateImport(obs);
  const report = hardeningReport(obs, generated.verification.entry, { profile: 'hipaa-current', now: IMPORTED_AT, toolVersion: '9.9.9' });
  const result = (ruleId: string) => report.orgs[0]!.results.find((r) => r.ruleId === ruleId)!;

  test('an exempt host is still judged: exempting it adopts it, it does not make it compliant', () => {
    expect(generated.declaration.summary.sites[0]!.hostLobby).toEqual({ managed: 2, exempt: 1 });
    expect(result('WBX.HOST.1v1').status).toBe('fail');
    expect(result('WBX.HOST.1v1').judgements.filter((j) => j.status === 'fail').map((j) => j.target)).toEqual([{ kind: 'host', siteUrl: 'clinic.webex.com', email: 'open@clinic.example' }]);
  });

  test('a control left unmanaged is judged on what was read', () => {
    expect(generated.declaration.summary.sites[0]!.unmanaged).toEqual(['endToEndEncryption']);
    expect(result('WBX.ENC.1v1').judgements.filter((j) => j.status === 'fail')).toHaveLength(3);
  });

  test('write-only settings are not verifiable, attestations are missing, the imported admins pass', () => {
    expect(result('WBX.PWD.1v1').status).toBe('not-verifiable');
    expect(result('WBX.GOV.1v1').status).toBe('fail');
    expect(result('WBX.ADMIN.1v1').status).toBe('pass');
    expect(report.compliant).toBe(false);
  });

  test('the digest names each failing rule once, with a count and the first targets', () => {
    const digest = renderHardeningDigest(report);
    expect(digest).toContain('  ✗ WBX.HOST.1v1 SHALL ');
    expect(digest).toContain('[fail]: 1 × host open@clinic.example on clinic.webex.com\n');
    expect(digest).toMatch(/ {2}✗ WBX\.ENC\.1v1 SHOULD .* \[warning\]: 3 × host a@clinic\.example on clinic\.webex\.com, host b@clinic\.example on clinic\.webex\.com, host open@clinic\.example on clinic\.webex\.com\n/);
    expect(digest).toContain('  ? WBX.PWD.1v1 SHOULD ');
    expect(digest).not.toContain('WBX.ADMIN.1v1');
    expect(digest.trimEnd().split('\n').pop()).toMatch(/^Not compliant: /);
  });
});
