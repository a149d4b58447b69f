import type { CitationRef } from './citations';
import type { Level, Rule } from './rule';

/**
 * A profile changes what a rule's finding weighs and which text it cites, never what the rule checks:
 * the same declaration or org is judged by the same checks under both.
 */
export type ProfileId = 'hipaa-current' | 'hipaa-nprm-2025';

export interface Profile {
  readonly id: ProfileId;
  readonly title: string;
  readonly description: string;
}

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  'hipaa-current': {
    id: 'hipaa-current',
    title: 'HIPAA Security Rule as in force',
    description:
      '45 CFR 164.308, 164.310, 164.312, 164.314 and 164.316 as in force. Controls that serve an addressable implementation specification are SHOULD: implement them, an equivalent, or document why neither is reasonable.',
  },
  'hipaa-nprm-2025': {
    id: 'hipaa-nprm-2025',
    title: 'HIPAA Security Rule NPRM (90 FR 898, 6 Jan 2025)',
    description:
      'The proposed rule of 6 January 2025 (not final): the required/addressable distinction disappears, multi-factor authentication and encryption of ePHI at rest and in transit become required, and 164.312 is reorganised; citations use its proposed paragraphs.',
  },
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];
export const DEFAULT_PROFILE: ProfileId = 'hipaa-current';

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as string[]).includes(value);
}

/** The level and citations a rule has under `profile`. */
export function levelOf(rule: Rule, profile: ProfileId): Level {
  return profile === 'hipaa-nprm-2025' ? (rule.nprm?.level ?? rule.level) : rule.level;
}

export function citationsOf(rule: Rule, profile: ProfileId): readonly CitationRef[] {
  return profile === 'hipaa-nprm-2025' ? (rule.nprm?.citations ?? rule.citations) : rule.citations;
}
