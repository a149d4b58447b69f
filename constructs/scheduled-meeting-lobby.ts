import { Construct } from 'constructs';
import { SCHEDULED_MEETINGS_DAYS_AHEAD, ScheduledMeetingLobby as ScheduledMeetingLobbyEntry } from '../manifest/schema';
import { duplicateSiteSetting, notInsideSite } from './errors';
import { HostSelectionProps, resolveHostSelection } from './host-selection';
import { MeetingSite } from './meeting-site';
import { checkBoolean, checkInteger, checkProps, definedOnly } from './prop-checks';
import { ISiteSetting, markSiteSetting } from './site-setting';

/**
 * The lobby of the hosts' upcoming scheduled meetings: people not on the invite wait in the lobby (or are
 * blocked) and each meeting locks once started (access control, 45 CFR 164.312(a)(1)). `assess` reports
 * every meeting that does not; plan and apply change them only with `fixMeetings`.
 */
export interface ScheduledMeetingLobbyProps {
  /**
   * Which hosts' meetings are read.
   *
   * @default - every host of the site
   */
  readonly hosts?: HostSelectionProps;
  /**
   * How many days of upcoming meetings are read (1 to 365).
   *
   * @default 30
   */
  readonly daysAhead?: number;
  /**
   * Let plan and apply change the unsafe meetings found: `unlockedMeetingJoinSecurity` from `allowJoin` to
   * `allowJoinWithLobby`, `enableAutomaticLock` to true (PATCH per meeting, no email, the password kept).
   *
   * @default false - unsafe meetings are only reported
   */
  readonly fixMeetings?: boolean;
}

const PROPS = ['hosts', 'daysAhead', 'fixMeetings'];

/** The lobby of the scheduled meetings of one site's hosts. A site takes at most one. */
export class ScheduledMeetingLobby extends Construct implements ISiteSetting<'scheduledMeetingLobby'> {
  readonly siteSettingKey = 'scheduledMeetingLobby' as const;
  readonly site: MeetingSite;
  readonly settings: Omit<ScheduledMeetingLobbyEntry, 'path'>;

  constructor(site: MeetingSite, id: string, props: ScheduledMeetingLobbyProps = {}) {
    super(site, id);
    if (!MeetingSite.isMeetingSite(site)) throw notInsideSite('ScheduledMeetingLobby', this);
    this.site = site;
    const existing = site.explicitSetting('scheduledMeetingLobby');
    if (existing !== undefined && existing !== this) throw duplicateSiteSetting('ScheduledMeetingLobby', site.siteUrl, existing, this);
    const checked = checkProps('ScheduledMeetingLobby', '', props, PROPS, this) as ScheduledMeetingLobbyProps;
    checkInteger('ScheduledMeetingLobby', 'daysAhead', checked.daysAhead, 1, SCHEDULED_MEETINGS_DAYS_AHEAD.max, this);
    checkBoolean('ScheduledMeetingLobby', 'fixMeetings', checked.fixMeetings, this);
    const hosts = resolveHostSelection('ScheduledMeetingLobby', 'hosts', checked.hosts, this);
    this.settings = definedOnly({ hosts, daysAhead: checked.daysAhead, fixMeetings: checked.fixMeetings });
    markSiteSetting(this);
  }

  renderSiteSetting(): ScheduledMeetingLobbyEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
