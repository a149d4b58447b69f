import type { Rule } from '../../rule';
import { IdleTimeoutAttested } from './IdleTimeoutAttested';

export const SESS_RULES: readonly Rule[] = [IdleTimeoutAttested];
