import { Construct, IConstruct } from 'constructs';
import { OrgSettings } from '../manifest/schema';
import { IBaselineControl, isHipaaBaselineScope, markBaselineControl } from './baseline-control';
import { duplicateOrgSetting, notInOrgOrBaseline } from './errors';
import { WebexOrg } from './webex-org';

/** A key of an org's manifest settings (`passwordPolicy`, `mfa`, `adminAccess`, ...). */
export type OrgSettingKey = keyof OrgSettings;

/** The manifest entry of one org setting. */
export type OrgSettingEntry<K extends OrgSettingKey = OrgSettingKey> = NonNullable<OrgSettings[K]>;

const EXPLICIT_ORG_SETTING = Symbol.for('webex-iac/ExplicitOrgSetting');

/**
 * A construct that declares one key of its org's settings. Created directly in a WebexOrg it is
 * explicit and always wins; created by a HipaaBaseline (as its child) it is a baseline control that
 * declares the key only while the org has no explicit construct for it, whichever was created first.
 * An org takes at most one explicit construct per key.
 */
export abstract class OrgControl<K extends OrgSettingKey> extends Construct implements IBaselineControl {
  /** The explicit org controls of `org` (those created directly in it). */
  static explicitOf(org: WebexOrg): OrgControl<OrgSettingKey>[] {
    return org.node.children.filter((c: IConstruct): c is OrgControl<OrgSettingKey> => EXPLICIT_ORG_SETTING in c);
  }

  readonly org: WebexOrg;
  readonly orgSettingKey: K;
  /** True when created directly in the org, false when created by a HipaaBaseline. */
  readonly explicit: boolean;
  /** Who error messages name: the construct itself, or the HipaaBaseline whose prop declared it. */
  protected readonly owner: string;
  /** Prefix of prop names in messages: '' explicitly, `<baselineProp>.` in a HipaaBaseline. */
  protected readonly prefix: string;

  /**
   * @param key the org settings key the construct declares
   * @param kind the construct's class name, for messages
   * @param baselineProp the HipaaBaseline prop that carries these props, for messages
   */
  protected constructor(scope: Construct, id: string, key: K, kind: string, baselineProp: string) {
    super(scope, id);
    this.org = WebexOrg.of(this);
    this.orgSettingKey = key;
    this.explicit = !isHipaaBaselineScope(scope);
    this.owner = this.explicit ? kind : 'HipaaBaseline';
    this.prefix = this.explicit ? '' : `${baselineProp}.`;
    if (this.explicit) {
      if (scope !== this.org) throw notInOrgOrBaseline(kind, this);
      const existing = OrgControl.explicitOf(this.org).find((c) => c.orgSettingKey === key);
      if (existing !== undefined) throw duplicateOrgSetting(kind, this.org.name, existing, this);
      Object.defineProperty(this, EXPLICIT_ORG_SETTING, { value: true });
    } else {
      markBaselineControl(this);
    }
  }

  /** The manifest entry, whose `path` is this construct's path. */
  abstract renderOrgSetting(): OrgSettingEntry<K>;

  /** As a baseline control: the entry, unless an explicit construct of the org declares the key. */
  orgSettings(org: WebexOrg): OrgSettings {
    if (this.explicit || OrgControl.explicitOf(org).some((c) => c.orgSettingKey === this.orgSettingKey)) return {};
    return { [this.orgSettingKey]: this.renderOrgSetting() };
  }
}
