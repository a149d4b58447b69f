import type { Rule } from './rule';
import { ACCT_RULES } from './rules/acct';
import { ADMIN_RULES } from './rules/admin';
import { AUDIT_RULES } from './rules/audit';
import { AUTH_RULES } from './rules/auth';
import { ENC_RULES } from './rules/enc';
import { GOV_RULES } from './rules/gov';
import { HOST_RULES } from './rules/host';
import { MEET_RULES } from './rules/meet';
import { PWD_RULES } from './rules/pwd';
import { REC_RULES } from './rules/rec';
import { RET_RULES } from './rules/ret';
import { SESS_RULES } from './rules/sess';

/**
 * The HIPAA pack for Webex: every rule, in the order reports and RULES.md list them (by area, then by
 * number). The same pack serves both profiles; a profile only changes levels and citations.
 */
export const HIPAA_PACK: readonly Rule[] = [
  ...MEET_RULES,
  ...HOST_RULES,
  ...ENC_RULES,
  ...AUTH_RULES,
  ...SESS_RULES,
  ...PWD_RULES,
  ...ACCT_RULES,
  ...ADMIN_RULES,
  ...AUDIT_RULES,
  ...REC_RULES,
  ...RET_RULES,
  ...GOV_RULES,
];

export function findRule(id: string, pack: readonly Rule[] = HIPAA_PACK): Rule | undefined {
  return pack.find((rule) => rule.id === id);
}
