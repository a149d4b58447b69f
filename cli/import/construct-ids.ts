import type { ProgramShape } from './construct-org';
import { compareCodePoints } from '../../manifest';

/**
 * Names in the generated program: the stack id (the folder under cdktf.out/stacks/), the org's and
 * each site's construct id. Derived from what Webex calls them, so that they read like hand-written
 * code, and stable (construct ids are part of every manifest path and plan).
 */
export function programShape(org: { name: string; orgId: string }, siteUrls: readonly string[], stackId?: string): ProgramShape {
  const used = new Set<string>();
  const sites = [...siteUrls].sort(compareCodePoints).map((siteUrl) => ({ constructId: unique(pascalCase(siteUrl.split('.')[0]!, 'Site'), used), siteUrl }));
  return { stackId: stackId ?? kebabCase(org.name), org: { constructId: pascalCase(org.name, 'Org'), name: org.name, orgId: org.orgId }, sites };
}

/** `Riverside Family Clinic` → `riverside-family-clinic`; `webex` when nothing is left. */
export function kebabCase(text: string): string {
  const words = asciiWords(text).map((w) => w.toLowerCase());
  return words.length === 0 ? 'webex' : words.join('-');
}

/** `riverside-clinic` → `RiversideClinic`; a leading digit gets `fallback` in front; `fallback` when nothing is left. */
export function pascalCase(text: string, fallback: string): string {
  const id = asciiWords(text).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (id === '') return fallback;
  return /^[0-9]/.test(id) ? `${fallback}${id}` : id;
}

function asciiWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
}

function unique(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}${n}`;
  used.add(candidate);
  return candidate;
}
