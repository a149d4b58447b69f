import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { resolveOrgId, WebexClient } from '../../provisioning';
import {
  ARCHIVE_MANIFEST,
  buildReport,
  checkArchive,
  ciIdentity,
  collectAuditEvents,
  EVIDENCE_KEY_VARIABLE,
  evidencePrivateKey,
  evidencePublicKey,
  exportArchive,
  localIdentity,
  signCheckpoints,
  verifyCheckpoints,
  EvidenceRecorder,
  evidenceDir,
  renderReportHtml,
  reportHtmlChunks,
  reportMarkdownChunks,
  RETENTION_STATEMENT,
  verifyLog,
  VerifyResult,
} from '../../provisioning/evidence';
import { loadOrgs } from '../load-orgs';
import { ExitCode } from '../output';
import { VERSION } from '../version';
import { jsonTextChunks, terminalQuoted, terminalText } from '../../manifest/text';
import { writeFileInPieces, writeStreaming } from '../write-streaming';

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
    .addOption(publicKeyOption())
    .addHelpText('after', '\nExamples:\n  $ webex-iac evidence verify --dir /srv/compliance/webex-evidence\n  $ webex-iac evidence verify --public-key evidence-signing.pub.pem')
    .option('--archive <folder>', 'verify an archive written by evidence export instead: its manifest of hashes, its signature, the chain and checkpoints inside it')
    .action((opts: { dir?: string; publicKey?: string[]; archive?: string }) => {
      if (opts.archive !== undefined && opts.dir !== undefined) throw new Error('--archive and --dir exclude each other: an archive carries its own evidence folder');
      const keys = readPublicKeys(opts.publicKey);
      let intact = true;
      let dir = opts.dir ? resolve(opts.dir) : evidenceDir(io.env);
      if (opts.archive !== undefined) {
        const archive = checkArchive(resolve(opts.archive), keys);
        for (const problem of archive.problems) io.err.write(`Error: archive ${opts.archive}: ${problem}\n`);
        if (archive.manifest) io.out.write(`Archive ${opts.archive}: ${archive.manifest.files.length} file(s) listed in ${ARCHIVE_MANIFEST}, exported ${archive.manifest.createdAt}; manifest signature: ${archive.signature}.\n`);
        intact = archive.problems.length === 0 && archive.manifest !== undefined;
        if (keys.length > 0 && archive.signature === 'unsigned') {
          io.err.write(`Error: archive ${opts.archive}: ${ARCHIVE_MANIFEST} is not signed, so --public-key cannot vouch for it\n`);
          intact = false;
        }
        dir = archive.evidenceDir;
      }
      const result = verifyLog(dir);
      printVerification(result, io);
      intact = intact && result.intact;
      if (keys.length > 0 && result.exists) intact = printCheckpoints(dir, keys, io) && intact;
      if (!intact) throw new ExitCode(1);
    });

  group
    .command('export')
    .description('write a self-contained archive folder for the six-year retention store: log files, checkpoints, the report (HTML and JSON), the verification transcript and a manifest of hashes')
    .requiredOption('--output <folder>', 'the archive folder to create (must not exist)')
    .addOption(dirOption())
    .addOption(publicKeyOption())
    .option('--covered-entity <name>', 'the HIPAA covered entity, for the report')
    .addHelpText('after', `\nThe manifest is signed when $${EVIDENCE_KEY_VARIABLE} holds the evidence key. Check an archive with\nwebex-iac evidence verify --archive <folder> --public-key <file>.\n\nExample:\n  $ webex-iac evidence export --output webex-evidence-2026-q1 --public-key evidence-signing.pub.pem`)
    .action((opts: { output: string; dir?: string; publicKey?: string[]; coveredEntity?: string }) => {
      const dir = opts.dir ? resolve(opts.dir) : evidenceDir(io.env);
      const keys = readPublicKeys(opts.publicKey);
      const pem = io.env[EVIDENCE_KEY_VARIABLE];
      const key = pem ? evidencePrivateKey(pem) : undefined;
      const result = verifyLog(dir);
      if (!result.exists) throw new Error(`there is no evidence log at ${dir} to export`);
      let transcript = '';
      const capture = { write: (text: string) => ((transcript += text), true) } as unknown as NodeJS.WriteStream;
      const captured: EvidenceIo = { out: capture, err: capture, env: io.env };
      printVerification(result, captured);
      const signaturesIntact = keys.length === 0 || printCheckpoints(dir, keys, captured);
      const ci = ciIdentity(io.env);
      const now = new Date();
      const report = buildReport({ dir, toolVersion: VERSION, now, producer: ci ? { ci } : { local: localIdentity() }, coveredEntity: opts.coveredEntity ?? (io.env.WEBEX_IAC_COVERED_ENTITY?.trim() || undefined), publicKeys: keys });
      const manifest = exportArchive(dir, resolve(opts.output), { reportHtml: renderReportHtml(report), reportJson: `${JSON.stringify(report, null, 2)}\n`, transcript }, { toolVersion: VERSION, now, ...(key ? { key } : {}) });
      io.out.write(`Wrote the evidence archive ${opts.output}: ${manifest.files.length} file(s), manifest ${manifest.signature ? `signed with key ${manifest.signature.keyId}` : 'unsigned'}; evidence chain ${result.intact ? 'intact' : 'BROKEN'}${keys.length > 0 ? `, signed checkpoints ${signaturesIntact ? 'verified' : 'FAILED'}` : ''}\n`);
      // An archive of a broken log is still written (it is the evidence of the break), but the command fails.
      if (!result.intact || !signaturesIntact) throw new ExitCode(1);
    });

  group
    .command('sign')
    .description(`sign the head of every log file with the Ed25519 private key in $${EVIDENCE_KEY_VARIABLE} (PEM) and append the checkpoints to <evidence dir>/checkpoints/`)
    .addOption(dirOption())
    .addHelpText('after', `\nThe key is read from the environment only, never from a file argument, and is never written or printed.\nCopy checkpoints/ to a separate store (commit it, or attach it to the CI run).\n\nExample:\n  $ ${EVIDENCE_KEY_VARIABLE}="$(cat evidence-signing.pem)" webex-iac evidence sign`)
    .action((opts: { dir?: string }) => {
      const dir = opts.dir ? resolve(opts.dir) : evidenceDir(io.env);
      const pem = io.env[EVIDENCE_KEY_VARIABLE];
      if (!pem) throw new Error(`${EVIDENCE_KEY_VARIABLE} is not set: it must hold the Ed25519 private key (PEM) that signs checkpoints`);
      const key = evidencePrivateKey(pem);
      io.out.write(signEvidence(dir, key));
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
    .option('--all', 'every org in the evidence log, with a fleet summary page first (the default when --org is not given)')
    .option('--covered-entity <name>', 'the HIPAA covered entity the orgs belong to (default: $WEBEX_IAC_COVERED_ENTITY, else each org\'s name)')
    .addOption(publicKeyOption())
    .option('--from <date>', 'changes, decisions and events from this date or ISO time (default: twelve months before --to)', parseDate('--from', 'start'))
    .option('--to <date>', 'up to this date (inclusive) or ISO time; default now', parseDate('--to', 'end'))
    .addOption(new Option('--format <format>', 'output format').choices(['markdown', 'html', 'json']).default('markdown'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  $ webex-iac evidence report > evidence.md\n  $ webex-iac evidence report --format html --from 2026-01-01 --to 2026-03-31 --output q1-evidence.html')
    .action(async (opts: { dir?: string; org?: string; all?: boolean; coveredEntity?: string; publicKey?: string[]; from?: Date; to?: Date; format: 'markdown' | 'html' | 'json'; output?: string }) => {
      if (opts.all && opts.org !== undefined) throw new Error('--all and --org exclude each other: --all reports every org');
      if (opts.from && opts.to && opts.from.getTime() > opts.to.getTime()) throw new Error(`--from (${opts.from.toISOString()}) must not be after --to (${opts.to.toISOString()})`);
      const to = opts.to ?? new Date();
      if (opts.from && opts.from.getTime() > to.getTime()) throw new Error(`--from (${opts.from.toISOString()}) must not be after --to (${to.toISOString()})`);
      const ci = ciIdentity(io.env);
      const report = buildReport({
        dir: opts.dir ? resolve(opts.dir) : evidenceDir(io.env),
        toolVersion: VERSION,
        org: opts.org,
        from: opts.from,
        to,
        producer: ci ? { ci } : { local: localIdentity() },
        coveredEntity: opts.coveredEntity ?? (io.env.WEBEX_IAC_COVERED_ENTITY?.trim() || undefined),
        publicKeys: readPublicKeys(opts.publicKey),
      });
      // Written as it is rendered, an org at a time: a fleet's report is never one string.
      const pieces = opts.format === 'json' ? jsonDocument(report) : opts.format === 'html' ? reportHtmlChunks(report) : reportMarkdownChunks(report);
      if (opts.output) {
        writeFileInPieces(resolve(opts.output), pieces);
        io.out.write(`Wrote the ${opts.format} evidence report of ${report.orgs.length} org(s) to ${opts.output} (evidence chain ${report.chainIntact ? 'intact' : 'BROKEN'})\n`);
      } else {
        await writeStreaming(io.out, pieces);
      }
    });

  return group;
}

/** The report as JSON (two-space indent, inert text), in pieces, with its final newline. */
function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonTextChunks(value);
  yield '\n';
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
    io.out.write(`  ${terminalText(org.folder)}${org.org ? ` (${terminalQuoted(org.org)})` : ''}: ${org.records} record(s)${span}: ${org.error ? 'BROKEN' : 'chain intact'}\n`);
    for (const note of org.notes) io.out.write(`    note: ${note}\n`);
    for (const warning of org.warnings) io.err.write(`Warning: ${terminalText(at(warning))}: ${terminalText(warning.message)}\n`);
    if (org.error) io.err.write(`Error: evidence chain broken at ${terminalText(at(org.error))}: ${terminalText(org.error.message)}\n`);
  }
  io.out.write(`${result.intact ? 'Intact.' : 'BROKEN: see the errors above.'} ${RETENTION_STATEMENT}\n`);
}

function publicKeyOption(): Option {
  return new Option('--public-key <file>', 'an Ed25519 public key (PEM) to verify signed checkpoints with; repeat it to accept earlier keys after a rotation')
    .argParser(collectValues)
    .default(undefined);
}

function readPublicKeys(files: readonly string[] | undefined): KeyObject[] {
  return (files ?? []).map((file) => {
    let pem: string;
    try {
      pem = readFileSync(resolve(file), 'utf8');
    } catch (error) {
      throw new Error(`--public-key ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    return evidencePublicKey(pem, `--public-key ${file}`);
  });
}

/** Verifies the chain first: signing an altered log would anchor the alteration. Returns what to print. */
export function signEvidence(dir: string, key: KeyObject, now = new Date()): string {
  const chain = verifyLog(dir);
  if (!chain.exists) throw new Error(`there is no evidence log at ${dir} to sign`);
  if (!chain.intact) {
    const broken = chain.orgs.find((o) => o.error)!;
    throw new Error(`refusing to sign: the evidence chain of ${broken.folder} is broken (${relative(dir, broken.error!.file) || broken.error!.file}${broken.error!.line ? ` line ${broken.error!.line}` : ''}: ${broken.error!.message}); run webex-iac evidence verify`);
  }
  // Nor over a log that no longer holds what was signed before: that would anchor a rewrite. Checkpoints of
  // an earlier key (after a rotation) cannot be checked here and are left to verify --public-key.
  const earlier = verifyCheckpoints(dir, [createPublicKey(key)]).problems.filter((p) => !/not among the given public keys|has records but no signed checkpoint/.test(p.message));
  if (earlier.length > 0) {
    throw new Error(`refusing to sign: ${earlier[0]!.file}${earlier[0]!.line ? ` line ${earlier[0]!.line}` : ''}: ${earlier[0]!.message}; run webex-iac evidence verify --public-key`);
  }
  const result = signCheckpoints(dir, key, now);
  return `Signed ${result.signed.length} checkpoint(s) with key ${result.keyId} (${result.unchanged} file(s) already signed at their last line) in ${join(dir, 'checkpoints')}\n`;
}

function printCheckpoints(dir: string, keys: readonly KeyObject[], io: EvidenceIo): boolean {
  const result = verifyCheckpoints(dir, keys);
  for (const problem of result.problems) io.err.write(`Error: signed checkpoint check failed at ${problem.file}${problem.line ? ` line ${problem.line}` : ''}: ${problem.message}\n`);
  io.out.write(result.problems.length === 0 ? `Signed checkpoints: ${result.checked} verified; every signed line is still in its file.\n` : `Signed checkpoints: FAILED (${result.problems.length} problem(s) in ${result.checked} checkpoint(s)).\n`);
  return result.problems.length === 0;
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
