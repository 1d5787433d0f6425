/**
 * Hostile input (issue 13): what a payload can make the core produce stays bounded and never throws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCode, DEFAULT_SETTINGS } from '../../core';
import { analyzeJson } from '../../core/json';
import { MAX_FINDINGS, MAX_MESSAGE_LENGTH, MAX_QUOTED_LENGTH, MAX_WORD_LENGTH, prefix, QUOTED_PREFIX_LENGTH, shortenMessage, TOO_MANY_FINDINGS } from '../../core/limits';
import { baseName } from '../../core/paths';

const json = (text: string, isPayloadFile = true) => analyzeJson({ text, allowComments: false, isPayloadFile, path: '/w/request.idenfy.json' }, DEFAULT_SETTINGS);

describe('many findings', () => {
  const keys = 130_000;
  const manyKeys = `{"clientId":"a","additionalData":{${Array.from({ length: keys }, (_, i) => `"k${i}":${i}`).join(',')}}}`;

  it('130,000 bad additionalData entries: no stack overflow, the first 1,000 and one "and N more"', () => {
    const { findings } = json(manyKeys);
    assert.equal(findings.length, MAX_FINDINGS + 1);
    const last = findings[findings.length - 1];
    assert.equal(last.code, TOO_MANY_FINDINGS);
    assert.equal(last.severity, 'information');
    const total = findings.length - 1 + Number(/and (\d+) more/.exec(last.message)?.[1]);
    assert.ok(total >= keys, `the true count is said: ${last.message}`);
    for (let i = 1; i < MAX_FINDINGS; i++) assert.ok(findings[i - 1].start <= findings[i].start, 'the first ones in document order');
  });

  it('the same in code: no throw, capped', () => {
    const n = 3_000;
    const text = `// @idenfy-token\nconst p = { clientId: 'a', additionalData: { ${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join(', ')} } };\n`;
    const { findings } = analyzeCode({ text, fileName: 'big.ts' }, DEFAULT_SETTINGS);
    assert.ok(findings.length > 0);
    assert.ok(findings.length <= MAX_FINDINGS + 1);
  });
});

describe('long values in messages', () => {
  const huge = 'X'.repeat(1024 * 1024);

  it('a 1 MB string value is quoted as a short prefix with an ellipsis', () => {
    const { findings } = json(`{"clientId":"a","tokenType":"${huge}","callbackUrl":"http${huge}","dateOfBirth":"${huge}","documents":["${huge}"]}`);
    assert.ok(findings.length >= 3);
    for (const f of findings) {
      assert.ok(f.message.length < 400, `short message: ${f.code} ${f.message.slice(0, 200)}`);
      for (const r of f.related ?? []) assert.ok(r.message.length < 400);
    }
    assert.ok(
      findings.some((f) => /"XXXX+…"/.test(f.message)),
      'the value is still recognisable',
    );
  });

  it('a 1 MB key is shortened too', () => {
    const { findings } = json(`{"clientId":"a","${huge}":1,"${huge}":2}`);
    assert.ok(findings.length >= 1);
    for (const f of findings) {
      assert.ok(f.message.length < 400, `short message: ${f.code} ${f.message.slice(0, 200)}`);
      for (const r of f.related ?? []) assert.ok(r.message.length < 400);
    }
  });

  it('a word over the limit is cut whatever separates it, exactly where the regex `[^\\s"]` would cut', () => {
    // The one-pass pre-check must not miss a word the regex finds: every separator JavaScript's \\s knows, and others it does not.
    const separators = ['\t', '\n', '\v', '\f', '\r', ' ', '"', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const notSeparators = ['\u0001', '\u001f', '\u200b', '\u0085', '\u180e', 'é'];
    const word = (n: number) => 'w'.repeat(n);
    for (const sep of separators) {
      const text = `${word(100)}${sep}${word(100)} and some more text so the message is long`;
      assert.equal(shortenMessage(text), text, JSON.stringify(sep));
    }
    for (const glue of notSeparators) {
      const text = `${word(100)}${glue}${word(100)} and some more text so the message is long`;
      const shortened = shortenMessage(text);
      assert.notEqual(shortened, text, JSON.stringify(glue));
      assert.ok(shortened.startsWith(`${word(100)}${glue}${word(MAX_WORD_LENGTH - 101)}…`), JSON.stringify(glue));
    }
  });

  it('the quick path for ordinary messages gives what the regular expressions give (a differential test)', () => {
    // The regex-only shortening, as it was before the one-scan path that returns most messages untouched.
    const reference = (message: string) => {
      if (message.length <= MAX_QUOTED_LENGTH) return message;
      let out = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => (inner.length > MAX_QUOTED_LENGTH ? `"${prefix(inner, QUOTED_PREFIX_LENGTH)}…"` : whole));
      out = out.replace(new RegExp(`[^\\s"]{${MAX_WORD_LENGTH + 1},}`, 'g'), (w) => `${prefix(w, MAX_WORD_LENGTH)}…`);
      return out.length > MAX_MESSAGE_LENGTH ? `${prefix(out, MAX_MESSAGE_LENGTH)}…` : out;
    };
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['"', '\\', '\\"', ' ', 'word ', 'x'.repeat(60), 'y'.repeat(130), 'é', '\n'];
    for (let i = 0; i < 3000; i++) {
      let message = 'sessionLength must be between 60 and 3600; got ';
      const parts = 1 + Math.floor(next() * 12);
      for (let p = 0; p < parts; p++) message += pieces[Math.floor(next() * pieces.length)];
      assert.equal(shortenMessage(message), reference(message), JSON.stringify(message));
    }
  });

  it('a short value is quoted whole', () => {
    const { findings } = json('{"clientId":"a","tokenType":"BAD"}');
    assert.ok(findings.some((f) => f.message.includes('"BAD"')));
  });
});

describe('file names with %', () => {
  it('baseName decodes a URI once and a path never, and never throws', () => {
    assert.equal(baseName('/tmp/100%.json'), '100%.json');
    assert.equal(baseName('/tmp/100%25.json'), '100%25.json');
    assert.equal(baseName('C:\\tmp\\100%.json'), '100%.json');
    assert.equal(baseName('file:///tmp/100%25.json'), '100%.json');
    assert.equal(baseName('file:///tmp/a%2525b.json'), 'a%25b.json');
    assert.equal(baseName('file:///tmp/100%.json'), '100%.json');
    assert.equal(baseName('/tmp/a#b.json'), 'a#b.json');
  });

  it('analyzeJson with such a path: no throw', () => {
    for (const path of ['/tmp/100%.json', 'file:///tmp/100%.json', 'file:///tmp/%E0%A4%A.json']) {
      // generateDigitString: iDenfy-specific evidence, so the content decides whatever the name.
      const analysis = analyzeJson({ text: '{"clientId":"a","tokenType":"BAD","generateDigitString":true}', allowComments: false, isPayloadFile: false, path }, DEFAULT_SETTINGS);
      assert.ok(
        analysis.findings.some((f) => f.code === 'BAD_VALUE'),
        path,
      );
    }
  });
});

describe('a byte order mark', () => {
  it('is not content: the same findings at the same offsets as without it', () => {
    const body = '{\n  "clientId": "u-1",\n  "sex": "X"\n}\n';
    const plain = json(body).findings.map((f) => [f.code, f.start - 0, f.end]);
    const withBom = json('\uFEFF' + body).findings.map((f) => [f.code, f.start - 1, f.end - 1]);
    assert.deepEqual(plain, [['BAD_VALUE', 32, 35]]);
    assert.deepEqual(withBom, plain, 'offsets count the BOM as the one UTF-16 unit it is');
  });

  it('also for detection by content and for broken JSON', () => {
    const analysis = json('\uFEFF{"clientId":"a","tokenType":"BAD"}', false);
    assert.equal(analysis.payload, 'content');
    assert.ok(analysis.findings.some((f) => f.code === 'BAD_VALUE'));
    const broken = json('\uFEFF{"clientId":"a","sessionLength":1,');
    assert.ok(!broken.findings.some((f) => f.code === 'JSON_ERROR' && f.start === 0), 'no "Invalid symbol" at the BOM');
    assert.ok(broken.findings.some((f) => f.code === 'BAD_VALUE'));
  });
});

describe('deeply nested code', () => {
  for (const [name, inner] of [
    ['objects', (n: number) => `${'{a:'.repeat(n)}1${'}'.repeat(n)}`],
    ['arrays', (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`],
    ['parentheses', (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`],
  ] as const) {
    it(`${name} nested 20,000 levels: a clear "too deeply nested" warning, as for JSON`, () => {
      const text = `// @idenfy-token\nconst p = { clientId: 'a', tokenType: 'BAD', additionalData: ${inner(20_000)} };\n`;
      const { findings } = analyzeCode({ text, fileName: 'deep.ts' }, DEFAULT_SETTINGS);
      const deep = findings.find((f) => f.code === 'too-deeply-nested');
      assert.ok(deep, JSON.stringify(findings.map((f) => f.code)));
      assert.equal(deep.severity, 'warning');
      assert.match(deep.message, /nests too deeply/);
      assert.ok(deep.start >= 0 && deep.end <= text.length);
    });
  }
});

describe('spans from jsonc-parser recovery', () => {
  it('a finding never ends past the text (found by the fuzz test: `e\\n[u)/*`)', () => {
    const text = 'e\n[u)/*';
    for (const f of json(text).findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.code} ${f.start}-${f.end}`);
  });
});
