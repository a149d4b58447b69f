import * as ts from 'typescript';
import { relative, sep } from 'node:path';

/**
 * Calls whose arguments may hold untrusted text: the escapers of manifest/text (by where they are
 * declared), and `untrusted` itself, whose result stays marked and is checked where it is printed.
 */
function isEscaperCall(node: ts.CallExpression, checker: ts.TypeChecker): boolean {
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return (symbol?.declarations ?? []).some((d) => d.getSourceFile().fileName.split(/[\\/]/).slice(-3, -1).join('/') === 'manifest/text');
}

/** True when the type is (or, as a union, may be) the `Untrusted` brand of manifest/text/untrusted.ts. */
function isUntrusted(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isUntrusted);
  return type.getProperties().some((p) => p.getName().startsWith('__@UNTRUSTED'));
}

/** Methods that put their arguments into output (a stream, the console). */
const OUTPUT_METHODS = new Set(['write', 'log', 'error', 'warn']);
/** Methods that put their arguments into an array: a sink unless the array holds Untrusted text itself. */
const ARRAY_METHODS = new Set(['push', 'unshift', 'concat']);

/** The element type of an array type (`Untrusted[]` → Untrusted). */
function elementOf(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  return checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
}

/**
 * Places in these files where text typed `Untrusted` becomes plain text without an escaper: a template
 * literal's `${…}`, a `+` concatenation, an argument of `write`/`console.log`…, of `push` into an array of
 * plain strings, or the `join` of an array of Untrusted text, none of them
 * inside a call to one of manifest/text's escapers (`terminalText(`${email}: …`)` is escaped as a whole)
 * or to `untrusted` (`untrusted(`person ${email}`)` stays marked: its own uses are checked).
 * Each is `file:line: expression`.
 */
export function unescapedUntrusted(program: ts.Program, files: readonly string[], root: string): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const fileName of files) {
    const file = program.getSourceFile(fileName);
    if (!file) throw new Error(`not in the program: ${fileName}`);
    const joinsUntrusted = (node: ts.Expression): boolean => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'join') return false;
      const element = elementOf(checker.getTypeAtLocation(node.expression.expression), checker);
      return element !== undefined && isUntrusted(element);
    };
    const escaped = (node: ts.Node): boolean => {
      for (let p = node.parent; p && !ts.isSourceFile(p); p = p.parent) if (ts.isCallExpression(p) && isEscaperCall(p, checker)) return true;
      return false;
    };
    const reported = new Set<ts.Node>();
    const check = (expression: ts.Expression) => {
      if (reported.has(expression) || !(isUntrusted(checker.getTypeAtLocation(expression)) || joinsUntrusted(expression)) || escaped(expression)) return;
      reported.add(expression);
      const { line } = file.getLineAndCharacterOfPosition(expression.getStart(file));
      found.push(`${relative(root, fileName).split(sep).join('/')}:${line + 1}: ${expression.getText(file)}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateSpan(node)) check(node.expression);
      else if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken)) [node.left, node.right].forEach(check);
      else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const element = elementOf(checker.getTypeAtLocation(node.expression.expression), checker);
        if (OUTPUT_METHODS.has(method)) node.arguments.forEach(check);
        else if (ARRAY_METHODS.has(method) && !(element && isUntrusted(element))) node.arguments.forEach(check);
        // Joining untrusted lines makes plain text of them: it must happen inside an escaper or untrusted().
        else if (joinsUntrusted(node)) check(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
