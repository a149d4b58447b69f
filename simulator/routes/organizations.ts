import { notFound } from '../http/webex-error';
import type { Route } from '../http/route';

const ORGANIZATIONS_READ = ['spark-admin:organizations_read'];

/** GET /v1/organizations: every org visible to the caller. The spec says it is not paginated. */
export const listOrganizations: Route = {
  method: 'GET',
  path: '/v1/organizations',
  scopes: ORGANIZATIONS_READ,
  contentType: 'application/json',
  handle({ state }) {
    return { status: 200, body: { items: state.listOrganizations() } };
  },
};

/** GET /v1/organizations/{orgId}. */
export const getOrganizationDetails: Route = {
  method: 'GET',
  path: '/v1/organizations/{orgId}',
  scopes: ORGANIZATIONS_READ,
  contentType: 'application/json',
  handle({ state, params }) {
    const org = state.organization(params.orgId);
    if (org === undefined) {
      throw notFound(`Organization ${params.orgId} not found.`);
    }
    return { status: 200, body: org };
  },
};
