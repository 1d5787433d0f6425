import { createScanner, SyntaxKind } from 'jsonc-parser';
import { PayloadNode } from '../model';
import { FIELDS } from '../rules/fields';
import { isPlainObject, tryParseJson } from '../values';
import { Span, UnknownValue } from './types';

export interface MaterializedPayload {
  /** The payload as a JSON value; every computed value is a `null` placeholder listed in `unknowns`. */
  readonly value: unknown;
  /** Computed values, spreads and computed keys, in document order. Non-empty: the value must not be sent as is. */
  readonly unknowns: UnknownValue[];
  /** Span of each field's value (of the key when the value is missing), keyed by path; at most `maxFieldSpans`. */
  readonly fieldSpans: Record<string, Span>;
}

export interface MaterializeOptions {
  /** Bounds the size of `fieldSpans` for huge payloads (default 10,000 entries). */
  readonly maxFieldSpans?: number;
}

/** Dotted path in the form findings use: `documents[0]`, `additionalSteps.LT.ID_CARD`; `''` for the root. */
export function pathOf(segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const segment of segments) path += typeof segment === 'number' ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  return path;
}

/**
 * Turns a payload model (a jsonc-parser tree, or the model the code analyser builds) into the JSON value it stands
 * for. Values computed at run time become `null` placeholders and are listed in `unknowns`, as are spreads and
 * computed keys, so nothing is ever sent as a guess. Duplicate keys keep the last value, as a JSON parser does.
 */
export function materializePayload(root: PayloadNode, options: MaterializeOptions = {}): MaterializedPayload {
  const unknowns: UnknownValue[] = [];
  const fieldSpans: Record<string, Span> = {};
  const maxSpans = options.maxFieldSpans ?? 10_000;
  let spanCount = 0;

  const noteSpan = (segments: ReadonlyArray<string | number>, node: PayloadNode) => {
    if (spanCount >= maxSpans) return;
    const path = pathOf(segments);
    if (!Object.prototype.hasOwnProperty.call(fieldSpans, path)) spanCount++;
    define(fieldSpans, path, { start: node.offset, end: node.offset + node.length });
  };

  const walk = (node: PayloadNode, segments: Array<string | number>): unknown => {
    switch (node.type) {
      case 'object': {
        const object: Record<string, unknown> = {};
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (!key || key.type !== 'string' || typeof key.value !== 'string') {
            unknowns.push({
              kind: 'entries',
              path: pathOf(segments),
              segments: [...segments],
              start: property.offset,
              end: property.offset + property.length,
              description: key?.description ?? 'a computed key',
            });
            continue;
          }
          const childSegments = [...segments, key.value];
          // `{ "a": }` while typing: the key is there, its value is not; there is nothing to send for it.
          if (!value) {
            noteSpan(childSegments, key);
            continue;
          }
          noteSpan(childSegments, value);
          define(object, key.value, walk(value, childSegments));
        }
        if (node.hasSpread) {
          unknowns.push({
            kind: 'entries',
            path: pathOf(segments),
            segments: [...segments],
            start: node.offset,
            end: node.offset + node.length,
            description: 'a spread (`...`) whose keys are not known before run time',
          });
        }
        return object;
      }
      case 'array':
        return (node.children ?? []).map((item, index) => {
          const childSegments = [...segments, index];
          noteSpan(childSegments, item);
          return walk(item, childSegments);
        });
      case 'string':
      case 'number':
      case 'boolean':
        return node.value;
      case 'null':
        return null;
      case 'unknown':
      default:
        unknowns.push({
          kind: 'value',
          path: pathOf(segments),
          segments: [...segments],
          start: node.offset,
          end: node.offset + node.length,
          ...(node.description ? { description: node.description } : {}),
        });
        return null;
    }
  };

  const value = walk(root, []);
  unknowns.sort((a, b) => a.start - b.start);
  return { value, unknowns, fieldSpans };
}

export interface UnknownAnswer {
  readonly unknown: Pick<UnknownValue, 'segments' | 'kind'>;
  /** The value to use (see `parseAnswer`); for `entries`, a plain object. */
  readonly value: unknown;
}

/**
 * A copy of `value` with the user's answers filled in (the input is not changed). A `value` answer replaces the
 * placeholder at its path; an `entries` answer adds its keys to the object at its path, where keys written in the
 * literal win. Answers whose path no longer exists in the value are ignored.
 */
export function fillUnknowns(value: unknown, answers: readonly UnknownAnswer[]): unknown {
  let root = cloneJson(value);
  const ordered = [...answers].sort((a, b) => (a.unknown.kind === b.unknown.kind ? 0 : a.unknown.kind === 'value' ? -1 : 1));
  for (const answer of ordered) {
    const segments = answer.unknown.segments;
    if (answer.unknown.kind === 'value') {
      if (segments.length === 0) {
        root = cloneJson(answer.value);
        continue;
      }
      const parent = getAt(root, segments.slice(0, -1));
      const last = segments[segments.length - 1];
      if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) parent[last] = cloneJson(answer.value);
      else if (isPlainObject(parent) && typeof last === 'string') define(parent, last, cloneJson(answer.value));
      continue;
    }
    const target = getAt(root, segments);
    if (!isPlainObject(target) || !isPlainObject(answer.value)) continue;
    for (const [key, entry] of Object.entries(answer.value)) {
      if (!Object.prototype.hasOwnProperty.call(target, key)) define(target, key, cloneJson(entry));
    }
  }
  return root;
}

/** What the user is asked to type for an unknown value, decided from the rule table. */
export type AnswerKind =
  /** Taken as typed (a string); a JSON string literal, `null`, an array or object literal is parsed. */
  | 'text'
  | 'boolean'
  | 'number'
  | 'array'
  | 'object'
  /** A field the rule table does not type: JSON when it parses, else the text as a string. */
  | 'any';

const TEXT_RULES = new Set(['clientId', 'string', 'personName', 'date', 'enum', 'country', 'locale', 'httpsUrl', 'uuid', 'questionnaire']);
const LIST_RULES = new Set(['documents', 'countryList', 'stringList']);

export function answerKind(unknown: Pick<UnknownValue, 'segments' | 'kind'>): AnswerKind {
  if (unknown.kind === 'entries' || unknown.segments.length === 0) return 'object';
  const [top, index] = unknown.segments;
  const spec = typeof top === 'string' ? FIELDS.get(top) : undefined;
  if (!spec) return 'any';
  const rule = spec.rule.kind;
  if (unknown.segments.length === 1) {
    if (TEXT_RULES.has(rule)) return 'text';
    if (rule === 'boolean') return 'boolean';
    if (rule === 'integer' || rule === 'number') return 'number';
    if (LIST_RULES.has(rule)) return 'array';
    if (rule === 'additionalSteps' || rule === 'additionalData') return 'object';
    return 'any';
  }
  if (unknown.segments.length === 2 && typeof index === 'number' && (LIST_RULES.has(rule) || rule === 'country')) return 'text';
  return 'any';
}

const KIND_HINTS: Record<AnswerKind, string> = {
  text: 'text, sent as a string as typed (type null for null)',
  boolean: 'true, false or null',
  number: 'a number, or null',
  array: 'a JSON array, e.g. ["ID_CARD", "PASSPORT"], or null',
  object: 'a JSON object, e.g. {"clientId": "user-1"}',
  any: 'JSON (e.g. 42, true, ["a"]); anything that is not JSON is sent as a string',
};

/** The prompt of the input box for one unknown value. */
export function answerPrompt(unknown: UnknownValue): string {
  const kind = answerKind(unknown);
  const where =
    unknown.kind === 'entries'
      ? `Keys for ${unknown.path === '' ? 'the body' : unknown.path} that come from ${unknown.description ?? 'code'} (keys written in the literal win)`
      : `Value of ${unknown.path === '' ? 'the whole body' : unknown.path}${unknown.description ? `, computed from ${unknown.description}` : ''}`;
  return `${where}: ${KIND_HINTS[kind]}. Nothing is sent until every value is filled in.`;
}

/**
 * Reads what the user typed for an unknown value. Decision: string fields take the text as typed (so a clientId
 * `12345` stays the string "12345"; type `"…"` or `null` for those literals); typed fields (booleans, numbers,
 * lists, objects) must be JSON of that type; fields the rule table does not know take JSON when it parses, else the
 * text as a string.
 */
export function parseAnswer(text: string, unknown: Pick<UnknownValue, 'segments' | 'kind' | 'path'>): { ok: true; value: unknown } | { ok: false; message: string } {
  const kind = answerKind(unknown);
  const json = tryParseJson(text);
  const name = unknown.path === '' ? 'the body' : unknown.path;
  switch (kind) {
    case 'text':
      if (json.ok && (json.value === null || typeof json.value === 'string' || typeof json.value === 'object')) return json;
      return { ok: true, value: text };
    case 'any':
      return json.ok ? json : { ok: true, value: text };
    case 'boolean':
      return json.ok && (json.value === null || typeof json.value === 'boolean') ? json : { ok: false, message: `${name} must be true, false or null.` };
    case 'number':
      return json.ok && (json.value === null || typeof json.value === 'number') ? json : { ok: false, message: `${name} must be a number or null.` };
    case 'array':
      return json.ok && (json.value === null || Array.isArray(json.value)) ? json : { ok: false, message: `${name} must be a JSON array (e.g. ["ID_CARD"]) or null.` };
    case 'object':
      return json.ok && isPlainObject(json.value)
        ? json
        : { ok: false, message: `${name === 'the body' && unknown.kind === 'value' ? 'The body' : `The keys for ${name}`} must be a JSON object, e.g. {"clientId": "user-1"}.` };
  }
}

/**
 * The span of the field a message names, or of its nearest ancestor that has one
 * (`documents[3]` → `documents`); `undefined` when none is known.
 */
export function spanForField(fieldSpans: Readonly<Record<string, Span>> | undefined, field: string): Span | undefined {
  if (!fieldSpans) return undefined;
  let path = field;
  for (let guard = 0; guard < 64 && path !== ''; guard++) {
    if (Object.prototype.hasOwnProperty.call(fieldSpans, path)) return fieldSpans[path];
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === path) break;
    path = shorter;
  }
  return undefined;
}

/**
 * The body to send for a JSON document: the text itself; for jsonc, the text without comments and trailing commas
 * (everything else, whitespace included, stays byte for byte).
 */
export function jsonTextToSend(text: string, allowComments: boolean): string {
  if (!allowComments) return text;
  const scanner = createScanner(text, false);
  const out: string[] = [];
  let pendingComma: string | undefined;
  let pendingTrivia: string[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const piece = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) continue;
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) {
      if (pendingComma !== undefined) pendingTrivia.push(piece);
      else out.push(piece);
      continue;
    }
    if (pendingComma !== undefined) {
      // A comma directly before `}` or `]` (across whitespace and comments) is a trailing comma: drop it.
      if (token !== SyntaxKind.CloseBraceToken && token !== SyntaxKind.CloseBracketToken) out.push(pendingComma);
      for (const trivia of pendingTrivia) out.push(trivia);
      pendingComma = undefined;
      pendingTrivia = [];
    }
    if (token === SyntaxKind.CommaToken) pendingComma = piece;
    else out.push(piece);
  }
  if (pendingComma !== undefined) {
    out.push(pendingComma);
    for (const trivia of pendingTrivia) out.push(trivia);
  }
  return out.join('');
}

// ---- helpers -------------------------------------------------------------------------------------------------

/** Sets an own property even for `__proto__`, as JSON.parse does. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) define(copy, key, cloneJson(entry));
    return copy;
  }
  return value;
}

function getAt(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
