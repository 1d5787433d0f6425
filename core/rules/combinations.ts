import { FindingCode, FixHint, keyOf, PayloadNode, RelatedSpan, Severity, spanOf, valueOf } from '../model';
import { nearest } from '../nearest';
import { IdenfySettings } from '../settings';
import { PROJECT_CODES } from './codes';
import { normalizeCountry } from './countries';
import { DOCUMENT_TYPE_SET } from './documents';
import { DocPage } from './links';

/**
 * Combination and account rules, as a table: each rule reads a few top-level fields, answers with one code and
 * words its message in one place. core/validate.ts runs them in this order after the field rules; docs/rules.md is
 * generated from this list (tools/generateDocs.mjs).
 */

export type Literal = string | number | boolean | null;

/** What a rule sees of the payload: the last property of each top-level key (what a JSON parser keeps). */
export interface RuleContext {
  readonly settings: IdenfySettings;
  /** The payload has keys that cannot be read (a spread, computed names): no rule may claim a key is absent. */
  readonly open: boolean;
  /** The property node of a top-level field. */
  property(name: string): PayloadNode | undefined;
  /** The value node of a top-level field. */
  value(name: string): PayloadNode | undefined;
  /** The literal value of a top-level field, or undefined when absent or computed. */
  literal(name: string): Literal | undefined;
}

/** Where one finding of a rule goes, and what its message needs (`data`). */
export interface RuleHit<D> {
  readonly at: PayloadNode;
  readonly field: string;
  readonly data: D;
  readonly related?: RelatedSpan[];
  readonly fixes?: FixHint[];
  /** The documentation page, when it differs from the rule's. */
  readonly doc?: DocPage;
}

export type RuleKind = 'combination' | 'account' | 'note';

interface RuleHeader {
  /** Stable name of the rule (docs, tests). */
  readonly id: string;
  readonly kind: RuleKind;
  /** Top-level fields the rule reads. */
  readonly fields: readonly string[];
  /** `idenfy.*` settings the rule reads; an account rule stays silent until they are set. */
  readonly settings?: readonly string[];
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly doc: DocPage;
  /** What the rule checks, for the rules reference (docs/rules.md). */
  readonly summary: string;
}

export interface RuleDefinition<D> extends RuleHeader {
  /** The findings of this rule on a payload: nothing when the payload obeys it. */
  check(ctx: RuleContext): RuleHit<D> | readonly RuleHit<D>[] | undefined;
  /** The message of one finding. */
  message(data: D, ctx: RuleContext): string;
}

/** A rule of the table, its message data hidden: `message` takes what its own `check` returned. */
export interface CombinationRule extends RuleHeader {
  check(ctx: RuleContext): RuleHit<unknown> | readonly RuleHit<unknown>[] | undefined;
  message(data: unknown, ctx: RuleContext): string;
}

function rule<D>(definition: RuleDefinition<D>): CombinationRule {
  return definition as unknown as CombinationRule;
}

/** A finding on `first`'s key naming `second`; the fixes offer removing either. */
function conflict(ctx: RuleContext, first: string, second: string): RuleHit<undefined> {
  const a = ctx.property(first)!;
  const b = ctx.property(second)!;
  return {
    at: keyOf(a),
    field: first,
    data: undefined,
    related: [{ ...spanOf(keyOf(b)), message: `${second} is set here` }],
    fixes: [
      { kind: 'removeProperty', property: a },
      { kind: 'removeProperty', property: b },
    ],
  };
}

/** Own entries only: a document type such as "constructor" must not find Object.prototype's members. */
function boundCountries(settings: IdenfySettings, documentType: string): readonly string[] | undefined {
  const table = settings.countryBoundDocuments;
  return Object.prototype.hasOwnProperty.call(table, documentType) ? table[documentType] : undefined;
}

interface CountryBound {
  readonly documentType: string;
  readonly countries: readonly string[];
  readonly country: string;
}

/** A document type tied to other countries than `country`: the hit, else undefined. */
function countryBound(ctx: RuleContext, at: PayloadNode, documentType: string, country: string, countryNode: PayloadNode, field: string, doc: DocPage): RuleHit<CountryBound> | undefined {
  const countries = boundCountries(ctx.settings, documentType);
  // An empty list switches a built-in entry off (the setting replaces a document's countries): not country-bound.
  if (!countries || countries.length === 0 || countries.includes(country)) return undefined;
  return { at, field, doc, data: { documentType, countries, country }, related: [{ ...spanOf(countryNode), message: `country ${country}` }] };
}

/** `[key, value, property]` of each property of an object node whose key is a known string. */
function entries(object: PayloadNode): Array<[string, PayloadNode, PayloadNode]> {
  const out: Array<[string, PayloadNode, PayloadNode]> = [];
  for (const property of object.children ?? []) {
    const key = keyOf(property);
    const value = valueOf(property);
    if (key.type === 'string' && typeof key.value === 'string' && value) out.push([key.value, value, property]);
  }
  return out;
}

function accountIdRule(id: string, field: string, setting: 'questionnaireIds' | 'riskAssessmentProfileIds'): CombinationRule {
  const settingName = `idenfy.account.${setting}`;
  return rule<string>({
    id,
    kind: 'account',
    fields: [field],
    settings: [settingName],
    code: 'VALIDATION_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary: `Invalid questionnaire ID or risk assessment profile ID: \`${field}\` is not one of \`${settingName}\` (when that setting is set).`,
    check(ctx) {
      const known = ctx.settings.account[setting];
      const value = ctx.literal(field);
      if (!known || typeof value !== 'string' || value === '' || known.includes(value)) return undefined;
      const node = ctx.value(field)!;
      const suggestion = nearest(value, known);
      return { at: node, field, data: value, fixes: suggestion ? [{ kind: 'replaceValue', node, to: suggestion }] : undefined };
    },
    message: (value) => `Invalid questionnaire ID or risk assessment profile ID: "${value}" is not in ${settingName}.`,
  });
}

export const COMBINATION_RULES: readonly CombinationRule[] = [
  rule<CountryBound>({
    id: 'country-bound-documents',
    kind: 'combination',
    fields: ['country', 'documents', 'additionalSteps'],
    settings: ['idenfy.countryBoundDocuments'],
    code: 'VALIDATION_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary:
      'Country and document type combination is not supported: a document type tied to some countries (the `idenfy.countryBoundDocuments` table) asked for with `country` set to another, in `documents` or as a document key under a country key of `additionalSteps`.',
    check(ctx) {
      const hits: RuleHit<CountryBound>[] = [];
      const country = ctx.literal('country');
      const documents = ctx.value('documents');
      const code = typeof country === 'string' ? normalizeCountry(country) : undefined;
      if (code && documents?.type === 'array') {
        for (const [i, item] of (documents.children ?? []).entries()) {
          if (item.type !== 'string') continue;
          const hit = countryBound(ctx, item, item.value as string, code, ctx.value('country')!, `documents[${i}]`, 'tokenGeneration');
          if (hit) hits.push(hit);
        }
      }
      const steps = ctx.value('additionalSteps');
      if (steps?.type === 'object') {
        for (const [countryKey, countryValue, countryProperty] of entries(steps)) {
          // `ALL` and keys that are not country codes bind nothing (the latter are a BAD_VALUE of the field rules).
          const stepCountry = normalizeCountry(countryKey);
          if (!stepCountry || countryValue.type !== 'object') continue;
          for (const [documentKey, , documentProperty] of entries(countryValue)) {
            if (documentKey !== 'ALL' && !DOCUMENT_TYPE_SET.has(documentKey)) continue;
            const hit = countryBound(ctx, keyOf(documentProperty), documentKey, stepCountry, keyOf(countryProperty), `additionalSteps.${countryKey}.${documentKey}`, 'additionalSteps');
            if (hit) hits.push(hit);
          }
        }
      }
      return hits;
    },
    message: ({ documentType, countries, country }) =>
      `Country and document type combination is not supported: ${documentType} exists only for ${countries.join(', ')}, but the country is ${country}.`,
  }),

  rule<string>({
    id: 'allowed-token-types',
    kind: 'account',
    fields: ['tokenType'],
    settings: ['idenfy.account.allowedTokenTypes'],
    code: 'PARTNER_CONTRACT_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary: 'Partner is not allowed to generate the requested token type: `tokenType` is not one of `idenfy.account.allowedTokenTypes`.',
    check(ctx) {
      const allowed = ctx.settings.account.allowedTokenTypes;
      const tokenType = ctx.literal('tokenType');
      if (!allowed || typeof tokenType !== 'string' || allowed.includes(tokenType)) return undefined;
      return { at: ctx.value('tokenType')!, field: 'tokenType', data: tokenType };
    },
    message: (tokenType, ctx) =>
      `Partner is not allowed to generate the requested token type: ${tokenType} (idenfy.account.allowedTokenTypes: ${ctx.settings.account.allowedTokenTypes!.join(', ') || 'none'}).`,
  }),

  rule<undefined>({
    id: 'custom-callback-url',
    kind: 'account',
    fields: ['callbackUrl'],
    settings: ['idenfy.account.customCallbackUrl'],
    code: 'PERMISSIONS_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary: 'Custom callback URL is not enabled for this partner: `callbackUrl` set while `idenfy.account.customCallbackUrl` is false.',
    check(ctx) {
      if (ctx.settings.account.customCallbackUrl !== false || typeof ctx.literal('callbackUrl') !== 'string') return undefined;
      const property = ctx.property('callbackUrl')!;
      return { at: keyOf(property), field: 'callbackUrl', data: undefined, fixes: [{ kind: 'removeProperty', property }] };
    },
    message: () => 'Custom callback URL is not enabled for this partner (idenfy.account.customCallbackUrl is false); results go to the callback set in the dashboard.',
  }),

  rule<undefined>({
    id: 'additional-steps-permission',
    kind: 'account',
    fields: ['additionalSteps'],
    settings: ['idenfy.account.additionalSteps'],
    code: 'PERMISSIONS_ERROR',
    severity: 'error',
    doc: 'additionalSteps',
    summary: 'additionalSteps is not enabled for this partner: `additionalSteps` set while `idenfy.account.additionalSteps` is false.',
    check(ctx) {
      if (ctx.settings.account.additionalSteps !== false || ctx.value('additionalSteps')?.type !== 'object') return undefined;
      const property = ctx.property('additionalSteps')!;
      return { at: keyOf(property), field: 'additionalSteps', data: undefined, fixes: [{ kind: 'removeProperty', property }] };
    },
    message: () => 'additionalSteps is not enabled for this partner (idenfy.account.additionalSteps is false).',
  }),

  rule<undefined>({
    id: 'utility-bill-with-additional-steps',
    kind: 'combination',
    fields: ['utilityBill', 'additionalSteps'],
    code: 'VALIDATION_ERROR',
    severity: 'error',
    doc: 'additionalSteps',
    summary: '`utilityBill: true` and an `additionalSteps` object cannot be used together: use the `UTILITY_BILL` step instead.',
    check: (ctx) => (ctx.literal('utilityBill') === true && ctx.value('additionalSteps')?.type === 'object' ? conflict(ctx, 'utilityBill', 'additionalSteps') : undefined),
    message: () => 'utilityBill and additionalSteps cannot be used together: use the UTILITY_BILL step of additionalSteps instead.',
  }),

  rule<undefined>({
    id: 'address-with-additional-data',
    kind: 'combination',
    fields: ['address', 'additionalData'],
    code: 'VALIDATION_ERROR',
    severity: 'error',
    doc: 'additionalSteps',
    summary: '`address` and `additionalData` (both other than null) cannot be used together.',
    check(ctx) {
      const address = ctx.value('address');
      const additionalData = ctx.value('additionalData');
      if (!address || address.type === 'null' || !additionalData || additionalData.type === 'null') return undefined;
      return conflict(ctx, 'address', 'additionalData');
    },
    message: () => 'address and additionalData cannot be used together: send the address in additionalData (or drop additionalData).',
  }),

  rule<number>({
    id: 'digit-string-max-expiry',
    kind: 'account',
    fields: ['generateDigitString', 'expiryTime'],
    settings: ['idenfy.account.digitStringMaxExpiry'],
    code: 'PARTNER_CONTRACT_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary: 'generateDigitString=true but expiry time exceeds the mobile code maximum: `expiryTime` (within its own range) is over `idenfy.account.digitStringMaxExpiry` (default 3600 seconds).',
    check(ctx) {
      const max = ctx.settings.account.digitStringMaxExpiry;
      const expiryTime = ctx.literal('expiryTime');
      if (ctx.literal('generateDigitString') !== true || typeof expiryTime !== 'number' || expiryTime <= max || expiryTime > 2_592_000) return undefined;
      const node = ctx.value('expiryTime')!;
      return {
        at: node,
        field: 'expiryTime',
        data: expiryTime,
        related: [{ ...spanOf(keyOf(ctx.property('generateDigitString')!)), message: 'generateDigitString is true' }],
        fixes: [{ kind: 'replaceValue', node, to: max }],
      };
    },
    message: (expiryTime, ctx) =>
      `generateDigitString=true but expiry time exceeds the mobile code maximum: the 8-digit code lives at most ${ctx.settings.account.digitStringMaxExpiry} seconds (idenfy.account.digitStringMaxExpiry); got ${expiryTime}.`,
  }),

  accountIdRule('questionnaire-id', 'questionnaire', 'questionnaireIds'),
  accountIdRule('risk-assessment-profile-id', 'riskAssessmentProfile', 'riskAssessmentProfileIds'),

  rule<{ ageLimit: number; ageMax: number }>({
    id: 'age-limit-over-age-max',
    kind: 'combination',
    fields: ['ageLimit', 'ageMax'],
    code: 'VALIDATION_ERROR',
    severity: 'error',
    doc: 'tokenGeneration',
    summary: '`ageLimit` greater than `ageMax` (both integers).',
    check(ctx) {
      const ageLimit = ctx.literal('ageLimit');
      const ageMax = ctx.literal('ageMax');
      if (typeof ageLimit !== 'number' || typeof ageMax !== 'number' || !Number.isInteger(ageLimit) || !Number.isInteger(ageMax) || ageLimit <= ageMax) return undefined;
      return { at: ctx.value('ageLimit')!, field: 'ageLimit', data: { ageLimit, ageMax }, related: [{ ...spanOf(ctx.value('ageMax')!), message: `ageMax is ${ageMax}` }] };
    },
    message: ({ ageLimit, ageMax }) => `ageLimit (${ageLimit}) must not be greater than ageMax (${ageMax}).`,
  }),

  rule<undefined>({
    id: 'additional-data-without-steps',
    kind: 'note',
    fields: ['additionalData', 'additionalSteps'],
    code: PROJECT_CODES.additionalDataWithoutSteps,
    severity: 'warning',
    doc: 'additionalSteps',
    summary: 'An `additionalData` object with no `additionalSteps` (absent or null) in a payload whose keys can all be read.',
    check(ctx) {
      const steps = ctx.value('additionalSteps');
      const hasSteps = steps !== undefined && steps.type !== 'null';
      if (ctx.value('additionalData')?.type !== 'object' || hasSteps || ctx.open) return undefined;
      return { at: keyOf(ctx.property('additionalData')!), field: 'additionalData', data: undefined };
    },
    message: () => 'additionalData is meant for COMPARE/EXTRACT additional steps, but there is no additionalSteps in this payload.',
  }),

  rule<string>({
    id: 'dummy-status-dev-only',
    kind: 'note',
    fields: ['dummyStatus'],
    code: PROJECT_CODES.devOnly,
    severity: 'information',
    doc: 'tokenGeneration',
    summary: '`dummyStatus` works only with DEV credentials.',
    check(ctx) {
      const dummyStatus = ctx.literal('dummyStatus');
      return typeof dummyStatus === 'string' ? { at: keyOf(ctx.property('dummyStatus')!), field: 'dummyStatus', data: dummyStatus } : undefined;
    },
    message: (dummyStatus) => `dummyStatus works only with DEV credentials: the verification ends as ${dummyStatus} without a real user.`,
  }),
];
