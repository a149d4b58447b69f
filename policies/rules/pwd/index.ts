import type { Rule } from '../../rule';
import { OrgPasswordPolicyStrong } from './OrgPasswordPolicyStrong';
import { OrgPasswordReuseAndDenyList } from './OrgPasswordReuseAndDenyList';

export const PWD_RULES: readonly Rule[] = [OrgPasswordPolicyStrong, OrgPasswordReuseAndDenyList];
