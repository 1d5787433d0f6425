import type * as TS from 'typescript';
import { isLoopbackHost } from '../payload/target';
import { exportTable, ModuleGraph, normalize } from './modules';
import { CLIENT_FACTORIES, Declaration, isFunctionLike, Mutation, SourceIndex, unwrapExpression } from './sourceIndex';

/** What a name stands for in another module (or a namespace import, or a bound wrapper parameter). */
export interface Binding {
  readonly resolver: Resolver;
  readonly declaration?: Declaration;
  readonly expression?: TS.Expression;
  /** `import * as x`, `const x = require('…')`: the module itself. */
  readonly namespace?: boolean;
}

/** A function a call reaches, with the resolver of the file it is written in. */
export interface FunctionTarget {
  readonly resolver: Resolver;
  readonly fn: TS.FunctionLikeDeclaration;
}

/** A function resolution reaches: its file's index records it as read (its body now matters to the analysis). */
function functionTarget(resolver: Resolver, fn: TS.FunctionLikeDeclaration): FunctionTarget {
  resolver.index.readFunctions.add(fn);
  return { resolver, fn };
}

/**
 * One analysis's view of the other modules: the resolvers of the files read so far (each file once), what was read
 * (recorded as the document's dependencies), and a budget so a huge import graph cannot stall a keystroke.
 */
export class ResolutionContext {
  readonly read = new Set<string>();
  private readonly resolvers = new Map<string, Resolver | null>();
  private budget = 48;

  constructor(
    private readonly ts: typeof TS,
    readonly graph: ModuleGraph | undefined,
  ) {}

  /** @internal */
  register(path: string, resolver: Resolver): void {
    this.resolvers.set(path, resolver);
  }

  /** The resolver of the module `specifier` names from `fromPath`. */
  moduleResolver(fromPath: string, specifier: string): Resolver | undefined {
    if (!this.graph) return undefined;
    const path = this.graph.resolve(fromPath, specifier);
    if (path === undefined) return undefined;
    const known = this.resolvers.get(path);
    if (known !== undefined) return known ?? undefined;
    if (this.budget-- <= 0) return undefined;
    this.read.add(path);
    const file = this.graph.file(this.ts, path);
    const resolver = file ? new Resolver(this.ts, file.index, this, path) : undefined;
    this.resolvers.set(path, resolver ?? null);
    return resolver;
  }

  /**
   * Whether names imported from `specifier` can stand for a value resolution reads (a URL, a client, a wrapper): the
   * module resolves to a file, and not to a declaration file (`.d.ts`: types, no function bodies, the form most
   * packages are resolved to). Answered from the module graph's resolution cache, without reading the module.
   */
  providesValues(fromPath: string, specifier: string): boolean {
    const path = this.graph?.resolve(fromPath, specifier);
    return path !== undefined && !DECLARATION_FILE.test(path);
  }

  /** The (unbound) resolver whose file holds `node`. */
  resolverContaining(node: TS.Node): Resolver | undefined {
    for (const resolver of this.resolvers.values()) if (resolver && resolver.index.contains(node)) return resolver;
    return undefined;
  }
}

const DECLARATION_FILE = /\.d\.(?:[mc]?ts|[^./\\]+\.ts)$/i;

/** Resolution stops this many steps deep: enough for any real constant chain, and no cycle or long chain can hang it. */
const MAX_DEPTH = 24;

/**
 * Answers "what constant does this expression stand for", within one file and conservatively: a name resolves only
 * to the initialiser of a `const`, or of a `let`/`var` that is never reassigned, found by scope the way JavaScript
 * does; an object's property only when the object is a same-file literal nobody writes to. Anything else is unknown.
 */
export class Resolver {
  private readonly stringMemo = new Map<TS.Node, string | null>();
  private readonly reassigned = new Map<Declaration, boolean>();
  private readonly mutationMemo = new Map<Declaration, Mutation[]>();
  private readonly K: typeof TS.SyntaxKind;

  readonly path: string;

  /**
   * @param context other modules (absent: resolution stays within the file)
   * @param bindings a wrapper's parameters bound to a call site's arguments (evaluated by `caller`)
   */
  constructor(
    private readonly ts: typeof TS,
    readonly index: SourceIndex,
    readonly context?: ResolutionContext,
    path?: string,
    private readonly bindings?: ReadonlyMap<TS.Node, TS.Expression | undefined>,
    readonly caller?: Resolver,
    readonly wrapperDepth = 0,
  ) {
    this.K = ts.SyntaxKind;
    this.path = normalize(path ?? index.sourceFile.fileName);
    if (context && !bindings) context.register(this.path, this);
  }

  /** The resolver that owns `node`: this one, a caller's (a bound wrapper's arguments), or another module's. */
  route(node: TS.Node): Resolver {
    if (!this.context || this.index.contains(node)) return this;
    for (let caller = this.caller; caller; caller = caller.caller) if (caller.index.contains(node)) return caller;
    return this.context.resolverContaining(node) ?? this;
  }

  /** A resolver for this file with a wrapper's parameters bound to the arguments of a call evaluated by `caller`. */
  bind(bindings: ReadonlyMap<TS.Node, TS.Expression | undefined>, caller: Resolver): Resolver {
    return new Resolver(this.ts, this.index, this.context, this.path, bindings, caller, caller.wrapperDepth + 1);
  }

  /** What an imported name stands for: `import { x } from './m'`, `const m = require('./m')`. */
  importBinding(declaration: Declaration): Binding | undefined {
    const imported = declaration.imported;
    if (!imported || !this.context) return undefined;
    const target = this.context.moduleResolver(this.path, imported.specifier);
    if (!target) return undefined;
    return imported.name === '*' ? { resolver: target, namespace: true } : target.exported(imported.name);
  }

  /** What this module exports under `name`. */
  exported(name: string, depth = 0): Binding | undefined {
    if (depth > 12) return undefined;
    const file = { path: this.path, text: this.index.sourceFile.text, sourceFile: this.index.sourceFile, index: this.index } as Parameters<typeof exportTable>[1];
    const table = (this.exportTableCache ??= exportTable(this.ts, file));
    const entry = table.named.get(name);
    if (entry?.kind === 'expression') return { resolver: this, expression: entry.expression };
    if (entry?.kind === 'local') {
      const declaration = this.declarationOf(entry.name, this.index.sourceFile.end);
      if (!declaration) return undefined;
      if (declaration.imported) return this.importBinding(declaration);
      return { resolver: this, declaration };
    }
    if (entry?.kind === 'reexport') {
      const target = this.context?.moduleResolver(this.path, entry.specifier);
      if (!target) return undefined;
      return entry.name === '*' ? { resolver: target, namespace: true } : target.exported(entry.name, depth + 1);
    }
    if (table.commonJs) {
      if (name === 'default') return { resolver: this, expression: table.commonJs };
      const literal = this.objectLiteralOf(table.commonJs);
      const value = literal && this.propertyValue(literal, name);
      if (value) return { resolver: this, expression: value };
    }
    if (name === 'default') return undefined;
    for (const star of table.stars) {
      const found = this.context?.moduleResolver(this.path, star)?.exported(name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private exportTableCache?: ReturnType<typeof exportTable>;

  /**
   * Whether the type a reference names is declared (here or in an imported module) as a plain object type without
   * `member`: then it is not the token request, whatever its name says. Unknown declarations answer false.
   */
  typeLacksMember(reference: TS.TypeReferenceNode, member: string): boolean {
    if (!this.ts.isIdentifier(reference.typeName)) return false;
    const members = this.typeMembersOf(reference.typeName.text);
    return members !== undefined && !members.includes(member);
  }

  private typeMembersOf(name: string, depth = 0): string[] | undefined {
    if (depth > 8) return undefined;
    const local = this.index.typeMembers(name);
    if (local) return local;
    const imported = this.index.declarationsOf(name).find((d) => d.imported);
    if (!imported?.imported || !this.context) return undefined;
    const target = this.context.moduleResolver(this.path, imported.imported.specifier);
    return target?.exportedTypeMembers(imported.imported.name, depth + 1);
  }

  /** @internal */
  exportedTypeMembers(name: string, depth: number): string[] | undefined {
    if (depth > 8) return undefined;
    const file = { path: this.path, text: this.index.sourceFile.text, sourceFile: this.index.sourceFile, index: this.index } as Parameters<typeof exportTable>[1];
    const table = (this.exportTableCache ??= exportTable(this.ts, file));
    const entry = table.named.get(name);
    if (entry?.kind === 'local') return this.typeMembersOf(entry.name, depth + 1);
    if (entry?.kind === 'reexport') return this.context?.moduleResolver(this.path, entry.specifier)?.exportedTypeMembers(entry.name, depth + 1);
    for (const star of table.stars) {
      const found = this.context?.moduleResolver(this.path, star)?.exportedTypeMembers(name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The expression a binding stands for (a namespace: a CommonJS module's `module.exports`). */
  private bindingValue(binding: Binding): TS.Expression | undefined {
    if (binding.expression) return binding.expression;
    if (binding.declaration) return binding.resolver.initializerOf(binding.declaration);
    if (binding.namespace) return binding.resolver.exported('default')?.expression;
    return undefined;
  }

  /** The declaration a name refers to at a position: the one of the innermost enclosing scope. */
  declarationOf(name: string, at: number): Declaration | undefined {
    let best: Declaration | undefined;
    let ambiguous = false;
    for (const declaration of this.index.declarationsOf(name)) {
      const { pos, end } = declaration.scope;
      if (!(pos < at && at <= end)) continue;
      if (!best || pos > best.scope.pos || (pos === best.scope.pos && end < best.scope.end)) {
        best = declaration;
        ambiguous = false;
      } else if (declaration.scope === best.scope) {
        ambiguous = true; // declared twice in one scope (`var x` twice, overloads): do not guess
      }
    }
    return ambiguous ? undefined : best;
  }

  /** The initialiser a variable certainly holds: a `const`'s, or a never-reassigned `let`/`var`'s. */
  initializerOf(declaration: Declaration): TS.Expression | undefined {
    const owner = this.route(declaration.node);
    if (owner !== this) return owner.initializerOf(declaration);
    if (!declaration.initializer) return undefined;
    if (declaration.kind === 'const') return declaration.initializer;
    if ((declaration.kind === 'let' || declaration.kind === 'var') && !this.isReassigned(declaration)) return declaration.initializer;
    return undefined;
  }

  valueOfIdentifier(identifier: TS.Identifier): TS.Expression | undefined {
    const owner = this.route(identifier);
    if (owner !== this) return owner.valueOfIdentifier(identifier);
    const declaration = this.declarationOf(identifier.text, identifier.end);
    if (!declaration) return undefined;
    if (declaration.imported) {
      const binding = this.importBinding(declaration);
      return binding && this.bindingValue(binding);
    }
    if (this.bindings?.has(declaration.node)) {
      return this.bindings.get(declaration.node) ?? (declaration.node as TS.ParameterDeclaration).initializer;
    }
    return this.initializerOf(declaration);
  }

  isReassigned(declaration: Declaration): boolean {
    let answer = this.reassigned.get(declaration);
    if (answer === undefined) {
      answer = this.index.name(declaration.name).reassignments.some((identifier) => this.declarationOf(declaration.name, identifier.end) === declaration);
      this.reassigned.set(declaration, answer);
    }
    return answer;
  }

  /** Writes to properties of the object a variable holds (`x.k = …`, `delete x.k`, `Object.assign(x, …)`). */
  mutationsOf(declaration: Declaration): Mutation[] {
    let list = this.mutationMemo.get(declaration);
    if (!list) {
      list = this.index.name(declaration.name).mutations.filter((m) => this.declarationOf(m.root.text, m.root.end) === declaration);
      this.mutationMemo.set(declaration, list);
    }
    return list;
  }

  /** The string an expression certainly evaluates to, or undefined. */
  stringValue(expression: TS.Expression, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const owner = this.route(expression);
    if (owner !== this) return owner.stringValue(expression, depth);
    const memo = this.stringMemo.get(expression);
    if (memo !== undefined) return memo ?? undefined;
    this.stringMemo.set(expression, null); // guards cycles: `const a = b; const b = a;`
    const value = this.computeString(expression, depth + 1);
    this.stringMemo.set(expression, value ?? null);
    return value;
  }

  private computeString(expression: TS.Expression, depth: number): string | undefined {
    const K = this.K;
    const e = unwrapExpression(this.ts, expression);
    switch (e.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return (e as TS.StringLiteral).text;
      case K.NumericLiteral:
        return String(Number((e as TS.NumericLiteral).text));
      case K.TemplateExpression: {
        const template = e as TS.TemplateExpression;
        let text = template.head.text;
        for (const span of template.templateSpans) {
          const part = this.stringValue(span.expression, depth);
          if (part === undefined) return undefined;
          text += part + span.literal.text;
        }
        return text;
      }
      case K.BinaryExpression: {
        const binary = e as TS.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (operator === K.PlusToken) {
          const left = this.stringValue(binary.left, depth);
          const right = left === undefined ? undefined : this.stringValue(binary.right, depth);
          return left === undefined || right === undefined ? undefined : left + right;
        }
        // `process.env.IDENFY_URL ?? 'https://ivs.idenfy.com'`: the written fallback says where the code is aimed.
        if (operator === K.QuestionQuestionToken || operator === K.BarBarToken) {
          const left = this.stringValue(binary.left, depth);
          return left !== undefined && left !== '' ? left : this.stringValue(binary.right, depth);
        }
        return undefined;
      }
      case K.Identifier: {
        const value = this.valueOfIdentifier(e as TS.Identifier);
        return value && this.stringValue(value, depth);
      }
      case K.PropertyAccessExpression: {
        const access = e as TS.PropertyAccessExpression;
        // `new URL(…).href`
        if (access.name.text === 'href' && unwrapExpression(this.ts, access.expression).kind === K.NewExpression) return this.stringValue(access.expression, depth);
        const value = this.memberValue(access, depth);
        return value && this.stringValue(value, depth);
      }
      case K.ElementAccessExpression: {
        const value = this.memberValue(e as TS.ElementAccessExpression, depth);
        return value && this.stringValue(value, depth);
      }
      case K.ConditionalExpression: {
        // `prod ? 'https://ivs.idenfy.com' : 'https://ivs.test.idenfy.com'`, `local ? 'http://localhost:8080' : …`
        const conditional = e as TS.ConditionalExpression;
        return oneAim(this.stringValue(conditional.whenTrue, depth), this.stringValue(conditional.whenFalse, depth));
      }
      case K.CallExpression: {
        const call = e as TS.CallExpression;
        const callee = unwrapExpression(this.ts, call.expression);
        // `String(x)`, `x.toString()`
        if (callee.kind === K.Identifier && (callee as TS.Identifier).text === 'String' && call.arguments.length === 1) return this.stringValue(call.arguments[0], depth);
        if (callee.kind === K.PropertyAccessExpression && (callee as TS.PropertyAccessExpression).name.text === 'toString' && call.arguments.length === 0) {
          return this.stringValue((callee as TS.PropertyAccessExpression).expression, depth);
        }
        // `getBaseUrl()`: what the function returns, when every return gives the same string
        const target = this.functionOf(callee, depth);
        if (!target) return undefined;
        const values = target.resolver.index.returnedValues(target.fn).map((v) => target.resolver.stringValue(v, depth));
        return values.length > 0 && values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined;
      }
      case K.NewExpression: {
        // `new URL(path, base)`
        const construction = e as TS.NewExpression;
        const callee = unwrapExpression(this.ts, construction.expression);
        const args = construction.arguments ?? [];
        if (callee.kind !== K.Identifier || (callee as TS.Identifier).text !== 'URL' || args.length < 1 || args.length > 2) return undefined;
        const path = this.stringValue(args[0], depth);
        const base = args.length === 2 ? this.stringValue(args[1], depth) : undefined;
        if (path === undefined || (args.length === 2 && base === undefined)) return undefined;
        try {
          return new URL(path, base).href;
        } catch {
          return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  /** The expression `a.b` or `a['b']` stands for, when `a` is a same-file object literal, enum, or class nobody writes to. */
  memberValue(access: TS.PropertyAccessExpression | TS.ElementAccessExpression, depth = 0): TS.Expression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const owner = this.route(access);
    if (owner !== this) return owner.memberValue(access, depth);
    const K = this.K;
    const key = access.kind === K.PropertyAccessExpression ? (access as TS.PropertyAccessExpression).name.text : this.stringValue((access as TS.ElementAccessExpression).argumentExpression, depth + 1);
    if (key === undefined) return undefined;
    const object = unwrapExpression(this.ts, access.expression);

    if (object.kind === K.ThisKeyword) {
      const classNode = this.index.enclosingClass(access);
      if (!classNode) return undefined;
      const property = this.classProperty(classNode, key);
      if (property && this.hasModifier(property, K.StaticKeyword)) return undefined;
      if (property?.initializer) {
        return this.hasModifier(property, K.ReadonlyKeyword) || this.index.classPropertyWrites(classNode, key).length === 0 ? property.initializer : undefined;
      }
      // JavaScript classes set their fields in the constructor: `this.baseUrl = '…'`, written once and nowhere else.
      return this.index.constructorAssignment(classNode, key);
    }

    if (object.kind === K.Identifier) {
      const declaration = this.declarationOf((object as TS.Identifier).text, object.end);
      if (!declaration) return undefined;
      if (declaration.imported) {
        const binding = this.importBinding(declaration);
        if (!binding) return undefined;
        if (binding.namespace) {
          const member = binding.resolver.exported(key);
          if (member) return member.expression ?? (member.declaration && member.resolver.initializerOf(member.declaration));
        }
        if (binding.declaration) return binding.resolver.memberOfDeclaration(binding.declaration, key, depth + 1);
        const value = this.bindingValue(binding);
        const literal = value && this.objectLiteralOf(value, depth + 1);
        return literal && this.propertyValue(literal, key);
      }
      return this.memberOfDeclaration(declaration, key, depth);
    }

    // `ns.Urls.Token`, `ns.Api.BASE`: a member of an enum or class another module exports
    if (object.kind === K.PropertyAccessExpression && this.context) {
      const inner = object as TS.PropertyAccessExpression;
      const root = unwrapExpression(this.ts, inner.expression);
      const declaration = root.kind === K.Identifier ? this.declarationOf((root as TS.Identifier).text, root.end) : undefined;
      const binding = declaration?.imported ? this.importBinding(declaration) : undefined;
      const member = binding?.namespace ? binding.resolver.exported(inner.name.text) : undefined;
      if (member?.declaration && (member.declaration.kind === 'enum' || member.declaration.kind === 'class')) {
        return member.resolver.memberOfDeclaration(member.declaration, key, depth + 1);
      }
    }

    const literal = this.objectLiteralOf(object, depth + 1);
    return literal && this.propertyValue(literal, key);
  }

  /** `X.key` where X is declared here: an enum member, a class's static field, a property of a constant object. */
  memberOfDeclaration(declaration: Declaration, key: string, depth = 0): TS.Expression | undefined {
    const K = this.K;
    {
      if (declaration.kind === 'enum') {
        const member = (declaration.node as TS.EnumDeclaration).members.find((m) => this.propertyName(m.name) === key);
        return member?.initializer;
      }
      if (this.mutationsOf(declaration).length > 0) return undefined;
      if (declaration.kind === 'class') {
        const property = this.classProperty(declaration.node as TS.ClassLikeDeclaration, key);
        return property?.initializer && this.hasModifier(property, K.StaticKeyword) ? property.initializer : undefined;
      }
      const initializer = this.bindings?.has(declaration.node) ? this.valueOfBound(declaration) : this.initializerOf(declaration);
      const literal = initializer && this.objectLiteralOf(initializer, depth + 1);
      return literal && this.propertyValue(literal, key);
    }
  }

  private valueOfBound(declaration: Declaration): TS.Expression | undefined {
    return this.bindings!.get(declaration.node) ?? (declaration.node as TS.ParameterDeclaration).initializer;
  }

  /**
   * The function a callee names: a function declaration or a constant holding a function (here or imported),
   * `this.method` of the enclosing class, `instance.method` of `new Class()`, a function-valued property.
   */
  functionOf(callee: TS.Expression, depth = 0): FunctionTarget | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const owner = this.route(callee);
    if (owner !== this) return owner.functionOf(callee, depth);
    const K = this.K;
    const e = unwrapExpression(this.ts, callee);
    const asFunction = (resolver: Resolver, node: TS.Node | undefined): FunctionTarget | undefined => {
      if (!node) return undefined;
      const value = this.ts.isExpression(node) ? unwrapExpression(this.ts, node) : node;
      return isFunctionLike(this.ts, value) && (value as TS.FunctionLikeDeclaration).body ? functionTarget(resolver, value as TS.FunctionLikeDeclaration) : undefined;
    };
    if (e.kind === K.Identifier) {
      const declaration = this.declarationOf((e as TS.Identifier).text, e.end);
      if (!declaration) return undefined;
      if (declaration.imported) {
        const binding = this.importBinding(declaration);
        if (!binding) return undefined;
        if (binding.declaration) return binding.resolver.functionOfDeclaration(binding.declaration);
        return binding.expression ? (binding.resolver.functionOf(binding.expression, depth + 1) ?? asFunction(binding.resolver, binding.expression)) : undefined;
      }
      return this.functionOfDeclaration(declaration);
    }
    if (e.kind === K.PropertyAccessExpression) {
      const access = e as TS.PropertyAccessExpression;
      const name = access.name.text;
      const object = unwrapExpression(this.ts, access.expression);
      if (object.kind === K.ThisKeyword) {
        const classNode = this.index.enclosingClass(access);
        return classNode ? this.methodOf(classNode, name) : undefined;
      }
      // `instance.method()` where `instance = new Class(…)` (here or imported)
      const value = object.kind === K.Identifier ? this.valueOfIdentifier(object as TS.Identifier) : undefined;
      const construction = value && unwrapExpression(this.ts, value);
      if (construction && construction.kind === K.NewExpression) {
        const owner = this.route(construction);
        const classTarget = owner.classOf((construction as TS.NewExpression).expression);
        if (classTarget) return classTarget.resolver.methodOf(classTarget.node, name);
      }
      const member = this.memberValue(access, depth + 1);
      return member ? asFunction(this.route(member), member) : undefined;
    }
    return asFunction(this, e);
  }

  /** @internal */
  functionOfDeclaration(declaration: Declaration): FunctionTarget | undefined {
    const node = declaration.node;
    if (isFunctionLike(this.ts, node) && (node as TS.FunctionLikeDeclaration).body) return functionTarget(this, node as TS.FunctionLikeDeclaration);
    const value = this.initializerOf(declaration);
    const unwrapped = value && unwrapExpression(this.ts, value);
    return unwrapped && isFunctionLike(this.ts, unwrapped) && (unwrapped as TS.FunctionLikeDeclaration).body ? functionTarget(this, unwrapped as TS.FunctionLikeDeclaration) : undefined;
  }

  /** The class an expression names (here or imported). */
  classOf(expression: TS.Expression): { resolver: Resolver; node: TS.ClassLikeDeclaration } | undefined {
    const e = unwrapExpression(this.ts, expression);
    if (!this.ts.isIdentifier(e)) return undefined;
    const declaration = this.declarationOf(e.text, e.end);
    if (!declaration) return undefined;
    if (declaration.imported) {
      const binding = this.importBinding(declaration);
      return binding?.declaration?.kind === 'class' ? { resolver: binding.resolver, node: binding.declaration.node as TS.ClassLikeDeclaration } : undefined;
    }
    return declaration.kind === 'class' ? { resolver: this, node: declaration.node as TS.ClassLikeDeclaration } : undefined;
  }

  /** @internal A method (or arrow-function field) of a class. */
  methodOf(classNode: TS.ClassLikeDeclaration, name: string): FunctionTarget | undefined {
    this.index.memberKeys.add(name);
    for (const member of classNode.members) {
      if (!member.name || this.propertyName(member.name) !== name) continue;
      if (this.ts.isMethodDeclaration(member) && member.body) return functionTarget(this, member);
      if (this.ts.isPropertyDeclaration(member) && member.initializer) {
        const value = unwrapExpression(this.ts, member.initializer);
        if (isFunctionLike(this.ts, value) && (value as TS.FunctionLikeDeclaration).body) return functionTarget(this, value as TS.FunctionLikeDeclaration);
      }
    }
    return undefined;
  }

  /** The object literal an expression stands for: itself, or what a name or a property holds. */
  objectLiteralOf(expression: TS.Expression, depth = 0): TS.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const owner = this.route(expression);
    if (owner !== this) return owner.objectLiteralOf(expression, depth);
    const K = this.K;
    const e = unwrapExpression(this.ts, expression);
    switch (e.kind) {
      case K.ObjectLiteralExpression:
        return e as TS.ObjectLiteralExpression;
      case K.Identifier: {
        const value = this.valueOfIdentifier(e as TS.Identifier);
        return value && this.objectLiteralOf(value, depth + 1);
      }
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression: {
        const value = this.memberValue(e as TS.PropertyAccessExpression, depth + 1);
        return value && this.objectLiteralOf(value, depth + 1);
      }
      case K.CallExpression:
        return this.returnedObject(e as TS.CallExpression, depth + 1);
      case K.AwaitExpression:
        return undefined;
      default:
        return undefined;
    }
  }

  /** `getConfig()`: the object literal the called function returns (the same one from every `return`). */
  returnedObject(call: TS.CallExpression, depth = 0): TS.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = this.functionOf(call.expression, depth + 1);
    if (!target || target.fn === undefined) return undefined;
    const objects = new Set<TS.ObjectLiteralExpression | undefined>();
    for (const value of target.resolver.index.returnedValues(target.fn)) objects.add(target.resolver.objectLiteralOf(value, depth + 1));
    return objects.size === 1 ? [...objects][0] : undefined;
  }

  /**
   * The value of key `key` in an object literal: the last property of that name, unless a spread or a computed key
   * after it may override it. A shorthand `{ url }` gives the identifier `url`.
   */
  propertyValue(object: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
    const owner = this.route(object);
    if (owner !== this) return owner.propertyValue(object, key);
    const K = this.K;
    let found: TS.Expression | undefined;
    for (const property of object.properties) {
      if (property.kind === K.SpreadAssignment) {
        found = undefined;
        continue;
      }
      const name = this.propertyName(property.name!);
      if (name === undefined) {
        found = undefined; // a computed key may be `key`
        continue;
      }
      if (name !== key) continue;
      if (property.kind === K.PropertyAssignment) found = (property as TS.PropertyAssignment).initializer;
      else if (property.kind === K.ShorthandPropertyAssignment) found = (property as TS.ShorthandPropertyAssignment).name;
      else found = undefined; // method or accessor
    }
    return found;
  }

  /** Whether an object literal has a property of this name (of any kind). */
  hasProperty(object: TS.ObjectLiteralExpression, key: string): boolean {
    const owner = this.route(object);
    if (owner !== this) return owner.hasProperty(object, key);
    return object.properties.some((property) => property.name !== undefined && this.propertyName(property.name) === key);
  }

  /** A key written literally: `a`, `'a'`, `1`, `['a']`, `#a`. */
  propertyName(name: TS.PropertyName): string | undefined {
    const K = this.K;
    switch (name.kind) {
      case K.Identifier:
      case K.PrivateIdentifier:
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return (name as TS.Identifier).text;
      case K.NumericLiteral:
        return String(Number((name as TS.NumericLiteral).text));
      case K.ComputedPropertyName: {
        const inner = unwrapExpression(this.ts, (name as TS.ComputedPropertyName).expression);
        return inner.kind === K.StringLiteral || inner.kind === K.NoSubstitutionTemplateLiteral ? (inner as TS.StringLiteral).text : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The base URL of an HTTP client instance made in this file: `axios.create({ baseURL })`, `ky.create({ prefixUrl })`,
   * `got.extend({ prefixUrl })`, `ofetch.create({ baseURL })`, held by a variable or a class property.
   */
  baseUrlOfClient(client: TS.Expression, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const owner = this.route(client);
    if (owner !== this) return owner.baseUrlOfClient(client, depth);
    const K = this.K;
    const e = unwrapExpression(this.ts, client);
    let creation: TS.Expression | undefined;
    if (e.kind === K.Identifier) creation = this.valueOfIdentifier(e as TS.Identifier);
    else if (e.kind === K.PropertyAccessExpression || e.kind === K.ElementAccessExpression) creation = this.memberValue(e as TS.PropertyAccessExpression, depth + 1);
    if (!creation) return undefined;
    const call = unwrapExpression(this.ts, creation);
    if (call.kind !== K.CallExpression) return undefined;
    const callee = unwrapExpression(this.ts, (call as TS.CallExpression).expression);
    if (callee.kind !== K.PropertyAccessExpression || !CLIENT_FACTORIES.has((callee as TS.PropertyAccessExpression).name.text)) return undefined;
    const config = (call as TS.CallExpression).arguments[0];
    const literal = config && this.objectLiteralOf(config, depth + 1);
    return literal ? this.baseUrlInOptions(literal, depth + 1) : undefined;
  }

  /** `baseURL` (axios, ofetch), `prefixUrl` (got, ky) or `baseUrl` in an options object. */
  baseUrlInOptions(options: TS.ObjectLiteralExpression, depth = 0): string | undefined {
    const owner = this.route(options);
    if (owner !== this) return owner.baseUrlInOptions(options, depth);
    for (const key of BASE_URL_KEYS) {
      const value = this.propertyValue(options, key);
      if (value) return this.stringValue(value, depth + 1);
    }
    return undefined;
  }

  private classProperty(classNode: TS.ClassLikeDeclaration, key: string): TS.PropertyDeclaration | undefined {
    this.index.memberKeys.add(key);
    return classNode.members.find((member): member is TS.PropertyDeclaration => member.kind === this.K.PropertyDeclaration && this.propertyName(member.name!) === key);
  }

  private hasModifier(node: TS.PropertyDeclaration, kind: TS.SyntaxKind): boolean {
    return node.modifiers?.some((modifier) => modifier.kind === kind) ?? false;
  }
}

const BASE_URL_KEYS = ['baseURL', 'prefixUrl', 'baseUrl', 'prefixURL'];

/**
 * The one URL two outcomes of a conditional aim at, when they agree: the same text; the same path on two iDenfy hosts
 * (production and a test host); or an iDenfy URL and a loopback one (a local emulator). An outcome we cannot resolve
 * (`sandbox ? TOKEN_URL : other`) may be another API: unknown, so such a URL is never claimed. (`x ?? '…'` and
 * `x || '…'` differ: there the written fallback is what the code is aimed at.)
 */
function oneAim(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined || a === b) return a === b ? a : undefined;
  const parse = (url: string) => /^(?:https?:)?\/\/([^/?#]*)(.*)$/i.exec(url.trim());
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return undefined;
  const host = (match: RegExpExecArray) =>
    match[1]
      .slice(match[1].lastIndexOf('@') + 1)
      .replace(/:\d*$/, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
  const isIdenfy = (h: string) => h === 'idenfy.com' || h.endsWith('.idenfy.com');
  const ha = host(pa);
  const hb = host(pb);
  if (isIdenfy(ha) && isIdenfy(hb)) return pa[2] === pb[2] ? a : undefined;
  if (isIdenfy(ha) && isLoopbackHost(hb)) return a;
  if (isIdenfy(hb) && isLoopbackHost(ha)) return b;
  return undefined;
}
