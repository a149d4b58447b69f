import { IConstruct } from 'constructs';
import { EndToEndEncryption as EndToEndEncryptionEntry, HostSelection, SessionTypeMatch } from '../manifest/schema';
import { DEFAULT_SESSION_TYPE_MATCH } from '../manifest/session-type-match';
import { ControlLayer } from './control-layer';
import { ambiguousSessionType } from './errors';
import { HostSelectionProps, resolveHostSelection } from './host-selection';
import { checkProps, checkString } from './prop-checks';

/**
 * End-to-end encryption for each host's meetings: the site's E2EE session type is assigned to every
 * selected host, on top of the session types the host already has, so that hosts can schedule meetings
 * whose media Cisco's cloud cannot decrypt (transmission security and encryption, 45 CFR 164.312(e)(1),
 * 164.312(a)(2)(iv)). Enabling E2EE on the site itself has no API: attest it (`siteEndToEndEncryption`).
 */
export interface EndToEndEncryptionProps {
  /**
   * The short name of the site's E2EE session type, matched case-insensitively (e.g. `PRO3E2E`). Set it
   * (or `sessionTypeName`) when the site's type is named unusually or the default finds several.
   *
   * @default - the one session type whose name contains "End to End Encryption" (case-insensitive)
   */
  readonly sessionTypeShortName?: string;

  /**
   * The exact name of the site's E2EE session type, matched case-insensitively.
   *
   * @default - the one session type whose name contains "End to End Encryption" (case-insensitive)
   */
  readonly sessionTypeName?: string;

  /**
   * Which hosts of the site get the E2EE session type.
   *
   * @default - every host of the site
   */
  readonly hosts?: HostSelectionProps;
}

/** What an EndToEndEncryption declares for a site: the manifest entry without its path. */
export type EndToEndEncryptionSettings = Omit<EndToEndEncryptionEntry, 'path'>;

/** The default way to find the E2EE session type. */
export { DEFAULT_SESSION_TYPE_MATCH };

const PROPS = ['sessionTypeShortName', 'sessionTypeName', 'hosts'];

/** Resolves layers of props, broadest first; a layer that names the session type replaces how it is found. */
export function resolveEndToEndEncryption(layers: readonly ControlLayer<EndToEndEncryptionProps>[], scope: IConstruct): EndToEndEncryptionSettings {
  let sessionType: SessionTypeMatch = { ...DEFAULT_SESSION_TYPE_MATCH };
  let hosts: HostSelection | undefined;
  for (const { owner, prefix, props: raw } of layers) {
    const props = checkProps(owner, prefix.replace(/\.$/, ''), raw, PROPS, scope) as EndToEndEncryptionProps;
    checkString(owner, `${prefix}sessionTypeShortName`, props.sessionTypeShortName, scope);
    checkString(owner, `${prefix}sessionTypeName`, props.sessionTypeName, scope);
    if (props.sessionTypeShortName !== undefined && props.sessionTypeName !== undefined) {
      throw ambiguousSessionType(owner, prefix, props.sessionTypeShortName, props.sessionTypeName, scope);
    }
    if (props.sessionTypeShortName !== undefined) sessionType = { shortName: props.sessionTypeShortName.trim() };
    if (props.sessionTypeName !== undefined) sessionType = { name: props.sessionTypeName.trim() };
    if (props.hosts !== undefined) hosts = resolveHostSelection(owner, `${prefix}hosts`, props.hosts, scope);
  }
  return hosts === undefined ? { sessionType } : { sessionType, hosts };
}
