import { createColors } from 'picocolors';
import { Change, describeTarget, FieldValue, Plan } from '../plan';

export interface TerminalOptions {
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  readonly color?: boolean;
}

/**
 * Plan → text in the style reviewers know from Terraform: one block per target and setting, `~` for an
 * in-place update, unchanged fields collapsed into a count, a summary line at the end.
 */
export function renderPlanText(plan: Plan, options: TerminalOptions = {}): string {
  const c = createColors(options.color ?? false);
  if (plan.changes.length === 0) {
    return `${c.green(c.bold('No changes.'))} The live Webex org matches the declaration (${plan.summary.unchangedSettings} settings checked).\n`;
  }
  const lines: string[] = ['webex-iac will perform the following actions:', ''];
  for (const org of plan.orgs) {
    const changes = plan.changes.filter((ch) => ch.org === org);
    if (changes.length === 0) continue;
    lines.push(c.bold(`Org ${JSON.stringify(org)}`), '');
    for (const change of changes) lines.push(...renderChange(change, c), '');
  }
  const { changes, fields, unchangedSettings } = plan.summary;
  lines.push(`${c.bold('Plan:')} ${changes} to change (${fields} ${fields === 1 ? 'field' : 'fields'}), ${unchangedSettings} unchanged.`);
  return `${lines.join('\n')}\n`;
}

function renderChange(change: Change, c: ReturnType<typeof createColors>): string[] {
  const lines = [
    c.bold(`  # ${describeTarget(change.target)}: ${change.setting} will be updated in-place`),
    c.dim(`  # declared at ${change.path}`),
    `  ${c.yellow('~')} ${change.setting} {`,
  ];
  const fields = Object.keys(change.after).sort();
  const width = Math.max(...fields.map((f) => f.length));
  for (const field of fields) {
    lines.push(`      ${c.yellow('~')} ${field.padEnd(width)} = ${formatValue(change.before[field])} ${c.yellow('->')} ${formatValue(change.after[field])}`);
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
