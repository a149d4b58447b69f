import { Construct } from 'constructs';
import { PASSWORD_POLICY_LIMITS, PasswordPolicy as PasswordPolicyEntry } from '../manifest/schema';
import { passwordMinimumsExceedLength } from './errors';
import { OrgControl } from './org-setting';
import { checkInteger, checkProps, checkStringList } from './prop-checks';

/**
 * The org's password policy for Webex-managed passwords (people who do not sign in through SSO):
 * length, character classes, history and expiry (password management, 45 CFR 164.308(a)(5)(ii)(D);
 * person or entity authentication, 164.312(d)). Webex has no API to read it back, so webex-iac enforces
 * it and records locally what it last enforced (see manifest/README.md, "Write-only settings").
 */
export interface PasswordPolicyProps {
  /**
   * Minimum password length, 8 to 256 (Cisco's range).
   *
   * HIPAA-safe default: 12. Length resists guessing better than any other rule.
   *
   * @default 12
   */
  readonly minimumLength?: number;

  /**
   * Minimum number of digits.
   *
   * @default 1
   */
  readonly minimumNumeric?: number;

  /**
   * Minimum number of upper-case letters.
   *
   * @default 1
   */
  readonly minimumCapAlpha?: number;

  /**
   * Minimum number of lower-case letters.
   *
   * @default 1
   */
  readonly minimumLowAlpha?: number;

  /**
   * Minimum number of special characters (`~!@#$%^&*()-_=+[]{}|;:,.<>/?`).
   *
   * @default 1
   */
  readonly minimumSpecial?: number;

  /**
   * How many former passwords cannot be reused, 1 to 5 (Cisco's range).
   *
   * HIPAA-safe default: 5, the most Webex allows, so that a leaked old password cannot come back.
   *
   * @default 5
   */
  readonly historyCount?: number;

  /**
   * Days after which a password must be changed, 90 to 1825 (Cisco's range; Webex cannot turn expiry off).
   *
   * HIPAA-safe default: 90, what HIPAA auditors most often expect for periodic password changes
   * (164.308(a)(5)(ii)(D)). NIST SP 800-63B advises against forced rotation; raise it towards 1825 if your
   * risk analysis follows NIST.
   *
   * @default 90
   */
  readonly maxPasswordAgeDays?: number;

  /**
   * Passwords that are refused, without commas (Webex sends the list comma-separated). Setting it
   * replaces the default list.
   *
   * @default ['password', 'webex', 'cisco', '123456', 'qwerty', 'letmein']
   */
  readonly notAcceptableStrings?: readonly string[];
}

/** The HIPAA-safe policy, as documented on PasswordPolicyProps. */
export const PASSWORD_POLICY_DEFAULTS = Object.freeze({
  minimumLength: 12,
  minimumNumeric: 1,
  minimumCapAlpha: 1,
  minimumLowAlpha: 1,
  minimumSpecial: 1,
  historyCount: 5,
  maxPasswordAgeDays: 90,
  notAcceptableStrings: Object.freeze(['password', 'webex', 'cisco', '123456', 'qwerty', 'letmein']),
});

const MINIMUMS = ['minimumNumeric', 'minimumCapAlpha', 'minimumLowAlpha', 'minimumSpecial'] as const;
const PROPS = ['minimumLength', ...MINIMUMS, 'historyCount', 'maxPasswordAgeDays', 'notAcceptableStrings'];

/** Validates props (owner and prefix make the messages) and returns the policy over the defaults. */
export function resolvePasswordPolicy(owner: string, prefix: string, props: PasswordPolicyProps, scope: Construct): Omit<PasswordPolicyEntry, 'path'> {
  checkProps(owner, prefix.replace(/\.$/, ''), props, PROPS, scope);
  const { minimumLength, historyCount, maxPasswordAgeDays } = PASSWORD_POLICY_LIMITS;
  checkInteger(owner, `${prefix}minimumLength`, props.minimumLength, minimumLength.min, minimumLength.max, scope);
  for (const minimum of MINIMUMS) checkInteger(owner, `${prefix}${minimum}`, props[minimum], 0, minimumLength.max, scope);
  checkInteger(owner, `${prefix}historyCount`, props.historyCount, historyCount.min, historyCount.max, scope);
  checkInteger(owner, `${prefix}maxPasswordAgeDays`, props.maxPasswordAgeDays, maxPasswordAgeDays.min, maxPasswordAgeDays.max, scope);
  checkStringList(owner, `${prefix}notAcceptableStrings`, props.notAcceptableStrings, scope, { pattern: /^[^,]+$/, describe: 'non-empty strings without commas' });

  const policy = {
    minimumLength: props.minimumLength ?? PASSWORD_POLICY_DEFAULTS.minimumLength,
    minimumNumeric: props.minimumNumeric ?? PASSWORD_POLICY_DEFAULTS.minimumNumeric,
    minimumCapAlpha: props.minimumCapAlpha ?? PASSWORD_POLICY_DEFAULTS.minimumCapAlpha,
    minimumLowAlpha: props.minimumLowAlpha ?? PASSWORD_POLICY_DEFAULTS.minimumLowAlpha,
    minimumSpecial: props.minimumSpecial ?? PASSWORD_POLICY_DEFAULTS.minimumSpecial,
    historyCount: props.historyCount ?? PASSWORD_POLICY_DEFAULTS.historyCount,
    maxPasswordAgeDays: props.maxPasswordAgeDays ?? PASSWORD_POLICY_DEFAULTS.maxPasswordAgeDays,
    notAcceptableStrings: [...(props.notAcceptableStrings ?? PASSWORD_POLICY_DEFAULTS.notAcceptableStrings)],
  };
  const minimums = MINIMUMS.reduce((sum, minimum) => sum + policy[minimum], 0);
  if (minimums > policy.minimumLength) throw passwordMinimumsExceedLength(owner, prefix, minimums, policy.minimumLength, scope);
  return policy;
}

/**
 * The org password policy, declared explicitly in a WebexOrg (wins over a HipaaBaseline), or created by
 * the baseline. Every prop defaults to its HIPAA-safe value.
 */
export class PasswordPolicy extends OrgControl<'passwordPolicy'> {
  readonly settings: Omit<PasswordPolicyEntry, 'path'>;

  constructor(scope: Construct, id: string, props: PasswordPolicyProps = {}) {
    super(scope, id, 'passwordPolicy', 'PasswordPolicy', 'passwordPolicy');
    const { owner, prefix } = this;
    this.settings = resolvePasswordPolicy(owner, prefix, props, this);
  }

  renderOrgSetting(): PasswordPolicyEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
