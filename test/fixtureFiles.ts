/**
 * The one way tests reach test/fixtures and read the annotations written in fixture sources.
 *
 * Annotation format (every language; the comment marker is the language's own: `//` or `#`):
 * - `payload: <reason> [<via>]` at the end of the line where a payload literal starts (the last `{`, `[` or `(`
 *   before the comment): exactly these payloads are found. `call <via>` (`call fetch`), `type <TypeName>`, `marker`.
 * - `expect: <CODE> at <text>[; <CODE> at <text>]`: exactly these findings start on that line, each at the first
 *   occurrence of `<text>` in the code before the comment.
 * - Both on one line: `payload: call fetch | expect: BAD_VALUE at 30`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root (the folder with package.json and core/), from the compiled test's folder. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'core'))) {
    const parent = dirname(dir);
    assert.notEqual(parent, dir, 'repository root not found');
    dir = parent;
  }
  return dir;
}

export function fixturePath(...parts: string[]): string {
  return resolve(repoRoot(), 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** Files directly in a fixture folder whose names end with one of `extensions`. */
export function listFixtures(folder: string, extensions: readonly string[]): string[] {
  const dir = fixturePath(folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

export interface Annotations {
  /** `line:column reason via`, 1-based, one per annotated payload. */
  readonly payloads: string[];
  /** `line:column CODE`, 1-based, sorted by line then text. */
  readonly findings: string[];
}

/** One annotated line of a fixture source. */
export interface AnnotationLine {
  /** 1-based. */
  readonly line: number;
  /** The code before the first annotation comment. */
  readonly code: string;
  /** What follows `payload:` (e.g. `call fetch`), when the line has one. */
  readonly payload?: string;
  /** The `expect:` items: each code and the 1-based column of its text's first occurrence in `code`. */
  readonly expect: ReadonlyArray<{ readonly code: string; readonly column: number }>;
}

/**
 * Every annotated line of a fixture source (see the format above), in either comment style. Several annotations on
 * one line are separated by ` | ` or each start with their own comment marker.
 */
export function annotationLines(text: string): AnnotationLine[] {
  const lines: AnnotationLine[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const start = line.search(/(#|\/\/) (payload|expect): /);
    if (start === -1) return;
    const code = line.slice(0, start);
    let payload: string | undefined;
    const expect: Array<{ code: string; column: number }> = [];
    for (const part of line
      .slice(start)
      .split(/\s*(?:#|\/\/) (?=payload:|expect:)|\s+\|\s+(?=payload:|expect:)/)
      .filter(Boolean)) {
      const kind = part.slice(0, part.indexOf(':'));
      const rest = part.slice(part.indexOf(':') + 1).trim();
      if (kind === 'payload') payload = rest;
      else if (kind === 'expect') {
        for (const item of rest.split('; ')) {
          const [findingCode, snippet] = item.split(' at ');
          const column = code.indexOf(snippet);
          assert.ok(column >= 0, `annotation text ${snippet} is on line ${index + 1}`);
          expect.push({ code: findingCode, column: column + 1 });
        }
      }
    }
    lines.push({ line: index + 1, code, ...(payload !== undefined ? { payload } : {}), expect });
  });
  return lines;
}

/** The `payload:` and `expect:` annotations of a fixture source (see the format above). */
export function annotations(text: string): Annotations {
  const payloads: string[] = [];
  const findings: string[] = [];
  for (const { line, code, payload, expect } of annotationLines(text)) {
    if (payload !== undefined) {
      const [reason, ...via] = payload.split(' ');
      const expectedVia = reason === 'marker' ? '// @idenfy-token' : reason === 'type' ? `type ${via.join(' ')}` : via.join(' ');
      const opening = Math.max(code.lastIndexOf('{'), code.lastIndexOf('['), code.lastIndexOf('('));
      payloads.push(`${line}:${opening + 1} ${reason} ${expectedVia}`.trimEnd());
    }
    for (const item of expect) findings.push(`${line}:${item.column} ${item.code}`);
  }
  findings.sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  return { payloads, findings };
}
