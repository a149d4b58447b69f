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
   * Runs a write of the host's meeting preferences, then drops what was read, whatever the outcome (a
   * write may have reached Webex even when its answer was lost): the next read asks Webex again.
   */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.preferences = undefined;
    }
  }
}
