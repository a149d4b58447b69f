import { inForce } from '../../citations';
import type { Judgement, Rule } from '../../rule';
import type { SiteSubject } from '../../subject';

/** How far back the admin recordings list is read: six years, the documentation retention of 164.316(b)(2)(i). */
export const RECORDINGS_LOOKBACK_DAYS = 6 * 365 + 2;

/**
 * Evidence that recordings are not removed before six years: the admin recordings list, in windows of at
 * most 30 days over the last six years, shows no recording moved to the recycle bin or purged.
 */
export const RecordingsKeptSixYears: Rule = {
  id: 'WBX.RET.3v1',
  name: 'RecordingsKeptSixYears',
  area: 'RET',
  scope: 'site',
  title: 'No meeting recording younger than six years was deleted or purged',
  level: 'SHOULD',
  severity: 'medium',
  citations: [inForce('164.316(b)(2)(i)'), inForce('164.310(d)(2)(i)'), inForce('164.312(c)(1)')],
  automation: 'automated',
  rationale:
    "The retention period itself has no API (WBX.RET.2v1 attests it), but what happened to recordings does: List Recordings For an Admin or Compliance Officer (GET /v1/admin/recordings) lists each site's recordings moved to the recycle bin (`deleted`) and purged from it (`purged`), by creation time, in windows of at most 30 days. assess reads every window of the last six years; each recording created in that period and removed is reported, so a reviewer can tie it to a documented disposal decision (retention, 164.316(b)(2)(i); disposal, 164.310(d)(2)(i); integrity, 164.312(c)(1)). Only assess judges this rule.",
  remediation:
    'Restore recordings deleted by mistake from the recycle bin (Control Hub or POST /v1/recordings/restore) before Webex purges them; for a removal that was a documented disposal decision, record an exception for the site with the reference.',
  check: (subject) => (subject.mode === 'declared' ? [] : subject.sites.map(judgeSite)),
};

function judgeSite(site: SiteSubject): Judgement {
  const target = { kind: 'site', siteUrl: site.siteUrl } as const;
  const view = site.removedRecordings;
  if (view === undefined) {
    return { target, path: site.path, verdict: 'not-verifiable', message: 'the admin recordings list was not read for this site: run assess with a token holding meeting:admin_recordings_read', values: {} };
  }
  const period = `created ${view.since.slice(0, 10)} to ${view.until.slice(0, 10)}`;
  const values = {
    since: view.since,
    until: view.until,
    windows: view.windows,
    removed: view.removed.map((r) => ({ id: r.id, status: r.status, createTime: r.createTime, ...(r.hostEmail ? { hostEmail: r.hostEmail } : {}) })),
  };
  if (view.removed.length === 0) return { target, path: site.path, verdict: 'pass', message: `no recording ${period} was deleted or purged (${view.windows} windows of at most 30 days read per status)`, values };
  const count = (status: string) => view.removed.filter((r) => r.status === status).length;
  const listed = view.removed.map((r) => `${r.id} (${r.status}, created ${r.createTime.slice(0, 10)})`).join(', ');
  return { target, path: site.path, verdict: 'fail', message: `${count('purged')} recording(s) ${period} purged and ${count('deleted')} in the recycle bin before six years: ${listed}`, values };
}
