import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainIdentifier, explainStatusMessage, findErrorTokenAt } from '../../../core/features/errorDocs';
import { ERROR_CATALOGUE, isRetryableStatus, STATUS_MESSAGES } from '../../../core/rules/errors';

const IDENTIFIERS = [...ERROR_CATALOGUE.keys()];

/** How code in each language the hover serves compares an answer's identifier; `$` stands for it. */
const LINES_BY_LANGUAGE: Record<string, string[]> = {
  typescript: ["if (err.identifier === '$') {", 'case "$":', 'const retryable = new Set([`$`]);'],
  javascript: ["if (body.identifier == '$') retry();"],
  python: ['if response.json()["identifier"] == "$":', '$ = "$"  # iDenfy identifier'],
  php: ["if ($error['identifier'] === '$') {", "const $ = '$';"],
  go: ['case "$":', 'const Err$ = "$"', '\tErrBad = "$" // iDenfy'],
  java: ['case "$" -> handle();', 'public static final String $ = "$";'],
  csharp: ['if (error.Identifier == "$")', 'public const string $ = "$";'],
  ruby: ["when '$' then retry", ':$ => "$",'],
  json: ['  "identifier": "$",'],
  markdown: ['| `$` | what it means |', '- **$**: see the docs'],
  plaintext: ['iDenfy answered $ again.', '$'],
};

function occurrences(line: string, word: string): number[] {
  const found: number[] = [];
  for (let i = line.indexOf(word); i >= 0; i = line.indexOf(word, i + 1)) found.push(i);
  return found;
}

describe('explainIdentifier', () => {
  it('explains every identifier from its catalogue entry: meaning, cause, action, status, retry and link', () => {
    for (const entry of ERROR_CATALOGUE.values()) {
      const markdown = explainIdentifier(entry.identifier);
      assert.ok(markdown, entry.identifier);
      for (const part of [entry.identifier, entry.meaning, entry.causes, entry.action, `HTTP ${entry.status}`, `(${entry.href})`]) {
        assert.ok(markdown.includes(part), `${entry.identifier}: missing ${part}`);
      }
      assert.match(markdown, entry.retry ? /\*\*Retry:\*\* yes, with exponential back-off/ : /\*\*Retry:\*\* no/);
    }
  });

  it('knows only the catalogue', () => {
    assert.equal(explainIdentifier('bad_value'), undefined);
    assert.equal(explainIdentifier('BAD_VALUES'), undefined);
    assert.equal(explainIdentifier('constructor'), undefined);
  });
});

describe('explainStatusMessage', () => {
  it('explains each status message as iDenfy sends it, with the received status deciding the retry advice', () => {
    for (const entry of STATUS_MESSAGES) {
      const received = entry.message.replace('{ENV}', 'TEST').replace('{type}', 'list');
      const markdown = explainStatusMessage(entry.status, received);
      assert.ok(markdown, received);
      for (const part of [entry.cause, entry.action, `HTTP ${entry.status}`, `(${entry.href})`]) assert.ok(markdown.includes(part), `${received}: missing ${part}`);
      assert.equal(markdown.includes('never retried'), !isRetryableStatus(entry.status));
    }
  });

  it('accepts a message without its final full stop, and refuses others', () => {
    assert.ok(explainStatusMessage(402, 'Action not allowed due to lack of funds or exceeded limit')?.includes('HTTP 402'));
    assert.ok(explainStatusMessage(undefined, 'Partner inactive')?.includes('HTTP 403'));
    assert.equal(explainStatusMessage(400, 'Something else went wrong'), undefined);
  });
});

describe('findErrorTokenAt', () => {
  for (const [language, templates] of Object.entries(LINES_BY_LANGUAGE)) {
    it(`finds each identifier in ${language} lines, at its first, middle and last character and just after it`, () => {
      for (const identifier of IDENTIFIERS) {
        for (const template of templates) {
          const line = template.replaceAll('$', identifier);
          // Occurrences inside longer words (`Err$` in Go) are not the identifier: only whole-word ones count.
          const starts = occurrences(line, identifier).filter((i) => !/[A-Za-z0-9_]/.test(line[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(line[i + identifier.length] ?? ''));
          assert.ok(starts.length > 0, `${language}: ${line}`);
          for (const start of starts) {
            const end = start + identifier.length;
            for (const character of [start, start + Math.floor(identifier.length / 2), end - 1, end]) {
              const found = findErrorTokenAt(line, character);
              assert.ok(found, `${language}: ${line} at ${character}`);
              assert.deepEqual({ start: found.start, end: found.end }, { start, end }, `${language}: ${line} at ${character}`);
              assert.equal(found.markdown, explainIdentifier(identifier));
            }
          }
        }
      }
    });
  }

  it('finds nothing on lower-case words, longer words or other text', () => {
    const lines = ["if (err.identifier === 'bad_value')", 'const BAD_VALUES = []', 'MY_BAD_VALUE = 1', 'BAD_VALUE2 = 2', 'ERR_TOO_MANY_REQUESTS_TOTAL', 'ÄBAD_VALUE', 'Bad_Value', 'UNAUTHORIZEDX'];
    for (const line of lines) {
      for (let character = 0; character <= line.length; character++) {
        assert.equal(findErrorTokenAt(line, character), undefined, `${line} at ${character}`);
      }
    }
  });

  it('answers only for the identifier under the cursor', () => {
    const line = "if (code === 'BAD_VALUE') notify(user);";
    assert.equal(findErrorTokenAt(line, line.indexOf('notify')), undefined);
    assert.equal(findErrorTokenAt(line, 0), undefined);
    assert.equal(findErrorTokenAt(line, line.indexOf("'BAD")), undefined, 'on the opening quote');
  });

  it('tells two identifiers on one line apart', () => {
    const line = "const retry = ['INTERNAL_ERROR', 'TOO_MANY_REQUESTS'];";
    assert.equal(findErrorTokenAt(line, line.indexOf('INTERNAL_ERROR') + 2)?.markdown, explainIdentifier('INTERNAL_ERROR'));
    assert.equal(findErrorTokenAt(line, line.indexOf('TOO_MANY_REQUESTS') + 2)?.markdown, explainIdentifier('TOO_MANY_REQUESTS'));
  });

  it('finds each status message, with its variable part filled in and with or without the final full stop', () => {
    for (const entry of STATUS_MESSAGES) {
      const filled = entry.message.replace('{ENV}', 'PROD').replace('{type}', 'str');
      for (const message of [filled, filled.replace(/\.$/, '')]) {
        for (const template of ['raise IdenfyError("$")', "if (body.message === '$') {", '# $', '$']) {
          const line = template.replace('$', message);
          const start = line.indexOf(message);
          for (const character of [start, start + Math.floor(message.length / 2), start + message.length - 1]) {
            const found = findErrorTokenAt(line, character);
            assert.ok(found, `${line} at ${character}`);
            assert.deepEqual({ start: found.start, end: found.end }, { start, end: start + message.length }, line);
            assert.ok(found.markdown.includes(entry.cause), line);
            assert.ok(found.markdown.includes(`HTTP ${entry.status}`), line);
          }
        }
      }
    }
  });

  it("does not take a message in other case or inside longer words for iDenfy's", () => {
    for (const line of ['partner inactive', 'PARTNER INACTIVE', 'Partner inactiveness', 'invalid authorization credentials']) {
      for (let character = 0; character <= line.length; character++) assert.equal(findErrorTokenAt(line, character), undefined, `${line} at ${character}`);
    }
  });

  it('handles cursors outside the line and very long lines quickly', () => {
    assert.equal(findErrorTokenAt('BAD_VALUE', -1), undefined);
    assert.equal(findErrorTokenAt('BAD_VALUE', 10), undefined);
    assert.equal(findErrorTokenAt('', 0), undefined);
    const long = 'x'.repeat(2_000_000) + " e==='TOKEN_NOT_VALID'&&" + 'y'.repeat(2_000_000);
    const at = long.indexOf('TOKEN_NOT_VALID');
    const started = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) assert.equal(findErrorTokenAt(long, at + 3)?.start, at);
    assert.equal(findErrorTokenAt(long, 10), undefined);
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(millis < 1000, `200 hovers on a 4 MB line took ${millis} ms`);
  });

  it('judges whole words by the characters beside them wherever the cursor is, near or far', () => {
    // `aBAD_VALUE` is never an identifier, however far from the cursor it begins; the second one always is.
    for (let gap = 1; gap <= 300; gap += 7) {
      const line = 'aBAD_VALUE' + ' '.repeat(gap) + 'BAD_VALUE' + ' '.repeat(gap) + 'BAD_VALUEb';
      const second = 'aBAD_VALUE'.length + gap;
      for (let character = 0; character <= line.length; character++) {
        const found = findErrorTokenAt(line, character);
        const onSecond = character >= second && character <= second + 'BAD_VALUE'.length;
        assert.equal(found?.start, onSecond ? second : undefined, `gap ${gap}, character ${character}`);
      }
    }
  });
});
