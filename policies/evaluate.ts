import type { PolicyException } from '../manifest';
import { ExceptionOutcome, exceptionCovers, exceptionNote, exceptionState, findingLabel } from './exceptions';
import { citationsOf, levelOf, ProfileId } from './profiles';
import { addSummaries, ComplianceCommand, ComplianceReport, isCompliant, JudgementResult, OrgReport, REPORT_FORMAT_VERSION, ResultStatus, RuleResult, summarize } from './report';
import type { Judgement, Rule } from './rule';
import type { Subject } from './subject';

export interface EvaluateOptions {
  readonly profile: ProfileId;
  /** The org's declared exceptions (manifest `exceptions`). */
  readonly exceptions?: readonly PolicyException[];
  /** The manifest file the org comes from, for reports. */
  readonly manifest?: string;
  /**
   * False when the run covers only some of the org's sites (`--site`, or a `--shard` that does not own
   * the org's own settings): only site rules run. @default true
   */
  readonly orgLevel?: boolean;
  /**
   * Records of the live org that could not be understood (assess): a rule they may bear on cannot pass.
   * `site` ones bear on site rules, `all` ones (the people list) on every rule.
   */
  readonly unreadable?: readonly { readonly affects: 'site' | 'all'; readonly line: string; /** Only these rules, when the read bears on no other. */ readonly ruleIds?: readonly string[] }[];
}

/**
 * Runs every rule of `pack` over one org's subject, then applies the org's exceptions. A check that
 * throws, or returns something other than a list of judgements, is an `error` result: never a pass.
 */
export function evaluateOrg(pack: readonly Rule[], subject: Subject, options: EvaluateOptions): OrgReport {
  const exceptions = options.exceptions ?? [];
  const byId = new Map(pack.map((rule) => [rule.id, rule]));
  const states = exceptions.map((e) => exceptionState(e, byId.get(e.ruleId), subject.today));
  const matched = exceptions.map((): string[] => []);

  const rules = options.orgLevel === false ? pack.filter((rule) => rule.scope === 'site') : pack;
  const results = rules.map((rule): RuleResult => {
    const base = {
      ruleId: rule.id,
      name: rule.name,
      area: rule.area,
      title: rule.title,
      level: levelOf(rule, options.profile),
      severity: rule.severity,
      automation: rule.automation,
      citations: citationsOf(rule, options.profile),
      remediation: rule.remediation,
    };
    let judged: Judgement[];
    try {
      judged = rule.check(subject);
      if (!Array.isArray(judged)) throw new Error(`the check returned ${typeof judged}, not a list of judgements`);
    } catch (error) {
      return { ...base, status: 'error', judgements: [], error: error instanceof Error ? error.message : String(error) };
    }
    const judgements = judged.map((judgement): JudgementResult => {
      const finding = findingLabel(rule.id, judgement.target);
      if (judgement.verdict !== 'fail') return { ...judgement, status: judgement.verdict, finding };
      const candidates = exceptions.map((e, i) => ({ e, i })).filter(({ e }) => e.ruleId === rule.id && exceptionCovers(e, judgement.target));
      for (const { i } of candidates) matched[i]!.push(finding);
      const chosen = candidates.find(({ i }) => states[i] === 'active') ?? candidates[0];
      if (chosen === undefined) return { ...judgement, status: 'fail', finding };
      const state = states[chosen.i]!;
      const exception = { ruleId: chosen.e.ruleId, reason: chosen.e.reason, owner: chosen.e.owner, expires: chosen.e.expires, path: chosen.e.path, ...(chosen.e.appliesTo ? { appliesTo: chosen.e.appliesTo } : {}), state };
      return { ...judgement, status: state === 'active' ? 'excepted' : 'fail', finding, exception };
    });
    const status = worst(judgements);
    const unread = (options.unreadable ?? []).filter((u) => (u.affects === 'all' || rule.scope === 'site') && (u.ruleIds === undefined || u.ruleIds.includes(rule.id)));
    // What was not read cannot be judged: a rule it bears on is an error (never a pass, and not a "fail"
    // that would blame values nobody read); its judgements of what was read are kept.
    if (unread.length > 0) {
      return { ...base, status: 'error', judgements, error: `could not read ${unread.length} ${unread.length === 1 ? 'target' : 'targets'}: ${unread.map((u) => u.line).join('; ')}` };
    }
    return { ...base, status, judgements };
  });

  const outcomes: ExceptionOutcome[] = exceptions.map((exception, i) => ({
    exception,
    state: states[i]!,
    matched: matched[i]!,
    note: exceptionNote(exception, states[i]!, byId.get(exception.ruleId), subject.today, matched[i]!.length),
  }));
  const summary = summarize(results, outcomes);
  return {
    org: subject.org.name,
    ...(subject.org.orgId ? { orgId: subject.org.orgId } : {}),
    path: subject.org.path,
    ...(options.manifest ? { manifest: options.manifest } : {}),
    results,
    exceptions: outcomes,
    summary,
    compliant: isCompliant(summary),
  };
}

function worst(judgements: readonly JudgementResult[]): ResultStatus {
  if (judgements.length === 0) return 'not-applicable';
  for (const status of ['fail', 'not-verifiable', 'excepted'] as const) {
    if (judgements.some((j) => j.status === status)) return status;
  }
  return 'pass';
}

/** The report over several orgs evaluated with the same profile. */
export function complianceReport(options: { command: ComplianceCommand; profile: ProfileId; now: Date; toolVersion: string; orgs: readonly OrgReport[] }): ComplianceReport {
  const summary = addSummaries(options.orgs.map((o) => o.summary));
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    tool: { name: 'webex-iac', version: options.toolVersion },
    command: options.command,
    mode: options.command === 'check' ? 'declared' : 'observed',
    profile: options.profile,
    generatedAt: options.now.toISOString(),
    today: utcDay(options.now),
    orgs: options.orgs,
    summary,
    compliant: isCompliant(summary) && options.orgs.every((o) => o.compliant),
  };
}

/** YYYY-MM-DD of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
