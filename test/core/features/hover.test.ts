import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeJson } from '../../../core/json';
import { payloadHover } from '../../../core/features/hover';
import { PayloadNode } from '../../../core/model';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../core/settings';
import { COUNTRY_NAMES } from '../../../core/rules/countries';
import { ADDITIONAL_STEP_TYPE_DOCS, DOCUMENT_TYPE_DOCS, ENUM_VALUE_DOCS } from '../../../core/rules/enumDocs';
import { FIELDS, LEGACY_TOKEN_TYPES, TOKEN_TYPES } from '../../../core/rules/fields';
import { DOCS } from '../../../core/rules/links';
import { localeName } from '../../../core/rules/locales';
import { codePayload } from './helpers';

function jsonRoot(text: string): PayloadNode {
  const analysis = analyzeJson({ text, allowComments: true, isPayloadFile: true }, DEFAULT_SETTINGS);
  assert.ok(analysis.root, 'the test payload parses');
  return analysis.root;
}

/** Hover at the first occurrence of `needle` (plus `shift` characters) in the text. */
function hoverAt(text: string, needle: string, shift = 1, root = jsonRoot(text), settings = DEFAULT_SETTINGS) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return payloadHover(root, at + shift, settings);
}

const PAYLOAD = `{
  "clientId": "user-42",
  "tokenType": "DOCUMENT",
  "expiryTime": 600,
  "personScanRef": "old",
  "country": "lt",
  "nationality": "ALL",
  "locale": "de",
  "documents": ["PASSPORT", "AADHAAR"],
  "additionalSteps": { "LT": { "ID_CARD": { "UTILITY_BILL": { "type": "COMPARE", "settings": { "canUpload": true } } } } },
  "mysteryField": "TOO_MANY_REQUESTS"
}`;

describe('payloadHover on field keys', () => {
  it('documents a field from the rule table: type, description, rule, default, link; the range is the key', () => {
    const spec = FIELDS.get('tokenType')!;
    const hover = hoverAt(PAYLOAD, '"tokenType"');
    assert.ok(hover);
    const start = PAYLOAD.indexOf('"tokenType"');
    assert.deepEqual({ start: hover.start, end: hover.end }, { start, end: start + '"tokenType"'.length });
    for (const part of [spec.type, spec.description, `\`${spec.default}\``, DOCS[spec.doc], ...TOKEN_TYPES, ...LEGACY_TOKEN_TYPES]) {
      assert.ok(hover.markdown.includes(part), `missing ${part}`);
    }
  });

  it('states ranges with the bounds of the rule', () => {
    const rule = FIELDS.get('expiryTime')!.rule;
    assert.equal(rule.kind, 'integer');
    const markdown = hoverAt(PAYLOAD, '"expiryTime"')!.markdown;
    assert.ok(markdown.includes(rule.min!.toLocaleString('en-US')) && markdown.includes(rule.max!.toLocaleString('en-US')), markdown);
  });

  it('marks clientId required and personScanRef as its legacy name', () => {
    assert.match(hoverAt(PAYLOAD, '"clientId"')!.markdown, /required/);
    const legacy = hoverAt(PAYLOAD, '"personScanRef"')!.markdown;
    assert.match(legacy, /Legacy/);
    assert.ok(legacy.includes('`clientId`'));
  });

  it('is silent on keys the spec does not document', () => {
    assert.equal(hoverAt(PAYLOAD, '"mysteryField"'), undefined);
  });
});

describe('payloadHover on values', () => {
  it('explains an enum value, and says which is legacy', () => {
    const hover = hoverAt(PAYLOAD, '"DOCUMENT"');
    assert.ok(hover?.markdown.includes(ENUM_VALUE_DOCS.tokenType.DOCUMENT));
    const start = PAYLOAD.indexOf('"DOCUMENT"');
    assert.deepEqual({ start: hover!.start, end: hover!.end }, { start, end: start + '"DOCUMENT"'.length });
    const legacy = `{ "clientId": "a", "tokenType": "VIDEO_CALL" }`;
    assert.match(hoverAt(legacy, '"VIDEO_CALL"')!.markdown, /Legacy value/);
  });

  it('names the country of a code, whatever its case, and points from UK to GB', () => {
    assert.ok(hoverAt(PAYLOAD, '"lt"')?.markdown.includes(COUNTRY_NAMES.LT));
    const alias = `{ "clientId": "a", "country": "UK" }`;
    const markdown = hoverAt(alias, '"UK"')!.markdown;
    assert.ok(markdown.includes('`GB`') && markdown.includes(COUNTRY_NAMES.GB), markdown);
    assert.equal(hoverAt(`{ "clientId": "a", "country": "QQ" }`, '"QQ"'), undefined);
    assert.equal(hoverAt(PAYLOAD, '"ALL"'), undefined, 'nationality ALL is not a country');
  });

  it('names the language of a locale', () => {
    assert.ok(hoverAt(PAYLOAD, '"de"')?.markdown.includes(localeName('de')));
  });

  it('explains document types, with the countries a country-bound one exists for (from settings)', () => {
    assert.ok(hoverAt(PAYLOAD, '"PASSPORT"')?.markdown.includes(DOCUMENT_TYPE_DOCS.PASSPORT));
    const aadhaar = hoverAt(PAYLOAD, '"AADHAAR"')!.markdown;
    assert.ok(aadhaar.includes('`IN`'), aadhaar);
    const settings = normalizeSettings({ countryBoundDocuments: { AADHAAR: ['NP'] } }).settings;
    const custom = hoverAt(PAYLOAD, '"AADHAAR"', 1, jsonRoot(PAYLOAD), settings)!.markdown;
    assert.ok(custom.includes(`${COUNTRY_NAMES.NP} (\`NP\`)`) && !custom.includes('`IN`'), custom);
  });

  it('explains the keys and step type inside additionalSteps', () => {
    assert.ok(hoverAt(PAYLOAD, '"LT"')?.markdown.includes(COUNTRY_NAMES.LT));
    assert.ok(hoverAt(PAYLOAD, '"ID_CARD"')?.markdown.includes(DOCUMENT_TYPE_DOCS.ID_CARD));
    assert.ok(hoverAt(PAYLOAD, '"COMPARE"')?.markdown.includes(ADDITIONAL_STEP_TYPE_DOCS.COMPARE));
    assert.ok(hoverAt(PAYLOAD, '"canUpload"')?.markdown.includes('upload'));
  });

  it('is silent on free-form values, between tokens and outside the payload', () => {
    assert.equal(hoverAt(PAYLOAD, '"user-42"'), undefined, 'clientId value');
    assert.equal(hoverAt(PAYLOAD, '600'), undefined, 'a number');
    assert.equal(hoverAt(PAYLOAD, '"TOO_MANY_REQUESTS"'), undefined, 'value of an unknown key');
    assert.equal(hoverAt(PAYLOAD, ': "DOCUMENT"', 1), undefined, 'between the colon and the value');
    const root = jsonRoot(PAYLOAD);
    assert.equal(payloadHover(root, PAYLOAD.indexOf('{') + 1), undefined, 'white space inside the object');
    const padded = `\n\n   ${PAYLOAD}`;
    assert.equal(payloadHover(jsonRoot(padded), 1), undefined, 'before the payload');
    assert.equal(payloadHover(root, PAYLOAD.length + 5), undefined, 'after the payload');
    assert.equal(payloadHover(jsonRoot('["clientId"]'), 2), undefined, 'not an object');
  });
});

describe('payloadHover in code', () => {
  const source = `const body: IdenfyTokenRequest = {
  clientId: user.id,
  'tokenType': 'IDENTIFICATION',
  country: "de",
  documents: [\`DRIVER_LICENSE\`],
  sex: computeSex(),
};`;
  const root = codePayload(source);

  it('documents bare and quoted keys, and explains literal values', () => {
    const key = hoverAt(source, 'country', 0, root);
    assert.ok(key?.markdown.includes(FIELDS.get('country')!.description));
    assert.deepEqual({ start: key!.start, end: key!.end }, { start: source.indexOf('country'), end: source.indexOf('country') + 'country'.length });
    assert.ok(hoverAt(source, "'tokenType'", 1, root)?.markdown.includes(FIELDS.get('tokenType')!.description));
    assert.ok(hoverAt(source, "'IDENTIFICATION'", 1, root)?.markdown.includes(ENUM_VALUE_DOCS.tokenType.IDENTIFICATION));
    assert.ok(hoverAt(source, '"de"', 1, root)?.markdown.includes(COUNTRY_NAMES.DE));
    assert.ok(hoverAt(source, 'DRIVER_LICENSE', 0, root)?.markdown.includes(DOCUMENT_TYPE_DOCS.DRIVER_LICENSE));
  });

  it('says nothing about computed values or text outside the object', () => {
    assert.equal(hoverAt(source, 'user.id', 0, root), undefined);
    assert.equal(hoverAt(source, 'computeSex', 0, root), undefined);
    assert.equal(hoverAt(source, 'IdenfyTokenRequest', 0, root), undefined);
  });
});
