import { EvidenceLog } from '../../provisioning/evidence';

/** Every admin audit event's trackingId, as the simulator's own audit log lists them (all orgs the token sees). */
export async function auditTrackingIds(baseUrl: string, token: string): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as { items: Record<string, any>[] };
  };
  const ids: string[] = [];
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  for (const org of (await get('/v1/organizations')).items) {
    for (let offset = 0; ; offset += 200) {
      const page = await get(`/v1/adminAudit/events?orgId=${encodeURIComponent(org.id)}&from=${from}&to=${to}&max=200&offset=${offset}`);
      ids.push(...page.items.map((e) => e.data.trackingId as string));
      if (page.items.length < 200) break;
    }
  }
  return ids;
}

export interface RecordedWrites {
  readonly applied: string[];
  readonly failed: string[];
  /** Writes recorded as outcome unknown (trackingId when known). */
  readonly unknown: (string | undefined)[];
  /** Kinds of the records, in order. */
  readonly kinds: string[];
}

/** The writes an org's evidence log records, from its `apply-writes` records. */
export function recordedWrites(dir: string, org: string): RecordedWrites {
  const records = new EvidenceLog({ dir, toolVersion: 'test' }).read(org).map((r) => r.record);
  const writes = records.filter((r) => r.kind === 'apply-writes').flatMap((r) => (r.changes ?? []) as unknown as { outcome: string; trackingId?: string }[]);
  return {
    applied: writes.filter((w) => w.outcome === 'applied').map((w) => w.trackingId!),
    failed: writes.filter((w) => w.outcome === 'failed').map((w) => w.trackingId ?? ''),
    unknown: writes.filter((w) => w.outcome === 'unknown').map((w) => w.trackingId),
    kinds: records.map((r) => r.kind),
  };
}

/**
 * The evidence agrees with the audit log: every write recorded as applied is in it, no write recorded
 * as failed is, and every other audited write is one recorded as outcome unknown.
 */
export function expectEvidenceMatchesAudit(recorded: RecordedWrites, audited: readonly string[]): void {
  const audit = new Set(audited);
  const missing = recorded.applied.filter((id) => !audit.has(id));
  const refusedButAudited = recorded.failed.filter((id) => audit.has(id));
  const unexplained = audited.filter((id) => !recorded.applied.includes(id) && !recorded.unknown.includes(id));
  const unknownWithoutId = recorded.unknown.filter((id) => id === undefined).length;
  expect({ missing, refusedButAudited }).toEqual({ missing: [], refusedButAudited: [] });
  // Audited writes not recorded as applied must each be accounted for by an unknown outcome.
  expect(unexplained.length).toBeLessThanOrEqual(unknownWithoutId);
}
