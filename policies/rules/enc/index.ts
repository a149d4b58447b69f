import type { Rule } from '../../rule';
import { HostsHaveE2eeSessionType } from './HostsHaveE2eeSessionType';
import { SiteOffersE2eeSessionType } from './SiteOffersE2eeSessionType';
import { TransportEncryptionUnderBaa } from './TransportEncryptionUnderBaa';

export const ENC_RULES: readonly Rule[] = [HostsHaveE2eeSessionType, SiteOffersE2eeSessionType, TransportEncryptionUnderBaa];
