import { ControlLayer } from './control-layer';
import { IConstruct } from 'constructs';
import { MEETING_SECURITY_FIELDS, PASSWORD_CRITERIA_MAX, MeetingSecurity as MeetingSecurityEntry, PasswordCriteria } from '../manifest/schema';
import {
  audioBeforeHostWithoutJoinBeforeHost,
  invalidProp,
  passwordCriteriaWithoutStrongPassword,
  repeatedDisallowValues,
  unknownProp,
} from './errors';

/**
 * Criteria that Webex enforces on meeting passwords when `requireStrongPassword` is true (the site's
 * commonSettings `securityOptions.passwordCriteria`). Webex caps each minimum at 12.
 *
 * A meeting password is what keeps an uninvited person out of a meeting where ePHI may be discussed or
 * shown, so these criteria implement access control and authentication (45 CFR 164.312(a)(1), (d)).
 */
export interface PasswordCriteriaProps {
  /**
   * Require both upper- and lower-case letters.
   *
   * HIPAA-safe: widens the space an attacker must guess (45 CFR 164.312(d)).
   *
   * @default true
   */
  readonly mixedCase?: boolean;

  /**
   * Minimum number of characters, an integer from 0 to 12.
   *
   * HIPAA-safe: 12 is the longest minimum Webex accepts, and length is what resists guessing best
   * (45 CFR 164.312(d)).
   *
   * @default 12
   */
  readonly minLength?: number;

  /**
   * Minimum number of digits, an integer from 0 to 12.
   *
   * HIPAA-safe: one digit at least, so that passwords are not dictionary words (45 CFR 164.312(d)).
   *
   * @default 1
   */
  readonly minNumeric?: number;

  /**
   * Minimum number of letters, an integer from 0 to 12.
   *
   * HIPAA-safe: one letter at least, so that passwords are not bare PINs (45 CFR 164.312(d)).
   *
   * @default 1
   */
  readonly minAlpha?: number;

  /**
   * Minimum number of special characters, an integer from 0 to 12.
   *
   * HIPAA-safe: one special character at least widens the search space (45 CFR 164.312(d)).
   *
   * @default 1
   */
  readonly minSpecial?: number;

  /**
   * Reject passwords made of text from the meeting's web page (site name, host name, user name, topic).
   *
   * HIPAA-safe: such text is public, so a password made of it is guessable by anyone who sees the
   * invitation (45 CFR 164.312(d)).
   *
   * @default true
   */
  readonly disallowDynamicWebText?: boolean;

  /**
   * Reject passwords listed in `disallowValues`.
   *
   * HIPAA-safe: keeps the most common passwords out (45 CFR 164.312(d)).
   *
   * @default true
   */
  readonly disallowList?: boolean;

  /**
   * Passwords that are not allowed, without repeats. Setting it replaces the default list.
   *
   * HIPAA-safe: the passwords tried first by anyone guessing (45 CFR 164.312(d)).
   *
   * @default ['password', 'webex', '123456', 'qwerty', 'letmein']
   */
  readonly disallowValues?: readonly string[];
}

/**
 * The site's meeting security options (Webex commonSettings `securityOptions`). Every option defaults
 * to the HIPAA-safe value; set one only to relax or tighten it on purpose.
 */
export interface MeetingSecurityProps {
  /**
   * Let attendees join a meeting before the host.
   *
   * HIPAA-safe default: off, so that nobody is in a meeting, sees its content or meets other attendees
   * before the host is there to admit people (access control, 45 CFR 164.312(a)(1)).
   *
   * @default false
   */
  readonly joinBeforeHost?: boolean;

  /**
   * Let attendees join the teleconference before the host. Webex allows it only with `joinBeforeHost`.
   *
   * HIPAA-safe default: off, for the same reason as `joinBeforeHost` (45 CFR 164.312(a)(1)).
   *
   * @default false
   */
  readonly audioBeforeHost?: boolean;

  /**
   * Make the first attendee who joins the presenter.
   *
   * HIPAA-safe default: off, so that an attendee whose identity nobody has checked cannot share content
   * before the host (45 CFR 164.312(a)(1)).
   *
   * @default false
   */
  readonly firstAttendeeAsPresenter?: boolean;

  /**
   * Unlist all meetings from the site's public meeting calendar.
   *
   * HIPAA-safe default: on, because meeting topics and hosts can reveal patients and their care, and
   * listed meetings invite uninvited joiners (45 CFR 164.312(a)(1)).
   *
   * @default true
   */
  readonly unlistAllMeetings?: boolean;

  /**
   * Require users to sign in before they can access the site.
   *
   * HIPAA-safe default: on, so that only authenticated people reach the site (person or entity
   * authentication, 45 CFR 164.312(d); access control, 164.312(a)(1)).
   *
   * @default true
   */
  readonly requireLoginBeforeAccess?: boolean;

  /**
   * Allow screen capture in the Android app.
   *
   * HIPAA-safe default: off, so that ePHI shown in a meeting is not captured onto phones outside the
   * organization's control (45 CFR 164.312(a)(1)).
   *
   * @default false
   */
  readonly allowMobileScreenCapture?: boolean;

  /**
   * Require meeting passwords to meet `passwordCriteria`.
   *
   * HIPAA-safe default: on, because the meeting password is the credential that admits attendees
   * (45 CFR 164.312(d)). When false, `passwordCriteria` must not be set (Webex rejects it).
   *
   * @default true
   */
  readonly requireStrongPassword?: boolean;

  /**
   * Criteria for strong meeting passwords; fields left unset take their defaults. Declared only while
   * `requireStrongPassword` is true.
   *
   * @default - mixedCase true, minLength 12, minNumeric 1, minAlpha 1, minSpecial 1,
   * disallowDynamicWebText true, disallowList true, disallowValues ['password', 'webex', '123456', 'qwerty', 'letmein']
   */
  readonly passwordCriteria?: PasswordCriteriaProps;

  /**
   * Fields pinned to their exact declared value, as dotted names (`joinBeforeHost`,
   * `passwordCriteria.minAlpha`, ...). Every other value is a floor: where a site is already stricter,
   * webex-iac keeps the stricter live value. A pinned field is set as declared even where that weakens
   * the site; the plan flags it as weakening, so CI refuses it without consent (`--deny-weakening`).
   * Pins of layers add up (a baseline's org-wide pins hold on every site).
   *
   * @default - none: every declared value is a floor
   */
  readonly exactFields?: readonly string[];
}

/** The settings a MeetingSecurity declares: every option, with passwordCriteria when strong passwords are required. */
export type MeetingSecuritySettings = Omit<MeetingSecurityEntry, 'path'>;

type MeetingSecurityFlag = Exclude<keyof MeetingSecurityProps, 'passwordCriteria' | 'exactFields'>;
type CriteriaFlag = 'mixedCase' | 'disallowDynamicWebText' | 'disallowList';
type CriteriaMinimum = 'minLength' | 'minNumeric' | 'minAlpha' | 'minSpecial';

/** The HIPAA-safe options, as documented on MeetingSecurityProps. */
export const MEETING_SECURITY_DEFAULTS: Readonly<Record<MeetingSecurityFlag, boolean>> = Object.freeze({
  joinBeforeHost: false,
  audioBeforeHost: false,
  firstAttendeeAsPresenter: false,
  unlistAllMeetings: true,
  requireLoginBeforeAccess: true,
  allowMobileScreenCapture: false,
  requireStrongPassword: true,
});

/** The HIPAA-safe password criteria, as documented on PasswordCriteriaProps. */
export const PASSWORD_CRITERIA_DEFAULTS: Readonly<Required<Omit<PasswordCriteria, 'disallowValues'>>> & { readonly disallowValues: readonly string[] } = Object.freeze({
  mixedCase: true,
  minLength: 12,
  minNumeric: 1,
  minAlpha: 1,
  minSpecial: 1,
  disallowDynamicWebText: true,
  disallowList: true,
  disallowValues: Object.freeze(['password', 'webex', '123456', 'qwerty', 'letmein']),
});

const FLAGS = Object.keys(MEETING_SECURITY_DEFAULTS) as MeetingSecurityFlag[];
const CRITERIA_FLAGS: readonly CriteriaFlag[] = ['mixedCase', 'disallowDynamicWebText', 'disallowList'];
const CRITERIA_MINIMUMS: readonly CriteriaMinimum[] = ['minLength', 'minNumeric', 'minAlpha', 'minSpecial'];
const PROPS = [...FLAGS, 'passwordCriteria', 'exactFields'];
const CRITERIA_PROPS = [...CRITERIA_FLAGS, ...CRITERIA_MINIMUMS, 'disallowValues'];

/**
 * One declaration of meeting security props, e.g. a MeetingSecurity construct, or a HipaaBaseline's
 * org-wide `meetingSecurity` or one of its `siteOverrides`: the one layer mechanism (ControlLayer).
 */
export type MeetingSecurityLayer = ControlLayer<MeetingSecurityProps>;

/**
 * Resolves layers of props, broadest first, over the HIPAA-safe defaults, validating each layer
 * eagerly with Webex's constraints:
 * - each password-criteria minimum is an integer from 0 to 12, disallowValues has no repeats;
 * - a layer may set audioBeforeHost true only if joinBeforeHost is true once it is applied;
 * - a layer may set passwordCriteria only if requireStrongPassword is true once it is applied.
 *
 * A narrower layer that turns joinBeforeHost off also turns audioBeforeHost off (unless it sets it), and
 * one that turns requireStrongPassword off drops the criteria of broader layers: both are the safe
 * reading, and the only one Webex accepts.
 */
export function resolveMeetingSecurity(layers: readonly MeetingSecurityLayer[], scope: IConstruct): MeetingSecuritySettings {
  const flags: Record<MeetingSecurityFlag, boolean> = { ...MEETING_SECURITY_DEFAULTS };
  const origins: Partial<Record<MeetingSecurityFlag, MeetingSecurityLayer>> = {};
  let criteria: Required<PasswordCriteria> = { ...PASSWORD_CRITERIA_DEFAULTS, disallowValues: [...PASSWORD_CRITERIA_DEFAULTS.disallowValues] };

  const exact = new Set<string>();
  for (const layer of layers) {
    const props = validateLayer(layer, scope);
    for (const field of props.exactFields ?? []) exact.add(field);
    for (const flag of FLAGS) {
      const value = props[flag];
      if (value === undefined) continue;
      flags[flag] = value;
      origins[flag] = layer;
    }
    if (props.joinBeforeHost === false && props.audioBeforeHost === undefined) {
      flags.audioBeforeHost = false;
      origins.audioBeforeHost = layer;
    }
    if (props.passwordCriteria !== undefined) {
      criteria = { ...criteria, ...definedOnly(props.passwordCriteria) } as Required<PasswordCriteria>;
    }

    if (props.audioBeforeHost === true && !flags.joinBeforeHost) {
      throw audioBeforeHostWithoutJoinBeforeHost(layer.owner, layer.prefix, originNote(layer, origins, 'joinBeforeHost'), scope);
    }
    if (props.passwordCriteria !== undefined && !flags.requireStrongPassword) {
      throw passwordCriteriaWithoutStrongPassword(layer.owner, layer.prefix, originNote(layer, origins, 'requireStrongPassword'), scope);
    }
  }

  const settings: MeetingSecuritySettings = { ...flags };
  if (flags.requireStrongPassword) settings.passwordCriteria = { ...criteria, disallowValues: [...criteria.disallowValues] };
  // A pin of a criterion that is no longer declared (strong passwords turned off) pins nothing.
  const pinned = MEETING_SECURITY_FIELDS.filter((f) => exact.has(f) && (flags.requireStrongPassword || !f.startsWith('passwordCriteria.')));
  if (pinned.length > 0) settings.exactFields = pinned;
  return settings;
}

/** Validates one layer on its own: known keys, types, ranges, repeats. */
function validateLayer(layer: MeetingSecurityLayer, scope: IConstruct): MeetingSecurityProps {
  const { owner, prefix, props } = layer;
  if (!isPlainObject(props)) throw invalidProp(owner, prefix.replace(/\.$/, '') || 'props', props, 'an object', scope);
  for (const key of Object.keys(props)) {
    if (!PROPS.includes(key)) throw unknownProp(owner, `${prefix}${key}`, PROPS, scope);
  }
  for (const flag of FLAGS) checkBoolean(owner, `${prefix}${flag}`, props[flag], scope);
  const exactFields = props.exactFields;
  if (exactFields !== undefined && (!Array.isArray(exactFields) || exactFields.some((f) => !(MEETING_SECURITY_FIELDS as readonly unknown[]).includes(f)))) {
    throw invalidProp(owner, `${prefix}exactFields`, exactFields, `a list of field names among ${MEETING_SECURITY_FIELDS.join(', ')}`, scope);
  }

  const criteria = props.passwordCriteria;
  if (criteria === undefined) return props;
  const at = `${prefix}passwordCriteria`;
  if (!isPlainObject(criteria)) throw invalidProp(owner, at, criteria, 'an object', scope);
  for (const key of Object.keys(criteria)) {
    if (!CRITERIA_PROPS.includes(key)) throw unknownProp(owner, `${at}.${key}`, CRITERIA_PROPS, scope);
  }
  for (const flag of CRITERIA_FLAGS) checkBoolean(owner, `${at}.${flag}`, criteria[flag], scope);
  for (const minimum of CRITERIA_MINIMUMS) {
    const value = criteria[minimum];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= PASSWORD_CRITERIA_MAX)) {
      throw invalidProp(owner, `${at}.${minimum}`, value, `an integer from 0 to ${PASSWORD_CRITERIA_MAX}`, scope);
    }
  }
  const values = criteria.disallowValues;
  if (values !== undefined) {
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string' || v === '')) {
      throw invalidProp(owner, `${at}.disallowValues`, values, 'a list of non-empty strings', scope);
    }
    const repeated = [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
    if (repeated.length > 0) throw repeatedDisallowValues(owner, prefix, values, repeated, scope);
  }
  return props;
}

function checkBoolean(owner: string, prop: string, value: unknown, scope: IConstruct): void {
  if (value !== undefined && typeof value !== 'boolean') throw invalidProp(owner, prop, value, 'true or false', scope);
}

/** Where an effective value came from, when not from the layer being checked. */
function originNote(layer: MeetingSecurityLayer, origins: Partial<Record<MeetingSecurityFlag, MeetingSecurityLayer>>, prop: MeetingSecurityFlag): string {
  const origin = origins[prop];
  if (origin === undefined) return ` (${prop} defaults to ${MEETING_SECURITY_DEFAULTS[prop]})`;
  if (origin === layer) return '';
  return ` (set by ${origin.owner} ${origin.prefix}${prop})`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
