import { getLocation, parseTree } from 'jsonc-parser';
import { keyOf, PayloadNode, valueOf } from '../model';
import { DEFAULT_SETTINGS, IdenfySettings } from '../settings';
import { COUNTRY_NAMES } from '../rules/countries';
import { MapKeys, Shape, shapeAtPath } from '../rules/additionalSteps';
import { ADDITIONAL_STEP_TYPES, DOCUMENT_TYPES, UTILITY_BILL_STEP } from '../rules/documents';
import { DOCUMENT_TYPE_DOCS, ENUM_VALUE_DOCS } from '../rules/enumDocs';
import { FieldSpec, FIELDS } from '../rules/fields';
import { KNOWN_LOCALES, localeName } from '../rules/locales';
import { fieldsForCompletion, ruleSummary } from './fieldDocs';
import {
  covers,
  keyLiteral,
  nextSignificant,
  nodeAtPath,
  PathSegment,
  preferredQuote,
  presentKeys,
  quoteAt,
  skipTriviaBackward,
  stringLiteral,
  keyValueSeparator,
  scalarLiteral,
  SyntaxFlavour,
} from './tree';

export type CompletionKind = 'field' | 'value' | 'keyword' | 'snippet';

/** One completion proposal, as plain data; the language server turns it into an LSP CompletionItem. */
export interface CompletionSuggestion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Short text beside the label: a field's type, a country's name. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** `insertText` is snippet syntax (`${1:…}`). */
  readonly isSnippet: boolean;
  /** Document offsets the insert text replaces; absent means the word at the cursor. */
  readonly replaceStart?: number;
  readonly replaceEnd?: number;
  /** What the editor filters on, when it differs from the label (a quoted key, a country's name). */
  readonly filterText?: string;
  readonly sortText?: string;
  /** Ask for completion again after inserting: a key whose value has proposals too. */
  readonly retrigger?: boolean;
}

type Quote = '"' | "'";
type Syntax = SyntaxFlavour;

interface Range {
  readonly start: number;
  readonly end: number;
}

/** The cursor is where a property name goes, in the object at `objectPath`. */
interface KeyContext extends Range {
  readonly at: 'key';
  readonly objectPath: readonly PathSegment[];
  readonly present: ReadonlySet<string>;
  /** The name is being typed inside a quoted key: the range covers the whole literal, quotes included. */
  readonly quoted?: '"' | "'" | '`';
  readonly colonFollows: boolean;
}

/** The cursor is where a value goes: of the property at `path`, or an array item (last segment a number). */
interface ValueContext extends Range {
  readonly at: 'value';
  readonly path: readonly PathSegment[];
  /** Values already in the array, for an array item. */
  readonly siblings: ReadonlySet<string>;
  /** Inside a string literal: the range covers its content only. */
  readonly inString?: { readonly quote: '"' | "'" | '`'; readonly closed: boolean };
}

type Context = KeyContext | ValueContext;

interface Style {
  readonly syntax: Syntax;
  /** The quote new strings are written with. */
  readonly quote: Quote;
}

/** Completion in a JSON payload document (`text` is the whole document). */
export function completeJson(text: string, offset: number, settings: IdenfySettings = DEFAULT_SETTINGS): CompletionSuggestion[] {
  if (offset < 0 || offset > text.length) return [];
  let context: Context | undefined;
  try {
    context = jsonContext(text, offset);
  } catch (error) {
    // jsonc-parser recurses once per nesting level: thousands of levels exhaust the stack. No payload nests so.
    if (error instanceof RangeError) return [];
    throw error;
  }
  return context ? suggestionsFor(context, text, { syntax: 'json', quote: '"' }, settings) : [];
}

/**
 * Completion in a payload found in code: `root` is the payload's object literal (as `analyzeCode` returns it),
 * `text` the whole source file.
 */
export function completeCode(root: PayloadNode, text: string, offset: number, settings: IdenfySettings = DEFAULT_SETTINGS, syntax: Exclude<Syntax, 'json'> = 'code'): CompletionSuggestion[] {
  if (root.type !== 'object' || offset <= root.offset || offset >= root.offset + root.length || offset > text.length) return [];
  const context = codeContext(root, text, offset);
  return context ? suggestionsFor(context, text, { syntax, quote: preferredQuote(text, root) }, settings) : [];
}

// ---- where the cursor is: JSON --------------------------------------------------------------------------------

function jsonContext(text: string, offset: number): Context | undefined {
  const location = getLocation(text, offset);
  const previous = location.previousNode;
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const present = presentKeys(nodeAtPath(tree, objectPath));
    if (previous && previous.type === 'property') {
      const end = previous.offset + previous.length;
      if (offset <= previous.offset) return undefined; // before the key's opening quote
      if (offset === end && isClosedString(text, previous.offset, end)) return undefined; // after the closing quote
      present.delete(String(previous.value));
      const keyEnd = isClosedString(text, previous.offset, end) ? end : typedEnd(text, offset, end);
      return { at: 'key', objectPath, present, quoted: '"', start: previous.offset, end: keyEnd, colonFollows: nextIs(text, keyEnd, ':') };
    }
    const word = wordAt(text, offset);
    return { at: 'key', objectPath, present, start: word.start, end: word.end, colonFollows: nextIs(text, word.end, ':') };
  }

  const path = location.path;
  if (path.length === 0) return undefined;
  const siblings = arraySiblings(tree, path);
  if (previous) {
    const end = previous.offset + previous.length;
    if (previous.type === 'string') {
      const closed = isClosedString(text, previous.offset, end);
      if (offset <= previous.offset || (closed && offset === end)) return undefined;
      return { at: 'value', path, siblings, inString: { quote: '"', closed }, start: previous.offset + 1, end: closed ? end - 1 : typedEnd(text, offset, end) };
    }
    // A literal being typed (`tr`, `12`): replace it; after a finished one, nothing fits.
    if (offset > end) return undefined;
    return { at: 'value', path, siblings, start: previous.offset, end };
  }
  const word = wordAt(text, offset);
  return { at: 'value', path, siblings, start: word.start, end: word.end };
}

function arraySiblings(tree: PayloadNode | undefined, path: readonly PathSegment[]): Set<string> {
  const index = path[path.length - 1];
  const values = new Set<string>();
  if (typeof index !== 'number') return values;
  const array = nodeAtPath(tree, path.slice(0, -1));
  array?.children?.forEach((item, i) => {
    if (i !== index && item.type === 'string' && typeof item.value === 'string') values.add(item.value);
  });
  return values;
}

// ---- where the cursor is: code --------------------------------------------------------------------------------

function codeContext(root: PayloadNode, text: string, offset: number): Context | undefined {
  let container = root;
  const path: PathSegment[] = [];
  for (;;) {
    const children = container.children ?? [];
    let descended = false;
    if (container.type === 'object') {
      for (const property of children) {
        if (!covers(property, offset)) continue;
        const key = keyOf(property);
        const value = valueOf(property);
        const name = key.type === 'string' && typeof key.value === 'string' ? key.value : undefined;
        if (covers(key, offset) && (!value || offset <= key.offset + key.length)) {
          return name === undefined ? undefined : keyContextAt(key, container, path, text, offset);
        }
        if (name === undefined || !value) return undefined;
        if (isContainer(value) && insideBrackets(value, offset)) {
          path.push(name);
          container = value;
          descended = true;
        } else if (covers(value, offset)) {
          return valueContextAt(value, [...path, name], new Set(), text, offset);
        } else if (value.length > 0 && offset < value.offset) {
          return undefined; // between the colon and a value already written
        }
        break;
      }
      if (!descended) return objectGapContext(container, path, text, offset);
    } else if (container.type === 'array') {
      const index = children.findIndex((item) => covers(item, offset));
      const siblings = new Set(children.filter((item, i) => i !== index && item.type === 'string').map((item) => String(item.value)));
      if (index < 0) {
        const word = wordAt(text, offset);
        return { at: 'value', path: [...path, children.filter((item) => item.offset < offset).length], siblings, start: word.start, end: word.end };
      }
      const item = children[index];
      if (isContainer(item) && insideBrackets(item, offset)) {
        path.push(index);
        container = item;
        descended = true;
      } else {
        return valueContextAt(item, [...path, index], siblings, text, offset);
      }
    }
    if (!descended) return undefined;
  }
}

function keyContextAt(key: PayloadNode, object: PayloadNode, path: readonly PathSegment[], text: string, offset: number): KeyContext | undefined {
  const quote = quoteAt(text, key.offset);
  const nodeEnd = key.offset + key.length;
  const closed = quote !== undefined && isClosedString(text, key.offset, nodeEnd);
  if (quote && (offset === key.offset || (offset === nodeEnd && closed))) return undefined;
  const end = quote && !closed ? typedEnd(text, offset, nodeEnd) : nodeEnd;
  const present = presentKeys(object);
  if (typeof key.value === 'string') present.delete(key.value);
  return { at: 'key', objectPath: path, present, quoted: quote, start: key.offset, end, colonFollows: nextIs(text, end, ':') };
}

function valueContextAt(value: PayloadNode, path: readonly PathSegment[], siblings: ReadonlySet<string>, text: string, offset: number): ValueContext | undefined {
  const end = value.offset + value.length;
  const quote = quoteAt(text, value.offset);
  if (quote) {
    const closed = isClosedString(text, value.offset, end);
    if (offset === value.offset || (closed && offset === end)) return undefined;
    if (quote === '`' && text.slice(value.offset, end).includes('${')) return undefined;
    return { at: 'value', path, siblings, inString: { quote, closed }, start: value.offset + 1, end: closed ? end - 1 : typedEnd(text, offset, end) };
  }
  // Only a bare word (`tr`, `IDENT`) is replaced; never an expression the code computes.
  if (!/^[A-Za-z0-9_$.-]*$/.test(text.slice(value.offset, end))) return undefined;
  return { at: 'value', path, siblings, start: value.offset, end };
}

/** Between the properties of an object: what precedes the word at the cursor says whether a key or a value goes here. */
function objectGapContext(object: PayloadNode, path: readonly PathSegment[], text: string, offset: number): Context | undefined {
  const word = wordAt(text, offset);
  let before = skipTriviaBackward(text, word.start, object.offset);
  let quoted: '"' | "'" | '`' | undefined;
  let start = word.start;
  // An unterminated string the parser did not turn into a property: `{ 'tok| }`.
  const quote = quoteAt(text, before - 1);
  if (quote && before - 1 > object.offset) {
    quoted = quote;
    start = before - 1;
    before = skipTriviaBackward(text, start, object.offset);
  }
  const previous = text[before - 1];
  if (previous === '{' || previous === ',') {
    if (before - 1 < object.offset) return undefined;
    return { at: 'key', objectPath: path, present: presentKeys(object), quoted, start, end: word.end, colonFollows: nextIs(text, word.end, ':') };
  }
  if (previous === ':') {
    const name = keyBefore(text, before - 1, object.offset);
    if (name === undefined) return undefined;
    const valuePath = [...path, name];
    if (quoted) return { at: 'value', path: valuePath, siblings: new Set(), inString: { quote: quoted, closed: false }, start: start + 1, end: word.end };
    return { at: 'value', path: valuePath, siblings: new Set(), start, end: word.end };
  }
  return undefined;
}

/** The property name before a colon at `colon`: a bare identifier or a quoted string. */
function keyBefore(text: string, colon: number, limit: number): string | undefined {
  const end = skipTriviaBackward(text, colon, limit);
  const quote = quoteAt(text, end - 1);
  if (quote) {
    const open = text.lastIndexOf(quote, end - 2);
    return open > limit ? text.slice(open + 1, end - 1) : undefined;
  }
  let start = end;
  while (start > limit + 1 && /[A-Za-z0-9_$]/.test(text[start - 1])) start--;
  return start < end ? text.slice(start, end) : undefined;
}

// ---- what to propose ------------------------------------------------------------------------------------------

interface Candidate {
  readonly value: string | boolean;
  readonly label?: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly filterText?: string;
  readonly sortText?: string;
  /** Inserted inside an array literal: `["PASSPORT"]`. */
  readonly wrapInArray?: boolean;
}

function suggestionsFor(context: Context, text: string, style: Style, settings: IdenfySettings): CompletionSuggestion[] {
  // Something already written after the cursor (`{ | "locale": "lt" }`, `[| "ID_CARD"]`) needs a comma between.
  const next = nextSignificant(text, context.end);
  const comma = next < 0 || ',}]):'.includes(text[next]) ? undefined : next > context.end ? ',' : ', ';
  if (context.at === 'key') return keySuggestions(context, style, context.colonFollows ? undefined : comma);
  if (comma === undefined || context.inString) return valueSuggestions(context, style, settings, undefined);
  // A property's value is there already; an array takes one more item before the next.
  return typeof context.path[context.path.length - 1] === 'number' ? valueSuggestions(context, style, settings, comma) : [];
}

function keySuggestions(context: KeyContext, style: Style, comma: string | undefined): CompletionSuggestion[] {
  const path = context.objectPath;
  if (path.length === 0) return fieldSuggestions(context, style, comma);
  const names = nestedKeyCandidates(path);
  return names.filter((c) => !context.present.has(String(c.value))).map((c) => keySuggestion(context, style, String(c.value), c, false, comma));
}

/** The keys of an object inside a nested field, from the shape tree: a map's keys, a record's properties. */
function nestedKeyCandidates(path: readonly PathSegment[]): Candidate[] {
  const field = typeof path[0] === 'string' ? FIELDS.get(path[0]) : undefined;
  if (field?.rule.kind !== 'additionalSteps') return [];
  const shape = shapeAtPath(field.rule.shape, path.slice(1));
  switch (shape?.kind) {
    case 'map':
      return mapKeyCandidates(shape.keys, field);
    case 'record':
      return Object.entries(shape.properties).map(([name, property]) => ({ value: name, documentation: property.doc }));
    default:
      return [];
  }
}

function mapKeyCandidates(keys: MapKeys, field: FieldSpec): Candidate[] {
  const all = keys.all ? [allKey(keys.all.detail)] : [];
  switch (keys.kind) {
    case 'country':
      return [...all, ...countryCandidates()];
    case 'documentType':
      return [...all, ...DOCUMENT_TYPES.map((type) => ({ value: type, detail: DOCUMENT_TYPE_DOCS[type] }))];
    case 'stepName':
      return [...all, ...(keys.suggested ?? []).map((name) => ({ value: name, detail: 'step name', documentation: ruleSummary(field.rule) }))];
    case 'locale':
      return [...all, ...localeCandidates()];
  }
}

function fieldSuggestions(context: KeyContext, style: Style, comma: string | undefined): CompletionSuggestion[] {
  const present = context.present;
  const suggestions: CompletionSuggestion[] = [];
  fieldsForCompletion().forEach((spec, rank) => {
    if (present.has(spec.name)) return;
    // clientId and its legacy alias name the same thing: one is enough.
    if (spec.aliasOf && present.has(spec.aliasOf)) return;
    if ([...present].some((name) => FIELDS.get(name)?.aliasOf === spec.name)) return;
    suggestions.push(
      keySuggestion(
        context,
        style,
        spec.name,
        {
          value: spec.name,
          detail: spec.aliasOf || spec.legacy ? `${spec.type} (legacy)` : spec.type,
          documentation: `${spec.description}\n\n**Rule:** ${ruleSummary(spec.rule)}`,
          sortText: String(rank).padStart(3, '0'),
        },
        hasValueSuggestions(spec),
        comma,
      ),
    );
  });
  if (!present.has('additionalSteps') && !context.colonFollows) suggestions.push(additionalStepsSnippet(context, style, comma));
  return suggestions;
}

function keySuggestion(context: KeyContext, style: Style, name: string, candidate: Candidate, retrigger: boolean, comma: string | undefined): CompletionSuggestion {
  const keyText = context.quoted ? stringLiteral(name, context.quoted) : keyLiteral(name, style.syntax, style.quote);
  // Before another property the value goes between the colon and a comma: a snippet puts the cursor there.
  const separator = keyValueSeparator(style.syntax);
  const insertText = context.colonFollows ? keyText : comma ? `${escapeSnippet(keyText)}${separator}$1${comma}` : `${keyText}${separator}`;
  return {
    label: candidate.label ?? name,
    kind: 'field',
    detail: candidate.detail,
    documentation: candidate.documentation,
    insertText,
    isSnippet: comma !== undefined && !context.colonFollows,
    replaceStart: context.start,
    replaceEnd: context.end,
    // The editor matches the typed text, quote included, against the filter text.
    filterText: context.quoted ? stringLiteral(name, context.quoted) : candidate.filterText,
    sortText: candidate.sortText,
    retrigger: retrigger && !context.colonFollows,
  };
}

function additionalStepsSnippet(context: KeyContext, style: Style, comma: string | undefined): CompletionSuggestion {
  const q = style.syntax === 'json' ? '"' : style.quote;
  const key = (text: string) => (style.syntax === 'json' ? `"${text}"` : style.syntax === 'code' ? text : `${q}${text}${q}`);
  // Python dicts and JS objects use braces and a colon; PHP arrays brackets and `=>`.
  const [open, close, sep] = style.syntax === 'php' ? ['[', ']', ' => '] : ['{', '}', ': '];
  const body = [
    `${key('additionalSteps')}${sep}${open}`,
    `\t${key('${1:ALL}')}${sep}${open}`,
    `\t\t${key('${2:ALL}')}${sep}${open}`,
    `\t\t\t${key(`\${3:${UTILITY_BILL_STEP}}`)}${sep}${open}`,
    `\t\t\t\t${key('type')}${sep}${q}\${4|${ADDITIONAL_STEP_TYPES.join(',')}|}${q}`,
    `\t\t\t${close}`,
    `\t\t${close}`,
    `\t${close}`,
    `${close}${comma ?? ''}`,
  ].join('\n');
  const spec = FIELDS.get('additionalSteps')!;
  return {
    label: 'additionalSteps block',
    kind: 'snippet',
    detail: 'additionalSteps with one step',
    documentation: `${spec.description}\n\n**Rule:** ${ruleSummary(spec.rule)}`,
    insertText: body,
    isSnippet: true,
    replaceStart: context.start,
    replaceEnd: context.end,
    filterText: context.quoted ? `${context.quoted}additionalSteps` : 'additionalSteps',
    sortText: '001',
  };
}

function valueSuggestions(context: ValueContext, style: Style, settings: IdenfySettings, comma: string | undefined): CompletionSuggestion[] {
  return valueCandidates(context.path, settings)
    .filter((c) => typeof c.value !== 'string' || !context.siblings.has(c.value))
    .flatMap((c) => {
      const suggestion = valueSuggestion(context, style, c);
      if (!suggestion) return [];
      return [comma ? { ...suggestion, insertText: suggestion.insertText + comma } : suggestion];
    });
}

function valueSuggestion(context: ValueContext, style: Style, candidate: Candidate): CompletionSuggestion | undefined {
  const { value } = candidate;
  let insertText: string;
  if (context.inString) {
    // Inside quotes only a string fits; keep the user's quotes and close them if they are not yet.
    if (typeof value !== 'string' || candidate.wrapInArray) return undefined;
    const literal = stringLiteral(value, context.inString.quote);
    insertText = literal.slice(1, -1) + (context.inString.closed ? '' : context.inString.quote);
  } else if (typeof value === 'boolean') {
    insertText = scalarLiteral(value, style.syntax);
  } else {
    const literal = stringLiteral(value, style.syntax === 'json' ? '"' : style.quote);
    insertText = candidate.wrapInArray ? `[${literal}]` : literal;
  }
  return {
    label: candidate.label ?? String(value),
    kind: typeof value === 'boolean' ? 'keyword' : 'value',
    detail: candidate.detail,
    documentation: candidate.documentation,
    insertText,
    isSnippet: false,
    replaceStart: context.start,
    replaceEnd: context.end,
    filterText: candidate.filterText,
    sortText: candidate.sortText,
  };
}

/** The values that fit at a path, from the rule table and the spec's lists. */
function valueCandidates(path: readonly PathSegment[], settings: IdenfySettings): Candidate[] {
  const field = typeof path[0] === 'string' ? FIELDS.get(path[0]) : undefined;
  if (!field) return [];
  const rule = field.rule;
  if (path.length === 1) {
    switch (rule.kind) {
      case 'enum': {
        const docs = ENUM_VALUE_DOCS[field.name] ?? {};
        return [
          ...rule.values.map((v, i): Candidate => ({ value: v, detail: field.default === v ? 'default' : undefined, documentation: docs[v], sortText: `0${i}` })),
          ...(rule.legacy ?? []).map((v, i): Candidate => ({ value: v, detail: 'legacy', documentation: docs[v], sortText: `1${i}` })),
        ];
      }
      case 'boolean':
        return booleans();
      case 'country':
        return [...(rule.allowAll ? [allKey('clears it')] : []), ...countryCandidates()];
      case 'locale':
        return localeCandidates();
      case 'documents':
        return DOCUMENT_TYPES.map((type) => ({ value: type, detail: DOCUMENT_TYPE_DOCS[type], wrapInArray: true }));
      case 'questionnaire':
        return (settings.account.questionnaireIds ?? []).map((id) => ({ value: id, detail: 'idenfy.account.questionnaireIds' }));
      case 'uuid':
        return field.name === 'riskAssessmentProfile' ? (settings.account.riskAssessmentProfileIds ?? []).map((id) => ({ value: id, detail: 'idenfy.account.riskAssessmentProfileIds' })) : [];
      default:
        return [];
    }
  }
  if (path.length === 2 && typeof path[1] === 'number') {
    if (rule.kind === 'documents') return DOCUMENT_TYPES.map((type) => ({ value: type, detail: DOCUMENT_TYPE_DOCS[type] }));
    if (rule.kind === 'countryList' || rule.kind === 'country') return countryCandidates();
    return [];
  }
  if (rule.kind === 'additionalSteps') {
    const shape = shapeAtPath(rule.shape, path.slice(1)) ?? likelyShape(rule.shape, path.slice(1));
    if (shape?.kind === 'enum') return shape.values.map((value) => ({ value, documentation: shape.docs[value] }));
    if (shape?.kind === 'boolean') return booleans();
  }
  return [];
}

/**
 * The value of a key an object of fixed keys does not know (a typo, `canCaptur`) where all its keys take the same
 * kind of value: that kind, so `true`/`false` are still proposed under a step's `settings`.
 */
function likelyShape(root: Shape, path: readonly PathSegment[]): Shape | undefined {
  const parent = shapeAtPath(root, path.slice(0, -1));
  if (parent?.kind !== 'record') return undefined;
  const shapes = Object.values(parent.properties).map((property) => property.shape);
  return shapes.length > 0 && shapes.every((shape) => shape.kind === shapes[0].kind) ? shapes[0] : undefined;
}

function hasValueSuggestions(spec: FieldSpec): boolean {
  return ['enum', 'boolean', 'country', 'locale', 'documents'].includes(spec.rule.kind);
}

function booleans(): Candidate[] {
  return [{ value: true }, { value: false }];
}

function allKey(meaning: string): Candidate {
  return { value: 'ALL', detail: meaning, sortText: '0' };
}

function countryCandidates(): Candidate[] {
  return Object.entries(COUNTRY_NAMES)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ value: code, detail: name, filterText: `${code} ${name}`, sortText: `1${code}` }));
}

function localeCandidates(): Candidate[] {
  return KNOWN_LOCALES.map((code) => ({ value: code, detail: localeName(code), filterText: `${code} ${localeName(code)}` }));
}

// ---- text helpers ---------------------------------------------------------------------------------------------

function isContainer(node: PayloadNode): boolean {
  return node.type === 'object' || node.type === 'array';
}

/** Strictly between an object's or array's brackets. */
function insideBrackets(node: PayloadNode, offset: number): boolean {
  return offset > node.offset && offset < node.offset + node.length;
}

/** A string literal from `start` to `end` ends with its (unescaped) opening quote. */
function isClosedString(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text[end - 1] !== text[start]) return false;
  let backslashes = 0;
  for (let i = end - 2; i > start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The identifier-like word around the cursor (letters, digits, `_`, `$`, `-`, `.`): what the user is typing. */
function wordAt(text: string, offset: number): Range {
  const word = /[A-Za-z0-9_$.-]/;
  let start = offset;
  while (start > 0 && word.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && word.test(text[end])) end++;
  return { start, end };
}

/**
 * Where the typed text of an unterminated string ends: a parser runs such a string to the end of the line, over
 * the brackets that follow, which an edit must not swallow.
 */
function typedEnd(text: string, offset: number, nodeEnd: number): number {
  return Math.min(nodeEnd, wordAt(text, offset).end);
}

/** Snippet syntax gives `$`, `}` and `\\` meaning: literal text escapes them. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function nextIs(text: string, offset: number, char: string): boolean {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === char;
}
