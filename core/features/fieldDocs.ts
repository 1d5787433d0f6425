import { COUNTRY_CODES } from '../rules/countries';
import { ADDITIONAL_STEP_SETTINGS, ADDITIONAL_STEP_TYPES, DOCUMENT_TYPES, UTILITY_BILL_STEP } from '../rules/documents';
import { FieldRule, FieldSpec, FIELDS, NAME_FORBIDDEN_CHARACTERS } from '../rules/fields';
import { DOCS } from '../rules/links';
import { KNOWN_LOCALES } from '../rules/locales';

/** Human-readable field documentation, derived from the rule table (core/rules/fields.ts) and nothing else. */

const count = (n: number) => n.toLocaleString('en-US');
const code = (text: string) => `\`${text}\``;
const list = (values: readonly string[]) => values.map(code).join(', ');

function characters(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${count(min)}–${count(max)} characters`;
  if (max !== undefined) return `at most ${count(max)} characters`;
  if (min !== undefined) return `at least ${count(min)} character${min === 1 ? '' : 's'}`;
  return 'any length';
}

/** Whether the endpoint refuses a payload without this field. */
export function isRequired(spec: FieldSpec): boolean {
  return spec.rule.kind === 'clientId' && !spec.aliasOf;
}

/** The rule of a field in one sentence: ranges, lengths, enum values, formats. */
export function ruleSummary(rule: FieldRule): string {
  switch (rule.kind) {
    case 'clientId':
    case 'string':
      return `A string of ${characters(rule.min, rule.max)}.`;
    case 'personName':
      return `A string of ${characters(rule.min, rule.max)}, any script; no digits and none of ${code(NAME_FORBIDDEN_CHARACTERS)}.`;
    case 'date':
      return `A date written ${code('YYYY-MM-DD')} that exists in the calendar.`;
    case 'enum':
      return `One of ${list(rule.values)}${rule.legacy?.length ? `; legacy values still accepted: ${list(rule.legacy)}` : ''}.`;
    case 'country':
      return `A supported ISO 3166-1 alpha-2 country code (${count(COUNTRY_CODES.size)} of them), case-insensitive${rule.allowAll ? `, or ${code('ALL')}` : ''}.`;
    case 'documents':
      return `An array of document types: ${list(DOCUMENT_TYPES)}.`;
    case 'locale':
      return `A language code of ${characters(undefined, rule.max)}; iDenfy lists ${list(KNOWN_LOCALES)}.`;
    case 'boolean':
      return `${code('true')} or ${code('false')} (not a string).`;
    case 'integer': {
      const unit = rule.unit ? ` ${rule.unit}` : '';
      if (rule.min !== undefined && rule.max !== undefined) return `A whole number from ${count(rule.min)} to ${count(rule.max)}${unit}.`;
      if (rule.min !== undefined) return `A whole number of at least ${count(rule.min)}${unit}.`;
      if (rule.max !== undefined) return `A whole number of at most ${count(rule.max)}${unit}.`;
      return `A whole number${rule.unit ? ` of ${rule.unit}` : ''}.`;
    }
    case 'number':
      return 'A number.';
    case 'httpsUrl':
      return `An ${code('https://')} URL of ${characters(rule.min, rule.max)}.`;
    case 'uuid':
      return 'A UUID, like `3fa85f64-5717-4562-b3fc-2c963f66afa6`.';
    case 'questionnaire':
      return 'A questionnaire key (not an empty string).';
    case 'countryList':
      return 'An array of ISO 3166-1 alpha-2 country codes.';
    case 'stringList':
      return 'An array of strings.';
    case 'additionalSteps':
      return (
        `An object keyed by country code or ${code('ALL')}, then by document type or ${code('ALL')}, then by step name (${code(UTILITY_BILL_STEP)} shows the utility-bill screen). ` +
        `Each step may have ${code('type')} (${list(ADDITIONAL_STEP_TYPES)}), ${code('fields')}, ${code('texts')} and ${code('settings')} (${list(ADDITIONAL_STEP_SETTINGS)}).`
      );
    case 'additionalData':
      return 'An object keyed by step name; each value is an object of field values.';
  }
}

/** The hover of a field: type, rule, default, legacy notes, link. */
export function fieldMarkdown(spec: FieldSpec): string {
  const header = `**${spec.name}** · ${code(spec.type)}${isRequired(spec) ? ' · required' : ''}`;
  const lines = [header, spec.description, `**Rule:** ${ruleSummary(spec.rule)}`];
  if (spec.default !== undefined) lines.push(`**Default:** ${code(spec.default)}`);
  if (spec.aliasOf) lines.push(`**Legacy:** the old name of ${code(spec.aliasOf)}; iDenfy still accepts it.`);
  else if (spec.legacy) lines.push('**Legacy:** accepted for compatibility.');
  lines.push(`[iDenfy documentation](${DOCS[spec.doc]})`);
  return lines.join('\n\n');
}

/** Fields in the order completion offers them: the required one first, legacy ones last. */
export function fieldsForCompletion(): FieldSpec[] {
  const rank = (spec: FieldSpec) => (isRequired(spec) ? 0 : spec.legacy || spec.aliasOf ? 2 : 1);
  return [...FIELDS.values()].sort((a, b) => rank(a) - rank(b));
}
