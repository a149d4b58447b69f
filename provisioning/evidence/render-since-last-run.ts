import { createColors } from 'picocolors';
import { markdownText, terminalQuoted, terminalText } from '../../manifest/text';
import { ComparedItem, RunComparison, SinceStatus, sinceSummaryLine } from './since-last-run';

/** Items listed per status in text and markdown before "and N more" (JSON lists every one). */
const LISTED_PER_STATUS = 20;

const LABEL: Readonly<Record<SinceStatus, string>> = { new: 'new', regressed: 'regressed (back after it was resolved)', still: 'still there', resolved: 'resolved' };
const ORDER: readonly SinceStatus[] = ['regressed', 'new', 'still', 'resolved'];

/** One org's comparison as text: each status with its items (weakening first), then the summary line. */
export function renderSinceText(org: string, comparison: RunComparison, options: { color?: boolean } = {}): string {
  const c = createColors(options.color ?? false);
  const lines = [c.bold(`Since the last run, org ${terminalQuoted(org)}:`)];
  for (const status of ORDER) {
    const items = ordered(comparison.items.filter((i) => i.status === status));
    if (items.length === 0) continue;
    lines.push(`  ${LABEL[status]}: ${items.length}`);
    for (const item of items.slice(0, LISTED_PER_STATUS)) lines.push(`    ${describeItem(item, terminalText)}${item.impact === 'weakens' ? c.red(' (weakens)') : ''}${sinceNote(item)}`);
    if (items.length > LISTED_PER_STATUS) lines.push(`    … and ${items.length - LISTED_PER_STATUS} more (--format json lists every one)`);
  }
  lines.push(sinceSummaryLine(comparison));
  return `${lines.join('\n')}\n`;
}

/** One org's comparison as a markdown section. */
export function renderSinceMarkdown(org: string, comparison: RunComparison): string {
  const lines = [`### Since the last run: ${markdownText(org)}`, '', `**${sinceSummaryLine(comparison)}**`, ''];
  for (const status of ORDER) {
    const items = ordered(comparison.items.filter((i) => i.status === status));
    if (items.length === 0) continue;
    lines.push(`**${LABEL[status]}** (${items.length})`, '');
    for (const item of items.slice(0, LISTED_PER_STATUS)) lines.push(`- ${describeItem(item, markdownText)}${item.impact === 'weakens' ? ' ⚠️ **weakens**' : ''}${sinceNote(item)}`);
    if (items.length > LISTED_PER_STATUS) lines.push(`- … and ${items.length - LISTED_PER_STATUS} more (\`--format json\` lists every one)`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON form: every item with its status and since, per org. */
export function sinceJson(comparisons: ReadonlyMap<string, RunComparison>): Record<string, unknown> {
  return Object.fromEntries([...comparisons].map(([org, c]) => [org, { previousRun: c.previousRun ?? null, summary: c.summary, items: c.items.map(({ key: _key, ...item }) => item) }]));
}

/** `meetingSecurity on site x.webex.com` (drift) or `WBX.MEET.1 [label] on org` (finding); every name escaped. */
export function describeItem(item: ComparedItem, escape: (text: string) => string): string {
  const what = item.kind === 'drift' ? `drift of ${escape(item.control)}` : `${escape(item.control)}${item.detail ? ` ${escape(item.detail)}` : ''}`;
  return `${what} on ${escape(item.target)}`;
}

/** Weakening first, then as found. */
export function ordered(items: readonly ComparedItem[]): ComparedItem[] {
  return [...items.filter((i) => i.impact === 'weakens'), ...items.filter((i) => i.impact !== 'weakens')];
}

function sinceNote(item: ComparedItem): string {
  if (item.unread) return ` (since ${item.since}; not read this run)`;
  return item.status === 'still' || item.status === 'resolved' ? ` (since ${item.since})` : '';
}
