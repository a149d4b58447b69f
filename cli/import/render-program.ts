import { typescriptComment } from '../../manifest/text';
import { BASELINE_ID } from './construct-org';
import type { ImportDeclaration } from './declare-org';
import type { ImportObservation } from './observation';
import { commentLines, printNode, printString } from './source-node';

export interface RenderOptions {
  /** The module the program imports the constructs from, e.g. `./constructs`. */
  readonly constructsModule: string;
}

/**
 * Pure: the cdktf program of an imported org, a drop-in replacement for main.ts. The same declaration
 * and observation always give the same text (the import time is part of the observation).
 */
export function renderProgram(declaration: ImportDeclaration, observation: ImportObservation, options: RenderOptions): string {
  const { shape } = declaration;
  const host = new URL(observation.baseUrl).host;
  const header = [
    `${shape.org.name}, as \`webex-iac import\` read it.`,
    '',
    `Imported:   ${observation.importedAt.toISOString()}`,
    `From:       ${host} (WEBEX_BASE_URL)`,
    `Org id:     ${shape.org.orgId}`,
    `Sites:      ${shape.sites.map((s) => s.siteUrl).join(', ') || 'none'}`,
    `Tool:       webex-iac ${observation.toolVersion}`,
    '',
    'This program declares the org as it was found, so that `webex-iac synth` then `webex-iac plan` against',
    'the same org show no changes for every setting webex-iac can read: site meeting security, each host\'s',
    'lobby and end-to-end encryption session type, admin roles. Values that differ from the HIPAA baseline',
    'are marked "HIPAA default: ..."; harden them in reviewed pull requests, one change at a time.',
    '',
    'Not imported, because Webex has no API to read them:',
    '- the org password policy and MFA: the baseline declares its HIPAA values, which the first apply',
    '  enforces (plan shows each as "enforce", write-only);',
    '- the manual attestations: TODOs below, "missing" in every plan until filled in.',
    '',
    'Until hardened the org fails the HIPAA policy pack: synthesize with `webex-iac synth --allow-noncompliant`.',
    '',
    'Stack options from the environment, as in main.ts: WEBEX_IAC_APPLY_RESOURCE (`null_resource` or',
    '`terraform_data`) and WEBEX_IAC_APPLY_COMMAND.',
  ];
  const lines: string[] = [
    '/**',
    ...header.map((line) => (line === '' ? ' *' : ` * ${typescriptComment(line)}`)),
    ' */',
    "import { App } from 'cdktf';",
    `import { APPLY_RESOURCE_KINDS, ApplyResourceKind, HipaaBaseline, MeetingSite, WebexOrg, WebexStack } from ${printString(options.constructsModule)};`,
    '',
    'const app = new App();',
    '',
    `const stack = new WebexStack(app, ${printString(shape.stackId)}, {`,
    '  applyResource: applyResourceFromEnv(process.env.WEBEX_IAC_APPLY_RESOURCE),',
    '  applyCommand: process.env.WEBEX_IAC_APPLY_COMMAND || undefined,',
    '});',
    '',
    `const org = new WebexOrg(stack, ${printString(shape.org.constructId)}, { name: ${printString(shape.org.name)}, orgId: ${printString(shape.org.orgId)} });`,
    ...shape.sites.map((site) => `new MeetingSite(org, ${printString(site.constructId)}, { siteUrl: ${printString(site.siteUrl)} });`),
    '',
    ...commentLines(
      [
        'The HIPAA baseline, holding the values found where they differ from its defaults. The org password policy',
        'and MFA are not set here: Webex cannot read them, so the baseline\'s HIPAA values (PasswordPolicyProps,',
        'MultiFactorAuthenticationProps) are declared as they are and enforced by the first apply. Set passwordPolicy',
        'or mfa below to enforce other values.',
      ],
      '',
    ),
    `new HipaaBaseline(org, ${printString(BASELINE_ID)}, ${printNode(declaration.baseline)});`,
    '',
    'app.synth();',
    '',
    'function applyResourceFromEnv(value: string | undefined): ApplyResourceKind | undefined {',
    "  if (value === undefined || value === '') return undefined;",
    '  const kind = APPLY_RESOURCE_KINDS.find((k) => k === value);',
    '  if (kind === undefined) {',
    "    throw new Error(`WEBEX_IAC_APPLY_RESOURCE must be one of ${APPLY_RESOURCE_KINDS.join(', ')}, received: ${JSON.stringify(value)}`);",
    '  }',
    '  return kind;',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

