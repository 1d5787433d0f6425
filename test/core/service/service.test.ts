import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService, FIELDS } from '../../../core';

const payloadFile = (text: string) => ({ uri: 'file:///w/request.idenfy.json', languageId: 'json', text });

describe('the language service', () => {
  it('routes JSON and code documents to their analysers, and other languages to none', () => {
    const service = createLanguageService();
    assert.equal(service.analyze(payloadFile('{"clientId":"a","tokenType":"BAD"}')).kind, 'json');
    assert.equal(service.analyze({ uri: 'file:///w/a.ts', languageId: 'typescript', text: 'const a = 1;' }).kind, 'code');
    assert.equal(service.analyze({ uri: 'untitled:Untitled-1', languageId: 'plaintext', text: '{"clientId":"a"}' }).kind, 'none');
    // A vague language id falls back to the file's extension.
    assert.equal(service.analyze({ uri: 'file:///w/b.jsonc', languageId: 'plaintext', text: '{}' }).kind, 'json');
  });

  it('answers hover, completion, code actions and payloadAt from one analysis', () => {
    const service = createLanguageService();
    const document = payloadFile('{"clientId":"a","tokenType":"IDENTIFCATION"}');
    const analysis = service.analyze(document);
    assert.equal(analysis.findings[0].code, 'BAD_VALUE');
    assert.match(service.hover(document, analysis, document.text.indexOf('tokenType') + 1)!.markdown, /tokenType/);
    assert.ok(service.complete(document, analysis, document.text.indexOf('IDENTIFCATION')).some((s) => s.label === 'IDENTIFICATION'));
    const actions = service.codeActions(document, analysis, { start: 0, end: document.text.length });
    assert.equal(actions[0].finding, analysis.findings[0]);
    assert.ok(actions.some((a) => a.edits.some((e) => e.newText.includes('IDENTIFICATION'))));
    const payload = service.payloadAt(document, analysis, 3);
    assert.equal(payload.found, true);
    assert.equal(payload.errorCount, 1);
    assert.deepEqual(payload.value, { clientId: 'a', tokenType: 'IDENTIFCATION' });
  });

  it('a rule that throws gives the user one information diagnostic, and the host the error, instead of silence', () => {
    const fields = FIELDS as Map<string, unknown>;
    const original = fields.get('tokenType');
    fields.set('tokenType', new Proxy(original as object, { get: () => { throw new Error('a broken rule'); } }));
    try {
      const analysis = createLanguageService().analyze(payloadFile('{"clientId":"a","tokenType":"DOCUMENT"}'));
      assert.equal(analysis.findings.length, 1);
      assert.equal(analysis.findings[0].severity, 'information');
      assert.equal(analysis.findings[0].code, 'checks-failed');
      assert.match(analysis.findings[0].message, /iDenfy checks failed on this document.*output/);
      assert.equal(analysis.failure?.message, 'a broken rule');
    } finally {
      fields.set('tokenType', original);
    }
    // And the next analysis is normal again.
    assert.deepEqual(createLanguageService().analyze(payloadFile('{"clientId":"a","tokenType":"DOCUMENT"}')).findings, []);
  });
});
