import { inForce } from '../../citations';
import { atLeast, equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** The minimum a meeting password must meet before Webex accepts it. */
export const MEETING_PASSWORD_MIN_LENGTH = 8;

/** Meeting passwords are hard to guess: a guessed password admits a stranger to a clinical session. */
export const SiteStrongMeetingPasswords: Rule = {
  id: 'WBX.MEET.5v1',
  name: 'SiteStrongMeetingPasswords',
  area: 'MEET',
  scope: 'site',
  title: `Meeting passwords must be strong: at least ${MEETING_PASSWORD_MIN_LENGTH} characters, mixed case and a digit`,
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.312(a)(1)'), inForce('164.312(d)')],
  automation: 'automated',
  rationale:
    "The meeting password is the only secret between a meeting link that was forwarded, guessed or leaked and the session it opens. Webex enforces the site's criteria only when `requireStrongPassword` is on; the criteria then set the minimum length and character mix of every new meeting password (164.312(a)(1), 164.312(d)).",
  remediation: `Keep MeetingSecurity \`requireStrongPassword\` (true) and \`passwordCriteria\` at their defaults (minLength 12, mixedCase, minNumeric 1), or declare at least minLength ${MEETING_PASSWORD_MIN_LENGTH}, mixedCase true and minNumeric 1, then run \`webex-iac apply\`.`,
  check: (subject) =>
    judgeSiteControl(subject, 'meetingSecurity', [
      equals('requireStrongPassword', true),
      atLeast('passwordCriteria.minLength', MEETING_PASSWORD_MIN_LENGTH),
      equals('passwordCriteria.mixedCase', true),
      atLeast('passwordCriteria.minNumeric', 1),
    ]),
};
