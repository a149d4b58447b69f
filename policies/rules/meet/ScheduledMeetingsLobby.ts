import { inForce } from '../../citations';
import { notManaged } from '../../judge';
import { judgeHostMeetings } from '../../scheduled-meetings';
import type { SiteSubject, Subject } from '../../subject';
import type { Judgement, Rule } from '../../rule';

/**
 * Each host's upcoming scheduled meetings keep people who are not on the invite in the lobby (or out)
 * and lock once started. Read by assess from List Meetings (`hostEmail`, scheduled meetings); the
 * declaration only says which hosts, how far ahead, and whether webex-iac may fix them.
 */
export const ScheduledMeetingsLobby: Rule = {
  id: 'WBX.MEET.10v1',
  name: 'ScheduledMeetingsLobby',
  area: 'MEET',
  scope: 'site',
  title: "Hosts' upcoming scheduled meetings send uninvited people to the lobby (or block them) and lock automatically",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)'), inForce('164.308(a)(4)(ii)(C)')],
  automation: 'automated',
  rationale:
    "A meeting's own settings override the site's and the host's defaults: a scheduled meeting with `unlockedMeetingJoinSecurity` `allowJoin` admits anyone holding the link straight into a clinical session, and one with `enableAutomaticLock` off stays open to late arrivals nobody admitted. Both are per meeting in Webex (List Meetings), so assess reads every selected host's upcoming meetings and reports each unsafe one (access control, 164.312(a)(1); access established only as authorized, 164.308(a)(4)(ii)(C)). Only assess judges this rule: the declaration cannot set a meeting's lobby.",
  remediation:
    'Ask the host to set the meeting to "lobby" or "blocked" for people not on the invite and to lock automatically, or declare ScheduledMeetingLobby with `fixMeetings: true` on the site: `webex-iac apply` then PATCHes each unsafe meeting (the lobby fields only, no email sent, the password untouched).',
  check: (subject) => (subject.mode === 'declared' ? [] : subject.sites.flatMap((site) => judgeSite(subject, site))),
};

function judgeSite(subject: Subject, site: SiteSubject): Judgement[] {
  const view = site.controls.scheduledMeetingLobby;
  if (view === undefined) return [{ target: { kind: 'site', siteUrl: site.siteUrl }, path: site.path, verdict: 'fail', message: notManaged(subject.mode, 'scheduledMeetingLobby'), values: {} }];
  return view.instances.map((instance) => judgeHostMeetings(instance, view.path));
}
