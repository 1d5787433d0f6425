/**
 * Python: the dict literals (`{…}`, `dict(k=v)`) sent as JSON to the token endpoint by requests (module functions,
 * `Session`), httpx (module functions, `Client`, `AsyncClient`), aiohttp (`ClientSession`) and urllib3
 * (`PoolManager.request`), as `json=` or `data=`/`body=`/`content=` `json.dumps(…)`.
 *
 * The URL decides: it must resolve, from literals only, to the token endpoint: module constants, class attributes
 * (`self.`/`cls.`/`ClassName.`), f-strings, `+`, `.format()` on literals, `os.environ.get("X", "https://…")`
 * fallbacks. A URL that does not resolve is not claimed; computed values stay unknown.
 */
import type * as WTS from 'web-tree-sitter';
import { isAbsoluteUrl, isTokenEndpointUrl, joinUrl } from '../code/endpoint';
import type { FoundLiteral, LanguageModule } from './analyze';
import type { Literal, LiteralEntry, LiteralReader, RootChanges, SyntaxNode } from './literal';
import { ancestor, nodeAt, unescapeCommon, wordOffsets } from './scope';

const MAX_HOPS = 8;
/** A scope binds the name, but not to one value we can read. */
const UNKNOWN = { unknown: true } as unknown as SyntaxNode;
/** Constructors of client objects, by their last name, as the `via` of a call on them. */
const CLIENTS: Record<string, string> = {
  Session: 'requests.Session',
  session: 'requests.Session',
  Client: 'httpx.Client',
  AsyncClient: 'httpx.AsyncClient',
  ClientSession: 'aiohttp.ClientSession',
  PoolManager: 'urllib3.PoolManager',
};
const MODULES = new Set(['requests', 'httpx', 'aiohttp', 'urllib3']);
const SCOPES = ['function_definition', 'lambda', 'class_definition'];

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** A call's arguments: positional ones in order, keyword ones by name. */
class Arguments {
  private byName: Map<string, SyntaxNode> | undefined;

  constructor(
    readonly positional: readonly SyntaxNode[],
    private readonly keywordArguments: readonly SyntaxNode[],
  ) {}

  /** Read from the tree on first use: most calls are ruled out by their first argument (the URL) alone. */
  get keyword(): ReadonlyMap<string, SyntaxNode> {
    if (!this.byName) {
      this.byName = new Map();
      for (const arg of this.keywordArguments) {
        const name = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (name && value) this.byName.set(name.text, value);
      }
    }
    return this.byName;
  }
}

function argumentsOf(call: SyntaxNode): Arguments | undefined {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return undefined;
  const positional: SyntaxNode[] = [];
  const keyword: SyntaxNode[] = [];
  for (const arg of list.namedChildren) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') keyword.push(arg);
    else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      return undefined; // arguments we cannot see
    } else positional.push(arg);
  }
  return new Arguments(positional, keyword);
}

class PythonFile {
  constructor(
    private readonly root: SyntaxNode,
    private readonly text: string,
  ) {}

  /** The scope a node's names resolve in: its function, else the module (class bodies do not enclose methods). */
  private scopesOf(node: SyntaxNode): SyntaxNode[] {
    const scopes: SyntaxNode[] = [];
    for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') scopes.push(n);
    scopes.push(this.root);
    return scopes;
  }

  private ownScope(node: SyntaxNode): SyntaxNode {
    return ancestor(node.parent, SCOPES) ?? this.root;
  }

  /** Per scope and name: a module-level name read by many calls is looked up once. */
  private readonly bindings = new Map<string, SyntaxNode | undefined | null>();

  /** The value bound to `name` where `at` reads it: the one assignment in the nearest scope that has any. */
  binding(name: string, at: SyntaxNode): SyntaxNode | undefined {
    for (const scope of this.scopesOf(at)) {
      const key = `${scope.id} ${name}`;
      let found = this.bindings.get(key);
      if (found === undefined) this.bindings.set(key, (found = this.bindingIn(scope, name)));
      // null: not bound in this scope, look further out; UNKNOWN: bound, but not surely to one value.
      if (found === UNKNOWN) return undefined;
      if (found !== null) return found;
    }
    return undefined;
  }

  /** In one scope: the value, null when the scope does not bind the name, UNKNOWN when it does but not surely. */
  private bindingIn(scope: SyntaxNode, name: string): SyntaxNode | null {
    {
      if (scope.type !== 'module') {
        const parameters = scope.childForFieldName('parameters');
        if (parameters && wordOffsets(parameters.text, name).length > 0) return UNKNOWN; // a parameter: unknown
      }
      // A function that has no binding form of the name in its text does not bind it: skip the tree walk.
      if (scope.type !== 'module' && !mayBind(name).test(this.text.slice(scope.startIndex, scope.endIndex))) return null;
      const values: SyntaxNode[] = [];
      let other = false;
      for (const offset of wordOffsets(this.text, name, scope.startIndex, scope.endIndex)) {
        if (!bindingShaped(this.text, offset, name.length)) continue; // a read: no tree work
        const id = nodeAt(this.root, offset, 'identifier');
        if (!id || this.ownScope(id).id !== scope.id) continue;
        const parent = id.parent;
        if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === id.id) {
          const right = parent.childForFieldName('right');
          if (right) values.push(right);
          else other = true;
        } else if (parent?.type === 'as_pattern_target' || (parent?.type === 'augmented_assignment' && parent.childForFieldName('left')?.id === id.id)) {
          const pattern = parent.parent;
          const value = parent.type === 'as_pattern_target' && pattern?.type === 'as_pattern' ? pattern.namedChild(0) : null;
          if (value) values.push(value);
          else other = true;
        } else if (
          parent &&
          ['for_statement', 'pattern_list', 'tuple_pattern', 'global_statement', 'nonlocal_statement', 'import_from_statement', 'dotted_name', 'aliased_import'].includes(parent.type)
        ) {
          other = true;
        }
      }
      if (values.length + (other ? 1 : 0) > 1 || other) return UNKNOWN;
      if (values.length === 1) return values[0];
    }
    return null;
  }

  private readonly attributes = new Map<string, SyntaxNode | undefined>();

  /** `self.X`, `cls.X`, `ClassName.X`: the one class-body assignment `X = …` or method assignment `self.X = …`. */
  attribute(node: SyntaxNode): SyntaxNode | undefined {
    const object = node.childForFieldName('object');
    const cls = object?.text === 'self' || object?.text === 'cls' ? ancestor(node, ['class_definition'])?.id : object?.text;
    const key = `${cls} ${node.childForFieldName('attribute')?.text}`;
    if (!this.attributes.has(key)) this.attributes.set(key, this.findAttribute(node));
    return this.attributes.get(key);
  }

  private findAttribute(node: SyntaxNode): SyntaxNode | undefined {
    const object = node.childForFieldName('object');
    const attribute = node.childForFieldName('attribute');
    if (!object || !attribute || object.type !== 'identifier') return undefined;
    let cls: SyntaxNode | undefined;
    if (object.text === 'self' || object.text === 'cls') cls = ancestor(node, ['class_definition']);
    else {
      for (const offset of wordOffsets(this.text, object.text)) {
        const id = nodeAt(this.root, offset, 'identifier');
        if (id?.parent?.type === 'class_definition' && id.parent.childForFieldName('name')?.id === id.id) cls = id.parent;
      }
    }
    if (!cls) return undefined;
    const name = attribute.text;
    const values: SyntaxNode[] = [];
    for (const offset of wordOffsets(this.text, name, cls.startIndex, cls.endIndex)) {
      const id = nodeAt(this.root, offset, 'identifier');
      if (!id) continue;
      const parent = id.parent;
      if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === id.id && this.ownScope(id).id === cls.id) {
        values.push(parent.childForFieldName('right')!);
      } else if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === id.id && ['self', 'cls'].includes(parent.childForFieldName('object')?.text ?? '')) {
        const assignment = parent.parent;
        if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.id === parent.id) values.push(assignment.childForFieldName('right')!);
        else if (assignment?.type === 'augmented_assignment') return undefined;
      }
    }
    return values.length === 1 && values[0] ? values[0] : undefined;
  }

  /** Per node and hop count: a module constant read by many calls is evaluated once. */
  private readonly strings = new Map<string, string | undefined>();

  /** The string an expression surely is, from literals and the names above; undefined when it may be anything else. */
  string(node: SyntaxNode, hops = 0): string | undefined {
    if (hops > MAX_HOPS) return undefined;
    const key = `${node.id} ${hops}`;
    if (this.strings.has(key)) return this.strings.get(key);
    const value = this.evaluate(node, hops);
    this.strings.set(key, value);
    return value;
  }

  private evaluate(node: SyntaxNode, hops: number): string | undefined {
    const e = unwrap(node);
    switch (e.type) {
      case 'string':
        return stringValue(e, (inner) => this.string(inner, hops + 1));
      case 'concatenated_string': {
        let all = '';
        for (const part of e.namedChildren) {
          const value = part && this.string(part, hops + 1);
          if (value === undefined) return undefined;
          all += value;
        }
        return all;
      }
      case 'binary_operator': {
        if (e.childForFieldName('operator')?.text !== '+') return undefined;
        const left = this.string(e.childForFieldName('left')!, hops + 1);
        const right = left === undefined ? undefined : this.string(e.childForFieldName('right')!, hops + 1);
        return left === undefined || right === undefined ? undefined : left + right;
      }
      case 'identifier': {
        const value = this.binding(e.text, e);
        return value ? this.string(value, hops + 1) : undefined;
      }
      case 'attribute': {
        const value = this.attribute(e);
        return value ? this.string(value, hops + 1) : undefined;
      }
      case 'call':
        return this.callString(e, hops);
    }
    return undefined;
  }

  private callString(call: SyntaxNode, hops: number): string | undefined {
    const fn = call.childForFieldName('function');
    const args = argumentsOf(call);
    if (!fn || !args) return undefined;
    const name = fn.text.replace(/\s+/g, '');
    // os.environ.get("X", "https://…") / os.getenv("X", "https://…"): the documented fallback is what the code means.
    if (/^(os\.)?(environ\.get|getenv)$/.test(name)) {
      const fallback = args.positional[1] ?? args.keyword.get('default');
      return fallback ? this.string(fallback, hops + 1) : undefined;
    }
    if (name === 'str' && args.positional.length === 1 && args.keyword.size === 0) return this.string(args.positional[0], hops + 1);
    if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
      const template = this.string(fn.childForFieldName('object')!, hops + 1);
      if (template === undefined) return undefined;
      let auto = 0;
      let failed = false;
      const result = template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (all, field: string | undefined) => {
        if (all === '{{') return '{';
        if (all === '}}') return '}';
        const ref = field ?? '';
        if (!/^(\w*)$/.test(ref)) return ((failed = true), '');
        const arg = ref === '' ? args.positional[auto++] : /^\d+$/.test(ref) ? args.positional[Number(ref)] : args.keyword.get(ref);
        const value = arg && this.string(arg, hops + 1);
        if (value === undefined) failed = true;
        return value ?? '';
      });
      return failed ? undefined : result;
    }
    return undefined;
  }

  /** What kind of client a receiver is: `requests.Session` for `requests.Session()` or a name bound to it. */
  client(receiver: SyntaxNode, hops = 0): { via?: string; baseUrl?: string } {
    const e = unwrap(receiver);
    if (hops > MAX_HOPS) return {};
    if (e.type === 'identifier' && MODULES.has(e.text)) return { via: e.text };
    if (e.type === 'call') {
      const fn = e.childForFieldName('function');
      const last = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
      const via = last ? CLIENTS[last] : undefined;
      if (!via) return {};
      const args = argumentsOf(e);
      const base = args?.keyword.get('base_url');
      return { via, baseUrl: base ? this.string(base) : undefined };
    }
    if (e.type === 'identifier') {
      const value = this.binding(e.text, e);
      return value ? this.client(value, hops + 1) : {};
    }
    if (e.type === 'attribute') {
      const value = this.attribute(e);
      return value ? this.client(value, hops + 1) : {};
    }
    return {};
  }

  /** The dict literal a body expression is: itself, or the one literal a name is bound to (with its later writes). */
  dict(node: SyntaxNode, hops = 0): { node: SyntaxNode; changes?: RootChanges } | undefined {
    const e = unwrap(node);
    if (e.type === 'dictionary' || isDictCall(e)) return { node: e };
    if (e.type === 'identifier' && hops < MAX_HOPS) {
      const value = this.binding(e.text, e);
      const found = value ? this.dict(value, hops + 1) : undefined;
      return found ? { node: found.node, changes: this.writes(e.text, value!, e) } : undefined;
    }
    return undefined;
  }

  /** Writes to the variable `name` in its scope other than the request itself: `d["k"] = v`, `d.update(…)`, `f(d)`. */
  private writes(name: string, assigned: SyntaxNode, use: SyntaxNode): RootChanges | undefined {
    const scope = this.ownScope(assigned);
    const changedKeys = new Set<string>();
    let open = false;
    for (const offset of wordOffsets(this.text, name, scope.startIndex, scope.endIndex)) {
      const id = nodeAt(this.root, offset, 'identifier');
      if (!id || id.id === use.id || (id.parent?.type === 'assignment' && id.parent.childForFieldName('left')?.id === id.id)) continue;
      const parent = id.parent;
      if (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === id.id) {
        const target = parent.parent;
        if ((target?.type === 'assignment' || target?.type === 'augmented_assignment') && target.childForFieldName('left')?.id === parent.id) {
          const key = parent.childForFieldName('subscript');
          const keyText = key?.type === 'string' ? stringValue(key) : undefined;
          if (keyText !== undefined) changedKeys.add(keyText);
          // A written key may also be a new one: the dict is open either way.
          open = true;
        } else if (target?.type === 'delete_statement' || target?.parent?.type === 'delete_statement') open = true;
      } else if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === id.id) {
        if (/^(update|setdefault|pop|popitem|clear|__setitem__|__delitem__)$/.test(parent.childForFieldName('attribute')?.text ?? '')) open = true;
      } else if (parent?.type === 'argument_list' || parent?.type === 'keyword_argument' || parent?.type === 'delete_statement') {
        open = true; // handed to a function, which may change it
      }
    }
    return open || changedKeys.size ? { changedKeys, open } : undefined;
  }
}

/**
 * Every way Python text can bind a name (`x =`, `x: T =`, `x +=`, `x :=`, `a, x =`, `as x`, `for … x`, `global x`,
 * `def x`, `import … x`): a text test that may say yes wrongly (`f(x=1)`), never no wrongly.
 */
const bindPatterns = new Map<string, RegExp>();
function mayBind(name: string): RegExp {
  let re = bindPatterns.get(name);
  if (!re) {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![\\w.])${n}\\s*[\\])]*\\s*(?::[^=\\n]*)?(?:[-+*/%&|^@:]|//|\\*\\*|>>|<<)?=(?!=)|\\bas\\s+${n}\\b|\\b(?:for|global|nonlocal|def|class|import|del)\\b[^\\n]*?\\b${n}\\b`);
    if (bindPatterns.size > 1000) bindPatterns.clear();
    bindPatterns.set(name, re);
  }
  return re;
}

/**
 * The occurrence of a name at `offset` may bind it, by the text around it (`x =`, `x: T =`, `x +=`, `x, y =`,
 * `as x`, `for x`, `global x`, `def x`, `import x`): may say yes wrongly, never no wrongly. Reads are skipped
 * without touching the tree, which is what keeps a module-level name read in many places cheap.
 */
function bindingShaped(text: string, offset: number, length: number): boolean {
  const after = text.slice(offset + length, offset + length + 160);
  if (/^\s*[\])]*\s*(?::[^=\n]*)?(?:[-+*/%&|^@:]|\/\/|\*\*|>>|<<)?=(?!=)/.test(after) || /^\s*[\])]*\s*,[^=\n]*=(?!=)/.test(after)) return true;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /\b(?:as|for|global|nonlocal|def|class|import|del|except)\b/.test(text.slice(lineStart, offset));
}

function isDictCall(node: SyntaxNode): boolean {
  if (node.type !== 'call' || node.childForFieldName('function')?.text !== 'dict') return false;
  const list = node.childForFieldName('arguments');
  return list?.type === 'argument_list' && list.namedChildren.every((a) => a && (a.type === 'keyword_argument' || a.type === 'dictionary_splat' || a.type === 'comment'));
}

/** A Python string literal's value; f-string fields through `field` (none: not a constant). Bytes are not strings. */
function stringValue(node: SyntaxNode, field?: (expression: SyntaxNode) => string | undefined): string | undefined {
  const start = node.child(0);
  const end = node.child(node.childCount - 1);
  if (!start || !end || start.type !== 'string_start' || end.type !== 'string_end') return undefined;
  const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  const formatted = prefix.includes('f');
  let value = '';
  let at = start.endIndex;
  const literal = (to: number) => {
    let part = sourceSlice(node, at, to);
    if (formatted) part = part.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    value += raw ? part : unescapeCommon(part);
  };
  for (const child of node.namedChildren) {
    if (!child || child.type !== 'interpolation') continue;
    literal(child.startIndex);
    const expression = child.childForFieldName('expression');
    if (!field || !expression || child.namedChildCount > 1) return undefined; // `!r`, `:spec`: not a plain value
    const inner = field(expression);
    if (inner === undefined) return undefined;
    value += inner;
    at = child.endIndex;
  }
  literal(end.startIndex);
  return value;
}

function sourceSlice(node: SyntaxNode, from: number, to: number): string {
  return node.text.slice(from - node.startIndex, to - node.startIndex);
}

/** Python literals as JSON values, the way `json.dumps` writes them. */
export const pythonReader: LiteralReader = {
  literal(node: SyntaxNode): Literal {
    const e = unwrap(node);
    switch (e.type) {
      case 'dictionary': {
        const entries: LiteralEntry[] = [];
        let open = false;
        for (const child of e.namedChildren) {
          if (!child) continue;
          if (child.type === 'dictionary_splat') open = true;
          else if (child.type === 'pair') {
            const key = child.childForFieldName('key')!;
            const value = child.childForFieldName('value')!;
            const k = unwrap(key);
            entries.push({ node: child, key, value, keyValue: k.type === 'string' ? stringValue(k) : undefined });
          } else if (child.type !== 'comment') return { kind: 'unknown', what: 'expression' };
        }
        return { kind: 'map', entries, open };
      }
      case 'call': {
        if (!isDictCall(e)) return { kind: 'unknown', what: 'call' };
        const entries: LiteralEntry[] = [];
        let open = false;
        for (const arg of e.childForFieldName('arguments')!.namedChildren) {
          if (arg?.type === 'dictionary_splat') open = true;
          else if (arg?.type === 'keyword_argument') {
            const key = arg.childForFieldName('name')!;
            entries.push({ node: arg, key, value: arg.childForFieldName('value')!, keyValue: key.text });
          }
        }
        return { kind: 'map', entries, open };
      }
      case 'list':
      case 'tuple': {
        const items = e.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
        if (items.some((c) => c.type === 'list_splat' || c.type === 'parenthesized_list_splat')) return { kind: 'unknown', what: 'expression' };
        return { kind: 'list', items };
      }
      case 'string': {
        const value = stringValue(e);
        return value === undefined ? { kind: 'unknown', what: 'f-string' } : { kind: 'string', value };
      }
      case 'concatenated_string': {
        let value = '';
        for (const part of e.namedChildren) {
          const v = part ? stringValue(part) : undefined;
          if (v === undefined) return { kind: 'unknown', what: 'f-string' };
          value += v;
        }
        return { kind: 'string', value };
      }
      case 'integer':
      case 'float': {
        const value = pythonNumber(e.text);
        return value === undefined ? { kind: 'unknown', what: 'expression' } : { kind: 'number', value };
      }
      case 'unary_operator': {
        const operator = e.childForFieldName('operator')?.text;
        const argument = unwrap(e.childForFieldName('argument')!);
        const value = argument.type === 'integer' || argument.type === 'float' ? pythonNumber(argument.text) : undefined;
        if (value !== undefined && (operator === '-' || operator === '+')) return { kind: 'number', value: operator === '-' ? -value : value };
        return { kind: 'unknown', what: 'expression' };
      }
      case 'true':
        return { kind: 'boolean', value: true };
      case 'false':
        return { kind: 'boolean', value: false };
      case 'none':
        return { kind: 'null' };
      case 'identifier':
        return { kind: 'unknown', what: 'identifier' };
      case 'attribute':
      case 'subscript':
        return { kind: 'unknown', what: 'member' };
      case 'conditional_expression':
        return { kind: 'unknown', what: 'conditional' };
    }
    return { kind: 'unknown', what: 'expression' };
  },
};

function pythonNumber(text: string): number | undefined {
  const t = text.replace(/_/g, '').toLowerCase();
  if (/j$/.test(t)) return undefined;
  if (/^0[xob]/.test(t)) return Number(t);
  if (/^0+\d/.test(t) && !/[.e]/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** `.post(` / `.request(` / `post(`: where a request may be; each is then read on the tree. */
const CALL_NAME = /(?<![\w$])(post|request)\s*\(/g;

export const python: LanguageModule = {
  grammar: 'python',
  reader: pythonReader,
  payloads(tree: WTS.Tree, text: string): FoundLiteral[] {
    const root = tree.rootNode;
    const file = new PythonFile(root, text);
    const found: FoundLiteral[] = [];
    for (const match of text.matchAll(CALL_NAME)) {
      const name = nodeAt(root, match.index!, 'identifier');
      const fn = name?.parent;
      if (!name || !fn || fn.type !== 'attribute' || fn.childForFieldName('attribute')?.id !== name.id) continue;
      const call = fn.parent;
      if (call?.type !== 'call' || call.childForFieldName('function')?.id !== fn.id) continue;
      const args = argumentsOf(call);
      if (!args) continue;
      const method = name.text;
      let urlNode: SyntaxNode | undefined;
      if (method === 'request') {
        const verb = args.positional[0] ?? args.keyword.get('method');
        if (!verb || file.string(verb)?.toUpperCase() !== 'POST') continue;
        urlNode = args.positional[1] ?? args.keyword.get('url');
      } else urlNode = args.positional[0] ?? args.keyword.get('url');
      if (!urlNode) continue;
      let url = file.string(urlNode);
      if (url === undefined) continue;
      // The URL first (most calls go elsewhere); the client only for a relative URL or once the URL is the endpoint.
      if (isAbsoluteUrl(url) && !isTokenEndpointUrl(url)) continue;
      const client = file.client(fn.childForFieldName('object')!);
      if (client.baseUrl !== undefined) url = joinUrl(client.baseUrl, url);
      if (!isTokenEndpointUrl(url)) continue;
      let bodyNode = args.keyword.get('json');
      if (!bodyNode) {
        const raw = args.keyword.get('data') ?? args.keyword.get('body') ?? args.keyword.get('content');
        const dumped = raw && unwrap(raw);
        if (dumped?.type === 'call' && /^(json\.)?dumps$/.test(dumped.childForFieldName('function')?.text ?? '')) {
          bodyNode = argumentsOf(dumped)?.positional[0];
        }
      }
      if (!bodyNode) continue;
      const dict = file.dict(bodyNode);
      if (!dict) continue;
      const receiver = fn.childForFieldName('object')!;
      const via = `${client.via ?? receiver.text.replace(/\s+/g, '')}.${method}`;
      found.push({ node: dict.node, via, changes: dict.changes });
    }
    return found;
  },
};
