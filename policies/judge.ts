import { ATTESTATION_CATALOG, AttestationControl, AttestationRecord } from '../manifest';
import type { Judgement, JudgedValue } from './rule';
import type { ControlView, Instance, Mode, OrgControlKey, SiteControlKey, Subject, Target, Values } from './subject';

/**
 * Small helpers that keep each rule file one readable declaration: what a field must be, judged the
 * same way over declared and observed values.
 */

/** What one field must be. `want` is how a message says it ("false", "at least 8"). */
export interface Expectation {
  readonly field: string;
  readonly want: string;
  test(value: JudgedValue | undefined): boolean;
}

export const equals = (field: string, expected: boolean | number | string): Expectation => ({
  field,
  want: JSON.stringify(expected),
  test: (value) => value === expected,
});

export const atLeast = (field: string, minimum: number): Expectation => ({
  field,
  want: `at least ${minimum}`,
  test: (value) => typeof value === 'number' && value >= minimum,
});

export const atMost = (field: string, maximum: number): Expectation => ({
  field,
  want: `at most ${maximum}`,
  test: (value) => typeof value === 'number' && value <= maximum,
});

export const nonEmptyList = (field: string): Expectation => ({
  field,
  want: 'a non-empty list',
  test: (value) => Array.isArray(value) && value.length > 0,
});

/** `"x"`, `12`, `["a","b"]`; absent fields read as "not declared" or "not read". */
export function show(value: JudgedValue | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** The problems of `values` against `expectations`, one line each; empty when all hold. */
export function problemsOf(values: Values, expectations: readonly Expectation[], mode: Mode): string[] {
  return expectations
    .filter((e) => !e.test(values[e.field]))
    .map((e) => (values[e.field] === undefined ? `${e.field} is ${mode === 'declared' ? 'not declared' : 'not reported by Webex'} (must be ${e.want})` : `${e.field} is ${show(values[e.field])}, must be ${e.want}`));
}

/** Only the judged fields of `values`, so a report shows what the verdict rests on. */
export function pick(values: Values, fields: readonly string[]): Record<string, JudgedValue> {
  return Object.fromEntries(fields.filter((f) => values[f] !== undefined).map((f) => [f, values[f]!]));
}

export function judgement(target: Target, path: string, problems: readonly string[], values: Values, okMessage: string, evidence?: string): Judgement {
  return {
    target,
    path,
    verdict: problems.length === 0 ? 'pass' : 'fail',
    message: problems.length === 0 ? okMessage : problems.join('; '),
    values,
    ...(evidence ? { evidence } : {}),
  };
}

/** Options of judgeControl. */
export interface JudgeOptions {
  /** More problems of an instance, beyond the expectations. */
  readonly extra?: (instance: Instance) => string[];
  /** More fields to report with each verdict. */
  readonly show?: readonly string[];
  /** The message of a pass (default: the judged fields and their values). */
  readonly ok?: string;
}

/**
 * Judges every instance of a control with the expectations (and `extra`). A control that is absent is
 * a failure: webex-iac does not manage what is not declared.
 */
export function judgeControl(subject: Subject, view: ControlView | undefined, missing: { target: Target; path: string; message: string }, expectations: readonly Expectation[], options: JudgeOptions = {}): Judgement[] {
  if (view === undefined) return [{ target: missing.target, path: missing.path, verdict: 'fail', message: missing.message, values: {} }];
  const fields = expectations.map((e) => e.field);
  return view.instances.map((instance) => {
    const values = pick(instance.values, [...fields, ...(options.show ?? []), 'hosts']);
    if (instance.unverifiable !== undefined) return { target: instance.target, path: view.path, verdict: 'not-verifiable', message: instance.unverifiable, values };
    const problems = [...problemsOf(instance.values, expectations, subject.mode), ...(options.extra?.(instance) ?? [])];
    const ok = options.ok ?? fields.map((f) => `${f} = ${show(instance.values[f])}`).join(', ');
    return judgement(instance.target, view.path, problems, values, ok, instance.evidence);
  });
}

/** `judgeControl` over one site control of every site. */
export function judgeSiteControl(subject: Subject, key: SiteControlKey, expectations: readonly Expectation[], options?: JudgeOptions): Judgement[] {
  return subject.sites.flatMap((site) =>
    judgeControl(subject, site.controls[key], { target: { kind: 'site', siteUrl: site.siteUrl }, path: site.path, message: notManaged(subject.mode, key) }, expectations, options),
  );
}

/** `judgeControl` over one org-level control. */
export function judgeOrgControl(subject: Subject, key: OrgControlKey, expectations: readonly Expectation[], options?: JudgeOptions): Judgement[] {
  return judgeControl(subject, subject.controls[key], { target: { kind: 'org' }, path: subject.org.path, message: notManaged(subject.mode, key) }, expectations, options);
}

export function notManaged(mode: Mode, key: string): string {
  return mode === 'declared' ? `${key} is not declared: webex-iac does not enforce this control` : `${key} is not declared, so it was not observed: declare it to have it enforced and assessed`;
}

/** Days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An attestation within this many days of its expiry is reported as expiring. */
export const EXPIRING_DAYS = 30;

/**
 * Judges one manual attestation: present, attested in the past, not expired, then `extra` on its
 * details. The verdict is about the declared record (Webex cannot be asked), the same in check and assess.
 */
export function judgeAttestation<K extends AttestationControl>(
  subject: Subject,
  control: K,
  extra: (record: AttestationRecord<K>) => string[] = () => [],
  target: Target = { kind: 'org' },
): Judgement {
  const path = subject.attestations?.path ?? subject.org.path;
  const record = subject.attestations?.[control] as AttestationRecord<K> | undefined;
  const title = ATTESTATION_CATALOG[control].title;
  if (record === undefined) {
    return { target, path, verdict: 'fail', message: `${control} is not attested (${title}): declare who attested it, when, the evidence reference and the expiry`, values: {} };
  }
  const values: Record<string, JudgedValue> = {
    attestedBy: record.attestedBy,
    attestedOn: record.attestedOn,
    reference: record.reference,
    expires: record.expires,
    ...(record.details as Record<string, JudgedValue>),
  };
  const problems: string[] = [];
  if (record.attestedOn > subject.today) problems.push(`${control} is attested on ${record.attestedOn}, after today (${subject.today})`);
  if (record.expires < subject.today) problems.push(`${control} attestation expired on ${record.expires}: renew it`);
  problems.push(...extra(record));
  const left = daysBetween(subject.today, record.expires);
  const evidence = `attested by ${record.attestedBy} on ${record.attestedOn} (${record.reference}), valid until ${record.expires}${left >= 0 && left <= EXPIRING_DAYS ? `: expires in ${left} day(s)` : ''}`;
  return judgement(target, path, problems, values, `${control} attested: ${title}`, evidence);
}
