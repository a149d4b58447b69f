import { notFound } from '../http/webex-error';
import type { Route } from '../http/route';
import { ROLES } from '../state/well-known-roles';

const ROLES_READ = ['spark-admin:roles_read'];

/** GET /v1/roles: every admin role (not paginated; the spec declares no parameters). */
export const listRoles: Route = {
  method: 'GET',
  path: '/v1/roles',
  scopes: ROLES_READ,
  contentType: 'application/json',
  handle() {
    return { status: 200, body: { items: ROLES.map((role) => ({ ...role })) } };
  },
};

/** GET /v1/roles/{roleId}. */
export const getRoleDetails: Route = {
  method: 'GET',
  path: '/v1/roles/{roleId}',
  scopes: ROLES_READ,
  contentType: 'application/json',
  handle({ params }) {
    const role = ROLES.find(({ id }) => id === params.roleId);
    if (role === undefined) {
      throw notFound(`Role ${params.roleId} not found.`);
    }
    return { status: 200, body: { ...role } };
  },
};
