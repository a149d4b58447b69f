/** A recording's state (enum of `status`, `RecordingObjectForAdminAndCO`, webex-meeting.json). */
export type RecordingStatus = 'available' | 'deleted' | 'purged';

export const RECORDING_STATUSES: readonly RecordingStatus[] = ['available', 'deleted', 'purged'];

/** One meeting recording as List Recordings For an Admin or Compliance Officer returns it (required fields). */
export interface Recording {
  id: string;
  meetingId: string;
  topic: string;
  /** ISO 8601, UTC: what `from`/`to` filter on. */
  createTime: string;
  timeRecorded: string;
  hostDisplayName: string;
  hostEmail: string;
  siteUrl: string;
  downloadUrl: string;
  playbackUrl: string;
  format: 'MP4' | 'ARF' | 'UPLOADED';
  serviceType: 'MeetingCenter' | 'EventCenter' | 'TrainingCenter' | 'SupportCenter';
  durationSeconds: number;
  sizeBytes: number;
  status: RecordingStatus;
}
