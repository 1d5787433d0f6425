import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import type { IdenfyLanguageService } from '../../../core';
import { annotationLines } from '../../fixtureFiles';
import { lineColumn, preparedService } from './helpers';

/**
 * The Python and PHP corpus (test/fixtures/python, test/fixtures/php: real integrations with origin comments and
 * SOURCES.md, and synthetic cases), annotated `# payload: call <client>` / `# expect: CODE at <text>` (see the
 * README there). Scored like the TS corpus: payloads detected out of those annotated, findings at the annotated
 * line and column, and false alarms (a payload or a finding no annotation asks for), which must stay at zero.
 */
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(py|php)$/.test(name) ? [path] : [];
  });
}

interface Score {
  payloads: number;
  detected: number;
  viaMatched: number;
  findings: number;
  findingsMatched: number;
  falsePayloads: string[];
  falseFindings: string[];
  missed: string[];
  /** Rule-core notes the annotations do not cover (legacy values, a numeric clientId): reported, not scored. */
  notes: number;
}

/** The codes the annotations are written for (see the corpus README). */
const ANNOTATED_CODES = new Set(['MISSING_VALUE', 'BAD_VALUE', 'unknown-field']);

function expectations(text: string) {
  const payloads = new Map<number, string>();
  const findings = new Set<string>();
  for (const { line, payload, expect } of annotationLines(text)) {
    if (payload !== undefined) payloads.set(line, payload.replace(/^call /, ''));
    for (const item of expect) findings.add(`${line}:${item.column} ${item.code}`);
  }
  return { payloads, findings };
}

function score(service: IdenfyLanguageService, files: string[], into: Score): void {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(FIXTURES, file);
    const expected = expectations(text);
    const analysis = service.analyze({ uri: file, languageId: file.endsWith('.py') ? 'python' : 'php', text });
    assert.equal(analysis.failure, undefined, `${name}: ${analysis.failure?.stack}`);
    into.payloads += expected.payloads.size;
    into.findings += expected.findings.size;
    const found = new Set(analysis.payloads.map((p) => lineColumn(text, p.root.offset).line));
    for (const line of expected.payloads.keys()) if (!found.has(line)) into.missed.push(`${name}:${line}`);
    for (const payload of analysis.payloads) {
      const { line } = lineColumn(text, payload.root.offset);
      const via = expected.payloads.get(line);
      if (via === undefined) into.falsePayloads.push(`${name}:${line} ${payload.via}`);
      else {
        into.detected++;
        if (via === payload.via) into.viaMatched++;
      }
    }
    for (const finding of analysis.findings) {
      const { line, column } = lineColumn(text, finding.start);
      const key = `${line}:${column} ${finding.code}`;
      if (!ANNOTATED_CODES.has(finding.code) && finding.severity !== 'error') {
        into.notes++;
        continue;
      }
      if (expected.findings.has(key)) into.findingsMatched++;
      else into.falseFindings.push(`${name}:${key} ${finding.message}`);
    }
  }
}

function emptyScore(): Score {
  return { payloads: 0, detected: 0, viaMatched: 0, findings: 0, findingsMatched: 0, falsePayloads: [], falseFindings: [], missed: [], notes: 0 };
}

export const SCORES: Record<string, Score> = {};

describe('Python and PHP corpus', () => {
  for (const language of ['python', 'php']) {
    for (const set of ['real', 'synthetic']) {
      test(`${language}/${set}: no false alarms; detection reported`, async () => {
        const service = await preparedService();
        const files = filesUnder(join(FIXTURES, language, set));
        assert.ok(files.length > 0);
        const s = emptyScore();
        score(service, files, s);
        SCORES[`${language}/${set}`] = s;
        console.log(
          `${language}/${set}: payloads ${s.detected}/${s.payloads} (client named right: ${s.viaMatched}), findings ${s.findingsMatched}/${s.findings}, false alarms ${s.falsePayloads.length + s.falseFindings.length}, other rule notes ${s.notes}; missed: ${s.missed.join(', ') || 'none'}`,
        );
        assert.deepEqual(s.falsePayloads, [], 'payloads no annotation asks for');
        assert.deepEqual(s.falseFindings, [], 'findings no annotation asks for');
      });
    }
  }
});
