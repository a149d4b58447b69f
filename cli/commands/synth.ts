import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { findManifests, ManifestError, readManifest } from '../../manifest';
import { ComplianceReport, describeFinding, describeTarget, ProfileId, renderTerminalReport, summaryLine } from '../../policies';
import { useColor } from '../output';
import { checkManifests, displayPath } from './check';
import { terminalText } from '../../manifest/text';

/** Variables that may hold secrets; the app never needs them, so they never reach the synth process. */
const SECRET_VARIABLES = ['WEBEX_TOKEN', 'WEBEX_CLIENT_SECRET', 'WEBEX_REFRESH_TOKEN'];

export interface SynthResult {
  readonly outdir: string;
  readonly manifests: string[];
  readonly orgs: number;
  readonly sites: number;
  /** The policy check of the synthesized manifests, when synth ran one. */
  readonly report?: ComplianceReport;
}

/** The policy step of synth: the pack's profile, and whether a non-compliant declaration is still written. */
export interface SynthPolicy {
  readonly profile: ProfileId;
  /** Write the output even when a SHALL rule fails; the findings are then reported as warnings. */
  readonly allowNoncompliant?: boolean;
  readonly now?: Date;
}

/**
 * The declaration fails the policy pack: nothing was written to the output folder. The message is one
 * line naming each unexcepted SHALL finding's rule, citation and construct path; `report` has the rest.
 */
export class PolicyCheckError extends Error {
  override readonly name = 'PolicyCheckError';
  constructor(
    message: string,
    readonly report: ComplianceReport,
  ) {
    super(message);
  }
}

/**
 * Runs the cdktf app named in cdktf.json (as `cdktf synth` does) with the output folder set, then reads
 * back every manifest it wrote so a broken declaration fails here and not at plan time.
 */
export function synth(options: { cwd?: string; outdir?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; policy?: SynthPolicy } = {}): SynthResult {
  const cwd = resolve(options.cwd ?? '.');
  const config = join(cwd, 'cdktf.json');
  if (!existsSync(config)) throw new ManifestError(`no cdktf.json in ${cwd}: run webex-iac synth in the project folder`);
  let app: unknown;
  try {
    app = (JSON.parse(readFileSync(config, 'utf8')) as { app?: unknown }).app;
  } catch (error) {
    throw new ManifestError(`cdktf.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof app !== 'string' || app.trim() === '') throw new ManifestError('cdktf.json must name the program to run in "app", e.g. "npx tsx main.ts"');

  const outdir = resolve(cwd, options.outdir ?? 'cdktf.out');
  // With a policy step the app writes into a staging folder beside the output, which is copied over the
  // output only once the declaration passes: a failing declaration leaves the last good output in place.
  const policy = options.policy;
  let staging: string | undefined;
  if (policy) {
    mkdirSync(dirname(outdir), { recursive: true });
    staging = mkdtempSync(join(dirname(outdir), `.${basename(outdir)}.synth-`));
  }
  try {
    const writeTo = staging ?? outdir;
    const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), CDKTF_OUTDIR: writeTo };
    for (const name of SECRET_VARIABLES) delete env[name];
    const run = spawnSync(app, { cwd, env, shell: true, encoding: 'utf8' });
    if (run.error) throw new ManifestError(`could not run the app "${app}": ${run.error.message}`);
    if (run.status !== 0) {
      const output = `${run.stderr ?? ''}`.trim() || `${run.stdout ?? ''}`.trim();
      throw new ManifestError(`the app "${app}" failed (exit ${run.status}): ${firstMeaningfulLine(output)}`);
    }
    const written = findManifests(writeTo);
    if (written.length === 0) throw new ManifestError(`the app "${app}" wrote no webex-manifest.json under ${outdir}: does it declare a WebexStack with a WebexOrg?`);
    let orgs = 0;
    let sites = 0;
    for (const file of written) {
      const manifest = readManifest(file);
      orgs += manifest.orgs.length;
      sites += manifest.orgs.reduce((n, o) => n + o.sites.length, 0);
    }
    const manifests = written.map((file) => join(outdir, relative(writeTo, file)));
    let report: ComplianceReport | undefined;
    if (policy && staging) {
      const toCheck = written.map((file, i) => ({ file, display: displayPath(manifests[i]!, cwd) }));
      report = checkManifests(toCheck, { profile: policy.profile, now: policy.now });
      if (!report.compliant && !policy.allowNoncompliant) throw new PolicyCheckError(policyFailure(report, outdir, cwd), report);
      cpSync(staging, outdir, { recursive: true, force: true });
    }
    return { outdir, manifests, orgs, sites, ...(report ? { report } : {}) };
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

/** One line: every unexcepted SHALL finding (rule, citation, construct path), and every check that threw. */
export function policyFailure(report: ComplianceReport, outdir: string, cwd: string = process.cwd()): string {
  const problems = report.orgs.flatMap((org) =>
    org.results.flatMap((result) => {
      if (result.status === 'error') return [`${result.ruleId} could not be checked for ${org.org}: ${result.error}`];
      if (result.level !== 'SHALL') return [];
      return result.judgements.filter((j) => j.status === 'fail').map((j) => describeFinding(result, j));
    }),
  );
  const unknown = report.orgs.flatMap((org) => org.exceptions.filter((e) => e.state === 'unknown-rule').map((e) => `exception for unknown rule ${e.exception.ruleId} at ${e.exception.path}`));
  const all = [...problems, ...unknown];
  return `the declaration fails the ${report.profile} policy pack with ${all.length} problem(s), so ${displayPath(outdir, cwd)} was left as it was: ${all.join('; ')}. Fix the declaration, add an exception with a reason, owner and expiry, or pass --allow-noncompliant`;
}

/** A construct error is thrown with a stack trace by the app; the user needs its message line only. */
function firstMeaningfulLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^(\w*Error|Error):/.test(l));
  return (error ?? lines[0] ?? 'no output').replace(/^\w*Error:\s*/, '');
}

export interface SynthCommandOptions {
  readonly output: string;
  readonly profile: ProfileId;
  readonly allowNoncompliant?: boolean;
}

/**
 * `webex-iac synth`: synthesizes, then checks the declaration with the policy pack. A failing SHALL rule
 * prints the report and fails with one line naming each finding's rule, citation and construct path,
 * writing nothing; with --allow-noncompliant the output is written and the findings are warnings.
 */
export function synthCommand(options: SynthCommandOptions, io: { out: NodeJS.WriteStream; env: NodeJS.ProcessEnv }): SynthResult {
  let result: SynthResult;
  try {
    result = synth({ outdir: options.output, env: io.env, policy: { profile: options.profile, allowNoncompliant: options.allowNoncompliant } });
  } catch (error) {
    if (error instanceof PolicyCheckError) io.out.write(renderTerminalReport(error.report, { color: useColor(io.out, io.env) }));
    throw error;
  }
  io.out.write(`Synthesized ${result.manifests.length} stack(s): ${result.orgs} org(s), ${result.sites} site(s) → ${result.outdir}\n`);
  if (result.report) io.out.write(policyNotes(result.report));
  return result;
}

/** After a synth: the policy summary, then every exception, warning and unverifiable control, one line each. */
export function policyNotes(report: ComplianceReport): string {
  const lines = [`Policy check (${report.profile}): ${summaryLine(report.summary, report.compliant)}`];
  for (const org of report.orgs) {
    for (const result of org.results) {
      if (result.status === 'error') lines.push(`  warning: ${result.ruleId} could not be checked for ${terminalText(org.org)}: ${terminalText(result.error ?? '')}`);
      for (const j of result.judgements) {
        if (j.status === 'fail') lines.push(`  ${result.level === 'SHALL' ? 'WARNING (--allow-noncompliant)' : 'warning'}: ${describeFinding(result, j)}`);
        if (j.status === 'not-verifiable') lines.push(`  not verifiable: ${result.ruleId} at ${terminalText(j.path)}: ${terminalText(describeTarget(j.target))}: ${terminalText(j.message)}`);
        if (j.status === 'excepted') lines.push(`  excepted: ${terminalText(j.finding)} at ${terminalText(j.path)}: ${terminalText(j.message)}`);
      }
    }
    for (const { exception, state, note } of org.exceptions) {
      lines.push(`  exception ${terminalText(exception.ruleId)}${exception.appliesTo ? `[${terminalText(exception.appliesTo)}]` : ''} (${terminalText(org.org)}) ${state}: "${terminalText(exception.reason)}" ${terminalText(note)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
