import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every message for people the server's source can produce, read from the syntax tree:
 * the message argument of `new DomainError`, `new TooManyRequestsError`, `new
 * GraphQLError` and of the helpers that build those, and every `message:` property (field
 * problems, class-validator options, bulk failures), and what functions named `…Problem`
 * return (a field problem worked out elsewhere, such as a cron expression's). A template
 * literal's `${…}` parts become `{}`; both branches of a conditional count; a constant is
 * followed to its value. A message already made (`failure.message`) or being translated
 * (`localize(…)`, whose first argument is read instead) is not read twice.
 */

export interface MessageSource {
  file: string;
  line: number;
  /** The message with `{}` for each value put in. */
  text: string;
}

/** Calls whose argument at this index is a message. */
const MESSAGE_ARGUMENTS: Record<string, number> = {
  DomainError: 1,
  TooManyRequestsError: 1,
  GraphQLError: 0,
  unauthenticated: 0,
  badTimestamp: 0,
};

/** Not messages for API callers: configuration problems (the key ring is part of the
 * configuration) stop the process at start, for the operator. */
const SKIPPED_FILES = new Set(['src/config.ts', 'src/config-database.ts', 'src/config-secret-files.ts', 'src/crypto/keyring.ts']);

export function messageSources(root: string): { messages: MessageSource[]; unreadable: MessageSource[] } {
  const messages: MessageSource[] = [];
  const unreadable: MessageSource[] = [];
  for (const file of tsFiles(path.join(root, 'src'))) {
    const relative = path.relative(root, file);
    if (SKIPPED_FILES.has(relative)) continue;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = new Map<string, ts.Expression>();
    source.forEachChild(function collect(node): void {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
      node.forEachChild(collect);
    });
    const add = (node: ts.Expression) => {
      if (isPassedOn(node, constants)) return;
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const texts = textsOf(node, constants);
      if (texts) for (const text of texts) messages.push({ file: relative, line, text });
      else unreadable.push({ file: relative, line, text: node.getText() });
    };
    source.forEachChild(function visit(node): void {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments) {
        const name = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
        const index = name === undefined ? undefined : MESSAGE_ARGUMENTS[name];
        const argument = index === undefined ? undefined : node.arguments[index];
        // A helper's own parameter is checked at its call sites.
        if (argument && !(ts.isIdentifier(argument) && isParameter(argument))) add(argument);
      }
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'message' && !isSpanStatus(node)) add(node.initializer);
      if (ts.isFunctionDeclaration(node) && node.name?.text.endsWith('Problem')) {
        node.forEachChild(function returns(inner): void {
          if (ts.isReturnStatement(inner) && inner.expression && inner.expression.kind !== ts.SyntaxKind.NullKeyword) add(inner.expression);
          if (!ts.isFunctionLike(inner)) inner.forEachChild(returns);
        });
      }
      node.forEachChild(visit);
    });
  }
  return { messages, unreadable };
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function textsOf(node: ts.Expression, constants: Map<string, ts.Expression>): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('')];
  if (ts.isParenthesizedExpression(node)) return textsOf(node.expression, constants);
  if (ts.isConditionalExpression(node)) {
    const a = textsOf(node.whenTrue, constants);
    const b = textsOf(node.whenFalse, constants);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = textsOf(node.left, constants);
    const b = textsOf(node.right, constants);
    return a && b ? a.flatMap((x) => b.map((y) => x + y)) : undefined;
  }
  if (ts.isIdentifier(node) && constants.has(node.text)) return textsOf(constants.get(node.text)!, constants);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text.startsWith('localize') && node.arguments[0]) {
    return textsOf(node.arguments[0], constants);
  }
  return undefined;
}

function isParameter(identifier: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) return node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
  }
  return false;
}

/** `span.setStatus({ code, message })`: a trace's status, read by operators in their
 * tracing tool, not a message for API callers. */
function isSpanStatus(property: ts.PropertyAssignment): boolean {
  const call = property.parent.parent;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'setStatus';
}

/** A message made elsewhere and passed on: `failure.message`, `localize(f.message, …)`,
 * or the result of a `…Problem` function (read at its returns). */
function isPassedOn(node: ts.Expression, constants: Map<string, ts.Expression>): boolean {
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'message';
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const name = node.expression.text;
    if (name.endsWith('Problem')) return true;
    if (name.startsWith('localize') && node.arguments[0]) return isPassedOn(node.arguments[0], constants);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return isPassedOn(node.left, constants);
  if (ts.isIdentifier(node) && constants.has(node.text)) return isPassedOn(constants.get(node.text)!, constants);
  return false;
}
