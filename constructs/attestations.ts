import { Construct } from 'constructs';
import { ATTESTATION_CONTROLS, AttestationControl, attestationDetailFields, Attestations as AttestationsEntry, checkAttestationDetails } from '../manifest/schema';
import { attestationExpiresBeforeAttested, invalidProp, unknownAttestation, unknownProp } from './errors';
import { OrgControl } from './org-setting';
import { checkDate, checkProps, checkString, isPlainObject } from './prop-checks';

/**
 * Who attested that a control with no Webex API is in place, when, where the evidence is, and until
 * when the attestation holds. Plans show it as valid, expiring (within 30 days), expired or missing;
 * webex-iac never claims to have applied it.
 */
export interface AttestationProps {
  /** Who attests: the name or email of the accountable person. */
  readonly attestedBy: string;
  /** When they attested, YYYY-MM-DD. */
  readonly attestedOn: string;
  /** Where the evidence is: a ticket, a document, an archived Control Hub screenshot. */
  readonly reference: string;
  /** When the attestation must be renewed, YYYY-MM-DD, after `attestedOn`. */
  readonly expires: string;
}

/** Messages or recordings are kept at least 6 years (Control Hub, Organization Settings > Retention). */
export interface RetentionAttestationProps extends AttestationProps {
  /** Days kept, at least 2190 (6 years, 45 CFR 164.316(b)(2)). */
  readonly retentionDays: number;
}

/** Control Hub and Webex App sessions end after inactivity (automatic logoff, 164.312(a)(2)(iii)). */
export interface IdleTimeoutAttestationProps extends AttestationProps {
  /** Minutes of inactivity before logoff, 10 to 720 (Control Hub's range). */
  readonly idleTimeoutMinutes: number;
}

/** Sign-in goes through the organization's identity provider (SAML SSO), with MFA there. */
export interface SsoAttestationProps extends AttestationProps {
  /** The identity provider, e.g. "Okta" or "Microsoft Entra ID". */
  readonly identityProvider: string;
}

/** Unauthenticated users wait in the lobby, or are blocked, on every site (no API: site-wide lobby policy). */
export interface SiteLobbyAttestationProps extends AttestationProps {
  readonly unauthenticatedUsers: 'lobby' | 'blocked';
}

/** Who may watch and download recordings (no API for recording policy). */
export interface RecordingAccessAttestationProps extends AttestationProps {
  /** Who may access recordings, e.g. "host and invited internal users". */
  readonly accessRestrictedTo: string;
  /** Whether recordings may be downloaded. */
  readonly downloadAllowed: boolean;
}

/** Where the org's data is stored. */
export interface DataResidencyAttestationProps extends AttestationProps {
  /** The data region, e.g. "United States". */
  readonly region: string;
}

/** The Business Associate Agreement with Cisco (45 CFR 164.308(b)(1), 164.314(a)). */
export interface BaaAttestationProps extends AttestationProps {
  /** The Cisco offer or plan the BAA belongs to. */
  readonly plan: string;
  /** The products the BAA covers, e.g. ["Webex Meetings", "Webex Messaging"]. */
  readonly productsCovered: readonly string[];
  /** When the BAA was signed, YYYY-MM-DD. */
  readonly signedOn: string;
}

/** AI assistant, transcription and summaries: covered by the BAA, or disabled. */
export interface AiAssistantAttestationProps extends AttestationProps {
  readonly status: 'disabled' | 'covered-by-baa';
}

/** End-to-end encryption is enabled on these Meetings sites (no API: Control Hub only). */
export interface SiteE2eeAttestationProps extends AttestationProps {
  /** The sites on which E2EE is enabled. */
  readonly siteUrls: readonly string[];
}

/**
 * The manual attestations of an org. Each control is optional here; the ones listed in `required`
 * appear in every plan, as missing until attested.
 */
export interface AttestationsProps {
  /**
   * The controls that must be attested.
   *
   * @default - all of them: messageRetention, recordingRetention, idleTimeout, ssoEnforcement,
   * siteLobbyPolicy, recordingAccess, dataResidency, businessAssociateAgreement, aiAssistantCoverage,
   * siteEndToEndEncryption
   */
  readonly required?: readonly AttestationControl[];

  /** @default - not attested */
  readonly messageRetention?: RetentionAttestationProps;
  /** @default - not attested */
  readonly recordingRetention?: RetentionAttestationProps;
  /** @default - not attested */
  readonly idleTimeout?: IdleTimeoutAttestationProps;
  /** @default - not attested */
  readonly ssoEnforcement?: SsoAttestationProps;
  /** @default - not attested */
  readonly siteLobbyPolicy?: SiteLobbyAttestationProps;
  /** @default - not attested */
  readonly recordingAccess?: RecordingAccessAttestationProps;
  /** @default - not attested */
  readonly dataResidency?: DataResidencyAttestationProps;
  /** @default - not attested */
  readonly businessAssociateAgreement?: BaaAttestationProps;
  /** @default - not attested */
  readonly aiAssistantCoverage?: AiAssistantAttestationProps;
  /** @default - not attested */
  readonly siteEndToEndEncryption?: SiteE2eeAttestationProps;
}

const BASE_PROPS = ['attestedBy', 'attestedOn', 'reference', 'expires'] as const;

/** Manual attestations, declared explicitly in a WebexOrg (wins over a HipaaBaseline), or created by the baseline. */
export class Attestations extends OrgControl<'attestations'> {
  readonly settings: Omit<AttestationsEntry, 'path'>;

  constructor(scope: Construct, id: string, props: AttestationsProps = {}) {
    super(scope, id, 'attestations', 'Attestations', 'attestations');
    const { owner, prefix } = this;
    checkProps(owner, prefix.replace(/\.$/, ''), props, ['required', ...ATTESTATION_CONTROLS], this);

    const required = props.required ?? ATTESTATION_CONTROLS;
    if (!Array.isArray(required)) throw invalidProp(owner, `${prefix}required`, required, 'a list of attestation controls', this);
    required.forEach((control, i) => {
      if (!ATTESTATION_CONTROLS.includes(control)) throw unknownAttestation(owner, `${prefix}required[${i}]`, control, ATTESTATION_CONTROLS, this);
      if (required.indexOf(control) !== i) throw invalidProp(owner, `${prefix}required`, required, 'a list of attestation controls without repeats', this);
    });

    const settings: Omit<AttestationsEntry, 'path'> = { required: [...required] };
    for (const control of ATTESTATION_CONTROLS) {
      const record = props[control];
      if (record !== undefined) Object.assign(settings, { [control]: this.record(control, record, `${prefix}${control}`) });
    }
    this.settings = settings;
  }

  renderOrgSetting(): AttestationsEntry {
    return { path: this.node.path, ...structuredClone(this.settings) };
  }

  /** Splits flat props into the manifest's record (who, when, reference, expiry) and its details. */
  private record(control: AttestationControl, props: AttestationProps, at: string) {
    const owner = this.owner;
    const detailKeys = attestationDetailFields(control);
    if (!isPlainObject(props)) throw invalidProp(owner, at, props, 'an object', this);
    for (const key of Object.keys(props)) {
      if (!(BASE_PROPS as readonly string[]).includes(key) && !detailKeys.includes(key)) throw unknownProp(owner, `${at}.${key}`, [...BASE_PROPS, ...detailKeys], this);
    }
    for (const key of ['attestedBy', 'reference'] as const) {
      if (props[key] === undefined) throw invalidProp(owner, `${at}.${key}`, undefined, 'a non-empty string', this);
      checkString(owner, `${at}.${key}`, props[key], this);
    }
    for (const key of ['attestedOn', 'expires'] as const) {
      if (props[key] === undefined) throw invalidProp(owner, `${at}.${key}`, undefined, 'a date as YYYY-MM-DD', this);
      checkDate(owner, `${at}.${key}`, props[key], this);
    }
    if (props.expires <= props.attestedOn) throw attestationExpiresBeforeAttested(owner, at, props.attestedOn, props.expires, this);

    const raw = props as unknown as Record<string, unknown>;
    const details = Object.fromEntries(detailKeys.filter((k) => raw[k] !== undefined).map((k) => [k, Array.isArray(raw[k]) ? [...(raw[k] as unknown[])] : raw[k]]));
    const checked = checkAttestationDetails(control, details);
    if (!checked.ok) throw invalidProp(owner, `${at}.${checked.field}`, raw[checked.field], checked.allowed, this);
    return { attestedBy: props.attestedBy.trim(), attestedOn: props.attestedOn, reference: props.reference.trim(), expires: props.expires, details: checked.details };
  }
}
