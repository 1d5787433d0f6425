import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService, ERROR_CATALOGUE } from '../../../core';

const service = createLanguageService();
const TWELVE = [...ERROR_CATALOGUE.keys()].sort();

/** Completion at the `|` of `marked`, in a file that names iDenfy. */
function complete(marked: string, languageId = 'typescript', uri = 'file:///w/kyc.ts') {
  const source = `// POST https://ivs.idenfy.com/api/v2/token\n${marked}`;
  const offset = source.indexOf('|');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const document = { uri, languageId, text };
  return { text, offset, items: service.complete(document, service.analyze(document), offset) };
}

describe('error identifiers completed in code', () => {
  it('after `.identifier ===`, `["identifier"] ==`, a reversed comparison and a case label under switch', () => {
    for (const marked of [
      "if (error.identifier === '|') {}",
      'if (err["identifier"] == "BAD_|") {}',
      "if ('|' === error.identifier) {}",
      "switch (error.identifier) {\n  case 'INTERNAL_ERROR': break;\n  case '|': break;\n}",
    ]) {
      assert.deepEqual(
        complete(marked)
          .items.map((i) => i.label)
          .sort(),
        TWELVE,
        marked,
      );
    }
  });

  it('replaces the word inside the quotes, and works in Python and PHP', () => {
    const { text, items } = complete('if (error.identifier === "BAD_VA|LUE") {}');
    const item = items.find((i) => i.label === 'BAD_VALUE')!;
    assert.equal(text.slice(item.replaceStart, item.replaceEnd), 'BAD_VALUE');
    assert.ok(item.detail?.includes('400'));
    assert.equal(complete('if body.get("identifier") == "x" or err["identifier"] == "|":\n    pass', 'python', 'file:///w/kyc.py').items.length, 12);
    assert.equal(complete("if ($body['identifier'] === '|') {}", 'php', 'file:///w/kyc.php').items.length, 12);
  });

  it('nothing elsewhere: other strings, other fields, free text, files that never name iDenfy', () => {
    assert.deepEqual(complete("const a = '|';").items, []);
    assert.deepEqual(complete("if (error.code === '|') {}").items, []);
    assert.deepEqual(complete("if (error.identifier === 'not an id|') {}").items, []);
    const plain = { uri: 'file:///w/other.ts', languageId: 'typescript', text: "if (error.identifier === '') {}" };
    assert.deepEqual(service.complete(plain, service.analyze(plain), plain.text.indexOf("''") + 1), []);
  });
});
