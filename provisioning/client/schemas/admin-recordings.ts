import { z } from 'zod';
import { optional } from './spec-optional';

/**
 * One item of List Recordings For an Admin or Compliance Officer (`RecordingObjectForAdminAndCO`,
 * webex-meeting.json): what the retention evidence needs. The download and playback links (they open
 * the recording) and the topic (it may name a patient) are left out, so they never reach a report.
 */
export const AdminRecordingSchema = z.object({
  id: z.string().min(1),
  createTime: z.string(),
  timeRecorded: optional(z.string()),
  hostEmail: optional(z.string()),
  siteUrl: optional(z.string()),
  status: z.enum(['available', 'deleted', 'purged']),
});
export type AdminRecording = z.infer<typeof AdminRecordingSchema>;

/** GET /v1/admin/recordings: `{ items }`, paged with `Link`. */
export const AdminRecordingListSchema = z.object({ items: z.array(AdminRecordingSchema) });
