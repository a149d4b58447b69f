import { HostsHaveE2eeSessionType } from '../../../policies/rules/enc/HostsHaveE2eeSessionType';
import { SiteE2eeAttested } from '../../../policies/rules/enc/SiteE2eeAttested';
import { TransportEncryptionUnderBaa } from '../../../policies/rules/enc/TransportEncryptionUnderBaa';
import { ANNEX, declared, failures, judge, observed, SITE } from '../fixtures';

describe('Rule: Every selected host can schedule end-to-end encrypted meetings', () => {
  const rule = HostsHaveE2eeSessionType;
  test('Compliance', () => {
    const result = judge(rule, declared());
    expect(result.status).toBe('pass');
    expect(result.judgements[0]!.values).toEqual({ sessionType: { nameContains: 'End to End Encryption' }, hosts: 'all hosts' });
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: a host lacks the E2EE session type', () => {
    const result = judge(rule, observed((live) => { live.hosts![SITE]!.endToEndEncryption!.hosts[0]!.values = { sessionTypeIds: ['3'] }; }));
    expect(failures(result)).toEqual([`WBX.ENC.1v1[${SITE}/dr.lee@clinic.example]: sessionTypeIds ["3"] include none of the site's E2EE session types ["628"]`]);
    expect(result.judgements.find((j) => j.status === 'fail')!.values).toEqual({ sessionTypeIds: ['3'] });
  });
  test('Noncompliance 2: the site has no E2EE session type at all', () => {
    const result = judge(rule, observed((live) => { live.hosts![ANNEX]!.endToEndEncryption!.site = { sessionTypes: [{ id: '3', name: 'Pro Meeting' }] }; }));
    expect(failures(result)).toEqual([`WBX.ENC.1v1[${ANNEX}]: the site has no end-to-end encryption session type: enable E2EE for the site in Control Hub`]);
  });
  test('Noncompliance 3: E2EE not declared for a site', () => {
    const result = judge(rule, declared((org) => delete org.sites[1]!.settings.endToEndEncryption));
    expect(failures(result)).toEqual([`WBX.ENC.1v1[${SITE}]: endToEndEncryption is not declared: webex-iac does not enforce this control`]);
  });
  test('Compliance: a declared short name picks the session type', () => {
    const result = judge(rule, observed(() => {}, (org) => { org.sites[0]!.settings.endToEndEncryption!.sessionType = { shortName: 'pro3e2e' }; }));
    expect(result.status).toBe('pass');
  });
  test('Profiles: SHOULD today, SHALL under the NPRM', () => {
    expect(judge(rule, declared()).level).toBe('SHOULD');
    expect(judge(rule, declared(), { profile: 'hipaa-nprm-2025' }).level).toBe('SHALL');
  });
});

describe('Rule: End-to-end encryption is enabled on every site, as attested', () => {
  const rule = SiteE2eeAttested;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
    expect(judge(rule, observed()).status).toBe('pass');
  });
  test('Noncompliance 1: the attestation does not list a site', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.siteEndToEndEncryption!.details.siteUrls = [SITE]; }));
    expect(failures(result)).toEqual([`WBX.ENC.2v1[${ANNEX}]: the siteEndToEndEncryption attestation does not list ${ANNEX} (it lists ${SITE})`]);
  });
  test('Noncompliance 2: not attested: each site is a finding', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.siteEndToEndEncryption));
    expect(result.judgements.map((j) => `${j.finding} ${j.status}`)).toEqual([`WBX.ENC.2v1[${ANNEX}] fail`, `WBX.ENC.2v1[${SITE}] fail`]);
  });
});

describe('Rule: Every Webex service that carries ePHI is covered by the BAA', () => {
  const rule = TransportEncryptionUnderBaa;
  test('Compliance', () => {
    expect(judge(rule, declared()).status).toBe('pass');
  });
  test('Noncompliance 1: the BAA does not name Meetings while sites are declared', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.businessAssociateAgreement!.details.productsCovered = ['Webex Messaging']; }));
    expect(failures(result)).toEqual(["WBX.ENC.3v1: Webex Meetings is in use but not among the BAA's productsCovered (Webex Messaging)"]);
  });
  test('Noncompliance 2: the BAA does not name Messaging while message retention is required', () => {
    const result = judge(rule, declared((org) => { org.settings.attestations!.businessAssociateAgreement!.details.productsCovered = ['Webex Meetings']; }));
    expect(failures(result)).toEqual(["WBX.ENC.3v1: Webex Messaging is in use but not among the BAA's productsCovered (Webex Meetings)"]);
  });
  test('Compliance: an org without sites and without messaging needs no product named', () => {
    const result = judge(rule, declared((org) => {
      org.sites = [];
      org.settings.attestations!.required = ['businessAssociateAgreement'];
      delete org.settings.attestations!.messageRetention;
      org.settings.attestations!.businessAssociateAgreement!.details.productsCovered = ['Webex Calling'];
    }));
    expect(result.status).toBe('pass');
  });
  test('Noncompliance 3: no BAA attested', () => {
    const result = judge(rule, declared((org) => delete org.settings.attestations!.businessAssociateAgreement));
    expect(result.status).toBe('fail');
  });
});
