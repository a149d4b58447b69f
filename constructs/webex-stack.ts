import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provider as nullProvider, resource as nullResource } from '@cdktf/provider-null';
import { IStackSynthesizer, ISynthesisSession, Lazy, LocalExecProvisioner, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { canonicalJson } from '../manifest/canonical-json';
import { MANIFEST_FILE_NAME, orgEntryHash } from '../manifest/load';
import { Manifest } from '../manifest/schema';
import { applyCommandLine, DEFAULT_APPLY_COMMAND, escapeTerraformTemplate } from './apply-command';
import { buildManifest, buildOrgEntry } from './build-manifest';
import { duplicateOrgName, invalidProp } from './errors';
import { IWebexOrgHost, WEBEX_ORG_HOST, WebexOrg } from './webex-org';

// The only construct file that imports cdktf: moving to the community fork (cdktn) changes this file only.

export const APPLY_RESOURCE_KINDS = ['null_resource', 'terraform_data'] as const;
export type ApplyResourceKind = (typeof APPLY_RESOURCE_KINDS)[number];

/** Construct id of each org's apply resource, created inside the org. */
export const APPLY_RESOURCE_ID = 'Apply';

/** Key of the apply resource's trigger map: the sha256 of the org's manifest entry. */
export const TRIGGER_KEY = 'org_entry_sha256';

export interface WebexStackProps {
  /**
   * The Terraform resource that runs `webex-iac apply` for each org.
   *
   * - `null_resource`: from the hashicorp/null provider (@cdktf/provider-null), which `terraform init`
   *   downloads.
   * - `terraform_data`: built into Terraform (>= 1.4); the stack then needs no provider at all, so
   *   `terraform init` works offline (locked-down CI).
   *
   * @default 'null_resource'
   */
  readonly applyResource?: ApplyResourceKind;

  /**
   * The command that runs the webex-iac CLI, from the stack folder (cdktf.out/stacks/<stack>). It is
   * used verbatim by `/bin/sh`: quote it yourself if it has spaces in paths.
   *
   * @default 'npx --no-install webex-iac'
   */
  readonly applyCommand?: string;
}

/**
 * A cdktf stack of Webex orgs. Synth writes, in cdktf.out/stacks/<stack>/:
 * - `cdk.tf.json`: one apply resource per org, triggered by the sha256 of the org's manifest entry,
 *   whose local-exec provisioner runs `<applyCommand> apply --manifest webex-manifest.json --org '<name>' --auto-approve`;
 * - `webex-manifest.json`: the desired state (see manifest/README.md), canonical JSON.
 * No secret enters either file: the CLI reads the Webex token from the environment.
 */
export class WebexStack extends TerraformStack implements IWebexOrgHost {
  readonly applyResource: ApplyResourceKind;
  readonly applyCommand: string;
  private readonly orgsByName = new Map<string, WebexOrg>();

  constructor(scope: Construct, id: string, props: WebexStackProps = {}) {
    super(scope, id);
    const applyResource = props.applyResource ?? 'null_resource';
    if (!APPLY_RESOURCE_KINDS.includes(applyResource)) {
      throw invalidProp('WebexStack', 'applyResource', applyResource, `one of ${APPLY_RESOURCE_KINDS.map((k) => JSON.stringify(k)).join(', ')}`, this);
    }
    const applyCommand = props.applyCommand ?? DEFAULT_APPLY_COMMAND;
    if (typeof applyCommand !== 'string' || applyCommand.trim() === '' || /[\r\n]/.test(applyCommand)) {
      throw invalidProp('WebexStack', 'applyCommand', applyCommand, 'a non-empty command on one line', this);
    }
    this.applyResource = applyResource;
    this.applyCommand = applyCommand;

    if (applyResource === 'null_resource') new nullProvider.NullProvider(this, 'null');
    this.synthesizer = new ManifestWritingSynthesizer(this.synthesizer, this);
  }

  /** The manifest of this stack, built from the tree as it is now. */
  buildManifest(): Manifest {
    return buildManifest(this);
  }

  /** Called by each WebexOrg created in this stack: checks its name is unique, adds its apply resource. */
  [WEBEX_ORG_HOST](org: WebexOrg): void {
    const existing = this.orgsByName.get(org.name);
    if (existing !== undefined) throw duplicateOrgName(org.name, existing, org);
    this.orgsByName.set(org.name, org);

    // Lazy: the trigger must reflect the final tree (sites, baselines and controls added later).
    const triggers = { [TRIGGER_KEY]: Lazy.stringValue({ produce: () => orgEntryHash(buildOrgEntry(org)) }) };
    const provisioners: LocalExecProvisioner[] = [{ type: 'local-exec', command: escapeTerraformTemplate(applyCommandLine(this.applyCommand, org.name)) }];
    if (this.applyResource === 'null_resource') {
      new nullResource.Resource(org, APPLY_RESOURCE_ID, { triggers, provisioners });
    } else {
      new TerraformData(org, APPLY_RESOURCE_ID, triggers, provisioners);
    }
  }
}

/** Terraform's built-in `terraform_data` resource (no provider), which cdktf has no class for. */
class TerraformData extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly triggersReplace: Record<string, string>,
    provisioners: LocalExecProvisioner[],
  ) {
    super(scope, id, { terraformResourceType: 'terraform_data', provisioners });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.triggersReplace };
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return { triggers_replace: { value: this.triggersReplace, isBlock: false, type: 'map', storageClassType: 'stringMap' } };
  }
}

/** Wraps the stack's cdktf synthesizer: once cdk.tf.json is written, writes webex-manifest.json beside it. */
class ManifestWritingSynthesizer implements IStackSynthesizer {
  constructor(
    private readonly inner: IStackSynthesizer,
    private readonly stack: WebexStack,
  ) {}

  synthesize(session: ISynthesisSession): void {
    this.inner.synthesize(session);
    const folder = join(session.outdir, session.manifest.forStack(this.stack).workingDirectory);
    writeFileSync(join(folder, MANIFEST_FILE_NAME), canonicalJson(this.stack.buildManifest()));
  }
}
