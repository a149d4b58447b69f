import { canonicalJson, compareCodePoints, Org } from '../../manifest';
import { sha256Hex } from './hash-chain';

/** A manual attestation as declared in code: who attests that a control without an API is in place, until when. */
export interface AttestationEvidence {
  readonly control: string;
  readonly path?: string;
  readonly attestedBy?: string;
  readonly attestedOn?: string;
  readonly reference?: string;
  readonly expires?: string;
  readonly details?: unknown;
  /** sha256 of the attestation's canonical JSON: the same declaration is recorded once. */
  readonly digest: string;
}

/**
 * The attestations an org declares (`settings.attestations`), read generically so that controls added
 * later are recorded too, and the required controls that have none.
 */
export function declaredAttestations(org: Org): { attestations: AttestationEvidence[]; missing: string[] } {
  const block = (org.settings as Record<string, unknown>).attestations;
  if (block === null || typeof block !== 'object') return { attestations: [], missing: [] };
  const { path, required, ...records } = block as Record<string, unknown>;
  const attestations: AttestationEvidence[] = [];
  for (const [control, value] of Object.entries(records).sort(([a], [b]) => compareCodePoints(a, b))) {
    if (value === null || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
    const fields = { control, path: typeof path === 'string' ? path : undefined, attestedBy: text('attestedBy'), attestedOn: text('attestedOn'), reference: text('reference'), expires: text('expires'), details: v.details };
    attestations.push({ ...fields, digest: sha256Hex(canonicalJson(fields)) });
  }
  const missing = Array.isArray(required) ? required.filter((c): c is string => typeof c === 'string' && !(c in records)) : [];
  return { attestations, missing };
}
