import type { Rule } from '../../rule';
import { LoginLockout } from './LoginLockout';
import { OrgMfaEnforced } from './OrgMfaEnforced';
import { SsoEnforcedAttested } from './SsoEnforcedAttested';
import { UsersWithoutMfa } from './UsersWithoutMfa';

export const AUTH_RULES: readonly Rule[] = [OrgMfaEnforced, UsersWithoutMfa, SsoEnforcedAttested, LoginLockout];
