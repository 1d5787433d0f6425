/**
 * The code around a detected token request in Python and PHP, as core/code/responseChecks.ts does for TS/JS:
 * - a success test that rejects 201 on the response of that very request (`response.status_code != 200`,
 *   `$response->getStatusCode() !== 200`, `=== 200` as the only success): iDenfy answers 201 Created;
 * - an error `identifier` compared with a string iDenfy never sends (`err["identifier"] == "BAD_VALUES"`).
 * Only the variable the request's result is assigned to, in the same function, counts; the rest is left alone.
 */
import { Finding } from '../model';
import { nearest } from '../nearest';
import { ERROR_CATALOGUE } from '../rules/errors';
import { DOCS } from '../rules/links';
import { PROJECT_CODES } from '../rules/codes';
import { GrammarName } from './runtime';
import { SyntaxNode } from './literal';

const IDENTIFIERS = [...ERROR_CATALOGUE.keys()];
const CALLS = new Set(['call', 'member_call_expression', 'function_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression']);
const FUNCTIONS = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'lambda']);
/** Python `response.status_code`; PHP `$response->getStatusCode()`, `->status()`, `->status_code`. */
const STATUS_NAMES = new Set(['status_code', 'status', 'getStatusCode']);

/** Success tests on the responses of the requests whose bodies are `literals`. */
export function successStatusFindings(grammar: GrammarName, literals: readonly SyntaxNode[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const literal of literals) {
    const call = enclosing(literal, (n) => CALLS.has(n.type));
    const response = call && assignedName(call);
    if (!call || !response) continue;
    const scope = enclosing(call, (n) => FUNCTIONS.has(n.type)) ?? root(call);
    for (const node of descendants(scope)) {
      if (node.startIndex < call.endIndex || seen.has(node.startIndex)) continue;
      const comparison = grammar === 'python' ? pythonComparison(node, response) : phpComparison(node, response);
      if (!comparison || acceptsBoth(node)) continue;
      seen.add(node.startIndex);
      const negated = comparison.operator.startsWith('!');
      const status = comparison.status.text;
      const replacement = grammar === 'python' ? `${status} ${negated ? 'not in' : 'in'} (200, 201)` : `${negated ? '!' : ''}in_array(${status}, [200, 201], true)`;
      findings.push({
        start: node.startIndex,
        end: node.endIndex,
        severity: 'warning',
        code: PROJECT_CODES.successStatus,
        href: DOCS.errors,
        message: negated
          ? 'iDenfy answers 201 Created when the token is made: this test treats every new token as a failure. Accept 200 and 201.'
          : 'iDenfy answers 201 Created when the token is made: with 200 as the only success, every new token takes the error path. Accept 200 and 201.',
        fixes: [{ kind: 'replaceText', start: node.startIndex, end: node.endIndex, text: replacement, title: 'Accept 200 and 201 as success' }],
      });
    }
  }
  return findings;
}

/**
 * `x["identifier"] == "…"`, `x.get("identifier") == "…"`, `$x['identifier'] === '…'` with a string that is none of the
 * twelve. Each needs the string literal `identifier`, so the search starts from where the text quotes that word and
 * climbs to the comparison: walking every node of the tree through web-tree-sitter's JavaScript API cost most of a
 * keystroke in a 5,000-line file.
 */
export function identifierFindings(grammar: GrammarName, tree: SyntaxNode, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const node of identifierComparisons(tree, text)) {
    const pair = grammar === 'python' ? pythonEquality(node) : phpEquality(node);
    if (!pair) continue;
    const [left, right] = pair;
    const literal = isIdentifierAccess(left) ? right : isIdentifierAccess(right) ? left : undefined;
    const value = literal && stringValue(literal);
    if (!literal || value === undefined || !/^[A-Z][A-Z_]{2,}$/.test(value) || ERROR_CATALOGUE.has(value as never)) continue;
    const suggestion = nearest(value, IDENTIFIERS) ?? (/RATE|LIMIT|THROTTL/.test(value) ? 'TOO_MANY_REQUESTS' : undefined);
    const inner = literal.text.indexOf(value);
    findings.push({
      start: literal.startIndex,
      end: literal.endIndex,
      severity: 'warning',
      code: PROJECT_CODES.unknownIdentifier,
      href: DOCS.errors,
      message: `iDenfy never answers with the identifier "${value}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} It uses: ${IDENTIFIERS.join(', ')}.`,
      fixes: suggestion
        ? [{ kind: 'replaceText', start: literal.startIndex + inner, end: literal.startIndex + inner + value.length, text: suggestion, title: `Change to '${suggestion}'` }]
        : undefined,
    });
  }
  return findings;
}

/**
 * The nodes that may compare an `identifier` access, in the tree's order: the parent of each `x["identifier"]` or
 * `x.get("identifier")` whose string sits where the text quotes the word. (A string whose value is `identifier` has
 * exactly that text between its quotes: an escape or an interpolation makes `stringValue` refuse it.)
 */
function identifierComparisons(tree: SyntaxNode, text: string): SyntaxNode[] {
  const found = new Map<number, SyntaxNode>();
  for (const match of text.matchAll(/["']identifier["']/g)) {
    let string: SyntaxNode | null = tree.descendantForIndex(match.index!, match.index! + 1);
    while (string && string.type !== 'string' && string.type !== 'encapsed_string') string = string.parent;
    if (!string) continue;
    const holder = string.parent?.type === 'arguments' || string.parent?.type === 'argument_list' ? string.parent.parent : string.parent;
    const comparison = holder?.parent;
    if (comparison && !found.has(comparison.id)) found.set(comparison.id, comparison);
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

function pythonComparison(node: SyntaxNode, response: string): { status: SyntaxNode; operator: string } | undefined {
  const pair = pythonEquality(node);
  if (!pair) return undefined;
  return statusAgainst200(pair, response, node.children.find((c) => c && (c.type === '!=' || c.type === '=='))?.type ?? '');
}

function phpComparison(node: SyntaxNode, response: string): { status: SyntaxNode; operator: string } | undefined {
  const pair = phpEquality(node);
  if (!pair) return undefined;
  return statusAgainst200(pair, response, node.childForFieldName('operator')?.type ?? '');
}

function statusAgainst200([left, right]: [SyntaxNode, SyntaxNode], response: string, operator: string): { status: SyntaxNode; operator: string } | undefined {
  for (const [status, number] of [
    [left, right],
    [right, left],
  ] as const) {
    if (number.type === 'integer' && number.text === '200' && readsStatusOf(status, response)) return { status, operator };
  }
  return undefined;
}

/** `response.status_code` (Python), `$response->getStatusCode()` / `->status()` / `->status_code` (PHP). */
function readsStatusOf(node: SyntaxNode, response: string): boolean {
  const target = node.type === 'member_call_expression' || node.type === 'member_access_expression' || node.type === 'attribute' ? node : undefined;
  if (!target) return false;
  const object = target.childForFieldName('object');
  const name = target.childForFieldName(target.type === 'attribute' ? 'attribute' : 'name');
  return !!object && !!name && STATUS_NAMES.has(name.text) && variableName(object) === response;
}

function pythonEquality(node: SyntaxNode): [SyntaxNode, SyntaxNode] | undefined {
  if (node.type !== 'comparison_operator' || node.namedChildCount !== 2) return undefined;
  if (!node.children.some((c) => c && (c.type === '==' || c.type === '!='))) return undefined;
  return [node.namedChildren[0]!, node.namedChildren[1]!];
}

function phpEquality(node: SyntaxNode): [SyntaxNode, SyntaxNode] | undefined {
  if (node.type !== 'binary_expression') return undefined;
  const operator = node.childForFieldName('operator')?.type;
  if (operator !== '===' && operator !== '==' && operator !== '!==' && operator !== '!=') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  return left && right ? [left, right] : undefined;
}

/** `x["identifier"]`, `x.get("identifier")`, `$x['identifier']`. */
function isIdentifierAccess(node: SyntaxNode): boolean {
  if (node.type === 'subscript' || node.type === 'subscript_expression') {
    const key = node.type === 'subscript' ? node.childForFieldName('subscript') : node.namedChildren[1];
    return !!key && stringValue(key) === 'identifier';
  }
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && !!args[0] && stringValue(args[0]) === 'identifier';
  }
  return false;
}

/** The text of a plain string literal (no interpolation), else undefined. */
function stringValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'encapsed_string') return undefined;
  const parts = node.namedChildren.filter((c) => c && c.type !== 'string_start' && c.type !== 'string_end');
  if (parts.length === 0) return '';
  if (parts.length !== 1 || parts[0]!.type !== 'string_content') return undefined;
  return parts[0]!.text;
}

/** The request's result assigned to a plain variable: `response = requests.post(…)`, `$response = $client->post(…)`. */
function assignedName(call: SyntaxNode): string | undefined {
  let node = call;
  while (node.parent && (node.parent.type === 'await' || node.parent.type === 'parenthesized_expression')) node = node.parent;
  const parent = node.parent;
  if (!parent || (parent.type !== 'assignment' && parent.type !== 'assignment_expression')) return undefined;
  if (parent.childForFieldName('right')?.id !== node.id) return undefined;
  const left = parent.childForFieldName('left');
  return left ? variableName(left) : undefined;
}

function variableName(node: SyntaxNode): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'variable_name') return node.text.replace(/^\$/, '');
  return undefined;
}

/** One side of `== 200 or == 201` / `!== 200 && !== 201` (or a test of 201 or a 2xx range beside it). */
function acceptsBoth(node: SyntaxNode): boolean {
  let parent = node.parent;
  while (parent && (parent.type === 'parenthesized_expression' || parent.type === 'not_operator')) parent = parent.parent;
  if (!parent) return false;
  const logical = parent.type === 'boolean_operator' || (parent.type === 'binary_expression' && ['||', '&&', 'or', 'and'].includes(parent.childForFieldName('operator')?.type ?? ''));
  return logical && /\b20[1-9]\b|<\s*300\b/.test(parent.text);
}

function enclosing(node: SyntaxNode, test: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (test(n)) return n;
  return undefined;
}

function root(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** Every named node under `node`, depth first, without recursion. */
function* descendants(node: SyntaxNode): Generator<SyntaxNode> {
  const stack: SyntaxNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    for (let i = current.namedChildCount - 1; i >= 0; i--) {
      const child = current.namedChild(i);
      if (child) stack.push(child);
    }
  }
}
