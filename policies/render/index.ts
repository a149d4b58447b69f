import type { ComplianceReport } from '../report';
import type { Rule } from '../rule';
import { renderJsonReport } from './json';
import { renderMarkdownReport } from './markdown';
import { renderSarifReport, SarifOptions } from './sarif';
import { renderTerminalReport } from './terminal';

export * from './json';
export * from './markdown';
export * from './sarif';
export * from './terminal';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in one of the formats; renderers only format, they never judge. */
export function renderReport(report: ComplianceReport, format: ReportFormat, options: { color?: boolean; pack: readonly Rule[] } & SarifOptions): string {
  switch (format) {
    case 'json':
      return renderJsonReport(report);
    case 'sarif':
      return renderSarifReport(report, options.pack, options);
    case 'markdown':
      return renderMarkdownReport(report);
    default:
      return renderTerminalReport(report, { color: options.color });
  }
}
