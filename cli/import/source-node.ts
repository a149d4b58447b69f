import { typescriptComment, typescriptString } from '../../manifest/text';

/**
 * A value of the generated program together with the comments printed around it. The generator builds
 * the HipaaBaseline props once, as a tree of these nodes: `plainValue` gives the props that the
 * verification runs through the real constructs, and `printNode` gives the TypeScript that the file
 * holds, so the code that is written and the code that is verified cannot differ.
 */
export type SourceNode = ScalarNode | ArrayNode | ObjectNode;

export interface Annotated {
  /** Comment lines printed on their own lines before the value (or entry), without `//`. */
  readonly leading?: readonly string[];
  /** A comment printed at the end of the value's (or entry's) last line, without `//`. */
  readonly trailing?: string;
}

export interface ScalarNode extends Annotated {
  readonly kind: 'scalar';
  readonly value: string | number | boolean;
}

export interface ArrayNode extends Annotated {
  readonly kind: 'array';
  readonly items: readonly SourceNode[];
}

export interface ObjectEntry extends Annotated {
  readonly key: string;
  readonly value: SourceNode;
}

export interface ObjectNode extends Annotated {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
  /** Comment lines printed inside the braces after the entries (e.g. commented-out TODO entries). */
  readonly closing?: readonly string[];
}

export const scalar = (value: string | number | boolean, trailing?: string): ScalarNode => ({ kind: 'scalar', value, ...(trailing ? { trailing } : {}) });

export const array = (items: readonly SourceNode[], annotations: Annotated = {}): ArrayNode => ({ kind: 'array', items, ...annotations });

export const object = (entries: readonly ObjectEntry[], annotations: Annotated & { closing?: readonly string[] } = {}): ObjectNode => ({ kind: 'object', entries, ...annotations });

export const entry = (key: string, value: SourceNode, annotations: Annotated = {}): ObjectEntry => ({ key, value, ...annotations });

/** The plain JavaScript value of a node: what the printed source evaluates to. */
export function plainValue(node: SourceNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(plainValue);
    default:
      return Object.fromEntries(node.entries.map((e) => [e.key, plainValue(e.value)]));
  }
}

/** Lines longer than this are broken over several lines. */
const WIDTH = 120;
const INDENT = '  ';

/**
 * The node as TypeScript, starting at `indent` (the first line is not indented: it follows `key: `).
 * Deterministic: the same tree always prints the same text. Arrays and objects stay on one line only
 * when they hold no comment and fit in the width; objects with entries are otherwise one entry a line.
 */
export function printNode(node: SourceNode, indent = ''): string {
  switch (node.kind) {
    case 'scalar':
      return printScalar(node.value);
    case 'array': {
      if (node.items.length === 0) return '[]';
      const inline = `[${node.items.map((item) => printNode(item, indent)).join(', ')}]`;
      if (!node.items.some(hasComments) && !inline.includes('\n') && indent.length + inline.length <= WIDTH - 20) return inline;
      const inner = indent + INDENT;
      const lines = node.items.flatMap((item) => [...commentLines(item.leading, inner), `${inner}${printNode(item, inner)},${trailingComment(item.trailing)}`]);
      return `[\n${lines.join('\n')}\n${indent}]`;
    }
    default: {
      const closing = node.closing ?? [];
      if (node.entries.length === 0 && closing.length === 0) return '{}';
      const inner = indent + INDENT;
      const lines = node.entries.flatMap((e) => {
        const value = printNode(e.value, inner);
        const trailing = e.trailing ?? e.value.trailing;
        return [...commentLines([...(e.leading ?? []), ...(e.value.leading ?? [])], inner), `${inner}${printKey(e.key)}: ${value},${trailingComment(trailing)}`];
      });
      lines.push(...commentLines(closing, inner));
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
  }
}

/** A string in single quotes (the project's style): the one TypeScript-literal escaper of manifest/text. */
export const printString = typescriptString;

/** A property key: bare when it is an identifier, quoted otherwise (e.g. a siteUrl). */
export function printKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : printString(key);
}

/** `// text` lines at `indent`; each comment line is cleaned so that it cannot end the comment early. */
export function commentLines(lines: readonly string[] | undefined, indent: string): string[] {
  return (lines ?? []).map((line) => (line === '' ? `${indent}//` : `${indent}// ${safeComment(line)}`));
}

function trailingComment(text: string | undefined): string {
  return text ? ` // ${safeComment(text)}` : '';
}

/** Comment text on one line that cannot end the comment early: the one comment escaper of manifest/text. */
export const safeComment = typescriptComment;

function printScalar(value: string | number | boolean): string {
  if (typeof value === 'string') return printString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot print the number ${value}`);
  return String(value);
}

function hasComments(node: SourceNode): boolean {
  if ((node.leading?.length ?? 0) > 0 || node.trailing !== undefined) return true;
  if (node.kind === 'array') return node.items.some(hasComments);
  if (node.kind === 'object') return (node.closing?.length ?? 0) > 0 || node.entries.some((e) => (e.leading?.length ?? 0) > 0 || e.trailing !== undefined || hasComments(e.value));
  return false;
}
