import { IConstruct } from 'constructs';
import { compareCodePoints } from '../manifest/compare';

/**
 * A declaration that Webex would reject, or that is ambiguous, found while building the construct tree
 * or the manifest. The message names the prop, the value received and what is allowed, and ends with
 * the path of the construct at fault so that the user can find the line of code.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** Path of the construct at fault (`node.path`). */
  readonly constructPath: string;
  /** The message without the construct path, as cdktf's validation report wants it. */
  readonly reason: string;

  constructor(reason: string, scope: IConstruct) {
    const constructPath = scope.node.path || '(app root)';
    super(`${reason} (at ${constructPath})`);
    this.reason = reason;
    this.constructPath = constructPath;
  }
}

/** `<owner> <prop> must be <allowed>, received: <value>`. */
export function invalidProp(owner: string, prop: string, received: unknown, allowed: string, scope: IConstruct): ValidationError {
  return new ValidationError(`${owner} ${prop} must be ${allowed}, received: ${describeValue(received)}`, scope);
}

/** A key that is not a known prop: a typo would otherwise leave a setting silently unmanaged. */
export function unknownProp(owner: string, prop: string, allowed: readonly string[], scope: IConstruct): ValidationError {
  return new ValidationError(`${owner} ${prop} is not a known setting, allowed: ${[...allowed].sort(compareCodePoints).join(', ')}`, scope);
}

/** Cisco: audioBeforeHost "can't be turned on when joinBeforeHost was false". */
export function audioBeforeHostWithoutJoinBeforeHost(owner: string, prefix: string, joinBeforeHostOrigin: string, scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}audioBeforeHost can be true only when joinBeforeHost is true (Webex rejects it otherwise), ` +
      `received: audioBeforeHost true, joinBeforeHost false${joinBeforeHostOrigin}`,
    scope,
  );
}

/** Cisco: passwordCriteria "cannot be specified when requireStrongPassword was false". */
export function passwordCriteriaWithoutStrongPassword(owner: string, prefix: string, requireStrongPasswordOrigin: string, scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}passwordCriteria can be set only when requireStrongPassword is true (Webex rejects it otherwise), ` +
      `received: requireStrongPassword false${requireStrongPasswordOrigin}`,
    scope,
  );
}

/** Cisco: disallowValues must not repeat items. */
export function repeatedDisallowValues(owner: string, prefix: string, values: readonly string[], repeated: readonly string[], scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}passwordCriteria.disallowValues must not repeat items, received: ${describeValue(values)} (repeated: ${repeated.map((v) => JSON.stringify(v)).join(', ')})`,
    scope,
  );
}

/** A construct that must sit below a WebexOrg was created elsewhere. */
export function notInsideOrg(kind: string, scope: IConstruct): ValidationError {
  return new ValidationError(`${kind} must be created inside a WebexOrg: pass the org (or a construct inside it) as scope, received scope: ${describeScope(scope.node.scope)}`, scope);
}

/** Orgs are the unit of apply; an org inside an org has no meaning in Webex. */
export function nestedOrg(enclosing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`WebexOrg cannot be created inside another WebexOrg (${enclosing.node.path}): create each org in the stack`, scope);
}

/** MeetingSecurity and other site settings attach to exactly one site. */
export function notInsideSite(kind: string, scope: IConstruct): ValidationError {
  return new ValidationError(`${kind} must be created with a MeetingSite as its scope, received scope: ${describeScope(scope.node.scope)}`, scope);
}

/** A second construct declaring the same site setting. */
export function duplicateSiteSetting(kind: string, siteUrl: string, existing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`${kind}: site ${siteUrl} already has one (${existing.node.path}), a site takes at most one ${kind}`, scope);
}

/** The same siteUrl declared twice in one org: two declarations would fight over one live site. */
export function duplicateSite(siteUrl: string, existing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`MeetingSite siteUrl ${siteUrl} is already declared in this org (${existing.node.path}), declare each site once`, scope);
}

/** A second HipaaBaseline in one org: which one applies would be ambiguous. */
export function duplicateBaseline(existing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`HipaaBaseline: this org already has one (${existing.node.path}), an org takes at most one HipaaBaseline`, scope);
}

/** Two orgs with the same name in one stack: `webex-iac apply --org <name>` could not tell them apart. */
export function duplicateOrgName(name: string, existing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`WebexOrg name ${JSON.stringify(name)} is already used in this stack by ${existing.node.path}, org names must be unique per stack`, scope);
}

/** siteOverrides naming sites that the org does not declare: most likely a typo. */
export function unknownOverrideSites(
  owner: string,
  orgName: string,
  unknown: readonly string[],
  known: readonly string[],
  scope: IConstruct,
  overridesProp = 'siteOverrides',
): ValidationError {
  const sites = known.length === 0 ? 'the org declares no MeetingSite' : `sites of the org: ${known.join(', ')}`;
  return new ValidationError(`${owner} ${overridesProp} names sites that are not in org ${JSON.stringify(orgName)}: ${unknown.join(', ')} (${sites})`, scope);
}

/** An override for a site that declares its own construct for the same setting: it would have no effect. */
export function overrideShadowedByExplicit(
  owner: string,
  siteUrl: string,
  explicit: IConstruct,
  scope: IConstruct,
  kind = 'MeetingSecurity',
  overridesProp = 'siteOverrides',
): ValidationError {
  return new ValidationError(
    `${owner} ${overridesProp}[${JSON.stringify(siteUrl)}] has no effect because the site declares its own ${kind} (${explicit.node.path}): move the settings there or remove the override`,
    scope,
  );
}

/**
 * HipaaBaseline `unmanagedSiteControls` naming, for one control, sites the org does not declare, or a site
 * that also has an override for that control (the override would be silently ignored).
 */
export function unmanagedSiteProblems(
  owner: string,
  orgName: string,
  control: string,
  unmanaged: ReadonlySet<string>,
  known: readonly string[],
  overrides: ReadonlyMap<string, unknown>,
  overridesProp: string,
  scope: IConstruct,
): ValidationError[] {
  const problems: ValidationError[] = [];
  const unknown = [...unmanaged].filter((siteUrl) => !known.includes(siteUrl)).sort(compareCodePoints);
  if (unknown.length > 0) problems.push(unknownOverrideSites(owner, orgName, unknown, known, scope, `unmanagedSiteControls (${control})`));
  for (const siteUrl of [...unmanaged].filter((s) => overrides.has(s)).sort(compareCodePoints)) {
    problems.push(
      new ValidationError(
        `${owner} unmanagedSiteControls[${JSON.stringify(siteUrl)}] leaves ${control} unmanaged, but ${overridesProp}[${JSON.stringify(siteUrl)}] declares it: remove one of them`,
        scope,
      ),
    );
  }
  return problems;
}

/** Cisco: the personal room locks after `autoLockMinutes` only "if enabledAutoLock is enabled". */
export function autoLockMinutesWithoutAutoLock(owner: string, prefix: string, minutes: number, scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}autoLockMinutes has effect only while enabledAutoLock is true, received: autoLockMinutes ${minutes}, enabledAutoLock false: remove autoLockMinutes or turn enabledAutoLock on`,
    scope,
  );
}

/** Both ways of naming the E2EE session type were given: which one wins would be a guess. */
export function ambiguousSessionType(owner: string, prefix: string, shortName: string, name: string, scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}sessionTypeShortName and ${prefix}sessionTypeName cannot both be set, received: ${JSON.stringify(shortName)} and ${JSON.stringify(name)}: name the session type one way`,
    scope,
  );
}

/** A second construct declaring the same org setting in one org. */
export function duplicateOrgSetting(kind: string, orgName: string, existing: IConstruct, scope: IConstruct): ValidationError {
  return new ValidationError(`${kind}: org ${JSON.stringify(orgName)} already has one (${existing.node.path}), an org takes at most one ${kind}`, scope);
}

/** An org setting created somewhere else than directly in a WebexOrg or in its HipaaBaseline. */
export function notInOrgOrBaseline(kind: string, scope: IConstruct): ValidationError {
  return new ValidationError(`${kind} must be created with a WebexOrg (or its HipaaBaseline) as its scope, received scope: ${describeScope(scope.node.scope)}`, scope);
}

/** A password policy whose character minimums add up to more than its minimum length: no password could pass. */
export function passwordMinimumsExceedLength(owner: string, prefix: string, minimums: number, minimumLength: number, scope: IConstruct): ValidationError {
  return new ValidationError(
    `${owner} ${prefix}minimumLength must be at least the sum of minimumNumeric, minimumCapAlpha, minimumLowAlpha and minimumSpecial (${minimums}), received: ${minimumLength}`,
    scope,
  );
}

/** An attestation that expires before (or when) it was made. */
export function attestationExpiresBeforeAttested(owner: string, prop: string, attestedOn: string, expires: string, scope: IConstruct): ValidationError {
  return new ValidationError(`${owner} ${prop}.expires must be after ${prop}.attestedOn (${attestedOn}), received: ${JSON.stringify(expires)}`, scope);
}

/** An attestation that the construct's `required` list does not know, or a record that has no control. */
export function unknownAttestation(owner: string, prop: string, control: unknown, known: readonly string[], scope: IConstruct): ValidationError {
  return new ValidationError(`${owner} ${prop} must name a known attestation, received: ${describeValue(control)}, allowed: ${[...known].join(', ')}`, scope);
}

/** How a received value is shown: numbers bare, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeScope(scope: IConstruct | undefined): string {
  if (scope === undefined) return 'none';
  return `${scope.node.path || '(app root)'} (${scope.constructor.name})`;
}
