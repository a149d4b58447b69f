import { htmlText, inertJson, jsonText, markdownCode, markdownText, sarifText, terminalText, typescriptString, visibleEscapes } from '../../manifest/text';
import { EVERYTHING, HOSTILE_CORPUS, HOSTILE_TEXTS } from './corpus';
import { danglingMarkup, htmlStructure, linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';

const cases = Object.entries(HOSTILE_CORPUS);

describe('terminal escaping', () => {
  test.each(cases)('%s: no control, bidi or invisible character survives', (_, text) => {
    expect(terminalHazards(terminalText(text))).toEqual([]);
    expect(terminalText(text)).not.toContain('\n');
  });

  test('what was hidden is shown as a visible escape', () => {
    expect(terminalText('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalText('x\u202ey')).toBe('x\\u202ey');
    expect(terminalText('\u009b\u007f\n\u{e0041}')).toBe('\\x9b\\x7f\\n\\u{e0041}');
  });

  test('a backslash stays as it is (text that looks like an escape does nothing to a terminal)', () => {
    expect(terminalText('C:\\temp "a\\"b"')).toBe('C:\\temp "a\\"b"');
  });

  test('ordinary names and emails are unchanged', () => {
    expect(terminalText('dr.lee@riverside-clinic.example')).toBe('dr.lee@riverside-clinic.example');
    expect(terminalText('Zoë Ñúñez 李华 🙂')).toBe('Zoë Ñúñez 李华 🙂');
  });
});

describe('markdown escaping', () => {
  test.each(cases)('%s: renders as text with no markup, link, mention or reference', (_, text) => {
    const escaped = markdownText(text);
    expect(markdownStructure(escaped)).toEqual([]);
    expect(linkableText(markdownRenderedText(escaped))).toEqual([]);
    expect(escaped).not.toMatch(/[\n\r|`<>]/);
  });

  test.each(cases)('%s: inside a table cell, a bold span and a <summary>, the structure is only the renderer’s', (_, text) => {
    const doc = (value: string) => `| a | b |\n|---|---|\n| **${value}** | x |\n\n<details><summary><b>${value}</b></summary>\n\n- ${value}\n</details>\n`;
    expect(markdownStructure(doc(markdownText(text)))).toEqual(markdownStructure(doc('benign')));
  });

  test('the rendered text reads as the original, invisible characters shown', () => {
    expect(markdownRenderedText(markdownText('a | b *c* <d> `e`')).replace(/\u200b/g, '')).toBe('a | b *c* <d> `e`');
    expect(markdownRenderedText(markdownText('dr.lee@riverside-clinic.example')).replace(/\u200b/g, '')).toBe('dr.lee@riverside-clinic.example');
    expect(markdownRenderedText(markdownText('x\u202ey\nz'))).toBe('x\\u202ey\\nz');
  });

  test('the one-string payload is inert too', () => {
    expect(markdownStructure(markdownText(EVERYTHING))).toEqual([]);
  });
});

describe('HTML escaping', () => {
  test.each(cases)('%s: no element or attribute comes from the text, in content or in an attribute', (_, text) => {
    const doc = (value: string) => `<tr data-org="${value}" title='${value}'><td>${value}</td></tr>`;
    expect(htmlStructure(doc(htmlText(text)))).toEqual(htmlStructure(doc('benign')));
    expect(danglingMarkup(doc(htmlText(text)))).toEqual([]);
    expect(terminalHazards(htmlText(text))).toEqual([]);
  });
});

describe('TypeScript string literals', () => {
  test.each(cases)('%s: the literal evaluates to exactly the text and shows every invisible character', (_, text) => {
    const literal = typescriptString(text);
    expect(literal).toMatch(/^'.*'$/s);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(terminalHazards(literal)).toEqual([]);
    // eslint-disable-next-line no-new-func
    expect(new Function(`return ${literal};`)()).toBe(text);
  });
});

describe('JSON', () => {
  test.each(cases)('%s: valid, parses back to the same value, no invisible character', (_, text) => {
    const json = jsonText({ name: text, nested: [text] }, 2);
    expect(JSON.parse(json)).toEqual({ name: text, nested: [text] });
    expect(terminalHazards(json)).toEqual([]);
  });
});

describe('markdown code spans', () => {
  test.each(cases)('%s: one code span, no table break, no line break', (_, text) => {
    const span = markdownCode(text);
    const fence = /^`+/.exec(span)![0];
    expect(span.endsWith(fence)).toBe(true);
    expect(span.slice(fence.length, -fence.length)).not.toContain(fence);
    expect(span).not.toMatch(/(^|[^\\])\|/);
    expect(terminalHazards(span)).toEqual([]);
    expect(span).not.toContain('\n');
  });
});

describe('SARIF plain-text messages', () => {
  test.each(cases)('%s: no embedded link, no invisible character', (_, text) => {
    const message = sarifText(text);
    expect(message).not.toMatch(/(^|[^\\])[[\]]/);
    expect(terminalHazards(message)).toEqual([]);
  });
});

test('inertJson leaves the value and the layout of serialized JSON alone', () => {
  const value = { a: ['\u202e\u0085x', 'plain'], b: { c: 1 } };
  const json = inertJson(JSON.stringify(value, null, 2));
  expect(JSON.parse(json)).toEqual(value);
  expect(json.split('\n')).toHaveLength(JSON.stringify(value, null, 2).split('\n').length);
});

test('visibleEscapes is what every escaper shows invisible characters as', () => {
  for (const text of HOSTILE_TEXTS) expect(terminalText(text)).toBe(visibleEscapes(text));
});

test('the checks themselves catch each payload left raw (so the tests above can fail)', () => {
  const c = HOSTILE_CORPUS;
  for (const text of [c.clearScreen, c.osc8Link, c.c1Csi, c.del, c.bidi, c.zeroWidth, c.tagChars, c.loneSurrogate]) expect(terminalHazards(text)).not.toEqual([]);
  for (const text of [c.markdownImageLink, c.htmlBreakout, c.tableBreak, c.fence, c.backticks, c.emphasis, c.blockStart, c.leadingOrdered, c.setext]) expect(markdownStructure(text)).not.toEqual([]);
  for (const text of [c.mention, c.autolinks, c.emphasis]) expect(linkableText(markdownRenderedText(text))).not.toEqual([]);
  expect(htmlStructure(`<td>${c.htmlBreakout}</td>`)).not.toEqual(htmlStructure('<td>benign</td>'));
  expect(htmlStructure(`<tr data-org="${c.attributeBreakout}">`)).not.toEqual(htmlStructure('<tr data-org="benign">'));
  // The markdown the plan comment used before this module (escaping & < > only) let an image and a link through.
  const previous = c.markdownImageLink.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  expect(markdownStructure(previous)).toEqual(expect.arrayContaining(['!', '[', ']', '(', ')']));
});
