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
    fields.set(
      'tokenType',
      new Proxy(original as object, {
        get: () => {
          throw new Error('a broken rule');
        },
      }),
    );
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

  it('offers "Write iDenfy error handling" on a token request in code, once, and appends the generated function', () => {
    const service = createLanguageService();
    const text = "export async function start(id: string) {\n  return fetch('https://ivs.idenfy.com/api/v2/token', { method: 'POST', body: JSON.stringify({ clientId: id }) });\n}\n";
    const document = { uri: 'file:///w/kyc.ts', languageId: 'typescript', text };
    const analysis = service.analyze(document);
    assert.equal(analysis.payloads.length, 1);
    const inside = text.indexOf('clientId');
    const [action] = service.codeActions(document, analysis, { start: inside, end: inside }).filter((a) => a.kind === 'refactor');
    assert.match(action.title, /Write iDenfy error handling/);
    assert.equal(action.edits[0].start, text.length);
    assert.ok(action.edits[0].newText.startsWith('\n// iDenfy error handling'));
    assert.match(action.edits[0].newText, /^export type IdenfyErrorIdentifier/m);
    // Outside the payload, or once the function exists, it is not offered.
    assert.equal(service.codeActions(document, analysis, { start: 0, end: 5 }).filter((a) => a.kind === 'refactor').length, 0);
    const written = { ...document, text: text + action.edits[0].newText };
    assert.equal(service.codeActions(written, service.analyze(written), { start: inside, end: inside }).filter((a) => a.kind === 'refactor').length, 0);
    // JSON payloads get quick fixes only.
    const json = payloadFile('{"clientId":"a"}');
    assert.equal(service.codeActions(json, service.analyze(json), { start: 0, end: 16 }).length, 0);
  });
});
