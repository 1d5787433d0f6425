import type * as TS from 'typescript';
import { CLIENT_FACTORIES, Declaration, Mutation, SourceIndex, unwrapExpression } from './sourceIndex';

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

  constructor(private readonly ts: typeof TS, private readonly index: SourceIndex) {
    this.K = ts.SyntaxKind;
  }

  /** The declaration a name refers to at a position: the one of the innermost enclosing scope. */
  declarationOf(name: string, at: number): Declaration | undefined {
    let best: Declaration | undefined;
    let ambiguous = false;
    for (const declaration of this.index.name(name).declarations) {
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
    if (!declaration.initializer) return undefined;
    if (declaration.kind === 'const') return declaration.initializer;
    if ((declaration.kind === 'let' || declaration.kind === 'var') && !this.isReassigned(declaration)) return declaration.initializer;
    return undefined;
  }

  valueOfIdentifier(identifier: TS.Identifier): TS.Expression | undefined {
    const declaration = this.declarationOf(identifier.text, identifier.end);
    return declaration && this.initializerOf(declaration);
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
      case K.CallExpression: {
        const call = e as TS.CallExpression;
        const callee = unwrapExpression(this.ts, call.expression);
        // `String(x)`, `x.toString()`
        if (callee.kind === K.Identifier && (callee as TS.Identifier).text === 'String' && call.arguments.length === 1) return this.stringValue(call.arguments[0], depth);
        if (callee.kind === K.PropertyAccessExpression && (callee as TS.PropertyAccessExpression).name.text === 'toString' && call.arguments.length === 0) {
          return this.stringValue((callee as TS.PropertyAccessExpression).expression, depth);
        }
        return undefined;
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
    const K = this.K;
    const key = access.kind === K.PropertyAccessExpression
      ? (access as TS.PropertyAccessExpression).name.text
      : this.stringValue((access as TS.ElementAccessExpression).argumentExpression, depth + 1);
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
      if (declaration.kind === 'enum') {
        const member = (declaration.node as TS.EnumDeclaration).members.find((m) => this.propertyName(m.name) === key);
        return member?.initializer;
      }
      if (this.mutationsOf(declaration).length > 0) return undefined;
      if (declaration.kind === 'class') {
        const property = this.classProperty(declaration.node as TS.ClassLikeDeclaration, key);
        return property?.initializer && this.hasModifier(property, K.StaticKeyword) ? property.initializer : undefined;
      }
      const initializer = this.initializerOf(declaration);
      const literal = initializer && this.objectLiteralOf(initializer, depth + 1);
      return literal && this.propertyValue(literal, key);
    }

    const literal = this.objectLiteralOf(object, depth + 1);
    return literal && this.propertyValue(literal, key);
  }

  /** The object literal an expression stands for: itself, or what a name or a property holds. */
  objectLiteralOf(expression: TS.Expression, depth = 0): TS.ObjectLiteralExpression | undefined {
    if (depth > MAX_DEPTH) return undefined;
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
      default:
        return undefined;
    }
  }

  /**
   * The value of key `key` in an object literal: the last property of that name, unless a spread or a computed key
   * after it may override it. A shorthand `{ url }` gives the identifier `url`.
   */
  propertyValue(object: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
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
    for (const key of BASE_URL_KEYS) {
      const value = this.propertyValue(options, key);
      if (value) return this.stringValue(value, depth + 1);
    }
    return undefined;
  }

  private classProperty(classNode: TS.ClassLikeDeclaration, key: string): TS.PropertyDeclaration | undefined {
    return classNode.members.find((member): member is TS.PropertyDeclaration =>
      member.kind === this.K.PropertyDeclaration && this.propertyName(member.name!) === key);
  }

  private hasModifier(node: TS.PropertyDeclaration, kind: TS.SyntaxKind): boolean {
    return node.modifiers?.some((modifier) => modifier.kind === kind) ?? false;
  }
}

const BASE_URL_KEYS = ['baseURL', 'prefixUrl', 'baseUrl', 'prefixURL'];
