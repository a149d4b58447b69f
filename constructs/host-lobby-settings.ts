import { IConstruct } from 'constructs';
import { AUTO_LOCK_MINUTES, HOST_LOBBY_FIELDS, HostLobby as HostLobbyEntry, HostSelection } from '../manifest/schema';
import { ControlLayer } from './control-layer';
import { autoLockMinutesWithoutAutoLock, invalidProp } from './errors';
import { HostSelectionProps, resolveHostSelection } from './host-selection';
import { checkBoolean, checkProps } from './prop-checks';

/**
 * The lobby of each host's meetings: the personal room locks itself shortly after a meeting starts, so
 * that late or uninvited joiners wait in the lobby until the host admits them, the host is told when
 * someone waits, and nobody joins a scheduled meeting before the host. Access control for meetings in
 * which ePHI is discussed (45 CFR 164.312(a)(1)).
 */
export interface HostLobbyProps {
  /**
   * Lock each host's personal room `autoLockMinutes` after the meeting starts; people who arrive later
   * wait in the lobby until the host admits them (personal room `enabledAutoLock`).
   *
   * HIPAA-safe default: on. A personal room has a fixed link, shared widely and reused for every patient;
   * without a lock anyone holding the link walks into the next patient's consultation (164.312(a)(1)).
   *
   * @default true
   */
  readonly enabledAutoLock?: boolean;

  /**
   * Minutes after the start at which the personal room locks: 0, 5, 10, 15 or 20 (Cisco's options).
   * Set it only while `enabledAutoLock` is true.
   *
   * HIPAA-safe default: 5, time for the invited to arrive, short enough that the room is not left open.
   *
   * @default 5
   */
  readonly autoLockMinutes?: number;

  /**
   * Notify the host when someone waits in the personal room's lobby while the host is not in the room
   * (personal room `enabledNotifyHost`).
   *
   * HIPAA-safe default: on, so that the host, not the first arrival, decides who is admitted.
   *
   * @default true
   */
  readonly enabledNotifyHost?: boolean;

  /**
   * Let invitees join the host's scheduled meetings before the host (scheduling options
   * `enabledJoinBeforeHost`).
   *
   * HIPAA-safe default: off, so that nobody meets other attendees or sees shared content before the host
   * is there to admit people (164.312(a)(1)).
   *
   * @default false
   */
  readonly enabledJoinBeforeHost?: boolean;

  /**
   * Which hosts of the site the control manages.
   *
   * @default - every host of the site
   */
  readonly hosts?: HostSelectionProps;

  /**
   * Props pinned to their exact declared value (`enabledAutoLock`, `autoLockMinutes`,
   * `enabledNotifyHost`, `enabledJoinBeforeHost`). Every other value is a floor: a host whose lobby is
   * already stricter keeps it. A pinned value is set even where that weakens the host's lobby; the plan
   * flags it as weakening, so CI refuses it without consent. Pins of layers add up.
   *
   * @default - none: every declared value is a floor
   */
  readonly exactFields?: readonly string[];
}

/** What a HostLobby declares for a site: the manifest entry without its path. */
export type HostLobbySettings = Omit<HostLobbyEntry, 'path'>;

/** The HIPAA-safe values, as documented on HostLobbyProps. */
export const HOST_LOBBY_DEFAULTS = Object.freeze({
  enabledAutoLock: true,
  autoLockMinutes: 5,
  enabledNotifyHost: true,
  enabledJoinBeforeHost: false,
});

const FLAGS = ['enabledAutoLock', 'enabledNotifyHost', 'enabledJoinBeforeHost'] as const;
const PROPS = [...FLAGS, 'autoLockMinutes', 'hosts', 'exactFields'];

/** HostLobby prop → the manifest's dotted field. */
const FIELD_OF_PROP: Readonly<Record<string, (typeof HOST_LOBBY_FIELDS)[number]>> = {
  enabledAutoLock: 'personalMeetingRoom.enabledAutoLock',
  autoLockMinutes: 'personalMeetingRoom.autoLockMinutes',
  enabledNotifyHost: 'personalMeetingRoom.enabledNotifyHost',
  enabledJoinBeforeHost: 'schedulingOptions.enabledJoinBeforeHost',
};

/**
 * Resolves layers of HostLobby props, broadest first, over the HIPAA-safe defaults. A narrower layer's
 * `hosts` replaces the broader one. `autoLockMinutes` set while `enabledAutoLock` is false is an error;
 * when auto-lock is off and nobody set the minutes, they are not declared at all.
 */
export function resolveHostLobby(layers: readonly ControlLayer<HostLobbyProps>[], scope: IConstruct): HostLobbySettings {
  let values: { enabledAutoLock: boolean; autoLockMinutes: number; enabledNotifyHost: boolean; enabledJoinBeforeHost: boolean } = { ...HOST_LOBBY_DEFAULTS };
  let minutesSet = false;
  let hosts: HostSelection | undefined;
  const exact = new Set<string>();
  for (const layer of layers) {
    const props = validate(layer, scope);
    for (const prop of props.exactFields ?? []) exact.add(FIELD_OF_PROP[prop]!);
    values = { ...values, ...Object.fromEntries(Object.entries(props).filter(([k, v]) => v !== undefined && k !== 'hosts' && k !== 'exactFields')) };
    if (props.autoLockMinutes !== undefined) minutesSet = true;
    if (props.hosts !== undefined) hosts = resolveHostSelection(layer.owner, `${layer.prefix}hosts`, props.hosts, scope);
    if (props.autoLockMinutes !== undefined && !values.enabledAutoLock) {
      throw autoLockMinutesWithoutAutoLock(layer.owner, layer.prefix, props.autoLockMinutes, scope);
    }
  }
  const settings: HostLobbySettings = {
    personalMeetingRoom: {
      enabledAutoLock: values.enabledAutoLock,
      enabledNotifyHost: values.enabledNotifyHost,
      ...(values.enabledAutoLock || minutesSet ? { autoLockMinutes: values.autoLockMinutes as (typeof AUTO_LOCK_MINUTES)[number] } : {}),
    },
    schedulingOptions: { enabledJoinBeforeHost: values.enabledJoinBeforeHost },
  };
  if (hosts !== undefined) settings.hosts = hosts;
  const declared = new Set(Object.keys(settings.personalMeetingRoom ?? {}).map((f) => `personalMeetingRoom.${f}`).concat('schedulingOptions.enabledJoinBeforeHost'));
  const pinned = HOST_LOBBY_FIELDS.filter((f) => exact.has(f) && declared.has(f));
  if (pinned.length > 0) settings.exactFields = pinned;
  return settings;
}

function validate(layer: ControlLayer<HostLobbyProps>, scope: IConstruct): HostLobbyProps {
  const { owner, prefix } = layer;
  const props = checkProps(owner, prefix.replace(/\.$/, ''), layer.props, PROPS, scope) as HostLobbyProps;
  for (const flag of FLAGS) checkBoolean(owner, `${prefix}${flag}`, props[flag], scope);
  const exactFields = props.exactFields;
  if (exactFields !== undefined && (!Array.isArray(exactFields) || exactFields.some((p) => typeof p !== 'string' || !Object.hasOwn(FIELD_OF_PROP, p)))) {
    throw invalidProp(owner, `${prefix}exactFields`, exactFields, `a list of prop names among ${Object.keys(FIELD_OF_PROP).join(', ')}`, scope);
  }
  const minutes = props.autoLockMinutes;
  if (minutes !== undefined && !(AUTO_LOCK_MINUTES as readonly unknown[]).includes(minutes)) {
    throw invalidProp(owner, `${prefix}autoLockMinutes`, minutes, `one of ${AUTO_LOCK_MINUTES.join(', ')} (Cisco's options)`, scope);
  }
  return props;
}
