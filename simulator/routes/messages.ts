import { validBody, type FieldShape } from '../http/body-shape';
import { pageHeaders, paginate } from '../http/paging';
import { stringParam } from '../http/query-params';
import { badRequest, notFound, WebexError } from '../http/webex-error';
import type { Route } from '../http/route';

/** Cisco's messaging spec: "The maximum message length is 7439 bytes" (text and markdown each). */
export const MAX_MESSAGE_BYTES = 7439;

const ROOM_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    title: { kind: 'string', nonEmpty: true },
    teamId: { kind: 'string' },
    classificationId: { kind: 'string' },
    isLocked: { kind: 'boolean' },
    isPublic: { kind: 'boolean' },
    description: { kind: 'string' },
    isAnnouncementOnly: { kind: 'boolean' },
  },
  required: ['title'],
};

const MESSAGE_SHAPE: FieldShape = {
  kind: 'object',
  fields: {
    roomId: { kind: 'string', nonEmpty: true },
    parentId: { kind: 'string' },
    toPersonId: { kind: 'string' },
    toPersonEmail: { kind: 'string' },
    text: { kind: 'string' },
    markdown: { kind: 'string' },
    files: { kind: 'string-list', unique: false },
    attachments: { kind: 'list', items: { kind: 'object', fields: { contentType: { kind: 'string' }, content: { kind: 'object', fields: {} } } } },
  },
};

/** POST /v1/rooms: a group space created by the caller, in the caller's org. Teams and classifications are not simulated. */
export const createRoom: Route = {
  method: 'POST',
  path: '/v1/rooms',
  scopes: ['spark:rooms_write'],
  contentType: 'application/json',
  handle({ state, caller, body }) {
    const request = validBody<{ title: string; teamId?: string; classificationId?: string; isLocked?: boolean; isPublic?: boolean; description?: string; isAnnouncementOnly?: boolean }>(body, ROOM_SHAPE);
    if (request.teamId !== undefined || request.classificationId !== undefined) throw badRequest(['teamId and classificationId are not simulated: create a space outside a team, without a classification.']);
    if (request.isPublic === true && !request.description) throw badRequest(['description is required when isPublic is true.']);
    const room = state.messaging.createRoom(request.title, { personId: caller.record.person.id, orgId: caller.record.person.orgId }, request);
    return { status: 200, body: room };
  },
};

/**
 * POST /v1/messages: a text or markdown message to a space, as the caller. Each of `text` and `markdown`
 * is refused above Cisco's 7439-byte limit. 1:1 messages, replies, files and cards are not simulated.
 */
export const createMessage: Route = {
  method: 'POST',
  path: '/v1/messages',
  scopes: ['spark:messages_write'],
  contentType: 'application/json',
  handle({ state, caller, body }) {
    if (body !== undefined && typeof body === 'object' && body !== null && !Array.isArray(body) && !('roomId' in body)) throw badRequest(['roomId is required: 1:1 messages (toPersonId, toPersonEmail) are not simulated.']);
    const request = validBody<{ roomId: string; parentId?: string; toPersonId?: string; toPersonEmail?: string; text?: string; markdown?: string; files?: string[]; attachments?: unknown[] }>(body, MESSAGE_SHAPE);
    const unsupported = (['parentId', 'toPersonId', 'toPersonEmail', 'files', 'attachments'] as const).filter((field) => request[field] !== undefined);
    if (unsupported.length > 0) throw badRequest([`${unsupported.join(', ')}: not simulated; send roomId with text and/or markdown.`]);
    if (!request.text && !request.markdown) throw badRequest(['A message needs text or markdown.']);
    for (const field of ['text', 'markdown'] as const) {
      const bytes = Buffer.byteLength(request[field] ?? '', 'utf8');
      if (bytes > MAX_MESSAGE_BYTES) throw badRequest([`${field} is ${bytes} bytes; the maximum message length is ${MAX_MESSAGE_BYTES} bytes.`]);
    }
    const room = state.messaging.room(request.roomId);
    if (room === undefined) throw notFound(`Room ${request.roomId} not found.`);
    const message = state.messaging.post(room, { personId: caller.record.person.id, email: caller.record.person.emails[0] ?? '' }, request);
    return { status: 200, body: message };
  },
};

/** GET /v1/messages?roomId=: the space's messages, newest first, with `Link` paging (`max` default 50). */
export const listMessages: Route = {
  method: 'GET',
  path: '/v1/messages',
  scopes: ['spark:messages_read'],
  contentType: 'application/json',
  handle({ state, url }) {
    const roomId = stringParam(url.searchParams, 'roomId');
    if (roomId === undefined) throw badRequest(['Query parameter roomId is required.']);
    const unsupported = ['parentId', 'mentionedPeople', 'before', 'beforeMessage'].filter((name) => url.searchParams.has(name));
    if (unsupported.length > 0) throw new WebexError(400, { descriptions: [`Query parameter ${unsupported.join(', ')}: not simulated.`] });
    const room = state.messaging.room(roomId);
    if (room === undefined) throw notFound(`Room ${roomId} not found.`);
    const page = paginate(state.messaging.list(room), url, { defaultMax: 50, maxLimit: 1000 });
    return { status: 200, body: { items: page.items }, headers: pageHeaders(page) };
  },
};
