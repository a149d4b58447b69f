import type { Rule } from '../../rule';
import { AuditEventsCollected } from './AuditEventsCollected';

export const AUDIT_RULES: readonly Rule[] = [AuditEventsCollected];
