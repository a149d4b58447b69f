/**
 * An org's password policy (fields of `PasswordPolicyObject`, webex-admin.json): every value is a
 * string, as the identity API types them.
 */
export interface PasswordPolicy {
  minimumNumeric: string;
  minimumCapAlpha: string;
  minimumLowAlpha: string;
  minimumSpecial: string;
  minimumLength: string;
  historyCount: string;
  maxPasswordAge: string;
  notAcceptableStrings: string;
}

/**
 * An org's authentication settings: `mfaEnabled` and the remember-me fields are writable, the Lockout*
 * fields only appear in the PATCH response (`AuthenticationConfigResponse`).
 */
export interface AuthenticationConfig {
  mfaEnabled: boolean;
  RememberMyLoginId: boolean;
  RememberMyLoginIdDuration: number;
  LockoutDuration: number;
  LockoutDurationMultiplier: number;
  LockoutFailureCount: number;
  LockoutFailureDuration: number;
}

export const PASSWORD_POLICY_SCHEMA = 'urn:cisco:codev:identity:idbroker:pwdpolicy:schemas:1.0';
export const AUTHENTICATION_CONFIG_SCHEMA = 'urn:cisco:codev:identity:idbroker:authnconfig:schemas:1.0';

/** What an org's identity settings are before anyone PATCHes them (Lockout values as in the spec's examples). */
export function defaultIdentitySettings(): { passwordPolicy: PasswordPolicy; authenticationConfig: AuthenticationConfig } {
  return {
    passwordPolicy: {
      minimumNumeric: '0',
      minimumCapAlpha: '0',
      minimumLowAlpha: '0',
      minimumSpecial: '0',
      minimumLength: '8',
      historyCount: '1',
      maxPasswordAge: '1825',
      notAcceptableStrings: '',
    },
    authenticationConfig: {
      mfaEnabled: false,
      RememberMyLoginId: true,
      RememberMyLoginIdDuration: 90,
      LockoutDuration: 1,
      LockoutDurationMultiplier: 1,
      LockoutFailureCount: 5,
      LockoutFailureDuration: 5,
    },
  };
}
