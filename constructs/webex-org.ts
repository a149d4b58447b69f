import { Construct, IConstruct } from 'constructs';
import { invalidProp, nestedOrg, notInsideOrg } from './errors';
import { containsTemplateSequence, TEMPLATE_SEQUENCE_RULE } from '../manifest/template-sequence';

const WEBEX_ORG = Symbol.for('webex-iac/WebexOrg');

/**
 * Key of the method through which an enclosing scope (the Webex stack) learns of each org created in
 * it, so that it can add the org's Terraform apply resource. It keeps this file free of cdktf.
 */
export const WEBEX_ORG_HOST: unique symbol = Symbol.for('webex-iac/WebexOrgHost');

/** A scope that turns every WebexOrg created below it into something deployable (see WebexStack). */
export interface IWebexOrgHost extends IConstruct {
  [WEBEX_ORG_HOST](org: WebexOrg): void;
}

export interface WebexOrgProps {
  /**
   * The org display name, exactly as Webex reports it (GET /v1/organizations).
   *
   * Provisioning finds the org by this name when `orgId` is not set, and `webex-iac apply --org <name>`
   * selects the org by it, so it must be unique within a stack.
   */
  readonly name: string;

  /**
   * The Webex org id (GET /v1/organizations `id`).
   *
   * Pins the declaration to one org, so that a renamed org, or another org with the same name visible to
   * the same token, is never changed by mistake.
   *
   * @default - the org is looked up by `name`
   */
  readonly orgId?: string;
}

/**
 * One Webex organization: the unit that `webex-iac apply` works on, and that the stack turns into one
 * Terraform apply resource. MeetingSites, HipaaBaseline and org-level controls are created inside it.
 */
export class WebexOrg extends Construct {
  /** Whether `x` is a WebexOrg (works across copies of this module). */
  static isWebexOrg(x: unknown): x is WebexOrg {
    return x !== null && typeof x === 'object' && WEBEX_ORG in x;
  }

  /** The WebexOrg that is `construct` or encloses it; fails when there is none. */
  static of(construct: IConstruct): WebexOrg {
    const org = WebexOrg.enclosing(construct);
    if (org === undefined) throw notInsideOrg(construct.constructor.name, construct);
    return org;
  }

  /** The WebexOrg that is `construct` or encloses it, if any. */
  static enclosing(construct: IConstruct): WebexOrg | undefined {
    return [...construct.node.scopes].reverse().find((scope): scope is WebexOrg => WebexOrg.isWebexOrg(scope));
  }

  readonly name: string;
  readonly orgId?: string;

  constructor(scope: Construct, id: string, props: WebexOrgProps) {
    super(scope, id);
    Object.defineProperty(this, WEBEX_ORG, { value: true });

    const enclosing = scope.node.scopes.find((s) => WebexOrg.isWebexOrg(s));
    if (enclosing !== undefined) throw nestedOrg(enclosing, this);
    if (typeof props.name !== 'string' || props.name.trim() === '' || /\p{Cc}/u.test(props.name)) {
      throw invalidProp('WebexOrg', 'name', props.name, 'the non-empty org display name, without control characters', this);
    }
    // Checked before cdktf sees it: a token or template sequence would be rewritten in cdk.tf.json.
    if (containsTemplateSequence(props.name)) throw invalidProp('WebexOrg', 'name', props.name, `the org display name ${TEMPLATE_SEQUENCE_RULE}`, this);
    if (typeof props.orgId === 'string' && containsTemplateSequence(props.orgId)) throw invalidProp('WebexOrg', 'orgId', props.orgId, `a Webex org id ${TEMPLATE_SEQUENCE_RULE}`, this);
    if (props.orgId !== undefined && (typeof props.orgId !== 'string' || !/^\S+$/.test(props.orgId))) {
      throw invalidProp('WebexOrg', 'orgId', props.orgId, 'a Webex org id (non-empty, no spaces)', this);
    }
    this.name = props.name;
    this.orgId = props.orgId;

    const host = [...scope.node.scopes].reverse().find(isWebexOrgHost);
    host?.[WEBEX_ORG_HOST](this);
  }
}

function isWebexOrgHost(x: IConstruct): x is IWebexOrgHost {
  return typeof (x as Partial<IWebexOrgHost>)[WEBEX_ORG_HOST] === 'function';
}
