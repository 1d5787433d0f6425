import type { ProjectCode } from './rules/codes';
import type { ErrorIdentifier } from './rules/errors';

/**
 * The language-neutral payload model the rules run on.
 *
 * It is deliberately the shape of `jsonc-parser`'s `Node` (so a JSON document needs no conversion), widened with
 * what code adds: `unknown` for a value computed at run time, and `hasSpread` on objects built with `...rest`.
 * Offsets are UTF-16 code-unit offsets into the document text, the unit both jsonc-parser and TypeScript use.
 */
export type PayloadNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null' | 'unknown';

export interface PayloadNode {
  readonly type: PayloadNodeType;
  /** Start offset in the document text. */
  readonly offset: number;
  readonly length: number;
  /** Literal value for string/number/boolean/null; the key text for a property's key node. */
  readonly value?: unknown;
  /** object: its properties; property: [key, value]; array: its items. */
  readonly children?: PayloadNode[];
  readonly parent?: PayloadNode;
  /** Code only: the object literal spreads another object, so absent keys may still be set. */
  readonly hasSpread?: boolean;
  /** Code only: a short description of a computed value ("identifier `email`"). */
  readonly description?: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** What a quick fix should do; rendered into text edits by the fix logic, which knows the document's syntax. */
export type FixHint =
  | { readonly kind: 'renameKey'; readonly property: PayloadNode; readonly to: string }
  | { readonly kind: 'replaceValue'; readonly node: PayloadNode; readonly to: string | number | boolean | null }
  | { readonly kind: 'removeProperty'; readonly property: PayloadNode }
  | { readonly kind: 'addProperty'; readonly object: PayloadNode; readonly key: string; readonly value: string | number | boolean | null }
  /** Code around a request (not a payload): the exact text to put in place of [start, end). */
  | { readonly kind: 'replaceText'; readonly start: number; readonly end: number; readonly text: string; readonly title: string };

export interface RelatedSpan extends TextSpan {
  readonly message: string;
}

/** The identifier iDenfy would answer with (BAD_VALUE, …) or a code of this project (unknown-field, …). */
export type FindingCode = ErrorIdentifier | ProjectCode;

export interface Finding extends TextSpan {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly message: string;
  /** Documentation page for this finding. */
  readonly href: string;
  /** Dotted path of the field this finding is about (`additionalSteps.LT.ID_CARD`), when there is one. */
  readonly field?: string;
  readonly related?: readonly RelatedSpan[];
  readonly fixes?: readonly FixHint[];
}

export function spanOf(node: PayloadNode): TextSpan {
  return { start: node.offset, end: node.offset + node.length };
}

/** The key node and value node of a property node. */
export function keyOf(property: PayloadNode): PayloadNode {
  return property.children![0];
}
export function valueOf(property: PayloadNode): PayloadNode | undefined {
  return property.children![1];
}
