import type { Rule } from '../../rule';
import { HostsHaveE2eeSessionType } from './HostsHaveE2eeSessionType';
import { SiteE2eeAttested } from './SiteE2eeAttested';
import { TransportEncryptionUnderBaa } from './TransportEncryptionUnderBaa';

export const ENC_RULES: readonly Rule[] = [HostsHaveE2eeSessionType, SiteE2eeAttested, TransportEncryptionUnderBaa];
