import { createColors } from 'picocolors';
import type { AppliedChange } from '../applier';
import { jsonText, terminalQuoted, terminalText } from '../../manifest/text';
import { fieldFlag } from '../floors';
import { AttestationStatus, Change, ChangeAction, describeTarget, FieldValue, Finding, Plan, ExceptionStatus, Target } from '../plan';
import { canonicalJson, compareCodePoints } from '../../manifest';
import { ChangeGroup, emailOf, groupChanges, ORIGIN_LABELS } from '../change-groups';
import { attributionShown, describeAttribution } from '../audit/attribution';

export interface TerminalOptions {
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  readonly color?: boolean;
  /** `drift` words the same data as what changed outside webex-iac rather than what apply will do. */
  readonly mode?: 'plan' | 'drift';
}

/**
 * Plan → text in the style reviewers know from Terraform: one block per target and setting, `~` for an
 * in-place update, unchanged fields collapsed into a count, a summary line at the end.
 */
export function renderPlanText(plan: Plan, options: TerminalOptions = {}): string {
  return [...planTextChunks(plan, options)].join('');
}

/** renderPlanText in pieces (an org at a time, the review, the summary), written as they are made. */
export function* planTextChunks(plan: Plan, options: TerminalOptions = {}): Generator<string> {
  const c = createColors(options.color ?? false);
  const drift = options.mode === 'drift';
  const unknown = renderUnknown(plan, c);
  if (plan.changes.length === 0 && unknown.length === 0) {
    const summary = `${c.green(c.bold(drift ? 'No drift.' : 'No changes.'))}${summaryLine(plan, options).replace(/^No (changes|drift)\./, '')}`;
    const review = [...renderReview(plan, c), ...(hasReview(plan) ? [''] : []), summary];
    // The review opens with an empty line, which this rendering has nothing to separate from.
    yield linesText(review[0] === '' ? review.slice(1) : review);
    return;
  }
  if (plan.changes.length === 0) {
    yield linesText([...unknown, ...renderReview(plan, c), '', summaryLine(plan, options)]);
    return;
  }
  const lines: string[] = [drift ? 'The live Webex org has drifted from the declaration; apply would make these changes:' : 'webex-iac will perform the following actions:', ''];
  if (!drift && plan.summary.weakening > 0) {
    lines.push(c.red(c.bold(`Warning: ${plan.summary.weakening} change(s) weaken security; they are listed first.`)), '');
  }
  if (drift && plan.summary.weakerThanDeclared > 0) {
    lines.push(c.red(c.bold(`Warning: ${plan.summary.weakerThanDeclared} live value(s) are weaker than declared (marked WEAKER THAN DECLARED).`)), '');
  }
  if (!drift && plan.summary.driftWeakening > 0) {
    lines.push(c.red(c.bold(`Warning: drift weakened security: ${plan.summary.driftWeakening} change(s) restore values made weaker outside webex-iac, not by this declaration (marked DRIFT).`)), '');
  }
  const groups = groupChanges(plan.changes);
  for (const org of plan.orgs) {
    const ofOrg = groups.filter((g) => g.org === org);
    if (ofOrg.length === 0) continue;
    lines.push(c.bold(`Org ${terminalQuoted(org)}`), '');
    // Org, site and account changes in full (identical site changes share one block naming every site),
    // then the hosts of each site: one line per group of identical changes, the hosts folded.
    for (const block of mergeIdenticalSites(ofOrg.filter((g) => g.scope !== 'hosts'))) lines.push(...renderBlock(block, plan, c, drift), '');
    // The hosts of every site of the org in one block: a baseline's change is the same on every site, so
    // a group of identical changes spans the sites that need it (its line names them when not all do).
    const hostGroups = ofOrg.filter((g) => g.scope === 'hosts');
    if (hostGroups.length > 0) {
      const sites = [...new Set(hostGroups.map((g) => g.siteUrl!))];
      const merged = mergeAcrossSites(hostGroups);
      const hosts = hostGroups.reduce((n, g) => n + g.targets.length, 0);
      lines.push(c.bold(`  # hosts of ${sites.map(terminalText).join(', ')}: ${hosts} change(s) in ${merged.length} group(s) of identical changes`));
      for (const block of merged) {
        lines.push(...renderHostGroup(block, sites.length, c, drift));
        for (const group of block) lines.push(...hostAttributions(group, plan, c, drift));
      }
      lines.push('');
    }
    // Written org by org: a fleet's plan is never held as one string.
    yield linesText(lines.splice(0));
  }
  // Findings, attestations and exceptions, then the summary: the last line, right before apply's prompt.
  if (unknown.length > 0) lines.push(...unknown, '');
  lines.push(...renderReview(plan, c).slice(1), ...(hasReview(plan) ? [''] : []), summaryLine(plan, options));
  yield linesText(lines);
}

/** Lines as text, each ended by a newline. */
function linesText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function hasReview(plan: Plan): boolean {
  return plan.findings.length + plan.attestations.length + plan.exceptions.length > 0;
}

/** Hosts named in a folded group before "and N more". */
const HOSTS_SHOWN = 3;

/** Site changes of one org that are the same change (same fields, same values) on several sites. */
function mergeIdenticalSites(groups: readonly ChangeGroup[]): ChangeGroup[][] {
  const blocks = new Map<string, ChangeGroup[]>();
  groups.forEach((group, i) => {
    const key = group.scope === 'site' ? canonicalJson([group.setting, group.action, group.impact, group.before, group.after, group.valueRules ?? null, group.notes, group.unchangedFields, group.origin, group.fieldOrigins ?? null, group.liveImpact]) : `#${i}`;
    blocks.set(key, [...(blocks.get(key) ?? []), group]);
  });
  return [...blocks.values()];
}

/** A change in full; when several sites share it, the heading names each of them. */
function renderBlock(block: readonly ChangeGroup[], plan: Plan, c: ReturnType<typeof createColors>, drift: boolean): string[] {
  const first = plan.changes[block[0]!.changes[0]!]!;
  const lines = renderChange(first, c, plan.baseline !== 'none', drift);
  if (block.length > 1) lines[0] = lines[0]!.replace(`# ${target(first.target)}:`, `# sites ${block.map((g) => terminalText(g.siteUrl!)).join(', ')}:`);
  // Who made it, per target: the sites of a merged block may each have their own explanation.
  for (const group of block) {
    const change = plan.changes[group.changes[0]!]!;
    const attribution = change.attribution;
    if (attribution !== undefined && attributionShown(change, drift ? 'drift' : 'plan')) lines.push(c.dim(`    # ${block.length > 1 ? `${terminalText(group.siteUrl!)}: ` : ''}${terminalText(describeAttribution(attribution))}`));
  }
  return lines;
}


/**
 * Who made the drift of a group of hosts: one line per host an admin event explains (the first few), and
 * a count of the rest.
 */
function hostAttributions(group: ChangeGroup, plan: Plan, c: ReturnType<typeof createColors>, drift: boolean): string[] {
  const changes = group.changes.map((i) => plan.changes[i]!).filter((change) => change.attribution !== undefined && attributionShown(change, drift ? 'drift' : 'plan'));
  const explained = changes.filter((change) => change.attribution!.status !== 'no-audit-event');
  const shown = explained.slice(0, HOSTS_SHOWN).map((change) => c.dim(`      # ${terminalText(emailOf(change.target))}: ${terminalText(describeAttribution(change.attribution!))}`));
  const moreExplained = explained.length - shown.length;
  const unexplained = changes.length - explained.length;
  return [
    ...shown,
    ...(moreExplained > 0 ? [c.dim(`      # and ${moreExplained} more explained by admin audit events (--format json carries each)`)] : []),
    ...(unexplained > 0 ? [c.dim(`      # ${unexplained === changes.length ? (unexplained === 1 ? 'this host' : `all ${unexplained} hosts`) : `${unexplained} other ${unexplained === 1 ? 'host' : 'hosts'}`}: no audit event found (changed by the user, or older than the audit window)`)] : []),
  ];
}

/** Host groups of one org that are the same change on several sites, in plan order of their first group. */
function mergeAcrossSites(groups: readonly ChangeGroup[]): ChangeGroup[][] {
  const blocks = new Map<string, ChangeGroup[]>();
  for (const group of groups) {
    const { siteUrl: _site, targets: _targets, changes: _changes, ...shape } = group;
    const key = canonicalJson(shape as unknown as Parameters<typeof canonicalJson>[0]);
    blocks.set(key, [...(blocks.get(key) ?? []), group]);
  }
  return [...blocks.values()];
}

/**
 * One line per group of identical host changes: what changes, on how many hosts (and on which sites, when
 * the block has several and the group is not on all of them), and the first hosts.
 */
function renderHostGroup(block: readonly ChangeGroup[], blockSites: number, c: ReturnType<typeof createColors>, drift: boolean): string[] {
  const group = block[0]!;
  const targets = block.flatMap((g) => g.targets);
  const fields = Object.keys(group.after).sort(compareCodePoints);
  const symbol = c.yellow(ACTION_STYLE[group.action]?.symbol ?? '~');
  const changes = fields.map((f) => `${f} ${formatValue(group.before[f])} ${c.yellow('->')} ${formatValue(group.after[f])}${group.fieldImpacts[f] === 'weakens' ? c.red(' (weakens)') : ''}`).join(', ');
  const weakens = `${group.impact === 'weakens' ? ` ${c.red(c.bold('(WEAKENS SECURITY)'))}` : ''}${originMark(group, c, drift)}`;
  const where = blockSites === 1 ? '' : block.length === blockSites ? ` on all ${blockSites} sites` : ` on ${block.map((g) => terminalText(g.siteUrl!)).join(', ')}`;
  const names = [...new Set(targets.map((t) => terminalText(emailOf(t))))].slice(0, HOSTS_SHOWN);
  const more = targets.length - names.length;
  return [
    `  ${symbol} ${targets.length} ${targets.length === 1 ? 'host' : 'hosts'}${where}: ${group.setting} ${changes}${weakens}`,
    c.dim(`      # ${names.join(', ')}${more > 0 ? ` and ${more} more (--format json lists every one)` : ''}`),
    ...(group.notes.length > 0 ? [c.dim(`      # note: ${group.notes.map(terminalText).join('; ')}`)] : []),
  ];
}

/**
 * "Could not read N targets:" and one line per target with the reason: never hidden, never counted as
 * converged, and the command exits 1 (cli/commands/plan-output.ts).
 */
function renderUnknown(plan: Plan, c: ReturnType<typeof createColors>): string[] {
  if (plan.unknown.length === 0) return [];
  const lines = [c.red(c.bold(`Could not read ${plan.unknown.length} ${plan.unknown.length === 1 ? 'target' : 'targets'}:`)) + ' their state is unknown; they are neither changed nor counted as matching.'];
  for (const org of plan.orgs) {
    lines.push(...byOrg(plan, plan.unknown.filter((u) => u.org === org), org, (u) => [`  ${c.red('?')} ${target(u.target)} (${terminalText(u.setting)}): ${terminalText(u.reason)}`]));
  }
  return lines;
}

/** The one-line summary: the last line of the text rendering, and all that `--quiet` prints. */
export function summaryLine(plan: Plan, options: TerminalOptions = {}): string {
  const c = createColors(options.color ?? false);
  const { changes, fields, unchangedSettings, weakening } = plan.summary;
  const unknown = plan.unknown.length;
  const unread = unknown > 0 ? `, ${c.red(c.bold(`${unknown} could not be read`))}` : '';
  if (changes === 0 && unknown > 0) {
    return `${c.bold('Unknown:')} could not read ${unknown} ${unknown === 1 ? 'target' : 'targets'}; no ${options.mode === 'drift' ? 'drift' : 'changes'} in the rest (${unchangedSettings} settings checked).`;
  }
  if (changes === 0) {
    return `${options.mode === 'drift' ? 'No drift.' : 'No changes.'} The live Webex org matches the declaration (${unchangedSettings} settings checked).`;
  }
  const drifting = options.mode === 'drift';
  // In drift, weakening is a live value weaker than declared; in a plan, a change that weakens when applied.
  const weakCount = drifting ? plan.summary.weakerThanDeclared : weakening;
  const weak = weakCount > 0 ? `, ${c.red(c.bold(`${weakCount} weakening`))}` : '';
  const driftCount = plan.summary.drift ?? 0;
  const driftWeak = plan.summary.driftWeakening ?? 0;
  const driftText = driftCount > 0 ? `, ${c.yellow(`${driftCount} caused by drift`)}${driftWeak > 0 && !drifting ? ` (${c.red(c.bold(`${driftWeak} weakened outside webex-iac`))})` : ''}` : '';
  const label = drifting ? 'Drift:' : 'Plan:';
  // Only updates: the line reviewers know. Other actions are counted inside the parentheses.
  const actions = plan.summary.actions ?? { update: changes, enforce: 0, revoke: 0, deactivate: 0 };
  const others = ACTION_ORDER.filter((a) => a !== 'update' && actions[a] > 0);
  const byAction = others.length === 0 ? '' : `: ${ACTION_ORDER.filter((a) => actions[a] > 0).map((a) => `${actions[a]} ${ACTION_COUNT_LABEL[a]}`).join(', ')}`;
  return `${c.bold(label)} ${changes} to change (${fields} ${fields === 1 ? 'field' : 'fields'}${byAction})${weak}${driftText}, ${unchangedSettings} unchanged${unread}.`;
}

const ACTION_ORDER: readonly ChangeAction[] = ['update', 'enforce', 'revoke', 'deactivate'];
const ACTION_COUNT_LABEL: Readonly<Record<ChangeAction, string>> = { update: 'to update', enforce: 'to enforce (write-only)', revoke: 'to revoke', deactivate: 'to deactivate' };

/** Symbol and heading of each action, in Terraform's manner. */
const ACTION_STYLE: Readonly<Record<ChangeAction, { readonly symbol: string; readonly heading: string }>> = {
  update: { symbol: '~', heading: 'will be updated in-place' },
  enforce: { symbol: '!', heading: 'will be enforced (write-only: Webex cannot read it back)' },
  revoke: { symbol: '-', heading: ': admin roles will be revoked' },
  deactivate: { symbol: '~', heading: ': login will be turned off' },
};

/** What the value of a write-only field is shown as: it was never read. */
export const WRITE_ONLY_BEFORE = '(write-only: cannot be read)';

/** Findings and attestations, after the summary line: what a reviewer must still look at. */
function renderReview(plan: Plan, c: ReturnType<typeof createColors>): string[] {
  const lines: string[] = [];
  const findings = plan.findings;
  if (findings.length > 0) {
    lines.push('', c.bold(`Findings (${findings.length}): not changes; act on them, or opt in to the action the control offers`));
    for (const org of plan.orgs) lines.push(...byOrg(plan, findings.filter((f) => f.org === org), org, (f) => renderFinding(f, c)));
  }
  const attestations = plan.attestations;
  if (attestations.length > 0) {
    const counts = (['valid', 'expiring', 'expired', 'missing'] as const).map((s) => `${attestations.filter((a) => a.status === s).length} ${s}`).join(', ');
    lines.push('', c.bold(`Attestations (${counts}): controls Webex has no API for, attested by people; never applied by webex-iac`));
    const due = attestations.filter((a) => a.status !== 'valid');
    for (const org of plan.orgs) lines.push(...byOrg(plan, due.filter((a) => a.org === org), org, (a) => renderAttestation(a, c)));
    const valid = attestations.length - due.length;
    if (valid > 0) lines.push(`  ${c.green('valid'.padEnd(8))} ${valid} attestation(s) valid and not expiring within 30 days (--format json lists them)`);
  }
  const exceptions = plan.exceptions;
  if (exceptions.length > 0) {
    lines.push('', c.bold(`Policy exceptions (${exceptions.length}): accepted findings, each with an owner and an expiry`));
    for (const org of plan.orgs) lines.push(...byOrg(plan, exceptions.filter((e) => e.org === org), org, (e) => renderException(e, c)));
  }
  return lines;
}

function byOrg<T>(plan: Plan, items: readonly T[], org: string, render: (item: T) => string[]): string[] {
  if (items.length === 0) return [];
  return [...(plan.orgs.length > 1 ? [`  Org ${terminalQuoted(org)}`] : []), ...items.flatMap(render)];
}

function renderFinding(finding: Finding, c: ReturnType<typeof createColors>): string[] {
  return [`  ${c.yellow('*')} ${target(finding.target)}: ${terminalText(finding.detail)} ${c.dim(`(${finding.kind}, ${finding.setting})`)}`];
}

function renderException(e: ExceptionStatus, c: ReturnType<typeof createColors>): string[] {
  const colour = e.status === 'active' ? c.green : e.status === 'expiring' ? c.yellow : c.red;
  const scope = e.appliesTo ? ` for ${terminalText(e.appliesTo)}` : '';
  return [`  ${colour(e.status.padEnd(8))} ${terminalText(e.ruleId)}${scope}: ${terminalText(e.reason)}`, c.dim(`      # owner ${terminalText(e.owner)}, expires ${terminalText(e.expires)}; declared at ${terminalText(e.path)}`)];
}

function renderAttestation(a: AttestationStatus, c: ReturnType<typeof createColors>): string[] {
  const colour = a.status === 'valid' ? c.green : a.status === 'expiring' ? c.yellow : c.red;
  const head = `  ${colour(a.status.padEnd(8))} ${terminalText(a.control)}: ${terminalText(a.title)}`;
  if (a.status === 'missing') return [head, c.dim(`      # not attested${a.required ? ' (required)' : ''}; declared at ${terminalText(a.path)}`)];
  const details = Object.entries(a.details ?? {}).map(([k, v]) => `${terminalText(k)} ${formatValue(v)}`).join(', ');
  return [head, c.dim(`      # attested by ${terminalText(a.attestedBy ?? '')} on ${terminalText(a.attestedOn ?? '')}, expires ${terminalText(a.expires ?? '')}, reference ${terminalText(a.reference ?? '')}${details ? `; ${details}` : ''}`)];
}

/**
 * The origin after a change's heading: DRIFT (red when the drift weakened the org) for a change caused by
 * drift; in `drift`, WEAKER THAN DECLARED for any live value weaker than declared.
 */
function originMark(change: Pick<Change, 'origin' | 'liveImpact'>, c: ReturnType<typeof createColors>, drift: boolean): string {
  const weaker = change.liveImpact === 'weakens';
  if (change.origin === 'drift') return ` ${weaker ? c.red(c.bold('(DRIFT: WEAKENED OUTSIDE webex-iac)')) : c.yellow('(DRIFT: changed outside webex-iac)')}`;
  return drift && weaker ? ` ${c.red(c.bold('(WEAKER THAN DECLARED)'))}` : '';
}

function renderChange(change: Change, c: ReturnType<typeof createColors>, knownBaseline = false, drift = false): string[] {
  const weakens = change.impact === 'weakens';
  const style = ACTION_STYLE[change.action] ?? ACTION_STYLE.update;
  const symbol = change.action === 'revoke' ? c.red(style.symbol) : c.yellow(style.symbol);
  // The origin of every change is said when a baseline is known; without one, the summary says it once.
  const origin = knownBaseline ? `; ${ORIGIN_LABELS[change.origin]}` : '';
  const lines = [
    c.bold(`  # ${target(change.target)}: ${change.setting}${style.heading.startsWith(':') ? '' : ' '}${style.heading}`) + (weakens ? ` ${c.red(c.bold('(WEAKENS SECURITY)'))}` : '') + originMark(change, c, drift),
    c.dim(`  # declared at ${terminalText(change.path)}${origin}`),
    `  ${symbol} ${change.setting} {`,
  ];
  const fields = Object.keys(change.after).sort(compareCodePoints);
  const width = Math.max(...fields.map((f) => f.length));
  const mixed = new Set(Object.values(change.fieldOrigins ?? {})).size > 1;
  for (const field of fields) {
    const weakens = change.fieldImpacts[field] === 'weakens';
    // A change with fields of both origins says which fields drifted.
    const drifted = mixed && change.fieldOrigins?.[field] === 'drift';
    const rule = fieldFlag(weakens, change.valueRules?.[field]);
    const text = !drifted ? rule : rule === '' ? '# drift' : `${rule}; drift`;
    const flag = text === '' ? '' : `  ${weakens ? c.red(text) : c.dim(text)}`;
    const before = change.writeOnly ? WRITE_ONLY_BEFORE : formatValue(change.before[field]);
    lines.push(`      ${symbol} ${field.padEnd(width)} = ${before} ${c.yellow('->')} ${formatValue(change.after[field])}${flag}`);
  }
  if (change.unchangedFields > 0) {
    lines.push(c.dim(`        # (${change.unchangedFields} unchanged ${change.unchangedFields === 1 ? 'field' : 'fields'} hidden)`));
  }
  lines.push('    }');
  for (const note of change.notes) lines.push(c.dim(`    # note: ${terminalText(note)}`));
  return lines;
}

export function formatValue(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '(unset)';
  if (Array.isArray(value)) return `[${value.map((v) => jsonText(v)).join(', ')}]`;
  return jsonText(value);
}

/** A target as a reviewer reads it; its email and site come from Webex, so they are escaped. */
function target(t: Target): string {
  return terminalText(describeTarget(t));
}

/** One line per change as apply completes it, worded by action. */
export function describeApplied(applied: AppliedChange): string {
  const { change } = applied;
  const trackingId = terminalText(applied.trackingId ?? '');
  const where = target(change.target);
  switch (change.action) {
    case 'enforce': {
      const unverified = applied.unverifiedFields ?? [];
      const check = unverified.length === 0 ? "Webex's response echoed every field" : `Webex's response did not echo ${unverified.map(terminalText).join(', ')}: not verifiable`;
      return `${where}: ${change.setting} enforced (write-only; ${check}) and recorded in the state folder (trackingId ${trackingId})`;
    }
    case 'revoke':
      return `${where}: ${change.setting}: admin roles revoked and verified (trackingId ${trackingId})`;
    case 'deactivate':
      return `${where}: ${change.setting}: login turned off and verified (trackingId ${trackingId})`;
    default:
      return `${where}: ${change.setting} updated and verified (trackingId ${trackingId})`;
  }
}

/** The last line of apply. */
export function applySummary(applied: readonly AppliedChange[]): string {
  const writeOnly = applied.filter((a) => a.change.writeOnly).length;
  const byAnswer = applied.filter((a) => !a.change.writeOnly && a.verifiedBy === 'answer').length;
  const readBack = applied.length - writeOnly - byAnswer;
  const answered = byAnswer === 0 ? '' : `, ${byAnswer} verified by Webex's answer to the full write (the settings as stored)`;
  const tail = writeOnly === 0 ? '' : `, ${writeOnly} write-only checked against Webex's response (no GET exists)`;
  return `Apply complete! ${applied.length} changed, ${readBack} verified by reading back${answered}${tail}.`;
}
