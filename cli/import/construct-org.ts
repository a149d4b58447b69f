import { Construct } from 'constructs';
// The construct files themselves, not the constructs/ barrel: the barrel loads cdktf (webex-stack.ts),
// which declaring one org in memory does not need.
import { buildOrgEntry } from '../../constructs/build-manifest';
import { ValidationError } from '../../constructs/errors';
import { HipaaBaseline, HipaaBaselineProps } from '../../constructs/hipaa-baseline';
import { MeetingSite } from '../../constructs/meeting-site';
import { WebexOrg } from '../../constructs/webex-org';
import type { Org } from '../../manifest';

/** The constructs of an imported program: its stack id, its org and its sites, with their construct ids. */
export interface ProgramShape {
  readonly stackId: string;
  readonly org: { readonly constructId: string; readonly name: string; readonly orgId: string };
  readonly sites: readonly { readonly constructId: string; readonly siteUrl: string }[];
}

/**
 * The manifest entry that a program of `shape` with `new HipaaBaseline(org, 'HipaaBaseline', props)`
 * synthesizes, built in memory with the real constructs (same construct paths as `cdktf synth`, whose
 * app root has an empty id). Throws the constructs' ValidationError for props they refuse.
 */
export function declaredOrgEntry(shape: ProgramShape, props: HipaaBaselineProps): Org {
  const root = new Construct(undefined as unknown as Construct, '');
  const stack = new Construct(root, shape.stackId);
  const org = new WebexOrg(stack, shape.org.constructId, { name: shape.org.name, orgId: shape.org.orgId });
  for (const site of shape.sites) new MeetingSite(org, site.constructId, { siteUrl: site.siteUrl });
  new HipaaBaseline(org, BASELINE_ID, props);
  return buildOrgEntry(org);
}

/**
 * Why a program of `shape` could not even name its org and sites (the constructs' own refusal of the
 * org's name or id, or of a siteUrl), checked with WebexOrg and MeetingSite alone; undefined when it can.
 */
export function unnameable(shape: ProgramShape): string | undefined {
  try {
    const org = new WebexOrg(new Construct(new Construct(undefined as unknown as Construct, ''), shape.stackId), shape.org.constructId, { name: shape.org.name, orgId: shape.org.orgId });
    for (const site of shape.sites) new MeetingSite(org, site.constructId, { siteUrl: site.siteUrl });
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.reason;
    throw error;
  }
}

/** The construct id of the imported program's HipaaBaseline. */
export const BASELINE_ID = 'HipaaBaseline';
