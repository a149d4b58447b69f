import { Construct } from 'constructs';
import { HostLobby as HostLobbyEntry } from '../manifest/schema';
import { duplicateSiteSetting, notInsideSite } from './errors';
import { HostLobbyProps, HostLobbySettings, resolveHostLobby } from './host-lobby-settings';
import { MeetingSite } from './meeting-site';
import { ISiteSetting, markSiteSetting } from './site-setting';

/**
 * The lobby of each host of one site (personal room auto-lock and lobby notification, no join before
 * host), declared explicitly. Every prop defaults to its HIPAA-safe value. A site takes at most one
 * HostLobby, and it wins over a HipaaBaseline.
 */
export class HostLobby extends Construct implements ISiteSetting<'hostLobby'> {
  readonly siteSettingKey = 'hostLobby' as const;
  readonly site: MeetingSite;
  readonly settings: HostLobbySettings;

  constructor(site: MeetingSite, id: string, props: HostLobbyProps = {}) {
    super(site, id);
    if (!MeetingSite.isMeetingSite(site)) throw notInsideSite('HostLobby', this);
    this.site = site;
    const existing = site.explicitSetting('hostLobby');
    if (existing !== undefined && existing !== this) throw duplicateSiteSetting('HostLobby', site.siteUrl, existing, this);
    this.settings = resolveHostLobby([{ owner: 'HostLobby', prefix: '', props }], this);
    markSiteSetting(this);
  }

  renderSiteSetting(): HostLobbyEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
