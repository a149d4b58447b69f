import { visibleEscapes } from './visible';

/** Zero-width space as an entity: splits `@name`, `#12`, `scheme://`, `www.` and `GH-12` so GitHub links none of them. */
const BREAK = '&#8203;';

/**
 * ASCII punctuation that means something to GitHub-flavoured markdown or to the HTML it may contain, as
 * numeric entities: an entity is always text in markdown (never structure) and in HTML blocks alike, and
 * it holds no `|` to split a table row, no backtick to close a code span, no `<` to open an element.
 * `@`, `#`, and `:` before `/` or an emoji code, get a zero-width break after them (mentions, references,
 * autolinks, emoji); other colons, as in `09:30`, stay as they are, and so does an underscore between
 * letters or digits (`WEBEX_IAC_1`), which GFM never reads as emphasis.
 */
const SPECIAL = /[\\`*{}[\]()<>&"'!|~$^@#]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|:(?=\/|[a-z0-9_+-]+:)|www\.|\bgh-/giu;

function replaceSpecial(match: string): string {
  if (match.length > 1) return `${match.slice(0, match.length - (match.endsWith('-') ? 1 : 3))}${BREAK}${match.slice(match.endsWith('-') ? -1 : -3)}`;
  const entity = `&#${match.charCodeAt(0)};`;
  return match === '@' || match === '#' || match === ':' ? `${entity}${BREAK}` : entity;
}

/**
 * Untrusted text for GitHub-flavoured markdown, inline in a paragraph, a table cell, a list item or an
 * HTML block such as `<summary>`: it renders as the same text, inert. No link, autolink, image, element,
 * @mention, #reference, emphasis, heading, list, table-cell break, code-span or fence break, or line
 * break comes from it (line breaks and other invisible characters are shown as `\n`, `\u202e`, …).
 * A code span alone is not enough: a backtick in the text would close it.
 */
export function markdownText(text: string): string {
  return visibleEscapes(String(text))
    .replace(SPECIAL, replaceSpecial)
    // Block markers count only at the start of a line, where a renderer may put the text.
    .replace(/^([-+=])(?=\s|$|\1)/, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, (_, digits: string, c: string) => `${digits}&#${c.charCodeAt(0)};`);
}

/**
 * Untrusted text as an inline code span, for identifiers such as a construct path: fenced with more
 * backticks than the longest run inside it (so no backtick closes it early), pipes escaped for table
 * cells, invisible characters and line breaks shown as visible escapes.
 */
export function markdownCode(text: string): string {
  const body = visibleEscapes(String(text)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
