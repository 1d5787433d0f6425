import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS, ModuleGraph } from '../../../core';
import { annotationLines } from '../../fixtureFiles';
import { lineColumn, sourceFiles } from './helpers';

/**
 * The corpus of real TS/JS integrations (test/fixtures/code-corpus, one folder each, SOURCES.md): every file is
 * opened as the editor would open it, with the other files of its folder readable from "disk", and scored against
 * its `// payload:` / `// expect:` annotations (format: test/fixtures/code/README.md). `call wrapper` is a literal
 * passed through a wrapper: the payload's via must start with `wrapper `.
 *
 * Scored: payloads detected / annotated, findings matched / annotated, and false alarms (payloads or findings that
 * are not annotated). False alarms must be zero; the detected count must not fall below the figure in the README.
 */
const CORPUS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'code-corpus');
/** The README's figure: payloads detected out of the annotated total. */
const DETECTED_AT_LEAST = 26;

interface Score {
  folder: string;
  payloads: number;
  detected: number;
  findings: number;
  matched: number;
  falseAlarms: string[];
  missed: string[];
}

function expectations(text: string): { payloads: Map<string, string>; findings: string[] } {
  const payloads = new Map<string, string>();
  const findings: string[] = [];
  for (const { line, code, payload, expect } of annotationLines(text)) {
    if (payload !== undefined) payloads.set(`${line}:${code.lastIndexOf('{') + 1}`, payload);
    for (const item of expect) findings.push(`${line}:${item.column} ${item.code}`);
  }
  return { payloads, findings };
}

/** Whether a payload found as `reason via` satisfies the annotation `call fetch`, `call wrapper`, `type T`, `marker`. */
function viaMatches(annotation: string, reason: string, via: string): boolean {
  const [expectedReason, ...rest] = annotation.split(' ');
  const expectedVia = rest.join(' ');
  if (expectedReason !== reason) return false;
  if (expectedReason === 'call' && expectedVia === 'wrapper') return via.startsWith('wrapper ');
  if (expectedReason === 'type') return via === `type ${expectedVia}`;
  return expectedReason === 'marker' || via === expectedVia;
}

function scoreFolder(folder: string): Score {
  const root = join(CORPUS, folder);
  const graph = new ModuleGraph({
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const score: Score = { folder, payloads: 0, detected: 0, findings: 0, matched: 0, falseAlarms: [], missed: [] };
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    const expected = expectations(text);
    const result = analyzeCode({ text, fileName: file }, DEFAULT_SETTINGS, undefined, graph);
    const where = (offset: number) => {
      const { line, column } = lineColumn(text, offset);
      return `${line}:${column}`;
    };
    score.payloads += expected.payloads.size;
    score.findings += expected.findings.length;
    const seen = new Set<string>();
    for (const payload of result.payloads) {
      const at = where(payload.root.offset);
      const annotation = expected.payloads.get(at);
      if (annotation === undefined) {
        score.falseAlarms.push(`${name}:${at} payload ${payload.reason} ${payload.via}`);
      } else if (viaMatches(annotation, payload.reason, payload.via ?? '')) {
        score.detected++;
        seen.add(at);
      } else {
        score.missed.push(`${name}:${at} found as ${payload.reason} ${payload.via}, annotated ${annotation}`);
        seen.add(at);
      }
    }
    for (const [at, annotation] of expected.payloads) if (!seen.has(at)) score.missed.push(`${name}:${at} ${annotation} not found`);
    const remaining = [...expected.findings];
    for (const finding of result.findings) {
      const key = `${where(finding.start)} ${finding.code}`;
      const at = remaining.indexOf(key);
      if (at === -1) score.falseAlarms.push(`${name}:${key} ${finding.message}`);
      else {
        remaining.splice(at, 1);
        score.matched++;
      }
    }
    for (const key of remaining) score.missed.push(`${name}:${key} finding not reported`);
  }
  return score;
}

describe('code corpus (real integrations, across files)', () => {
  const folders = readdirSync(CORPUS)
    .filter((f) => /^\d\d-/.test(f))
    .sort();
  const scores = folders.map(scoreFolder);

  test('there are at least 25 integrations, each with an origin comment on every file', () => {
    assert.ok(folders.length >= 25, `${folders.length} folders`);
    for (const folder of folders) {
      for (const file of sourceFiles(join(CORPUS, folder))) assert.match(readFileSync(file, 'utf8'), /^\/\/ origin: /, file);
    }
  });

  for (const score of scores) {
    test(score.folder, () => {
      // Per fixture: reported, never failing alone (the totals below are the contract).
      if (score.missed.length > 0) console.log(`  ${score.folder}: missed ${score.missed.join('; ')}`);
      assert.deepEqual(score.falseAlarms, []);
    });
  }

  test('totals: every false alarm is zero and the detected figure holds', () => {
    const total = (key: 'payloads' | 'detected' | 'findings' | 'matched') => scores.reduce((sum, s) => sum + s[key], 0);
    const falseAlarms = scores.reduce((sum, s) => sum + s.falseAlarms.length, 0);
    console.log(`corpus: ${total('detected')}/${total('payloads')} payloads detected, ${total('matched')}/${total('findings')} findings, ${falseAlarms} false alarms`);
    assert.equal(falseAlarms, 0);
    assert.ok(total('detected') >= DETECTED_AT_LEAST, `detected ${total('detected')} < ${DETECTED_AT_LEAST}`);
  });
});
