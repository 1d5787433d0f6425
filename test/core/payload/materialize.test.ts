import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseTree } from 'jsonc-parser';
import { PayloadNode } from '../../../core/model';
import { answerKind, countProblems, fillUnknowns, jsonTextToSend, materializePayload, parseAnswer, spanForField, UnknownValue } from '../../../core';

/** Builds a PayloadNode tree by hand, as the code analyser does: offsets are made up but consistent. */
let cursor = 0;
function node(type: PayloadNode['type'], extra: Partial<PayloadNode> = {}): PayloadNode {
  const offset = (cursor += 10);
  return { type, offset, length: 5, ...extra } as PayloadNode;
}
function prop(key: string | PayloadNode, value: PayloadNode): PayloadNode {
  const keyNode = typeof key === 'string' ? node('string', { value: key }) : key;
  return node('property', { children: [keyNode, value] });
}
function obj(properties: PayloadNode[], extra: Partial<PayloadNode> = {}): PayloadNode {
  return node('object', { children: properties, ...extra });
}

describe('materializePayload', () => {
  it('turns a JSON document tree into the value JSON.parse gives, with no unknowns', () => {
    const text =
      '{"clientId":"u-1","documents":["ID_CARD","PASSPORT"],"expiryTime":3600,"showInstructions":false,"country":null,"additionalSteps":{"ALL":{"ALL":{"UTILITY_BILL":{"type":"UPLOAD"}}}},"__proto__":{"x":1}}';
    const result = materializePayload(parseTree(text)! as PayloadNode);
    assert.deepEqual(result.value, JSON.parse(text));
    assert.ok(Object.prototype.hasOwnProperty.call(result.value, '__proto__'), '__proto__ stays an own key, as in JSON.parse');
    assert.deepEqual(result.unknowns, []);
    const country = result.fieldSpans.country;
    assert.equal(text.slice(country.start, country.end), 'null');
    const second = result.fieldSpans['documents[1]'];
    assert.equal(text.slice(second.start, second.end), '"PASSPORT"');
    const step = result.fieldSpans['additionalSteps.ALL.ALL.UTILITY_BILL.type'];
    assert.equal(text.slice(step.start, step.end), '"UPLOAD"');
  });

  it('keeps the last of duplicate keys, as a JSON parser does', () => {
    const text = '{"clientId":"a","clientId":"b"}';
    assert.deepEqual(materializePayload(parseTree(text)! as PayloadNode).value, { clientId: 'b' });
  });

  it('lists computed values, spreads and computed keys of a code payload, never guessing them', () => {
    const email = node('unknown', { description: 'identifier `email`' });
    const secondDoc = node('unknown', { description: 'call `pickDoc()`' });
    const computedKey = node('unknown', { description: 'computed key `[field]`' });
    const root = obj(
      [
        prop('clientId', node('unknown', { description: 'member `user.id`' })),
        prop('firstName', node('string', { value: 'Jonas' })),
        prop('documents', node('array', { children: [node('string', { value: 'ID_CARD' }), secondDoc] })),
        prop('additionalData', obj([prop('UTILITY_BILL', obj([prop('email', email)]))])),
        prop(computedKey, node('boolean', { value: true })),
      ],
      { hasSpread: true },
    );
    const result = materializePayload(root);
    assert.deepEqual(result.value, { clientId: null, firstName: 'Jonas', documents: ['ID_CARD', null], additionalData: { UTILITY_BILL: { email: null } } });
    const summary = result.unknowns.map((u) => [u.kind, u.path, u.description]);
    assert.deepEqual(
      summary.sort(),
      [
        ['entries', '', 'a spread (`...`) whose keys are not known before run time'],
        ['entries', '', 'computed key `[field]`'],
        ['value', 'additionalData.UTILITY_BILL.email', 'identifier `email`'],
        ['value', 'clientId', 'member `user.id`'],
        ['value', 'documents[1]', 'call `pickDoc()`'],
      ].sort(),
    );
    const email2 = result.unknowns.find((u) => u.path === 'additionalData.UTILITY_BILL.email')!;
    assert.deepEqual([email2.start, email2.end], [email.offset, email.offset + email.length]);
    assert.deepEqual(email2.segments, ['additionalData', 'UTILITY_BILL', 'email']);
    // The unknowns come in document order.
    assert.deepEqual(
      result.unknowns.map((u) => u.start),
      [...result.unknowns.map((u) => u.start)].sort((a, b) => a - b),
    );
  });

  it('a whole body that is computed is one unknown at the root', () => {
    const result = materializePayload(node('unknown', { description: 'identifier `payload`' }));
    assert.equal(result.value, null);
    assert.deepEqual(
      result.unknowns.map((u) => [u.kind, u.path]),
      [['value', '']],
    );
  });

  it('bounds fieldSpans', () => {
    const text = JSON.stringify({ clientId: 'a', documents: Array.from({ length: 100 }, () => 'ID_CARD') });
    assert.equal(Object.keys(materializePayload(parseTree(text)! as PayloadNode, { maxFieldSpans: 10 }).fieldSpans).length, 10);
  });
});

describe('fillUnknowns and parseAnswer', () => {
  const unknown = (segments: Array<string | number>, kind: 'value' | 'entries' = 'value'): UnknownValue => ({
    segments,
    kind,
    start: 0,
    end: 1,
    path: segments.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), ''),
  });

  it('fills values by path and merges spread keys under the keys written in the literal', () => {
    const value = { clientId: null, firstName: 'Jonas', documents: ['ID_CARD', null], nested: { a: null } };
    const filled = fillUnknowns(value, [
      { unknown: unknown([], 'entries'), value: { firstName: 'Other', locale: 'lt', clientId: 'from-spread' } },
      { unknown: unknown(['clientId']), value: 'user-1' },
      { unknown: unknown(['documents', 1]), value: 'PASSPORT' },
      { unknown: unknown(['nested', 'a']), value: { deep: [1] } },
      { unknown: unknown(['gone', 'x']), value: 1 },
    ]);
    assert.deepEqual(filled, { clientId: 'user-1', firstName: 'Jonas', documents: ['ID_CARD', 'PASSPORT'], nested: { a: { deep: [1] } }, locale: 'lt' });
    assert.deepEqual(value, { clientId: null, firstName: 'Jonas', documents: ['ID_CARD', null], nested: { a: null } }, 'the input is not changed');
    assert.deepEqual(fillUnknowns(null, [{ unknown: unknown([]), value: { clientId: 'x' } }]), { clientId: 'x' });
  });

  it('string fields take the text as typed; typed fields must be JSON of their type', () => {
    assert.deepEqual(parseAnswer('12345', unknown(['clientId'])), { ok: true, value: '12345' }, 'a clientId stays a string');
    assert.deepEqual(parseAnswer('"12345"', unknown(['clientId'])), { ok: true, value: '12345' });
    assert.deepEqual(parseAnswer('null', unknown(['firstName'])), { ok: true, value: null });
    assert.deepEqual(parseAnswer('true', unknown(['firstName'])), { ok: true, value: 'true' });
    assert.deepEqual(parseAnswer(' Jonas ', unknown(['firstName'])), { ok: true, value: ' Jonas ' }, 'nothing is trimmed: no guesses');
    assert.deepEqual(parseAnswer('["LT","LV"]', unknown(['country'])), { ok: true, value: ['LT', 'LV'] });
    assert.deepEqual(parseAnswer('PASSPORT', unknown(['documents', 1])), { ok: true, value: 'PASSPORT' });
    assert.deepEqual(parseAnswer('true', unknown(['showInstructions'])), { ok: true, value: true });
    assert.equal(parseAnswer('yes', unknown(['showInstructions'])).ok, false);
    assert.deepEqual(parseAnswer('600', unknown(['sessionLength'])), { ok: true, value: 600 });
    assert.equal(parseAnswer('"600"', unknown(['sessionLength'])).ok, false);
    assert.deepEqual(parseAnswer('["ID_CARD"]', unknown(['documents'])), { ok: true, value: ['ID_CARD'] });
    assert.equal(parseAnswer('ID_CARD', unknown(['documents'])).ok, false);
    assert.deepEqual(parseAnswer('{"locale":"lt"}', unknown([], 'entries')), { ok: true, value: { locale: 'lt' } });
    assert.equal(parseAnswer('[1]', unknown([], 'entries')).ok, false);
    assert.equal(parseAnswer('x', unknown([])).ok, false, 'a whole body must be an object');
    assert.deepEqual(parseAnswer('42', unknown(['myOwnKey'])), { ok: true, value: 42 });
    assert.deepEqual(parseAnswer('hello', unknown(['myOwnKey'])), { ok: true, value: 'hello' });
    assert.equal(answerKind(unknown(['additionalData', 'STEP', 'field'])), 'any');
  });

  it('the filled body is checked by the same rules', () => {
    assert.deepEqual(countProblems('{"clientId":"a","country":"XX","clientID":"b"}'), { errors: 1, warnings: 1 });
    assert.deepEqual(countProblems('{"clientId":"a","callbackUrl":"https://x.example/cb"}', { account: { customCallbackUrl: false } }), { errors: 1, warnings: 0 });
  });
});

describe('spanForField and jsonTextToSend', () => {
  it('finds the span of a field or its nearest ancestor', () => {
    const spans = { documents: { start: 1, end: 2 }, 'documents[0]': { start: 3, end: 4 }, 'additionalSteps.LT': { start: 5, end: 6 } };
    assert.deepEqual(spanForField(spans, 'documents[0]'), { start: 3, end: 4 });
    assert.deepEqual(spanForField(spans, 'documents[7]'), { start: 1, end: 2 });
    assert.deepEqual(spanForField(spans, 'additionalSteps.LT.ID_CARD.STEP'), { start: 5, end: 6 });
    assert.equal(spanForField(spans, 'clientId'), undefined);
    assert.equal(spanForField(undefined, 'clientId'), undefined);
  });

  it('strips comments and trailing commas from jsonc, and nothing else', () => {
    const text = '// header\n{\n  "clientId": "a // not a comment", /* block */\n  "documents": ["ID_CARD",], // tail\n  "url": "https://x/*y*/",\n}\n';
    const sent = jsonTextToSend(text, true);
    assert.deepEqual(JSON.parse(sent), parse(text));
    assert.ok(sent.includes('"a // not a comment"'));
    assert.ok(sent.includes('"https://x/*y*/"'));
    assert.ok(!sent.includes('header') && !sent.includes('block') && !sent.includes('tail'));
    const plain = '{ "clientId" : "a" ,\n "x": [1, 2] }';
    assert.equal(jsonTextToSend(plain, true), plain, 'valid JSON is unchanged byte for byte');
    assert.equal(jsonTextToSend('{"a":1,}', false), '{"a":1,}', 'json documents are sent as they are');
  });
});
