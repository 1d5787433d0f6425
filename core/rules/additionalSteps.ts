import { ADDITIONAL_STEP_SETTINGS, ADDITIONAL_STEP_TEXT_KEYS, ADDITIONAL_STEP_TYPES, UTILITY_BILL_STEP } from './documents';
import { ADDITIONAL_STEP_PROPERTY_DOCS, ADDITIONAL_STEP_SETTING_DOCS, ADDITIONAL_STEP_TEXT_DOCS, ADDITIONAL_STEP_TYPE_DOCS } from './enumDocs';

/**
 * The shape of the nested `additionalSteps` value, as data: country key → document key → step name → step
 * properties, with the keys and value types allowed at each level. The validator (core/validate.ts), hover and
 * completion (core/features/) and the JSON Schema (tools/bench/jsonSchema.ts) walk this one tree; none of them
 * knows the nesting by path length. The lists of allowed names and values stay in documents.ts, their explanations
 * in enumDocs.ts (a unit test checks both cover the same names).
 */

/**
 * How messages name a value: its whole dotted path (`additionalSteps.LT`), its path inside the step that holds it
 * (`texts.en`), or its key alone (`canUpload`).
 */
export type ShapeLabel = 'path' | 'inStep' | 'key';

/** What the keys of a map may be; each kind is read by the validator, hover and completion alike. */
export type MapKeyKind =
  /** An ISO 3166-1 alpha-2 code, case-insensitive. */
  | 'country'
  /** A document type of the field table's list (core/rules/documents.ts). */
  | 'documentType'
  /** Any step name; completion proposes `suggested`. */
  | 'stepName'
  /** Any locale code; completion proposes the known ones (core/rules/locales.ts). */
  | 'locale';

export interface MapKeys {
  readonly kind: MapKeyKind;
  /** How the keys read in messages and docs: "ISO 3166-1 alpha-2 country codes or ALL". */
  readonly expected: string;
  /** `ALL` is allowed as a key: what it means (hover) and its completion detail. */
  readonly all?: { readonly caseInsensitive: boolean; readonly meaning: string; readonly detail: string };
  /** Names completion proposes for a key of free text (`stepName`). */
  readonly suggested?: readonly string[];
}

interface ShapeBase {
  readonly label: ShapeLabel;
  /** One line for the rules reference (docs/rules.md). */
  readonly summary: string;
}

/** An object whose keys are data (countries, document types, step names, locales), all with the same value shape. */
export interface MapShape extends ShapeBase {
  readonly kind: 'map';
  readonly keys: MapKeys;
  readonly values: Shape;
  /** The end of "<label> must be …" when the value is not an object. */
  readonly expected: string;
}

export interface RecordProperty {
  readonly shape: Shape;
  /** Hover and completion documentation of the key. */
  readonly doc: string;
}

/** An object with a fixed set of optional keys; another key is reported as unknown. */
export interface RecordShape extends ShapeBase {
  readonly kind: 'record';
  /** What a key of this object is called in hovers: "additional step setting". */
  readonly what: string;
  readonly properties: Readonly<Record<string, RecordProperty>>;
  readonly expected: string;
  /** The object is one step: labels `inStep` below it start here. */
  readonly step?: boolean;
  /** Keys whose value is null or computed are not looked at, unknown ones included. */
  readonly skipKeysWithoutValue?: boolean;
}

export interface EnumShape extends ShapeBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  /** What each value means (hover, completion). */
  readonly docs: Readonly<Record<string, string>>;
  /** What a value is called in hovers: "additional step type". */
  readonly what: string;
}

export interface BooleanShape extends ShapeBase {
  readonly kind: 'boolean';
}

export interface StringShape extends ShapeBase {
  readonly kind: 'string';
  /** null is reported (`must be a string; got null`) instead of passing as "use the default". */
  readonly nullIsBad?: boolean;
}

export interface StringListShape extends ShapeBase {
  readonly kind: 'stringList';
  /** The end of "<label> must be …" when the value is not an array. */
  readonly expected: string;
}

export type Shape = MapShape | RecordShape | EnumShape | BooleanShape | StringShape | StringListShape;

const settingsShape: RecordShape = {
  kind: 'record',
  label: 'inStep',
  what: 'additional step setting',
  summary: 'How the user may hand in the document.',
  expected: 'an object with canUpload, canCapture, canUploadPDF',
  properties: Object.fromEntries(
    ADDITIONAL_STEP_SETTINGS.map((name) => [
      name,
      {
        doc: ADDITIONAL_STEP_SETTING_DOCS[name],
        shape: { kind: 'boolean', label: 'key', summary: ADDITIONAL_STEP_SETTING_DOCS[name] } satisfies BooleanShape,
      },
    ]),
  ),
};

const textShape: RecordShape = {
  kind: 'record',
  label: 'inStep',
  what: 'additional step text',
  summary: "The step's texts in one locale.",
  expected: 'an object with name and description',
  properties: Object.fromEntries(
    ADDITIONAL_STEP_TEXT_KEYS.map((name) => [
      name,
      {
        doc: ADDITIONAL_STEP_TEXT_DOCS[name],
        shape: { kind: 'string', label: 'inStep', summary: ADDITIONAL_STEP_TEXT_DOCS[name], nullIsBad: true } satisfies StringShape,
      },
    ]),
  ),
};

/** One step: `{ type?, fields?, texts?, settings? }`. */
const stepShape: RecordShape = {
  kind: 'record',
  label: 'path',
  what: 'additional step',
  summary: 'One step; every key is optional.',
  expected: 'an object with optional type, fields, texts and settings',
  step: true,
  skipKeysWithoutValue: true,
  properties: {
    type: {
      doc: ADDITIONAL_STEP_PROPERTY_DOCS.type,
      shape: { kind: 'enum', label: 'inStep', summary: ADDITIONAL_STEP_PROPERTY_DOCS.type, values: ADDITIONAL_STEP_TYPES, docs: ADDITIONAL_STEP_TYPE_DOCS, what: 'additional step type' },
    },
    fields: {
      doc: ADDITIONAL_STEP_PROPERTY_DOCS.fields,
      shape: { kind: 'stringList', label: 'inStep', summary: ADDITIONAL_STEP_PROPERTY_DOCS.fields, expected: 'an array of field names' },
    },
    texts: {
      doc: ADDITIONAL_STEP_PROPERTY_DOCS.texts,
      shape: {
        kind: 'map',
        label: 'inStep',
        summary: "The step's name and description per locale.",
        keys: { kind: 'locale', expected: 'locale codes' },
        expected: 'an object keyed by locale: { "en": { "name": …, "description": … } }',
        values: textShape,
      },
    },
    settings: { doc: ADDITIONAL_STEP_PROPERTY_DOCS.settings, shape: settingsShape },
  },
};

/** The value of `additionalSteps`. */
export const ADDITIONAL_STEPS_SHAPE: MapShape = {
  kind: 'map',
  label: 'path',
  summary: 'Steps per country.',
  keys: {
    kind: 'country',
    expected: 'ISO 3166-1 alpha-2 country codes or ALL',
    all: { caseInsensitive: true, meaning: 'The steps apply to documents of every country.', detail: 'every country' },
  },
  expected: 'an object { "<country or ALL>": { "<document type or ALL>": { "<STEP_NAME>": { … } } } }',
  values: {
    kind: 'map',
    label: 'path',
    summary: 'Steps per document type of that country.',
    keys: {
      kind: 'documentType',
      expected: 'document types or ALL',
      all: { caseInsensitive: false, meaning: 'The steps apply to every document type.', detail: 'every document type' },
    },
    expected: 'an object keyed by document type or ALL',
    values: {
      kind: 'map',
      label: 'path',
      summary: `Steps by name; \`${UTILITY_BILL_STEP}\` shows the utility-bill screen.`,
      keys: { kind: 'stepName', expected: 'step names', suggested: [UTILITY_BILL_STEP] },
      expected: 'an object keyed by step name',
      values: stepShape,
    },
  },
};

/** A list's items are strings. */
const STRING_ITEM: StringShape = { kind: 'string', label: 'inStep', summary: 'A string.' };

/**
 * The shape one step below `shape`: a map's value (whatever the segment, as a position path may cross an array the
 * payload has by mistake), a record's property, a list's item. Undefined where the tree has nothing.
 */
export function childShape(shape: Shape, segment: string | number): Shape | undefined {
  switch (shape.kind) {
    case 'map':
      return shape.values;
    case 'record':
      return typeof segment === 'string' && Object.prototype.hasOwnProperty.call(shape.properties, segment) ? shape.properties[segment].shape : undefined;
    case 'stringList':
      return typeof segment === 'number' ? STRING_ITEM : undefined;
    default:
      return undefined;
  }
}

/** The shape of the value at `path` below `shape` (path segments after the field's name). */
export function shapeAtPath(shape: Shape, path: readonly (string | number)[]): Shape | undefined {
  let current: Shape | undefined = shape;
  for (const segment of path) {
    if (!current) return undefined;
    current = childShape(current, segment);
  }
  return current;
}
