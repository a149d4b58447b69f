import { WebexClient } from '../client/webex-client';
import type { ValueRule } from '../floors';
import { FieldValues } from '../plan';

/** The difference a handler found between declared and observed values of one setting. */
export interface SettingDiff {
  readonly before: FieldValues;
  readonly after: FieldValues;
  readonly unchangedFields: number;
  readonly notes: string[];
  /** Which rule decided each value of `after` (floors.ts). */
  readonly rules?: Record<string, ValueRule>;
}

/**
 * One handler per site-level setting: read → normalize → diff → write → read back. `diff` is pure so the
 * planner stays pure; `read` returns normalized values so a converged site plans "No changes".
 */
export interface SiteSettingHandler<Declared> {
  /** The manifest key under a site's `settings`. */
  readonly setting: string;
  /** Reads and normalizes the live values of every field the handler can manage. */
  read(client: WebexClient, siteUrl: string): Promise<FieldValues>;
  /** Declared fields that differ from observed ones, plus changes Cisco's rules force; undefined when converged. */
  diff(declared: Declared, observed: FieldValues): SettingDiff | undefined;
  /** Sends only the changed fields; returns the Webex trackingId of the write. */
  write(client: WebexClient, siteUrl: string, after: FieldValues): Promise<string>;
}
