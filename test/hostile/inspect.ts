/**
 * Checks on rendered output that do not trust the escapers under test. Markdown has no renderer in the
 * project's dependencies, so `markdownStructure` is a deliberately suspicious tokenizer of GitHub-
 * flavoured markdown: every character or sequence that could start markup, a link, an autolink, a
 * mention or a reference is a token, unless it is a backslash escape or a character reference (both are
 * always literal text in markdown). A payload is inert when rendering it adds no token to the output.
 */

/** Controls and invisible characters a terminal or reader would act on; SGR colour codes are the renderer's own. */
export function terminalHazards(output: string, allowColour = false): string[] {
  const text = allowColour ? output.replace(/\u001b\[[0-9;]*m/g, '') : output;
  return [...text.matchAll(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu)].map((m) => m[0]).filter((c) => c !== '\n').map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;

/** Structural tokens of GFM markdown (or of HTML inside it), in order. */
export function markdownStructure(markdown: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    const rest = markdown.slice(i);
    if ((i === 0 || markdown[i - 1] === '\n') && /^(?:[-+=*]+|\d{1,9}[.)])(?:[ \t]|$|\n)/.test(rest)) tokens.push('block-marker');
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (c === '&') {
      const entity = ENTITY.exec(rest);
      if (entity) {
        i += entity[0].length - 1;
        continue;
      }
      tokens.push('&');
      continue;
    }
    if (c === '`') {
      // A code span (or fence) is literal up to the next run of exactly as many backticks; only an
      // unescaped pipe inside it still counts (it splits a table row).
      const run = /^`+/.exec(rest)![0];
      const close = new RegExp(`(?<!\`)${run}(?!\`)`).exec(markdown.slice(i + run.length));
      if (close) {
        const body = markdown.slice(i + run.length, i + run.length + close.index);
        tokens.push(run.length >= 3 && markdown[i - 1] === '\n' ? 'fence' : 'code', ...[...body.matchAll(/(?<!\\)\|/g)].map(() => '|'));
        i += run.length + close.index + run.length - 1;
        continue;
      }
      tokens.push(...run.split(''));
      i += run.length - 1;
      continue;
    }
    if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(rest) && !/[a-z0-9]/i.test(markdown[i - 1] ?? '')) {
      tokens.push('autolink');
      continue;
    }
    if (/^@[a-z0-9]/i.test(rest)) tokens.push('mention-or-email');
    else if (/^#[0-9]/.test(rest) || /^gh-[0-9]/i.test(rest)) tokens.push('reference');
    else if (/^:[a-z0-9_+-]+:/.test(rest)) tokens.push('emoji');
    else if (c === '_' && /[\p{L}\p{N}]/u.test(markdown[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(markdown[i + 1] ?? '')) continue; // intraword: never emphasis in GFM
    else if ('`*_[]()<>!|~\n#'.includes(c)) tokens.push(c === '\n' ? '\\n' : c);
  }
  return tokens;
}

/** Elements and attribute names of an HTML document, in order (attribute values left out: they hold data). */
export function htmlStructure(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9-]*|!--|!DOCTYPE)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    out.push(m[1]!.toLowerCase());
    for (const a of m[2]!.matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g)) out.push(`@${a[1]!.toLowerCase()}`);
  }
  return out;
}

/** `<` that does not open one of the renderer's elements: what a browser would read as markup. */
export function danglingMarkup(html: string): string[] {
  return [...html.matchAll(/<[^a-zA-Z/!]/g)].map((m) => m[0]);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text as GitHub's text filters (autolinks, mentions, references, emoji) see it: code left out (they skip it), references decoded, escapes dropped. */
export function markdownRenderedText(markdown: string): string {
  return markdown
    .replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' (code) ')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, ref: string) =>
      ref.startsWith('#x') || ref.startsWith('#X') ? String.fromCodePoint(parseInt(ref.slice(2), 16)) : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : (NAMED_ENTITIES[ref] ?? whole),
    );
}

/** What GitHub would link in rendered text: URLs, www., emails, @mentions, #references, GH-refs, emoji codes. */
export function linkableText(text: string): string[] {
  return [...text.matchAll(/[a-z][a-z0-9+.-]*:\/\/|www\.[a-z0-9]|[a-z0-9._%+-]@[a-z0-9-]+\.|(?<![a-z0-9])@[a-z0-9]|(?<![a-z0-9&])#[0-9]|gh-[0-9]|:[a-z0-9_+-]+:/gi)].map((m) => m[0]);
}
