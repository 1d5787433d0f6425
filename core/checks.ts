/**
 * What each check is, for reports that list rules (SARIF, the rules reference): a check is a finding's code (the
 * identifier iDenfy would answer with, or a project code) about one top-level field, e.g. `BAD_VALUE/tokenType`.
 * Help texts are made from the same tables the checks use: the error catalogue and the field table.
 */
import { ruleSummary } from './features/fieldDocs';
import { ERROR_CATALOGUE, isErrorIdentifier } from './rules/errors';
import { FIELDS } from './rules/fields';
import { DOCS } from './rules/links';
import { PROJECT_CODES } from './validate';

/** One check as a report presents it. */
export interface CheckDescription {
  /** `CODE` or `CODE/field` (SARIF's hierarchical rule id). */
  readonly id: string;
  readonly code: string;
  readonly field?: string;
  /** A short name in PascalCase, as SARIF's `rule.name` expects. */
  readonly name: string;
  readonly shortDescription: string;
  readonly fullDescription: string;
  readonly helpText: string;
  readonly helpMarkdown: string;
  readonly helpUri: string;
}

/** What the project's own codes mean (iDenfy identifiers are described by the error catalogue). */
export const PROJECT_CODE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [PROJECT_CODES.unknownField]: 'A key that is not part of the documented POST /api/v2/token request.',
  [PROJECT_CODES.duplicateKey]: 'A key that appears more than once; iDenfy keeps only the last value.',
  [PROJECT_CODES.numericClientId]: 'clientId sent as a number instead of a string.',
  [PROJECT_CODES.legacyField]: 'A legacy field name that iDenfy still accepts.',
  [PROJECT_CODES.legacyValue]: 'A legacy value that iDenfy still accepts.',
  [PROJECT_CODES.countryArray]: 'country sent as an array of codes.',
  [PROJECT_CODES.emptyDocuments]: 'documents is an empty array.',
  [PROJECT_CODES.unknownLocale]: 'A locale outside the known list; iDenfy falls back to English.',
  [PROJECT_CODES.additionalDataWithoutSteps]: 'additionalData without additionalSteps.',
  [PROJECT_CODES.devOnly]: 'A field that works only with DEV credentials.',
  [PROJECT_CODES.tooDeep]: 'JSON nested too deeply to check.',
  [PROJECT_CODES.tooLarge]: 'A document too large to check.',
  [PROJECT_CODES.checksFailed]: 'The checks failed on this document (a bug of the checker, not of the payload).',
};

/**
 * The documented top-level field of a finding's dotted path (`additionalSteps.LT.ID_CARD` → `additionalSteps`);
 * undefined for a key outside the field table (an unknown key must not make a rule of its own).
 */
export function topLevelField(field: string | undefined): string | undefined {
  const top = field === undefined ? undefined : /^[A-Za-z_$][\w$]*/.exec(field)?.[0];
  return top !== undefined && FIELDS.has(top) ? top : undefined;
}

/** The check a finding belongs to: its rule id in SARIF. */
export function checkId(code: string, field?: string): string {
  const top = topLevelField(field);
  return top ? `${code}/${top}` : code;
}

/** Name, descriptions and help of the check `code` (about `field`, when given), with `href` as its link. */
export function describeCheck(code: string, field?: string, href?: string): CheckDescription {
  const top = topLevelField(field);
  const spec = top ? FIELDS.get(top) : undefined;
  const entry = isErrorIdentifier(code) ? ERROR_CATALOGUE.get(code) : undefined;
  const helpUri = href ?? entry?.href ?? DOCS.errors;
  const what = entry ? `iDenfy answers ${entry.status} ${code}: ${entry.meaning}` : (PROJECT_CODE_DESCRIPTIONS[code] ?? `iDenfy token payload check "${code}".`);
  const about = spec ? `${top}: ${spec.description}` : undefined;
  const shortDescription = top ? `${code} on ${top}` : what;
  const fullDescription = about ? `${what} About ${about}` : what;
  const textParts = [fullDescription];
  const markdown = [`**${top ? `\`${top}\` — ` : ''}${code}**`, '', what];
  if (spec) {
    textParts.push(`Expected: ${ruleSummary(spec.rule)}`);
    markdown.push('', `\`${top}\`: ${spec.description}`, '', `Expected: ${ruleSummary(spec.rule)}`);
  }
  if (entry) {
    textParts.push(`Usual causes: ${entry.causes}`, `What to do: ${entry.action}`);
    markdown.push('', `Usual causes: ${entry.causes}`, '', `What to do: ${entry.action}`);
  }
  textParts.push(`To hide one finding, write "idenfy-ignore-next-line ${code}" in a comment on the line above; to change the severity of ${code}, set idenfy.severity.`);
  markdown.push(
    '',
    `To hide one finding: \`// idenfy-ignore-next-line ${code}\` (\`#\` in Python/PHP) on the line above. To change its severity: \`"idenfy.severity": { "${code}": "warning" }\`.`,
    '',
    `[Documentation](${helpUri})`,
  );
  textParts.push(`See ${helpUri}`);
  return {
    id: checkId(code, field),
    code,
    field: top,
    name: pascalCase(code) + (top ? top[0].toUpperCase() + top.slice(1) : ''),
    shortDescription,
    fullDescription,
    helpText: textParts.join(' '),
    helpMarkdown: markdown.join('\n'),
    helpUri,
  };
}

function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}
