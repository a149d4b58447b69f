import { Construct } from 'constructs';
import { Mfa } from '../manifest/schema';
import { OrgControl } from './org-setting';
import { checkBoolean, checkProps } from './prop-checks';

/**
 * Multi-factor authentication for the whole org (person or entity authentication, 45 CFR 164.312(d);
 * required outright by the 2025 proposed Security Rule). Webex can set it but not read it back, so
 * webex-iac enforces it and records locally what it last enforced.
 */
export interface MultiFactorAuthenticationProps {
  /**
   * Require MFA at sign-in for every Webex-managed account of the org (authenticationConfig `mfaEnabled`).
   *
   * HIPAA-safe default: on. With SSO, MFA is usually enforced at the identity provider: attest that with
   * `ssoEnforcement` and keep this on for accounts that do not sign in through SSO.
   *
   * @default true
   */
  readonly mfaEnabled?: boolean;

  /**
   * List, as plan findings, the users whose SCIM record says MFA is off (where Webex exposes the
   * per-user `mfaEnabled`). Reading costs one SCIM request per 100 users.
   *
   * @default true
   */
  readonly reportUsersWithoutMfa?: boolean;
}

const PROPS = ['mfaEnabled', 'reportUsersWithoutMfa'];

/** Org-wide MFA, declared explicitly in a WebexOrg (wins over a HipaaBaseline), or created by the baseline. */
export class MultiFactorAuthentication extends OrgControl<'mfa'> {
  readonly settings: Omit<Mfa, 'path'>;

  constructor(scope: Construct, id: string, props: MultiFactorAuthenticationProps = {}) {
    super(scope, id, 'mfa', 'MultiFactorAuthentication', 'mfa');
    const { owner, prefix } = this;
    checkProps(owner, prefix.replace(/\.$/, ''), props, PROPS, this);
    for (const flag of PROPS) checkBoolean(owner, `${prefix}${flag}`, (props as Record<string, unknown>)[flag], this);
    this.settings = { mfaEnabled: props.mfaEnabled ?? true, reportUsersWithoutMfa: props.reportUsersWithoutMfa ?? true };
  }

  renderOrgSetting(): Mfa {
    return { path: this.node.path, ...this.settings };
  }
}
