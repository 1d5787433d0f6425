/**
 * PHP: the arrays (`[…]`, `array(…)`) sent as JSON to the token endpoint by Guzzle (`->post(url, ['json' => …])`,
 * `->request('POST', url, …)`), Laravel's HTTP client (`Http::…->post(url, […])`), Symfony HttpClient
 * (`->request('POST', url, ['json' => …])`), WordPress (`wp_remote_post(url, ['body' => wp_json_encode(…)])`) and cURL
 * (`CURLOPT_POSTFIELDS => json_encode(…)`).
 *
 * The URL decides, resolved from literals only: `define()`, `const`, class constants (`self::`, `static::`,
 * `ClassName::`), properties' defaults, `.` concatenation, `"{$base}…"` interpolation, `sprintf('%s…')`,
 * `env('X', 'https://…')` fallbacks. A URL that does not resolve is not claimed; computed values stay unknown.
 */
import type * as WTS from 'web-tree-sitter';
import { isTokenEndpointUrl } from '../code/endpoint';
import type { FoundLiteral, LanguageModule } from './analyze';
import type { Literal, LiteralEntry, LiteralReader, RootChanges, SyntaxNode } from './literal';
import { ancestor, nodeAt, unescapeCommon, wordOffsets } from './scope';

const MAX_HOPS = 8;
const FUNCTION_SCOPES = ['method_declaration', 'function_definition', 'anonymous_function', 'arrow_function'];

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

/** Positional arguments' values (undefined when a named or spread argument makes them unsure). */
function argumentsOf(call: SyntaxNode): SyntaxNode[] | undefined {
  const list = call.childForFieldName('arguments') ?? named(call).find((c) => c.type === 'arguments');
  if (!list) return undefined;
  const values: SyntaxNode[] = [];
  for (const arg of named(list)) {
    if (arg.type !== 'argument' || arg.childForFieldName('name') || arg.text.startsWith('...')) return undefined;
    const value = named(arg).at(-1);
    if (!value) return undefined;
    values.push(value);
  }
  return values;
}

interface Entries {
  readonly keyed: { node: SyntaxNode; key: SyntaxNode; value: SyntaxNode }[];
  readonly items: SyntaxNode[];
  readonly open: boolean;
}

function entriesOf(array: SyntaxNode): Entries {
  const keyed: Entries['keyed'] = [];
  const items: SyntaxNode[] = [];
  let open = false;
  for (const element of named(array)) {
    if (element.type !== 'array_element_initializer') continue;
    const parts = named(element);
    if (parts.length === 1 && parts[0].type === 'variadic_unpacking') open = true;
    else if (parts.length === 2) keyed.push({ node: element, key: parts[0], value: parts[1] });
    else if (parts.length === 1) items.push(parts[0]);
    else open = true;
  }
  return { keyed, items, open };
}

/** A string literal without interpolation ('…' or "…"); undefined otherwise. */
function plainString(node: SyntaxNode): string | undefined {
  if (node.type === 'string') {
    const text = node.text;
    const quote = text.search(/['"]/);
    if (quote < 0 || /[^bB]/.test(text.slice(0, quote))) return undefined;
    const body = text.slice(quote + 1, -1);
    return text[quote] === "'" ? body.replace(/\\([\\'])/g, '$1') : unescapeCommon(body, { $: '$', e: '\x1b', v: '\v', f: '\f' });
  }
  if (node.type === 'encapsed_string') {
    if (named(node).some((c) => c.type !== 'string_content' && c.type !== 'escape_sequence')) return undefined;
    return unescapeCommon(node.text.slice(1, -1), { $: '$', e: '\x1b', v: '\v', f: '\f' });
  }
  return undefined;
}

/** An option key: 'json', RequestOptions::JSON → 'json'; CURLOPT_POSTFIELDS stays a name. */
function keyName(node: SyntaxNode): string | undefined {
  const e = unwrap(node);
  const plain = plainString(e);
  if (plain !== undefined) return plain;
  if (e.type === 'name' || e.type === 'qualified_name') return e.text.replace(/^.*\\/, '');
  if (e.type === 'class_constant_access_expression' && /RequestOptions$/.test(e.namedChild(0)?.text ?? '')) return e.namedChild(1)?.text.toLowerCase();
  return undefined;
}

function option(array: SyntaxNode, key: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const entry of entriesOf(array).keyed) if (keyName(entry.key) === key) found = entry.value;
  return found;
}

class PhpFile {
  constructor(
    private readonly root: SyntaxNode,
    private readonly text: string,
  ) {}

  private functionScope(node: SyntaxNode): SyntaxNode {
    return ancestor(node.parent, FUNCTION_SCOPES) ?? this.root;
  }

  /** `$name` where `at` reads it: the one assignment in its function (a parameter or `global` is unknown). */
  variable(variable: SyntaxNode): SyntaxNode | undefined {
    const scope = this.functionScope(variable);
    const key = `${scope.id} ${variable.text}`;
    if (!this.variables.has(key)) this.variables.set(key, this.findVariable(scope, variable));
    return this.variables.get(key);
  }

  private findVariable(scope: SyntaxNode, variable: SyntaxNode): SyntaxNode | undefined {
    const parameters = scope.childForFieldName('parameters');
    if (parameters && wordOffsets(parameters.text, variable.text).length > 0) return undefined;
    const values: SyntaxNode[] = [];
    for (const offset of wordOffsets(this.text, variable.text, scope.startIndex, scope.endIndex)) {
      if (!variableBindingShaped(this.text, offset, variable.text.length)) continue; // a read: no tree work
      const v = nodeAt(this.root, offset, 'variable_name');
      if (!v || this.functionScope(v).id !== scope.id) continue;
      const parent = v.parent;
      if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.id === v.id) values.push(parent.childForFieldName('right')!);
      else if (
        parent &&
        ['augmented_assignment_expression', 'reference_assignment_expression', 'global_declaration', 'foreach_statement', 'list_literal', 'static_variable_declaration'].includes(parent.type)
      )
        return undefined;
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private readonly constants = new Map<string, SyntaxNode | undefined>();
  private readonly variables = new Map<string, SyntaxNode | undefined>();

  /** A global constant: `define('NAME', v)` or a namespace-level `const NAME = v`, when there is one. */
  constant(name: string): SyntaxNode | undefined {
    if (!this.constants.has(name)) this.constants.set(name, this.findConstant(name));
    return this.constants.get(name);
  }

  private findConstant(name: string): SyntaxNode | undefined {
    const values: SyntaxNode[] = [];
    for (const offset of wordOffsets(this.text, name)) {
      // Only `define('NAME'`, `const NAME` or `, NAME =` can declare it: reads are skipped without touching the tree.
      if (!/(?:define\s*\(\s*['"]|\bconst\s+|,\s*)$/i.test(this.text.slice(Math.max(0, offset - 40), offset))) continue;
      const at = this.root.descendantForIndex(offset, offset + 1);
      const define = ancestor(at, ['function_call_expression']);
      const args = define && /^\\?define$/i.test(define.childForFieldName('function')?.text ?? '') ? argumentsOf(define) : undefined;
      if (args && args.length >= 2 && args[0].startIndex <= offset && offset < args[0].endIndex && plainString(args[0]) === name) {
        values.push(args[1]);
        continue;
      }
      const element = at && ancestor(at, ['const_element']);
      if (
        element &&
        named(element)[0]?.text === name &&
        named(element)[0]?.startIndex === offset &&
        !ancestor(element, ['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration'])
      ) {
        values.push(named(element)[1]);
      }
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private classNamed(name: string, at: SyntaxNode): SyntaxNode | undefined {
    if (/^(self|static)$/i.test(name)) return ancestor(at, ['class_declaration', 'trait_declaration', 'interface_declaration', 'enum_declaration']);
    const short = name.replace(/^.*\\/, '');
    let found: SyntaxNode | undefined;
    for (const offset of wordOffsets(this.text, short)) {
      const n = nodeAt(this.root, offset, 'name');
      if (n?.parent && ['class_declaration', 'interface_declaration'].includes(n.parent.type) && n.parent.childForFieldName('name')?.id === n.id) found = n.parent;
    }
    return found;
  }

  /** `self::URL`, `static::URL`, `ClassName::URL`: the class constant's value. */
  classConstant(access: SyntaxNode): SyntaxNode | undefined {
    const [scope, name] = named(access);
    if (!scope || !name || name.type !== 'name') return undefined;
    const cls = this.classNamed(scope.text, access);
    if (!cls) return undefined;
    const values: SyntaxNode[] = [];
    for (const offset of wordOffsets(this.text, name.text, cls.startIndex, cls.endIndex)) {
      const n = nodeAt(this.root, offset, 'name');
      const element = n?.parent;
      if (element?.type === 'const_element' && named(element)[0]?.id === n?.id) values.push(named(element)[1]);
    }
    return values.length === 1 ? values[0] : undefined;
  }

  private readonly properties = new Map<string, SyntaxNode | undefined>();

  /** `$this->url`: the property's default, when nothing in the class assigns it. */
  property(access: SyntaxNode): SyntaxNode | undefined {
    const key = `${ancestor(access, ['class_declaration', 'trait_declaration'])?.id} ${access.childForFieldName('object')?.text} ${access.childForFieldName('name')?.text}`;
    if (!this.properties.has(key)) this.properties.set(key, this.findProperty(access));
    return this.properties.get(key);
  }

  private findProperty(access: SyntaxNode): SyntaxNode | undefined {
    const object = access.childForFieldName('object');
    const name = access.childForFieldName('name');
    if (object?.text !== '$this' || !name || name.type !== 'name') return undefined;
    const cls = ancestor(access, ['class_declaration', 'trait_declaration']);
    if (!cls) return undefined;
    const values: SyntaxNode[] = [];
    for (const offset of wordOffsets(this.text, name.text, cls.startIndex, cls.endIndex)) {
      const n = this.root.descendantForIndex(offset, offset + 1);
      const element = n?.parent?.parent;
      if (element?.type === 'property_element' && element.childForFieldName('name')?.id === n!.parent!.id) {
        const value = element.childForFieldName('default_value');
        if (value) values.push(value);
      } else if (n?.parent?.type === 'member_access_expression' && n.parent.childForFieldName('name')?.id === n.id) {
        const assignment = n.parent.parent;
        if (assignment?.type === 'assignment_expression' && assignment.childForFieldName('left')?.id === n.parent.id) values.push(assignment.childForFieldName('right')!);
      }
    }
    return values.length === 1 ? values[0] : undefined;
  }

  /** What an expression evaluates to, if a known expression: the node it stands for (through names). */
  private resolve(node: SyntaxNode, hops: number): SyntaxNode | undefined {
    if (hops > MAX_HOPS) return undefined;
    const e = unwrap(node);
    const next =
      e.type === 'variable_name'
        ? this.variable(e)
        : e.type === 'name'
          ? this.constant(e.text)
          : e.type === 'class_constant_access_expression'
            ? this.classConstant(e)
            : e.type === 'member_access_expression'
              ? this.property(e)
              : undefined;
    if (next) return this.resolve(next, hops + 1);
    return ['variable_name', 'name', 'class_constant_access_expression', 'member_access_expression'].includes(e.type) ? undefined : e;
  }

  string(node: SyntaxNode, hops = 0): string | undefined {
    if (hops > MAX_HOPS) return undefined;
    const e = this.resolve(node, hops);
    if (!e) return undefined;
    const plain = plainString(e);
    if (plain !== undefined) return plain;
    switch (e.type) {
      case 'encapsed_string': {
        let value = '';
        for (const part of named(e)) {
          if (part.type === 'string_content') value += part.text;
          else if (part.type === 'escape_sequence') value += unescapeCommon(part.text, { $: '$' });
          else {
            const inner = this.string(part, hops + 1);
            if (inner === undefined) return undefined;
            value += inner;
          }
        }
        return value;
      }
      case 'binary_expression': {
        if (e.childForFieldName('operator')?.text !== '.') return undefined;
        const left = this.string(e.childForFieldName('left')!, hops + 1);
        const right = left === undefined ? undefined : this.string(e.childForFieldName('right')!, hops + 1);
        return left === undefined || right === undefined ? undefined : left + right;
      }
      case 'function_call_expression': {
        const fn = (e.childForFieldName('function')?.text ?? '').replace(/^\\/, '').toLowerCase();
        const args = argumentsOf(e);
        if (!args) return undefined;
        if (fn === 'env' && args.length === 2) return this.string(args[1], hops + 1);
        if (fn === 'sprintf' && args.length >= 1) {
          const format = this.string(args[0], hops + 1);
          if (format === undefined) return undefined;
          let i = 1;
          let failed = false;
          const result = format.replace(/%(%|s)/g, (_all, c: string) => {
            if (c === '%') return '%';
            const value = args[i] ? this.string(args[i++], hops + 1) : undefined;
            if (value === undefined) failed = true;
            return value ?? '';
          });
          return failed || /%[^%s]/.test(format) ? undefined : result;
        }
        return undefined;
      }
    }
    return undefined;
  }

  /** The array literal a body is (through variables), with the writes to its variable. */
  array(node: SyntaxNode, hops = 0): { node: SyntaxNode; changes?: RootChanges } | undefined {
    const e = unwrap(node);
    if (e.type === 'array_creation_expression') return { node: e };
    if (e.type === 'variable_name' && hops < MAX_HOPS) {
      const value = this.variable(e);
      const found = value ? this.array(value, hops + 1) : undefined;
      return found ? { node: found.node, changes: this.writes(e, value!) } : undefined;
    }
    return undefined;
  }

  /** The JSON an encoder call or a `json` option carries: `json_encode(X)` / `wp_json_encode(X)` → X's array. */
  encoded(node: SyntaxNode): { node: SyntaxNode; changes?: RootChanges } | undefined {
    const e = this.resolve(node, 0) ?? unwrap(node);
    if (e.type !== 'function_call_expression') return undefined;
    const fn = (e.childForFieldName('function')?.text ?? '').replace(/^\\/, '').toLowerCase();
    if (fn !== 'json_encode' && fn !== 'wp_json_encode') return undefined;
    const args = argumentsOf(e);
    return args?.[0] ? this.array(args[0]) : undefined;
  }

  private writes(use: SyntaxNode, assigned: SyntaxNode): RootChanges | undefined {
    const scope = this.functionScope(assigned);
    const changedKeys = new Set<string>();
    let open = false;
    for (const offset of wordOffsets(this.text, use.text, scope.startIndex, scope.endIndex)) {
      const v = nodeAt(this.root, offset, 'variable_name');
      if (!v || v.id === use.id) continue;
      const parent = v.parent;
      if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.id === v.id) continue;
      if (parent?.type === 'subscript_expression') {
        const key = named(parent)[1];
        const k = key ? plainString(key) : undefined;
        if (k !== undefined) changedKeys.add(k);
        open = true;
      } else if (parent?.type === 'argument' || parent?.type === 'reference_modifier' || parent?.type === 'by_ref') {
        if (
          !ancestor(parent, ['function_call_expression'])
            ?.childForFieldName('function')
            ?.text.match(/^\\?(wp_)?json_encode$/i)
        )
          open = true;
      }
    }
    return open || changedKeys.size ? { changedKeys, open } : undefined;
  }

  /** The receiver chain's start, through variables: `Http::…` (Laravel), `HttpClient::create()`, `new Client([…])`. */
  client(receiver: SyntaxNode, hops = 0): { kind?: 'laravel' | 'symfony' | 'guzzle'; baseUri?: string } {
    if (hops > MAX_HOPS) return {};
    const e = unwrap(receiver);
    switch (e.type) {
      case 'member_call_expression':
      case 'nullsafe_member_call_expression':
        return this.client(e.childForFieldName('object')!, hops + 1);
      case 'scoped_call_expression': {
        const scope = e.childForFieldName('scope')?.text.replace(/^.*\\/, '');
        if (scope === 'Http') return { kind: 'laravel' };
        if (scope === 'HttpClient') return { kind: 'symfony' };
        return {};
      }
      case 'object_creation_expression': {
        const cls = named(e)[0]?.text.replace(/^.*\\/, '');
        if (cls !== 'Client') return {};
        const args = argumentsOf(e);
        const config = args?.[0] && this.resolve(args[0], hops + 1);
        const base = config?.type === 'array_creation_expression' ? option(config, 'base_uri') : undefined;
        return { kind: 'guzzle', baseUri: base ? this.string(base) : undefined };
      }
      case 'variable_name':
      case 'member_access_expression': {
        const value = e.type === 'variable_name' ? this.variable(e) : this.property(e);
        return value ? this.client(value, hops + 1) : {};
      }
    }
    return {};
  }

  /** The URL a cURL handle is opened on: `curl_init(url)` or `curl_setopt($ch, CURLOPT_URL, url)` in its function. */
  curlUrl(handle: SyntaxNode | undefined, near: SyntaxNode): string | undefined {
    const scope = this.functionScope(near);
    const urls: (string | undefined)[] = [];
    const within = this.text.slice(scope.startIndex, scope.endIndex);
    for (const m of within.matchAll(/\bcurl_init\s*\(|\bCURLOPT_URL\b/gi)) {
      const offset = scope.startIndex + m.index!;
      const at = this.root.descendantForIndex(offset, offset + 1);
      const call = ancestor(at, ['function_call_expression']);
      if (!call || this.functionScope(call).id !== scope.id) continue;
      const fn = (call.childForFieldName('function')?.text ?? '').toLowerCase();
      const args = argumentsOf(call);
      if (!args) continue;
      if (fn === 'curl_init') {
        if (args[0]) urls.push(this.string(args[0]));
      } else if (fn === 'curl_setopt' && args[1]?.text === 'CURLOPT_URL') {
        if (!handle || args[0]?.text === handle.text) urls.push(this.string(args[2]));
      } else if (fn === 'curl_setopt_array') {
        const array = args[1] && unwrap(args[1]);
        const url = array?.type === 'array_creation_expression' ? option(array, 'CURLOPT_URL') : undefined;
        if (url && (!handle || args[0]?.text === handle.text)) urls.push(this.string(url));
      }
    }
    // Every URL this handle may be opened on must be the token endpoint.
    return urls.length > 0 && urls.every((u) => u !== undefined && isTokenEndpointUrl(u)) ? urls[0] : undefined;
  }
}

/** PHP values as JSON values, the way `json_encode` writes them (an array with keys is an object). */
export const phpReader: LiteralReader = {
  literal(node: SyntaxNode): Literal {
    const e = unwrap(node);
    switch (e.type) {
      case 'array_creation_expression': {
        const { keyed, items, open } = entriesOf(e);
        if (keyed.length > 0 && items.length === 0) {
          const entries: LiteralEntry[] = keyed.map((k) => ({ ...k, keyValue: plainString(unwrap(k.key)) }));
          return { kind: 'map', entries, open };
        }
        if (keyed.length === 0 && !open) return { kind: 'list', items };
        return { kind: 'unknown', what: 'array' };
      }
      case 'string':
      case 'encapsed_string': {
        const value = plainString(e);
        return value === undefined ? { kind: 'unknown', what: 'interpolated string' } : { kind: 'string', value };
      }
      case 'integer':
      case 'float': {
        const value = phpNumber(e.text);
        return value === undefined ? { kind: 'unknown', what: 'expression' } : { kind: 'number', value };
      }
      case 'unary_op_expression': {
        const [argument] = named(e);
        const operator = e.text.trim()[0];
        const value = argument && (argument.type === 'integer' || argument.type === 'float') ? phpNumber(argument.text) : undefined;
        if (value !== undefined && (operator === '-' || operator === '+')) return { kind: 'number', value: operator === '-' ? -value : value };
        return { kind: 'unknown', what: 'expression' };
      }
      case 'boolean':
        return { kind: 'boolean', value: e.text.toLowerCase() === 'true' };
      case 'null':
        return { kind: 'null' };
      case 'variable_name':
        return { kind: 'unknown', what: 'variable' };
      case 'member_access_expression':
      case 'subscript_expression':
      case 'class_constant_access_expression':
        return { kind: 'unknown', what: 'member' };
      case 'function_call_expression':
      case 'member_call_expression':
      case 'scoped_call_expression':
        return { kind: 'unknown', what: 'call' };
    }
    return { kind: 'unknown', what: 'expression' };
  },
};

/** Guzzle's `base_uri` + a relative URI, resolved as RFC 3986 says (`…/v2/` + `token` → `…/v2/token`; `…/v2` + `token` → `…/token`). */
function resolveReference(base: string, reference: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

/** `$x =`, `$x .=`, `$x ??=`, `as $x`, `=> $x`, `list(…$x`, `[$x, …] =`, `global $x`, `static $x`, `&$x`: may bind. */
function variableBindingShaped(text: string, offset: number, length: number): boolean {
  const after = text.slice(offset + length, offset + length + 160);
  if (/^\s*(?:[-+*/.%&|^]|\?\?|\*\*|<<|>>)?=(?![=>])/.test(after) || /^\s*[,\]][^;]*\]\s*=(?![=>])/.test(after)) return true;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /(?:\bas\s+&?|=>\s*&?|\blist\s*\(.*|\bglobal\b.*|\bstatic\b.*|&\s*)$/i.test(text.slice(lineStart, offset));
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) || url.trim().startsWith('//');
}

function phpNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '').toLowerCase();
  if (/^0[xb]/.test(t)) return Number(t);
  if (/^0o?[0-7]+$/.test(t) && t !== '0') return parseInt(t.replace(/^0o?/, ''), 8);
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const CALL_NAME = /(?<![\w$])(post|request|wp_remote_post|curl_setopt|curl_setopt_array)\s*\(/gi;

export const php: LanguageModule = {
  grammar: 'php',
  reader: phpReader,
  payloads(tree: WTS.Tree, text: string): FoundLiteral[] {
    const root = tree.rootNode;
    const file = new PhpFile(root, text);
    const found: FoundLiteral[] = [];
    const add = (body: { node: SyntaxNode; changes?: RootChanges } | undefined, via: string) => {
      if (body) found.push({ node: body.node, via, changes: body.changes });
    };
    for (const match of text.matchAll(CALL_NAME)) {
      const name = nodeAt(root, match.index!, 'name');
      const call = name?.parent;
      if (!name || !call) continue;
      const word = name.text.toLowerCase();
      if (
        (word === 'post' || word === 'request') &&
        ['member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression'].includes(call.type) &&
        call.childForFieldName('name')?.id === name.id
      ) {
        const args = argumentsOf(call);
        if (!args) continue;
        let urlNode = args[0];
        let options = args[1];
        if (word === 'request') {
          if (file.string(args[0] ?? name)?.toUpperCase() !== 'POST') continue;
          urlNode = args[1];
          options = args[2];
        }
        if (!urlNode || !options) continue;
        let url = file.string(urlNode);
        if (url === undefined) continue;
        // The URL first (most calls go elsewhere); the client only for a relative URL or once the URL is the endpoint.
        if (isAbsolute(url) && !isTokenEndpointUrl(url)) continue;
        const client = file.client(call.type === 'scoped_call_expression' ? call : call.childForFieldName('object')!);
        if (client.baseUri !== undefined) url = resolveReference(client.baseUri, url);
        if (url === undefined || !isTokenEndpointUrl(url)) continue;
        if (client.kind === 'laravel' && word === 'post') {
          add(file.array(options), 'Http::post');
          continue;
        }
        const array = file.array(options);
        if (!array) continue;
        const json = option(array.node, 'json');
        const body = json ? file.array(json) : undefined;
        const encoded = body ? undefined : option(array.node, 'body');
        const via = client.kind === 'symfony' ? 'HttpClient::request' : `GuzzleHttp\\Client::${word}`;
        add(body ?? (encoded ? file.encoded(encoded) : undefined), via);
      } else if (call.type === 'function_call_expression' && call.childForFieldName('function')?.id === name.id) {
        const args = argumentsOf(call);
        if (!args) continue;
        if (word === 'wp_remote_post') {
          const url = args[0] && file.string(args[0]);
          const options = args[1] && file.array(args[1]);
          const body = options && option(options.node, 'body');
          if (url !== undefined && isTokenEndpointUrl(url) && body) add(file.encoded(body), 'wp_remote_post');
        } else if (word === 'curl_setopt' && args[1]?.text === 'CURLOPT_POSTFIELDS' && args[2]) {
          if (file.curlUrl(args[0], call)) add(file.encoded(args[2]), 'curl');
        } else if (word === 'curl_setopt_array' && args[1]) {
          const array = unwrap(args[1]);
          const fields = array.type === 'array_creation_expression' ? option(array, 'CURLOPT_POSTFIELDS') : undefined;
          if (fields && file.curlUrl(args[0], call)) add(file.encoded(fields), 'curl');
        }
      }
    }
    return found;
  },
};
