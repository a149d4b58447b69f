import type { Rule } from '../../rule';
import { MessageRetentionSixYears } from './MessageRetentionSixYears';
import { RecordingRetentionSixYears } from './RecordingRetentionSixYears';
import { RecordingsKeptSixYears } from './RecordingsKeptSixYears';

export const RET_RULES: readonly Rule[] = [MessageRetentionSixYears, RecordingRetentionSixYears, RecordingsKeptSixYears];
export { RECORDINGS_LOOKBACK_DAYS } from './RecordingsKeptSixYears';
