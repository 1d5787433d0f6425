import { DEFAULT_COUNTRY_BOUND_DOCUMENTS } from './rules/documents';
import type { SeverityOverride } from './suppress';
import { isPlainObject } from './values';

/**
 * Settings under `idenfy.*`, as the rules see them. Account-dependent rules read `account`; where a capability is
 * `undefined` the user has not declared it and the rule stays silent.
 */
export interface IdenfySettings {
  readonly payloadFiles: readonly string[];
  /** Type names that mark an object literal in code as a token request. */
  readonly typeNamePatterns: readonly string[];
  /** Country-bound document types: the defaults merged with the user's entries. */
  readonly countryBoundDocuments: Readonly<Record<string, readonly string[]>>;
  readonly account: {
    readonly allowedTokenTypes?: readonly string[];
    readonly customCallbackUrl?: boolean;
    readonly additionalSteps?: boolean;
    /** Maximum lifetime, in seconds, of the 8-digit code; the spec's default is 3600. */
    readonly digitStringMaxExpiry: number;
    readonly questionnaireIds?: readonly string[];
    readonly riskAssessmentProfileIds?: readonly string[];
  };
  /** Per-code severity (`{ "unknown-locale": "off", "BAD_VALUE": "warning" }`), applied after the checks. */
  readonly severity: Readonly<Record<string, SeverityOverride>>;
  /** Whether the server offers the "Send to iDenfy" CodeLens. */
  readonly codeLens: { readonly enabled: boolean };
}

export const DEFAULT_SETTINGS: IdenfySettings = {
  payloadFiles: ['**/*.idenfy.json', '**/*.idenfy.jsonc'],
  // iDenfy-specific names only: a bare `TokenRequest` is as likely an OAuth request.
  typeNamePatterns: ['*Idenfy*Token*', '*Idenfy*Request*'],
  countryBoundDocuments: DEFAULT_COUNTRY_BOUND_DOCUMENTS,
  account: { digitStringMaxExpiry: 3600 },
  severity: {},
  codeLens: { enabled: true },
};

/** The values `idenfy.severity` accepts for a code. */
export const SEVERITY_LEVELS: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SettingsProblem {
  /** Setting key, e.g. `idenfy.account.digitStringMaxExpiry`. */
  readonly key: string;
  readonly message: string;
}

type Raw = Record<string, unknown>;

/**
 * Reads `idenfy.*` settings from what VS Code's configuration API returns (`{ account: { … } }`), a
 * `.vscode/settings.json` object with dotted keys (`"idenfy.account.customCallbackUrl": true`), or a mix.
 * Values of the wrong type are dropped (the default applies) and reported in `problems`; nothing throws.
 */
export function normalizeSettings(input: unknown): { settings: IdenfySettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const raw = expandDottedKeys(isPlainObject(input) ? input : {});
  const account = isPlainObject(raw.account) ? raw.account : {};
  if (raw.account !== undefined && raw.account !== null && !isPlainObject(raw.account)) {
    problems.push({ key: 'idenfy.account', message: 'must be an object' });
  }

  const read = <T>(key: string, value: unknown, check: (v: unknown) => v is T, expected: string): T | undefined => {
    if (value === undefined || value === null) return undefined;
    if (check(value)) return value;
    problems.push({ key: `idenfy.${key}`, message: `must be ${expected}; got ${describe(value)}` });
    return undefined;
  };

  const digitMax = read('account.digitStringMaxExpiry', account.digitStringMaxExpiry, isPositiveInteger, 'a positive whole number of seconds');
  const bound = read('countryBoundDocuments', raw.countryBoundDocuments, isStringListRecord, 'an object mapping document types to arrays of country codes');

  const codeLens = isPlainObject(raw.codeLens) ? raw.codeLens : {};
  const severity = read('severity', raw.severity, isSeverityRecord, `an object mapping codes to one of ${SEVERITY_LEVELS.join(', ')}`);

  const settings: IdenfySettings = {
    payloadFiles: read('payloadFiles', raw.payloadFiles, isStringList, 'an array of glob strings') ?? DEFAULT_SETTINGS.payloadFiles,
    typeNamePatterns: read('typeNamePatterns', raw.typeNamePatterns, isStringList, 'an array of name patterns') ?? DEFAULT_SETTINGS.typeNamePatterns,
    countryBoundDocuments: bound ? mergeCountryBound(bound) : DEFAULT_SETTINGS.countryBoundDocuments,
    account: {
      allowedTokenTypes: read('account.allowedTokenTypes', account.allowedTokenTypes, isStringList, 'an array of token types'),
      customCallbackUrl: read('account.customCallbackUrl', account.customCallbackUrl, isBoolean, 'true or false'),
      additionalSteps: read('account.additionalSteps', account.additionalSteps, isBoolean, 'true or false'),
      digitStringMaxExpiry: digitMax ?? DEFAULT_SETTINGS.account.digitStringMaxExpiry,
      questionnaireIds: read('account.questionnaireIds', account.questionnaireIds, isStringList, 'an array of strings'),
      riskAssessmentProfileIds: read('account.riskAssessmentProfileIds', account.riskAssessmentProfileIds, isStringList, 'an array of strings'),
    },
    severity: severity ? withoutUnsafeKeys(severity) : DEFAULT_SETTINGS.severity,
    codeLens: { enabled: read('codeLens.enabled', codeLens.enabled, isBoolean, 'true or false') ?? DEFAULT_SETTINGS.codeLens.enabled },
  };
  return { settings, problems };
}

/** Users' entries extend the table; an entry for a document already there replaces its countries. */
function mergeCountryBound(user: Record<string, string[]>): Record<string, readonly string[]> {
  const merged: Record<string, readonly string[]> = { ...DEFAULT_COUNTRY_BOUND_DOCUMENTS };
  for (const [documentType, countries] of Object.entries(user)) {
    if (isUnsafeKey(documentType)) continue;
    merged[documentType.toUpperCase()] = countries.map((c) => c.toUpperCase());
  }
  return merged;
}

/** `{ "idenfy.account.x": 1, "idenfy.payloadFiles": [] }` → `{ account: { x: 1 }, payloadFiles: [] }`. */
function expandDottedKeys(input: Raw): Raw {
  const out: Raw = {};
  for (const [key, value] of Object.entries(input)) {
    const path = key.startsWith('idenfy.') ? key.slice('idenfy.'.length).split('.') : key === 'idenfy' ? [] : [key];
    // Settings come from the workspace (.vscode/settings.json): a "__proto__" part must not reach Object.prototype.
    if (path.some(isUnsafeKey)) continue;
    if (path.length === 0) {
      if (isPlainObject(value)) Object.assign(out, deepMerge(out, expandDottedKeys(value)));
      continue;
    }
    let target = out;
    for (const part of path.slice(0, -1)) {
      if (!isPlainObject(target[part])) target[part] = {};
      target = target[part] as Raw;
    }
    const last = path[path.length - 1];
    target[last] = isPlainObject(value) && isPlainObject(target[last]) ? deepMerge(target[last] as Raw, value) : value;
  }
  return out;
}

function deepMerge(a: Raw, b: Raw): Raw {
  const out: Raw = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (isUnsafeKey(k)) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Raw, v) : v;
  }
  return out;
}

function isUnsafeKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

function withoutUnsafeKeys(record: Record<string, SeverityOverride>): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = Object.create(null);
  for (const [code, level] of Object.entries(record)) if (!isUnsafeKey(code)) out[code] = level;
  return out;
}

function isSeverityRecord(value: unknown): value is Record<string, SeverityOverride> {
  return isPlainObject(value) && Object.values(value).every((v) => (SEVERITY_LEVELS as readonly unknown[]).includes(v));
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}
function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
function isStringListRecord(value: unknown): value is Record<string, string[]> {
  return isPlainObject(value) && Object.values(value).every(isStringList);
}
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
