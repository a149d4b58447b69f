import { markdownText } from '../../manifest/text';
import type { ComparedItem } from '../evidence/since-last-run';
import type { OrgNews } from './notified-items';

/** Cisco's messaging spec, `POST /v1/messages`: "The maximum message length is 7439 bytes." */
export const WEBEX_MESSAGE_MAX_BYTES = 7439;

export interface OrgNotice {
  readonly org: string;
  readonly news: OrgNews;
  /**
   * One line of detail for an open item, as markdown already escaped (values read, who changed it and
   * when), or undefined. Built by the command, which knows the plan or the report behind the item.
   */
  readonly detail?: (item: ComparedItem) => string | undefined;
}

export interface NotificationMessage {
  readonly markdown: string;
  /** Items that did not fit, told only by their count (the CI run and `--format json` list them). */
  readonly folded: number;
}

/**
 * The one markdown message of a run: a summary line (counts, how many weaken security, the CI run),
 * then per org the open items weakening first, then the resolved ones in one short note. Every name and
 * value from Webex or the log goes through markdownText. Lines that would pass Webex's size limit are
 * folded into "… and N more", so the message always fits.
 */
export function notificationMessage(command: 'drift' | 'assess', notices: readonly OrgNotice[], options: { runUrl?: string; maxBytes?: number } = {}): NotificationMessage {
  const maxBytes = options.maxBytes ?? WEBEX_MESSAGE_MAX_BYTES;
  const opened = notices.flatMap((n) => n.news.opened);
  const resolved = notices.flatMap((n) => n.news.resolved);
  const count = (status: string) => opened.filter((i) => i.status === status).length;
  const weakening = opened.filter((i) => i.impact === 'weakens').length;
  const what = command === 'drift' ? 'drift' : 'assessment findings';
  const counts = [`${count('new')} new`, `${count('regressed')} regressed`, ...(count('still') > 0 ? [`${count('still')} not told before`] : []), `${resolved.length} resolved`].join(', ');
  const run = options.runUrl ? ` · [CI run](${linkTarget(options.runUrl)})` : '';
  const head = `**webex-iac ${command}**: ${what}: ${counts}${weakening > 0 ? ` · ⚠️ **${weakening} weaken${weakening === 1 ? 's' : ''} security**` : ''}${run}`;

  const blocks: { heading: string; lines: string[] }[] = notices
    .filter((n) => n.news.opened.length + n.news.resolved.length > 0)
    .map((n) => ({ heading: `**${markdownText(n.org)}**`, lines: [...weakeningFirst(n.news.opened).map((i) => openLine(i, n.detail?.(i))), ...resolvedLines(n.news.resolved)] }));

  const total = blocks.reduce((sum, b) => sum + b.lines.length, 0);
  const parts = [head];
  let shown = 0;
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  const folded = (n: number) => `\n\n… and ${n} more: the CI run's \`webex-iac ${command} --format json\` lists every one.`;
  const fits = (text: string, remaining: number) => bytes([...parts, text].join('\n')) + (remaining > 0 ? bytes(folded(remaining)) : 0) <= maxBytes;
  outer: for (const block of blocks) {
    if (!fits(`\n${block.heading}`, total - shown)) break;
    parts.push('', block.heading);
    for (const line of block.lines) {
      if (!fits(line, total - shown - 1)) break outer;
      parts.push(line);
      shown++;
    }
  }
  const markdown = shown < total ? `${parts.join('\n')}${folded(total - shown)}` : parts.join('\n');
  return { markdown, folded: total - shown };
}

function openLine(item: ComparedItem, detail: string | undefined): string {
  const status = item.status === 'regressed' ? '**regressed**' : item.status === 'new' ? 'new' : `open since ${when(item.since)}`;
  const weak = item.impact === 'weakens' ? '⚠️ **weakens** · ' : '';
  return `- ${weak}${status} · ${describe(item)}${detail ? ` · ${detail}` : ''}`;
}

/** The short "resolved" note: one line per item, without detail. */
function resolvedLines(items: readonly ComparedItem[]): string[] {
  return items.map((i) => `- ✅ resolved · ${describe(i)} (open since ${when(i.since)})`);
}

/** An ISO time from the log as `2026-01-01 09:30 UTC`; anything else escaped as it is. */
function when(time: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/.exec(time);
  return match ? `${match[1]} ${match[2]} UTC` : markdownText(time);
}

function describe(item: ComparedItem): string {
  const what = item.kind === 'drift' ? `drift of ${markdownText(item.control)}` : `${markdownText(item.control)}${item.detail ? ` ${markdownText(item.detail)}` : ''}`;
  return `${what} on ${markdownText(item.target || 'an unnamed target')}`;
}

function weakeningFirst(items: readonly ComparedItem[]): ComparedItem[] {
  return [...items.filter((i) => i.impact === 'weakens'), ...items.filter((i) => i.impact !== 'weakens')];
}

/** A CI URL (https, no credentials: checked where it is read) as a markdown link target: no character ends it early. */
function linkTarget(url: string): string {
  return url.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
