import type { ComplianceReport } from '../report';
import type { Rule } from '../rule';
import { jsonReportChunks } from './json';
import { markdownReportChunks } from './markdown';
import { sarifReportChunks, SarifOptions } from './sarif';
import { terminalReportChunks } from './terminal';

export * from './json';
export * from './markdown';
export * from './sarif';
export * from './terminal';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in one of the formats; renderers only format, they never judge. */
export function renderReport(report: ComplianceReport, format: ReportFormat, options: { color?: boolean; pack: readonly Rule[] } & SarifOptions): string {
  return [...reportChunks(report, format, options)].join('');
}

/**
 * renderReport in pieces (an org at a time; JSON and SARIF as they are serialized), for writing as they are
 * made. `json` adds top-level members to the JSON form (assess's `sinceLastRun`).
 */
export function reportChunks(report: ComplianceReport, format: ReportFormat, options: { color?: boolean; pack: readonly Rule[]; json?: Record<string, unknown> } & SarifOptions): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonReportChunks(report, options.json);
    case 'sarif':
      return sarifReportChunks(report, options.pack, options);
    case 'markdown':
      return markdownReportChunks(report);
    default:
      return terminalReportChunks(report, { color: options.color });
  }
}
