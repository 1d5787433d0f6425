import type * as TS from 'typescript';
import { PayloadNode } from '../model';
import { Resolver } from './resolve';
import { unwrapExpression } from './sourceIndex';

/** Deeper literals than this are unknown: no payload field nests more than five levels. */
const MAX_LITERAL_DEPTH = 64;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Node = Mutable<PayloadNode> & { children?: PayloadNode[] };

/** How later writes (`payload.k = …`, `delete payload.k`) change what the literal tells about the payload. */
export interface RootChanges {
  /** Keys whose value is changed later: their literal value is not what is sent. */
  readonly changedKeys: ReadonlySet<string>;
  /** Keys deleted later: they may be absent. */
  readonly deletedKeys: ReadonlySet<string>;
  /** Keys may be added later, so an absent key cannot be claimed. */
  readonly open: boolean;
}

/**
 * Turns object literals into the payload model: literals keep their value, anything computed is `unknown` (with a
 * short description), a spread marks the object `hasSpread`. Offsets are the TypeScript node's UTF-16 start and end,
 * so positions stay right with CRLF line ends and any non-ASCII text.
 */
export class PayloadConverter {
  private readonly K: typeof TS.SyntaxKind;

  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFile: TS.SourceFile,
    private readonly resolver: Resolver,
  ) {
    this.K = ts.SyntaxKind;
  }

  /** The payload root for an object literal, or undefined when a `toJSON` member decides what is really sent. */
  root(object: TS.ObjectLiteralExpression, changes?: RootChanges): PayloadNode | undefined {
    const node = this.object(object, undefined, 0, changes);
    return node.type === 'object' ? node : undefined;
  }

  /** A synthetic object holding one property written later (`payload.k = v`), checked on its own. */
  assignedProperty(write: TS.Node, keyNode: TS.Node, key: string, value: TS.Expression): PayloadNode {
    const root: Node = { ...this.span(write), type: 'object', hasSpread: true, children: [] };
    const property: Node = { ...this.span(write), type: 'property', parent: root, children: [] };
    property.children!.push({ ...this.span(keyNode), type: 'string', value: key, parent: property }, this.value(value, property, 1));
    root.children!.push(property);
    return root;
  }

  private value(expression: TS.Expression, parent: PayloadNode | undefined, depth: number): PayloadNode {
    const K = this.K;
    const e = unwrapExpression(this.ts, expression);
    switch (e.kind) {
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
        return { ...this.span(e), type: 'string', value: (e as TS.StringLiteral).text, parent };
      case K.NumericLiteral:
        return { ...this.span(e), type: 'number', value: Number((e as TS.NumericLiteral).text), parent };
      case K.PrefixUnaryExpression: {
        const unary = e as TS.PrefixUnaryExpression;
        const operand = unwrapExpression(this.ts, unary.operand);
        if ((unary.operator === K.MinusToken || unary.operator === K.PlusToken) && operand.kind === K.NumericLiteral) {
          const number = Number((operand as TS.NumericLiteral).text);
          return { ...this.span(e), type: 'number', value: unary.operator === K.MinusToken ? -number : number, parent };
        }
        break;
      }
      case K.TrueKeyword:
      case K.FalseKeyword:
        return { ...this.span(e), type: 'boolean', value: e.kind === K.TrueKeyword, parent };
      case K.NullKeyword:
        return { ...this.span(e), type: 'null', value: null, parent };
      case K.ArrayLiteralExpression: {
        if (depth >= MAX_LITERAL_DEPTH) break;
        const array: Node = { ...this.span(e), type: 'array', parent, children: [] };
        for (const element of (e as TS.ArrayLiteralExpression).elements) {
          // A spread adds items we cannot see; a hole is sent as null but is surely not meant: both unknown.
          array.children!.push(
            element.kind === K.SpreadElement || element.kind === K.OmittedExpression
              ? this.unknown(element, array, element.kind === K.SpreadElement ? 'spread' : 'hole')
              : this.value(element, array, depth + 1),
          );
        }
        return array;
      }
      case K.ObjectLiteralExpression:
        if (depth >= MAX_LITERAL_DEPTH) break;
        return this.object(e as TS.ObjectLiteralExpression, parent, depth);
    }
    return this.unknown(expression, parent);
  }

  private object(object: TS.ObjectLiteralExpression, parent: PayloadNode | undefined, depth: number, changes?: RootChanges): PayloadNode {
    const K = this.K;
    const node: Node = { ...this.span(object), type: 'object', parent, children: [] };
    if (changes?.open) node.hasSpread = true;
    const overridden = this.overriddenKeys(object);
    for (const member of object.properties) {
      if (member.kind === K.SpreadAssignment) {
        node.hasSpread = true;
        continue;
      }
      // Methods and setters are not serialised: JSON.stringify drops them.
      if (member.kind === K.MethodDeclaration || member.kind === K.SetAccessor) {
        if (this.resolver.propertyName(member.name) === 'toJSON') return this.unknown(object, parent, 'toJSON');
        continue;
      }
      const property: Node = { ...this.span(member), type: 'property', parent: node, children: [] };
      const key = this.key(member.name, property);
      if (key.value === 'toJSON') return this.unknown(object, parent, 'toJSON');
      if (typeof key.value === 'string' && changes?.deletedKeys.has(key.value)) continue;
      let value: PayloadNode;
      if (member.kind === K.PropertyAssignment) {
        value =
          typeof key.value === 'string' && changes?.changedKeys.has(key.value)
            ? this.unknown(member.initializer, property, 'changed later')
            : overridden(member, key.value)
              ? this.unknown(member.initializer, property, 'may be overridden by a later spread')
              : this.value(member.initializer, property, depth + 1);
      } else if (member.kind === K.ShorthandPropertyAssignment) {
        value = this.unknown(member.name, property); // `{ clientId }`: present, value computed
      } else {
        value = this.unknown(member, property, 'getter');
      }
      property.children!.push(key, value);
      node.children!.push(property);
    }
    return node;
  }

  /**
   * Whether a later spread may replace a property's value: `{ a: 1, ...defaults }`. A spread that resolves to an
   * object literal (`defaults` here or imported, `cond && { … }`, `c ? { … } : { … }`) replaces only its own keys;
   * any other spread may replace any key, so the value written before it is not claimed wrong.
   */
  private overriddenKeys(object: TS.ObjectLiteralExpression): (member: TS.ObjectLiteralElementLike, key: unknown) => boolean {
    const spreads: Array<{ pos: number; keys: Set<string> | undefined }> = [];
    for (const member of object.properties) {
      if (member.kind === this.K.SpreadAssignment) spreads.push({ pos: member.pos, keys: this.spreadKeys((member as TS.SpreadAssignment).expression, 0) });
    }
    if (spreads.length === 0) return () => false;
    return (member, key) => spreads.some((spread) => spread.pos > member.pos && (spread.keys === undefined || typeof key !== 'string' || spread.keys.has(key)));
  }

  private spreadKeys(expression: TS.Expression, depth: number): Set<string> | undefined {
    if (depth > 8) return undefined;
    const K = this.K;
    const e = unwrapExpression(this.ts, expression);
    if (e.kind === K.BinaryExpression && (e as TS.BinaryExpression).operatorToken.kind === K.AmpersandAmpersandToken) return this.spreadKeys((e as TS.BinaryExpression).right, depth + 1);
    if (e.kind === K.ConditionalExpression) {
      const a = this.spreadKeys((e as TS.ConditionalExpression).whenTrue, depth + 1);
      const b = this.spreadKeys((e as TS.ConditionalExpression).whenFalse, depth + 1);
      return a && b ? new Set([...a, ...b]) : undefined;
    }
    if (e.kind === K.NullKeyword || (e.kind === K.Identifier && (e as TS.Identifier).text === 'undefined')) return new Set();
    const literal = this.resolver.objectLiteralOf(e);
    if (!literal) return undefined;
    const keys = new Set<string>();
    for (const property of literal.properties) {
      if (property.kind === K.SpreadAssignment) {
        const inner = this.spreadKeys((property as TS.SpreadAssignment).expression, depth + 1);
        if (!inner) return undefined;
        for (const k of inner) keys.add(k);
        continue;
      }
      const name = property.name && this.resolver.propertyName(property.name);
      if (name === undefined) return undefined;
      keys.add(name);
    }
    return keys;
  }

  private key(name: TS.PropertyName, parent: PayloadNode): PayloadNode {
    const K = this.K;
    if (name.kind === K.ComputedPropertyName) {
      const inner = unwrapExpression(this.ts, name.expression);
      if (inner.kind === K.StringLiteral || inner.kind === K.NoSubstitutionTemplateLiteral) {
        return { ...this.span(inner), type: 'string', value: (inner as TS.StringLiteral).text, parent };
      }
      return this.unknown(name, parent, 'computed key');
    }
    const text = this.resolver.propertyName(name);
    return text === undefined ? this.unknown(name, parent) : { ...this.span(name), type: 'string', value: text, parent };
  }

  private unknown(node: TS.Node, parent: PayloadNode | undefined, what?: string): PayloadNode {
    return { ...this.span(node), type: 'unknown', description: this.describe(node, what), parent };
  }

  /** "identifier `email`", "call `user.getId()`": what the computed value is, for hovers. */
  private describe(node: TS.Node, what?: string): string {
    const K = this.K;
    const e = this.ts.isExpression(node) ? unwrapExpression(this.ts, node) : node;
    const kind =
      what ??
      (e.kind === K.Identifier
        ? 'identifier'
        : e.kind === K.CallExpression || e.kind === K.NewExpression
          ? 'call'
          : e.kind === K.PropertyAccessExpression || e.kind === K.ElementAccessExpression
            ? 'member'
            : e.kind === K.TemplateExpression
              ? 'template'
              : e.kind === K.ConditionalExpression
                ? 'conditional'
                : 'expression');
    const full = this.sourceFile.text.slice(node.getStart(this.sourceFile), node.end).replace(/\s+/g, ' ');
    const text = full.length > 40 ? `${full.slice(0, 39)}…` : full;
    // Markdown code span; one holding a backtick needs a double-backtick fence.
    return text.includes('`') ? `${kind} \`\` ${text} \`\`` : `${kind} \`${text}\``;
  }

  private span(node: TS.Node): { offset: number; length: number } {
    const start = node.getStart(this.sourceFile);
    return { offset: start, length: node.end - start };
  }
}
