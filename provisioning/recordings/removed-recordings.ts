import { compareCodePoints } from '../../manifest';
import { linkPages } from '../client/paging';
import { UnexpectedResponseError } from '../client/errors';
import { AdminRecordingListSchema } from '../client/schemas/admin-recordings';
import { WebexClient } from '../client/webex-client';

const RECORDINGS = '/v1/admin/recordings';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Cisco: "The interval between `from` and `to` must be within 30 days." */
export const RECORDING_WINDOW_DAYS = 30;
const REMOVED_STATUSES = ['deleted', 'purged'] as const;

/** A recording moved to the recycle bin or purged: no topic and no link (they may name a patient or open it). */
export interface RemovedRecording {
  readonly id: string;
  readonly status: 'deleted' | 'purged';
  readonly createTime: string;
  readonly hostEmail?: string;
}

/** One site's removed recordings created in [since, until), read window by window. */
export interface RemovedRecordings {
  readonly since: string;
  readonly until: string;
  /** Windows read per status. */
  readonly windows: number;
  /** Oldest first. */
  readonly removed: RemovedRecording[];
}

/** [from, to) windows of at most 30 days covering [since, until), oldest first. */
export function recordingWindows(since: Date, until: Date): { from: Date; to: Date }[] {
  const windows: { from: Date; to: Date }[] = [];
  for (let from = since.getTime(); from < until.getTime(); from += RECORDING_WINDOW_DAYS * DAY_MS) {
    windows.push({ from: new Date(from), to: new Date(Math.min(from + RECORDING_WINDOW_DAYS * DAY_MS, until.getTime())) });
  }
  return windows;
}

/**
 * The recordings of one site that were moved to the recycle bin or purged, among those created in the
 * `days` before `now`: GET /v1/admin/recordings?siteUrl=&status=deleted|purged&from=&to=&max=100 for every
 * window of at most 30 days, every page. Any failed read throws: a window not read is not evidence.
 * A recording listed under a status or site other than the one asked for is not trusted either.
 */
export async function readRemovedRecordings(client: WebexClient, siteUrl: string, now: Date, days: number): Promise<RemovedRecordings> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const windows = recordingWindows(since, now);
  const removed = new Map<string, RemovedRecording>();
  for (const status of REMOVED_STATUSES) {
    for (const { from, to } of windows) {
      const query = { siteUrl, status, from: from.toISOString(), to: to.toISOString(), max: 100 };
      for await (const page of linkPages(client, RECORDINGS, AdminRecordingListSchema, query)) {
        for (const item of page.items) {
          if (item.status !== status) throw new UnexpectedResponseError(`GET ${RECORDINGS} for ${siteUrl} asked for ${status} recordings and answered recording ${JSON.stringify(item.id)} as ${JSON.stringify(item.status)}`);
          if (item.siteUrl !== undefined && item.siteUrl.toLowerCase() !== siteUrl.toLowerCase()) {
            throw new UnexpectedResponseError(`GET ${RECORDINGS} for ${siteUrl} answered recording ${JSON.stringify(item.id)} of another site`);
          }
          removed.set(`${status} ${item.id}`, { id: item.id, status, createTime: item.createTime, ...(item.hostEmail ? { hostEmail: item.hostEmail.toLowerCase() } : {}) });
        }
      }
    }
  }
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    windows: windows.length,
    removed: [...removed.values()].sort((a, b) => compareCodePoints(a.createTime, b.createTime) || compareCodePoints(a.id, b.id)),
  };
}
