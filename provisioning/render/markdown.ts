import { markdownCode, markdownText } from '../../manifest/text';
import { fieldFlag } from '../floors';
import { Change, describeTarget, Plan } from '../plan';
import { formatValue, WRITE_ONLY_BEFORE } from './terminal';
import { compareCodePoints } from '../../manifest';

/** GitHub refuses comments over 65,536 characters; keep a margin for the CI wrapper's own text. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const PLAN_COMMENT_MARKER = '<!-- webex-iac-plan -->';

export interface MarkdownOptions {
  /** Upper bound on the rendered length. @default 60000 */
  readonly maxLength?: number;
  /** Where the full plan can be found when this rendering had to be truncated (a CI artifact name or URL). */
  readonly fullPlanLocation?: string;
  /** Heading, e.g. "webex-iac plan" or "webex-iac drift". */
  readonly title?: string;
}

interface Section {
  readonly summary: string;
  readonly body: string[];
}

/**
 * Plan → a pull-request comment: summary table first, weakening changes flagged and listed first, then
 * one folded `<details>` section per org and target. Sections are truncated evenly, with a note, when
 * the whole would not fit in one GitHub comment.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 60_000;
  const location = options.fullPlanLocation ?? 'the full plan artifact (`webex-iac plan --format json`)';
  const head = renderHead(plan, options.title ?? 'webex-iac plan');
  const sections = renderSections(plan);
  const full = assemble(head, sections);
  if (full.length <= maxLength) return full;

  // Give every section the same share of what is left, and say where the rest is.
  const note = (hidden: number) => `_… ${hidden} more lines not shown: the plan is larger than a pull-request comment. See ${location}._`;
  const overhead = head.length + sections.reduce((n, s) => n + s.summary.length + 64 + note(99_999).length, 0);
  let shown = sections;
  let omitted = 0;
  if (overhead > maxLength) {
    // Even the section headers do not fit: keep the first ones, count the rest.
    const perSection = Math.ceil(overhead / Math.max(sections.length, 1));
    const keep = Math.max(1, Math.floor((maxLength - head.length - 400) / perSection));
    omitted = sections.length - keep;
    shown = sections.slice(0, keep);
  }
  const budget = Math.max(0, Math.floor((maxLength - head.length - 400 - shown.reduce((n, s) => n + s.summary.length + 64 + note(99_999).length, 0)) / Math.max(shown.length, 1)));
  const truncated = shown.map((section) => {
    const lines: string[] = [];
    let used = 0;
    for (const line of section.body) {
      if (used + line.length + 1 > budget) break;
      lines.push(line);
      used += line.length + 1;
    }
    const hidden = section.body.length - lines.length;
    return { summary: section.summary, body: hidden > 0 ? [...closeFence(lines), '', note(hidden)] : lines };
  });
  const tail = omitted > 0 ? `\n_… ${omitted} more sections not shown. See ${location}._\n` : '';
  return assemble(head, truncated) + tail;
}

function renderHead(plan: Plan, title: string): string {
  const lines = [PLAN_COMMENT_MARKER, `## ${title}`, ''];
  if (plan.changes.length === 0) {
    lines.push(`**No changes.** The live Webex org matches the declaration (${plan.summary.unchangedSettings} settings checked).`, '');
  }
  lines.push('| Org | Changes | Weakening | Fields | Attestations due | Exceptions |', '|---|---:|---:|---:|---:|---:|');
  for (const org of plan.orgs) {
    const changes = plan.changes.filter((c) => c.org === org);
    const weakening = changes.filter((c) => c.impact === 'weakens').length;
    const fields = changes.reduce((n, c) => n + Object.keys(c.after).length, 0);
    const due = plan.attestations.filter((a) => a.org === org && a.status !== 'valid').length;
    const exceptions = plan.exceptions.filter((e) => e.org === org).length;
    lines.push(`| ${markdownText(org)} | ${changes.length} | ${weakening > 0 ? `⚠️ **${weakening}**` : '0'} | ${fields} | ${due > 0 ? `**${due}**` : '0'} | ${exceptions} |`);
  }
  lines.push('');
  if (plan.summary.weakening > 0) {
    lines.push(`> [!WARNING]`, `> **${plan.summary.weakening} change(s) weaken security** and are listed first. Each needs a reviewer's explicit approval.`, '');
  }
  return `${lines.join('\n')}\n`;
}

function renderSections(plan: Plan): Section[] {
  const sections: Section[] = [];
  for (const org of plan.orgs) {
    const byTarget = new Map<string, Change[]>();
    for (const change of plan.changes.filter((c) => c.org === org)) {
      const key = describeTarget(change.target);
      byTarget.set(key, [...(byTarget.get(key) ?? []), change]);
    }
    for (const [target, changes] of byTarget) {
      const weakening = changes.some((c) => c.impact === 'weakens');
      const summary = `${weakening ? '⚠️ weakens — ' : ''}<b>${markdownText(org)}</b> › ${markdownText(target)}: ${changes.length} change(s)`;
      const body = changes.flatMap((change) => renderChange(change));
      sections.push({ summary, body });
    }
  }
  return [...sections, ...reviewSections(plan)];
}

/** Findings and attestations: what the plan does not change but a reviewer must see. */
function reviewSections(plan: Plan): Section[] {
  const sections: Section[] = [];
  const findings = plan.findings;
  if (findings.length > 0) {
    const body = findings.map((f) => `- **${markdownText(f.org)}** › ${markdownText(describeTarget(f.target))}: ${markdownText(f.detail)} _(${f.kind}, \`${f.setting}\`)_`);
    sections.push({ summary: `🔎 Findings: ${findings.length} (not changes)`, body });
  }
  const attestations = plan.attestations;
  if (attestations.length > 0) {
    const flagged = attestations.filter((a) => a.status !== 'valid').length;
    const body = ['| Org | Attestation | State | Attested by | Expires | Reference |', '|---|---|---|---|---|---|'];
    for (const a of attestations) {
      const state = a.status === 'valid' ? 'valid' : `**${a.status}**`;
      body.push(`| ${markdownText(a.org)} | ${markdownText(a.title)} | ${state} | ${markdownText(a.attestedBy ?? '')} | ${markdownText(a.expires ?? '')} | ${markdownText(a.reference ?? '')} |`);
    }
    sections.push({ summary: `📝 Attestations: ${attestations.length - flagged} valid, ${flagged} expiring, expired or missing (manual; never applied)`, body });
  }
  const exceptions = plan.exceptions;
  if (exceptions.length > 0) {
    const body = ['| Org | Rule | Scope | State | Owner | Expires | Reason |', '|---|---|---|---|---|---|---|'];
    for (const e of exceptions) {
      const state = e.status === 'active' ? 'active' : `**${e.status}**`;
      body.push(`| ${markdownText(e.org)} | ${markdownText(e.ruleId)} | ${markdownText(e.appliesTo ?? 'whole org')} | ${state} | ${markdownText(e.owner)} | ${markdownText(e.expires)} | ${markdownText(e.reason)} |`);
    }
    sections.push({ summary: `🛡️ Policy exceptions: ${exceptions.length} (${exceptions.filter((e) => e.status !== 'active').length} expiring or expired)`, body });
  }
  return sections;
}

function renderChange(change: Change): string[] {
  const lines = [`\`${change.setting}\` — ${change.action}${change.impact === 'weakens' ? ' — **⚠️ weakens security**' : ''} (declared at ${markdownCode(change.path)})`, '', '```diff'];
  for (const field of Object.keys(change.after).sort(compareCodePoints)) {
    const text = fieldFlag(change.fieldImpacts[field] === 'weakens', change.valueRules?.[field]);
    const flag = text === '' ? '' : `   ${text}`;
    lines.push(`- ${field} = ${change.writeOnly ? WRITE_ONLY_BEFORE : formatValue(change.before[field])}`, `+ ${field} = ${formatValue(change.after[field])}${flag}`);
  }
  lines.push('```');
  if (change.unchangedFields > 0) lines.push(`_${change.unchangedFields} unchanged field(s) hidden._`);
  for (const note of change.notes) lines.push(`> ${markdownText(note)}`);
  lines.push('');
  return lines;
}

function assemble(head: string, sections: readonly Section[]): string {
  const parts = sections.map((s) => `<details><summary>${s.summary}</summary>\n\n${s.body.join('\n')}\n</details>\n`);
  return `${head}${parts.join('\n')}`;
}

/** A code fence cut in the middle would swallow the rest of the comment: close it. */
function closeFence(lines: string[]): string[] {
  const open = lines.filter((l) => l.startsWith('```')).length % 2 === 1;
  return open ? [...lines, '```'] : lines;
}
