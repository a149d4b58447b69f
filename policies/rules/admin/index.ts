import type { Rule } from '../../rule';
import { AdminsAllowListed } from './AdminsAllowListed';
import { FullAdminsLimited } from './FullAdminsLimited';

export const ADMIN_RULES: readonly Rule[] = [AdminsAllowListed, FullAdminsLimited];
