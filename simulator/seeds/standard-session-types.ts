import type { SessionType } from '../state/site';

/** Session type ids every seeded site offers (ids, like names, are site-specific in Webex; fixed here). */
export const SESSION_TYPE_IDS = {
  /** Pro Meeting, the id of Cisco's examples. */
  pro: '3',
  webinar: '647',
  /** "Pro 3.0 End to End Encryption_VOIPonly", the Zero-Trust E2EE meeting type. */
  endToEndEncryption: '628',
} as const;

export function standardSessionTypes(): SessionType[] {
  return [
    { id: SESSION_TYPE_IDS.pro, shortName: 'PRO', name: 'Pro Meeting', type: 'meeting' },
    { id: SESSION_TYPE_IDS.webinar, shortName: 'WBN', name: 'Webex Webinar', type: 'webinar' },
    { id: SESSION_TYPE_IDS.endToEndEncryption, shortName: 'PRO3E2E', name: 'Pro 3.0 End to End Encryption_VOIPonly', type: 'meeting' },
  ];
}
