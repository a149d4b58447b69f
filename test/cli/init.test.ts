import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCommand, InitError } from '../../cli/commands/init';

describe('webex-iac init', () => {
  let dir: string;
  const sink = { write: () => true } as unknown as NodeJS.WriteStream;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'webex-iac-init-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a hostile org name as an inert string literal in main.ts', () => {
    const org = "Evil */ `$(id)` \u001b[2J' \\";
    initCommand(join(dir, 'repo'), { org, site: 'clinic.webex.com' }, sink);
    const main = readFileSync(join(dir, 'repo', 'main.ts'), 'utf8');
    const literal = main.match(/new WebexOrg\(stack, 'Org', \{ name: ('(?:[^'\\]|\\.)*') \}\)/)![1]!;
    // The literal evaluates back to the name exactly, and no control character reaches the file.
    expect(new Function(`return ${literal}`)()).toBe(org);
    expect(main).not.toMatch(/\u001b/);
  });

  test.each(['Clinic ${path.cwd}', 'Clinic %{if}', '  '])('fails on --org %p in one line, writing nothing', (org) => {
    expect(() => initCommand(join(dir, 'repo'), { org }, sink)).toThrow(InitError);
    expect(() => readFileSync(join(dir, 'repo', 'main.ts'))).toThrow();
  });
});
