/**
 * Issue 18: the opt-in code action (server/optInAction.ts), in process: offered on the clientId of a file that is
 * almost a payload, never elsewhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ADD_TO_PAYLOAD_FILES_COMMAND, OPT_IN_ACTION_KIND, OPT_IN_TITLE, optInCodeAction } from '../../server/optInAction';

const KIOSK = '{\n  "clientId": "kiosk-7",\n  "sessionLength": 30,\n  "locale": "en-US"\n}\n';

function doc(text: string, uri = 'file:///p/config/kiosk.json', languageId = 'json') {
  return TextDocument.create(uri, languageId, 1, text);
}

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

describe('optInCodeAction', () => {
  it('on clientId of an almost-payload: a refactoring whose command adds the file to idenfy.payloadFiles', () => {
    const action = optInCodeAction(doc(KIOSK), at(1, 5), { isPayloadFile: false });
    assert.ok(action);
    assert.equal(action.title, OPT_IN_TITLE);
    assert.equal(action.kind, OPT_IN_ACTION_KIND);
    assert.equal(action.edit, undefined);
    assert.deepEqual(action.command, { title: OPT_IN_TITLE, command: ADD_TO_PAYLOAD_FILES_COMMAND, arguments: [{ uri: 'file:///p/config/kiosk.json' }] });
  });

  it('not away from clientId', () => {
    assert.equal(optInCodeAction(doc(KIOSK), at(2, 5), { isPayloadFile: false }), undefined);
  });

  it('not when the client asked only for quick fixes', () => {
    assert.equal(optInCodeAction(doc(KIOSK), at(1, 5), { isPayloadFile: false, only: ['quickfix'] }), undefined);
    assert.ok(optInCodeAction(doc(KIOSK), at(1, 5), { isPayloadFile: false, only: ['refactor'] }));
  });

  it('not on a file that is a payload already, nor on an OAuth client, nor on code', () => {
    assert.equal(optInCodeAction(doc(KIOSK), at(1, 5), { isPayloadFile: true }), undefined);
    assert.equal(optInCodeAction(doc(KIOSK.replace('"kiosk-7"', '"kiosk-7", "generateDigitString": true')), at(1, 5), { isPayloadFile: false }), undefined);
    assert.equal(optInCodeAction(doc(KIOSK.replace('"kiosk-7"', '"kiosk-7", "clientSecret": "s"')), at(1, 5), { isPayloadFile: false }), undefined);
    assert.equal(optInCodeAction(doc(`const a = ${KIOSK}`, 'file:///p/a.ts', 'typescript'), at(1, 5), { isPayloadFile: false }), undefined);
  });

  it('a .jsonc file with comments', () => {
    const text = '{\n  // kiosk\n  "clientId": "kiosk-7",\n  "expiryTime": 60,\n}\n';
    assert.ok(optInCodeAction(doc(text, 'file:///p/kiosk.jsonc', 'jsonc'), at(2, 4), { isPayloadFile: false }));
  });
});
