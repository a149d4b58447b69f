import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolveOrgId, WebexClient } from '../../provisioning';
import {
  buildReport,
  collectAuditEvents,
  EvidenceRecorder,
  evidenceDir,
  renderReportHtml,
  renderReportMarkdown,
  RETENTION_STATEMENT,
  verifyLog,
  VerifyResult,
} from '../../provisioning/evidence';
import { loadOrgs } from '../load-orgs';
import { ExitCode } from '../output';
import { VERSION } from '../version';

export interface EvidenceIo {
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

export interface EvidenceCommandDeps {
  readonly io: EvidenceIo;
  readonly client: () => Promise<WebexClient>;
  /** The recorder of this command line; `dir` overrides the evidence folder. */
  readonly recorder: (dir?: string) => EvidenceRecorder;
}

/** `webex-iac evidence verify | collect | report`: the evidence log an auditor reads. */
export function evidenceCommand(deps: EvidenceCommandDeps): Command {
  const { io } = deps;
  const dirOption = () => new Option('--dir <dir>', 'the evidence folder (default: $WEBEX_IAC_EVIDENCE_DIR, else .webex-iac/evidence)');
  const group = new Command('evidence')
    .description('the hash-chained evidence log (45 CFR 164.316(b)): verify it, collect Webex audit events into it, report from it')
    .addHelpText('after', `\nEvery plan, drift and apply appends records to the log. ${RETENTION_STATEMENT}\n\nExamples:\n  $ webex-iac evidence verify\n  $ webex-iac evidence collect --since 2026-01-01\n  $ webex-iac evidence report --format html --output evidence.html`);

  group
    .command('verify')
    .description('recompute every hash chain; exit 0 when intact, 1 naming the first broken or missing record (file and line)')
    .addOption(dirOption())
    .addHelpText('after', '\nExample:\n  $ webex-iac evidence verify --dir /srv/compliance/webex-evidence')
    .action((opts: { dir?: string }) => {
      const result = verifyLog(opts.dir ? resolve(opts.dir) : evidenceDir(io.env));
      printVerification(result, io);
      if (!result.intact) throw new ExitCode(1);
    });

  group
    .command('collect')
    .description('append the Webex admin audit and security audit (sign-in) events of each declared org; events already in the log are skipped')
    .addOption(new Option('--manifest <path>', 'a webex-manifest.json (repeatable); default: every manifest under cdktf.out/').argParser(collectValues).default(undefined))
    .option('--org <name>', 'only this org (by its declared name)')
    .option('--since <date>', 'from this date or ISO time (default: where the last collection ended, else 30 days ago)', parseDate('--since', 'start'))
    .addOption(dirOption())
    .addHelpText('after', '\nExamples:\n  $ webex-iac evidence collect\n  $ webex-iac evidence collect --org "Riverside Family Clinic" --since 2025-01-01')
    .action(async (opts: { manifest?: string[]; org?: string; since?: Date; dir?: string }) => {
      const orgs = loadOrgs(opts.manifest, { org: opts.org });
      const client = await deps.client();
      const recorder = deps.recorder(opts.dir);
      for (const org of orgs) {
        const orgId = await resolveOrgId(client, org);
        const result = await collectAuditEvents(client, recorder, { org: org.name, orgId, since: opts.since });
        const admin = result.sources['admin-audit'];
        const security = result.sources['security-audit'];
        io.out.write(
          `${org.name}: admin audit ${admin.fetched} read, ${admin.added} new; security audit ${security.fetched} read, ${security.added} new (${admin.from} to ${admin.to})\n`,
        );
      }
      io.out.write(`Evidence log: ${recorder.log.dir}\n`);
    });

  group
    .command('report')
    .description('per org: each control\'s status and when it was last verified compliant, every change, attestations, exceptions, audit events, chain status')
    .addOption(dirOption())
    .option('--org <name>', 'only this org (by its display name)')
    .option('--from <date>', 'changes, decisions and events from this date or ISO time', parseDate('--from', 'start'))
    .option('--to <date>', 'up to this date (inclusive) or ISO time; default now', parseDate('--to', 'end'))
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'html', 'json']).default('markdown'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  $ webex-iac evidence report > evidence.md\n  $ webex-iac evidence report --format html --from 2026-01-01 --to 2026-03-31 --output q1-evidence.html')
    .action((opts: { dir?: string; org?: string; from?: Date; to?: Date; format: 'markdown' | 'html' | 'json'; output?: string }) => {
      if (opts.from && opts.to && opts.from.getTime() > opts.to.getTime()) throw new Error(`--from (${opts.from.toISOString()}) must not be after --to (${opts.to.toISOString()})`);
      const report = buildReport({ dir: opts.dir ? resolve(opts.dir) : evidenceDir(io.env), toolVersion: VERSION, org: opts.org, from: opts.from, to: opts.to });
      const text = opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report);
      if (opts.output) {
        writeFileSync(resolve(opts.output), text);
        io.out.write(`Wrote the ${opts.format} evidence report of ${report.orgs.length} org(s) to ${opts.output} (evidence chain ${report.chainIntact ? 'intact' : 'BROKEN'})\n`);
      } else {
        io.out.write(text);
      }
    });

  return group;
}

function printVerification(result: VerifyResult, io: EvidenceIo): void {
  // Paths relative to the log folder: `riverside-family-clinic/2026-03.jsonl line 4`.
  const shown = (file: string) => relative(result.dir, file) || file;
  const at = (p: { file: string; line?: number }) => `${shown(p.file)}${p.line ? ` line ${p.line}` : ''}`;
  if (!result.exists) {
    io.err.write(`Error: there is no evidence log at ${result.dir} (set WEBEX_IAC_EVIDENCE_DIR or pass --dir)\n`);
    return;
  }
  const records = result.orgs.reduce((n, o) => n + o.records, 0);
  const files = result.orgs.reduce((n, o) => n + o.files.length, 0);
  io.out.write(`Evidence log ${result.dir}: ${result.orgs.length} org(s), ${records} record(s) in ${files} file(s).\n`);
  if (result.orgs.length === 0) io.err.write('Warning: the evidence log holds no records yet.\n');
  for (const org of result.orgs) {
    const span = org.firstTime ? `, ${org.firstTime.slice(0, 10)} to ${org.lastTime?.slice(0, 10)}` : '';
    io.out.write(`  ${org.folder}${org.org ? ` (${JSON.stringify(org.org)})` : ''}: ${org.records} record(s)${span}: ${org.error ? 'BROKEN' : 'chain intact'}\n`);
    for (const note of org.notes) io.out.write(`    note: ${note}\n`);
    for (const warning of org.warnings) io.err.write(`Warning: ${at(warning)}: ${warning.message}\n`);
    if (org.error) io.err.write(`Error: evidence chain broken at ${at(org.error)}: ${org.error.message}\n`);
  }
  io.out.write(`${result.intact ? 'Intact.' : 'BROKEN: see the errors above.'} ${RETENTION_STATEMENT}\n`);
}

function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A date (YYYY-MM-DD, the start or the end of that UTC day) or an ISO 8601 time with a zone. */
function parseDate(flag: string, edge: 'start' | 'end'): (value: string) => Date {
  return (value) => {
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
    const time = dateOnly ? Date.parse(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`) : isoTime ? Date.parse(value) : NaN;
    if (Number.isNaN(time) || (dateOnly && new Date(time).toISOString().slice(0, 10) !== value)) {
      throw new InvalidArgumentError(`${flag} must be a date (YYYY-MM-DD) or an ISO 8601 time with a zone (2026-01-31T12:00:00Z), received: ${JSON.stringify(value)}`);
    }
    return new Date(time);
  };
}
