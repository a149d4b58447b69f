import { paginate, pageHeaders } from '../http/paging';
import { stringParam, timeParam } from '../http/query-params';
import type { Route } from '../http/route';
import { badRequest } from '../http/webex-error';
import { RECORDING_STATUSES, type RecordingStatus } from '../state/recording';
import { resolveSite } from './site-resolution';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GET /v1/admin/recordings (List Recordings For an Admin or Compliance Officer): the recordings of
 * `siteUrl` (default: the caller's preferred site) in one `status` (default `available`) created in
 * [`from`, `to`), newest first. Cisco: "The interval between `from` and `to` must be within 30 days"
 * (400 otherwise); defaults are 7 days back from `to`, or from now; `max` from 1 to 100 (default 10).
 */
export const listAdminRecordings: Route = {
  method: 'GET',
  path: '/v1/admin/recordings',
  scopes: ['meeting:admin_recordings_read', 'spark-compliance:recordings_read'],
  contentType: 'application/json;charset=UTF-8',
  handle({ state, caller, url }) {
    const query = url.searchParams;
    const status = stringParam(query, 'status') ?? 'available';
    if (!RECORDING_STATUSES.includes(status as RecordingStatus)) {
      throw badRequest([`status must be one of ${RECORDING_STATUSES.join(', ')}; received ${JSON.stringify(status)}.`]);
    }
    const max = stringParam(query, 'max');
    if (max !== undefined && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 100)) {
      throw badRequest([`max must be an integer from 1 to 100; received ${JSON.stringify(max)}.`]);
    }
    const givenFrom = timeParam(query, 'from');
    const givenTo = timeParam(query, 'to');
    const to = givenTo ?? (givenFrom === undefined ? state.now().getTime() : givenFrom + 7 * DAY_MS);
    const from = givenFrom ?? to - 7 * DAY_MS;
    if (from > to) throw badRequest(['from cannot be after to.']);
    if (to - from > 30 * DAY_MS) throw badRequest(['The interval between from and to must be within 30 days.']);
    const site = resolveSite(state, caller, query);
    const recordings = state.recordingsOf(site.siteUrl, status as RecordingStatus).filter((r) => Date.parse(r.createTime) >= from && Date.parse(r.createTime) < to);
    const page = paginate(recordings, url, { defaultMax: 10, maxLimit: 100 });
    return { status: 200, body: { items: page.items }, headers: pageHeaders(page) };
  },
};

