import { z } from 'zod';

/** `OrganizationCollectionResponse` (webex-admin.json). */
export const OrganizationSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  created: z.string().optional(),
});
export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema) });
export type Organization = z.infer<typeof OrganizationSchema>;
