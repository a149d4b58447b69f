import { fileSystemError } from '../../manifest/files/file-system-error';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ProfileId } from '../../policies';
import { WebexClient } from '../../provisioning';
import type { EvidenceRecorder } from '../../provisioning/evidence';
import type { RunProgress } from '../../provisioning/run-progress';
import { count, ImportNote } from '../import/declaration';
import { generateImport, GeneratedImport } from '../import/generate';
import { hardeningReport, renderHardeningDigest } from '../import/hardening-report';
import { ImportError, readOrgForImport } from '../import/read-org';
import { PACKAGE_ROOT, VERSION } from '../version';
import { auditView } from './assess';
import { terminalQuoted, terminalText } from '../../manifest/text';

/** The source checkout's constructs/ folder, when webex-iac runs from its sources rather than an installed package. */
const CONSTRUCTS_DIR = join(PACKAGE_ROOT, 'constructs');
const RUNS_FROM_SOURCES = existsSync(join(CONSTRUCTS_DIR, 'index.ts'));
/** What an installed webex-iac's programs import the constructs from: the package itself. */
const PACKAGE_MODULE = 'webex-iac';

export interface ImportOptions {
  /** The org's display name. */
  readonly org?: string;
  /** The org's id. */
  readonly orgId?: string;
  /** Only these sites. */
  readonly site?: string[];
  /** Write the program here (atomically); default: print it on stdout. */
  readonly out?: string;
  /** Overwrite `out` when it exists. */
  readonly force?: boolean;
  /** The cdktf stack id. */
  readonly stack?: string;
  /** The module the program imports the constructs from. */
  readonly constructsModule?: string;
  readonly profile: ProfileId;
  /** Folder of the write-only enforcement records (read only). */
  readonly stateDir?: string;
  /** Where reading reports progress (the CLI's progress display on stderr). */
  readonly progress?: RunProgress;
}

/**
 * `webex-iac import`: reads a live org through the handlers (nothing is written to Webex) and writes the
 * cdktf program that declares it as it is, so that synth then plan against the same org show no changes
 * of a readable setting; prints the values it could not express, what the first plan will show besides,
 * and what the org fails under the policy pack. With `--out` the program goes to the file (written to a
 * temporary file beside it, then renamed) and the report to stdout; without, the program goes to stdout
 * and the report to stderr.
 */
export async function importCommand(
  options: ImportOptions,
  client: WebexClient,
  io: { out: NodeJS.WriteStream; err: NodeJS.WriteStream },
  recorder?: EvidenceRecorder,
  now: Date = new Date(),
): Promise<number> {
  const out = options.out === undefined ? undefined : resolve(options.out);
  if (out !== undefined) refuseExisting(out, options.force === true, options.out!);
  if (options.stack !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(options.stack)) {
    throw new ImportError(`--stack must be letters, digits, "-" and "_", starting with a letter or digit, received: ${JSON.stringify(options.stack)}`);
  }

  const observation = await readOrgForImport(client, { orgName: options.org, orgId: options.orgId, sites: options.site }, { now, toolVersion: VERSION, stateDir: options.stateDir, progress: options.progress });
  const constructsModule =
    options.constructsModule ?? (!RUNS_FROM_SOURCES ? PACKAGE_MODULE : out === undefined ? './constructs' : moduleSpecifier(dirname(out), CONSTRUCTS_DIR));
  const generated = generateImport(observation, { constructsModule, ...(options.stack ? { stackId: options.stack } : {}) });

  if (out !== undefined) writeAtomically(out, generated.source, options.force === true, options.out!);
  else io.out.write(generated.source);

  const report = out === undefined ? io.err : io.out;
  report.write(importSummary(generated, observation.org, new URL(observation.baseUrl).host, options.out));
  const hardening = hardeningReport(observation, generated.verification.entry, { profile: options.profile, now, toolVersion: VERSION, audit: auditView(recorder, observation.org.name) });
  report.write(`\n${renderHardeningDigest(hardening)}`);
  const file = options.out ?? '<the program>';
  report.write(`\nNext: review ${file}, then "webex-iac synth --allow-noncompliant" and "webex-iac plan": no changes but the write-only enforcements.\n`);
  return 0;
}

/** What was imported, the round trip proved in memory, then every warning and note. */
function importSummary(generated: GeneratedImport, org: { name: string; orgId: string }, host: string, out: string | undefined): string {
  const { summary } = generated.declaration;
  const hosts = summary.sites.reduce((n, s) => n + s.hosts, 0);
  const lines = [
    `Imported org ${terminalQuoted(org.name)} (${terminalText(org.orgId)}) from ${terminalText(host)}: ${count(summary.sites.length, 'site')}, ${count(hosts, 'host')}, ${summary.admins} admin role holder(s)${out ? ` → ${out}` : ''}`,
  ];
  for (const site of summary.sites) {
    const parts = [`${count(site.hosts, 'host')}`];
    if (site.hostLobby) parts.push(`host lobby ${site.hostLobby.managed} managed, ${site.hostLobby.exempt} exempt`);
    if (site.endToEndEncryption) parts.push(`E2EE session type ${site.endToEndEncryption.managed} managed, ${site.endToEndEncryption.exempt} not`);
    if (site.unmanaged.length > 0) parts.push(`unmanaged: ${site.unmanaged.map(terminalText).join(', ')}`);
    lines.push(`  ${terminalText(site.siteUrl)}: ${parts.join('; ')}`);
  }
  const plan = generated.verification.plan;
  const writeOnly = plan.changes.filter((c) => c.writeOnly === true).map((c) => c.setting);
  lines.push(
    `Round trip, planned in memory against what was read: no change of a readable setting (${plan.summary.unchangedSettings} site, host and org settings as declared)` +
      (writeOnly.length > 0 ? `; ${writeOnly.join(' and ')} will show as "enforce" (write-only: Webex cannot read them)` : '') +
      '.',
  );
  const warnings = generated.notes.filter((n) => n.level === 'warning');
  if (warnings.length > 0) {
    lines.push('', 'Warnings: values the declaration cannot express, left unmanaged or exempt (also written as comments):');
    lines.push(...warnings.map((n) => `  warning: ${describeNote(n)}`));
  }
  const notes = generated.notes.filter((n) => n.level === 'note');
  if (notes.length > 0) lines.push('', ...notes.map((n) => `  note: ${describeNote(n)}`));
  return `${lines.join('\n')}\n`;
}

function describeNote(note: ImportNote): string {
  return `${note.control}${note.siteUrl ? ` on ${terminalText(note.siteUrl)}` : ''}: ${terminalText(note.message)}`;
}

function refuseExisting(out: string, force: boolean, shown: string): void {
  if (!existsSync(out)) return;
  if (statSync(out).isDirectory()) throw new ImportError(`--out ${shown} is a folder: name the file to write, e.g. ${join(shown, 'main.ts')}`);
  if (!force) throw new ImportError(`${shown} exists: pass --force to overwrite it`);
}

/**
 * Writes `text` to a temporary file in the same folder, flushes it, then renames it over `out`: a reader
 * never sees half a program, and an interrupted import leaves the old file as it was.
 */
function writeAtomically(out: string, text: string, force: boolean, shown: string): void {
  if (!existsSync(dirname(out))) throw new ImportError(`cannot write ${shown}: folder ${dirname(out)} does not exist`);
  const temp = join(dirname(out), `.${basename(out)}.import-${process.pid}-${Date.now()}.tmp`);
  try {
    let fd: number;
    try {
      fd = openSync(temp, 'wx', 0o644);
    } catch (error) {
      throw fileSystemError('write --out', shown, error);
    }
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Checked again: the file may have appeared while the org was read.
    refuseExisting(out, force, shown);
    try {
      renameSync(temp, out);
    } catch (error) {
      throw fileSystemError('write --out', shown, error);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** An import specifier for `target` from files in `fromDir`: `./constructs`, `../constructs`, … */
export function moduleSpecifier(fromDir: string, target: string): string {
  const path = relative(fromDir, target).split(sep).join('/');
  return path === '..' || path.startsWith('../') ? path : `./${path}`;
}
