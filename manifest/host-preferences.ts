import { z } from 'zod';
import type { Direction } from './direction';
import { constructPath } from './primitives';
import { HostSelectionSchema } from './site-controls';

/**
 * Per-host controls made of on/off flags of a host's meeting preferences (Cisco's "Get Meeting Preference
 * Details", GET /v1/meetingPreferences, which returns the personal room and the scheduling options in one
 * read). Such a control is described by its flags alone: from them derive its manifest schema, its field
 * directions, its construct props, its HipaaBaseline props, its handler and its import declaration, so
 * that adding one is a catalogue entry, a rule and (when the simulator lacks the flag) a simulator field.
 */

/** The two sections of the meeting preferences whose PUT webex-iac knows how to round-trip. */
export const PREFERENCE_SECTIONS = ['personalMeetingRoom', 'schedulingOptions'] as const;
export type PreferenceSection = (typeof PREFERENCE_SECTIONS)[number];

/** A flag as a dotted plan name, such as `schedulingOptions.enabledAutoShareRecording`. */
export type PreferenceField = `${PreferenceSection}.${string}`;

export interface PreferenceFlag {
  /** The HIPAA-safe value: what every declaration gets unless it says otherwise. */
  readonly safe: boolean;
  /** What Webex does when its answer leaves the flag out (Cisco's default), so that a converged host plans nothing. */
  readonly absentMeans: boolean;
  /** What the flag does, for the manifest schema and the docs. */
  readonly description: string;
}

export type PreferenceFlags = Readonly<Record<PreferenceField, PreferenceFlag>>;

/** The flags of one section, by their name in the Webex object. */
type SectionFlags<F, S extends PreferenceSection> = { -readonly [K in keyof F as K extends `${S}.${infer Name}` ? Name : never]?: boolean };
type SectionsOf<F> = { -readonly [S in PreferenceSection as keyof SectionFlags<F, S> extends never ? never : S]?: SectionFlags<F, S> };

/** The manifest entry of a preference control with flags F. */
export type PreferenceEntry<F> = { path: string; hosts?: z.infer<typeof HostSelectionSchema> } & SectionsOf<F>;

/** The flags of a preference control as construct props (what the manifest entry holds, without `path`). */
export type PreferenceProps<F, Hosts> = { readonly hosts?: Hosts } & { readonly [S in keyof SectionsOf<F>]?: Readonly<NonNullable<SectionsOf<F>[S]>> };

/** The section and name of a flag. */
export function splitPreferenceField(field: string): { section: PreferenceSection; name: string } {
  const dot = field.indexOf('.');
  return { section: field.slice(0, dot) as PreferenceSection, name: field.slice(dot + 1) };
}

/** The manifest schema of a preference control: a host selection and each flag, optional, under its section. */
export function preferenceSchema<F extends PreferenceFlags>(flags: F): z.ZodType<PreferenceEntry<F>> {
  const sections: Record<string, Record<string, z.ZodOptional<z.ZodBoolean>>> = {};
  for (const [field, flag] of Object.entries(flags) as [string, PreferenceFlag][]) {
    const { section, name } = splitPreferenceField(field);
    (sections[section] ??= {})[name] = z.boolean().describe(`${flag.description} (HIPAA-safe: ${flag.safe}).`).optional();
  }
  return z
    .object({
      path: constructPath,
      hosts: HostSelectionSchema.optional(),
      ...Object.fromEntries(Object.entries(sections).map(([section, shape]) => [section, z.object(shape).strict().optional()])),
    })
    .strict() as unknown as z.ZodType<PreferenceEntry<F>>;
}

/** Each flag's security direction: the safe value is the one a plan may never move away from. */
export function preferenceDirections<F extends PreferenceFlags>(flags: F): { readonly [K in keyof F]: Direction } {
  return Object.fromEntries(Object.entries(flags).map(([field, flag]) => [field, (flag as PreferenceFlag).safe ? 'safe-when-true' : 'safe-when-false'])) as { [K in keyof F]: Direction };
}

/** The entry's flags, HIPAA-safe where the entry says nothing: what a construct declares by default. */
export function safePreferences<F extends PreferenceFlags>(flags: F): Omit<PreferenceEntry<F>, 'path' | 'hosts'> {
  const out: Record<string, Record<string, boolean>> = {};
  for (const [field, flag] of Object.entries(flags) as [string, PreferenceFlag][]) {
    const { section, name } = splitPreferenceField(field);
    (out[section] ??= {})[name] = flag.safe;
  }
  return out as Omit<PreferenceEntry<F>, 'path' | 'hosts'>;
}
