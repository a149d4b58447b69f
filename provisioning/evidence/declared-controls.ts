import { Org } from '../../manifest';

/** One declared, managed control: a setting of the org or of one of its sites. */
export interface DeclaredControl {
  readonly control: string;
  readonly target: string;
  readonly path: string;
}

/** Manifest keys under an org's settings that are not a managed setting (attestations are recorded on their own). */
const NOT_A_SETTING = new Set(['attestations']);

/**
 * Every setting the declaration manages, read generically (any settings entry with a construct `path`),
 * so controls added to the manifest later are covered without a change here.
 */
export function declaredControls(org: Org): DeclaredControl[] {
  const out: DeclaredControl[] = [];
  for (const [control, declared] of Object.entries(org.settings as Record<string, unknown>)) {
    const path = pathOf(declared);
    if (path && !NOT_A_SETTING.has(control)) out.push({ control, target: 'org', path });
  }
  for (const site of org.sites) {
    for (const [control, declared] of Object.entries(site.settings as Record<string, unknown>)) {
      const path = pathOf(declared);
      if (path) out.push({ control, target: `site ${site.siteUrl}`, path });
    }
  }
  return out;
}

function pathOf(declared: unknown): string | undefined {
  if (declared === null || typeof declared !== 'object') return undefined;
  const path = (declared as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}
