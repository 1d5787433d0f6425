/**
 * A large JSON payload (past the size from which deep objects are built on first read, core/json.ts) answers every
 * feature as the same payload does when small: findings, hover, completion and code actions inside additional steps,
 * and the payload to send, with the big additionalData block the rules never descend into.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../core';

const document = (text: string) => ({ uri: 'file:///w/request.idenfy.json', languageId: 'json', text });

/** A payload with mistakes three and four levels deep, and `fieldCount` additionalData fields. */
function payload(fieldCount: number): string {
  const fields = Object.fromEntries(Array.from({ length: fieldCount }, (_, i) => [`field${i}`, `value ${i}`]));
  return JSON.stringify(
    {
      clientId: 'customer-1',
      documents: ['ID_CARD', 'PASPORT'],
      additionalSteps: {
        LT: { ID_CRAD: { UTILITY_BILL: { type: 'UPLOADS', settings: { canUpload: true } } } },
        ALL: { ALL: { PROOF_OF_ADDRESS: { type: 'EXTRACT', fields: ['address'] } } },
      },
      additionalData: { PROOF_OF_ADDRESS: fields, UTILITY_BILL: 'not an object' },
    },
    null,
    2,
  );
}

describe('a large JSON payload', () => {
  const service = createLanguageService();
  const small = payload(3);
  // The same text up to the end of the small payload's first fields, then thousands more: compare where both agree.
  const large = payload(20_000);
  assert.ok(large.length > 512 * 1024);

  const analysisOf = (text: string) => service.analyze(document(text));

  it('has the findings of the small one, at the same places up to the additionalData block', () => {
    const describe = (text: string) => analysisOf(text).findings.map((f) => `${f.code} ${text.slice(f.start, f.end)} ${f.message}`);
    assert.deepEqual(describe(large), describe(small));
    assert.ok(
      describe(large).some((f) => f.includes('ID_CRAD')),
      'a finding three levels deep',
    );
    assert.ok(
      describe(large).some((f) => f.includes('UPLOADS')),
      'a finding five levels deep',
    );
    assert.ok(
      describe(large).some((f) => f.includes('not an object')),
      'additionalData.UTILITY_BILL is checked',
    );
  });

  it('answers hover, completion and code actions inside the deep objects as the small one does', () => {
    for (const needle of ['"ID_CRAD"', '"UPLOADS"', '"canUpload"', '"EXTRACT"', '"fields"']) {
      const a = analysisOf(small);
      const b = analysisOf(large);
      const at = (text: string) => text.indexOf(needle) + 2;
      assert.ok(small.indexOf(needle) > 0, needle);
      assert.deepEqual(service.hover(document(large), b, at(large)), service.hover(document(small), a, at(small)), `hover at ${needle}`);
      assert.deepEqual(
        service.complete(document(large), b, at(large)).map((c) => c.label),
        service.complete(document(small), a, at(small)).map((c) => c.label),
        `completion at ${needle}`,
      );
      const edits = (text: string, analysis: ReturnType<typeof analysisOf>) =>
        service.codeActions(document(text), analysis, { start: at(text), end: at(text) }).map((action) => action.edits.map((e) => `${text.slice(e.start, e.end)}→${e.newText}`).join());
      assert.deepEqual(edits(large, b), edits(small, a), `code actions at ${needle}`);
    }
    const typo = analysisOf(large);
    const offset = large.indexOf('ID_CRAD') + 1;
    assert.ok(service.codeActions(document(large), typo, { start: offset, end: offset }).some((a) => a.edits.some((e) => e.newText.includes('ID_CARD'))));
  });

  it('sends the additionalData fields the rules never read: they are built when the send command asks', () => {
    const analysis = analysisOf(large);
    const key = large.indexOf('"field19999"') + 3;
    const sent = service.payloadAt(document(large), analysis, key);
    assert.equal(sent.found, true);
    assert.deepEqual(sent.value, JSON.parse(large));
  });
});
