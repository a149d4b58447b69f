import { declareImport } from '../../cli/import/declare-org';
import { generateImport } from '../../cli/import/generate';
import { plainValue } from '../../cli/import/source-node';
import { verifyDeclaration } from '../../cli/import/verify-declaration';
import { ATTESTATION_CONTROLS, PREFERENCE_CONTROL_KEYS, SITE_CONTROLS } from '../../manifest';
import { E2EE, hardenedHost, HostSpec, observation, SAFE_SECURITY, SiteSpec } from './fixtures';

const SITE = 'clinic.webex.com';
const hosts = (n: number, spec: Omit<HostSpec, 'email'> = {}, prefix = 'host'): HostSpec[] =>
  Array.from({ length: n }, (_, i) => ({ ...hardenedHost(`${prefix}${String(i + 1).padStart(2, '0')}@clinic.example`), ...spec }));
const props = (sites: SiteSpec[], extra: Parameters<typeof observation>[0] extends infer T ? Omit<T & object, 'sites'> : never = {}) => plainValue(declareImport(observation({ sites, ...extra })).baseline) as Record<string, unknown>;

describe('webex-iac import: the generator (observation → program)', () => {
  describe('only the values that differ from the HIPAA baseline', () => {
    test('a hardened org declares nothing but its attestations TODOs', () => {
      // GIVEN a site with the HIPAA values, every host hardened and holding the E2EE type
      const result = props([{ siteUrl: SITE, hosts: hosts(4) }]);
      // THEN
      expect(result).toEqual({ attestations: {} });
    });

    test('meeting security declares each option that differs, marked with its HIPAA default', () => {
      const security = { ...SAFE_SECURITY, joinBeforeHost: true, 'passwordCriteria.minLength': 8 };
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, security, hosts: hosts(2) }] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ meetingSecurity: { joinBeforeHost: true, passwordCriteria: { minLength: 8 } } });
      expect(Object.keys((plainValue(generated.declaration.baseline) as { meetingSecurity: object }).meetingSecurity)).toEqual(['joinBeforeHost', 'passwordCriteria']);
      expect(generated.source).toContain('    joinBeforeHost: true, // HIPAA default: false\n');
      expect(generated.source).toContain('      minLength: 8, // HIPAA default: 12\n');
    });

    test('a deny-list with the default values in another order, or repeated, is not a difference', () => {
      const security = { ...SAFE_SECURITY, 'passwordCriteria.disallowValues': ['letmein', 'qwerty', '123456', 'webex', 'password', 'webex'] };
      expect(props([{ siteUrl: SITE, security, hosts: hosts(1) }])).toEqual({ attestations: {} });
    });

    test('the current admins become the allow-list, each with its roles; nothing else of the org-level controls is declared', () => {
      const generated = generateImport(
        observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }], admins: [{ email: 'b.admin@clinic.example', roles: ['User Administrator'] }, { email: 'a.admin@clinic.example', roles: ['Full Administrator'] }] }),
      );
      expect(plainValue(generated.declaration.baseline)).toEqual({ adminAccess: { allowedAdmins: ['a.admin@clinic.example', 'b.admin@clinic.example'] }, attestations: {} });
      expect(generated.source).toContain("      'a.admin@clinic.example', // Full Administrator\n");
    });
  });

  describe('per-host settings, grouped', () => {
    test('the common value is declared once, even when it is not the HIPAA default, and the exceptions are exempt, grouped by what differs', () => {
      // GIVEN 6 hosts locking after 10 minutes, 2 with auto-lock off, 1 with join before host on
      const site: SiteSpec = {
        siteUrl: SITE,
        hosts: [
          ...hosts(6, { lobby: [true, 10, true, false] }),
          ...hosts(2, { lobby: [false, 0, false, false] }, 'open'),
          ...hosts(1, { lobby: [true, 10, true, true] }, 'early'),
        ],
      };
      const generated = generateImport(observation({ sites: [site] }));
      // THEN
      expect(plainValue(generated.declaration.baseline)).toMatchObject({
        hostLobby: { autoLockMinutes: 10, hosts: { exemptEmails: ['open01@clinic.example', 'open02@clinic.example', 'early01@clinic.example'] } },
      });
      expect(generated.source).toContain('        // personal room auto-lock off, lobby notification off (2 hosts)\n');
      expect(generated.source).toContain('        // join before host on (1 host)\n');
      expect(generated.notes).toContainEqual(expect.objectContaining({ level: 'warning', control: 'hostLobby', siteUrl: SITE, message: expect.stringMatching(/^3 of 9 hosts differ .*: 2 with personal room auto-lock off, lobby notification off; 1 with join before host on$/) }));
      expect(generated.declaration.summary.sites[0]).toMatchObject({ hosts: 9, hostLobby: { managed: 6, exempt: 3 } });
    });

    test('when most hosts have auto-lock off, that is what is declared (adoption first), without a lock delay; a stricter host needs no exemption (a floor keeps it)', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(3, { lobby: [false, 0, true, false] }), ...hosts(1, {}, 'safe')] };
      expect(props([site])).toMatchObject({ hostLobby: { enabledAutoLock: false } });
      expect((props([site]).hostLobby as Record<string, unknown>).hosts).toBeUndefined();
      expect((props([site]).hostLobby as Record<string, unknown>).autoLockMinutes).toBeUndefined();
    });

    test('several sites: the value most sites share is org-wide, each site lists its own exceptions', () => {
      const sites: SiteSpec[] = [
        { siteUrl: 'a.webex.com', hosts: [...hosts(3, { lobby: [true, 10, true, false] }), ...hosts(1, { lobby: [false, 0, false, false] }, 'open')] },
        { siteUrl: 'b.webex.com', hosts: hosts(2, { lobby: [true, 10, true, false] }) },
        { siteUrl: 'c.webex.com', hosts: hosts(2, { lobby: [true, 15, true, false] }) },
      ];
      expect(props(sites)).toMatchObject({
        hostLobby: { autoLockMinutes: 10 },
        hostLobbySiteOverrides: { 'a.webex.com': { hosts: { exemptEmails: ['open01@clinic.example'] } }, 'c.webex.com': { autoLockMinutes: 15 } },
      });
    });

    test('an org-wide lock delay that would reach a site whose hosts have auto-lock off is kept per site instead', () => {
      // GIVEN two sites locking after 10 minutes and one whose hosts have auto-lock off
      const sites: SiteSpec[] = [
        { siteUrl: 'a.webex.com', hosts: hosts(2, { lobby: [true, 10, true, false] }) },
        { siteUrl: 'b.webex.com', hosts: hosts(2, { lobby: [true, 10, true, false] }) },
        { siteUrl: 'c.webex.com', hosts: hosts(2, { lobby: [false, 0, true, false] }) },
      ];
      const obs = observation({ sites });
      const declaration = declareImport(obs);
      const baseline = plainValue(declaration.baseline) as Record<string, unknown>;
      // THEN the delay is not org-wide (HostLobby would declare it for site c too), and the plan is empty
      expect(baseline.hostLobby).toBeUndefined();
      expect(baseline.hostLobbySiteOverrides).toEqual({ 'a.webex.com': { autoLockMinutes: 10 }, 'b.webex.com': { autoLockMinutes: 10 }, 'c.webex.com': { enabledAutoLock: false } });
      expect(verifyDeclaration(declaration.shape, baseline, obs.observed, obs.importedAt).residual).toEqual([]);
    });

    test('a host whose value cannot be declared is exempt and the reason is written', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(2), { email: 'odd@clinic.example', lobby: [true, null, true, false], types: ['3', E2EE] }] };
      const generated = generateImport(observation({ sites: [site] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ hostLobby: { hosts: { exemptEmails: ['odd@clinic.example'] } } });
      expect(generated.source).toContain('// a value that cannot be declared: personal room auto-lock on without a lock delay (Webex returned none) (1 host)');
    });

    test('a site where no host\'s lobby can be declared is left unmanaged, with a warning', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [{ email: 'odd@clinic.example', lobby: [true, 7, true, false], types: ['3', E2EE] }] };
      const generated = generateImport(observation({ sites: [site] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ unmanagedSiteControls: { [SITE]: ['hostLobby'] } });
      expect(generated.notes).toContainEqual(expect.objectContaining({ level: 'warning', control: 'hostLobby', message: expect.stringContaining('autoLockMinutes must be one of 0, 5, 10, 15, 20') }));
    });
  });

  describe('per-host preference controls (catalogue preferenceControl entries)', () => {
    test.each([...PREFERENCE_CONTROL_KEYS])('%s: hosts whose flag is not HIPAA-safe are exempt, the rest keep the safe default, and the round trip plans nothing', (key) => {
      const [field, flag] = Object.entries(SITE_CONTROLS[key].preferences)[0]!;
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(3), { ...hardenedHost('open01@clinic.example'), flags: { [field]: !flag.safe } }] };
      const generated = generateImport(observation({ sites: [site] }));
      expect(props([site])).toMatchObject({ [SITE_CONTROLS[key].baselineProps.orgWide]: { hosts: { exemptEmails: ['open01@clinic.example'] } } });
      expect(generated.notes).toContainEqual(expect.objectContaining({ level: 'warning', control: key, message: `1 of 4 hosts have ${field} ${!flag.safe} and are exempt (hosts.exemptEmails)` }));
      expect(generated.verification.residual).toEqual([]);
    });
  });

  describe('end-to-end encryption session type', () => {
    test('most hosts have it: every host is selected but those without it', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(3), ...hosts(1, { types: ['3'] }, 'plain')] };
      expect(props([site])).toEqual({ endToEndEncryption: { hosts: { exemptEmails: ['plain01@clinic.example'] } }, attestations: {} });
    });

    test('a minority has it: only those are selected, and the others are reported', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(1), ...hosts(3, { types: ['3'] }, 'plain')] };
      const generated = generateImport(observation({ sites: [site] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ endToEndEncryption: { hosts: { emails: ['host01@clinic.example'] } } });
      expect(generated.notes).toContainEqual(expect.objectContaining({ level: 'warning', control: 'endToEndEncryption', message: expect.stringContaining('only 1 of 4 hosts have the E2EE session type') }));
    });

    test('nobody has it: the control is left unmanaged on the site rather than assigned to everyone', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(3, { types: ['3'] }) }] }));
      expect(plainValue(generated.declaration.baseline)).toEqual({ unmanagedSiteControls: { [SITE]: ['endToEndEncryption'] }, attestations: {} });
      expect(generated.source).toContain('// endToEndEncryption: no host has the site\'s E2EE session type "Pro 3.0 End to End Encryption_VOIPonly" (PRO3E2E) (declaring it would assign it to all 3 hosts).');
    });

    test('a site without an E2EE session type is left unmanaged (declaring it would fail the plan)', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1, { types: ['3'] }), sessionTypes: [{ id: '3', shortName: 'PRO', name: 'Pro Meeting' }] }] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ unmanagedSiteControls: { [SITE]: ['endToEndEncryption'] } });
      expect(generated.notes.find((n) => n.control === 'endToEndEncryption')?.message).toContain('the site has no session type whose name contains "End to End Encryption"');
    });

    test('two E2EE session types: the one the hosts have is named by its short name', () => {
      const sessionTypes = [{ id: '3', shortName: 'PRO', name: 'Pro Meeting' }, { id: '628', shortName: 'PRO3E2E', name: 'Pro End to End Encryption' }, { id: '700', shortName: 'WBNE2E', name: 'Webinar End to End Encryption' }];
      const site: SiteSpec = { siteUrl: SITE, hosts: hosts(2, { types: ['3', '700'] }), sessionTypes };
      expect(props([site])).toMatchObject({ endToEndEncryption: { sessionTypeShortName: 'WBNE2E' } });
    });
  });

  describe('what cannot be expressed is reported', () => {
    test('a site whose meeting security cannot be declared is unmanaged, with the constructs\' reason', () => {
      const security = { ...SAFE_SECURITY, 'passwordCriteria.minLength': 20 };
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, security, hosts: hosts(1) }] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ unmanagedSiteControls: { [SITE]: ['meetingSecurity'] } });
      expect(generated.notes).toContainEqual(expect.objectContaining({ level: 'warning', control: 'meetingSecurity', siteUrl: SITE, message: expect.stringContaining('passwordCriteria.minLength must be an integer from 0 to 12, received: 20') }));
      expect(generated.source).toContain('// meetingSecurity: its meeting security cannot be declared as it is: MeetingSecurity passwordCriteria.minLength must be an integer from 0 to 12, received: 20.');
    });

    test('sites with different meeting security: the most common org-wide, the others as overrides', () => {
      const open = { ...SAFE_SECURITY, joinBeforeHost: true, unlistAllMeetings: false };
      const sites: SiteSpec[] = [
        { siteUrl: 'a.webex.com', security: open, hosts: hosts(1) },
        { siteUrl: 'b.webex.com', security: open, hosts: hosts(1) },
        { siteUrl: 'c.webex.com', hosts: hosts(1) },
      ];
      expect(props(sites)).toMatchObject({ meetingSecurity: { joinBeforeHost: true, unlistAllMeetings: false }, siteOverrides: { 'c.webex.com': { joinBeforeHost: false, unlistAllMeetings: true } } });
    });
  });

  describe('write-only settings and attestations', () => {
    test('the password policy and MFA are not declared: the notes say they are enforced by the baseline, never that they were read', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }] }));
      const baseline = plainValue(generated.declaration.baseline) as Record<string, unknown>;
      expect(baseline.passwordPolicy).toBeUndefined();
      expect(baseline.mfa).toBeUndefined();
      expect(generated.notes.filter((n) => n.control === 'passwordPolicy' || n.control === 'mfa').map((n) => n.message)).toEqual([
        expect.stringMatching(/^write-only: Webex has no API to read it, so its live value is unknown; .* "enforce" \(minimumLength 12,/),
        expect.stringMatching(/^write-only: .* "enforce" \(mfaEnabled true\)$/),
      ]);
      expect(generated.verification.plan.changes.map((c) => [c.setting, c.action, c.writeOnly])).toEqual([
        ['passwordPolicy', 'enforce', true],
        ['mfa', 'enforce', true],
      ]);
    });

    test('every attestation is a commented-out TODO: the program declares none, so each shows as missing', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }] }));
      expect(plainValue(generated.declaration.baseline)).toMatchObject({ attestations: {} });
      for (const control of ATTESTATION_CONTROLS) {
        expect(generated.source).toContain(`    // ${control}: { attestedBy: TODO, attestedOn: TODO, reference: TODO, expires: TODO,`);
      }
      expect(generated.source.match(/\/\/ TODO\(attestation\) /g)).toHaveLength(ATTESTATION_CONTROLS.length);
      expect(generated.verification.plan.attestations.map((a) => a.status)).toEqual(ATTESTATION_CONTROLS.map(() => 'missing'));
    });
  });

  describe('the program', () => {
    test('the header says when, from where, which org and which tool version', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }], orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x' }));
      expect(generated.source.split('\n').slice(0, 8)).toEqual([
        '/**',
        ' * Riverside Family Clinic, as `webex-iac import` read it.',
        ' *',
        ' * Imported:   2026-11-02T09:30:00.000Z',
        ' * From:       webexapis.com (WEBEX_BASE_URL)',
        ' * Org id:     Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x',
        ` * Sites:      ${SITE}`,
        ' * Tool:       webex-iac 9.9.9',
      ]);
      expect(generated.source).toContain("const org = new WebexOrg(stack, 'RiversideFamilyClinic', { name: 'Riverside Family Clinic', orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x' });");
      expect(generated.source).toContain("new MeetingSite(org, 'Clinic', { siteUrl: 'clinic.webex.com' });");
      expect(generated.source).toContain("const stack = new WebexStack(app, 'riverside-family-clinic', {");
    });

    test('names from Webex cannot break out of a comment or a string', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }], orgName: "O'Neil */ Clinic" }));
      expect(generated.source).toContain(" * O'Neil *\\/ Clinic, as `webex-iac import` read it.");
      expect(generated.source).toContain("name: 'O\\'Neil */ Clinic'");
      expect(generated.source.match(/\*\//g)).toHaveLength(2); // the header's end, and the name inside its string
    });

    test('deterministic: the same org read in another order gives the same text, byte for byte', () => {
      const site: SiteSpec = { siteUrl: SITE, hosts: [...hosts(5, { lobby: [true, 10, true, false] }), ...hosts(2, { lobby: [false, 0, false, true] }, 'open')] };
      const first = generateImport(observation({ sites: [site, { siteUrl: 'b.webex.com', hosts: hosts(2, { types: ['3'] }) }], admins: [{ email: 'z@clinic.example', roles: ['Full Administrator'] }, { email: 'a@clinic.example', roles: ['Full Administrator'] }] })).source;
      const reversed = generateImport(
        observation({ sites: [{ siteUrl: 'b.webex.com', hosts: [...hosts(2, { types: ['3'] })].reverse() }, { ...site, hosts: [...site.hosts].reverse() }], admins: [{ email: 'a@clinic.example', roles: ['Full Administrator'] }, { email: 'z@clinic.example', roles: ['Full Administrator'] }] }),
      ).source;
      expect(reversed).toBe(first);
      expect(generateImport(observation({ sites: [site] })).source).toBe(generateImport(observation({ sites: [site] })).source);
    });

    test('--stack and the constructs module are used as given', () => {
      const generated = generateImport(observation({ sites: [{ siteUrl: SITE, hosts: hosts(1) }] }), { stackId: 'clinic', constructsModule: '../constructs' });
      expect(generated.source).toContain("const stack = new WebexStack(app, 'clinic', {");
      expect(generated.source).toContain("from '../constructs';");
    });
  });

  describe('the round trip is proved before anything is written', () => {
    test('the imported declaration plans no change of a readable setting against what was read', () => {
      const site: SiteSpec = { siteUrl: SITE, security: { ...SAFE_SECURITY, requireStrongPassword: false }, hosts: [...hosts(4, { lobby: [true, 10, true, false] }), ...hosts(2, { lobby: [false, 0, false, true], types: ['3'] }, 'open')] };
      const generated = generateImport(observation({ sites: [site] }));
      expect(generated.verification.residual).toEqual([]);
      // … and each of the 6 hosts once per per-host preference control.
      expect(generated.verification.plan.summary.unchangedSettings).toBe(1 + 4 + 4 + 1 + 1 + 6 * PREFERENCE_CONTROL_KEYS.length);
    });

    test('fails: the HIPAA defaults instead of the imported values would plan changes (what the verification catches)', () => {
      const obs = observation({ sites: [{ siteUrl: SITE, hosts: hosts(3, { lobby: [false, 0, false, false], types: ['3'] }) }] });
      const declaration = declareImport(obs);
      const residual = verifyDeclaration(declaration.shape, {}, obs.observed, obs.importedAt).residual;
      expect(residual.map((c) => c.setting).sort()).toEqual(['endToEndEncryption', 'endToEndEncryption', 'endToEndEncryption', 'hostLobby', 'hostLobby', 'hostLobby']);
    });
  });
});
