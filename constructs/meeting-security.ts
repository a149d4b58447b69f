import { Construct } from 'constructs';
import { MeetingSecurity as MeetingSecurityEntry } from '../manifest/schema';
import { duplicateSiteSetting, notInsideSite } from './errors';
import { MeetingSecurityProps, MeetingSecuritySettings, resolveMeetingSecurity } from './meeting-security-settings';
import { MeetingSite } from './meeting-site';
import { ISiteSetting, markSiteSetting } from './site-setting';

/**
 * The meeting security options of one site (Webex commonSettings `securityOptions`), declared
 * explicitly. Every prop defaults to its HIPAA-safe value, so `new MeetingSecurity(site, 'Security')`
 * hardens the site. A site takes at most one MeetingSecurity, and it wins over a HipaaBaseline.
 */
export class MeetingSecurity extends Construct implements ISiteSetting<'meetingSecurity'> {
  readonly siteSettingKey = 'meetingSecurity' as const;
  readonly site: MeetingSite;
  /** The declared options: the props over the HIPAA-safe defaults. */
  readonly settings: MeetingSecuritySettings;

  constructor(site: MeetingSite, id: string, props: MeetingSecurityProps = {}) {
    super(site, id);
    if (!MeetingSite.isMeetingSite(site)) throw notInsideSite('MeetingSecurity', this);
    this.site = site;
    const existing = site.explicitSetting('meetingSecurity');
    if (existing !== undefined && existing !== this) throw duplicateSiteSetting('MeetingSecurity', site.siteUrl, existing, this);

    this.settings = resolveMeetingSecurity([{ owner: 'MeetingSecurity', prefix: '', props }], this);
    markSiteSetting(this);
  }

  renderSiteSetting(): MeetingSecurityEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
