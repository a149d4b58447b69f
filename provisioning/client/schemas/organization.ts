import { z } from 'zod';
import { optional } from './spec-optional';

/** `OrganizationCollectionResponse` (webex-admin.json). */
export const OrganizationSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  created: optional(z.string()),
});
export const OrganizationListSchema = z.object({ items: z.array(OrganizationSchema) });
export type Organization = z.infer<typeof OrganizationSchema>;
