import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeJson } from '../../../core/json';
import { completeCode, completeJson, CompletionSuggestion } from '../../../core/features/completion';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../core/settings';
import { COUNTRY_NAMES } from '../../../core/rules/countries';
import { ADDITIONAL_STEP_TYPES, DOCUMENT_TYPES } from '../../../core/rules/documents';
import { DUMMY_STATUSES, FIELD_NAMES, FIELDS, LEGACY_TOKEN_TYPES, SEXES, TOKEN_TYPES } from '../../../core/rules/fields';
import { KNOWN_LOCALES, localeName } from '../../../core/rules/locales';
import { validatePayload } from '../../../core/validate';
import { applyEdits, codePayload, withCursor } from './helpers';

function json(marked: string, settings = DEFAULT_SETTINGS) {
  const { text, offset } = withCursor(marked);
  return { text, offset, items: completeJson(text, offset, settings) };
}

function code(marked: string) {
  const { text, offset } = withCursor(marked);
  return { text, offset, items: completeCode(codePayload(text), text, offset) };
}

const labels = (items: readonly CompletionSuggestion[]) => items.map((i) => i.label);

function item(items: readonly CompletionSuggestion[], label: string): CompletionSuggestion {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} in ${labels(items).slice(0, 20).join(', ')}…`);
  return found;
}

/** The document after accepting a (non-snippet) suggestion, as the editor would insert it. */
function accept(text: string, offset: number, suggestion: CompletionSuggestion): string {
  assert.equal(suggestion.isSnippet, false);
  return applyEdits(text, [{ start: suggestion.replaceStart ?? offset, end: suggestion.replaceEnd ?? offset, newText: suggestion.insertText }]);
}

/** The document after accepting any suggestion, snippet syntax left as it is. */
function accept2(text: string, offset: number, suggestion: CompletionSuggestion): string {
  return applyEdits(text, [{ start: suggestion.replaceStart ?? offset, end: suggestion.replaceEnd ?? offset, newText: suggestion.insertText }]);
}

/** A snippet with each placeholder at its default and each choice at its first option. */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('completeJson: field names', () => {
  it('offers the documented fields not yet present, each with its type and description', () => {
    const { items, offset } = json('{\n  "clientId": "a",\n  "locale": "lt",\n  |\n}');
    const fields = items.filter((i) => i.kind === 'field');
    const expected = FIELD_NAMES.filter((name) => name !== 'clientId' && name !== 'locale' && name !== 'personScanRef');
    assert.deepEqual(new Set(labels(fields)), new Set(expected));
    const tokenType = item(fields, 'tokenType');
    assert.equal(tokenType.detail, FIELDS.get('tokenType')!.type);
    assert.ok(tokenType.documentation?.includes(FIELDS.get('tokenType')!.description));
    assert.equal(tokenType.insertText, '"tokenType": ');
    assert.deepEqual([tokenType.replaceStart, tokenType.replaceEnd], [offset, offset]);
    assert.equal(tokenType.retrigger, true, 'its values are proposed next');
  });

  it('puts clientId first in an empty payload', () => {
    const { items } = json('{ | }');
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(sorted[0].label, 'clientId');
  });

  it('inside a half-typed quoted key, replaces the whole key and adds the colon only when missing', () => {
    const typed = json('{ "clientId": "a", "tok|" }');
    const start = typed.text.indexOf('"tok"');
    const tokenType = item(typed.items, 'tokenType');
    assert.deepEqual([tokenType.replaceStart, tokenType.replaceEnd], [start, start + '"tok"'.length]);
    assert.equal(tokenType.insertText, '"tokenType": ');
    assert.equal(tokenType.filterText, '"tokenType"');
    assert.equal(accept(typed.text, typed.offset, tokenType), '{ "clientId": "a", "tokenType":  }');

    const withColon = json('{ "clientId": "a", "sessionLen|": 600 }');
    const sessionLength = item(withColon.items, 'sessionLength');
    assert.equal(accept(withColon.text, withColon.offset, sessionLength), '{ "clientId": "a", "sessionLength": 600 }');
  });

  it('offers an additionalSteps snippet that expands to a payload the validator accepts', () => {
    const { text, items } = json('{\n  "clientId": "a",\n  |\n}');
    const snippet = items.find((i) => i.kind === 'snippet');
    assert.ok(snippet?.isSnippet);
    const expanded = applyEdits(text, [{ start: snippet.replaceStart!, end: snippet.replaceEnd!, newText: expandSnippet(snippet.insertText) }]);
    const analysis = analyzeJson({ text: expanded, allowComments: false, isPayloadFile: true }, DEFAULT_SETTINGS);
    assert.deepEqual(analysis.findings, [], expanded);
    for (const type of ADDITIONAL_STEP_TYPES) assert.ok(snippet.insertText.includes(type));
    assert.equal(
      json('{ "clientId": "a", "additionalSteps": {}, | }').items.some((i) => i.kind === 'snippet'),
      false,
      'not twice',
    );
  });

  it('before something already written, adds the comma between', () => {
    const key = json('{ "clientId": "a", | "locale": "lt" }');
    const tokenType = item(key.items, 'tokenType');
    assert.equal(tokenType.isSnippet, true);
    assert.equal(expandSnippet(accept2(key.text, key.offset, tokenType)), '{ "clientId": "a", "tokenType": , "locale": "lt" }');
    const onNewLine = json('{\n  "clientId": "a",\n  |\n  "locale": "lt"\n}');
    assert.equal(expandSnippet(accept2(onNewLine.text, onNewLine.offset, item(onNewLine.items, 'tokenType'))), '{\n  "clientId": "a",\n  "tokenType": ,\n  "locale": "lt"\n}');
    const snippet = onNewLine.items.find((i) => i.kind === 'snippet')!;
    const expanded = expandSnippet(accept2(onNewLine.text, onNewLine.offset, snippet));
    assert.equal(analyzeJson({ text: expanded, allowComments: false, isPayloadFile: true }, DEFAULT_SETTINGS).findings.length, 0, expanded);
    const arrayItem = json('{ "clientId": "a", "documents": [| "ID_CARD"] }');
    assert.equal(accept(arrayItem.text, arrayItem.offset, item(arrayItem.items, 'PASSPORT')), '{ "clientId": "a", "documents": ["PASSPORT", "ID_CARD"] }');
    assert.deepEqual(json('{ "clientId": "a", "tokenType": | "DOCUMENT" }').items, [], 'the value is there already');
  });

  it('offers nothing after a finished value or outside the object', () => {
    assert.deepEqual(json('{ "clientId": "a" | }').items, []);
    assert.deepEqual(json('{ "tokenType": "DOCUMENT"| }').items, []);
    assert.deepEqual(json('|{ "clientId": "a" }').items, []);
  });
});

describe('completeJson: values', () => {
  it('enum values of tokenType, current ones first, legacy marked', () => {
    const { items, text, offset } = json('{ "clientId": "a", "tokenType": "|" }');
    assert.deepEqual(labels(items), [...TOKEN_TYPES, ...LEGACY_TOKEN_TYPES]);
    assert.equal(item(items, 'VIDEO_CALL').detail, 'legacy');
    const documentType = item(items, 'DOCUMENT');
    assert.equal(documentType.insertText, 'DOCUMENT');
    assert.equal(accept(text, offset, documentType), '{ "clientId": "a", "tokenType": "DOCUMENT" }');
  });

  it('replaces the typed part of a string, closing an unterminated one', () => {
    const typed = json('{ "clientId": "a", "dummyStatus": "APP|" }');
    assert.equal(accept(typed.text, typed.offset, item(typed.items, 'APPROVED')), '{ "clientId": "a", "dummyStatus": "APPROVED" }');
    const open = json('{ "clientId": "a", "sex": "|\n}');
    assert.deepEqual(labels(open.items), [...SEXES]);
    assert.equal(accept(open.text, open.offset, item(open.items, 'F')), '{ "clientId": "a", "sex": "F"\n}');
  });

  it('quotes a value typed after the colon', () => {
    const { items, text, offset } = json('{ "clientId": "a", "dummyStatus": | }');
    assert.deepEqual(labels(items), [...DUMMY_STATUSES, 'ACTIVE']);
    assert.equal(accept(text, offset, item(items, 'DENIED')), '{ "clientId": "a", "dummyStatus": "DENIED" }');
  });

  it('countries with their names, and ALL only where it is allowed', () => {
    const country = json('{ "clientId": "a", "country": "|" }').items;
    assert.deepEqual(new Set(labels(country)), new Set(Object.keys(COUNTRY_NAMES)));
    assert.equal(item(country, 'LT').detail, COUNTRY_NAMES.LT);
    assert.ok(item(country, 'LT').filterText?.includes(COUNTRY_NAMES.LT), 'typing the name finds the code');
    const nationality = json('{ "clientId": "a", "nationality": "|" }').items;
    assert.ok(labels(nationality).includes('ALL'));
    assert.ok(!labels(country).includes('ALL'));
    const registries = json('{ "clientId": "a", "registryCentersCountries": ["LT", "|"] }').items;
    assert.ok(!labels(registries).includes('LT') && labels(registries).includes('LV'));
  });

  it('locales with their language names', () => {
    const items = json('{ "clientId": "a", "locale": "|" }').items;
    assert.deepEqual(labels(items), [...KNOWN_LOCALES]);
    assert.equal(item(items, 'lt').detail, localeName('lt'));
  });

  it('document types not yet in the array, and an array around one after the colon', () => {
    const inArray = json('{ "clientId": "a", "documents": ["ID_CARD", "|"] }').items;
    assert.deepEqual(new Set(labels(inArray)), new Set(DOCUMENT_TYPES.filter((t) => t !== 'ID_CARD')));
    const bare = json('{ "clientId": "a", "documents": | }');
    const passport = item(bare.items, 'PASSPORT');
    assert.equal(accept(bare.text, bare.offset, passport), '{ "clientId": "a", "documents": ["PASSPORT"] }');
  });

  it('booleans for boolean fields, replacing a half-typed literal', () => {
    const { items, text, offset } = json('{ "clientId": "a", "checkAml": tr| }');
    assert.deepEqual(labels(items), ['true', 'false']);
    assert.equal(items[0].kind, 'keyword');
    assert.equal(accept(text, offset, items[0]), '{ "clientId": "a", "checkAml": true }');
    assert.deepEqual(json('{ "clientId": "a", "checkAml": "|" }').items, [], 'no boolean inside quotes');
  });

  it('inside additionalSteps: countries, document types, step keys, step types and settings', () => {
    assert.ok(labels(json('{ "clientId": "a", "additionalSteps": { | } }').items).includes('ALL'));
    assert.ok(labels(json('{ "clientId": "a", "additionalSteps": { | } }').items).includes('LT'));
    assert.ok(labels(json('{ "clientId": "a", "additionalSteps": { "LT": { | } } }').items).includes('ID_CARD'));
    assert.deepEqual(labels(json('{ "clientId": "a", "additionalSteps": { "LT": { "ID_CARD": { "S": { "type": "UPLOAD", | } } } } }').items), ['fields', 'texts', 'settings']);
    assert.deepEqual(labels(json('{ "clientId": "a", "additionalSteps": { "ALL": { "ALL": { "S": { "type": "|" } } } } }').items), [...ADDITIONAL_STEP_TYPES]);
    assert.deepEqual(labels(json('{ "clientId": "a", "additionalSteps": { "ALL": { "ALL": { "S": { "settings": { "canUpload": | } } } } } }').items), ['true', 'false']);
  });

  it('questionnaire keys from the account settings', () => {
    const settings = normalizeSettings({ account: { questionnaireIds: ['onboarding-v2'] } }).settings;
    assert.deepEqual(labels(json('{ "clientId": "a", "questionnaire": "|" }', settings).items), ['onboarding-v2']);
    assert.deepEqual(json('{ "clientId": "a", "questionnaire": "|" }').items, []);
  });

  it('nothing, and no crash, in a document nested too deeply to parse', () => {
    const deep = '{"clientId": "a", "x": ' + '['.repeat(200_000) + ']'.repeat(200_000) + ', "tokenType": "" }';
    const offset = deep.lastIndexOf('""') + 1;
    assert.deepEqual(completeJson(deep, offset), []);
  });

  it('nothing for free-form values', () => {
    assert.deepEqual(json('{ "clientId": "|" }').items, []);
    assert.deepEqual(json('{ "clientId": "a", "firstName": "J|" }').items, []);
  });
});

describe('completeCode', () => {
  it('a key typed before another property gets its comma', () => {
    const { items, text, offset } = code("const body = { clientId: id, | locale: 'lt' };");
    assert.equal(expandSnippet(accept2(text, offset, item(items, 'tokenType'))), "const body = { clientId: id, tokenType: , locale: 'lt' };");
  });

  it('offers bare field names not yet present', () => {
    const { items, text, offset } = code('const body: IdenfyTokenRequest = { clientId: user.id, |};');
    assert.ok(!labels(items).includes('clientId'));
    const tokenType = item(items, 'tokenType');
    assert.equal(tokenType.insertText, 'tokenType: ');
    assert.equal(accept(text, offset, tokenType), 'const body: IdenfyTokenRequest = { clientId: user.id, tokenType: };');
  });

  it('completes a half-typed bare key (a shorthand property to the parser)', () => {
    const { items, text, offset } = code('const body = { clientId: id, sessionLen| };');
    const sessionLength = item(items, 'sessionLength');
    assert.equal(accept(text, offset, sessionLength), 'const body = { clientId: id, sessionLength:  };');
  });

  it('keeps a quoted key quoted', () => {
    const { items, text, offset } = code("const body = { clientId: id, 'tok|': 'DOCUMENT' };");
    assert.equal(accept(text, offset, item(items, 'tokenType')), "const body = { clientId: id, 'tokenType': 'DOCUMENT' };");
  });

  it("values in the string's own quotes, and in the file's quotes after the colon", () => {
    const inString = code("const body = { clientId: id, tokenType: 'DOC|' };");
    assert.equal(accept(inString.text, inString.offset, item(inString.items, 'DOCUMENT')), "const body = { clientId: id, tokenType: 'DOCUMENT' };");
    const afterColon = code('const body = { clientId: "x", sex: |};');
    assert.equal(accept(afterColon.text, afterColon.offset, item(afterColon.items, 'M')), 'const body = { clientId: "x", sex: "M"};');
    const bareWord = code("const body = { clientId: 'x', country: de| };");
    assert.equal(accept(bareWord.text, bareWord.offset, item(bareWord.items, 'DE')), "const body = { clientId: 'x', country: 'DE' };");
  });

  it('nested values in code: documents items and additional step types', () => {
    const documents = code("const body = { clientId: id, documents: ['PASSPORT', '|'] };");
    assert.ok(!labels(documents.items).includes('PASSPORT') && labels(documents.items).includes('ID_CARD'));
    const step = code("const body = { clientId: id, additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: '|' } } } } };");
    assert.deepEqual(labels(step.items), [...ADDITIONAL_STEP_TYPES]);
  });

  it('the additionalSteps snippet in code syntax expands to a valid payload', () => {
    const { items, text } = code("const body = { clientId: 'a', | };");
    const snippet = items.find((i) => i.kind === 'snippet')!;
    const expanded = applyEdits(text, [{ start: snippet.replaceStart!, end: snippet.replaceEnd!, newText: expandSnippet(snippet.insertText) }]);
    assert.deepEqual(validatePayload(codePayload(expanded), DEFAULT_SETTINGS), [], expanded);
  });

  it('an unterminated string ends at the typed word, not at the end of the line the parser ran it to', () => {
    const value = code('const body = { clientId: 1, tokenType: "DOC| };');
    assert.equal(accept(value.text, value.offset, item(value.items, 'DOCUMENT')), 'const body = { clientId: 1, tokenType: "DOCUMENT" };');
    const key = code('const body = { clientId: 1, "tok| };');
    assert.equal(accept(key.text, key.offset, item(key.items, 'tokenType')), 'const body = { clientId: 1, "tokenType":  };');
    const jsonValue = json('{ "clientId": "a", "tokenType": "DOC| }');
    assert.equal(accept(jsonValue.text, jsonValue.offset, item(jsonValue.items, 'DOCUMENT')), '{ "clientId": "a", "tokenType": "DOCUMENT" }');
  });

  it('reads past comments to tell a key position from a value position', () => {
    assert.ok(labels(code('const body = { clientId: 1, // who, "x"\n  | };').items).includes('tokenType'));
    assert.deepEqual(labels(code('const body = { clientId: 1, /* a */ sex /* b */ : | };').items), [...SEXES]);
  });

  it('nothing for computed values or outside the payload', () => {
    assert.deepEqual(code('const body = { clientId: id, tokenType: pick(|) };').items, []);
    assert.deepEqual(code("const body = { clientId: id, tokenType: | 'DOCUMENT' };").items, [], 'before a value already written');
    const { text } = withCursor('const body = { clientId: id };|');
    assert.deepEqual(completeCode(codePayload(text), text, text.length), []);
    assert.deepEqual(completeCode(codePayload(text), text, 0), []);
  });
});
