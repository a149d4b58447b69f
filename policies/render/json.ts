import { canonicalJsonChunks } from '../../manifest';
import { inertJsonChunks } from '../../manifest/text';
import { citation } from '../citations';
import { PROFILES } from '../profiles';
import type { ComplianceReport } from '../report';
import { findingId } from '../subject';

/**
 * The report as JSON (sorted keys): tool and version, time, profile, each org with each rule's result,
 * every judgement with the raw values it judged, and every exception with what it did. Citations carry
 * their title and designation, so the file reads on its own as evidence.
 */
export function renderJsonReport(report: ComplianceReport): string {
  return [...jsonReportChunks(report)].join('');
}

/** renderJsonReport in pieces, as it is serialized: a fleet's judgements are never one string. */
export function* jsonReportChunks(report: ComplianceReport, extra: Record<string, unknown> = {}): Generator<string> {
  const document = {
    ...report,
    profile: { id: report.profile, title: PROFILES[report.profile].title },
    orgs: report.orgs.map((org) => ({
      ...org,
      results: org.results.map((result) => ({
        ...result,
        citations: result.citations.map(citation),
        judgements: result.judgements.map((j) => ({ ...j, findingId: findingId(j.target) ?? null })),
      })),
    })),
    ...extra,
  };
  yield* inertJsonChunks(canonicalJsonChunks(document));
}
