import { untrusted } from '../../manifest/text';
import { declarationLocator } from '../declaration-locator';
import { resolve } from 'node:path';
import { compareCodePoints, findManifests, ORG_CONTROL_KEYS, Org, readManifest } from '../../manifest';
import { AuditView, ComplianceReport, complianceReport, describeTarget as describeJudgedTarget, evaluateOrg, HIPAA_PACK, observedSubject, OrgReport, ProfileId, RemovedRecordingsView, reportChunks, ReportFormat, utcDay, withRecordings } from '../../policies';
import { describeTarget, observedFacts, observeOrg, readRemovedRecordings, RunProgress, WebexClient } from '../../provisioning';
import { ComparedItem, compareAssessRun, EvidenceRecorder, renderSinceMarkdown, renderSinceText, RunComparison, RunItem, sinceJson, sinceLastRunDetails } from '../../provisioning/evidence';
import { markdownText } from '../../manifest/text';
import { notifyAndReport, NotifyTarget } from './drift';
import { RECORDINGS_LOOKBACK_DAYS, RecordingsKeptSixYears } from '../../policies/rules/ret/RecordingsKeptSixYears';
import { DEFAULT_OUTDIR, loadOrgs } from '../load-orgs';
import { useColor } from '../output';
import { writeStreaming } from '../write-streaming';
import { Selection, shardOf } from '../selection';
import { VERSION } from '../version';
import { displayPath, lineOfConstructPath } from './check';

export interface AssessOptions extends Selection {
  readonly manifest?: string[];
  readonly profile: ProfileId;
  readonly format: ReportFormat;
  /** Folder of the write-only enforcement records (WEBEX_IAC_STATE_DIR). */
  readonly stateDir?: string;
  /** Where reading reports progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
  /** `--notify-room`: tell this Webex space what is new since it was last told. */
  readonly notify?: NotifyTarget;
}

/**
 * `webex-iac assess`: the live org against the policy pack, the way ScubaGear assesses a tenant. It
 * reads through provisioning's handlers (never writes), evaluates the same rules as `check`, and reports
 * automated results from the API, write-only settings as enforced by webex-iac on a date or not
 * verifiable, and attestations from the manifest. Each org's result is appended to its evidence log.
 * Exit 0 when compliant, 1 otherwise.
 */
/** Unknown reads that org-level rules stand on (who is a person, an admin, without MFA): they make those rules errors too. */
const ORG_WIDE_READS = new Set<string>(['people', ...ORG_CONTROL_KEYS]);

export async function assessCommand(
  options: AssessOptions,
  client: WebexClient,
  io: { out: NodeJS.WriteStream; env: NodeJS.ProcessEnv },
  recorder?: EvidenceRecorder,
  now: Date = new Date(),
): Promise<number> {
  const { report, comparisons } = await assessOrgs(options, client, recorder, now);
  const color = useColor(io.out, io.env);
  // JSON carries each org's comparison inside; text and markdown end with it; SARIF stays as SARIF defines it.
  await writeStreaming(io.out, reportChunks(report, options.format, { color, pack: HIPAA_PACK, lineOf: lineOfConstructPath, locate: declarationLocator(), ...(recorder ? { json: { sinceLastRun: sinceJson(comparisons) } } : {}) }));
  for (const [org, comparison] of comparisons) {
    if (options.format === 'text') io.out.write(`\n${renderSinceText(org, comparison, { color })}`);
    if (options.format === 'markdown') io.out.write(`\n${renderSinceMarkdown(org, comparison)}`);
  }
  if (options.notify) {
    if (!recorder) throw new Error('--notify-room needs the evidence log, which tells what the space was already told');
    await notifyAndReport({ command: 'assess', room: options.notify.room, comparisons, detail: assessDetail(report), env: options.notify.env }, recorder, options.notify, client);
  }
  return report.compliant ? 0 : 1;
}

/** The detail line of an assess finding in a message: the rule's title and what was found, escaped. */
function assessDetail(report: ComplianceReport): (org: string, item: ComparedItem) => string | undefined {
  return (org, item) => {
    const result = report.orgs.find((o) => o.org === org)?.results.find((r) => r.ruleId === item.control);
    const judgement = result?.judgements.find((j) => j.finding === item.detail && describeJudgedTarget(j.target) === item.target);
    return result && judgement ? `${markdownText(result.title)}: ${markdownText(judgement.message)}` : undefined;
  };
}

export async function assessOrgs(options: AssessOptions, client: WebexClient, recorder?: EvidenceRecorder, now: Date = new Date()): Promise<{ report: ComplianceReport; comparisons: Map<string, RunComparison> }> {
  const today = utcDay(now);
  const orgs = loadOrgs(options.manifest, options);
  const files = manifestOf(options.manifest);
  const reports: OrgReport[] = [];
  const comparisons = new Map<string, RunComparison>();
  for (const org of orgs) {
    // Every site control is read, declared or not, with every field, for every host the declaration does
    // not narrow (readEverything): the declaration says what is required, never what is read.
    const live = await observeOrg(client, org, { now, readEverything: true, ...(options.stateDir ? { stateDir: options.stateDir } : {}), progress: options.progress });
    const recordings = await removedRecordings(client, org, now);
    const subject = observedSubject(org, withRecordings(observedFacts(org, live), recordings.views), { today, audit: auditView(recorder, org.name) });
    const file = files.get(org.name);
    // Targets whose records could not be understood are errors of the rules they bear on, never passes.
    const unreadable = [
      ...(live.unknown ?? []).map((u) => ({ affects: ORG_WIDE_READS.has(u.setting) ? ('all' as const) : ('site' as const), line: untrusted(`${describeTarget(u.target)} (${u.setting}): ${u.reason}`) })),
      ...recordings.unreadable,
    ];
    const report = evaluateOrg(HIPAA_PACK, subject, { profile: options.profile, exceptions: org.exceptions ?? [], orgLevel: ownsOrgLevel(org, options), unreadable, ...(file ? { manifest: displayPath(file) } : {}) });
    reports.push(report);
    const details: Record<string, unknown> = { ...assessEvidence(report, options.profile), ...recordingsEvidence(recordings) };
    if (recorder) {
      // Compared before this run is recorded, so "the last run" is the one before it.
      const comparison = compareAssessRun(recorder.log, org.name, assessRunItems(report), { orgId: live.orgId, api: client.baseUrl, profile: options.profile }, options, now, unreadInReport(report));
      comparisons.set(org.name, comparison);
      details.sinceLastRun = sinceLastRunDetails(comparison);
    }
    await recorder?.record(org.name, { kind: 'assess', orgId: live.orgId, details }, client);
  }
  return { report: complianceReport({ command: 'assess', profile: options.profile, now, toolVersion: VERSION, orgs: reports }), comparisons };
}

/** Each failed finding of an org's assessment, under its rule, target and finding label. */
function assessRunItems(report: OrgReport): RunItem[] {
  return report.results.flatMap((r) =>
    r.judgements.filter((j) => j.status === 'fail').map((j): RunItem => ({ kind: 'finding', control: r.ruleId, target: describeJudgedTarget(j.target), detail: j.finding, path: j.path })),
  );
}

/** A rule that errored judged nothing: its earlier findings are neither still there nor resolved. */
function unreadInReport(report: OrgReport): (item: RunItem) => boolean {
  const errored = new Set(report.results.filter((r) => r.status === 'error').map((r) => r.ruleId));
  return (item) => errored.has(item.control);
}

/**
 * Each site's recordings removed before six years (List Recordings For an Admin, every 30-day window of
 * six years). A site whose list cannot be read makes the recordings rule an error, never a pass.
 */
async function removedRecordings(client: WebexClient, org: Org, now: Date): Promise<{ views: Record<string, RemovedRecordingsView>; unreadable: { affects: 'site'; line: string; ruleIds: string[] }[]; unread: Record<string, string> }> {
  const views: Record<string, RemovedRecordingsView> = {};
  const unreadable: { affects: 'site'; line: string; ruleIds: string[] }[] = [];
  const unread: Record<string, string> = {};
  for (const site of org.sites) {
    try {
      views[site.siteUrl] = await readRemovedRecordings(client, site.siteUrl, now, RECORDINGS_LOOKBACK_DAYS);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      unread[site.siteUrl] = reason;
      unreadable.push({ affects: 'site', line: `site ${site.siteUrl} (admin recordings): ${reason}`, ruleIds: [RecordingsKeptSixYears.id] });
    }
  }
  return { views, unreadable, unread };
}

/** The assess record's recordings evidence: each site's period read and removed recordings, or why it was not read. */
function recordingsEvidence(recordings: { views: Record<string, RemovedRecordingsView>; unreadable: { line: string }[]; unread: Record<string, string> }): Record<string, unknown> {
  return { recordings: recordings.views, ...(Object.keys(recordings.unread).length > 0 ? { recordingsUnread: recordings.unread } : {}) };
}

/** Whether this run covers the org's own settings: not with --site, and with --shard only in the org's shard. */
function ownsOrgLevel(org: Org, selection: Selection): boolean {
  if (selection.site !== undefined) return false;
  const shard = selection.shard;
  return shard === undefined || shard.count <= 1 || shardOf(org.name, shard.count) === shard.index;
}

/** Which manifest file declares each org, for reports and SARIF locations. */
function manifestOf(manifests: readonly string[] | undefined): Map<string, string> {
  const files = manifests && manifests.length > 0 ? manifests.map((m) => resolve(m)) : findManifests(resolve(DEFAULT_OUTDIR));
  const byOrg = new Map<string, string>();
  for (const file of files) for (const org of readManifest(file).orgs) byOrg.set(org.name, file);
  return byOrg;
}

/** The end of the last collection of each audit source, from the org's evidence log. */
export function auditView(recorder: EvidenceRecorder | undefined, org: string): AuditView {
  if (recorder === undefined) return { collectedTo: {}, error: 'no evidence log was given to this run' };
  try {
    const collectedTo: Record<string, string> = {};
    for (const { record } of recorder.log.read(org)) {
      if (record.kind !== 'audit-collection') continue;
      const sources = (record.details as { sources?: Record<string, { to?: unknown }> } | undefined)?.sources ?? {};
      for (const [source, window] of Object.entries(sources)) {
        if (typeof window.to === 'string' && (collectedTo[source] === undefined || window.to > collectedTo[source]!)) collectedTo[source] = window.to;
      }
    }
    return { collectedTo };
  } catch (error) {
    return { collectedTo: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The assess record's details: the verdicts, every non-passing finding with its values, every exception. */
function assessEvidence(report: OrgReport, profile: ProfileId): Record<string, unknown> {
  return {
    profile,
    compliant: report.compliant,
    summary: report.summary,
    results: report.results.map((r) => ({
      ruleId: r.ruleId,
      level: r.level,
      status: r.status,
      passed: r.judgements.filter((j) => j.status === 'pass').length,
      // The declarations judged: the evidence report ties each rule to the settings it covers by path.
      paths: [...new Set(r.judgements.map((j) => j.path))].sort(compareCodePoints),
      ...(r.error ? { error: r.error } : {}),
      findings: r.judgements.filter((j) => j.status !== 'pass').map((j) => ({ finding: j.finding, status: j.status, path: j.path, message: j.message, values: j.values, ...(j.exception ? { exception: j.exception } : {}) })),
    })),
    exceptions: report.exceptions.map((e) => ({ ...e.exception, state: e.state, matched: e.matched })),
  };
}
