import type { Seed } from '../state/seed';
import { webexId } from '../state/webex-id';
import { FULL_ADMINISTRATOR_ROLE_ID } from '../state/well-known-roles';
import { defaultCommonSettings } from './default-common-settings';

/** Identifiers of the `empty` seed. */
export const EMPTY = {
  orgId: webexId('ORGANIZATION', '0e1d2c3b-4a59-4687-9f0e-1d2c3b4a5968'),
  orgName: 'Example Organization',
  adminPersonId: webexId('PEOPLE', '1f2e3d4c-5b6a-4798-8a0f-1e2d3c4b5a69'),
  adminEmail: 'admin@example.org',
  siteUrl: 'example.webex.com',
} as const;

/** The least a Webex org can be: one org, one admin, one site with default settings. */
export function emptySeed(): Seed {
  return {
    organizations: [{ id: EMPTY.orgId, displayName: EMPTY.orgName, created: '2025-01-02T08:00:00+00:00' }],
    adminPersonId: EMPTY.adminPersonId,
    people: [
      {
        defaultSiteUrl: EMPTY.siteUrl,
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
          siteUrls: [`${EMPTY.siteUrl}#host`],
          status: 'active',
          invitePending: 'false',
          loginEnabled: 'true',
          type: 'person',
        },
      },
    ],
    sites: [{ siteUrl: EMPTY.siteUrl, orgId: EMPTY.orgId, commonSettings: defaultCommonSettings() }],
  };
}
