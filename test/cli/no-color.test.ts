import { main } from '../../cli';
import { useColor } from '../../cli/output';

describe('--no-color', () => {
  const tty = { isTTY: true } as NodeJS.WriteStream;

  test('turns colour off for the whole run, on any command, wherever it stands on the line', async () => {
    let help = '';
    const sink = { write: (s: string) => ((help += s), true), isTTY: true } as unknown as NodeJS.WriteStream;
    expect(useColor(tty, {})).toBe(true);
    await main(['--no-color', 'plan', '--help'], { out: sink, err: sink, env: {} });
    expect(help).toContain('Usage: webex-iac plan');
    expect(useColor(tty, {})).toBe(false);
    // The next run without the flag has colour again on a terminal.
    await main(['plan', '--help'], { out: sink, err: sink, env: {} });
    expect(useColor(tty, {})).toBe(true);
  });
});
