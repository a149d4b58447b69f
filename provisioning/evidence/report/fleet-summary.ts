import { AttestationReport, EvidenceReport, ExceptionReport, RuleStatus } from './report-model';

export interface FleetSummary {
  readonly orgs: { org: string; orgId?: string; sites: number; chainIntact: boolean; failing: number; changes: number; lastAssessed?: string }[];
  /** Every rule any org's assess judged, with each org's status in report order (undefined: not assessed). */
  readonly rules: { ruleId: string; citations: string; statuses: (RuleStatus | undefined)[] }[];
  readonly attestationsDue: (AttestationReport & { org: string })[];
  readonly exceptionsDue: (ExceptionReport & { org: string })[];
}

/** The summary page of a health system's orgs, derived from the report (one model for every format). */
export function fleetSummary(report: EvidenceReport): FleetSummary {
  const ruleIds: string[] = [];
  const citations = new Map<string, string>();
  for (const org of report.orgs) {
    for (const rule of org.rules) {
      if (!citations.has(rule.ruleId)) {
        ruleIds.push(rule.ruleId);
        citations.set(rule.ruleId, rule.citations.map((c) => `${c.section}${c.edition === 'proposed' ? '*' : ''}`).join(', '));
      }
    }
  }
  return {
    orgs: report.orgs.map((o) => ({
      org: o.org,
      ...(o.orgId ? { orgId: o.orgId } : {}),
      sites: o.sites.length,
      chainIntact: o.chain.intact,
      failing: o.rules.filter((r) => r.status === 'fail' || r.status === 'error').length,
      changes: o.changes.reduce((n, g) => n + g.writes, 0),
      ...(o.rules[0] ? { lastAssessed: o.rules.map((r) => r.lastAssessed.time).sort().pop() } : {}),
    })),
    rules: ruleIds.map((ruleId) => ({ ruleId, citations: citations.get(ruleId)!, statuses: report.orgs.map((o) => o.rules.find((r) => r.ruleId === ruleId)?.status) })),
    attestationsDue: report.orgs.flatMap((o) => o.attestations.filter((a) => a.status !== 'valid').map((a) => ({ ...a, org: o.org }))),
    exceptionsDue: report.orgs.flatMap((o) => o.exceptions.filter((e) => e.status === 'expiring' || e.status === 'expired').map((e) => ({ ...e, org: o.org }))),
  };
}
