import { createColors } from 'picocolors';
import { Change, describeTarget, FieldValue, Plan } from '../plan';

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
  const c = createColors(options.color ?? false);
  const drift = options.mode === 'drift';
  if (plan.changes.length === 0) return `${c.green(c.bold(drift ? 'No drift.' : 'No changes.'))}${summaryLine(plan, options).replace(/^No (changes|drift)\./, '')}\n`;
  const lines: string[] = [drift ? 'The live Webex org has drifted from the declaration; apply would make these changes:' : 'webex-iac will perform the following actions:', ''];
  if (plan.summary.weakening > 0) {
    lines.push(c.red(c.bold(`Warning: ${plan.summary.weakening} change(s) weaken security; they are listed first.`)), '');
  }
  for (const org of plan.orgs) {
    const changes = plan.changes.filter((ch) => ch.org === org);
    if (changes.length === 0) continue;
    lines.push(c.bold(`Org ${JSON.stringify(org)}`), '');
    for (const change of changes) lines.push(...renderChange(change, c), '');
  }
  lines.push(summaryLine(plan, options));
  return `${lines.join('\n')}\n`;
}

/** The one-line summary: the last line of the text rendering, and all that `--quiet` prints. */
export function summaryLine(plan: Plan, options: TerminalOptions = {}): string {
  const c = createColors(options.color ?? false);
  const { changes, fields, unchangedSettings, weakening } = plan.summary;
  if (changes === 0) {
    return `${options.mode === 'drift' ? 'No drift.' : 'No changes.'} The live Webex org matches the declaration (${unchangedSettings} settings checked).`;
  }
  const weak = weakening > 0 ? `, ${c.red(c.bold(`${weakening} weakening`))}` : '';
  const label = options.mode === 'drift' ? 'Drift:' : 'Plan:';
  return `${c.bold(label)} ${changes} to change (${fields} ${fields === 1 ? 'field' : 'fields'})${weak}, ${unchangedSettings} unchanged.`;
}

function renderChange(change: Change, c: ReturnType<typeof createColors>): string[] {
  const weakens = change.impact === 'weakens';
  const lines = [
    c.bold(`  # ${describeTarget(change.target)}: ${change.setting} will be updated in-place`) + (weakens ? ` ${c.red(c.bold('(WEAKENS SECURITY)'))}` : ''),
    c.dim(`  # declared at ${change.path}`),
    `  ${c.yellow('~')} ${change.setting} {`,
  ];
  const fields = Object.keys(change.after).sort();
  const width = Math.max(...fields.map((f) => f.length));
  for (const field of fields) {
    const flag = change.fieldImpacts[field] === 'weakens' ? c.red('  # weakens') : '';
    lines.push(`      ${c.yellow('~')} ${field.padEnd(width)} = ${formatValue(change.before[field])} ${c.yellow('->')} ${formatValue(change.after[field])}${flag}`);
  }
  if (change.unchangedFields > 0) {
    lines.push(c.dim(`        # (${change.unchangedFields} unchanged ${change.unchangedFields === 1 ? 'field' : 'fields'} hidden)`));
  }
  lines.push('    }');
  for (const note of change.notes) lines.push(c.dim(`    # note: ${note}`));
  return lines;
}

export function formatValue(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '(unset)';
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return JSON.stringify(value);
}
