import { z } from 'zod';

/** `SitesObject` (webex-meeting.json): the Meetings sites the token's user can administer. */
export const SitesSchema = z.object({
  sites: z.array(z.object({ siteUrl: z.string(), default: z.boolean() })),
});
