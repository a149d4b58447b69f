import { WebexClient } from '../client/webex-client';
import { FieldValues } from '../plan';

/** What a write to a write-only setting returned: Webex's echo of the values, where its response has them. */
export interface WriteOnlyResult {
  readonly trackingId: string;
  /** Fields of the PATCH response, normalized like `desired`; a field Webex did not echo is absent. */
  readonly echoed: FieldValues;
}

/**
 * A setting Webex lets you write but not read (no GET). The tool never claims to know its live value:
 * it plans an `enforce` when the declared values differ from what it last enforced (recorded locally),
 * and checks the write against the PATCH response, the only read-back Webex offers.
 */
export interface WriteOnlyHandler<Declared> {
  /** The manifest key under an org's `settings`. */
  readonly setting: string;
  /** The values to enforce, as plan fields (the same the state file hashes). */
  desired(declared: Declared): FieldValues;
  /** PATCHes `values`; `orgId` is the /v1 org id. */
  write(client: WebexClient, orgId: string, values: FieldValues): Promise<WriteOnlyResult>;
}
