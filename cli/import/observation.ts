import type { ObservedOrg } from '../../provisioning';

/**
 * Everything `webex-iac import` read from one live org, and where and when: the input of the pure
 * generator (declare-org.ts, render-program.ts). It holds no secret: never a token, never a host PIN.
 */
export interface ImportObservation {
  /** The Webex host root the org was read from (WEBEX_BASE_URL's origin). */
  readonly baseUrl: string;
  /** When the reads started. */
  readonly importedAt: Date;
  /** The webex-iac version that read it. */
  readonly toolVersion: string;
  /** The org, as GET /v1/organizations names it. */
  readonly org: { readonly name: string; readonly orgId: string };
  /** The Meetings sites imported, sorted. */
  readonly siteUrls: readonly string[];
  /**
   * What the handlers read with no declaration: every control of the catalogue, every field, every host
   * of every site, every readable org control (see read-org.ts).
   */
  readonly observed: ObservedOrg;
}
