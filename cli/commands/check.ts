import { declarationLocator } from '../declaration-locator';
import { isAbsolute, relative, resolve } from 'node:path';
import { findManifests, ManifestError, readManifest } from '../../manifest';
import { readRegularFile } from '../../manifest/files/read-regular-file';
import { ComplianceReport, complianceReport, declaredSubject, evaluateOrg, HIPAA_PACK, OrgReport, ProfileId, reportChunks, ReportFormat, utcDay } from '../../policies';
import { DEFAULT_OUTDIR } from '../load-orgs';
import { useColor } from '../output';
import { writeStreaming } from '../write-streaming';
import { VERSION } from '../version';

export interface CheckOptions {
  readonly manifest?: string[];
  readonly profile: ProfileId;
  readonly format: ReportFormat;
}

/** A manifest to check, and the path reports show for it (where it is, or where synth will write it). */
export interface ManifestToCheck {
  readonly file: string;
  readonly display: string;
}

/**
 * Evaluates the pack over every org of the given manifests, as declared. Pure but for reading the files.
 */
export function checkManifests(manifests: readonly ManifestToCheck[], options: { profile: ProfileId; now?: Date }): ComplianceReport {
  const now = options.now ?? new Date();
  const today = utcDay(now);
  const orgs: OrgReport[] = [];
  for (const { file, display } of manifests) {
    for (const org of readManifest(file).orgs) {
      orgs.push(evaluateOrg(HIPAA_PACK, declaredSubject(org, today), { profile: options.profile, exceptions: org.exceptions ?? [], manifest: display }));
    }
  }
  return complianceReport({ command: 'check', profile: options.profile, now, toolVersion: VERSION, orgs });
}

/**
 * `webex-iac check`: the policy pack over synthesized (or hand-written) manifests, before anything
 * touches an org. Exit 0 when compliant, 1 otherwise (a failing SHALL rule, a check that threw, or an
 * exception naming an unknown rule).
 */
export async function checkCommand(options: CheckOptions, io: { out: NodeJS.WriteStream; env: NodeJS.ProcessEnv }, now: Date = new Date()): Promise<number> {
  const files = options.manifest && options.manifest.length > 0 ? options.manifest.map((m) => resolve(m)) : findManifests(resolve(DEFAULT_OUTDIR));
  if (files.length === 0) {
    throw new ManifestError(`no manifest found under ${DEFAULT_OUTDIR}/stacks/*/webex-manifest.json: run "webex-iac synth" first or pass --manifest PATH`);
  }
  const report = checkManifests(
    files.map((file) => ({ file, display: displayPath(file) })),
    { profile: options.profile, now },
  );
  await writeStreaming(io.out, reportChunks(report, options.format, { color: useColor(io.out, io.env), pack: HIPAA_PACK, lineOf: lineOfConstructPath, locate: declarationLocator() }));
  return report.compliant ? 0 : 1;
}

/** A path relative to the working directory when it is below it, else absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** The 1-based line where a manifest declares `"path": "<constructPath>"` (1 when it does not). */
export function lineOfConstructPath(manifest: string, constructPath: string): number {
  let text: string;
  try {
    text = readRegularFile(resolve(manifest), 'manifest');
  } catch {
    return 1;
  }
  const needle = `"path": ${JSON.stringify(constructPath)}`;
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  return index >= 0 ? index + 1 : 1;
}
