import type { Rule } from '../../rule';
import { MessageRetentionSixYears } from './MessageRetentionSixYears';
import { RecordingRetentionSixYears } from './RecordingRetentionSixYears';

export const RET_RULES: readonly Rule[] = [MessageRetentionSixYears, RecordingRetentionSixYears];
