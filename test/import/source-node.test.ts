import ts from 'typescript';
import { array, entry, object, plainValue, printKey, printNode, printString, scalar, SourceNode } from '../../cli/import/source-node';

/** What the printed TypeScript evaluates to. */
function evaluate(source: string): unknown {
  const js = ts.transpileModule(`module.exports = ${source};`, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const module = { exports: undefined as unknown };
  new Function('module', js)(module);
  return module.exports;
}

describe('webex-iac import: printing the program\'s values', () => {
  test.each(["it's", 'back\\slash', 'line\nbreak', 'para\u2028graph', '*/ end of comment', 'ünïcödé', '"double"'])('a string prints as a literal that evaluates to itself: %j', (value) => {
    expect(evaluate(printString(value))).toBe(value);
    expect(printString(value)).toMatch(/^'.*'$/s);
  });

  test('keys: bare identifiers, quoted otherwise', () => {
    expect(printKey('hostLobby')).toBe('hostLobby');
    expect(printKey('riverside-clinic.webex.com')).toBe("'riverside-clinic.webex.com'");
  });

  test('the printed tree evaluates to its plain value, whatever its comments hold', () => {
    // GIVEN a tree with every kind of comment, including text that tries to end a comment or a line
    const tree = object(
      [
        entry('flag', scalar(true, 'HIPAA default: false\nprocess.exit(1)')),
        entry('count', scalar(10)),
        entry('list', array([{ ...scalar('a@x.example'), leading: ['group one\u2028oops'] }, scalar('b@x.example', 'trailing */ text')])),
        entry('short', array([scalar('x'), scalar('y')])),
        entry('empty', object([], { closing: ['TODO(attestation) x', 'x: { a: TODO },'] })),
        entry('site.example.com', object([entry('inner', array([]))]), { leading: ['why it is here'] }),
      ],
      { leading: ['ignored at the top'] },
    );
    // WHEN
    const printed = printNode(tree);
    // THEN
    expect(evaluate(printed)).toEqual(plainValue(tree));
    expect(plainValue(tree)).toEqual({ flag: true, count: 10, list: ['a@x.example', 'b@x.example'], short: ['x', 'y'], empty: {}, 'site.example.com': { inner: [] } });
    expect(printed).toContain('  flag: true, // HIPAA default: false process.exit(1)\n');
    expect(printed).toContain("  short: ['x', 'y'],\n");
    expect(printed).toContain("    // group one oops\n    'a@x.example',\n    'b@x.example', // trailing *\\/ text\n");
    expect(printed).toContain('  empty: {\n    // TODO(attestation) x\n    // x: { a: TODO },\n  },\n');
  });

  test('a long list goes one item a line', () => {
    const items: SourceNode[] = Array.from({ length: 12 }, (_, i) => scalar(`user${String(i).padStart(5, '0')}@org1.example`));
    expect(printNode(array(items)).split('\n')).toHaveLength(14);
  });

  test('the same tree always prints the same text', () => {
    const tree = () => object([entry('b', scalar(1)), entry('a', array([scalar('z'), scalar('y')]))]);
    expect(printNode(tree())).toBe(printNode(tree()));
    expect(printNode(tree())).toBe("{\n  b: 1,\n  a: ['z', 'y'],\n}");
  });
});
