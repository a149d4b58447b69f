import type { Rule } from '../../rule';
import { HostJoinBeforeHostOff } from './HostJoinBeforeHostOff';
import { PersonalRoomAutoLock } from './PersonalRoomAutoLock';
import { PersonalRoomLobbyNotify } from './PersonalRoomLobbyNotify';

export const HOST_RULES: readonly Rule[] = [PersonalRoomAutoLock, PersonalRoomLobbyNotify, HostJoinBeforeHostOff];
