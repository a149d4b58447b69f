import { Construct } from 'constructs';
import { AdminAccess as AdminAccessEntry } from '../manifest/schema';
import { OrgControl } from './org-setting';
import { checkBoolean, checkInteger, checkProps, checkStringList, EMAILS } from './prop-checks';

/**
 * Who may administer the org: anyone holding an admin role (Full Administrator, User Administrator,
 * ...) who is not in `allowedAdmins` is reported, and revoked only when `revokeUnexpected` is set
 * (access authorization and establishment, 45 CFR 164.308(a)(4)(ii)(B)-(C); minimum necessary).
 */
export interface AdminAccessProps {
  /**
   * Lower-case emails of the people allowed to hold admin roles.
   *
   * HIPAA-safe default: nobody, so that every admin shows up in the plan as a finding until someone
   * declares who should be one. Findings change nothing in the org.
   *
   * @default []
   */
  readonly allowedAdmins?: readonly string[];

  /**
   * At most this many Full Administrators; more is a finding (counted among everyone, allowed or not).
   *
   * HIPAA-safe default: 4, the upper end of the "two to four" that CIS benchmarks give for cloud
   * tenant administrators: two for redundancy, few enough to review.
   *
   * @default 4
   */
  readonly maxFullAdmins?: number;

  /**
   * Revoke every admin role of the people not in `allowedAdmins` (PUT /v1/people/{id}, full body). The
   * token's own user is never revoked, so that the tool cannot lock itself out.
   *
   * HIPAA-safe default: off: revoking can stop someone's work, so it is an explicit decision; until then
   * each unexpected admin is a finding to act on.
   *
   * @default false
   */
  readonly revokeUnexpected?: boolean;
}

const PROPS = ['allowedAdmins', 'maxFullAdmins', 'revokeUnexpected'];

/** Allowed admins, declared explicitly in a WebexOrg (wins over a HipaaBaseline), or created by the baseline. */
export class AdminAccess extends OrgControl<'adminAccess'> {
  readonly settings: Omit<AdminAccessEntry, 'path'>;

  constructor(scope: Construct, id: string, props: AdminAccessProps = {}) {
    super(scope, id, 'adminAccess', 'AdminAccess', 'adminAccess');
    const { owner, prefix } = this;
    checkProps(owner, prefix.replace(/\.$/, ''), props, PROPS, this);
    checkStringList(owner, `${prefix}allowedAdmins`, props.allowedAdmins, this, EMAILS);
    checkInteger(owner, `${prefix}maxFullAdmins`, props.maxFullAdmins, 1, 10_000, this);
    checkBoolean(owner, `${prefix}revokeUnexpected`, props.revokeUnexpected, this);
    this.settings = {
      allowedAdmins: [...(props.allowedAdmins ?? [])],
      maxFullAdmins: props.maxFullAdmins ?? 4,
      revokeUnexpected: props.revokeUnexpected ?? false,
    };
  }

  renderOrgSetting(): AdminAccessEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
