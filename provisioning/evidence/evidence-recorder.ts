import { Org } from '../../manifest';
import { AppliedChange } from '../applier';
import { WebexClient } from '../client/webex-client';
import { Plan } from '../plan';
import { WriteResult } from '../write-result';
import { resolveActor } from './actor';
import { declaredAttestations } from './attestation-evidence';
import { EvidenceLog } from './evidence-log';
import { applyEvidence, OrgEvidence, planEvidence } from './plan-evidence';
import { EvidenceActor, EvidenceEntry, EvidenceRecord } from './record';

/** What a command appends besides the log's own fields. */
export type CommandEntry = Omit<EvidenceEntry, 'actor' | 'command'>;

/**
 * The evidence side of one CLI command: knows the command line and who runs it, and appends the
 * command's records. Every text passes through the client's token redaction before it is written.
 */
export class EvidenceRecorder {
  private readonly actors = new WeakMap<WebexClient, Promise<EvidenceActor>>();
  private anonymousActor?: Promise<EvidenceActor>;
  /** The plan record each org got in this run, so an apply record points at the plan it executed. */
  private readonly planRecords = new Map<string, string>();

  constructor(
    readonly log: EvidenceLog,
    readonly command: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The log from the environment, for the command line `argv` (without the program name). */
  static fromEnvironment(env: NodeJS.ProcessEnv, options: { toolVersion: string; argv: readonly string[]; cwd?: string }): EvidenceRecorder {
    return new EvidenceRecorder(EvidenceLog.fromEnvironment(env, options), commandLine(options.argv), env);
  }

  /** Appends one record of any kind (attestation, exception, assess, ...) for `org`. */
  async record(org: string, entry: CommandEntry, client?: WebexClient): Promise<EvidenceRecord> {
    const actor = await this.actor(client);
    return this.log.append(org, { ...entry, actor, command: this.command }, (json) => (client ? client.redactSecrets(json) : json));
  }

  /** Appends several records for `org` in order, under one lock. */
  async recordMany(org: string, entries: readonly CommandEntry[], client?: WebexClient): Promise<EvidenceRecord[]> {
    const actor = await this.actor(client);
    return this.log.appendMany(org, entries.map((entry) => ({ ...entry, actor, command: this.command })), (json) => (client ? client.redactSecrets(json) : json));
  }

  /**
   * One `plan` (or `drift`) record per org: proposed changes and, with the declaration, each control's
   * state as read. Attestations declared since the last record are appended as `attestation` records.
   */
  async recordPlan(client: WebexClient, plan: Plan, options: { kind?: 'plan' | 'drift'; declared?: readonly Org[]; details?: ReadonlyMap<string, Record<string, unknown>> } = {}): Promise<EvidenceRecord[]> {
    const records: EvidenceRecord[] = [];
    for (const evidence of planEvidence(plan, options.declared)) {
      const declaration = options.declared?.find((o) => o.name === evidence.org);
      const attested = declaration ? declaredAttestations(declaration) : undefined;
      if (attested) {
        await this.recordNewAttestations(client, evidence.org, attested.attestations);
        if (attested.missing.length > 0) evidence.details.attestationsMissing = attested.missing;
      }
      Object.assign(evidence.details, options.details?.get(evidence.org));
      const record = await this.recordOrg(client, options.kind ?? 'plan', evidence, declaration?.orgId);
      this.planRecords.set(evidence.org, record.id);
      records.push(record);
    }
    return records;
  }

  /** One `apply` record per org: each change written with before, after (read back) and trackingId. */
  async recordApply(client: WebexClient, plan: Plan, applied: readonly (AppliedChange | WriteResult)[], failure?: unknown, interrupted?: string): Promise<EvidenceRecord[]> {
    const records: EvidenceRecord[] = [];
    for (const evidence of applyEvidence(plan, applied, failure, interrupted)) {
      const planRecord = this.planRecords.get(evidence.org);
      if (planRecord) evidence.details.planRecord = planRecord;
      records.push(await this.recordOrg(client, 'apply', evidence));
    }
    return records;
  }

  /** The id of the plan record `org` got in this run, if any. */
  planRecordOf(org: string): string | undefined {
    return this.planRecords.get(org);
  }

  private recordOrg(client: WebexClient, kind: string, evidence: OrgEvidence, orgId?: string): Promise<EvidenceRecord> {
    return this.record(evidence.org, { kind, ...(orgId ? { orgId } : {}), changes: evidence.changes, details: evidence.details }, client);
  }

  private async recordNewAttestations(client: WebexClient, org: string, attestations: ReturnType<typeof declaredAttestations>['attestations']): Promise<void> {
    if (attestations.length === 0) return;
    const actor = await this.actor(client);
    const digest = (entry: { kind: string; details?: Record<string, unknown> }) => (entry.kind === 'attestation' && typeof entry.details?.digest === 'string' ? entry.details.digest : undefined);
    // Read and appended under the org's lock: concurrent runs record each declared attestation once.
    await this.log.appendNew(
      org,
      attestations.map((attestation) => ({ kind: 'attestation', details: { ...attestation, source: 'declaration' }, actor, command: this.command })),
      digest,
      (json) => client.redactSecrets(json),
    );
  }

  /** Who runs this command; asked of Webex once per client (GET /v1/people/me). */
  actor(client?: WebexClient): Promise<EvidenceActor> {
    if (!client) return (this.anonymousActor ??= resolveActor(this.env));
    let actor = this.actors.get(client);
    if (!actor) {
      actor = resolveActor(this.env, client);
      this.actors.set(client, actor);
    }
    return actor;
  }
}

/** `webex-iac <args>`, each argument quoted when the shell would need it. */
export function commandLine(argv: readonly string[]): string {
  return ['webex-iac', ...argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg)))].join(' ');
}
