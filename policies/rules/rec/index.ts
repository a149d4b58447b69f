import type { Rule } from '../../rule';
import { RecordingAccessRestricted } from './RecordingAccessRestricted';
import { RecordingDownloadsOff } from './RecordingDownloadsOff';

export const REC_RULES: readonly Rule[] = [RecordingAccessRestricted, RecordingDownloadsOff];
