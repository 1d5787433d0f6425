/**
 * Checks on the code around a detected token request (not on its payload):
 * - a success test that rejects 201 (`res.status !== 200`, `res.status === 200` as the only success path) on the
 *   response of that very request: iDenfy answers 201 Created, so every new token would be taken for a failure;
 * - a comparison of an error's `identifier` with a string that is none of iDenfy's twelve (`BAD_VALUES`).
 * Only what is provable is reported: the response must be the variable the request's result was assigned to (or the
 * parameter of its `.then`), in the same function; anything less certain is left alone.
 */
import type * as TS from 'typescript';
import { Finding } from '../model';
import { nearest } from '../nearest';
import { ERROR_CATALOGUE } from '../rules/errors';
import { DOCS } from '../rules/links';
import { PROJECT_CODES } from '../validate';
import type { SourceIndex } from './sourceIndex';

const IDENTIFIERS = [...ERROR_CATALOGUE.keys()];
const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

/** Findings for the success tests on the responses of `requestCalls` (calls found to send a token payload). */
export function successStatusFindings(ts: typeof TS, index: SourceIndex, requestCalls: ReadonlySet<TS.Node>): Finding[] {
  const findings: Finding[] = [];
  if (requestCalls.size === 0) return findings;
  const { sourceFile } = index;
  for (const call of requestCalls) {
    // Only the call's ancestors are needed (a map of the whole file's parents cost more than the parse itself on
    // every keystroke).
    const parents = parentMap(index.ancestorsOf(call));
    const response = responseVariable(ts, call, parents);
    if (!response) continue;
    const scope = enclosingFunction(ts, call, parents) ?? sourceFile;
    visit(ts, scope, (node) => {
      if (!ts.isBinaryExpression(node) || node.pos < call.end) return;
      const comparison = statusComparison(ts, node, response.name);
      if (!comparison || comparison.value !== 200) return;
      if (acceptsBoth(ts, node, parentMap(index.ancestorsOf(node)), sourceFile)) return;
      const statusText = comparison.status.getText(sourceFile);
      const negated = comparison.operator === '!==' || comparison.operator === '!=';
      const replacement = negated ? `(${statusText} !== 200 && ${statusText} !== 201)` : `(${statusText} === 200 || ${statusText} === 201)`;
      findings.push({
        start: node.getStart(sourceFile),
        end: node.end,
        severity: 'warning',
        code: PROJECT_CODES.successStatus,
        href: DOCS.errors,
        message: negated
          ? `iDenfy answers 201 Created when the token is made: this test treats every new token as a failure. Accept 200 and 201.`
          : `iDenfy answers 201 Created when the token is made: with 200 as the only success, every new token takes the error path. Accept 200 and 201.`,
        fixes: [{ kind: 'replaceText', start: node.getStart(sourceFile), end: node.end, text: replacement, title: 'Accept 200 and 201 as success' }],
      });
    });
  }
  return findings;
}

/** `x.identifier === 'BAD_VALUES'`, `x['identifier'] == "…"`, `case '…':` under `switch (x.identifier)`: strings that are none of the twelve. */
export function identifierFindings(ts: typeof TS, sourceFile: TS.SourceFile): Finding[] {
  const findings: Finding[] = [];
  const check = (literal: TS.Node) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const value = literal.text;
    // Only identifier-shaped strings: a comparison with free text is not a typo of an identifier.
    if (!/^[A-Z][A-Z_]{2,}$/.test(value) || ERROR_CATALOGUE.has(value as never)) return;
    const suggestion = nearest(value, IDENTIFIERS) ?? (value.includes('RATE') || value.includes('LIMIT') || value.includes('THROTTL') ? 'TOO_MANY_REQUESTS' : undefined);
    findings.push({
      start: literal.getStart(sourceFile),
      end: literal.end,
      severity: 'warning',
      code: PROJECT_CODES.unknownIdentifier,
      href: DOCS.errors,
      message: `iDenfy never answers with the identifier "${value}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} It uses: ${IDENTIFIERS.join(', ')}.`,
      fixes: suggestion ? [{ kind: 'replaceText', start: literal.getStart(sourceFile) + 1, end: literal.end - 1, text: suggestion, title: `Change to '${suggestion}'` }] : undefined,
    });
  };
  // Every form compared (`.identifier`, `['identifier']`) spells the word: a file without it has nothing to walk.
  if (!sourceFile.text.includes('identifier')) return findings;
  visit(ts, sourceFile, (node) => {
    if (ts.isBinaryExpression(node) && isEquality(ts, node.operatorToken.kind)) {
      if (isIdentifierAccess(ts, node.left)) check(node.right);
      else if (isIdentifierAccess(ts, node.right)) check(node.left);
    } else if (ts.isSwitchStatement(node) && isIdentifierAccess(ts, node.expression)) {
      for (const clause of node.caseBlock.clauses) if (ts.isCaseClause(clause)) check(clause.expression);
    }
  });
  return findings;
}

/** `x.identifier`, `x?.identifier`, `x['identifier']`. */
function isIdentifierAccess(ts: typeof TS, node: TS.Expression): boolean {
  const inner = skipParens(ts, node);
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text === 'identifier';
  if (ts.isElementAccessExpression(inner)) return ts.isStringLiteralLike(inner.argumentExpression) && inner.argumentExpression.text === 'identifier';
  return false;
}

/** The name the request's response is bound to: `const r = await fetch(…)`, `r = await axios.post(…)`, `.then((r) => …)`. */
function responseVariable(ts: typeof TS, call: TS.Node, parents: ReadonlyMap<TS.Node, TS.Node>): { name: string } | undefined {
  let node: TS.Node = call;
  for (let up = parents.get(node); up && (ts.isAwaitExpression(up) || ts.isParenthesizedExpression(up) || ts.isAsExpression(up)); up = parents.get(node)) node = up;
  const parent = parents.get(node);
  if (!parent) return undefined;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return { name: parent.name.text };
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return { name: parent.left.text };
  // fetch(…).then((res) => …)
  const grandparent = parents.get(parent);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text === 'then' && grandparent && ts.isCallExpression(grandparent)) {
    const callback = grandparent.arguments[0];
    if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
      const first = callback.parameters[0];
      if (first && ts.isIdentifier(first.name)) return { name: first.name.text };
    }
  }
  return undefined;
}

/** `<response>.status op 200` (either side), with op an equality operator. */
function statusComparison(ts: typeof TS, node: TS.BinaryExpression, response: string): { status: TS.Expression; operator: string; value: number } | undefined {
  if (!isEquality(ts, node.operatorToken.kind)) return undefined;
  const operator = ts.tokenToString(node.operatorToken.kind) ?? '';
  const sides: Array<[TS.Expression, TS.Expression]> = [
    [node.left, node.right],
    [node.right, node.left],
  ];
  for (const [status, literal] of sides) {
    const access = skipParens(ts, status);
    if (!ts.isPropertyAccessExpression(access) || !STATUS_PROPERTIES.has(access.name.text)) continue;
    const target = skipParens(ts, access.expression);
    if (!ts.isIdentifier(target) || target.text !== response) continue;
    const value = skipParens(ts, literal);
    if (ts.isNumericLiteral(value)) return { status: access, operator, value: Number(value.text) };
  }
  return undefined;
}

/** The comparison is one side of `=== 200 || === 201` or `!== 200 && !== 201` (or a range test nearby). */
function acceptsBoth(ts: typeof TS, node: TS.BinaryExpression, parents: ReadonlyMap<TS.Node, TS.Node>, sourceFile: TS.SourceFile): boolean {
  let parent = parents.get(node);
  while (parent && ts.isParenthesizedExpression(parent)) parent = parents.get(parent);
  if (!parent || !ts.isBinaryExpression(parent)) return false;
  const kind = parent.operatorToken.kind;
  if (kind !== ts.SyntaxKind.BarBarToken && kind !== ts.SyntaxKind.AmpersandAmpersandToken) return false;
  return /\b20[1-9]\b|\bok\b|<\s*300\b/.test(parent.getText(sourceFile));
}

function isEquality(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

function skipParens(ts: typeof TS, node: TS.Expression): TS.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function enclosingFunction(ts: typeof TS, node: TS.Node, parents: ReadonlyMap<TS.Node, TS.Node>): TS.Node | undefined {
  for (let current = parents.get(node); current; current = parents.get(current)) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/** Each node of a path from the root (SourceIndex.ancestorsOf) mapped to its parent. */
function parentMap(path: readonly TS.Node[] | undefined): Map<TS.Node, TS.Node> {
  const parents = new Map<TS.Node, TS.Node>();
  if (path) for (let i = 1; i < path.length; i++) parents.set(path[i], path[i - 1]);
  return parents;
}

/** Depth-first over the tree without recursion (deeply nested code must not exhaust the stack). */
function visit(ts: typeof TS, root: TS.Node, onNode: (node: TS.Node) => void): void {
  const stack: TS.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    onNode(node);
    const children: TS.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
