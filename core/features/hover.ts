import { PayloadNode } from '../model';
import { DEFAULT_SETTINGS, IdenfySettings } from '../settings';
import { COUNTRY_ALIASES, COUNTRY_NAMES, normalizeCountry } from '../rules/countries';
import { MapKeys, shapeAtPath } from '../rules/additionalSteps';
import { DOCUMENT_TYPE_SET } from '../rules/documents';
import { DOCUMENT_TYPE_DOCS, ENUM_VALUE_DOCS } from '../rules/enumDocs';
import { FieldSpec, FIELDS } from '../rules/fields';
import { DOCS } from '../rules/links';
import { KNOWN_LOCALE_SET, localeName } from '../rules/locales';
import { fieldMarkdown } from './fieldDocs';
import { PathSegment, positionAt } from './tree';

export interface PayloadHover {
  /** Offsets of the hovered key or value in the document text. */
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

/**
 * Hover for a token payload (a JSON document's root, or an object literal found in code): on a field's key its
 * documentation; on a value of an enum, a country, a locale or a document type what it means. Undefined elsewhere.
 * `settings` supplies the user's country-bound document table.
 */
export function payloadHover(root: PayloadNode, offset: number, settings: IdenfySettings = DEFAULT_SETTINGS): PayloadHover | undefined {
  if (root.type !== 'object') return undefined;
  const position = positionAt(root, offset);
  if (!position || position.node === root) return undefined;
  const { node, path } = position;
  const markdown = position.isKey ? keyMarkdown(path, settings) : node.type === 'string' && typeof node.value === 'string' ? valueMarkdown(path, node.value, settings) : undefined;
  return markdown ? { start: node.offset, end: node.offset + node.length, markdown } : undefined;
}

function keyMarkdown(path: readonly PathSegment[], settings: IdenfySettings): string | undefined {
  const name = path[path.length - 1];
  if (typeof name !== 'string') return undefined;
  const spec = typeof path[0] === 'string' ? FIELDS.get(path[0]) : undefined;
  if (path.length === 1) return spec ? fieldMarkdown(spec) : undefined;
  // A key inside a nested value: the shape tree says what the object holding it is.
  if (spec?.rule.kind !== 'additionalSteps') return undefined;
  const parent = shapeAtPath(spec.rule.shape, path.slice(1, -1));
  switch (parent?.kind) {
    case 'map':
      return mapKeyMarkdown(parent.keys, name, settings);
    case 'record':
      return docOf(parent.properties, name, parent.what);
    default:
      return undefined;
  }
}

function mapKeyMarkdown(keys: MapKeys, name: string, settings: IdenfySettings): string | undefined {
  if (keys.all && (keys.all.caseInsensitive ? name.toUpperCase() === 'ALL' : name === 'ALL')) return stepKeyMarkdown('ALL', keys.all.meaning);
  switch (keys.kind) {
    case 'country':
      return countryMarkdown(name);
    case 'documentType':
      return documentMarkdown(name, settings);
    case 'locale':
      return localeMarkdown(name);
    case 'stepName':
      return undefined;
  }
}

function valueMarkdown(path: readonly PathSegment[], value: string, settings: IdenfySettings): string | undefined {
  const field = typeof path[0] === 'string' ? FIELDS.get(path[0]) : undefined;
  if (!field) return undefined;
  const rule = field.rule;
  if (path.length === 1) {
    switch (rule.kind) {
      case 'enum':
        return enumValueMarkdown(field, value);
      case 'country':
        return rule.allowAll && value.toUpperCase() === 'ALL' ? undefined : countryMarkdown(value);
      case 'locale':
        return localeMarkdown(value);
      default:
        return undefined;
    }
  }
  if (path.length === 2 && typeof path[1] === 'number') {
    if (rule.kind === 'documents') return documentMarkdown(value, settings);
    if (rule.kind === 'countryList' || rule.kind === 'country') return countryMarkdown(value);
    return undefined;
  }
  if (rule.kind !== 'additionalSteps') return undefined;
  const shape = shapeAtPath(rule.shape, path.slice(1));
  return shape?.kind === 'enum' ? docOf(shape.docs, value, shape.what) : undefined;
}

function enumValueMarkdown(field: FieldSpec, value: string): string | undefined {
  const docs = own(ENUM_VALUE_DOCS, field.name);
  const doc = docs && own(docs, value);
  if (!doc || field.rule.kind !== 'enum') return undefined;
  const notes = [
    field.rule.legacy?.includes(value) ? 'Legacy value: iDenfy still accepts it.' : undefined,
    field.default === value ? `The default when \`${field.name}\` is absent.` : undefined,
  ].filter((note): note is string => note !== undefined);
  return [`**${value}** · \`${field.name}\``, doc, ...notes, link(field.doc)].join('\n\n');
}

function countryMarkdown(text: string): string | undefined {
  const code = normalizeCountry(text);
  if (code) return `**${code}** · ${COUNTRY_NAMES[code]}\n\nISO 3166-1 alpha-2 country code.`;
  const meant = own(COUNTRY_ALIASES, text.toUpperCase());
  if (meant) return `**${text}** is not an ISO 3166-1 alpha-2 code: ${COUNTRY_NAMES[meant]} is \`${meant}\`.`;
  return undefined;
}

function localeMarkdown(text: string): string | undefined {
  const name = localeName(text.toLowerCase());
  const known = KNOWN_LOCALE_SET.has(text.toLowerCase());
  if (!known && name === text.toLowerCase()) return undefined;
  return `**${text}** · ${name}\n\n${known ? 'A locale iDenfy lists for its verification screens.' : 'Not a locale iDenfy lists for its verification screens.'}`;
}

function documentMarkdown(type: string, settings: IdenfySettings): string | undefined {
  if (!DOCUMENT_TYPE_SET.has(type)) return undefined;
  const lines = [`**${type}** · document type`, DOCUMENT_TYPE_DOCS[type]];
  const countries = settings.countryBoundDocuments[type];
  if (countries?.length) lines.push(`Exists only for ${countries.map((c) => (COUNTRY_NAMES[c] ? `${COUNTRY_NAMES[c]} (\`${c}\`)` : `\`${c}\``)).join(', ')}.`);
  lines.push(link('tokenGeneration'));
  return lines.join('\n\n');
}

function stepKeyMarkdown(key: string, meaning: string): string {
  return `**${key}** · additionalSteps key\n\n${meaning}\n\n${link('additionalSteps')}`;
}

/** The hover of a key or value a table documents: a string, or a record property's `doc`. */
function docOf(docs: Readonly<Record<string, string | { readonly doc: string }>>, key: string, what: string): string | undefined {
  const entry = own(docs, key);
  const doc = typeof entry === 'string' ? entry : entry?.doc;
  return doc ? `**${key}** · ${what}\n\n${doc}\n\n${link('additionalSteps')}` : undefined;
}

/** A record's own entry: `constructor` typed in a payload is not a key of any table. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function link(page: keyof typeof DOCS): string {
  return `[iDenfy documentation](${DOCS[page]})`;
}
