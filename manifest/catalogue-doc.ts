import { CONTROLS } from './catalogue';
import { markdownCode } from './text';

/** Where the generated table sits in manifest/README.md. */
export const CONTROLS_TABLE_BEGIN = '<!-- controls table: generated from manifest/catalogue.ts by `npm run schema`; do not edit -->';
export const CONTROLS_TABLE_END = '<!-- end of controls table -->';

/** The docs table of every control, derived from the catalogue: key, scope, access, API, citations, construct. */
export function controlsTable(): string {
  // The catalogue is the project's own text: only a pipe could break a row.
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(CONTROLS).map(([key, d]) => [markdownCode(key), d.scope, d.access, cell(d.title), cell(d.read), cell(d.write), d.citations.join(', '), markdownCode(d.construct)].join(' | '));
  return ['| manifest key | scope | access | control | read | write | HIPAA | construct |', '|---|---|---|---|---|---|---|---|', ...rows.map((r) => `| ${r} |`)].join('\n');
}

/** `readme` with its controls table replaced by the one the catalogue gives. */
export function withControlsTable(readme: string): string {
  const begin = readme.indexOf(CONTROLS_TABLE_BEGIN);
  const end = readme.indexOf(CONTROLS_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('manifest/README.md has no controls table markers');
  return `${readme.slice(0, begin + CONTROLS_TABLE_BEGIN.length)}\n${controlsTable()}\n${readme.slice(end)}`;
}
