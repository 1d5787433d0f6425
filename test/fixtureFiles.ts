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

/** The `payload:` and `expect:` annotations of a fixture source (see the format above). */
export function annotations(text: string, commentMarker: '//' | '#' = '//'): Annotations {
  const payloads: string[] = [];
  const findings: string[] = [];
  const marker = new RegExp(`${commentMarker === '#' ? '#' : '\\/\\/'} (payload|expect): `);
  text.split(/\r?\n/).forEach((line, index) => {
    const start = line.search(marker);
    if (start === -1) return;
    const code = line.slice(0, start);
    for (const part of line.slice(start + commentMarker.length + 1).split(' | ')) {
      const [kind, rest] = [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1).trim()];
      if (kind === 'payload') {
        const [reason, ...via] = rest.split(' ');
        const expectedVia = reason === 'marker' ? '// @idenfy-token' : reason === 'type' ? `type ${via.join(' ')}` : via.join(' ');
        const opening = Math.max(code.lastIndexOf('{'), code.lastIndexOf('['), code.lastIndexOf('('));
        payloads.push(`${index + 1}:${opening + 1} ${reason} ${expectedVia}`.trimEnd());
      } else if (kind === 'expect') {
        for (const item of rest.split('; ')) {
          const [findingCode, snippet] = item.split(' at ');
          const column = code.indexOf(snippet);
          assert.ok(column >= 0, `annotation text ${snippet} is on line ${index + 1}`);
          findings.push(`${index + 1}:${column + 1} ${findingCode}`);
        }
      }
    }
  });
  findings.sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
  return { payloads, findings };
}
