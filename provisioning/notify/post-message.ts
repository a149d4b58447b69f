import { z } from 'zod';
import type { WebexClient } from '../client/webex-client';

/** The fields of Cisco's Message (messaging spec) that a notification needs back: the id of what was posted. */
const PostedMessageSchema = z.looseObject({ id: z.string().min(1), roomId: z.string().optional() });

/** A Webex space id as Webex issues them (base64url): anything else is refused before a request is made. */
const ROOM_ID = /^[A-Za-z0-9_-]{1,512}={0,2}$/;

export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
}

/** The room id of `--notify-room`, checked; a one-line error naming the option otherwise. */
export function roomIdOf(value: string): string {
  if (!ROOM_ID.test(value)) throw new NotifyConfigError(`--notify-room must be a Webex space id (base64url letters, digits, - and _), received ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}

/** `POST /v1/messages`: one markdown message to a space. Returns the message id and the request's trackingId. */
export async function postMessage(client: WebexClient, roomId: string, markdown: string): Promise<{ id: string; trackingId: string }> {
  const result = await client.request('POST', '/v1/messages', PostedMessageSchema, { body: { roomId, markdown } });
  return { id: result.data.id, trackingId: result.trackingId };
}
