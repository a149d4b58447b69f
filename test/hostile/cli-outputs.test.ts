import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as ts from 'typescript';
import { join } from 'node:path';
import type { RunningSimulator } from '../../simulator';
import { startRewritingProxy } from '../helpers/rewriting-proxy';
import { runCli } from '../helpers/run-cli';
import { synthesizeMainManifest } from '../helpers/synth-main';
import { ESC, HOSTILE_CORPUS } from './corpus';
import { startClinicWith } from './seeded-simulator';
import { danglingMarkup, htmlStructure, linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';

/**
 * The hostile corpus fed through the simulator into every command's every output format, as a user runs
 * them (the real executable, real HTTP): people's emails and display names (a host, the token's admin,
 * another admin, an idle account), every trackingId Webex sends, and a Webex error body. The same run with
 * benign names is the reference: a payload is inert when the hostile output has the reference's markup.
 */
const TOKEN = 'hostile-cli-token-8e2a';
const ORG = 'Riverside Family Clinic';
const NAMED = ['dr.lee', 'former.contractor', 'nurse.old', 'admin'] as const;
const PAYLOADS = [
  // Hosts' display names become their personal room's topic, which Webex caps at 128 characters.
  `${HOSTILE_CORPUS.markdownImageLink} ${HOSTILE_CORPUS.oscTitle}`,
  `${HOSTILE_CORPUS.clearScreen} ${HOSTILE_CORPUS.htmlBreakout} ${HOSTILE_CORPUS.mention} ${HOSTILE_CORPUS.osc8Link}`,
  `${HOSTILE_CORPUS.bidi} ${HOSTILE_CORPUS.attributeBreakout} ${HOSTILE_CORPUS.tableBreak} ${HOSTILE_CORPUS.cursorErase}`,
  `${HOSTILE_CORPUS.clearScreen} ${HOSTILE_CORPUS.bidi}`,
];
/** Header values cannot carry control characters, but they can carry markup. */
const HOSTILE_TRACKING_ID = 'ROUTER_1 ![x](https://evil.example/t.png) <img src=x onerror=alert(1)> @security-admins';
const HOSTILE_ERROR = { message: `${HOSTILE_CORPUS.clearScreen} ${HOSTILE_CORPUS.htmlBreakout}`, errors: [{ description: HOSTILE_CORPUS.osc8Link }], trackingId: HOSTILE_CORPUS.cursorErase };

type Texts = (i: number) => string;

/**
 * Apply records each write's outcome as soon as it is known, so how many `apply-writes` records a run
 * leaves depends on timing: their rows (made of webex-iac's own text) are left out of the comparison.
 * Times of day too: `08:02:15` holds what a GFM tokenizer counts as an emoji code (`:02:`), and the two
 * runs do not end in the same second.
 */
function comparableOutput(output: string): string {
  return output
    .replace(/\b\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?/g, 'HH:MM').replace(/^\| [^|\n]+ \| apply-writes \|.*\n/gm, '').replace(/<tr><td>[^<]*<\/td><td>apply-writes<\/td>(?:(?!<\/tr>)[\s\S])*<\/tr>/g, '').replace(/apply-writes \d+/g, 'apply-writes N');
}

/** The clinic seed (test-only seeding: the API stays as Cisco specifies it) with these names. */
function simulatorWith(text: Texts): Promise<RunningSimulator> {
  return startClinicWith(TOKEN, (seed) => seed.people.forEach((record) => {
    const local = record.person.emails[0]!.split('@')[0]!;
    const i = NAMED.indexOf(local as (typeof NAMED)[number]);
    if (i < 0) return;
    // The token's own email is how webex-iac finds its admin, and a host's email must be one a program
    // can exempt (import refuses others): their display names carry the payload.
    if (local !== 'admin' && local !== 'dr.lee') record.person.emails = [`${text(i)}@riverside-clinic.example`];
    record.person.displayName = text(i);
  }));
}

interface Outputs {
  /** Everything printed, by `command [format]`. */
  readonly terminal: Record<string, string>;
  readonly markdown: Record<string, string>;
  readonly html: Record<string, string>;
  readonly json: Record<string, string>;
  typescript: string;
}

/** Every command in every format, in the order a team would run them, against a simulator with these names. */
async function runEverything(declaration: object, text: Texts, trackingId: (id: string) => string): Promise<Outputs> {
  const sim = await simulatorWith(text);
  const proxy = await startRewritingProxy(sim.url, { headers: (_req, headers) => ({ ...headers, ...(headers.trackingid ? { trackingid: trackingId(String(headers.trackingid)) } : {}) }) });
  const work = mkdtempSync(join(tmpdir(), 'webex-iac-hostile-cli-'));
  const manifest = join(work, 'webex-manifest.json');
  writeFileSync(manifest, JSON.stringify(declaration));
  const env = { WEBEX_BASE_URL: proxy.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
  const out: Outputs = { terminal: {}, markdown: {}, html: {}, json: {}, typescript: '' };
  const run = async (name: string, args: string[], kind: 'terminal' | 'markdown' | 'html' | 'json' = 'terminal') => {
    const result = await runCli(args, env, work);
    // assess exits 1 on a failed SHALL rule (the clinic has some), everything else 0 or 2 (changes).
    if (![0, 2, ...(name.startsWith('assess') ? [1] : [])].includes(result.code) || result.stdout === '') throw new Error(`${name} exited ${result.code}: ${result.stderr}`);
    out.terminal[`${name} (stderr)`] = result.stderr;
    (kind === 'terminal' ? out.terminal : out[kind])[name] = result.stdout;
  };
  try {
    const m = ['--manifest', manifest];
    await run('plan', ['plan', ...m, '--out', join(work, 'plan.json')]);
    await run('plan markdown', ['plan', ...m, '--format', 'markdown'], 'markdown');
    await run('plan json', ['plan', ...m, '--format', 'json'], 'json');
    await run('show', ['show', join(work, 'plan.json')]);
    await run('show markdown', ['show', join(work, 'plan.json'), '--format', 'markdown'], 'markdown');
    await run('show json', ['show', join(work, 'plan.json'), '--format', 'json'], 'json');
    await run('drift', ['drift', ...m]);
    await run('drift markdown', ['drift', ...m, '--format', 'markdown'], 'markdown');
    await run('drift json', ['drift', ...m, '--format', 'json'], 'json');
    await run('apply', ['apply', join(work, 'plan.json'), '--manifest', manifest, '--auto-approve']);
    await run('assess', ['assess', ...m]);
    await run('assess markdown', ['assess', ...m, '--format', 'markdown'], 'markdown');
    await run('assess json', ['assess', ...m, '--format', 'json'], 'json');
    await run('assess sarif', ['assess', ...m, '--format', 'sarif'], 'json');
    await run('import', ['import', '--org', ORG, '--out', join(work, 'imported.ts'), '--constructs-module', 'webex-iac']);
    out.typescript = readFileSync(join(work, 'imported.ts'), 'utf8');
    await run('evidence collect', ['evidence', 'collect', ...m]);
    await run('evidence verify', ['evidence', 'verify']);
    await run('evidence report markdown', ['evidence', 'report'], 'markdown');
    await run('evidence report html', ['evidence', 'report', '--format', 'html'], 'html');
    await run('evidence report json', ['evidence', 'report', '--format', 'json'], 'json');
    return out;
  } finally {
    await proxy.close();
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  }
}

describe('the hostile corpus through the simulator into every command and format', () => {
  let hostile: Outputs;
  let reference: Outputs;

  // The demo's declaration (main.ts): every control, so hosts, admins and idle accounts all show.
  const declaration = synthesizeMainManifest();

  beforeAll(async () => {
    [hostile, reference] = await Promise.all([runEverything(declaration, (i) => PAYLOADS[i]!, (id) => `${id} ${HOSTILE_TRACKING_ID}`), runEverything(declaration, (i) => `benign${i}`, (id) => `${id} ROUTER_1`)]);
    // HOSTILE_DUMP=folder keeps both runs' outputs for a person to read when a check fails.
    if (process.env.HOSTILE_DUMP) writeFileSync(process.env.HOSTILE_DUMP, JSON.stringify({ hostile, reference }, null, 1));
  }, 600_000);

  test('the payloads really reached the outputs (shown as visible escapes)', () => {
    // Emails are compared lower-case, so an ESC [2J in one reads \x1b[2j.
    expect(Object.values(hostile.markdown).join('\n')).toMatch(/&#92;x1b&#91;2J/i);
    expect(Object.values(hostile.json).join('\n')).toContain('\\u001b[2J');
  });

  test('no terminal output holds a control or invisible character (colour codes aside)', () => {
    for (const [name, output] of Object.entries(hostile.terminal)) expect({ name, hazards: terminalHazards(output, true) }).toEqual({ name, hazards: [] });
  });

  test('JSON and SARIF outputs parse and hold no character a viewer would act on', () => {
    for (const [name, output] of Object.entries(hostile.json)) {
      expect(() => JSON.parse(output)).not.toThrow();
      expect({ name, hazards: terminalHazards(output) }).toEqual({ name, hazards: [] });
    }
  });

  test('markdown outputs have exactly the markup, links and mentions of the benign run', () => {
    expect(Object.keys(hostile.markdown).sort()).toEqual(Object.keys(reference.markdown).sort());
    for (const [name, raw] of Object.entries(hostile.markdown)) {
      const [output, expected] = [comparableOutput(raw), comparableOutput(reference.markdown[name]!)];
      expect({ name, structure: markdownStructure(output) }).toEqual({ name, structure: markdownStructure(expected) });
      expect({ name, links: linkableText(markdownRenderedText(output)) }).toEqual({ name, links: linkableText(markdownRenderedText(expected)) });
      expect({ name, hazards: terminalHazards(output) }).toEqual({ name, hazards: [] });
    }
  });

  test('the HTML evidence report has exactly the elements and attributes of the benign run', () => {
    const [output, expected] = [comparableOutput(hostile.html['evidence report html']!), comparableOutput(reference.html['evidence report html']!)];
    expect(htmlStructure(output)).toEqual(htmlStructure(expected));
    expect(danglingMarkup(output)).toEqual([]);
    expect(output).not.toContain(ESC);
  });

  test('the imported program holds the payloads only as inert string literals', () => {
    expect(terminalHazards(hostile.typescript)).toEqual([]);
    // It parses, with the benign program's statements: no payload ended a literal or a comment early.
    const parse = (program: string) => ts.createSourceFile('imported.ts', program, ts.ScriptTarget.ES2022, true);
    const [program, expected] = [parse(hostile.typescript), parse(reference.typescript)];
    expect((program as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    const kinds = (file: ts.SourceFile) => file.statements.map((statement) => ts.SyntaxKind[statement.kind]);
    expect(kinds(program)).toEqual(kinds(expected));
  });

  test('a Webex error body and trackingId reach stderr as one inert line', async () => {
    const sim = await simulatorWith((i) => `benign${i}`);
    const proxy = await startRewritingProxy(sim.url, (req, res) => {
      if (req.method !== 'GET' || !req.url?.startsWith('/v1/people')) return false;
      res.writeHead(400, { 'content-type': 'application/json', trackingid: HOSTILE_TRACKING_ID });
      res.end(JSON.stringify(HOSTILE_ERROR));
      return true;
    });
    const work = mkdtempSync(join(tmpdir(), 'webex-iac-hostile-error-'));
    try {
      const manifest = join(work, 'webex-manifest.json');
      writeFileSync(manifest, JSON.stringify(declaration));
      const env = { WEBEX_BASE_URL: proxy.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
      for (const args of [['plan', '--manifest', manifest], ['drift', '--manifest', manifest, '--format', 'markdown'], ['assess', '--manifest', manifest]]) {
        const result = await runCli(args, env, work);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('\\x1b[2J');
        expect(terminalHazards(result.stdout + result.stderr, true)).toEqual([]);
        expect(result.stderr).not.toMatch(/at .+\.ts:\d+/);
      }
    } finally {
      await proxy.close();
      await sim.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('import of an org with a hostile name', () => {
  test("import writes a hostile org name as a literal that evaluates to exactly that name", async () => {
    // What WebexOrg accepts as a name (no template sequence, no C0/C1 control): quotes, backslashes,
    // comment and line breakers (U+2028), bidi overrides (Trojan Source), markup.
    const name = `Riverside ${HOSTILE_CORPUS.typescriptBreakout} */ ${HOSTILE_CORPUS.bidi} ${HOSTILE_CORPUS.markdownImageLink} "quoted"`;
    let orgId = '';
    const sim = await startClinicWith(TOKEN, (seed) => {
      seed.organizations[0]!.organization.displayName = name;
      orgId = seed.organizations[0]!.organization.id;
    });
    const work = mkdtempSync(join(tmpdir(), 'webex-iac-hostile-import-'));
    try {
      const env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence'), WEBEX_IAC_STATE_DIR: join(work, 'state') };
      const result = await runCli(['import', '--org-id', orgId, '--out', join(work, 'imported.ts'), '--constructs-module', 'webex-iac'], env, work);
      expect(terminalHazards(result.stdout + result.stderr, true)).toEqual([]);
      expect(result.code).toBe(0);
      const program = readFileSync(join(work, 'imported.ts'), 'utf8');
      expect(terminalHazards(program)).toEqual([]);
      const file = ts.createSourceFile('imported.ts', program, ts.ScriptTarget.ES2022, true);
      expect((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
      const names: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'name' && ts.isStringLiteral(node.initializer)) names.push(node.initializer.text);
        ts.forEachChild(node, visit);
      };
      visit(file);
      expect(names).toEqual([name]);
    } finally {
      await sim.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
