import { Finding, FindingCode, FixHint, keyOf, PayloadNode, RelatedSpan, Severity, spanOf, TextSpan, valueOf } from './model';
import { nearest } from './nearest';
import { IdenfySettings } from './settings';
import { MapKeys, Shape } from './rules/additionalSteps';
import { PROJECT_CODES } from './rules/codes';
import { COMBINATION_RULES, Literal, RuleContext } from './rules/combinations';
import { COUNTRY_ALIASES, COUNTRY_CODES, COUNTRY_NAMES, normalizeCountry } from './rules/countries';
import { DOCUMENT_TYPE_SET, DOCUMENT_TYPES } from './rules/documents';
import { FIELD_NAMES, FieldRule, FieldSpec, FIELDS, NAME_FORBIDDEN_CHARACTERS } from './rules/fields';
import { DOCS, DocPage } from './rules/links';
import { KNOWN_LOCALE_SET, KNOWN_LOCALES } from './rules/locales';

/** Project codes for findings that carry no identifier of the API: the table lives in core/rules/codes.ts. */
export { PROJECT_CODES };

/** Checks a request body that has been parsed into the payload model. */
export function validateBody(body: PayloadNode | undefined, settings: IdenfySettings, emptySpan: TextSpan): Finding[] {
  if (!body) {
    return [
      {
        ...emptySpan,
        severity: 'error',
        code: 'JSON_ERROR',
        href: DOCS.errors,
        message: 'The body is empty: iDenfy answers 400 "An error occurred while parsing/constructing JSON". Send a JSON object with at least clientId.',
      },
    ];
  }
  switch (body.type) {
    case 'object':
      return validatePayload(body, settings);
    case 'null':
      return [
        {
          ...spanOf(body),
          severity: 'error',
          code: 'MISSING_VALUE',
          href: DOCS.errors,
          message: 'The body is null: iDenfy answers 400 "Some of required values are missing". Send a JSON object with at least clientId.',
        },
      ];
    case 'unknown':
      return [];
    default: {
      const pythonType = { array: 'list', string: 'str', boolean: 'bool', number: Number.isInteger(body.value) ? 'int' : 'float' }[body.type as string] ?? body.type;
      return [
        {
          ...spanOf(body),
          severity: 'error',
          code: 'BAD_VALUE',
          href: DOCS.errors,
          message: `The body must be a JSON object: iDenfy answers 400 "Invalid data. Expected a dictionary, but got ${pythonType}."`,
        },
      ];
    }
  }
}

/** Checks a token payload object against every field, combination and account rule of the spec. */
export function validatePayload(root: PayloadNode, settings: IdenfySettings): Finding[] {
  return new PayloadChecker(settings).check(root);
}

const FORBIDDEN_IN_NAMES = new RegExp(`[\\p{Nd}${NAME_FORBIDDEN_CHARACTERS.replace(/[\\\]\\[^-]/g, '\\$&')}]`, 'u');

class PayloadChecker {
  private readonly findings: Finding[] = [];
  /** The last property of each key (a JSON parser keeps the last of duplicates); rules read documented keys from it. */
  private readonly fields = new Map<string, PayloadNode>();

  constructor(private readonly settings: IdenfySettings) {}

  check(root: PayloadNode): Finding[] {
    // Keys we cannot read (spread, computed names) mean absent keys may be set: claim no absence.
    let open = root.hasSpread === true;
    const seen = this.fields;
    for (const property of root.children ?? []) {
      const key = keyOf(property);
      if (key.type !== 'string' || typeof key.value !== 'string') {
        open = true;
        continue;
      }
      const name = key.value;
      const earlier = seen.get(name);
      if (earlier) {
        this.add(keyOf(earlier), 'warning', PROJECT_CODES.duplicateKey, `${name} appears more than once; iDenfy keeps only the last value.`, 'tokenGeneration', {
          field: name,
          related: [{ ...spanOf(key), message: `the value that counts: ${name}` }],
          fixes: [{ kind: 'removeProperty', property: earlier }],
        });
      }
      seen.set(name, property);
    }

    // Walk the properties in order (cheaper than the Map's iterator); a duplicate's earlier copies were reported above.
    for (const property of root.children ?? []) {
      const key = keyOf(property);
      if (key.type !== 'string') continue;
      const name = key.value as string;
      if (seen.get(name) !== property) continue;
      const spec = FIELDS.get(name);
      if (!spec) {
        this.unknownKey(property, name, FIELD_NAMES, name, 'tokenGeneration');
        continue;
      }
      const value = valueOf(property);
      if (!value || value.type === 'unknown') continue;
      if (spec.aliasOf) {
        this.add(keyOf(property), 'information', PROJECT_CODES.legacyField, `${name} is the legacy name of ${spec.aliasOf}; iDenfy still accepts it.`, spec.doc, {
          field: name,
          fixes: seen.has(spec.aliasOf) ? undefined : [{ kind: 'renameKey', property, to: spec.aliasOf }],
        });
      }
      if (value.type === 'null') {
        if (spec.rule.kind === 'clientId' && !spec.aliasOf) {
          this.add(value, 'error', 'MISSING_VALUE', `${name} is required and must not be null.`, spec.doc, { field: name });
        } else if (spec.aliasOf && !hasValue(seen.get(spec.aliasOf))) {
          // The legacy alias is the only clientId here: null leaves the required value missing.
          this.add(value, 'error', 'MISSING_VALUE', `${name} (the legacy name of ${spec.aliasOf}) must not be null: ${spec.aliasOf} is required.`, spec.doc, { field: name });
        }
        continue; // null means "use the dashboard default" for every optional field
      }
      this.checkField(spec, value, name);
    }

    if (!open && !seen.has('clientId') && !seen.has('personScanRef')) {
      this.findings.unshift({
        start: root.offset,
        end: root.offset + 1,
        severity: 'error',
        code: 'MISSING_VALUE',
        href: DOCS.tokenGeneration,
        field: 'clientId',
        message: 'clientId is required: your unique identifier of the user (a string of 1–100 characters).',
        fixes: [{ kind: 'addProperty', object: root, key: 'clientId', value: '' }],
      });
    }
    this.combinationRules(open);
    return this.findings;
  }

  // ---- field rules -------------------------------------------------------------------------------------------

  private checkField(spec: FieldSpec, value: PayloadNode, path: string): void {
    const rule: FieldRule = spec.rule;
    const doc = spec.doc;
    const name = spec.name;
    switch (rule.kind) {
      case 'clientId':
        if (value.type === 'number') {
          this.add(value, 'warning', PROJECT_CODES.numericClientId, `${name} should be a string; iDenfy accepts a number (an old official sample sends one), but documents a string.`, doc, {
            field: path,
            fixes: [{ kind: 'replaceValue', node: value, to: String(value.value) }],
          });
        } else if (this.expectString(value, name, path, doc)) {
          this.checkLength(value, name, path, doc, rule.min, rule.max);
        }
        return;
      case 'string':
        if (this.expectString(value, name, path, doc)) this.checkLength(value, name, path, doc, rule.min, rule.max);
        return;
      case 'personName':
        if (this.expectString(value, name, path, doc) && this.checkLength(value, name, path, doc, rule.min, rule.max)) {
          const text = value.value as string;
          // One regex test on the common (clean) path; list the culprits only when there are some.
          const bad = FORBIDDEN_IN_NAMES.test(text) ? [...new Set([...text].filter((c) => /\p{Nd}/u.test(c) || NAME_FORBIDDEN_CHARACTERS.includes(c)))] : [];
          if (bad.length) {
            this.bad(value, `${name} must not contain digits or any of ${NAME_FORBIDDEN_CHARACTERS}; found ${bad.map((c) => `"${c}"`).join(', ')}.`, doc, path);
          }
        }
        return;
      case 'date':
        if (this.expectString(value, name, path, doc)) this.checkDate(value, name, path, doc);
        return;
      case 'enum':
        this.checkEnum(value, name, path, doc, rule.values, rule.legacy);
        return;
      case 'country':
        if (value.type === 'array' && rule.arrayWarns) {
          this.add(value, 'warning', PROJECT_CODES.countryArray, `${name} is documented as one ISO 3166-1 alpha-2 code; one iDenfy example sends an array, which may not be honoured.`, doc, {
            field: path,
          });
          (value.children ?? []).forEach((item, i) => this.checkCountry(item, name, `${path}[${i}]`, doc, false));
        } else {
          this.checkCountry(value, name, path, doc, rule.allowAll);
        }
        return;
      case 'documents':
        this.checkDocuments(value, name, path, doc);
        return;
      case 'locale':
        if (this.expectString(value, name, path, doc) && this.checkLength(value, name, path, doc, undefined, rule.max)) {
          const code = value.value as string;
          if (!KNOWN_LOCALE_SET.has(code.toLowerCase())) {
            this.add(value, 'information', PROJECT_CODES.unknownLocale, `iDenfy does not list the locale "${code}"; the verification screens fall back to English.`, doc, {
              field: path,
              fixes: this.suggest(value, code.toLowerCase(), KNOWN_LOCALES),
            });
          }
        }
        return;
      case 'boolean':
        this.checkBoolean(value, name, path, doc);
        return;
      case 'integer':
        this.checkInteger(value, name, path, doc, rule.min, rule.max, rule.unit);
        return;
      case 'number':
        if (value.type !== 'number') this.bad(value, `${name} must be a number; got ${describe(value)}.`, doc, path);
        return;
      case 'httpsUrl':
        if (this.expectString(value, name, path, doc) && this.checkLength(value, name, path, doc, rule.min, rule.max)) this.checkUrl(value, name, path, doc);
        return;
      case 'uuid':
        if (this.expectString(value, name, path, doc) && !isUuid(value.value as string)) {
          this.bad(value, `${name} must be a UUID (like 3fa85f64-5717-4562-b3fc-2c963f66afa6); got "${value.value}".`, doc, path);
        }
        return;
      case 'questionnaire':
        if (this.expectString(value, name, path, doc) && value.value === '') {
          this.bad(value, `${name} must be a questionnaire key; use null, not an empty string, to disable it.`, doc, path);
        }
        return;
      case 'countryList':
        if (value.type !== 'array') this.bad(value, `${name} must be an array of ISO 3166-1 alpha-2 codes; got ${describe(value)}.`, doc, path);
        else (value.children ?? []).forEach((item, i) => this.checkCountry(item, name, `${path}[${i}]`, doc, false));
        return;
      case 'stringList':
        if (value.type !== 'array') this.bad(value, `${name} must be an array of strings; got ${describe(value)}.`, doc, path);
        else for (const item of value.children ?? []) if (item.type !== 'string' && item.type !== 'unknown') this.bad(item, `${name} items must be strings; got ${describe(item)}.`, doc, path);
        return;
      case 'additionalSteps':
        this.checkShape(rule.shape, value, { path, key: name, inStep: name }, doc);
        return;
      case 'additionalData':
        this.checkAdditionalData(value, path, doc);
        return;
    }
  }

  private expectString(value: PayloadNode, name: string, path: string, doc: DocPage): boolean {
    if (value.type === 'string') return true;
    if (value.type !== 'unknown') this.bad(value, `${name} must be a string; got ${describe(value)}.`, doc, path);
    return false;
  }

  /** Lengths count characters (code points), as iDenfy's Python back end does. */
  private checkLength(value: PayloadNode, name: string, path: string, doc: DocPage, min?: number, max?: number): boolean {
    const length = codePointLength(value.value as string);
    if ((min === undefined || length >= min) && (max === undefined || length <= max)) return true;
    const allowed = min !== undefined && max !== undefined ? `${min}–${max} characters` : max !== undefined ? `at most ${max} characters` : `at least ${min} character${min === 1 ? '' : 's'}`;
    this.bad(value, `${name} must be ${allowed}; got ${length}.`, doc, path);
    return false;
  }

  private checkDate(value: PayloadNode, name: string, path: string, doc: DocPage): void {
    const text = value.value as string;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      if (isCalendarDate(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10))) return;
      this.bad(value, `${name} must be a real calendar date; "${text}" does not exist.`, doc, path);
      return;
    }
    const iso = unambiguousDate(text);
    this.bad(value, `${name} must be a date written YYYY-MM-DD; got "${text}".`, doc, path, iso ? [{ kind: 'replaceValue', node: value, to: iso }] : undefined);
  }

  private checkEnum(value: PayloadNode, name: string, path: string, doc: DocPage, values: readonly string[], legacy: readonly string[] = NO_LEGACY_VALUES): void {
    if (value.type === 'string') {
      const text = value.value as string;
      if (values.includes(text)) return;
      if (legacy.includes(text)) {
        this.add(value, 'information', PROJECT_CODES.legacyValue, `${text} is a legacy ${name} value; iDenfy still accepts it, but current documentation lists only ${values.join(', ')}.`, doc, {
          field: path,
        });
        return;
      }
      this.bad(value, `${name} must be one of ${values.join(', ')}; got "${text}".`, doc, path, this.suggest(value, text, enumCandidates(values, legacy)));
      return;
    }
    this.bad(value, `${name} must be one of ${values.join(', ')}; got ${describe(value)}.`, doc, path);
  }

  private checkCountry(value: PayloadNode, name: string, path: string, doc: DocPage, allowAll: boolean): void {
    if (value.type === 'unknown') return;
    const allowed = `a supported ISO 3166-1 alpha-2 country code${allowAll ? ' or ALL' : ''}`;
    if (value.type !== 'string') {
      this.bad(value, `${name} must be ${allowed}; got ${describe(value)}.`, doc, path);
      return;
    }
    const text = value.value as string;
    if (normalizeCountry(text) || (allowAll && text.toUpperCase() === 'ALL')) return;
    this.bad(value, `${name} must be ${allowed}; got "${text}".`, doc, path, countryFix(value, text));
  }

  private checkDocuments(value: PayloadNode, name: string, path: string, doc: DocPage): void {
    if (value.type !== 'array') {
      this.bad(value, `${name} must be an array of document types (e.g. ["ID_CARD", "PASSPORT"]); got ${describe(value)}.`, doc, path);
      return;
    }
    const items = value.children ?? [];
    if (items.length === 0) {
      this.add(value, 'warning', PROJECT_CODES.emptyDocuments, `${name} is empty; leave it out or set it to null to use the account's default document types.`, doc, { field: path });
      return;
    }
    items.forEach((item, i) => this.checkDocumentType(item, name, `${path}[${i}]`, doc, false));
  }

  private checkDocumentType(item: PayloadNode, name: string, path: string, doc: DocPage, allowAll: boolean): void {
    if (item.type === 'unknown') return;
    const text = item.type === 'string' ? (item.value as string) : undefined;
    if (text !== undefined && (DOCUMENT_TYPE_SET.has(text) || (allowAll && text === 'ALL'))) return;
    this.bad(
      item,
      `${name} must contain document types such as ID_CARD, PASSPORT, DRIVER_LICENSE, RESIDENCE_PERMIT${allowAll ? ' (or ALL)' : ''}; got ${text !== undefined ? `"${text}"` : describe(item)}.`,
      doc,
      path,
      text !== undefined ? this.suggest(item, text, DOCUMENT_TYPES) : undefined,
    );
  }

  private checkBoolean(value: PayloadNode, name: string, path: string, doc: DocPage): void {
    if (value.type === 'boolean') return;
    if (value.type === 'string' && /^(true|false)$/i.test(value.value as string)) {
      const to = (value.value as string).toLowerCase() === 'true';
      this.bad(value, `${name} must be true or false, not the string "${value.value}".`, doc, path, [{ kind: 'replaceValue', node: value, to }]);
      return;
    }
    this.bad(value, `${name} must be true or false; got ${describe(value)}.`, doc, path);
  }

  private checkInteger(value: PayloadNode, name: string, path: string, doc: DocPage, min?: number, max?: number, unit?: string): void {
    const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}${unit ? ` ${unit}` : ''}` : unit ? ` of ${unit}` : '';
    const expected = `${name} must be an integer${range}`;
    if (value.type === 'string' && /^-?\d+$/.test((value.value as string).trim())) {
      const n = Number(value.value);
      const inRange = (min === undefined || n >= min) && (max === undefined || n <= max);
      this.bad(value, `${expected}, written as a number, not the string "${value.value}".`, doc, path, inRange ? [{ kind: 'replaceValue', node: value, to: n }] : undefined);
      return;
    }
    if (value.type !== 'number') {
      this.bad(value, `${expected}; got ${describe(value)}.`, doc, path);
      return;
    }
    const n = value.value as number;
    if (!Number.isInteger(n)) {
      this.bad(value, `${expected}; got ${n}.`, doc, path);
    } else if (min !== undefined && n < min) {
      this.bad(value, `${expected}; got ${n}.`, doc, path, [{ kind: 'replaceValue', node: value, to: min }]);
    } else if (max !== undefined && n > max) {
      this.bad(value, `${expected}; got ${n}.`, doc, path, [{ kind: 'replaceValue', node: value, to: max }]);
    }
  }

  private checkUrl(value: PayloadNode, name: string, path: string, doc: DocPage): void {
    const text = value.value as string;
    const kind = urlKind(text);
    if (kind === 'https') return;
    if (kind === 'http') {
      this.bad(value, `${name} must be an https:// URL; got "${text}".`, doc, path, [{ kind: 'replaceValue', node: value, to: 'https://' + text.trim().slice('http://'.length) }]);
      return;
    }
    this.bad(value, `${name} must be a valid https:// URL; got "${text}".`, doc, path);
  }

  /**
   * Checks a value against its shape in the tree of core/rules/additionalSteps.ts: objects key by key, in the
   * payload's order, each key before its value. Computed values are never checked; null passes, except where the
   * shape says otherwise.
   */
  private checkShape(shape: Shape, value: PayloadNode, at: ShapeAt, doc: DocPage): void {
    if (value.type === 'unknown') return;
    const label = shape.label === 'path' ? at.path : shape.label === 'key' ? at.key : at.inStep;
    switch (shape.kind) {
      case 'map':
        if (!this.expectObject(value, `${label} must be ${shape.expected}`, at.path, doc)) return;
        for (const [key, item, property] of entries(value)) {
          this.checkMapKey(shape.keys, key, property, label, `${at.path}.${key}`, doc);
          this.checkShape(shape.values, item, childAt(at, key, shape), doc);
        }
        return;
      case 'record':
        if (!this.expectObject(value, `${label} must be ${shape.expected}`, at.path, doc)) return;
        for (const [key, item, property] of entries(value)) {
          if (shape.skipKeysWithoutValue && (item.type === 'unknown' || item.type === 'null')) continue;
          const known = Object.prototype.hasOwnProperty.call(shape.properties, key) ? shape.properties[key] : undefined;
          if (!known) this.unknownKey(property, key, keysOf(shape.properties), `${at.path}.${key}`, doc);
          else this.checkShape(known.shape, item, childAt(at, key, shape), doc);
        }
        return;
      case 'enum':
        if (value.type !== 'null') this.checkEnum(value, label, at.path, doc, shape.values);
        return;
      case 'boolean':
        if (value.type !== 'null') this.checkBoolean(value, label, at.path, doc);
        return;
      case 'string':
        if (value.type !== 'string' && (value.type !== 'null' || shape.nullIsBad)) this.bad(value, `${label} must be a string; got ${describe(value)}.`, doc, at.path);
        return;
      case 'stringList':
        if (value.type === 'null') return;
        if (value.type !== 'array') this.bad(value, `${label} must be ${shape.expected}; got ${describe(value)}.`, doc, at.path);
        else for (const item of value.children ?? []) if (item.type !== 'string' && item.type !== 'unknown') this.bad(item, `${label} items must be strings; got ${describe(item)}.`, doc, at.path);
        return;
    }
  }

  /** A key of a map: a country code, a document type (or ALL where allowed); step names and locales are free. */
  private checkMapKey(keys: MapKeys, key: string, property: PayloadNode, label: string, path: string, doc: DocPage): void {
    const isAll = keys.all !== undefined && (keys.all.caseInsensitive ? key.toUpperCase() === 'ALL' : key === 'ALL');
    if (isAll) return;
    switch (keys.kind) {
      case 'country':
        if (!normalizeCountry(key)) this.bad(keyOf(property), `${label} keys must be ${keys.expected}; got "${key}".`, doc, path, countryFix(keyOf(property), key, property));
        return;
      case 'documentType':
        if (!DOCUMENT_TYPE_SET.has(key)) {
          const suggestion = nearest(key, DOCUMENT_TYPES);
          this.bad(keyOf(property), `${label} keys must be ${keys.expected}; got "${key}".`, doc, path, suggestion ? [{ kind: 'renameKey', property, to: suggestion }] : undefined);
        }
        return;
      case 'stepName':
      case 'locale':
        return;
    }
  }

  private checkAdditionalData(value: PayloadNode, path: string, doc: DocPage): void {
    if (!this.expectObject(value, 'additionalData must be an object { "<STEP_NAME>": { "<field>": value } }', path, doc)) return;
    for (const [stepName, stepValue] of entries(value)) {
      this.expectObject(stepValue, `additionalData.${stepName} must be an object of field values`, `${path}.${stepName}`, doc);
    }
  }

  /** Objects (and `unknown`) pass; anything else is a BAD_VALUE. Null passes silently but is not descended. */
  private expectObject(value: PayloadNode, message: string, path: string, doc: DocPage): boolean {
    if (value.type === 'object') return true;
    if (value.type !== 'unknown' && value.type !== 'null') this.bad(value, `${message}; got ${describe(value)}.`, doc, path);
    return false;
  }

  // ---- combination and account rules -------------------------------------------------------------------------

  /** The table of core/rules/combinations.ts, in its order. */
  private combinationRules(open: boolean): void {
    const ctx: RuleContext = {
      settings: this.settings,
      open,
      property: (name) => this.fields.get(name),
      value: (name) => this.valueNode(name),
      literal: (name) => this.literal(name),
    };
    for (const rule of COMBINATION_RULES) {
      const found = rule.check(ctx);
      if (!found) continue;
      for (const hit of Array.isArray(found) ? found : [found]) {
        this.add(hit.at, rule.severity, rule.code, rule.message(hit.data, ctx), hit.doc ?? rule.doc, { field: hit.field, related: hit.related, fixes: hit.fixes });
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private valueNode(name: string): PayloadNode | undefined {
    const property = this.fields.get(name);
    return property ? valueOf(property) : undefined;
  }

  /** The literal value of a top-level field, or undefined when absent or computed. */
  private literal(name: string): Literal | undefined {
    const node = this.valueNode(name);
    if (!node) return undefined;
    switch (node.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return node.value as Literal;
      case 'null':
        return null;
      default:
        return undefined;
    }
  }

  private unknownKey(property: PayloadNode, name: string, known: readonly string[], path: string, doc: DocPage): void {
    const suggestion = nearest(name, known);
    this.add(
      keyOf(property),
      'warning',
      PROJECT_CODES.unknownField,
      suggestion ? `${name} is not a documented field; did you mean ${suggestion}?` : `${name} is not a documented field of POST /api/v2/token; iDenfy's handling of unknown keys is undocumented.`,
      doc,
      { field: path, fixes: suggestion ? [{ kind: 'renameKey', property, to: suggestion }] : undefined },
    );
  }

  private suggest(node: PayloadNode, text: string, candidates: readonly string[]): FixHint[] | undefined {
    const suggestion = nearest(text, candidates);
    return suggestion ? [{ kind: 'replaceValue', node, to: suggestion }] : undefined;
  }

  private bad(node: PayloadNode, message: string, doc: DocPage, field: string, fixes?: FixHint[]): void {
    this.add(node, 'error', 'BAD_VALUE', message, doc, { field, fixes });
  }

  private add(node: PayloadNode, severity: Severity, code: FindingCode, message: string, doc: DocPage, extra: { field?: string; related?: RelatedSpan[]; fixes?: FixHint[] } = {}): void {
    // Built field by field: this runs for every finding on every keystroke.
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = { start: node.offset, end: node.offset + node.length, severity, code, message, href: DOCS[doc] };
    if (extra.field !== undefined) finding.field = extra.field;
    if (extra.related !== undefined) finding.related = extra.related;
    if (extra.fixes !== undefined) finding.fixes = extra.fixes;
    this.findings.push(finding);
  }
}

/** Where a value sits in a shape tree: its dotted path, its key, its path inside the step that holds it. */
interface ShapeAt {
  readonly path: string;
  readonly key: string;
  readonly inStep: string;
}

/** What a URL value is, remembered per text: the same redirect URLs come back on every keystroke. */
const urlKinds = new Map<string, 'https' | 'http' | 'invalid'>();
function urlKind(text: string): 'https' | 'http' | 'invalid' {
  let kind = urlKinds.get(text);
  if (kind !== undefined) return kind;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // The WHATWG parser forgives "https:example.com" and "https:/example.com"; a URL validator on the server does not.
  const slashes = /^\s*https?:\/\//i.test(text);
  kind = url && url.protocol === 'https:' && url.hostname && slashes ? 'https' : url && url.protocol === 'http:' && slashes ? 'http' : 'invalid';
  if (urlKinds.size >= 256) urlKinds.clear();
  if (text.length <= 2048) urlKinds.set(text, kind);
  return kind;
}

const NO_LEGACY_VALUES: readonly string[] = Object.freeze([]);
const enumLists = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>();

/** An enum's values and its legacy values as one suggestion list, the same object each time (nearest.ts remembers by it). */
function enumCandidates(values: readonly string[], legacy: readonly string[]): readonly string[] {
  let byLegacy = enumLists.get(values);
  if (!byLegacy) enumLists.set(values, (byLegacy = new WeakMap()));
  let list = byLegacy.get(legacy);
  if (!list) byLegacy.set(legacy, (list = [...values, ...legacy]));
  return list;
}

const shapeKeys = new WeakMap<object, readonly string[]>();

/** A record shape's keys, the same array each time. */
function keysOf(properties: object): readonly string[] {
  let keys = shapeKeys.get(properties);
  if (!keys) shapeKeys.set(properties, (keys = Object.keys(properties)));
  return keys;
}

function childAt(at: ShapeAt, key: string, parent: Shape): ShapeAt {
  return { path: `${at.path}.${key}`, key, inStep: parent.kind === 'record' && parent.step ? key : `${at.inStep}.${key}` };
}

/** `[key, value, property]` for each property of an object node whose key is a known string. */
function entries(object: PayloadNode): Array<[string, PayloadNode, PayloadNode]> {
  const out: Array<[string, PayloadNode, PayloadNode]> = [];
  for (const property of object.children ?? []) {
    const key = keyOf(property);
    const value = valueOf(property);
    if (key.type === 'string' && typeof key.value === 'string' && value) out.push([key.value, value, property]);
  }
  return out;
}

function countryFix(node: PayloadNode, text: string, renameProperty?: PayloadNode): FixHint[] | undefined {
  const upper = text.trim().toUpperCase();
  let code: string | undefined = COUNTRY_ALIASES[upper];
  if (!code) {
    const byName = Object.entries(COUNTRY_NAMES).find(([, countryName]) => countryName.toUpperCase() === upper);
    code = byName?.[0];
  }
  if (!code && COUNTRY_CODES.has(upper)) code = upper;
  if (!code) return undefined;
  return renameProperty ? [{ kind: 'renameKey', property: renameProperty, to: code }] : [{ kind: 'replaceValue', node, to: code }];
}

function describe(node: PayloadNode): string {
  switch (node.type) {
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${node.value}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a computed value';
  }
}

function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    length++;
  }
  return length;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The ISO form of a date whose reading is certain: year first (1990/5/17, 1990.05.17), or day first where the day
 * cannot be a month (17.05.1990). 05/06/1990 could be either: no fix.
 */
export function unambiguousDate(text: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (y: number, m: number, d: number) => (isCalendarDate(y, m, d) ? `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` : undefined);
  const trimmed = text.trim();
  let m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/.exec(trimmed);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b <= 12) return iso(+m[3], b, a);
    if (b > 12 && a <= 12) return iso(+m[3], a, b);
    if (a === b) return iso(+m[3], a, b);
  }
  return undefined;
}

/** What Python's uuid.UUID() accepts: hex with or without hyphens, braces or a urn:uuid: prefix. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(text: string): boolean {
  if (CANONICAL_UUID.test(text)) return true; // the usual form, without the clean-up below
  const hex = text
    .trim()
    .replace(/^urn:/i, '')
    .replace(/^uuid:/i, '')
    .replace(/^\{|\}$/g, '')
    .replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex);
}

/** A property that is there with a value other than null. */
function hasValue(property: PayloadNode | undefined): boolean {
  const value = property && valueOf(property);
  return value !== undefined && value.type !== 'null';
}
