import { Construct } from 'constructs';
import { EndToEndEncryption as EndToEndEncryptionEntry } from '../manifest/schema';
import { EndToEndEncryptionProps, EndToEndEncryptionSettings, resolveEndToEndEncryption } from './end-to-end-encryption-settings';
import { duplicateSiteSetting, notInsideSite } from './errors';
import { MeetingSite } from './meeting-site';
import { ISiteSetting, markSiteSetting } from './site-setting';

/**
 * The E2EE session type for the hosts of one site, declared explicitly. A site takes at most one
 * EndToEndEncryption, and it wins over a HipaaBaseline.
 */
export class EndToEndEncryption extends Construct implements ISiteSetting<'endToEndEncryption'> {
  readonly siteSettingKey = 'endToEndEncryption' as const;
  readonly site: MeetingSite;
  readonly settings: EndToEndEncryptionSettings;

  constructor(site: MeetingSite, id: string, props: EndToEndEncryptionProps = {}) {
    super(site, id);
    if (!MeetingSite.isMeetingSite(site)) throw notInsideSite('EndToEndEncryption', this);
    this.site = site;
    const existing = site.explicitSetting('endToEndEncryption');
    if (existing !== undefined && existing !== this) throw duplicateSiteSetting('EndToEndEncryption', site.siteUrl, existing, this);
    this.settings = resolveEndToEndEncryption([{ owner: 'EndToEndEncryption', prefix: '', props }], this);
    markSiteSetting(this);
  }

  renderSiteSetting(): EndToEndEncryptionEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }
}
