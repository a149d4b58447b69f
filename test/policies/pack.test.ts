import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS, citation, citationsOf, HIPAA_PACK, levelOf, PROFILE_IDS, RULE_ID_PATTERN } from '../../policies';

const ROOT = join(__dirname, '..', '..');
const RULES = join(ROOT, 'policies', 'rules');

describe('the HIPAA pack', () => {
  test('pins every rule id and its level under each profile', () => {
    expect(HIPAA_PACK.map((r) => `${r.id} ${levelOf(r, 'hipaa-current')} ${levelOf(r, 'hipaa-nprm-2025')}`)).toEqual([
      'WBX.MEET.1v1 SHALL SHALL',
      'WBX.MEET.2v1 SHALL SHALL',
      'WBX.MEET.3v1 SHALL SHALL',
      'WBX.MEET.4v1 SHALL SHALL',
      'WBX.MEET.5v1 SHALL SHALL',
      'WBX.MEET.6v1 SHOULD SHOULD',
      'WBX.MEET.7v1 SHOULD SHOULD',
      'WBX.MEET.8v1 SHOULD SHOULD',
      'WBX.MEET.9v1 SHALL SHALL',
      'WBX.MEET.10v1 SHALL SHALL',
      'WBX.HOST.1v1 SHALL SHALL',
      'WBX.HOST.2v1 SHOULD SHOULD',
      'WBX.HOST.3v1 SHALL SHALL',
      'WBX.HOST.4v1 SHALL SHALL',
      'WBX.HOST.5v1 SHALL SHALL',
      'WBX.ENC.1v1 SHOULD SHALL',
      'WBX.ENC.2v2 SHOULD SHALL',
      'WBX.ENC.3v1 SHALL SHALL',
      'WBX.AUTH.1v1 SHOULD SHALL',
      'WBX.AUTH.2v1 SHOULD SHALL',
      'WBX.AUTH.3v1 SHOULD SHOULD',
      'WBX.AUTH.4v1 SHOULD SHALL',
      'WBX.SESS.1v1 SHOULD SHALL',
      'WBX.PWD.1v1 SHOULD SHALL',
      'WBX.PWD.2v1 SHOULD SHOULD',
      'WBX.ACCT.1v1 SHOULD SHALL',
      'WBX.ADMIN.1v1 SHALL SHALL',
      'WBX.ADMIN.2v1 SHOULD SHALL',
      'WBX.AUDIT.1v1 SHALL SHALL',
      'WBX.REC.1v1 SHALL SHALL',
      'WBX.REC.2v1 SHOULD SHOULD',
      'WBX.RET.1v1 SHALL SHALL',
      'WBX.RET.2v1 SHALL SHALL',
      'WBX.RET.3v1 SHOULD SHOULD',
      'WBX.GOV.1v1 SHALL SHALL',
      'WBX.GOV.2v1 SHALL SHALL',
      'WBX.GOV.3v1 SHOULD SHOULD',
    ]);
  });

  test('the NPRM profile makes MFA and encryption required, citing its proposed paragraphs', () => {
    for (const id of ['WBX.AUTH.1v1', 'WBX.ENC.1v1', 'WBX.ENC.2v2']) {
      const rule = HIPAA_PACK.find((r) => r.id === id)!;
      expect(levelOf(rule, 'hipaa-nprm-2025')).toBe('SHALL');
      expect(citationsOf(rule, 'hipaa-nprm-2025').some((c) => c.edition === 'proposed')).toBe(true);
      expect(citationsOf(rule, 'hipaa-current').every((c) => c.edition === 'in-force')).toBe(true);
    }
  });

  test('every SHALL rule of the current profile cites a required paragraph or a standard, not only addressable ones', () => {
    for (const rule of HIPAA_PACK) {
      const designations = citationsOf(rule, 'hipaa-current').map((c) => citation(c).designation);
      if (rule.level === 'SHALL') expect([rule.id, designations.some((d) => d !== 'addressable')]).toEqual([rule.id, true]);
    }
  });

  test('ids are unique, stable-looking and versioned; their area is the rule area', () => {
    const ids = HIPAA_PACK.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of HIPAA_PACK) {
      const match = RULE_ID_PATTERN.exec(rule.id);
      expect([rule.id, match?.[1]]).toEqual([rule.id, rule.area]);
    }
  });

  test('every citation of every profile is in the catalog', () => {
    for (const rule of HIPAA_PACK) for (const profile of PROFILE_IDS) for (const ref of citationsOf(rule, profile)) expect(() => citation(ref)).not.toThrow();
  });

  test('one rule per file: policies/rules/<area>/<Name>.ts exports the rule named as the file, 20 to 60 lines', () => {
    const files = readdirSync(RULES).flatMap((area) => readdirSync(join(RULES, area)).filter((f) => f !== 'index.ts').map((f) => ({ area, file: f })));
    expect(files.map((f) => `${f.area}/${f.file}`).sort()).toEqual(HIPAA_PACK.map((r) => `${r.area.toLowerCase()}/${r.name}.ts`).sort());
    for (const { area, file } of files) {
      const source = readFileSync(join(RULES, area, file), 'utf8');
      const lines = source.trimEnd().split('\n').length;
      expect([file, lines >= 20 && lines <= 60]).toEqual([file, true]);
      expect(source).toMatch(new RegExp(`export const ${file.replace('.ts', '')}: Rule = \\{`));
    }
  });

  test('every rule is data: title, rationale, remediation, automation class, severity and scope', () => {
    for (const rule of HIPAA_PACK) {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(80);
      expect(rule.remediation.length).toBeGreaterThan(30);
      expect(['automated', 'write-only', 'manual-attestation']).toContain(rule.automation);
      expect(['critical', 'high', 'medium', 'low']).toContain(rule.severity);
      expect(['site', 'org']).toContain(rule.scope);
      expect(Object.keys(AREAS)).toContain(rule.area);
    }
  });

  test('only the BAA rule refuses exceptions', () => {
    expect(HIPAA_PACK.filter((r) => r.exceptions).map((r) => r.id)).toEqual(['WBX.GOV.1v1']);
  });

  test('covers every requirement of the HIPAA guidance for Webex', () => {
    const text = HIPAA_PACK.map((r) => `${r.title} ${r.rationale}`.toLowerCase()).join('\n');
    for (const topic of ['business associate agreement', 'end-to-end encrypt', 'tls', 'multi-factor', 'password policy', 'lock', 'inactive', 'idle', 'lobby', 'unlisted', 'sign in', 'meeting password', 'recording', 'six years', 'dispos', 'audit', 'admin', 'data residency', 'ai assistant']) {
      expect([topic, text.includes(topic)]).toEqual([topic, true]);
    }
  });

  test('policies/ imports neither constructs/ nor cdktf, and no rule does I/O', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    for (const file of walk(join(ROOT, 'policies'))) {
      const source = readFileSync(file, 'utf8');
      const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect([file, imports.filter((s) => s.includes('constructs') || s.startsWith('cdktf') || s.startsWith('@cdktf') || s === 'axios')]).toEqual([file, []]);
      if (file.includes(`${join('policies', 'rules')}`)) expect([file, imports.filter((s) => s.startsWith('node:'))]).toEqual([file, []]);
    }
  });
});
