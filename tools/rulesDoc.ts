/**
 * docs/rules.md, the rules reference, generated from the rule tables in core/rules/ and nothing else: the field
 * table, the additionalSteps shape tree, the combination and account rules, the project codes and the error
 * catalogue. tools/generateDocs.mjs writes it; a unit test fails when the committed file is stale.
 */
import { ADDITIONAL_STEPS_SHAPE, MapKeys, Shape } from '../core/rules/additionalSteps';
import { PROJECT_CODE_DOCS, PROJECT_CODES } from '../core/rules/codes';
import { COMBINATION_RULES, RuleKind } from '../core/rules/combinations';
import { COUNTRY_ALIASES, COUNTRY_CODES } from '../core/rules/countries';
import { DEFAULT_COUNTRY_BOUND_DOCUMENTS, DOCUMENT_TYPES } from '../core/rules/documents';
import { DOCUMENT_TYPE_DOCS } from '../core/rules/enumDocs';
import { ERROR_CATALOGUE, isErrorIdentifier } from '../core/rules/errors';
import { FIELDS, FieldSpec } from '../core/rules/fields';
import { DOCS, DocPage } from '../core/rules/links';
import { KNOWN_LOCALES } from '../core/rules/locales';
import { isRequired, ruleSummary } from '../core/features/fieldDocs';
import { FindingCode } from '../core/model';

export const RULES_DOC_PATH = 'docs/rules.md';

const code = (text: string) => `\`${text}\``;
/** A table cell: one line, pipes escaped. */
const cell = (text: string) => text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]) => [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)].join('\n');

const PAGE_TITLES: Readonly<Record<DocPage, string>> = {
  errors: 'error messages',
  tokenGeneration: 'token generation',
  additionalSteps: 'additional steps',
  webhooks: 'webhooks',
  redirectAndIframe: 'redirect and iframe',
  dummyResults: 'dummy results',
  errorHandling: 'error handling',
  openApi: 'OpenAPI',
};
const page = (doc: DocPage) => `[${PAGE_TITLES[doc]}](${DOCS[doc]})`;

function codeLink(findingCode: FindingCode): string {
  return isErrorIdentifier(findingCode) ? `[${code(findingCode)}](#error-identifiers)` : `[${code(findingCode)}](#project-codes)`;
}

function fieldNotes(spec: FieldSpec): string {
  const notes: string[] = [];
  if (isRequired(spec)) notes.push('**required**');
  if (spec.aliasOf) notes.push(`legacy name of ${code(spec.aliasOf)}`);
  else if (spec.legacy) notes.push('legacy');
  if (spec.distinctive) notes.push('marks a JSON object as a token payload');
  return notes.join('; ');
}

function fieldsSection(): string[] {
  const rows = [...FIELDS.values()].map((spec) => [
    code(spec.name),
    spec.type,
    `${ruleSummary(spec.rule)}${spec.rule.kind === 'clientId' || spec.aliasOf ? '' : ' Or null (the dashboard default).'}`,
    spec.default !== undefined ? code(spec.default) : '',
    fieldNotes(spec),
    `${spec.description} ${page(spec.doc)}`,
  ]);
  return [
    '## Fields',
    '',
    `The field table, core/rules/fields.ts: ${FIELDS.size} fields. A field's value may be null ("use the dashboard default") except \`clientId\`'s. ` +
      'A wrong type, format, range or enum value answers `BAD_VALUE`; a missing or null `clientId` answers `MISSING_VALUE`. ' +
      'Any other key is reported as `unknown-field`, with the nearest documented name when it looks like a typo.',
    '',
    table(['Field', 'Type', 'Rule', 'Default', 'Notes', 'Meaning'], rows),
    '',
    '### Document types',
    '',
    `core/rules/documents.ts: ${DOCUMENT_TYPES.length} types, for \`documents\` and the document keys of \`additionalSteps\`.`,
    '',
    table(
      ['Document type', 'Meaning', 'Only for (default `idenfy.countryBoundDocuments`)'],
      DOCUMENT_TYPES.map((type) => [code(type), DOCUMENT_TYPE_DOCS[type] ?? '', (DEFAULT_COUNTRY_BOUND_DOCUMENTS[type] ?? []).map(code).join(', ')]),
    ),
    '',
    '### Countries and locales',
    '',
    `Countries (core/rules/countries.ts): the ${COUNTRY_CODES.size} ISO 3166-1 alpha-2 codes iDenfy supports, case-insensitive. ` +
      `Codes people write that are not ISO (offered as fixes): ${Object.entries(COUNTRY_ALIASES)
        .map(([alias, meant]) => `${code(alias)} → ${code(meant)}`)
        .join(', ')}.`,
    '',
    `Locales (core/rules/locales.ts): ${KNOWN_LOCALES.map(code).join(' ')}; another code falls back to English (\`unknown-locale\`).`,
  ];
}

function keysText(keys: MapKeys): string {
  const meaning = keys.all ? keys.all.meaning.charAt(0).toLowerCase() + keys.all.meaning.slice(1).replace(/\.$/, '') : '';
  const all = keys.all ? ` (${code('ALL')}${keys.all.caseInsensitive ? ' in any case' : ''}: ${meaning})` : '';
  const suggested = keys.suggested?.length ? `, e.g. ${keys.suggested.map(code).join(', ')}` : '';
  return `${keys.expected}${all}${suggested}`;
}

/** The shape tree as a nested list: each level's keys, value type and meaning. */
function shapeLines(shape: Shape, depth: number, name: string): string[] {
  const indent = '  '.repeat(depth);
  const head = `${indent}- ${name}: `;
  switch (shape.kind) {
    case 'map':
      return [`${head}object keyed by ${keysText(shape.keys)}. ${shape.summary}`, ...shapeLines(shape.values, depth + 1, 'each value')];
    case 'record':
      return [
        `${head}object with the optional keys ${Object.keys(shape.properties).map(code).join(', ')}; another key is \`unknown-field\`. ${shape.summary}`,
        ...Object.entries(shape.properties).flatMap(([key, property]) => shapeLines(property.shape, depth + 1, code(key))),
      ];
    case 'enum':
      return [`${head}one of ${shape.values.map(code).join(', ')}. ${shape.summary}`, ...shape.values.map((value) => `${indent}  - ${code(value)}: ${shape.docs[value] ?? ''}`)];
    case 'boolean':
      return [`${head}\`true\` or \`false\`. ${shape.summary}`];
    case 'string':
      return [`${head}string. ${shape.summary}`];
    case 'stringList':
      return [`${head}array of strings. ${shape.summary}`];
  }
}

function shapeSection(): string[] {
  return [
    '## The additionalSteps shape',
    '',
    'The shape tree, core/rules/additionalSteps.ts: validation, hover, completion and the JSON Schema all walk it. ' +
      'A value of the wrong type or an invalid country or document key answers `BAD_VALUE`; a computed value is not checked.',
    '',
    ...shapeLines(ADDITIONAL_STEPS_SHAPE, 0, code('additionalSteps')),
  ];
}

const KIND_TITLES: Readonly<Record<RuleKind, string>> = {
  combination: 'combination',
  account: 'account',
  note: 'note',
};

function combinationsSection(): string[] {
  return [
    '## Combination and account rules',
    '',
    'The rule table, core/rules/combinations.ts, run in this order after the field rules. A combination rule is always checked; ' +
      'an account rule reads `idenfy.*` settings and stays silent while they are not set (`null`), except the digit-code maximum, ' +
      'whose setting defaults to 3600 seconds; a note is not an error of the API.',
    '',
    table(
      ['Rule', 'Kind', 'Reads', 'Answers with', 'Severity', 'Check'],
      COMBINATION_RULES.map((rule) => [
        code(rule.id),
        KIND_TITLES[rule.kind],
        [...rule.fields.map(code), ...(rule.settings ?? []).map(code)].join(', '),
        codeLink(rule.code),
        rule.severity,
        `${rule.summary} ${page(rule.doc)}`,
      ]),
    ),
  ];
}

function projectCodesSection(): string[] {
  return [
    '## Project codes',
    '',
    'Codes of this project, core/rules/codes.ts, for findings that carry no identifier of the API (unknown keys and notes).',
    '',
    table(
      ['Code', 'Meaning'],
      Object.values(PROJECT_CODES).map((projectCode) => [code(projectCode), PROJECT_CODE_DOCS[projectCode]]),
    ),
  ];
}

function errorsSection(): string[] {
  return [
    '## Error identifiers',
    '',
    `The error catalogue, core/rules/errors.ts: the ${ERROR_CATALOGUE.size} identifiers iDenfy answers with in \`{"identifier": …, "message": …}\`. ` +
      'A finding carries the identifier the API would answer with.',
    '',
    table(
      ['Identifier', 'HTTP', 'Meaning', 'On POST /api/v2/token', 'What to do', 'Retried'],
      [...ERROR_CATALOGUE.values()].map((entry) => [code(entry.identifier), String(entry.status), entry.meaning, entry.causes, entry.action, entry.retry ? 'yes' : 'no']),
    ),
  ];
}

/** The file's text: what the generator writes and what the unit test compares with the committed file. */
export function rulesDocText(): string {
  const lines = [
    '# Rules reference: POST /api/v2/token',
    '',
    '<!-- Generated by tools/generateDocs.mjs from core/rules/. Do not edit: change the tables and run `npm run generate:docs`. -->',
    '',
    'What the checker knows about an iDenfy token request, read from the rule tables in `core/rules/`. ' +
      'The sources and decisions behind the tables are in the project reference (token-endpoint.md); ' +
      'how to add a field or a rule is in [adding-rules.md](adding-rules.md).',
    '',
    '- [Fields](#fields)',
    '- [The additionalSteps shape](#the-additionalsteps-shape)',
    '- [Combination and account rules](#combination-and-account-rules)',
    '- [Project codes](#project-codes)',
    '- [Error identifiers](#error-identifiers)',
    '',
    ...fieldsSection(),
    '',
    ...shapeSection(),
    '',
    ...combinationsSection(),
    '',
    ...projectCodesSection(),
    '',
    ...errorsSection(),
  ];
  return `${lines.join('\n')}\n`;
}
