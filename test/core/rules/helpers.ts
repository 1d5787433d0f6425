/**
 * Shared helpers for the rule tests: run the pure core on a JSON text and look at what it reports.
 *
 * Expectations in the tests come from docs/reference/token-endpoint.md, written out in each test file; nothing
 * here reads the rule table (core/rules), so a wrong number in the table cannot make its own test pass.
 */
import assert from 'node:assert/strict';
import { analyzeJson, JsonAnalysis } from '../../../core/json';
import { Finding, FixHint, Severity } from '../../../core/model';
import { normalizeSettings } from '../../../core/settings';

export interface Checked {
  readonly text: string;
  readonly analysis: JsonAnalysis;
  readonly findings: readonly Finding[];
}

export interface CheckOptions {
  /** Raw `idenfy.*` settings as VS Code or settings.json gives them. */
  readonly settings?: unknown;
  /** `.jsonc`: comments and trailing commas allowed. */
  readonly allowComments?: boolean;
  /** Default true: the document matches `idenfy.payloadFiles`, so it is checked whatever it holds. */
  readonly isPayloadFile?: boolean;
  readonly path?: string;
}

/** Checks a body: a string is the exact document text; an object is written as compact JSON (one line). */
export function check(body: string | object, options: CheckOptions = {}): Checked {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const { settings } = normalizeSettings(options.settings);
  const analysis = analyzeJson(
    {
      text,
      allowComments: options.allowComments ?? false,
      isPayloadFile: options.isPayloadFile ?? true,
      path: options.path ?? '/workspace/request.idenfy.json',
    },
    settings,
  );
  return { text, analysis, findings: analysis.findings };
}

/** A payload with a valid clientId plus the given fields. */
export function payload(fields: Record<string, unknown>): Record<string, unknown> {
  return { clientId: 'user-123', ...fields };
}

/** The document text under a finding (or related span): what the editor underlines. */
export function under(checked: Checked, span: { start: number; end: number }): string {
  return checked.text.slice(span.start, span.end);
}

/** Compact JSON text of a value: what `under` returns for a value written by `check`. */
export const lit = (value: unknown): string => JSON.stringify(value);

export function listFindings(checked: Checked): string {
  if (checked.findings.length === 0) return '(no findings)';
  return checked.findings.map((f) => `  ${f.severity} ${f.code} at ${JSON.stringify(under(checked, f)).slice(0, 80)}: ${f.message}`).join('\n');
}

export interface Expected {
  readonly code: string;
  readonly severity: Severity;
  /** Exact text under the finding. */
  readonly at?: string;
  readonly field?: string;
  /** Every one of these must appear in the message. */
  readonly says?: ReadonlyArray<string | RegExp>;
}

function matches(checked: Checked, finding: Finding, expected: Expected): boolean {
  return (
    finding.code === expected.code &&
    finding.severity === expected.severity &&
    (expected.at === undefined || under(checked, finding) === expected.at) &&
    (expected.field === undefined || finding.field === expected.field)
  );
}

/** Asserts that the findings are exactly `expected` (in any order), and checks each message. */
export function expectExactly(checked: Checked, expected: readonly Expected[], context = ''): Finding[] {
  const remaining = [...checked.findings];
  const found: Finding[] = [];
  for (const e of expected) {
    const index = remaining.findIndex((f) => matches(checked, f, e));
    assert.ok(index >= 0, `${context}expected ${e.severity} ${e.code}${e.at !== undefined ? ` at ${e.at}` : ''}; got:\n${listFindings(checked)}\nin ${checked.text.slice(0, 300)}`);
    const [finding] = remaining.splice(index, 1);
    for (const s of e.says ?? []) {
      if (typeof s === 'string') assert.ok(finding.message.includes(s), `${context}message ${JSON.stringify(finding.message)} should mention ${JSON.stringify(s)}`);
      else assert.match(finding.message, s, `${context}message of ${e.code}`);
    }
    found.push(finding);
  }
  assert.equal(
    remaining.length,
    0,
    `${context}unexpected findings:\n${remaining.map((f) => `  ${f.severity} ${f.code} at ${JSON.stringify(under(checked, f))}: ${f.message}`).join('\n')}\nin ${checked.text.slice(0, 300)}`,
  );
  return found;
}

/** Exactly one finding, as described. */
export function expectOne(checked: Checked, expected: Expected, context = ''): Finding {
  return expectExactly(checked, [expected], context)[0];
}

/** No error and no warning (information notes are allowed when `allowInformation`). */
export function expectClean(checked: Checked, context = '', allowInformation = false): void {
  const bad = checked.findings.filter((f) => !allowInformation || f.severity === 'error' || f.severity === 'warning');
  assert.equal(bad.length, 0, `${context}expected no findings; got:\n${listFindings(checked)}`);
}

export function fixesOf(finding: Finding): readonly FixHint[] {
  return finding.fixes ?? [];
}

/** The value a replaceValue fix writes, or the name a renameKey fix gives. */
export function fixTargets(finding: Finding): unknown[] {
  return fixesOf(finding).map((f) => (f.kind === 'replaceValue' || f.kind === 'renameKey' ? f.to : f.kind));
}

export { fixturePath, listFixtures, readFixture, repoRoot } from '../../fixtureFiles';
