import { IConstruct } from 'constructs';
import { EXCEPTION_REASON_MIN_LENGTH, POLICY_RULE_ID_PATTERN, PolicyException } from '../manifest/exceptions';
import { invalidProp, ValidationError } from './errors';
import { MeetingSite } from './meeting-site';
import { checkDate, checkProps } from './prop-checks';
import { WebexOrg } from './webex-org';
import { compareCodePoints } from '../manifest/compare';

/** One accepted finding of a policy rule. */
export interface ExceptionProps {
  /** The rule, e.g. `WBX.MEET.1v1` (see RULES.md). */
  readonly ruleId: string;
  /** Why the finding is accepted, at least 10 characters: what a reviewer and an auditor will read. */
  readonly reason: string;
  /** Who owns the decision: a name or email. */
  readonly owner: string;
  /** The last day the exception holds, YYYY-MM-DD (UTC); after it the finding counts again. */
  readonly expires: string;
  /**
   * Only this site (its siteUrl) or this finding: `siteUrl/email` for a host, an email for an account.
   *
   * @default - every finding of the rule in the org; for a scope inside a MeetingSite, that site
   */
  readonly appliesTo?: string;
}

const EXCEPTIONS = Symbol.for('webex-iac/Exceptions');
const OWNER = 'Exceptions.add';
const PROPS = ['ruleId', 'reason', 'owner', 'expires', 'appliesTo'];

type WithExceptions = IConstruct & { [EXCEPTIONS]?: PolicyException[] };

/**
 * Accountable exceptions to the HIPAA policy pack, recorded on a construct and written into its org's
 * manifest entry: `Exceptions.add(scope, [{ ruleId, reason, owner, expires, appliesTo? }])`. The scope
 * is the org, a site (the exception then covers that site only) or any construct inside the org. Each
 * one is validated now; whether it suppresses a finding is decided by the policy pack on the day it runs
 * (an expired exception stops suppressing, some rules refuse exceptions), and every report lists it.
 */
export class Exceptions {
  static add(scope: IConstruct, exceptions: readonly ExceptionProps[]): void {
    const org = WebexOrg.enclosing(scope);
    if (org === undefined) throw new ValidationError(`${OWNER} needs a scope inside a WebexOrg (the org, a MeetingSite or a control), received: ${scope.node.path || '(app root)'}`, scope);
    if (!Array.isArray(exceptions)) throw invalidProp(OWNER, 'exceptions', exceptions, 'a list of exceptions', scope);
    const site = [...scope.node.scopes].reverse().find((s): s is MeetingSite => MeetingSite.isMeetingSite(s));
    const recorded = Exceptions.of(org);
    const added = exceptions.map((props, i) => {
      const entry = Exceptions.validate(props, `[${i}]`, scope, site);
      const twin = [...recorded, ...exceptions.slice(0, i).map((p) => ({ ruleId: p.ruleId, appliesTo: p.appliesTo ?? site?.siteUrl, path: scope.node.path }))].find(
        (e) => e.ruleId === entry.ruleId && e.appliesTo === entry.appliesTo,
      );
      if (twin !== undefined) {
        throw new ValidationError(`${OWNER} [${i}] excepts ${entry.ruleId} for ${entry.appliesTo ?? 'the whole org'} a second time (first at ${twin.path}): keep one, with one expiry`, scope);
      }
      return entry;
    });
    const target = scope as WithExceptions;
    if (target[EXCEPTIONS] === undefined) Object.defineProperty(target, EXCEPTIONS, { value: [], enumerable: false });
    target[EXCEPTIONS]!.push(...added);
  }

  /** Every exception recorded in `org` or below it, sorted by rule, scope and path (the manifest's order). */
  static of(org: WebexOrg): PolicyException[] {
    return org.node
      .findAll()
      .flatMap((c) => (c as WithExceptions)[EXCEPTIONS] ?? [])
      .map((e) => ({ ...e }))
      .sort((a, b) => compareCodePoints(`${a.ruleId}\u0000${a.appliesTo ?? ''}\u0000${a.path}`, `${b.ruleId}\u0000${b.appliesTo ?? ''}\u0000${b.path}`));
  }

  private static validate(props: ExceptionProps, at: string, scope: IConstruct, site: MeetingSite | undefined): PolicyException {
    checkProps(OWNER, at, props, PROPS, scope);
    if (typeof props.ruleId !== 'string' || !POLICY_RULE_ID_PATTERN.test(props.ruleId)) throw invalidProp(OWNER, `${at}.ruleId`, props.ruleId, 'a policy rule id such as WBX.MEET.1v1 (see RULES.md)', scope);
    if (typeof props.reason !== 'string' || props.reason.trim().length < EXCEPTION_REASON_MIN_LENGTH) {
      throw invalidProp(OWNER, `${at}.reason`, props.reason, `a reason of at least ${EXCEPTION_REASON_MIN_LENGTH} characters saying why the finding is accepted`, scope);
    }
    if (typeof props.owner !== 'string' || props.owner.trim() === '') throw invalidProp(OWNER, `${at}.owner`, props.owner, 'the accountable owner (a name or email)', scope);
    if (props.expires === undefined) throw invalidProp(OWNER, `${at}.expires`, props.expires, 'a date as YYYY-MM-DD', scope);
    checkDate(OWNER, `${at}.expires`, props.expires, scope);
    if (props.appliesTo !== undefined && (typeof props.appliesTo !== 'string' || props.appliesTo.trim() === '')) {
      throw invalidProp(OWNER, `${at}.appliesTo`, props.appliesTo, 'a siteUrl or a finding (siteUrl/email, or an email)', scope);
    }
    let appliesTo = props.appliesTo;
    if (site !== undefined) {
      if (appliesTo === undefined) appliesTo = site.siteUrl;
      else if (appliesTo !== site.siteUrl && !appliesTo.startsWith(`${site.siteUrl}/`)) {
        throw invalidProp(OWNER, `${at}.appliesTo`, appliesTo, `${site.siteUrl} or a finding on it (${site.siteUrl}/<email>), since the scope is inside that site`, scope);
      }
    }
    return {
      ruleId: props.ruleId,
      reason: props.reason.trim(),
      owner: props.owner.trim(),
      expires: props.expires,
      path: scope.node.path,
      ...(appliesTo !== undefined ? { appliesTo } : {}),
    };
  }
}

