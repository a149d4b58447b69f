import { canonicalJson, Org } from '../manifest';
import { jsonDifferences, PlanRefusedError, SavedPlan, shownDifference } from '../provisioning';
import { loadOrgs } from './load-orgs';
import { Selection } from './selection';

/**
 * Refuses a saved plan whose declaration is not the one the checked-out code synthesizes (the manifests
 * under cdktf.out/, or `--manifest`), narrowed by the selection the plan was made with: a plan can then
 * only apply what the reviewed code declares, however its file was edited.
 */
export function assertDeclarationIsCheckedOut(saved: SavedPlan, file: string, manifests: readonly string[] | undefined): void {
  let orgs: Org[];
  try {
    orgs = loadOrgs(manifests, saved.selection as Selection);
  } catch (error) {
    throw new PlanRefusedError('declaration', `cannot check ${file} against the declaration of the checked-out code: ${(error as Error).message}; nothing was written`);
  }
  const byName = (list: readonly Org[]) => Object.fromEntries(list.map((org) => [org.name, JSON.parse(canonicalJson(org))]));
  const differences = jsonDifferences(byName(saved.declared as Org[]), byName(orgs));
  if (differences.length === 0) return;
  const where = manifests && manifests.length > 0 ? manifests.join(', ') : 'cdktf.out/';
  throw new PlanRefusedError(
    'declaration',
    `${file} was planned from a declaration that is not the declaration of the checked-out code (${where}); nothing was written. Synthesize this commit and plan again. ${differences.length} differ:`,
    differences.map((d) => shownDifference(d, 'declared', (path, planned, code) => `${path} is ${planned} in the plan, ${code} in the code`)),
  );
}
