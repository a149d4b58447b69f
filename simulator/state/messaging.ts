import { counterUuid, webexId } from './webex-id';

/** Counter tags of the ids this module issues: the n-th room of a run is always the same id. */
const ROOM_TAG = 0x700;
const MESSAGE_TAG = 0x701;

/** The id of the n-th room created (1-based), for tests. */
export function nthRoomId(n: number): string {
  return webexId('ROOM', counterUuid(ROOM_TAG, 0, n));
}

/** A space as `POST /v1/rooms` answers it (the fields of Cisco's Room schema the simulator keeps). */
export interface Room {
  id: string;
  title: string;
  type: 'group';
  isLocked: boolean;
  lastActivity: string;
  creatorId: string;
  created: string;
  ownerId: string;
  isPublic: boolean;
  isAnnouncementOnly: boolean;
  isReadOnly: boolean;
}

/** A message as `POST`/`GET /v1/messages` answer it. */
export interface Message {
  id: string;
  roomId: string;
  roomType: 'group';
  text: string;
  markdown?: string;
  personId: string;
  personEmail: string;
  created: string;
}

/** The messaging side of the simulator: spaces and their messages, newest message first when listed. */
export class Messaging {
  private readonly rooms = new Map<string, Room>();
  private readonly messages = new Map<string, Message[]>();
  private roomCount = 0;
  private messageCount = 0;

  constructor(private readonly clock: () => Date) {}

  createRoom(title: string, creator: { personId: string; orgId: string }, options: { isLocked?: boolean; isPublic?: boolean; isAnnouncementOnly?: boolean }): Room {
    const now = this.clock().toISOString();
    const room: Room = {
      id: nthRoomId(++this.roomCount),
      title,
      type: 'group',
      isLocked: options.isLocked ?? false,
      lastActivity: now,
      creatorId: creator.personId,
      created: now,
      ownerId: creator.orgId,
      isPublic: options.isPublic ?? false,
      isAnnouncementOnly: options.isAnnouncementOnly ?? false,
      isReadOnly: false,
    };
    this.rooms.set(room.id, room);
    this.messages.set(room.id, []);
    return room;
  }

  room(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  post(room: Room, author: { personId: string; email: string }, content: { text?: string; markdown?: string }): Message {
    const now = this.clock().toISOString();
    // Webex derives the plain text from the markdown when only markdown is sent.
    const message: Message = {
      id: webexId('MESSAGE', counterUuid(MESSAGE_TAG, 0, ++this.messageCount)),
      roomId: room.id,
      roomType: 'group',
      text: content.text ?? content.markdown ?? '',
      ...(content.markdown === undefined ? {} : { markdown: content.markdown }),
      personId: author.personId,
      personEmail: author.email,
      created: now,
    };
    this.messages.get(room.id)!.unshift(message);
    room.lastActivity = now;
    return structuredClone(message);
  }

  /** The room's messages, newest first. */
  list(room: Room): Message[] {
    return structuredClone(this.messages.get(room.id) ?? []);
  }
}
