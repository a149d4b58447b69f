import type { Rule } from '../../rule';
import { HostAiAssistantOffByDefault } from './HostAiAssistantOffByDefault';
import { HostJoinBeforeHostOff } from './HostJoinBeforeHostOff';
import { HostRecordingsNotAutoShared } from './HostRecordingsNotAutoShared';
import { PersonalRoomAutoLock } from './PersonalRoomAutoLock';
import { PersonalRoomLobbyNotify } from './PersonalRoomLobbyNotify';

export const HOST_RULES: readonly Rule[] = [PersonalRoomAutoLock, PersonalRoomLobbyNotify, HostJoinBeforeHostOff, HostAiAssistantOffByDefault, HostRecordingsNotAutoShared];
