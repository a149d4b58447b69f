import { planOrgs, RunProgress, WebexClient } from '../../provisioning';
import { EvidenceRecorder } from '../../provisioning/evidence';
import { loadOrgs } from '../load-orgs';
import { Selection } from '../selection';
import { PlanFormat, UnknownTargetsError, writePlan } from './plan-output';

export interface DriftOptions extends Selection {
  readonly manifest?: string[];
  readonly format: PlanFormat;
  readonly quiet?: boolean;
  /** Folder of the write-only state files (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading reports progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
}

/**
 * Reads only, never writes: reports where the live org differs from the declaration. Exit 0 when it
 * matches, 2 on drift, 1 on error or when any target could not be read, so a scheduled job can alert on it.
 */
export async function driftCommand(options: DriftOptions, client: WebexClient, out: NodeJS.WriteStream = process.stdout, evidence?: EvidenceRecorder): Promise<number> {
  const orgs = loadOrgs(options.manifest, options);
  const plan = await planOrgs(client, orgs, { stateDir: options.stateDir, progress: options.progress });
  await evidence?.recordPlan(client, plan, { kind: 'drift', declared: orgs });
  await writePlan(plan, { format: options.format, quiet: options.quiet, mode: 'drift' }, out);
  if (plan.unknown.length > 0) throw new UnknownTargetsError(plan.unknown.length);
  return plan.changes.length > 0 ? 2 : 0;
}
