import { spawnSync } from 'node:child_process';
import { Testing } from 'cdktf';
import {
  applyCommandLine,
  buildManifest,
  escapeTerraformTemplate,
  HipaaBaseline,
  MeetingSite,
  TRIGGER_KEY,
  WebexOrg,
  WebexStack,
  WebexStackProps,
} from '../../constructs';
import { orgEntryHash } from '../../manifest';
import { newStack } from '../constructs/fixtures';

interface ApplyResource {
  triggers?: Record<string, string>;
  triggers_replace?: Record<string, string>;
  provisioner: Array<{ 'local-exec': { command: string } }>;
}

interface TerraformJson {
  provider?: Record<string, unknown>;
  resource: Record<string, Record<string, ApplyResource>>;
  terraform?: { required_providers?: Record<string, unknown> };
}

function clinicStack(props: WebexStackProps = {}, orgName = 'Riverside Family Clinic'): WebexStack {
  const stack = newStack(props);
  const org = new WebexOrg(stack, 'Org', { name: orgName });
  new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
  new HipaaBaseline(org, 'HipaaBaseline');
  return stack;
}

function synthJson(stack: WebexStack): TerraformJson {
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

/** The apply resources of a synthesized stack, whatever their type. */
function applyResources(json: TerraformJson): ApplyResource[] {
  return Object.values(json.resource).flatMap((byName) => Object.values(byName));
}

function trigger(resource: ApplyResource): string | undefined {
  return (resource.triggers ?? resource.triggers_replace)?.[TRIGGER_KEY];
}

describe.each(['null_resource', 'terraform_data'] as const)('Terraform JSON with applyResource %s', (applyResource) => {
  test('matches the snapshot', () => {
    expect(Testing.synth(clinicStack({ applyResource }))).toMatchSnapshot();
  });

  test('declares one apply resource per org, of the chosen type', () => {
    const stack = clinicStack({ applyResource });
    new WebexOrg(stack, 'Second', { name: 'Second Clinic' });
    const json = synthJson(stack);
    expect(Object.keys(json.resource)).toEqual([applyResource]);
    expect(Object.keys(json.resource[applyResource]!)).toHaveLength(2);
  });

  test('the trigger is the sha256 of the org manifest entry', () => {
    const stack = clinicStack({ applyResource });
    new WebexOrg(stack, 'Second', { name: 'Aardvark Health' });
    const manifest = buildManifest(stack);
    const json = synthJson(stack);
    const triggers = applyResources(json).map(trigger).sort();
    expect(triggers).toEqual(manifest.orgs.map(orgEntryHash).sort());
    expect(triggers[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the trigger reflects the final tree (sites added after the org)', () => {
    const stack = newStack({ applyResource });
    const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
    const before = orgEntryHash(buildManifest(stack).orgs[0]!);
    new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
    const [resource] = applyResources(synthJson(stack));
    expect(trigger(resource!)).not.toBe(before);
    expect(trigger(resource!)).toBe(orgEntryHash(buildManifest(stack).orgs[0]!));
  });

  test('the trigger changes when a setting changes, and only then', () => {
    const declare = (unlistAllMeetings: boolean) => {
      const stack = newStack({ applyResource });
      const org = new WebexOrg(stack, 'Org', { name: 'Riverside Family Clinic' });
      new MeetingSite(org, 'Site', { siteUrl: 'riverside-clinic.webex.com' });
      new HipaaBaseline(org, 'HipaaBaseline', { meetingSecurity: { unlistAllMeetings } });
      return trigger(applyResources(synthJson(stack))[0]!);
    };
    expect(declare(true)).toBe(declare(true));
    expect(declare(false)).not.toBe(declare(true));
  });

  test('the provisioner runs the default apply command for the org', () => {
    const [resource] = applyResources(synthJson(clinicStack({ applyResource })));
    expect(resource!.provisioner).toEqual([
      { 'local-exec': { command: "npx --no-install webex-iac apply --manifest webex-manifest.json --org 'Riverside Family Clinic' --auto-approve" } },
    ]);
  });

  test('the provisioner uses applyCommand verbatim', () => {
    const [resource] = applyResources(synthJson(clinicStack({ applyResource, applyCommand: '"/usr/bin/node" "/opt/webex iac/cli/bin.js"' })));
    expect(resource!.provisioner[0]!['local-exec'].command).toBe(
      `"/usr/bin/node" "/opt/webex iac/cli/bin.js" apply --manifest webex-manifest.json --org 'Riverside Family Clinic' --auto-approve`,
    );
  });
});

describe('providers', () => {
  test('null_resource mode declares the null provider', () => {
    const json = synthJson(clinicStack());
    expect(json.provider).toEqual({ null: [{}] });
    expect(json.terraform?.required_providers).toEqual({ null: { source: 'null', version: '3.2.4' } });
  });

  test('null_resource is the default', () => {
    expect(clinicStack().applyResource).toBe('null_resource');
    expect(Object.keys(synthJson(clinicStack()).resource)).toEqual(['null_resource']);
  });

  test('terraform_data mode declares no provider at all', () => {
    const text = Testing.synth(clinicStack({ applyResource: 'terraform_data' }));
    expect(text).not.toMatch(/provider/);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['resource']);
  });
});

describe('command quoting', () => {
  const NASTY = `O'Brien "Clinic"; rm -rf /`;

  test('single-quotes the org name for the shell', () => {
    const [resource] = applyResources(synthJson(clinicStack({}, NASTY)));
    expect(resource!.provisioner[0]!['local-exec'].command).toBe(
      `npx --no-install webex-iac apply --manifest webex-manifest.json --org 'O'\\''Brien "Clinic"; rm -rf /' --auto-approve`,
    );
  });

  test('fails on Terraform template sequences in the org name: cdktf and Terraform would rewrite the name the command passes', () => {
    expect(() => clinicStack({}, 'Clinic ${path.cwd} %{if true}x%{endif} $${HOME}')).toThrow(/WebexOrg name must be the org display name without "\$\{", "%\{" or "#\{"/);
  });

  test.each([NASTY, `it's $(id) \`id\` $HOME \\ \n done`, "'", "''", 'plain'])('/bin/sh passes org name %p as one argument', (name) => {
    // GIVEN a command line whose CLI prints its arguments as JSON
    const line = applyCommandLine(`"${process.execPath}" -e "process.stdout.write(JSON.stringify(process.argv.slice(1)))" --`, name);
    // WHEN the shell runs it
    const run = spawnSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
    // THEN the CLI receives the org name unchanged
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['apply', '--manifest', 'webex-manifest.json', '--org', name, '--auto-approve']);
  });

  test('escapeTerraformTemplate leaves other dollar and percent signs alone', () => {
    expect(escapeTerraformTemplate('$HOME 100% $ { % {')).toBe('$HOME 100% $ { % {');
    expect(escapeTerraformTemplate('${a}%{b}')).toBe('$${a}%%{b}');
  });
});

describe('stack props', () => {
  test('fails on an unknown applyResource', () => {
    expect(() => newStack({ applyResource: 'local_exec' as never })).toThrow(
      'WebexStack applyResource must be one of "null_resource", "terraform_data", received: "local_exec" (at clinic)',
    );
  });

  test.each(['', '  ', 'webex-iac\nrm -rf /'])('fails on applyCommand %p', (applyCommand) => {
    expect(() => newStack({ applyCommand })).toThrow(
      `WebexStack applyCommand must be a non-empty command on one line, received: ${JSON.stringify(applyCommand)} (at clinic)`,
    );
  });
});
