import { ManifestError, parseManifest } from '../../manifest';

/** A valid hand-written manifest, as a manifest author would start from. */
function handWritten(): Record<string, any> {
  return {
    formatVersion: 1,
    stack: 'clinic',
    orgs: [
      {
        path: 'hand-written/clinic',
        name: 'Riverside Family Clinic',
        settings: {},
        sites: [
          {
            path: 'hand-written/clinic/site',
            siteUrl: 'riverside-clinic.webex.com',
            settings: {
              meetingSecurity: {
                path: 'hand-written/clinic/site/security',
                joinBeforeHost: false,
                requireStrongPassword: true,
                passwordCriteria: { minLength: 12, disallowValues: ['password'] },
              },
            },
          },
        ],
      },
    ],
  };
}

function rejection(mutate: (m: Record<string, any>) => void): string {
  const manifest = handWritten();
  mutate(manifest);
  try {
    parseManifest(manifest, 'webex-manifest.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('expected the manifest to be rejected');
}

const SECURITY = 'orgs[0].sites[0].settings.meetingSecurity';

describe('hand-written manifests', () => {
  test('the starting point is valid', () => {
    expect(() => parseManifest(handWritten())).not.toThrow();
  });

  test.each<[string, (m: Record<string, any>) => void, RegExp]>([
    ['a future formatVersion', (m) => (m.formatVersion = 2), /^webex-manifest\.json: formatVersion: .*\(received 2\)$/],
    ['a missing stack', (m) => delete m.stack, /^webex-manifest\.json: stack: .*\(received nothing\)$/],
    ['an unknown top-level field', (m) => (m.exceptions = []), /^webex-manifest\.json: \(root\): unknown field\(s\) "exceptions"$/],
    ['an empty org name', (m) => (m.orgs[0].name = ''), /^webex-manifest\.json: orgs\[0\]\.name: .*\(received ""\)$/],
    ['a siteUrl with a scheme', (m) => (m.orgs[0].sites[0].siteUrl = 'https://riverside-clinic.webex.com'), /^webex-manifest\.json: orgs\[0\]\.sites\[0\]\.siteUrl: a host name such as example\.webex\.com.*\(received "https:\/\/riverside-clinic\.webex\.com"\)$/],
    ['a site without path', (m) => delete m.orgs[0].sites[0].path, /^webex-manifest\.json: orgs\[0\]\.sites\[0\]\.path: .*\(received nothing\)$/],
    ['a typo in a setting name', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.joinBeforeHosts = false), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}: unknown field\\(s\\) "joinBeforeHosts"$`)],
    ['minLength above 12', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.passwordCriteria.minLength = 20), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}\\.passwordCriteria\\.minLength: .*\\(received 20\\)$`)],
    ['a string where a boolean belongs', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.joinBeforeHost = 'false'), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}\\.joinBeforeHost: .*\\(received "false"\\)$`)],
    ['audioBeforeHost without joinBeforeHost', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.audioBeforeHost = true), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}\\.audioBeforeHost: audioBeforeHost cannot be true while joinBeforeHost is false \\(received true\\)$`)],
    ['passwordCriteria without strong passwords', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.requireStrongPassword = false), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}\\.passwordCriteria: passwordCriteria requires requireStrongPassword to be true`)],
    ['repeated disallowValues', (m) => (m.orgs[0].sites[0].settings.meetingSecurity.passwordCriteria.disallowValues = ['a', 'a']), new RegExp(`^webex-manifest\\.json: ${escape(SECURITY)}\\.passwordCriteria\\.disallowValues: disallowValues must not repeat items`)],
    ['a site declared twice', (m) => m.orgs[0].sites.push({ ...m.orgs[0].sites[0], path: 'hand-written/clinic/again' }), /^webex-manifest\.json: orgs\[0\]\.sites\[1\]\.siteUrl: site riverside-clinic\.webex\.com is declared twice/],
    ['an org declared twice', (m) => m.orgs.push({ ...m.orgs[0], path: 'hand-written/again' }), /^webex-manifest\.json: orgs\[1\]\.name: org Riverside Family Clinic is declared twice/],
  ])('rejects %s, naming the field', (_, mutate, message) => {
    expect(rejection(mutate)).toMatch(message);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
