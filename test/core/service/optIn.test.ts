/**
 * "Check this file as an iDenfy token payload": offered on the clientId of JSON that is almost a payload (generic
 * keys only), never elsewhere; the host runs the addToPayloadFiles command, whose helpers escape the path as a glob.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService, globForPath, payloadFilesWith } from '../../../core';

const KIOSK = '{\n  "clientId": "kiosk-7",\n  "sessionLength": 30,\n  "locale": "en-US"\n}\n';
const service = createLanguageService();

function actionsAt(text: string, needle: string, uri = 'file:///p/config/kiosk.json', languageId = 'json') {
  const document = { uri, languageId, text };
  const at = text.indexOf(needle) + 2;
  return service.codeActions(document, service.analyze(document), { start: at, end: at }).filter((a) => a.command === 'addToPayloadFiles');
}

describe('opting a file in', () => {
  it('on clientId of an almost-payload: a refactoring with the addToPayloadFiles command and no edit', () => {
    const [action] = actionsAt(KIOSK, '"clientId"');
    assert.equal(action.title, 'Check this file as an iDenfy token payload');
    assert.equal(action.kind, 'refactor');
    assert.deepEqual(action.edits, []);
  });

  it('not away from clientId, not on payloads, OAuth clients or code; in .jsonc with comments too', () => {
    assert.deepEqual(actionsAt(KIOSK, '"locale"'), []);
    assert.deepEqual(actionsAt(KIOSK, '"clientId"', 'file:///p/kiosk.idenfy.json'), []);
    assert.deepEqual(actionsAt(KIOSK.replace('"kiosk-7"', '"kiosk-7", "generateDigitString": true'), '"clientId"'), []);
    assert.deepEqual(actionsAt(KIOSK.replace('"kiosk-7"', '"kiosk-7", "clientSecret": "s"'), '"clientId"'), []);
    assert.deepEqual(actionsAt(`const a = ${KIOSK}`, '"clientId"', 'file:///p/a.ts', 'typescript'), []);
    const jsonc = '{\n  // kiosk\n  "clientId": "kiosk-7",\n  "expiryTime": 60,\n}\n';
    assert.equal(actionsAt(jsonc, '"clientId"', 'file:///p/kiosk.jsonc', 'jsonc').length, 1);
  });

  it('adds the path as a glob that matches only it, once', () => {
    assert.equal(globForPath('config/[draft] kiosk(1).json'), 'config/\\[draft\\] kiosk\\(1\\).json');
    const once = payloadFilesWith(['**/*.idenfy.json'], 'config/kiosk.json');
    assert.deepEqual(once, ['**/*.idenfy.json', 'config/kiosk.json']);
    assert.equal(payloadFilesWith(once, 'config/kiosk.json'), once);
  });
});
