import { Construct } from 'constructs';
import { InactiveAccounts as InactiveAccountsEntry } from '../manifest/schema';
import { OrgControl } from './org-setting';
import { checkBoolean, checkInteger, checkProps, checkStringList, EMAILS } from './prop-checks';

/**
 * Accounts nobody has used for a while: each is reported, and its login turned off only when
 * `deactivate` is set (access termination and review, 45 CFR 164.308(a)(3)(ii)(C), 164.308(a)(4)(ii)(C)).
 */
export interface InactiveAccountsProps {
  /**
   * Days without activity (Webex `lastActivity`) after which an account is inactive, 1 to 3650.
   *
   * HIPAA-safe default: 90, a quarterly access review.
   *
   * @default 90
   */
  readonly inactiveDays?: number;

  /**
   * Lower-case emails of accounts never reported nor deactivated (e.g. break-glass accounts, documented
   * elsewhere).
   *
   * @default []
   */
  readonly exemptEmails?: readonly string[];

  /**
   * Turn the login of inactive accounts off (PUT /v1/people/{id} `loginEnabled: false`, full body). The
   * token's own user is never deactivated.
   *
   * HIPAA-safe default: off: deactivating can lock out someone on leave, so it is an explicit decision;
   * until then each inactive account is a finding to act on.
   *
   * @default false
   */
  readonly deactivate?: boolean;
}

const PROPS = ['inactiveDays', 'exemptEmails', 'deactivate'];

/** Inactive-account review, declared explicitly in a WebexOrg (wins over a HipaaBaseline), or created by the baseline. */
export class InactiveAccounts extends OrgControl<'inactiveAccounts'> {
  readonly settings: Omit<InactiveAccountsEntry, 'path'>;

  constructor(scope: Construct, id: string, props: InactiveAccountsProps = {}) {
    super(scope, id, 'inactiveAccounts', 'InactiveAccounts', 'inactiveAccounts');
    const { owner, prefix } = this;
    checkProps(owner, prefix.replace(/\.$/, ''), props, PROPS, this);
    checkInteger(owner, `${prefix}inactiveDays`, props.inactiveDays, 1, 3650, this);
    checkStringList(owner, `${prefix}exemptEmails`, props.exemptEmails, this, EMAILS);
    checkBoolean(owner, `${prefix}deactivate`, props.deactivate, this);
    this.settings = { inactiveDays: props.inactiveDays ?? 90, exemptEmails: [...(props.exemptEmails ?? [])], deactivate: props.deactivate ?? false };
  }

  renderOrgSetting(): InactiveAccountsEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
