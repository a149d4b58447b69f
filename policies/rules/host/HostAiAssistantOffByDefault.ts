import { inForce } from '../../citations';
import { equals, judgeSiteControl } from '../../judge';
import type { Rule } from '../../rule';

/** No host's meetings start with the AI Assistant listening unless the host turns it on for that meeting. */
export const HostAiAssistantOffByDefault: Rule = {
  id: 'WBX.HOST.4v1',
  name: 'HostAiAssistantOffByDefault',
  area: 'HOST',
  scope: 'site',
  title: "Every host's scheduling options keep the Webex AI Assistant off by default",
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.308(b)(1)'), inForce('164.314(a)(1)')],
  automation: 'automated',
  rationale:
    "With `enabledWebexAssistantByDefault` on, every meeting the host schedules starts with the AI Assistant processing what is said: ePHI handled by a service the BAA may not name. Off by default, it runs only where the host turns it on for a meeting the BAA covers (164.308(b)(1), 164.314(a)). Whether the site offers the assistant, transcription and summaries at all has no API and stays attested (aiAssistantCoverage).",
  remediation:
    "Keep `schedulingOptions.enabledWebexAssistantByDefault` of hostAiAssistant at its default (false): HipaaBaseline `hostAiAssistant`, or a HostPreferences construct with `control: 'hostAiAssistant'`, then run `webex-iac apply` (it sets each selected host's scheduling options).",
  check: (subject) => judgeSiteControl(subject, 'hostAiAssistant', [equals('schedulingOptions.enabledWebexAssistantByDefault', false)]),
};
