import { compareCodePoints } from '../../../manifest';
import { ControlStatus, RuleStatus, ValidityStatus } from './report-model';

/** Words, not colours, carry each status, so a black-and-white printout reads the same. */
export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  compliant: 'Compliant',
  'non-compliant': 'Non-compliant',
  error: 'Error',
  'not-verified': 'Not verified',
};

export const VALIDITY_LABEL: Record<ValidityStatus, string> = {
  valid: 'Valid',
  expiring: 'Expiring within 30 days',
  expired: 'Expired',
  'no-expiry': 'No expiry recorded',
  'not-evidence': 'Not evidence (placeholder reference)',
};

export const RULE_STATUS_LABEL: Record<RuleStatus, string> = {
  pass: 'Pass',
  fail: 'Fail',
  excepted: 'Excepted',
  'not-verifiable': 'Not verifiable',
  'not-applicable': 'Not applicable',
  error: 'Error',
};

/** A field value as a reviewer reads it: JSON for strings and lists, bare for numbers and booleans. */
export function formatValue(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** `field: before → after`, one per changed field, sorted. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): { field: string; before: string; after: string }[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareCodePoints).map((field) => ({ field, before: formatValue(before[field]), after: formatValue(after[field]) }));
}

/** `2026-03-04 05:06 UTC` from an ISO time; the raw text when it is not one. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}
