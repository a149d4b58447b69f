import { defaultIdentitySettings } from '../state/identity-settings';
import type { Seed } from '../state/seed';
import { uuidOf, webexId } from '../state/webex-id';
import { FULL_ADMINISTRATOR_ROLE_ID } from '../state/well-known-roles';
import { defaultCommonSettings } from './default-common-settings';
import { hostSettings } from './host-defaults';
import { standardSessionTypes } from './standard-session-types';

const ORG_ID = webexId('ORGANIZATION', '0e1d2c3b-4a59-4687-9f0e-1d2c3b4a5968');

/** Identifiers of the `empty` seed. */
export const EMPTY = {
  orgId: ORG_ID,
  identityOrgId: uuidOf('ORGANIZATION', ORG_ID)!,
  orgName: 'Example Organization',
  adminPersonId: webexId('PEOPLE', '1f2e3d4c-5b6a-4798-8a0f-1e2d3c4b5a69'),
  adminEmail: 'admin@example.org',
  siteUrl: 'example.webex.com',
} as const;

/**
 * The least a Webex org can be: one org, one admin who hosts on its one site, everything at the
 * simulator's defaults.
 *
 * @param now epoch milliseconds; the admin was last active an hour before
 */
export function emptySeed(now: number): Seed {
  return {
    organizations: [
      { organization: { id: EMPTY.orgId, displayName: EMPTY.orgName, created: '2025-01-02T08:00:00+00:00' }, licenseIds: [], ...defaultIdentitySettings() },
    ],
    adminPersonId: EMPTY.adminPersonId,
    people: [
      {
        defaultSiteUrl: EMPTY.siteUrl,
        mfaEnabled: true,
        person: {
          id: EMPTY.adminPersonId,
          emails: [EMPTY.adminEmail],
          displayName: 'Example Admin',
          firstName: 'Example',
          lastName: 'Admin',
          orgId: EMPTY.orgId,
          roles: [FULL_ADMINISTRATOR_ROLE_ID],
          licenses: [],
          created: '2025-01-02T08:00:00.000Z',
          lastModified: '2025-01-02T08:00:00.000Z',
          lastActivity: new Date(now - 60 * 60 * 1000).toISOString(),
          siteUrls: [`${EMPTY.siteUrl}#host`],
          status: 'active',
          invitePending: 'false',
          loginEnabled: 'true',
          type: 'person',
        },
      },
    ],
    sites: [{ siteUrl: EMPTY.siteUrl, orgId: EMPTY.orgId, commonSettings: defaultCommonSettings(), sessionTypes: standardSessionTypes() }],
    hostSettings: (record) => hostSettings(record, 1),
  };
}
