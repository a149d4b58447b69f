import { MeetingPreferences, MeetingPreferencesSchema } from '../client/schemas/meeting-preferences';
import { WebexClient } from '../client/webex-client';
import type { HostRef } from './host-setting-handler';

const PREFERENCES = '/v1/meetingPreferences';

/**
 * What webex-iac reads of one host on one site, shared by every control of that host: the host's meeting
 * preferences (personal room and scheduling options) are one GET however many controls read them, and
 * the read a stale check made is the one the full-body PUTs round-trip. Held in memory only: it holds the
 * host PIN.
 */
export class HostReads {
  private preferences?: Promise<MeetingPreferences>;
  /** Whether the write in progress recorded what Webex stored (`stored`). */
  private answered = false;

  constructor(
    readonly client: WebexClient,
    readonly siteUrl: string,
    readonly host: HostRef,
  ) {}

  /** GET /v1/meetingPreferences?userEmail&siteUrl, sent once until `forget`. */
  meetingPreferences(): Promise<MeetingPreferences> {
    this.preferences ??= this.client.get(PREFERENCES, MeetingPreferencesSchema, { userEmail: this.host.email, siteUrl: this.siteUrl }).then(({ data }) => data);
    return this.preferences;
  }

  /**
   * Runs a write of the host's meeting preferences. A write whose every PUT was answered with the object
   * as stored has recorded it (`stored`): the host's next write builds on that, without reading again.
   * Otherwise (an error, a lost answer: the write may still have reached Webex) what was read is dropped
   * and the next read asks Webex again.
   */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    this.answered = false;
    let done = false;
    try {
      const result = await write();
      done = true;
      return result;
    } finally {
      if (!done || !this.answered) this.preferences = undefined;
      this.answered = false;
    }
  }

  /**
   * Records one section as Webex answered its full-body PUT (the fields it answered, over what was read
   * and sent back): during `writing`, so that a failure later in the same write still drops it.
   */
  stored<S extends keyof MeetingPreferences>(section: S, answer: Partial<MeetingPreferences[S]>): void {
    const read = this.preferences;
    if (read === undefined) return;
    this.preferences = read.then((preferences) => ({ ...preferences, [section]: { ...preferences[section], ...answer } }));
    this.answered = true;
  }
}
