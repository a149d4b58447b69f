import { inForce, proposed } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Judgement, Rule } from '../../rule';
import type { SiteSubject, Subject } from '../../subject';

/**
 * A site can hold end-to-end encrypted meetings: it offers an E2EE session type. Read from List Site
 * Session Types wherever webex-iac can read it; the `siteEndToEndEncryption` attestation is needed only
 * for a site nothing checks (not read by assess, no EndToEndEncryption declared for check).
 */
export const SiteOffersE2eeSessionType: Rule = {
  id: 'WBX.ENC.2v2',
  name: 'SiteOffersE2eeSessionType',
  area: 'ENC',
  scope: 'site',
  title: 'Every Meetings site offers an end-to-end encryption session type',
  level: 'SHOULD',
  severity: 'high',
  citations: [inForce('164.312(a)(2)(iv)'), inForce('164.312(e)(1)'), inForce('164.312(e)(2)(ii)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(b)')] },
  automation: 'automated',
  rationale:
    "Hosts can hold end-to-end encrypted meetings (WBX.ENC.1v1) only on a site where Cisco has enabled E2EE, which shows as a session type of the site (List Site Session Types, GET /v1/admin/meeting/config/sessionTypes). assess reads it for every site; at check time a site with EndToEndEncryption declared is checked by every plan (which refuses a site without the type), and any other site needs the `siteEndToEndEncryption` attestation (encryption, 164.312(a)(2)(iv), 164.312(e)(2)(ii); required by the NPRM's proposed 164.312(b)).",
  remediation:
    'Enable end-to-end encryption for the site in Control Hub (the "Pro 3.0 End to End Encryption" session type appears), and declare EndToEndEncryption for the site, naming the type when its name does not contain "End to End Encryption". Where the session types cannot be read, declare the `siteEndToEndEncryption` attestation listing the siteUrl.',
  check: (subject) => subject.sites.map((site) => judgeSite(subject, site)),
};

function judgeSite(subject: Subject, site: SiteSubject): Judgement {
  const target = { kind: 'site', siteUrl: site.siteUrl } as const;
  const e2ee = site.e2eeSessionTypeIds;
  if (subject.mode === 'observed' && e2ee !== undefined) {
    const path = site.controls.endToEndEncryption?.path ?? site.path;
    return e2ee.length > 0
      ? { target, path, verdict: 'pass', message: `the site offers the end-to-end encryption session type ${e2ee.join(', ')} (List Site Session Types)`, values: { e2eeSessionTypeIds: [...e2ee] } }
      : { target, path, verdict: 'fail', message: 'the site offers no end-to-end encryption session type (List Site Session Types): enable E2EE for the site in Control Hub', values: { e2eeSessionTypeIds: [] } };
  }
  const declared = subject.mode === 'declared' ? site.controls.endToEndEncryption : undefined;
  if (declared !== undefined) {
    return { target, path: declared.path, verdict: 'pass', message: 'endToEndEncryption is declared: every plan and assess read the site\'s session types and refuse a site without the E2EE type', values: {} };
  }
  // Nothing reads this site's session types: only a person can vouch for it.
  return judgeAttestation(
    subject,
    'siteEndToEndEncryption',
    (record) => (record.details.siteUrls.includes(site.siteUrl) ? [] : [`the site's session types were not read and the siteEndToEndEncryption attestation does not list ${site.siteUrl} (it lists ${record.details.siteUrls.join(', ')})`]),
    target,
  );
}
