import { untrusted } from '../../manifest/text';
import type { HipaaBaselineProps } from '../../constructs/hipaa-baseline';
import { describeTarget } from '../../provisioning';
import { count, ImportNote } from './declaration';
import { declareImport, ImportDeclaration } from './declare-org';
import type { ImportObservation } from './observation';
import { renderProgram } from './render-program';
import { plainValue } from './source-node';
import { verifyDeclaration, Verification } from './verify-declaration';
import { compareCodePoints } from '../../manifest';

export interface GenerateOptions {
  /** The module the program imports the constructs from. @default './constructs' */
  readonly constructsModule?: string;
  /** The cdktf stack id. @default the org name in kebab case */
  readonly stackId?: string;
}

export interface GeneratedImport {
  /** The program: TypeScript source, a drop-in replacement for main.ts. */
  readonly source: string;
  readonly declaration: ImportDeclaration;
  /** The imported declaration planned against what was read: no residual change, by construction. */
  readonly verification: Verification;
  /** Every note of the declaration, then what the first plan will show besides "no changes". */
  readonly notes: readonly ImportNote[];
}

/**
 * Pure: observation → program. Declares the org (declare-org.ts), proves in memory that the declaration
 * plans no change of a readable setting against what was read (through the real constructs and planner),
 * and renders it. A residual change is a bug of the generator, never a file that would silently plan
 * changes: it throws, naming each change.
 */
export function generateImport(observation: ImportObservation, options: GenerateOptions = {}): GeneratedImport {
  const declaration = declareImport(observation, options.stackId !== undefined ? { stackId: options.stackId } : {});
  const props = plainValue(declaration.baseline) as HipaaBaselineProps;
  const verification = verifyDeclaration(declaration.shape, props, observation.observed, observation.importedAt);
  if (verification.residual.length > 0) {
    const changes = verification.residual.map((c) => untrusted(`${c.setting} of ${describeTarget(c.target)}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`));
    throw new Error(untrusted(`internal error: the imported declaration would change the org it came from (${changes.join('; ')}); please report it`));
  }
  const source = renderProgram(declaration, observation, { constructsModule: options.constructsModule ?? './constructs' });
  return { source, declaration, verification, notes: [...declaration.notes, ...firstPlanNotes(verification)] };
}

/** The write-only enforcements and the findings the first plan will show: not changes of readable settings. */
function firstPlanNotes(verification: Verification): ImportNote[] {
  const notes: ImportNote[] = [];
  for (const change of verification.plan.changes.filter((c) => c.writeOnly === true)) {
    notes.push({
      level: 'note',
      control: change.setting,
      message: `write-only: Webex has no API to read it, so its live value is unknown; the baseline's HIPAA values are declared and the first plan shows them as "enforce" (${Object.entries(change.after).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')})`,
    });
  }
  const findings = verification.plan.findings;
  if (findings.length > 0) {
    const byKind = new Map<string, number>();
    for (const f of findings) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    const kinds = [...byKind.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([kind, n]) => `${n} ${kind}`).join(', ');
    notes.push({ level: 'note', control: 'plan', message: `the first plan lists ${count(findings.length, 'finding')} (facts to act on, never changes): ${kinds}` });
  }
  return notes;
}
