import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seal, sha256Hex } from '../../provisioning/evidence';
import { RunningSimulator, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { filesBelow } from '../helpers/files';
import { runCli } from '../helpers/run-cli';
import { lines, tempDir, writeLines } from '../evidence/helpers';

const TOKEN = 'evidence-checkpoint-token-3e9a71';

describe('signed checkpoints from the CLI: apply signs, verify --public-key catches a rewritten log', () => {
  let sim: RunningSimulator;
  let work: string;
  let env: NodeJS.ProcessEnv;
  const keys = generateKeyPairSync('ed25519');
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const secretPart = privatePem.split('\n')[1]!;
  beforeAll(async () => {
    sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    work = tempDir('webex-iac-evidence-checkpoints-');
    env = { WEBEX_BASE_URL: sim.url, WEBEX_TOKEN: TOKEN, WEBEX_IAC_EVIDENCE_DIR: join(work, 'evidence') };
    writeFileSync(join(work, 'manifest.json'), JSON.stringify(clinicManifest()));
    writeFileSync(join(work, 'signing.pub.pem'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
  });
  afterAll(async () => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('apply with WEBEX_IAC_EVIDENCE_KEY signs; a record rewritten with its chain and head.json recomputed passes verify but fails verify --public-key', async () => {
    const outputs: string[] = [];
    const apply = await runCli(['apply', '--manifest', join(work, 'manifest.json'), '--auto-approve'], { ...env, WEBEX_IAC_EVIDENCE_KEY: privatePem });
    outputs.push(apply.stdout, apply.stderr);
    expect(apply.code).toBe(0);
    expect(apply.stderr).toMatch(/Signed 1 checkpoint\(s\) with key [0-9a-f]{16}/);
    const ok = await runCli(['evidence', 'verify', '--public-key', join(work, 'signing.pub.pem')], env);
    outputs.push(ok.stdout, ok.stderr);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/Signed checkpoints: 1 verified/);

    // The attacker rewrites the apply record's command, reseals every line after it and recomputes head.json.
    const file = filesBelow(join(work, 'evidence')).find((f) => f.endsWith('.jsonl'))!;
    const original = lines(file);
    let prev: string | undefined;
    const forged = original.map((line, i) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      delete record.hash;
      if (i === original.length - 1) record.command = 'webex-iac plan';
      if (prev !== undefined) record.prev = prev;
      const sealed = seal(JSON.stringify(record));
      prev = sha256Hex(sealed);
      return sealed;
    });
    writeLines(file, forged);
    const headPath = join(file, '..', 'head.json');
    writeFileSync(headPath, JSON.stringify({ ...JSON.parse(readFileSync(headPath, 'utf8')), sha256: prev }));
    expect((await runCli(['evidence', 'verify'], env)).code).toBe(0);

    const caught = await runCli(['evidence', 'verify', '--public-key', join(work, 'signing.pub.pem')], env);
    outputs.push(caught.stdout, caught.stderr);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toMatch(/Error: signed checkpoint check failed at riverside-family-clinic\/\d{4}-\d{2}\.jsonl line \d+: checkpoint 1 \(line \d+, signed .*\): line \d+ is not the line that was signed/);

    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(join(work, 'other.pub.pem'), other);
    const wrongKey = await runCli(['evidence', 'verify', '--public-key', join(work, 'other.pub.pem')], env);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/which is not among the given public keys/);

    const badKey = await runCli(['evidence', 'sign'], { ...env, WEBEX_IAC_EVIDENCE_KEY: 'not a key' });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toBe('Error: WEBEX_IAC_EVIDENCE_KEY is not a PEM private key (expected an Ed25519 key: openssl genpkey -algorithm ed25519)\n');
    const refused = await runCli(['evidence', 'sign'], { ...env, WEBEX_IAC_EVIDENCE_KEY: privatePem });
    // Signing the rewritten log would anchor the rewrite: refused.
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: refusing to sign: .*is not the line that was signed/);

    // The key is never written anywhere nor printed.
    for (const f of filesBelow(work)) expect(readFileSync(f, 'utf8')).not.toContain(secretPart);
    for (const output of outputs) expect(output).not.toContain(secretPart);
  }, 60_000);
});
