import { citation, describeCitation, shortCitation } from './citations';
import { citationsOf, levelOf, PROFILE_IDS, PROFILES } from './profiles';
import { AREAS, Area, Rule } from './rule';
import { compareCodePoints } from '../manifest';

/**
 * The HIPAA safeguards the pack does not check, and why: the other half of an honest mapping. Each row
 * is a paragraph (or group) of the Security Rule or of the NPRM, and the reason no rule covers it.
 */
export const NOT_CHECKED: readonly { readonly safeguard: string; readonly why: string }[] = [
  { safeguard: '164.308(a)(1)(ii)(A)–(B) risk analysis and risk management', why: 'An organizational process. Assessment reports (`webex-iac assess`) are an input to it; WBX.GOV.3v1 only makes sure the analysis knows where Webex keeps the ePHI.' },
  { safeguard: '164.308(a)(1)(ii)(C) sanction policy; 164.308(a)(2) assigned security responsibility', why: 'People and policy, not configuration: nothing in Webex records them.' },
  { safeguard: '164.308(a)(3)(ii)(A)–(B) authorization/supervision, workforce clearance', why: 'Decided by the organization before an account exists. webex-iac checks the outcome for admins (WBX.ADMIN.1v1) and idle accounts (WBX.ACCT.1v1), not the decision process.' },
  { safeguard: '164.308(a)(5)(i), (a)(5)(ii)(A)–(B) security awareness training, security reminders, protection from malicious software', why: 'Training and endpoint protection happen outside Webex; Webex has no setting for them.' },
  { safeguard: '164.308(a)(6) security incident procedures', why: 'An organizational procedure. The evidence log (admin and sign-in events, WBX.AUDIT.1v1) supports it but is not it.' },
  { safeguard: '164.308(a)(7) contingency plan (backup, disaster recovery, emergency mode); NPRM 72-hour restore', why: "Webex's availability and backups are Cisco's, under the BAA; the customer's plan for working without Webex is a document. No API exposes either." },
  { safeguard: '164.308(a)(8) evaluation; NPRM annual compliance audit', why: 'webex-iac produces the technical part (assess reports, evidence log), but the periodic evaluation is performed and signed by people.' },
  { safeguard: '164.310 physical safeguards (facility access, workstation use and security, device and media controls)', why: "Cisco's data centers are covered by the BAA (WBX.GOV.1v1); clinic workstations and phones are outside Webex. Only disposal of Webex content is covered (retention, WBX.RET.1v1/2v1)." },
  { safeguard: '164.312(a)(2)(ii) emergency access procedure (in force)', why: 'A break-glass procedure for reaching ePHI in an emergency is organizational; Webex has no emergency-access setting.' },
  { safeguard: '164.312(c)(1)–(c)(2) integrity of ePHI at rest', why: "Stored meetings, recordings and messages are protected by Cisco's platform (encryption at rest, access logs) under the BAA; no customer setting or API exists." },
  { safeguard: '164.312(e)(2)(i) integrity controls in transmission; TLS versions and cipher suites', why: 'Webex negotiates TLS for signalling and SRTP for media itself; neither can be read or set through the API. WBX.ENC.3v1 requires the BAA to cover each service in use instead.' },
  { safeguard: 'Per-meeting settings (a host unlocking a meeting, excluding a password, changing the lobby of one meeting)', why: 'They change meeting by meeting, in the app, after webex-iac ran; the pack governs the site and host defaults every meeting starts from.' },
  { safeguard: '164.314(a)(2) required content of business associate contracts; 164.316(a) policies and procedures', why: 'Legal and documentary: whether the BAA says what HIPAA requires, and whether the policies are written, is for counsel and the privacy officer. WBX.GOV.1v1 only records that a BAA is signed and current.' },
  { safeguard: 'NPRM: technology asset inventory and network map, configuration baselines, patching deadlines, vulnerability scans every 6 months, annual penetration tests, network segmentation', why: 'They concern the organization\'s own systems and network, not Webex settings; the manifest is a configuration baseline for Webex, which is as far as a Webex tool reaches.' },
];

const AUTOMATION_TEXT = {
  automated: 'automated: `check` judges the declaration, `assess` reads the live org through the Webex API',
  'write-only': 'write-only: Webex accepts the setting but offers no read; `assess` reports "enforced by webex-iac on <date>" from the local enforcement record, or "not verifiable"',
  'manual-attestation': 'manual attestation: Webex has no API; a named person attests the control in the manifest (who, when, evidence reference, expiry), and every report shows it as attested, never as applied',
};

/** RULES.md, generated from the pack (`npm run rules`); a test fails when the committed file differs. */
export function renderRulesDoc(pack: readonly Rule[]): string {
  const out: string[] = [
    '# webex-iac policy rules',
    '',
    '<!-- Generated from policies/ by `npm run rules`; do not edit by hand. -->',
    '',
    `${pack.length} rules check a Webex org against the HIPAA Security Rule, in the declaration (\`webex-iac check\`, and \`webex-iac synth\`) and in the live org (\`webex-iac assess\`), with the same checks. Rule ids are stable and versioned (\`WBX.<AREA>.<n>v<version>\`); a finding is \`<id>[<site, host or account>]\`.`,
    '',
    '- **Levels.** A failing SHALL rule makes `check`, `synth` and `assess` fail; a failing SHOULD rule is a warning.',
    `- **Profiles.** ${PROFILE_IDS.map((id) => `\`${id}\`: ${PROFILES[id].description}`).join(' ')} A profile changes levels and citations, never checks.`,
    '- **Citations.** 45 CFR paragraphs; `*` marks a paragraph of the proposed rule (90 FR 898), which may be renumbered when a final rule is published. In the NPRM columns an unmarked paragraph is cited as in force.',
    ...Object.values(AUTOMATION_TEXT).map((text) => `- **Automation**, ${text}.`),
    '- **Exceptions** (`Exceptions.add(scope, [{ ruleId, reason, owner, expires, appliesTo? }])`) accept a finding until their expiry: a reason of at least 10 characters, an owner, an expiry date, optionally one site or one finding. Expired exceptions stop suppressing and say so; every exception is listed in every report; rules marked "refused" accept none.',
    '',
    '## Profile differences',
    '',
    '| ID | Title | hipaa-current | hipaa-nprm-2025 | Citations under hipaa-nprm-2025 |',
    '|---|---|---|---|---|',
  ];
  for (const rule of pack.filter((r) => r.nprm !== undefined)) {
    out.push(`| ${rule.id} | ${cell(rule.title)} | ${levelOf(rule, 'hipaa-current')} | ${levelOf(rule, 'hipaa-nprm-2025')} | ${citationsOf(rule, 'hipaa-nprm-2025').map(describeCitation).join('; ')} |`);
  }
  for (const area of Object.keys(AREAS) as Area[]) {
    const rules = pack.filter((r) => r.area === area);
    if (rules.length === 0) continue;
    out.push('', `## ${area}: ${AREAS[area]}`, '', '| ID | Name | Title | Level (current / NPRM) | Citations (current) | Citations (NPRM) | Automation | Exceptions |', '|---|---|---|---|---|---|---|---|');
    for (const rule of rules) {
      const levels = `${levelOf(rule, 'hipaa-current')} / ${levelOf(rule, 'hipaa-nprm-2025')}`;
      const current = citationsOf(rule, 'hipaa-current').map(shortCitation).join(', ');
      const nprm = citationsOf(rule, 'hipaa-nprm-2025').map(shortCitation).join(', ');
      out.push(`| ${rule.id} | ${rule.name} | ${cell(rule.title)} | ${levels} | ${current} | ${nprm} | ${rule.automation} | ${rule.exceptions ? `refused: ${cell(rule.exceptions.refused)}` : 'allowed'} |`);
    }
    for (const rule of rules) out.push('', `**${rule.id} ${rule.name}.** ${rule.rationale}`, '', `*Remediation:* ${rule.remediation}`);
  }
  out.push('', '## Cited paragraphs', '', '| Paragraph | Title | Designation |', '|---|---|---|');
  const cited = new Map<string, ReturnType<typeof citation>>();
  for (const rule of pack) for (const profile of PROFILE_IDS) for (const ref of citationsOf(rule, profile)) cited.set(`${ref.edition}:${ref.section}`, citation(ref));
  for (const c of [...cited.values()].sort((a, b) => compareCodePoints(a.edition + a.section, b.edition + b.section))) {
    out.push(`| ${c.edition === 'proposed' ? `${c.section}* (90 FR 898)` : c.section} | ${c.title} | ${c.designation} |`);
  }
  out.push('', '## HIPAA safeguards the tool cannot check', '', 'webex-iac checks what a Webex declaration or a Webex org can show. These safeguards apply to an organization using Webex, but no setting, API or attestation in the manifest can show them, so no rule pretends to:', '', '| Safeguard | Why no rule checks it |', '|---|---|');
  for (const row of NOT_CHECKED) out.push(`| ${cell(row.safeguard)} | ${cell(row.why)} |`);
  return `${out.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
