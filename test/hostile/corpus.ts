/**
 * Hostile text as Webex will store it in an email, a display name, a site or org name, an error body or
 * a trackingId: terminal escape sequences, bidi controls, markdown and HTML payloads, template sequences,
 * a very long string and bytes that are not UTF-8. Every renderer must show each of them inert.
 */
export const ESC = '\u001b';

export const HOSTILE_CORPUS: Readonly<Record<string, string>> = {
  clearScreen: `evil${ESC}[2J${ESC}[H No changes.`,
  cursorErase: `x${ESC}[1A${ESC}[2K${ESC}[1G(WEAKENS SECURITY) erased`,
  osc8Link: `${ESC}]8;;https://evil.example/${ESC}\\click me${ESC}]8;;${ESC}\\`,
  oscTitle: `${ESC}]0;pwned\u0007bell`,
  c1Csi: 'c1\u009b2J\u0085next\u009d0;t\u009c',
  del: 'del\u007f\u007f',
  nulAndBackspace: 'nul\u0000back\b\b\bspace\r\nNo changes.',
  bidi: 'admin\u202egnp.exe\u202c \u2066isolated\u2069 \u202a\u202b\u202d \u200e\u200f',
  zeroWidth: 'zero\u200b\u200c\u200d\ufeffwidth\u2060 \u2028line\u2029para',
  tagChars: 'tag\u{e0041}\u{e0042}',
  markdownImageLink: '![x](https://evil.example/x.png)[**APPROVED-by-security**](https://evil.example/)',
  htmlBreakout: '</summary></details><img src=x onerror=alert(1)><script>alert(2)</script>',
  attributeBreakout: '" onmouseover="alert(3)" x=\' <a href="https://evil.example">',
  mention: '@org/team @security-admins please approve #1 GH-2 owner/repo#3',
  tableBreak: '| col | forged | row |\n|---|---|---|',
  fence: '```\n# Heading\n```js\n~~~',
  backticks: '`` code `break` ``',
  autolinks: 'https://evil.example www.evil.example mailto:x@evil.example <https://evil.example> x@evil.example',
  emphasis: '**bold** __bold__ *it* _it_ ~~strike~~ :white_check_mark:',
  blockStart: '# Approved\n> quote\n- item\n1. one',
  leadingList: '- [x] approved',
  leadingOrdered: '1. approved',
  setext: '===',
  entities: '&lt;img src=x&gt; &#60;b&#62; &amp;',
  templates: '${TfToken[TOKEN.1]} ${{ secrets.WEBEX_TOKEN }} {{ x }} `${process.exit(1)}`',
  typescriptBreakout: "'; process.exit(1); const x = '\\' /* */ // \u2028",
  backslashForgery: '\\x1b[2J is not ESC \\u202e',
  invalidUtf8: Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]).toString('utf8'),
  loneSurrogate: 'lone\ud800surrogate\udc00',
  long: `${'A'.repeat(5_000)}${ESC}[2J${'!['.repeat(200)}`,
};

export const HOSTILE_TEXTS: readonly string[] = Object.values(HOSTILE_CORPUS);

/** One string holding every payload: what a single hostile display name can carry. */
export const EVERYTHING = HOSTILE_TEXTS.filter((t) => t.length < 1000).join(' ');
