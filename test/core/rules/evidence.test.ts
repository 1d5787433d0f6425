/**
 * The evidence table (core/rules/evidence.ts) and "almost a payload" (core/detect.ts), which lets the editor
 * offer to opt a file in instead of reporting anything.
 */
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { describe, it } from 'node:test';
import { almostPayload, almostPayloadText, detectPayload, payloadEvidence } from '../../../core/detect';
import { PayloadNode } from '../../../core/model';
import { DOCUMENT_TYPE_SET } from '../../../core/rules/documents';
import { EVIDENCE, GENERIC_PAYLOAD_KEYS } from '../../../core/rules/evidence';
import { FIELDS } from '../../../core/rules/fields';

const root = (text: string): PayloadNode | undefined => parseTree(text, [], { allowTrailingComma: true }) as PayloadNode | undefined;

describe('the evidence table', () => {
  it('every evidence key is a field of the token endpoint, with the type its rule expects', () => {
    const types: Record<string, string> = {
      boolean: 'boolean',
      additionalSteps: 'additionalSteps',
      string: 'string',
      httpsUrl: 'string',
      uuid: 'uuid',
      enum: 'dummyStatus',
      countryList: 'array',
      stringList: 'array',
      number: 'number',
    };
    for (const [key, type] of EVIDENCE.keys) {
      const field = FIELDS.get(key);
      assert.ok(field, `${key} is not in core/rules/fields.ts`);
      assert.equal(type, types[field.rule.kind], `${key}: ${field.rule.kind}`);
    }
  });

  it('no generic key is evidence on its own', () => {
    for (const key of GENERIC_PAYLOAD_KEYS) assert.ok(!EVIDENCE.keys.has(key), key);
    for (const key of ['clientId', 'personScanRef', 'tokenType', 'expiryTime', 'sessionLength', 'locale', 'country', 'documents', 'successUrl', 'errorUrl', 'theme']) {
      assert.ok(!EVIDENCE.keys.has(key), key);
    }
  });

  it("the document types are iDenfy's; the weak ones are among them", () => {
    for (const type of EVIDENCE.weakDocumentTypes) assert.ok(DOCUMENT_TYPE_SET.has(type), type);
    assert.ok(EVIDENCE.documentTypes.has('PASSPORT') && EVIDENCE.documentTypes.has('ID_CARD'));
  });

  it('payloadEvidence says what proved it', () => {
    assert.equal(payloadEvidence(root('{"clientId": "a", "generateDigitString": true}')), 'key generateDigitString');
    assert.equal(payloadEvidence(root('{"clientId": "a", "tokenType": "DOCUMENT"}')), 'tokenType DOCUMENT');
    assert.equal(payloadEvidence(root('{"clientId": "a", "documents": ["PASSPORT"]}')), 'documents');
    assert.equal(payloadEvidence(root('{"clientId": "a"}'), 'file:///p/idenfy/a.json'), 'path');
    assert.equal(payloadEvidence(root('{"clientId": "a", "sessionLength": 60}'), 'file:///p/a.json'), undefined);
  });
});

describe('almost a payload: clientId with generic token keys only', () => {
  const almost: ReadonlyArray<[string, string]> = [
    ['{"clientId": "web-app", "tokenType": "Bearer", "expiryTime": 3600, "audience": "x"}', 'OAuth-like token settings'],
    ['{"clientId": "kiosk-7", "sessionLength": 30, "locale": "en-US", "country": "UK", "theme": "dark"}', 'kiosk settings'],
    ['{"appName": "billing", "clientId": "abc123", "documents": ["invoice", "receipt"], "successUrl": "http://localhost:3000/ok"}', 'app settings'],
    ['{"clientId": "user-123", "firstName": "John", "lastName": "Doe"}', 'a data-matching body named like any JSON'],
  ];
  for (const [text, why] of almost) {
    it(`${why}: the clientId key's span`, () => {
      const span = almostPayload(root(text), { isPayloadFile: false, path: 'file:///p/config.json' });
      assert.ok(span, 'expected a span');
      assert.equal(text.slice(span.start, span.end), '"clientId"');
      assert.deepEqual(almostPayloadText(text, { isPayloadFile: false, path: 'file:///p/config.json' }), span);
    });
  }

  const not: ReadonlyArray<[string, { isPayloadFile: boolean; path?: string }, string]> = [
    ['{"clientId": "a"}', { isPayloadFile: false }, 'clientId alone'],
    ['{"clientId": "a", "clientSecret": "s", "expiryTime": 3600}', { isPayloadFile: false }, 'an OAuth client (clientSecret)'],
    ['{"clientId": "a", "expiryTime": 3600, "generateDigitString": true}', { isPayloadFile: false }, 'already a payload by evidence'],
    ['{"clientId": "a", "expiryTime": 3600}', { isPayloadFile: true }, 'already a payload file'],
    ['{"clientId": "a", "expiryTime": 3600}', { isPayloadFile: false, path: 'file:///p/idenfy/a.json' }, 'already a payload by its path'],
    ['{"clientId": "a", "expiryTime": 3600}', { isPayloadFile: false, path: 'file:///p/.vscode/settings.json' }, 'a never-a-payload file'],
    ['{"settings": {"clientId": "a", "expiryTime": 3600}}', { isPayloadFile: false }, 'clientId nested'],
    ['{"clientId": "a", "expiryTime": ', { isPayloadFile: false, path: 'file:///p/a.json' }, 'half-typed: still almost'],
  ];
  for (const [text, input, why] of not) {
    it(`${why}`, () => {
      const span = almostPayloadText(text, input);
      if (why.startsWith('half-typed')) assert.ok(span);
      else assert.equal(span, undefined);
    });
  }

  it('detectPayload and almostPayload never both say yes', () => {
    for (const text of ['{"clientId": "a", "tokenType": "IDENTIFICATION"}', '{"clientId": "a", "tokenType": "Bearer"}', '{"$schema": "idenfy-token", "clientId": "a", "locale": "en"}']) {
      const input = { isPayloadFile: false, path: 'file:///p/x.json' };
      assert.ok(!(detectPayload(root(text), input) !== 'none' && almostPayload(root(text), input)), text);
    }
  });
});
