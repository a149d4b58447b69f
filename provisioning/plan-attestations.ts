import { ATTESTATION_CATALOG, ATTESTATION_CONTROLS, AttestationRecord, Attestations, PolicyException } from '../manifest';
import { AttestationState, AttestationStatus, ExceptionStatus, FieldValues } from './plan';

/** An attestation expiring within this many days is shown as `expiring`. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * Pure: the state of each attestation on `today` (YYYY-MM-DD, UTC). Required ones without a record are
 * `missing`; a record is `expired` from its expiry date on, `expiring` in the 30 days before, else `valid`.
 */
export function attestationStatuses(orgName: string, declared: Attestations, today: string): AttestationStatus[] {
  const statuses: AttestationStatus[] = [];
  for (const control of ATTESTATION_CONTROLS) {
    const record = declared[control] as AttestationRecord | undefined;
    const required = declared.required.includes(control);
    if (record === undefined && !required) continue;
    const base = { org: orgName, control, title: ATTESTATION_CATALOG[control].title, required, path: declared.path };
    if (record === undefined) {
      statuses.push({ ...base, status: 'missing' });
      continue;
    }
    statuses.push({
      ...base,
      status: stateOn(record.expires, today),
      attestedBy: record.attestedBy,
      attestedOn: record.attestedOn,
      expires: record.expires,
      reference: record.reference,
      details: record.details as FieldValues,
    });
  }
  return statuses;
}

/** Pure: the state of each declared policy exception on `today` (YYYY-MM-DD, UTC). */
export function exceptionStatuses(orgName: string, exceptions: readonly PolicyException[], today: string): ExceptionStatus[] {
  return exceptions.map((e) => {
    const state = stateOn(e.expires, today);
    return {
      org: orgName,
      ruleId: e.ruleId,
      reason: e.reason,
      owner: e.owner,
      expires: e.expires,
      ...(e.appliesTo === undefined ? {} : { appliesTo: e.appliesTo }),
      path: e.path,
      status: state === 'valid' ? 'active' : state === 'expiring' ? 'expiring' : 'expired',
    };
  });
}

function stateOn(expires: string, today: string): AttestationState {
  if (expires <= today) return 'expired';
  const days = (Date.parse(`${expires}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid';
}
