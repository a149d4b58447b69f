/**
 * The HIPAA paragraphs the pack cites, so that every citation is spelled one way, names what it is and
 * says whether HIPAA requires it. Rules refer to them as `inForce('164.312(a)(1)')` or
 * `proposed('164.312(f)(2)(ii)')`; a test checks that every reference is in this catalog.
 *
 * In force: 45 CFR Part 164 Subpart C as amended through 2013 (the Security Rule) and 164.314/164.316.
 * Proposed: the NPRM "HIPAA Security Rule To Strengthen the Cybersecurity of Electronic Protected Health
 * Information", 90 FR 898 (6 Jan 2025), RIN 0945-AA22, which reorganises 164.312 into more standards and
 * drops the required/addressable distinction. Its paragraph letters are proposals: a final rule may
 * renumber them. Only 164.312 paragraphs are encoded with their proposed letters; where the NPRM
 * redesignates a 164.308 or 164.316 paragraph, the hipaa-nprm-2025 profile keeps the in-force citation.
 */

/** `required` and `addressable` are the Security Rule's own designations; `standard` has none. */
export type Designation = 'standard' | 'required' | 'addressable' | 'proposed';

export interface Citation {
  readonly edition: 'in-force' | 'proposed';
  /** The paragraph of 45 CFR, e.g. `164.312(a)(2)(iv)`. */
  readonly section: string;
  readonly title: string;
  readonly designation: Designation;
}

export interface CitationRef {
  readonly edition: 'in-force' | 'proposed';
  readonly section: string;
}

const IN_FORCE: Readonly<Record<string, { title: string; designation: Exclude<Designation, 'proposed'> }>> = {
  '164.308(a)(1)(ii)(A)': { title: 'Risk analysis', designation: 'required' },
  '164.308(a)(1)(ii)(D)': { title: 'Information system activity review', designation: 'required' },
  '164.308(a)(3)(ii)(C)': { title: 'Termination procedures', designation: 'addressable' },
  '164.308(a)(4)(i)': { title: 'Information access management', designation: 'standard' },
  '164.308(a)(4)(ii)(B)': { title: 'Access authorization', designation: 'addressable' },
  '164.308(a)(4)(ii)(C)': { title: 'Access establishment and modification', designation: 'addressable' },
  '164.308(a)(5)(ii)(C)': { title: 'Log-in monitoring', designation: 'addressable' },
  '164.308(a)(5)(ii)(D)': { title: 'Password management', designation: 'addressable' },
  '164.308(b)(1)': { title: 'Business associate contracts and other arrangements', designation: 'standard' },
  '164.310(d)(2)(i)': { title: 'Disposal', designation: 'required' },
  '164.312(a)(1)': { title: 'Access control', designation: 'standard' },
  '164.312(a)(2)(i)': { title: 'Unique user identification', designation: 'required' },
  '164.312(a)(2)(iii)': { title: 'Automatic logoff', designation: 'addressable' },
  '164.312(a)(2)(iv)': { title: 'Encryption and decryption', designation: 'addressable' },
  '164.312(b)': { title: 'Audit controls', designation: 'standard' },
  '164.312(c)(1)': { title: 'Integrity', designation: 'standard' },
  '164.312(d)': { title: 'Person or entity authentication', designation: 'standard' },
  '164.312(e)(1)': { title: 'Transmission security', designation: 'standard' },
  '164.312(e)(2)(ii)': { title: 'Encryption (transmission)', designation: 'addressable' },
  '164.314(a)(1)': { title: 'Business associate contracts or other arrangements', designation: 'standard' },
  '164.316(b)(1)': { title: 'Documentation', designation: 'standard' },
  '164.316(b)(2)(i)': { title: 'Time limit: retain for 6 years', designation: 'required' },
};

const PROPOSED: Readonly<Record<string, { title: string }>> = {
  '164.312(a)(2)(ii)': { title: 'Administrative and increased access privileges' },
  '164.312(a)(2)(iv)': { title: 'Automatic logoff' },
  '164.312(a)(2)(v)': { title: 'Log-in attempts' },
  '164.312(b)': { title: 'Encryption and decryption (ePHI at rest and in transit)' },
  '164.312(f)(2)(ii)': { title: 'Multi-factor authentication' },
};

export function inForce(section: string): CitationRef {
  return { edition: 'in-force', section };
}

export function proposed(section: string): CitationRef {
  return { edition: 'proposed', section };
}

/** The catalog entry of a reference; throws on a reference that is not in the catalog. */
export function citation(ref: CitationRef): Citation {
  if (ref.edition === 'in-force') {
    const entry = IN_FORCE[ref.section];
    if (entry) return { edition: 'in-force', section: ref.section, ...entry };
  } else {
    const entry = PROPOSED[ref.section];
    if (entry) return { edition: 'proposed', section: ref.section, title: entry.title, designation: 'proposed' };
  }
  throw new Error(`citation ${ref.section} (${ref.edition}) is not in the catalog (policies/citations.ts)`);
}

/** `45 CFR 164.312(a)(1)`, or `proposed 45 CFR 164.312(f)(2)(ii) (90 FR 898)`. */
export function formatCitation(ref: CitationRef): string {
  return ref.edition === 'in-force' ? `45 CFR ${ref.section}` : `proposed 45 CFR ${ref.section} (90 FR 898)`;
}

/** `164.312(a)(1) Access control (standard)`, for tables and help text. */
export function describeCitation(ref: CitationRef): string {
  const c = citation(ref);
  return `${formatCitation(ref)} ${c.title}${c.designation === 'proposed' ? '' : ` (${c.designation})`}`;
}

/** Short form for tables: `164.312(a)(1)`, `164.312(f)(2)(ii)*` (proposed). */
export function shortCitation(ref: CitationRef): string {
  return ref.edition === 'in-force' ? ref.section : `${ref.section}*`;
}
