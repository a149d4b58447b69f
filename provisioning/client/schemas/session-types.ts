import { z } from 'zod';

/** `SiteSessionType` / `SessionType` (webex-meeting.json); every field is optional in the spec. */
export const SessionTypeSchema = z.object({
  id: z.string(),
  shortName: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
});
export type SessionType = z.infer<typeof SessionTypeSchema>;

/** GET /v1/admin/meeting/config/sessionTypes?siteUrl=: the site's session types. */
export const SiteSessionTypesSchema = z.object({ items: z.array(SessionTypeSchema.extend({ siteUrl: z.string().optional() })).optional() });

/** `UserSessionTypes`: one user's session types on one site (PUT response, and each item of the GET). */
export const UserSessionTypesSchema = z.object({
  personId: z.string().optional(),
  email: z.string().optional(),
  siteUrl: z.string().optional(),
  sessionTypes: z.array(SessionTypeSchema).optional(),
});

/** GET /v1/admin/meeting/userconfig/sessionTypes?siteUrl=&personId=. */
export const UserSessionTypesListSchema = z.object({ items: z.array(UserSessionTypesSchema).optional() });
