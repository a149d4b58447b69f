import { z } from 'zod';

/** The parts of `Person` (webex-admin.json) the tool relies on; other fields are ignored. */
export const PersonSchema = z.object({
  id: z.string(),
  emails: z.array(z.string()),
  displayName: z.string().optional(),
  orgId: z.string(),
  roles: z.array(z.string()).optional(),
});
export type Person = z.infer<typeof PersonSchema>;
