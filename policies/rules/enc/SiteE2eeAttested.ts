import { inForce, proposed } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** Enabling E2EE on a site has no API: it is attested, site by site. */
export const SiteE2eeAttested: Rule = {
  id: 'WBX.ENC.2v1',
  name: 'SiteE2eeAttested',
  area: 'ENC',
  scope: 'site',
  title: 'End-to-end encryption is enabled on every Meetings site, as attested',
  level: 'SHOULD',
  severity: 'high',
  citations: [inForce('164.312(a)(2)(iv)'), inForce('164.312(e)(1)'), inForce('164.312(e)(2)(ii)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(b)')] },
  automation: 'manual-attestation',
  rationale:
    "Assigning the E2EE session type to hosts (WBX.ENC.1v1) works only on a site where Cisco has enabled end-to-end encryption, which Control Hub does and no API can. The `siteEndToEndEncryption` attestation records, site by site, who checked it and when (encryption, 164.312(a)(2)(iv), 164.312(e)(2)(ii); required by the NPRM's proposed 164.312(b)).",
  remediation:
    'Enable end-to-end encryption for each site in Control Hub, then declare the `siteEndToEndEncryption` attestation listing every siteUrl, with who attested, when, the evidence reference and the expiry.',
  check: (subject) =>
    subject.sites.map((site) =>
      judgeAttestation(
        subject,
        'siteEndToEndEncryption',
        (record) => (record.details.siteUrls.includes(site.siteUrl) ? [] : [`the siteEndToEndEncryption attestation does not list ${site.siteUrl} (it lists ${record.details.siteUrls.join(', ')})`]),
        { kind: 'site', siteUrl: site.siteUrl },
      ),
    ),
};
