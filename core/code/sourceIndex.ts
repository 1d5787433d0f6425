import type * as TS from 'typescript';
import { parsedAfresh } from './cache';

/**
 * What payload detection asks of a parsed file, answered lazily from the text instead of one walk over every node:
 * the occurrences of a name are found by a text search, then the node at each occurrence (and its ancestors) by a
 * descent from the root. The cost follows how often the names involved occur, not the size of the file, which keeps
 * a 10,000-line file close to the cost of its parse.
 */

export type DeclarationKind = 'const' | 'let' | 'var' | 'class' | 'enum' | 'other';

export interface Declaration {
  readonly name: string;
  /** `other`: parameters, destructuring, functions, imports, catch variables: never resolved to a value. */
  readonly kind: DeclarationKind;
  /** The declaring node: VariableDeclaration, ClassDeclaration, EnumDeclaration, Parameter… */
  readonly node: TS.Node;
  readonly initializer?: TS.Expression;
  /** The node whose range is where the name is visible. */
  readonly scope: TS.Node;
  /**
   * An import: `import { name } from 'specifier'` (name `default` for a default import, `*` for a namespace import),
   * `const x = require('specifier')` (`*`), `const { name } = require('specifier')`.
   */
  readonly imported?: { readonly specifier: string; readonly name: string };
}

/** A write to a property of a named object: `x.k = v`, `x['k'] = v`, `x.k.j = v`, `delete x.k`, `x.k.push(…)`, `Object.assign(x, …)`. */
export interface Mutation {
  readonly root: TS.Identifier;
  /** set: `x.k = v`; delete: `delete x.k`; nested: the value of `x.k` changes; open: keys we cannot name. */
  readonly kind: 'set' | 'delete' | 'nested' | 'open';
  readonly key?: string;
  readonly keyNode?: TS.Node;
  /** The assigned value of a plain `x.k = v`. */
  readonly value?: TS.Expression;
  /** The whole write (assignment, delete or call). */
  readonly node: TS.Node;
}

/** Everything the file does with one name. Paths run from the source file down to the occurrence. */
export interface NameInfo {
  readonly declarations: Declaration[];
  /** `x = …`, `x++`, `[x] = …`, `for (x of …)`. */
  readonly reassignments: TS.Identifier[];
  readonly mutations: Mutation[];
  /** Reads of the name as a value. */
  readonly references: TS.Node[][];
  /** `something.name`: the property access nodes (paths end at the access), for class properties and enum members. */
  readonly memberAccesses: TS.Node[][];
  /** `this.name = …` (and `this.name++`…): the access being written. */
  readonly thisWrites: TS.Node[];
}

export interface TypedLiteral {
  readonly object: TS.ObjectLiteralExpression;
  readonly typeName: string;
  readonly reference: TS.TypeReferenceNode;
}

/**
 * Searches of the text, one word each, before one pass indexes every word instead. A search is an `indexOf` over
 * the whole text (about 0.2 ms for 10,000 lines); the pass costs about as much as ten of them. Most files need a
 * handful of names; following wrappers through a large file can need hundreds.
 */
const SEARCHES_BEFORE_WORD_INDEX = 32;
const NONE: readonly number[] = Object.freeze([]);
/** A word the index holds: ASCII identifier characters only (a private `#name` or a quoted key is searched for). */
const WORD = /^[A-Za-z0-9_$]+$/;

const DECLARES_NEXT = /(?:\bfunction|\*|\bnamespace|\bmodule|\/)\s*$/;
const DOTTED_NAMESPACE = /\b(?:namespace|module)\s+[\w$.\s]*$/;

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const IDENTIFIER_CHARACTER = /[\p{ID_Continue}$\u200c\u200d]/u;

export class SourceIndex {
  private readonly K: typeof TS.SyntaxKind;
  private readonly names = new Map<string, NameInfo>();
  private readonly containsMemo = new WeakMap<TS.Node, boolean>();
  private readonly text: string;
  /** Parsed afresh (no parent pointers), not by an incremental parse. */
  private readonly fresh: boolean;
  /** Functions whose bodies resolution read (wrappers, `buildPayload()`), and class members it looked up by name. */
  readonly readFunctions = new Set<TS.Node>();
  readonly memberKeys = new Set<string>();
  /** Every word searched for in the text (names looked up included). */
  readonly searched = new Set<string>();
  /** Where each word of the text starts: built once a search for many names makes one pass cheaper than a search each. */
  private words: Map<number, number[]> | undefined;
  private wordsSearched = 0;
  /** Declarations of names asked for without the rest of their `NameInfo` (`declarationsOf`). */
  private readonly declarationsOnly = new Map<string, Declaration[]>();

  constructor(
    private readonly ts: typeof TS,
    readonly sourceFile: TS.SourceFile,
  ) {
    this.K = ts.SyntaxKind;
    this.text = sourceFile.text;
    this.fresh = parsedAfresh(sourceFile);
  }

  // ---- positions ------------------------------------------------------------------------------------------------

  /** The source file and the nodes down to the deepest one whose full range holds `position`. */
  pathAt(position: number): TS.Node[] {
    const ts = this.ts;
    const path: TS.Node[] = [this.sourceFile];
    let node: TS.Node = this.sourceFile;
    for (;;) {
      let next: TS.Node | undefined;
      ts.forEachChild(
        node,
        (child) => {
          if (child.pos > position) return true; // children come in order: nothing further holds it
          if (position < child.end) {
            next = child;
            return true;
          }
          return undefined;
        },
        (children) => {
          if (children.pos > position) return true;
          if (position >= children.end) return undefined;
          next = findInArray(children, position);
          return true;
        },
      );
      if (!next) return path;
      path.push(next);
      node = next;
    }
  }

  /** The path from the source file to `node` (inclusive), or undefined for a node not in this tree. */
  ancestorsOf(node: TS.Node): TS.Node[] | undefined {
    if (node.end <= node.pos) return undefined; // a missing (zero-width) node of a syntax error
    if (node.parent !== undefined) {
      // The tree has parent pointers (every incremental parse sets them): climb instead of descending. A fresh parse
      // has none: setting them would walk the whole tree (a quarter of a parse), more than the descents cost.
      const path: TS.Node[] = [];
      for (let current: TS.Node | undefined = node; current; current = current.parent) path.push(current);
      return path[path.length - 1] === this.sourceFile ? path.reverse() : undefined;
    }
    const path = this.pathAt(node.getStart(this.sourceFile));
    const at = path.lastIndexOf(node);
    return at === -1 ? undefined : path.slice(0, at + 1);
  }

  /** Whether `node` is a node of this file's tree (not of another module's, nor of an older version of this one). */
  contains(node: TS.Node): boolean {
    if (node === this.sourceFile) return true;
    if (node.parent !== undefined) {
      // With parent pointers the root is a few steps up: cheaper than the memo.
      if (node.end <= node.pos) return false;
      let root: TS.Node = node;
      while (root.parent !== undefined) root = root.parent;
      return root === this.sourceFile;
    }
    // Without a parent: other modules' trees always have them (modules.ts), so in a fresh parse of this file (none
    // anywhere) the node is one of ours. In an incremental parse's tree (all set) it should be a node of an older
    // version: the descent below makes sure.
    if (this.fresh) return node.pos >= 0 && node.end <= this.sourceFile.end;
    let answer = this.containsMemo.get(node);
    if (answer === undefined) {
      answer = node.end <= this.sourceFile.end && node.pos >= 0 && this.ancestorsOf(node) !== undefined;
      this.containsMemo.set(node, answer);
    }
    return answer;
  }

  /** Start offsets of `word` standing alone (not inside a longer identifier), in code, strings or comments alike. */
  occurrences(word: string): readonly number[] {
    this.searched.add(word);
    if (word === '') return NONE; // a missing identifier of a syntax error has no text: it occurs nowhere
    if (WORD.test(word)) {
      if (this.words === undefined && ++this.wordsSearched > SEARCHES_BEFORE_WORD_INDEX) this.words = wordIndex(this.text);
      if (this.words !== undefined) return wordsAt(this.words, this.text, word);
    }
    const found: number[] = [];
    const text = this.text;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if ((at > 0 && isWordCharacterAt(text, at - 1)) || isWordCharacterAt(text, at + word.length)) continue;
      found.push(at);
    }
    return found;
  }

  // ---- names ----------------------------------------------------------------------------------------------------

  name(name: string): NameInfo {
    let info = this.names.get(name);
    if (!info) {
      info = emptyNameInfo();
      this.names.set(name, info);
      for (const at of this.occurrences(name)) {
        const found = this.identifierAt(name, at);
        if (found) this.classify(found.identifier, found.path, info);
      }
      // The same Declaration objects `declarationsOf` gave out: resolution keys its memos by them.
      const known = this.declarationsOnly.get(name);
      if (known) {
        info = { ...info, declarations: known };
        this.names.set(name, info);
      }
    }
    return info;
  }

  /**
   * What `name(name).declarations` holds, without classifying the occurrences that cannot declare it: a call or a
   * member root (`fetch(…)`, `axios.get`) not after `function`, `namespace` or `module`, and a member name after a
   * dot outside a namespace's dotted name. Resolution asks this of names a file uses hundreds of times.
   */
  declarationsOf(name: string): readonly Declaration[] {
    const full = this.names.get(name);
    if (full) return full.declarations;
    let declarations = this.declarationsOnly.get(name);
    if (!declarations) {
      const info = emptyNameInfo();
      for (const at of this.occurrences(name)) {
        if (!this.mayDeclareAt(at, name.length)) continue;
        const found = this.identifierAt(name, at);
        if (found) this.declare(found.identifier, found.path, info);
      }
      declarations = info.declarations;
      this.declarationsOnly.set(name, declarations);
    }
    return declarations;
  }

  /** The identifier `name` starting at `at`, with its path, if that occurrence is one (not text in a string or comment). */
  private identifierAt(name: string, at: number): { identifier: TS.Identifier; path: TS.Node[] } | undefined {
    const path = this.pathAt(at);
    const identifier = path[path.length - 1];
    // A private name (`this.#send`) is recorded where it is a member: methods are looked up by it.
    const kind = identifier.kind;
    if ((kind === this.K.Identifier || kind === this.K.PrivateIdentifier) && (identifier as TS.Identifier).text === name && identifier.getStart(this.sourceFile) === at) {
      return { identifier: identifier as TS.Identifier, path };
    }
    return undefined;
  }

  /** Whether the word at `at` may be the name a declaration introduces, judged from the text around it (conservatively). */
  private mayDeclareAt(at: number, length: number): boolean {
    const text = this.text;
    let before = at - 1;
    while (before >= 0 && this.ts.isWhiteSpaceLike(text.charCodeAt(before))) before--;
    let after = at + length;
    while (after < text.length && this.ts.isWhiteSpaceLike(text.charCodeAt(after))) after++;
    const dotBefore = text.charCodeAt(before) === 46 && text.charCodeAt(before - 1) !== 46; // `.x`, not `...x`
    const next = text.charCodeAt(after);
    if (!dotBefore && next !== 40 && next !== 46) return true; // neither `.x`, `x(` nor `x.`
    const head = text.slice(Math.max(0, at - 120), at);
    // `function x(`, `function* x(`, `namespace x.y`, `namespace a.x`; after a block comment: not judged (a line
    // comment between `function` and its name is not looked for: a declaration missed is a name left unresolved).
    return DECLARES_NEXT.test(head) || DOTTED_NAMESPACE.test(head);
  }

  private classify(identifier: TS.Identifier, path: TS.Node[], info: NameInfo): void {
    const K = this.K;
    const parent = path[path.length - 2];
    if (this.declare(identifier, path, info)) return;
    switch (parent.kind) {
      case K.PropertyAccessExpression:
        if ((parent as TS.PropertyAccessExpression).name === identifier) {
          info.memberAccesses.push(path.slice(0, -1));
          if (unwrapExpression(this.ts, (parent as TS.PropertyAccessExpression).expression).kind === K.ThisKeyword && this.writeOf(path, path.length - 2)) {
            info.thisWrites.push(parent);
          }
          return;
        }
        break;
      case K.PropertyAssignment:
      case K.PropertySignature:
      case K.PropertyDeclaration:
      case K.MethodDeclaration:
      case K.MethodSignature:
      case K.GetAccessor:
      case K.SetAccessor:
      case K.EnumMember:
      case K.JsxAttribute:
      case K.LabeledStatement:
      case K.BreakStatement:
      case K.ContinueStatement:
      case K.ImportSpecifier:
      case K.ExportSpecifier:
      case K.QualifiedName:
      case K.TypeReference:
      case K.MetaProperty:
        // a key, a member name, a label, a type: not the variable (a PropertyAssignment's value is handled below)
        if (parent.kind !== K.PropertyAssignment || (parent as TS.PropertyAssignment).name === identifier) return;
        break;
    }

    // Climb the member chain this name is the root of: `x.a['b'].c`
    let top = path.length - 1;
    const keys: Array<{ name?: string; node: TS.Node }> = [];
    for (;;) {
      const above = this.skipWrappers(path, top);
      const node = path[above - 1];
      if (!node) break;
      if (node.kind === K.PropertyAccessExpression && (node as TS.PropertyAccessExpression).name !== path[above]) {
        const name = (node as TS.PropertyAccessExpression).name;
        keys.push({ name: name.kind === K.Identifier ? name.text : undefined, node: name });
      } else if (node.kind === K.ElementAccessExpression && (node as TS.ElementAccessExpression).expression === path[above]) {
        const argument = unwrapExpression(this.ts, (node as TS.ElementAccessExpression).argumentExpression);
        const literal = argument.kind === K.StringLiteral || argument.kind === K.NoSubstitutionTemplateLiteral || argument.kind === K.NumericLiteral;
        keys.push({ name: literal ? (argument as TS.LiteralExpression).text : undefined, node: argument });
      } else {
        break;
      }
      top = above - 1;
    }

    if (keys.length === 0) {
      if (this.writeOf(path, path.length - 1)) {
        info.reassignments.push(identifier);
        return;
      }
      const call = path[this.skipWrappers(path, path.length - 1) - 1];
      if (call?.kind === K.CallExpression && (call as TS.CallExpression).arguments[0] && unwrapExpression(this.ts, (call as TS.CallExpression).arguments[0]) === identifier) {
        const callee = unwrapExpression(this.ts, (call as TS.CallExpression).expression);
        if (callee.kind === K.PropertyAccessExpression && isNamed(this.ts, callee as TS.PropertyAccessExpression, 'Object', 'assign')) {
          info.mutations.push({ root: identifier, kind: 'open', node: call });
        }
      }
      info.references.push(path);
      return;
    }

    const first = keys[0];
    const write = this.writeOf(path, top);
    if (write) {
      const kind: Mutation['kind'] = first.name === undefined ? 'open' : keys.length > 1 ? 'nested' : write.isDelete ? 'delete' : 'set';
      info.mutations.push({ root: identifier, kind, key: first.name, keyNode: first.node, value: kind === 'set' ? write.value : undefined, node: write.node });
      return;
    }
    // `x.k.push(…)`: an array method that changes the value of x.k
    const callee = path[top];
    const call = path[this.skipWrappers(path, top) - 1];
    if (
      keys.length >= 2 &&
      first.name !== undefined &&
      call?.kind === K.CallExpression &&
      unwrapExpression(this.ts, (call as TS.CallExpression).expression) === callee &&
      MUTATING_METHODS.has(keys[keys.length - 1].name ?? '')
    ) {
      info.mutations.push({ root: identifier, kind: 'nested', key: first.name, keyNode: first.node, node: call });
      return;
    }
    info.references.push(path);
  }

  /** Records `identifier` if it is the name a declaration introduces; says whether it was. */
  private declare(identifier: TS.Identifier, path: TS.Node[], info: NameInfo): boolean {
    const K = this.K;
    const parent = path[path.length - 2];
    const add = (kind: DeclarationKind, node: TS.Node, scope: TS.Node, initializer?: TS.Expression) => {
      info.declarations.push({ name: identifier.text, kind, node, scope, initializer });
      return true;
    };
    switch (parent.kind) {
      case K.VariableDeclaration: {
        const declaration = parent as TS.VariableDeclaration;
        if (declaration.name !== identifier) return false;
        const list = path[path.length - 3];
        if (list.kind === K.CatchClause) return add('other', declaration, list);
        const flags = list.flags;
        const kind: DeclarationKind =
          flags & this.ts.NodeFlags.Const ? 'const' : flags & this.ts.NodeFlags.Let ? 'let' : flags & (this.ts.NodeFlags.Using | this.ts.NodeFlags.AwaitUsing) ? 'other' : 'var';
        const scope = kind === 'var' ? this.functionScope(path, path.length - 3) : this.blockScope(path, path.length - 3);
        const required = declaration.initializer && requiredSpecifier(this.ts, declaration.initializer);
        if (required !== undefined) {
          info.declarations.push({ name: identifier.text, kind: 'other', node: declaration, scope, imported: { specifier: required, name: '*' } });
          return true;
        }
        return add(kind, declaration, scope, declaration.initializer);
      }
      case K.BindingElement: {
        if ((parent as TS.BindingElement).name !== identifier) return false;
        // Destructured names hold parts of a value: never resolved. Scope: where the whole pattern is declared.
        let at = path.length - 2;
        while (at > 0 && (path[at].kind === K.BindingElement || path[at].kind === K.ObjectBindingPattern || path[at].kind === K.ArrayBindingPattern)) at--;
        const owner = path[at];
        if (owner.kind === K.Parameter) return add('other', owner, path[at - 1]);
        // `const { name } = require('x')`: one level of destructuring from a required module.
        const element = parent as TS.BindingElement;
        const required =
          owner.kind === K.VariableDeclaration && at === path.length - 4 && !element.dotDotDotToken && (owner as TS.VariableDeclaration).initializer
            ? requiredSpecifier(this.ts, (owner as TS.VariableDeclaration).initializer!)
            : undefined;
        if (required !== undefined) {
          const importedName = element.propertyName
            ? this.ts.isIdentifier(element.propertyName) || this.ts.isStringLiteral(element.propertyName)
              ? element.propertyName.text
              : undefined
            : identifier.text;
          if (importedName !== undefined) {
            info.declarations.push({ name: identifier.text, kind: 'other', node: owner, scope: this.blockScope(path, at - 1), imported: { specifier: required, name: importedName } });
            return true;
          }
        }
        const list = path[at - 1];
        const isVar = owner.kind === K.VariableDeclaration && list && !(list.flags & (this.ts.NodeFlags.Const | this.ts.NodeFlags.Let)) && list.kind !== K.CatchClause;
        return add('other', owner, isVar ? this.functionScope(path, at - 1) : this.blockScope(path, at - 1));
      }
      case K.Parameter:
        return (parent as TS.ParameterDeclaration).name === identifier ? add('other', parent, path[path.length - 3]) : false;
      case K.FunctionDeclaration:
      case K.ClassDeclaration:
      case K.EnumDeclaration:
      case K.ModuleDeclaration:
        if ((parent as TS.FunctionDeclaration).name !== identifier) return false;
        return add(parent.kind === K.ClassDeclaration ? 'class' : parent.kind === K.EnumDeclaration ? 'enum' : 'other', parent, this.blockScope(path, path.length - 3));
      case K.FunctionExpression:
      case K.ClassExpression:
        if ((parent as TS.FunctionExpression).name !== identifier) return false;
        return add(parent.kind === K.ClassExpression ? 'class' : 'other', parent, parent);
      case K.ImportClause:
      case K.NamespaceImport:
      case K.ImportSpecifier:
      case K.ImportEqualsDeclaration: {
        if ((parent as TS.ImportSpecifier).name !== identifier) return false;
        let specifier: string | undefined;
        if (parent.kind === K.ImportEqualsDeclaration) {
          const reference = (parent as TS.ImportEqualsDeclaration).moduleReference;
          if (reference.kind === K.ExternalModuleReference && this.ts.isStringLiteral(reference.expression)) specifier = reference.expression.text;
        } else {
          let declaration: TS.ImportDeclaration | undefined;
          for (let at = path.length - 1; at >= 0 && !declaration; at--) if (path[at].kind === K.ImportDeclaration) declaration = path[at] as TS.ImportDeclaration;
          if (declaration && this.ts.isStringLiteral(declaration.moduleSpecifier)) specifier = declaration.moduleSpecifier.text;
        }
        const importedName = parent.kind === K.ImportClause ? 'default' : parent.kind === K.ImportSpecifier ? ((parent as TS.ImportSpecifier).propertyName ?? identifier).text : '*';
        info.declarations.push({ name: identifier.text, kind: 'other', node: parent, scope: this.sourceFile, imported: specifier === undefined ? undefined : { specifier, name: importedName } });
        return true;
      }
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
      case K.TypeParameter:
        return (parent as TS.InterfaceDeclaration).name === identifier; // type space: not a value, not a use
      default:
        return false;
    }
  }

  /** The nearest enclosing block-like scope above path[from] (let, const, class, function declarations). */
  private blockScope(path: TS.Node[], from: number): TS.Node {
    const K = this.K;
    for (let at = from; at >= 0; at--) {
      switch (path[at].kind) {
        case K.SourceFile:
        case K.Block:
        case K.ModuleBlock:
        case K.CaseBlock:
        case K.ForStatement:
        case K.ForInStatement:
        case K.ForOfStatement:
        case K.CatchClause:
          return path[at];
      }
      if (isFunctionLike(this.ts, path[at])) return path[at];
    }
    return this.sourceFile;
  }

  /** The nearest enclosing function (or module, or the file) above path[from] (`var`). */
  private functionScope(path: TS.Node[], from: number): TS.Node {
    for (let at = from; at >= 0; at--) {
      if (isFunctionLike(this.ts, path[at]) || path[at].kind === this.K.ModuleBlock || path[at].kind === this.K.SourceFile) return path[at];
    }
    return this.sourceFile;
  }

  /** Index of the outermost node above path[at] that only wraps it: parentheses, `as`, `satisfies`, `!`, `<T>`. */
  private skipWrappers(path: readonly TS.Node[], at: number): number {
    while (at > 0 && isExpressionWrapper(this.ts, path[at - 1].kind)) at--;
    return at;
  }

  /** Whether path[at] is written: an assignment target, `++`/`--`, `delete`, a destructuring target, a for-of/in variable. */
  private writeOf(path: TS.Node[], at: number): { node: TS.Node; value?: TS.Expression; isDelete: boolean } | undefined {
    const K = this.K;
    let child = this.skipWrappers(path, at);
    let parent = path[child - 1];
    if (!parent) return undefined;
    switch (parent.kind) {
      case K.BinaryExpression: {
        const binary = parent as TS.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (binary.left !== path[child] || operator < K.FirstAssignment || operator > K.LastAssignment) return undefined;
        return { node: binary, value: operator === K.EqualsToken ? binary.right : undefined, isDelete: false };
      }
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression: {
        const operator = (parent as TS.PrefixUnaryExpression).operator;
        return operator === K.PlusPlusToken || operator === K.MinusMinusToken ? { node: parent, isDelete: false } : undefined;
      }
      case K.DeleteExpression:
        return { node: parent, isDelete: true };
      case K.ForOfStatement:
      case K.ForInStatement:
        return (parent as TS.ForOfStatement).initializer === path[child] ? { node: parent, isDelete: false } : undefined;
    }
    // A destructuring assignment target: `({ a: x.k } = v)`, `[x] = v`, `({ x } = v)`
    for (let guard = 0; guard < 32; guard++) {
      const kind = parent.kind;
      const ok =
        kind === K.ArrayLiteralExpression ||
        kind === K.ObjectLiteralExpression ||
        kind === K.SpreadElement ||
        kind === K.SpreadAssignment ||
        (kind === K.PropertyAssignment && (parent as TS.PropertyAssignment).initializer === path[child]) ||
        kind === K.ShorthandPropertyAssignment ||
        (kind === K.BinaryExpression &&
          (parent as TS.BinaryExpression).operatorToken.kind === K.EqualsToken &&
          (parent as TS.BinaryExpression).left === path[child] &&
          path[child].kind !== K.ObjectLiteralExpression &&
          path[child].kind !== K.ArrayLiteralExpression);
      if (!ok) {
        if (
          kind === K.BinaryExpression &&
          (parent as TS.BinaryExpression).operatorToken.kind === K.EqualsToken &&
          (parent as TS.BinaryExpression).left === path[child] &&
          (path[child].kind === K.ObjectLiteralExpression || path[child].kind === K.ArrayLiteralExpression) &&
          child !== at
        ) {
          return { node: parent, isDelete: false };
        }
        if ((kind === K.ForOfStatement || kind === K.ForInStatement) && (parent as TS.ForOfStatement).initializer === path[child] && child !== at) return { node: parent, isDelete: false };
        return undefined;
      }
      child = this.skipWrappers(path, child - 1);
      parent = path[child - 1];
      if (!parent) return undefined;
    }
    return undefined;
  }

  // ---- classes and variables ----------------------------------------------------------------------------------

  /** The innermost class around a node. */
  enclosingClass(node: TS.Node): TS.ClassLikeDeclaration | undefined {
    const path = this.ancestorsOf(node) ?? [];
    for (let at = path.length - 2; at >= 0; at--) {
      if (path[at].kind === this.K.ClassDeclaration || path[at].kind === this.K.ClassExpression) return path[at] as TS.ClassLikeDeclaration;
    }
    return undefined;
  }

  /** The calls whose callee is `name` itself (`name(…)`), or with `member`, a member so named (`x.name(…)`, `this.name(…)`). */
  callsNaming(name: string, member: boolean): TS.CallExpression[] {
    const info = this.name(name);
    const calls: TS.CallExpression[] = [];
    for (const path of member ? info.memberAccesses : info.references) {
      const callee = this.skipWrappers(path, path.length - 1);
      const call = path[callee - 1];
      if (call?.kind === this.K.CallExpression && (call as TS.CallExpression).expression === path[callee]) calls.push(call as TS.CallExpression);
    }
    return calls;
  }

  /** The writes `this.name = …` (or `+=`, `++`…) of this class, not of a class nested in it. */
  classPropertyWrites(classNode: TS.Node, name: string): TS.Node[] {
    return this.name(name).thisWrites.filter((write) => write.pos >= classNode.pos && write.end <= classNode.end && this.enclosingClass(write) === classNode);
  }

  /** The value of `this.name = value` when that is the class's only write of the property and its constructor makes it. */
  constructorAssignment(classNode: TS.Node, name: string): TS.Expression | undefined {
    const K = this.K;
    const writes = this.classPropertyWrites(classNode, name);
    if (writes.length !== 1) return undefined;
    const path = this.ancestorsOf(writes[0]);
    if (!path) return undefined;
    const above = this.skipWrappers(path, path.length - 1);
    const assignment = path[above - 1] as TS.BinaryExpression | undefined;
    if (assignment?.kind !== K.BinaryExpression || assignment.operatorToken.kind !== K.EqualsToken || assignment.left !== path[above]) return undefined;
    for (let at = above - 2; at >= 0 && path[at] !== classNode; at--) {
      if (path[at].kind === K.Constructor) return assignment.right;
    }
    return undefined;
  }

  /** The variable an object literal initialises (through parentheses, `as`, `satisfies`), if any. */
  declarationOfObject(object: TS.ObjectLiteralExpression): Declaration | undefined {
    const path = this.ancestorsOf(object);
    if (!path) return undefined;
    const above = this.skipWrappers(path, path.length - 1);
    const declaration = path[above - 1];
    if (declaration?.kind !== this.K.VariableDeclaration || (declaration as TS.VariableDeclaration).initializer !== path[above]) return undefined;
    const name = (declaration as TS.VariableDeclaration).name;
    if (name.kind !== this.K.Identifier) return undefined;
    return this.name(name.text).declarations.find((d) => d.node === declaration);
  }

  // ---- routes to payloads -------------------------------------------------------------------------------------

  /**
   * Calls that may send to the endpoint. Every URL on the iDenfy host starts from a string literal holding
   * "idenfy"; from each, follow the value up through what carries it (templates, `+`, `new URL`, options objects,
   * client factories, method chains) and, through constants, properties, class fields and enum members, to every
   * place their names are read. Each call passed on the way is a candidate; the request finder decides.
   * @param followImport which imports to follow: a URL or a wrapper may come in by an imported name (`BASE`,
   *   `config.URL`, `postToIdenfy`), but only from a module whose values can be read (`ResolutionContext.providesValues`).
   */
  candidateCalls(followImport?: (specifier: string) => boolean): Array<TS.CallExpression | TS.NewExpression> {
    const K = this.K;
    const calls = new Set<TS.CallExpression | TS.NewExpression>();
    const tainted = new Set<string>();
    const work: Array<{ path: TS.Node[]; at: number }> = [];

    // A URL built from an imported base, or a wrapper's path argument, has no iDenfy host in this file: its path does.
    const seed = /idenfy|\/token/gi;
    for (let match = seed.exec(this.text); match; match = seed.exec(this.text)) {
      const path = this.pathAt(match.index);
      const literal = path[path.length - 1];
      const kind = literal.kind;
      if (kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.TemplateHead || kind === K.TemplateMiddle || kind === K.TemplateTail) {
        work.push({ path, at: path.length - 1 });
      }
    }

    const taintName = (name: string, member: boolean) => {
      const key = `${member ? '.' : ''}${name}`;
      if (tainted.has(key)) return;
      tainted.add(key);
      const info = this.name(name);
      if (member) for (const path of info.memberAccesses) work.push({ path, at: path.length - 1 });
      else for (const path of info.references) work.push({ path, at: path.length - 1 });
    };

    // The function around path[at] (itself, or the nearest above it), by each name a call can reach it by.
    const taintCallers = (path: TS.Node[], at: number) => {
      while (at > 0 && !isFunctionLike(this.ts, path[at])) at--;
      if (at > 0) for (const { name, member } of callableNames(this.ts, path, at)) taintName(name, member);
    };

    // With other modules readable, a URL may come in by an imported name (`BASE`, `config.URL`, `Urls.Token`).
    if (followImport) for (const { name, specifier } of this.imports()) if (followImport(specifier)) taintName(name, false);

    for (let guard = 0; work.length > 0 && guard < 100_000; guard++) {
      const { path, at } = work.pop()!;
      for (let child = at; child > 0; child--) {
        const node = path[child];
        const parent = path[child - 1];
        let climb = true;
        switch (parent.kind) {
          case K.CallExpression:
          case K.NewExpression: {
            const call = parent as TS.CallExpression;
            calls.add(call);
            // Up from a call's result only where it still carries the URL: a method chain (`superagent.post(url).send`),
            // `new URL(…)`, `String(…)`, a client factory (`axios.create({ baseURL })`).
            const chained = path[child - 2]?.kind === K.PropertyAccessExpression && (path[child - 2] as TS.PropertyAccessExpression).expression === call;
            climb = call.expression === node || chained || carriesUrl(this.ts, call);
            break;
          }
          case K.VariableDeclaration:
          case K.Parameter: {
            // `const URL = …`, and a parameter's default (`function post(body, url = TOKEN_URL)`): read where the name is.
            const declaration = parent as TS.VariableDeclaration | TS.ParameterDeclaration;
            if (declaration.initializer === node && declaration.name.kind === K.Identifier) taintName(declaration.name.text, false);
            climb = false;
            break;
          }
          case K.PropertyDeclaration:
          case K.EnumMember: {
            const member = parent as TS.PropertyDeclaration;
            if (member.initializer === node && (member.name.kind === K.Identifier || member.name.kind === K.StringLiteral)) taintName(member.name.text, true);
            climb = false;
            break;
          }
          case K.ReturnStatement:
            // `return URL` (and an arrow's expression body): the value comes out where the function is called.
            taintCallers(path, child - 1);
            climb = false;
            break;
          case K.ArrowFunction:
            if ((parent as TS.ArrowFunction).body === node) taintCallers(path, child - 1);
            climb = false;
            break;
          case K.ConditionalExpression:
            climb = (parent as TS.ConditionalExpression).condition !== node;
            break;
          case K.TemplateSpan:
          case K.TemplateExpression:
          case K.ParenthesizedExpression:
          case K.AsExpression:
          case K.SatisfiesExpression:
          case K.NonNullExpression:
          case K.TypeAssertionExpression:
          case K.PropertyAccessExpression:
          case K.ElementAccessExpression:
          case K.PropertyAssignment:
          case K.ShorthandPropertyAssignment:
          case K.ObjectLiteralExpression:
          case K.AwaitExpression:
            break;
          case K.BinaryExpression: {
            const binary = parent as TS.BinaryExpression;
            const operator = binary.operatorToken.kind;
            climb = operator === K.PlusToken || operator === K.QuestionQuestionToken || operator === K.BarBarToken;
            // `this.baseUrl = '…'` in a constructor: the property's readers follow.
            const target = unwrapExpression(this.ts, binary.left);
            if (operator === K.EqualsToken && binary.right === node && target.kind === K.PropertyAccessExpression) {
              taintName((target as TS.PropertyAccessExpression).name.text, true);
            }
            break;
          }
          default:
            climb = false;
        }
        if (!climb) break;
      }
    }
    return [...calls].sort((a, b) => a.pos - b.pos);
  }

  /**
   * Object literals typed with a payload type name: `const x: T = {…}`, `{…} satisfies T`, `{…} as T`, `<T>{…}`,
   * a class field `x: T = {…}`, `T[]` with an array literal, and what a function returning `T` returns.
   * Found from the text: each occurrence of a pattern's literal part, widened to the whole identifier.
   */
  typedLiterals(searchWords: readonly string[], isPayloadTypeName: (name: string) => boolean): TypedLiteral[] {
    const K = this.K;
    const found: TypedLiteral[] = [];
    const seen = new Set<number>();
    const text = this.text;
    for (const word of searchWords) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
        let start = at;
        while (start > 0 && isWordCharacterAt(text, start - 1)) start--;
        if (seen.has(start)) continue;
        seen.add(start);
        const path = this.pathAt(start);
        let child = path.length - 1;
        if (path[child].kind !== K.Identifier || path[child].getStart(this.sourceFile) !== start) continue;
        while (path[child - 1]?.kind === K.QualifiedName) child--;
        const reference = path[child - 1];
        if (reference?.kind !== K.TypeReference || (reference as TS.TypeReferenceNode).typeName !== path[child]) continue;
        const typeName = entityName(this.ts, (reference as TS.TypeReferenceNode).typeName);
        if (!isPayloadTypeName(typeName)) continue;
        child -= 1;
        while (path[child - 1]?.kind === K.ParenthesizedType) child--;
        const isArray = path[child - 1]?.kind === K.ArrayType;
        if (isArray) child--;
        const owner = path[child - 1];
        if (!owner || (owner as TS.VariableDeclaration).type !== path[child]) continue;
        const values: TS.Expression[] = [];
        switch (owner.kind) {
          case K.VariableDeclaration:
          case K.PropertyDeclaration:
            if ((owner as TS.VariableDeclaration).initializer) values.push((owner as TS.VariableDeclaration).initializer!);
            break;
          case K.AsExpression:
          case K.SatisfiesExpression:
          case K.TypeAssertionExpression:
            values.push((owner as TS.AsExpression).expression);
            break;
          default:
            if (isFunctionLike(this.ts, owner) && !isArray) for (const returned of this.returnedValues(owner as TS.FunctionLikeDeclaration)) values.push(returned);
        }
        for (const value of values) {
          const unwrapped = unwrapExpression(this.ts, value);
          const objects =
            isArray && unwrapped.kind === K.ArrayLiteralExpression ? (unwrapped as TS.ArrayLiteralExpression).elements.map((e) => unwrapExpression(this.ts, e)) : isArray ? [] : [unwrapped];
          for (const object of objects)
            if (object.kind === K.ObjectLiteralExpression) found.push({ object: object as TS.ObjectLiteralExpression, typeName, reference: reference as TS.TypeReferenceNode });
        }
      }
    }
    return found;
  }

  /** Names this file imports (`import …`, `const x = require(…)`, `const { x } = require(…)`), at the top level, with their module specifiers. */
  imports(): Array<{ readonly name: string; readonly specifier: string }> {
    const ts = this.ts;
    const found: Array<{ name: string; specifier: string }> = [];
    for (const statement of this.sourceFile.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (clause.name) found.push({ name: clause.name.text, specifier });
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) found.push({ name: bindings.name.text, specifier });
        else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) found.push({ name: element.name.text, specifier });
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const specifier = declaration.initializer && requiredSpecifier(ts, declaration.initializer);
          if (specifier === undefined) continue;
          if (ts.isIdentifier(declaration.name)) found.push({ name: declaration.name.text, specifier });
          else if (ts.isObjectBindingPattern(declaration.name)) for (const element of declaration.name.elements) if (ts.isIdentifier(element.name)) found.push({ name: element.name.text, specifier });
        }
      }
    }
    return found;
  }

  /** The member names of an interface or object type alias declared here under `name`; undefined when not plain. */
  typeMembers(name: string): string[] | undefined {
    const K = this.K;
    for (const at of this.occurrences(name)) {
      const path = this.pathAt(at);
      const identifier = path[path.length - 1];
      const declaration = path[path.length - 2];
      if (!declaration || (declaration as TS.InterfaceDeclaration).name !== identifier) continue;
      if (declaration.kind === K.InterfaceDeclaration) {
        const node = declaration as TS.InterfaceDeclaration;
        if (node.heritageClauses?.length) return undefined;
        return membersOf(node.members);
      }
      if (declaration.kind === K.TypeAliasDeclaration) {
        const type = (declaration as TS.TypeAliasDeclaration).type;
        return type.kind === K.TypeLiteral ? membersOf((type as TS.TypeLiteralNode).members) : undefined;
      }
    }
    return undefined;

    function membersOf(members: TS.NodeArray<TS.TypeElement>): string[] | undefined {
      const names: string[] = [];
      for (const member of members) {
        const memberName = member.name;
        if (!memberName || (memberName.kind !== K.Identifier && memberName.kind !== K.StringLiteral)) return undefined; // index signature, computed
        names.push((memberName as TS.Identifier).text);
      }
      return names;
    }
  }

  /** What a function returns: an arrow's expression body, or every `return` not inside a nested function. */
  returnedValues(fn: TS.FunctionLikeDeclaration): TS.Expression[] {
    const ts = this.ts;
    if (!fn.body) return [];
    if (fn.body.kind !== this.K.Block) return [fn.body as TS.Expression];
    const values: TS.Expression[] = [];
    const visit = (node: TS.Node): undefined => {
      if (isFunctionLike(ts, node) || node.kind === this.K.ClassDeclaration || node.kind === this.K.ClassExpression) return undefined;
      if (node.kind === this.K.ReturnStatement && (node as TS.ReturnStatement).expression) values.push((node as TS.ReturnStatement).expression!);
      ts.forEachChild(node, visit);
      return undefined;
    };
    ts.forEachChild(fn.body, visit);
    return values;
  }
}

/** The element of a position-sorted node array whose full range holds `position`. */
function findInArray(children: TS.NodeArray<TS.Node>, position: number): TS.Node | undefined {
  let low = 0;
  let high = children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = children[middle];
    if (position < child.pos) high = middle - 1;
    else if (position >= child.end) low = middle + 1;
    else return child;
  }
  return undefined;
}

/** `require('x')` (also `require('x').default`): the specifier. */
export function requiredSpecifier(ts: typeof TS, expression: TS.Expression): string | undefined {
  let e = unwrapExpression(ts, expression);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'default') e = unwrapExpression(ts, e.expression);
  if (!ts.isCallExpression(e) || e.arguments.length !== 1) return undefined;
  const callee = unwrapExpression(ts, e.expression);
  const argument = e.arguments[0];
  return ts.isIdentifier(callee) && callee.text === 'require' && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) ? argument.text : undefined;
}

/** Calls whose result still holds the URL given to them. */
function carriesUrl(ts: typeof TS, call: TS.CallExpression | TS.NewExpression): boolean {
  const callee = unwrapExpression(ts, call.expression);
  if (callee.kind === ts.SyntaxKind.Identifier) return (callee as TS.Identifier).text === 'URL' || (callee as TS.Identifier).text === 'String';
  return callee.kind === ts.SyntaxKind.PropertyAccessExpression && CLIENT_FACTORIES.has((callee as TS.PropertyAccessExpression).name.text);
}

/** Methods that make a client instance from options: `axios.create`, `ky.create`, `ky.extend`, `got.extend`, `ofetch.create`. */
export const CLIENT_FACTORIES = new Set(['create', 'extend']);

export function isFunctionLike(ts: typeof TS, node: TS.Node): boolean {
  const K = ts.SyntaxKind;
  const kind = node.kind;
  return (
    kind === K.FunctionDeclaration ||
    kind === K.FunctionExpression ||
    kind === K.ArrowFunction ||
    kind === K.MethodDeclaration ||
    kind === K.Constructor ||
    kind === K.GetAccessor ||
    kind === K.SetAccessor
  );
}

function entityName(ts: typeof TS, name: TS.EntityName): string {
  return name.kind === ts.SyntaxKind.Identifier ? name.text : `${entityName(ts, name.left)}.${name.right.text}`;
}

/**
 * The names a call can reach the function `path[at]` by, as `functionOf` resolves callees: its own name, the
 * variable it initialises (`const f = () => …`), or, as a member (`x.f(…)`, `this.f(…)`), the method, class field,
 * object property or assigned member (`exports.f = …`) it is.
 */
export function callableNames(ts: typeof TS, path: readonly TS.Node[], at: number): Array<{ name: string; member: boolean }> {
  const K = ts.SyntaxKind;
  const fn = path[at] as TS.FunctionLikeDeclaration;
  const names: Array<{ name: string; member: boolean }> = [];
  const memberName = (name: TS.Node | undefined) => {
    if (name && (name.kind === K.Identifier || name.kind === K.StringLiteral || name.kind === K.PrivateIdentifier)) names.push({ name: (name as TS.Identifier).text, member: true });
  };
  if (fn.kind === K.MethodDeclaration) memberName(fn.name);
  else if (fn.name?.kind === K.Identifier) names.push({ name: fn.name.text, member: false });
  let child = at;
  while (child > 0 && isExpressionWrapper(ts, path[child - 1].kind)) child--;
  const holder = path[child - 1];
  switch (holder?.kind) {
    case K.VariableDeclaration:
      if ((holder as TS.VariableDeclaration).initializer === path[child] && (holder as TS.VariableDeclaration).name.kind === K.Identifier) {
        names.push({ name: ((holder as TS.VariableDeclaration).name as TS.Identifier).text, member: false });
      }
      break;
    case K.PropertyDeclaration:
    case K.PropertyAssignment:
      if ((holder as TS.PropertyAssignment).initializer === path[child]) memberName((holder as TS.PropertyAssignment).name);
      break;
    case K.BinaryExpression: {
      const assignment = holder as TS.BinaryExpression;
      if (assignment.operatorToken.kind !== K.EqualsToken || assignment.right !== path[child]) break;
      const target = unwrapExpression(ts, assignment.left);
      if (target.kind === K.Identifier) names.push({ name: (target as TS.Identifier).text, member: false });
      else if (target.kind === K.PropertyAccessExpression) memberName((target as TS.PropertyAccessExpression).name);
      break;
    }
  }
  return names;
}

/**
 * The start offsets of every word of a text (each run of identifier characters: letters, digits, `_`, `$`, and what
 * Unicode lets continue an identifier), keyed by a hash of the word: no string is made per word, and a lookup
 * (`wordsAt`) checks the text at each offset, so a collision never answers a wrong word.
 */
function wordIndex(text: string): Map<number, number[]> {
  const words = new Map<number, number[]>();
  const length = text.length;
  let at = 0;
  while (at < length) {
    if (!isWordCharacterAt(text, at)) {
      at++;
      continue;
    }
    const start = at;
    let hash = 0;
    for (; at < length && isWordCharacterAt(text, at); at++) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
    const list = words.get(hash);
    if (list) list.push(start);
    else words.set(hash, [start]);
  }
  return words;
}

/** Where `word` starts as a whole word, from a `wordIndex` of `text`. */
function wordsAt(index: Map<number, number[]>, text: string, word: string): readonly number[] {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  const starts = index.get(hash);
  if (!starts) return NONE;
  return starts.filter((start) => text.startsWith(word, start) && !isWordCharacterAt(text, start + word.length));
}

function isWordCharacterAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
  return IDENTIFIER_CHARACTER.test(text.charAt(at));
}

function emptyNameInfo(): NameInfo {
  return { declarations: [], reassignments: [], mutations: [], references: [], memberAccesses: [], thisWrites: [] };
}

/** Parentheses and type assertions: syntax around an expression that leaves its value as it is. */
export function isExpressionWrapper(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  const K = ts.SyntaxKind;
  return kind === K.ParenthesizedExpression || kind === K.AsExpression || kind === K.SatisfiesExpression || kind === K.NonNullExpression || kind === K.TypeAssertionExpression;
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `<T>x` and the non-null `!`. */
export function unwrapExpression(ts: typeof TS, expression: TS.Expression): TS.Expression {
  while (isExpressionWrapper(ts, expression.kind)) expression = (expression as TS.ParenthesizedExpression).expression;
  return expression;
}

/** `Root.name`, e.g. `JSON.stringify`, `Object.assign`. */
export function isNamed(ts: typeof TS, access: TS.PropertyAccessExpression, root: string, name: string): boolean {
  const object = unwrapExpression(ts, access.expression);
  return access.name.text === name && object.kind === ts.SyntaxKind.Identifier && (object as TS.Identifier).text === root;
}
