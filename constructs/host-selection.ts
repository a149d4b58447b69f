import { IConstruct } from 'constructs';
import { HostSelection } from '../manifest/schema';
import { invalidProp } from './errors';
import { checkProps, checkStringList, DOMAINS, EMAILS } from './prop-checks';

/**
 * Which hosts of a site a per-host control (HostLobby, EndToEndEncryption) manages. A host of a site is
 * a person whose Webex `siteUrls` gives them the host role there. Set `emails` or `emailDomains`, not
 * both; leave both unset to manage every host of the site.
 */
export interface HostSelectionProps {
  /**
   * Only these hosts, by lower-case email. A listed email that is not a host of the site is reported as
   * a finding and left alone.
   *
   * @default - every host of the site
   */
  readonly emails?: readonly string[];

  /**
   * Only the hosts whose email is in one of these domains (lower case, without `@`), e.g. to leave guest
   * or contractor domains to another policy.
   *
   * @default - every host of the site
   */
  readonly emailDomains?: readonly string[];

  /**
   * Hosts never read nor changed by the control, whatever else selects them (for example a shared room
   * account whose exception is documented elsewhere).
   *
   * @default - no host is exempt
   */
  readonly exemptEmails?: readonly string[];
}

const PROPS = ['emails', 'emailDomains', 'exemptEmails'];

/** Validates a selection and returns its manifest form; undefined when it selects every host without exemption. */
export function resolveHostSelection(owner: string, prop: string, props: HostSelectionProps | undefined, scope: IConstruct): HostSelection | undefined {
  if (props === undefined) return undefined;
  checkProps(owner, prop, props, PROPS, scope);
  checkStringList(owner, `${prop}.emails`, props.emails, scope, { ...EMAILS, nonEmpty: true });
  checkStringList(owner, `${prop}.emailDomains`, props.emailDomains, scope, { ...DOMAINS, nonEmpty: true });
  checkStringList(owner, `${prop}.exemptEmails`, props.exemptEmails, scope, EMAILS);
  if (props.emails !== undefined && props.emailDomains !== undefined) {
    throw invalidProp(owner, prop, props, 'a selection by emails or by emailDomains, not both', scope);
  }
  const selection: HostSelection = {};
  if (props.emails !== undefined) selection.emails = [...props.emails];
  if (props.emailDomains !== undefined) selection.emailDomains = [...props.emailDomains];
  if (props.exemptEmails !== undefined && props.exemptEmails.length > 0) selection.exemptEmails = [...props.exemptEmails];
  return Object.keys(selection).length === 0 ? undefined : selection;
}
