import { markdownCode, markdownText } from '../../manifest/text';
import { compareCodePoints } from '../../manifest';
import { fieldFlag } from '../floors';
import { ChangeGroup, describeGroupTargets, emailOf, groupChanges, groupsInReadingOrder, groupWeakens, ORIGIN_LABELS } from '../change-groups';
import { liveFieldImpact } from '../change-origin';
import { describeTarget, FieldValue, Plan } from '../plan';
import { attributionShown, describeAttribution } from '../audit/attribution';
import { formatValue, summaryLine, WRITE_ONLY_BEFORE } from './terminal';

/** GitHub refuses comments over 65,536 characters; keep a margin for the CI wrapper's own text. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const PLAN_COMMENT_MARKER = '<!-- webex-iac-plan -->';

export interface MarkdownOptions {
  /** Upper bound on the rendered length. @default 60000 */
  readonly maxLength?: number;
  /** Where the full plan can be found when detail had to be left out (a CI artifact name or URL). */
  readonly fullPlanLocation?: string;
  /** Heading, e.g. "webex-iac plan" or "webex-iac drift". */
  readonly title?: string;
  /** The footer: the commit planned and when (from the CI environment). */
  readonly commit?: string;
  readonly createdAt?: string;
}

/**
 * How much per-target detail a rendering keeps. The plan is always whole (every org, every group of
 * changes, every weakening, finding and attestation due); when it does not fit in one comment, detail is
 * cut in this order: host lists, then the diff blocks of org and site changes, then the list of valid
 * attestations.
 */
interface Detail {
  /** Hosts listed per group (the rest is counted); undefined = all. */
  readonly hostsPerGroup?: number;
  readonly diffBlocks: boolean;
  readonly validAttestations: boolean;
}

const LEVELS: readonly Detail[] = [
  { diffBlocks: true, validAttestations: true },
  { hostsPerGroup: 25, diffBlocks: true, validAttestations: true },
  { hostsPerGroup: 5, diffBlocks: true, validAttestations: true },
  { hostsPerGroup: 0, diffBlocks: true, validAttestations: true },
  { hostsPerGroup: 0, diffBlocks: false, validAttestations: true },
  { hostsPerGroup: 0, diffBlocks: false, validAttestations: false },
];

/**
 * Plan → a pull-request comment a reviewer reads without a click: the summary line and table, then
 * weakening changes (⚠️ on the line itself), org and site changes, the same change on many hosts as one
 * line with its hosts folded, findings, attestations due and exceptions, and a footer naming the commit,
 * the time and where the full plan is.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return [...planMarkdownChunks(plan, options)].join('');
}

/**
 * renderPlanMarkdown in pieces (a group of changes at a time). The level of detail is chosen by counting
 * the rendering's length as it is made, giving up on a level as soon as it is too long, so no rendering
 * of a fleet is ever held whole; the chosen one is then made again, piece by piece, for writing.
 */
export function* planMarkdownChunks(plan: Plan, options: MarkdownOptions = {}): Generator<string> {
  const maxLength = options.maxLength ?? 60_000;
  const groups = groupChanges(plan.changes);
  for (const detail of LEVELS) {
    if (lengthAtMost(render(plan, groups, options, detail), maxLength)) {
      yield* render(plan, groups, options, detail);
      return;
    }
  }
  // Still too long (thousands of distinct findings): keep what fits, close open blocks, and say so.
  const note = `\n\n_… the rest is not shown: this plan is larger than a pull-request comment. See ${location(options)}._\n`;
  const cut = prefix(render(plan, groups, options, LEVELS[LEVELS.length - 1]!), maxLength - note.length - 64).replace(/\n[^\n]*$/, '');
  yield `${cut}${closeOpenBlocks(cut)}${note}`;
}

/** Whether the pieces add up to at most `max` characters; stops reading them as soon as they do not. */
function lengthAtMost(pieces: Iterable<string>, max: number): boolean {
  let length = 0;
  for (const piece of pieces) {
    length += piece.length;
    if (length > max) return false;
  }
  return true;
}

/** The first `length` characters of the pieces, reading no further. */
function prefix(pieces: Iterable<string>, length: number): string {
  let text = '';
  for (const piece of pieces) {
    text += piece;
    if (text.length >= length) break;
  }
  return text.slice(0, length);
}

function* render(plan: Plan, groups: readonly ChangeGroup[], options: MarkdownOptions, detail: Detail): Generator<string> {
  const title = options.title ?? 'webex-iac plan';
  const mode = title.includes('drift') ? 'drift' : 'plan';
  const order = groupsInReadingOrder(groups, mode);
  const omitted = detail.hostsPerGroup !== undefined || !detail.diffBlocks || !detail.validAttestations;
  const item = (g: ChangeGroup) => renderGroup(g, plan, detail, mode, plan.baseline !== 'none');
  const driftChanges = order.drift.reduce((n, g) => n + g.targets.length, 0);
  // Each part is left out when empty; the parts are separated by an empty line.
  const parts: readonly (Iterable<string> | undefined)[] = [
    [head(plan, title, mode)],
    section(`⚠️ ${mode === 'drift' ? 'Live values weaker than declared' : 'Weakening changes'} (${order.weakening.length})`, order.weakening, item),
    section(`🔀 Changes caused by drift (${driftChanges}): changed outside webex-iac, not by this declaration`, order.drift, item),
    section(`Org and site changes (${order.orgAndSite.length})`, order.orgAndSite, item),
    section(`Host changes (${order.hosts.reduce((n, g) => n + g.targets.length, 0)} on ${order.hosts.length} group(s))`, order.hosts, item),
    section(`Account and admin changes (${order.people.reduce((n, g) => n + g.targets.length, 0)})`, order.people, item),
    nonEmpty(findings(plan)),
    nonEmpty(attestations(plan, detail)),
    nonEmpty(exceptions(plan)),
    [footer(plan, options, omitted)],
  ];
  let first = true;
  for (const part of parts) {
    if (part === undefined) continue;
    if (!first) yield '\n';
    first = false;
    yield* part;
  }
}

function nonEmpty(text: string): Iterable<string> | undefined {
  return text === '' ? undefined : [text];
}

function head(plan: Plan, title: string, mode: 'plan' | 'drift'): string {
  const lines = [PLAN_COMMENT_MARKER, `## ${title}`, '', `**${summaryLine(plan, { mode }).replace(/^([A-Za-z ]+[:.])/, '$1**')}`, ''];
  if (plan.unknown.length > 0) {
    lines.push(`> [!CAUTION]`, `> **Could not read ${plan.unknown.length} ${plan.unknown.length === 1 ? 'target' : 'targets'}:** their state is unknown; they are neither changed nor counted as matching.`);
    for (const u of plan.unknown) lines.push(`> - **${markdownText(u.org)}** › ${markdownText(describeTarget(u.target))} (${markdownText(u.setting)}): ${markdownText(u.reason)}`);
    lines.push('');
  }
  lines.push('| Org | Changes | Weakening | Drift | Fields | Findings | Attestations due | Exceptions |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const org of plan.orgs) {
    const changes = plan.changes.filter((c) => c.org === org);
    const weakening = changes.filter((c) => groupWeakens(c, mode)).length;
    const drift = changes.filter((c) => c.origin === 'drift');
    const driftWeakening = drift.filter((c) => c.liveImpact === 'weakens').length;
    const fields = changes.reduce((n, c) => n + Object.keys(c.after).length, 0);
    const findings = plan.findings.filter((f) => f.org === org).length;
    const due = plan.attestations.filter((a) => a.org === org && a.status !== 'valid').length;
    const exceptions = plan.exceptions.filter((e) => e.org === org).length;
    const driftCell = drift.length === 0 ? '0' : `${drift.length}${driftWeakening > 0 ? ` (⚠️ **${driftWeakening} weakened**)` : ''}`;
    lines.push(`| ${markdownText(org)} | ${changes.length} | ${weakening > 0 ? `⚠️ **${weakening}**` : '0'} | ${driftCell} | ${fields} | ${findings} | ${due > 0 ? `**${due}**` : '0'} | ${exceptions} |`);
  }
  lines.push('', `<sub>${BASELINE_NOTES[plan.baseline]}</sub>`, '');
  if (mode === 'plan' && plan.summary.weakening > 0) {
    lines.push('> [!WARNING]', `> **${plan.summary.weakening} change(s) weaken security** and are listed first. Each needs a reviewer's explicit approval.`, '');
  }
  if (mode === 'drift' && plan.summary.weakerThanDeclared > 0) {
    lines.push('> [!WARNING]', `> **${plan.summary.weakerThanDeclared} live value(s) are weaker than declared** and are listed first: someone weakened the org outside webex-iac, or the declaration was never applied.`, '');
  }
  if (mode === 'plan' && plan.summary.driftWeakening > 0) {
    lines.push('> [!CAUTION]', `> **Drift weakened security: ${plan.summary.driftWeakening} value(s) were made weaker than declared outside webex-iac** (Control Hub or another tool), not by this change. Applying restores them; see "Changes caused by drift".`, '');
  }
  return lines.join('\n');
}

/** What the origin of each change was judged against, said once under the summary table. */
const BASELINE_NOTES: Readonly<Record<Plan['baseline'], string>> = {
  applied: 'Origin of each change: judged against the declaration webex-iac last applied (state folder).',
  manifest: 'Origin of each change: judged against the --baseline declaration (the target branch).',
  none: 'Origin of each change: unknown (no recorded apply and no --baseline); drift cannot be told apart from this declaration.',
};

/** A heading and its items, an empty line after each; undefined when there are none. Items are rendered as they are written. */
function section<T>(title: string, items: readonly T[], render: (item: T) => string): Iterable<string> | undefined {
  if (items.length === 0) return undefined;
  return (function* () {
    yield `### ${title}\n\n`;
    for (let i = 0; i < items.length; i++) yield `${i === 0 ? '' : '\n'}${render(items[i]!)}\n`;
  })();
}

/** One group: a line that says it all (who, what, from → to, ⚠️ when it weakens, 🔀 when drift caused it), then its detail. */
function renderGroup(group: ChangeGroup, plan: Plan, detail: Detail, mode: 'plan' | 'drift', knownBaseline: boolean): string {
  const orgCount = plan.orgs.length;
  const weakens = group.impact === 'weakens';
  const liveWeaker = group.liveImpact === 'weakens';
  const org = orgCount > 1 || group.scope === 'org' ? `**${markdownText(group.org)}** › ` : '';
  const fields = Object.keys(group.after).sort(compareCodePoints);
  const mixed = group.fieldOrigins !== undefined && new Set(Object.values(group.fieldOrigins)).size > 1;
  const fieldMark = (f: string) => {
    const weakensHere = mode === 'drift' ? liveFieldImpact(group, f) === 'weakens' : group.fieldImpacts[f] === 'weakens';
    return `${weakensHere ? ' ⚠️' : ''}${mixed && group.fieldOrigins?.[f] === 'drift' ? ' _(drift)_' : ''}`;
  };
  const inline = fields.map((f) => `${markdownCode(f)} ${valueText(group, f, 'before')} → ${valueText(group, f, 'after')}${fieldMark(f)}`).join(', ');
  const action = group.action === 'update' ? '' : ` (${group.action}${group.writeOnly ? ', write-only' : ''})`;
  const marks = [
    ...(mode === 'plan' && weakens ? ['⚠️ **WEAKENS**'] : []),
    ...(group.origin === 'drift' ? [liveWeaker ? '🔀 ⚠️ **DRIFT WEAKENED SECURITY**' : '🔀 **DRIFT**'] : mode === 'drift' && liveWeaker ? ['⚠️ **WEAKER THAN DECLARED**'] : []),
  ];
  const lines = [`- ${marks.map((m) => `${m} `).join('')}${org}${markdownText(describeGroupTargets(group))}: ${markdownCode(group.setting)}${action} ${inline}`];
  const blockDetail = (group.scope === 'org' || group.scope === 'site') && detail.diffBlocks && fields.length > 1;
  if (blockDetail) {
    lines.push('  ```diff');
    for (const f of fields) {
      const flag = fieldFlag(group.fieldImpacts[f] === 'weakens', group.valueRules?.[f]);
      lines.push(`  - ${f} = ${group.writeOnly ? WRITE_ONLY_BEFORE : formatValue(group.before[f])}`, `  + ${f} = ${formatValue(group.after[f])}${flag === '' ? '' : `   ${flag}`}`);
    }
    lines.push('  ```');
  }
  // Without a baseline every origin is unknown: said once under the summary table, not on every group.
  const meta = [...(knownBaseline ? [originText(group)] : []), `declared at ${markdownCode(group.path)}`, ...(group.unchangedFields > 0 ? [`${group.unchangedFields} unchanged field(s) hidden`] : [])];
  lines.push(`  <sub>${meta.join('; ')}</sub>`);
  for (const note of group.notes) lines.push(`  > ${markdownText(note)}`);
  lines.push(...attributionLines(group, plan, detail, mode));
  if (group.targets.length > 1) lines.push(...hostList(group, detail));
  return lines.join('\n');
}

/** Who made the drift: the target's explanation, or for many targets those an admin event explains (the first few) and a count of the rest. */
function attributionLines(group: ChangeGroup, plan: Plan, detail: Detail, mode: 'plan' | 'drift'): string[] {
  const changes = group.changes.map((i) => plan.changes[i]!).filter((change) => attributionShown(change, mode));
  if (changes.length === 0) return [];
  if (group.targets.length === 1) return [`  > 🕵️ ${markdownText(describeAttribution(changes[0]!.attribution!))}`];
  const explained = changes.filter((change) => change.attribution!.status !== 'no-audit-event');
  const shown = explained.slice(0, Math.min(detail.hostsPerGroup ?? 3, 3));
  const lines = shown.map((change) => `  > 🕵️ ${markdownText(emailOf(change.target))}: ${markdownText(describeAttribution(change.attribution!))}`);
  if (explained.length > shown.length) lines.push(`  > 🕵️ and ${explained.length - shown.length} more explained by admin audit events (full plan)`);
  const unexplained = changes.length - explained.length;
  if (unexplained > 0) lines.push(`  > 🕵️ ${unexplained} ${unexplained === 1 ? 'target' : 'targets'}: no audit event found (changed by the user, or older than the audit window)`);
  return lines;
}

/** The origin label of a group, with what drift did to the org. */
function originText(group: ChangeGroup): string {
  if (group.origin !== 'drift') return ORIGIN_LABELS[group.origin];
  const weaker = group.liveImpact === 'weakens' ? ' (the live value is weaker than declared)' : '';
  return `${ORIGIN_LABELS.drift}${weaker}`;
}

function hostList(group: ChangeGroup, detail: Detail): string[] {
  const shown = detail.hostsPerGroup === undefined ? group.targets : group.targets.slice(0, detail.hostsPerGroup);
  const hidden = group.targets.length - shown.length;
  if (shown.length === 0) return [`  <sub>${group.targets.length} ${group.scope === 'people' ? 'people' : 'hosts'}: listed in the full plan</sub>`];
  const names = shown.map((t) => markdownText(emailOf(t))).join(', ');
  return ['  <details><summary>which ' + (group.scope === 'people' ? 'people' : 'hosts') + '</summary>', '', `  ${names}${hidden > 0 ? ` … and ${hidden} more (full plan)` : ''}`, '', '  </details>'];
}

function valueText(group: ChangeGroup, field: string, side: 'before' | 'after'): string {
  if (side === 'before' && group.writeOnly) return '_(write-only)_';
  const value: FieldValue | undefined = group[side][field];
  return markdownCode(formatValue(value));
}

/** Findings: never folded, never cut. */
function findings(plan: Plan): string {
  if (plan.findings.length === 0) return '';
  const lines = [`### 🔎 Findings (${plan.findings.length}): not changes; act on them or opt in to the control's action`, ''];
  for (const f of plan.findings) lines.push(`- **${markdownText(f.org)}** › ${markdownText(describeTarget(f.target))}: ${markdownText(f.detail)} _(${f.kind}, ${markdownCode(f.setting)})_`);
  return `${lines.join('\n')}\n`;
}

/** Attestations due are listed; valid ones are folded into one line (or only counted). */
function attestations(plan: Plan, detail: Detail): string {
  if (plan.attestations.length === 0) return '';
  const due = plan.attestations.filter((a) => a.status !== 'valid');
  const valid = plan.attestations.filter((a) => a.status === 'valid');
  const lines = [`### 📝 Attestations: ${due.length} due, ${valid.length} valid (manual; never applied)`, ''];
  if (due.length > 0) {
    lines.push('| Org | Attestation | State | Attested by | Expires | Reference |', '|---|---|---|---|---|---|');
    for (const a of due) lines.push(`| ${markdownText(a.org)} | ${markdownText(a.title)} | **${a.status}** | ${markdownText(a.attestedBy ?? '')} | ${markdownText(a.expires ?? '')} | ${markdownText(a.reference ?? '')} |`);
    lines.push('');
  }
  if (valid.length > 0 && detail.validAttestations) {
    lines.push(`<details><summary>${valid.length} valid attestation(s)</summary>`, '', '| Org | Attestation | Attested by | Expires | Reference |', '|---|---|---|---|---|');
    for (const a of valid) lines.push(`| ${markdownText(a.org)} | ${markdownText(a.title)} | ${markdownText(a.attestedBy ?? '')} | ${markdownText(a.expires ?? '')} | ${markdownText(a.reference ?? '')} |`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

function exceptions(plan: Plan): string {
  if (plan.exceptions.length === 0) return '';
  const lines = [`### 🛡️ Policy exceptions (${plan.exceptions.length}, ${plan.exceptions.filter((e) => e.status !== 'active').length} expiring or expired)`, '', '| Org | Rule | Scope | State | Owner | Expires | Reason |', '|---|---|---|---|---|---|---|'];
  for (const e of plan.exceptions) {
    const state = e.status === 'active' ? 'active' : `**${e.status}**`;
    lines.push(`| ${markdownText(e.org)} | ${markdownText(e.ruleId)} | ${markdownText(e.appliesTo ?? 'whole org')} | ${state} | ${markdownText(e.owner)} | ${markdownText(e.expires)} | ${markdownText(e.reason)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function footer(plan: Plan, options: MarkdownOptions, omitted: boolean): string {
  const facts = [
    ...(options.commit ? [`commit ${markdownCode(options.commit)}`] : []),
    ...(options.createdAt ? [`planned ${markdownText(options.createdAt)}`] : []),
    `observed state ${markdownCode(plan.observedHash.slice(0, 12))}`,
    `full plan: ${location(options)}`,
  ];
  return ['---', `<sub>${omitted ? 'Per-host detail is shortened to fit one comment. ' : ''}${facts.join(' · ')}</sub>`, ''].join('\n');
}

function location(options: MarkdownOptions): string {
  return options.fullPlanLocation ?? 'the plan artifact (`webex-iac plan --format json`)';
}

/** A cut in the middle of a code fence or a details block would swallow the rest of the comment: close them. */
function closeOpenBlocks(text: string): string {
  let tail = '';
  if ((text.match(/```/g) ?? []).length % 2 === 1) tail += '\n```';
  const open = (text.match(/<details>/g) ?? []).length - (text.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) tail += '\n</details>';
  return tail;
}
