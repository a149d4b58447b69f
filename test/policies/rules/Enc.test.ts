import { HostsHaveE2eeSessionType } from '../../../policies/rules/enc/HostsHaveE2eeSessionType';
import { SiteOffersE2eeSessionType } from '../../../policies/rules/enc/SiteOffersE2eeSessionType';
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

describe('Rule: Every Meetings site offers an end-to-end encryption session type', () => {
  const rule = SiteOffersE2eeSessionType;
  const withoutE2ee = (live: { hosts?: Record<string, Record<string, { site: unknown }>> }) => {
    live.hosts![ANNEX]!.endToEndEncryption!.site = { sessionTypes: [{ id: '3', name: 'Pro Meeting' }] };
  };
  test('Compliance: assess reads the E2EE type of every site, no attestation needed', () => {
    const result = judge(rule, observed(() => {}, (org) => delete org.settings.attestations!.siteEndToEndEncryption));
    expect(result.status).toBe('pass');
    expect(result.judgements.map((j) => j.message)).toEqual([
      'the site offers the end-to-end encryption session type 628 (List Site Session Types)',
      'the site offers the end-to-end encryption session type 628 (List Site Session Types)',
    ]);
  });
  test('Compliance: check passes a site with EndToEndEncryption declared (every plan refuses a site without the type)', () => {
    expect(judge(rule, declared((org) => delete org.settings.attestations!.siteEndToEndEncryption)).status).toBe('pass');
  });
  test('Noncompliance 1: the site offers no E2EE type, whatever the attestation says', () => {
    const result = judge(rule, observed(withoutE2ee as never));
    expect(failures(result)).toEqual([`WBX.ENC.2v2[${ANNEX}]: the site offers no end-to-end encryption session type (List Site Session Types): enable E2EE for the site in Control Hub`]);
  });
  test('Noncompliance 2: a site nothing reads needs the attestation, which must list it', () => {
    const result = judge(rule, declared((org) => {
      delete org.sites[0]!.settings.endToEndEncryption;
      org.settings.attestations!.siteEndToEndEncryption!.details.siteUrls = [SITE];
    }));
    expect(failures(result)).toEqual([`WBX.ENC.2v2[${ANNEX}]: the site's session types were not read and the siteEndToEndEncryption attestation does not list ${ANNEX} (it lists ${SITE})`]);
  });
  test('Noncompliance 3: neither read nor attested', () => {
    const result = judge(rule, declared((org) => {
      for (const site of org.sites) delete site.settings.endToEndEncryption;
      delete org.settings.attestations!.siteEndToEndEncryption;
    }));
    expect(result.judgements.map((j) => `${j.finding} ${j.status}`)).toEqual([`WBX.ENC.2v2[${ANNEX}] fail`, `WBX.ENC.2v2[${SITE}] fail`]);
  });
  test('Compliance: a site nothing reads passes on the attestation', () => {
    expect(judge(rule, declared((org) => { for (const site of org.sites) delete site.settings.endToEndEncryption; })).status).toBe('pass');
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
