import { inForce, proposed } from '../../citations';
import { judgeControl, notManaged } from '../../judge';
import type { Judgement, Rule } from '../../rule';
import type { Instance, SiteSubject, Subject } from '../../subject';

/** Clinical sessions can be end-to-end encrypted: every selected host holds the site's E2EE session type. */
export const HostsHaveE2eeSessionType: Rule = {
  id: 'WBX.ENC.1v1',
  name: 'HostsHaveE2eeSessionType',
  area: 'ENC',
  scope: 'site',
  title: "Every selected host can schedule end-to-end encrypted meetings (the site's E2EE session type)",
  level: 'SHOULD',
  severity: 'high',
  citations: [inForce('164.312(a)(2)(iv)'), inForce('164.312(e)(1)'), inForce('164.312(e)(2)(ii)')],
  nprm: { level: 'SHALL', citations: [proposed('164.312(b)')] },
  automation: 'automated',
  rationale:
    "Standard Webex meetings are encrypted in transit but decrypted in Cisco's media servers. With the end-to-end encryption session type, media keys stay on the participants' devices, so a clinical session's audio, video and shared screens are never readable in the cloud. A host can only schedule such meetings when the session type is assigned to them (encryption, 164.312(a)(2)(iv) and 164.312(e)(2)(ii), addressable today, required by the NPRM's proposed 164.312(b)).",
  remediation:
    'Declare EndToEndEncryption on the site (HipaaBaseline declares it for every site) naming the E2EE session type when its name does not contain "End to End Encryption", then run `webex-iac apply`: it assigns the type to each selected host and keeps their other types.',
  check: (subject) => subject.sites.flatMap((site) => judgeSite(subject, site)),
};

function judgeSite(subject: Subject, site: SiteSubject): Judgement[] {
  const view = site.controls.endToEndEncryption;
  const missing = { target: { kind: 'site' as const, siteUrl: site.siteUrl }, path: site.path, message: notManaged(subject.mode, 'endToEndEncryption') };
  if (subject.mode === 'declared' || view === undefined) return judgeControl(subject, view, missing, [], { show: ['sessionType'], ok: 'endToEndEncryption is declared: webex-iac assigns the E2EE session type to the selected hosts' });
  const e2ee = site.e2eeSessionTypeIds ?? [];
  if (e2ee.length === 0) {
    return [{ ...missing, path: view.path, verdict: 'fail', message: 'the site has no end-to-end encryption session type: enable E2EE for the site in Control Hub', values: { e2eeSessionTypeIds: [] } }];
  }
  const hasE2ee = (instance: Instance): string[] => {
    const assigned = instance.values.sessionTypeIds;
    const has = Array.isArray(assigned) && assigned.some((id) => e2ee.includes(id as string));
    return has ? [] : [`sessionTypeIds ${JSON.stringify(assigned ?? [])} include none of the site's E2EE session types ${JSON.stringify(e2ee)}`];
  };
  return judgeControl(subject, view, missing, [], { extra: hasE2ee, show: ['sessionTypeIds'], ok: 'has an end-to-end encryption session type' });
}
