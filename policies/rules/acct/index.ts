import type { Rule } from '../../rule';
import { InactiveAccountsDisabled } from './InactiveAccountsDisabled';

export const ACCT_RULES: readonly Rule[] = [InactiveAccountsDisabled];
