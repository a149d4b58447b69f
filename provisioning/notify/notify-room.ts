import type { WebexClient } from '../client/webex-client';
import { ciIdentity } from '../evidence/actor';
import type { EvidenceRecorder } from '../evidence/evidence-recorder';
import type { ComparedItem, RunComparison } from '../evidence/since-last-run';
import { NOTIFICATION_KIND, NotificationDetails, newsOf, OrgNews, toldOpen } from './notified-items';
import { notificationMessage } from './notification-message';
import { postMessage } from './post-message';

export interface NotifyRequest {
  readonly command: 'drift' | 'assess';
  readonly room: string;
  /** Each org's comparison with its previous run (as drift or assess recorded it). */
  readonly comparisons: ReadonlyMap<string, RunComparison>;
  /** One escaped markdown line of detail for an open item of an org, when the command has one. */
  readonly detail?: (org: string, item: ComparedItem) => string | undefined;
  readonly env: NodeJS.ProcessEnv;
}

export interface NotifyOutcome {
  /** The message posted, or undefined when there was nothing the space had not been told. */
  readonly messageId?: string;
  readonly opened: number;
  readonly resolved: number;
  /** Items told only by their count, to keep the message under Webex's size limit. */
  readonly folded: number;
}

/**
 * Tells a Webex space what is new since it was last told: one message (`POST /v1/messages`, bot token)
 * per run, or none when nothing changed for it. Each org's log then records what was told; a post that
 * fails throws before anything is recorded, so the next run tells it again.
 */
export async function notifyRoom(request: NotifyRequest, recorder: EvidenceRecorder, bot: WebexClient, client: WebexClient): Promise<NotifyOutcome> {
  const news = new Map<string, OrgNews>();
  for (const [org, comparison] of request.comparisons) {
    const told = toldOpen(recorder.log.read(org), request.room, request.command, comparison.scope);
    const orgNews = newsOf(comparison, told);
    if (orgNews.opened.length + orgNews.resolved.length > 0) news.set(org, orgNews);
  }
  const opened = [...news.values()].reduce((n, o) => n + o.opened.length, 0);
  const resolved = [...news.values()].reduce((n, o) => n + o.resolved.length, 0);
  if (news.size === 0) return { opened: 0, resolved: 0, folded: 0 };
  const runUrl = ciIdentity(request.env)?.runUrl;
  const message = notificationMessage(
    request.command,
    [...news].map(([org, orgNews]) => ({ org, news: orgNews, ...(request.detail ? { detail: (item: ComparedItem) => request.detail!(org, item) } : {}) })),
    runUrl ? { runUrl } : {},
  );
  const posted = await postMessage(bot, request.room, message.markdown);
  for (const [org, orgNews] of news) {
    const details: NotificationDetails = {
      room: request.room,
      command: request.command,
      scope: request.comparisons.get(org)!.scope,
      messageId: posted.id,
      trackingId: posted.trackingId,
      opened: orgNews.opened.map((i) => ({ key: i.key, since: i.since, status: i.status })),
      resolved: orgNews.resolved.map((i) => ({ key: i.key, since: i.since })),
    };
    await recorder.record(org, { kind: NOTIFICATION_KIND, details: { ...details } }, client);
  }
  return { messageId: posted.id, opened, resolved, folded: message.folded };
}
