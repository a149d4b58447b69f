import { Construct } from 'constructs';
import { SiteSchema } from '../manifest/schema';
import { duplicateSite, invalidProp } from './errors';
import { isSiteSetting, ISiteSetting, SiteSettingKey } from './site-setting';
import { WebexOrg } from './webex-org';

const MEETING_SITE = Symbol.for('webex-iac/MeetingSite');

export interface MeetingSiteProps {
  /**
   * The Webex Meetings site, as listed by GET /v1/meetingPreferences/sites: a lower-case host name such
   * as `example.webex.com`, without scheme, port or path.
   */
  readonly siteUrl: string;
}

/**
 * One Webex Meetings site of an org. Site controls (MeetingSecurity, ...) are created in it; a
 * HipaaBaseline of the org covers it whether it was created before or after the baseline.
 */
export class MeetingSite extends Construct {
  /** Whether `x` is a MeetingSite (works across copies of this module). */
  static isMeetingSite(x: unknown): x is MeetingSite {
    return x !== null && typeof x === 'object' && MEETING_SITE in x;
  }

  /** The sites of `org`, sorted by siteUrl. */
  static sitesOf(org: WebexOrg): MeetingSite[] {
    return org.node
      .findAll()
      .filter((c): c is MeetingSite => MeetingSite.isMeetingSite(c) && c.org === org)
      .sort((a, b) => (a.siteUrl < b.siteUrl ? -1 : a.siteUrl > b.siteUrl ? 1 : 0));
  }

  readonly siteUrl: string;
  /** The org this site belongs to: the nearest enclosing WebexOrg. */
  readonly org: WebexOrg;

  constructor(scope: Construct, id: string, props: MeetingSiteProps) {
    super(scope, id);
    Object.defineProperty(this, MEETING_SITE, { value: true });

    this.org = WebexOrg.of(this);
    if (typeof props.siteUrl !== 'string' || !SiteSchema.shape.siteUrl.safeParse(props.siteUrl).success) {
      throw invalidProp('MeetingSite', 'siteUrl', props.siteUrl, 'a lower-case host name such as example.webex.com, without scheme, port or path', this);
    }
    this.siteUrl = props.siteUrl;
    const existing = MeetingSite.sitesOf(this.org).find((site) => site !== this && site.siteUrl === this.siteUrl);
    if (existing !== undefined) throw duplicateSite(this.siteUrl, existing, this);
  }

  /** The settings this site declares itself (its ISiteSetting children). */
  get explicitSettings(): ISiteSetting[] {
    return this.node.children.filter(isSiteSetting);
  }

  /** The construct that declares `key` for this site explicitly, if any. */
  explicitSetting<K extends SiteSettingKey>(key: K): ISiteSetting<K> | undefined {
    return this.explicitSettings.find((s): s is ISiteSetting<K> => s.siteSettingKey === key);
  }
}
