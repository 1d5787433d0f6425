/**
 * Which JSON documents are token payloads (README, "How a JSON file is recognised"): files matching idenfy.payloadFiles
 * always; other JSON only when the top level has clientId and iDenfy-specific evidence (a key or value only
 * iDenfy uses, a path naming iDenfy, or the project's $schema); package.json, tsconfig.json and OAuth client configs
 * never; untitled documents too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../core/index';

const service = createLanguageService({ settings: {} });

/** The analysis, with why the document counts as a payload (`file-pattern`, `content`) or `none`. */
function analyze(uri: string, text: string, languageId = 'json', svc = service) {
  const analysis = svc.analyze({ uri, languageId, text });
  return { ...analysis, payload: analysis.payloads[0]?.via ?? 'none' };
}

/** A body with an obvious error, so "checked or not" shows in the findings. */
const BAD_TOKEN_BODY = '{"clientId": "user-123", "tokenType": "IDENTIFICATION", "sessionLength": 7200}';

describe('files matching idenfy.payloadFiles (default **/*.idenfy.json, **/*.idenfy.jsonc): always payloads', () => {
  const uris = [
    'file:///home/dev/project/kyc-request.idenfy.json',
    'file:///home/dev/project/payloads/nested/deeper/kyc.idenfy.json',
    'file:///c%3A/Users/dev/project/kyc.idenfy.json',
    'file:///home/dev/my%20project/kyc.idenfy.json',
    '/home/dev/project/plain-path.idenfy.json',
    'C:\\Users\\dev\\project\\windows-path.idenfy.json',
  ];
  for (const uri of uris) {
    it(uri, () => {
      assert.equal(service.isPayloadFile(uri), true);
      const result = analyze(uri, BAD_TOKEN_BODY);
      assert.equal(result.payload, 'file-pattern');
      assert.ok(result.findings.some((f) => f.code === 'BAD_VALUE'));
    });
  }

  it('whatever it holds: {} gets the missing-clientId error', () => {
    const result = analyze('file:///p/empty.idenfy.json', '{}');
    assert.equal(result.payload, 'file-pattern');
    assert.deepEqual(
      result.findings.map((f) => f.code),
      ['MISSING_VALUE'],
    );
  });

  it('an .idenfy.jsonc file allows comments', () => {
    const result = analyze('file:///p/kyc.idenfy.jsonc', '{\n  // note\n  "clientId": "user-123",\n}', 'jsonc');
    assert.equal(result.payload, 'file-pattern');
    assert.deepEqual(result.findings, []);
  });

  it('a file named .jsonc allows comments even when the language id says json', () => {
    const result = analyze('file:///p/kyc.idenfy.jsonc', '{ /* note */ "clientId": "user-123" }', 'json');
    assert.deepEqual(result.findings, []);
  });

  it('a custom idenfy.payloadFiles setting', () => {
    const svc = createLanguageService({ settings: { payloadFiles: ['**/kyc-requests/*.json'] } });
    assert.equal(svc.isPayloadFile('file:///p/kyc-requests/one.json'), true);
    assert.equal(svc.isPayloadFile('file:///p/kyc.idenfy.json'), false, 'the setting replaces the defaults');
    assert.equal(analyze('file:///p/kyc-requests/one.json', '{}', 'json', svc).payload, 'file-pattern');
  });
});

describe('other JSON: a payload only with clientId and iDenfy-specific evidence', () => {
  const evidence: ReadonlyArray<[string, string]> = [
    ['tokenType', '"IDENTIFICATION"'],
    ['tokenType', '"DOCUMENT"'],
    ['tokenType', '"VIDEO_CALL_PHOTOS"'],
    ['documents', '["PASSPORT"]'],
    ['documents', '["ID_CARD", "RESIDENCE_PERMIT", "DRIVER_LICENSE", "OTHER"]'],
    ['generateDigitString', 'true'],
    ['utilityBill', 'true'],
    ['additionalSteps', '{"ALL": {"ALL": {"UTILITY_BILL": {"type": "UPLOAD"}}}}'],
    ['dummyStatus', '"APPROVED"'],
    ['unverifiedUrl', '"https://example.com/later"'],
    ['verifyBankAccounts', 'true'],
    ['riskAssessmentProfile', '"3c90c3cc-0d44-4b50-8888-8dd25736052a"'],
    ['checkDuplicateFaces', 'false'],
  ];
  for (const [key, value] of evidence) {
    it(`clientId + ${key}: ${value}: a payload by content`, () => {
      const result = analyze('file:///p/request.json', `{"clientId": "user-123", "${key}": ${value}, "sessionLength": 1}`);
      assert.equal(result.payload, 'content');
      assert.ok(result.findings.some((f) => f.code === 'BAD_VALUE' && f.field === 'sessionLength'));
    });
  }

  it('personScanRef (the legacy alias) counts as clientId', () => {
    assert.equal(analyze('file:///p/request.json', '{"personScanRef": "user-123", "generateDigitString": true}').payload, 'content');
  });

  const notPayloads: ReadonlyArray<[string, string]> = [
    ['{"clientId": "user-123"}', 'clientId alone'],
    ['{"clientId": "user-123", "firstName": "John", "lastName": "Doe", "dateOfBirth": "1990-05-15", "country": "LT"}', 'clientId with generic keys only'],
    ['{"tokenType": "IDENTIFICATION", "generateDigitString": true}', 'evidence without clientId'],
    ['{"config": {"clientId": "user-123", "tokenType": "DOCUMENT"}}', 'clientId nested, not at the top level'],
    ['[{"clientId": "user-123", "tokenType": "DOCUMENT"}]', 'an array at the top level'],
    ['{"name": "app", "version": "1.0.0"}', 'no clientId at all'],
    ['{"clientId": "user-123", "name": ', 'half-typed with nothing that proves a payload'],
    // The three false alarms.
    ['{"clientId": "web-app", "tokenType": "Bearer", "expiryTime": 3600, "audience": "https://api.example.com"}', 'an OAuth config (tokenType Bearer, expiryTime)'],
    ['{"clientId": "kiosk-7", "sessionLength": 30, "locale": "en-US", "country": "UK", "theme": "dark"}', 'kiosk settings (sessionLength, locale, country, theme)'],
    ['{"appName": "billing", "clientId": "abc123", "documents": ["invoice", "receipt"], "successUrl": "http://localhost:3000/ok"}', 'app settings (documents that are not document types, successUrl)'],
    [
      '{"clientId": "a", "expiryTime": 600, "sessionLength": 600, "successUrl": "https://x.example/ok", "errorUrl": "https://x.example/err", "callbackUrl": "https://x.example/cb"}',
      'every generic key at once',
    ],
    ['{"clientId": "a", "documents": ["OTHER"]}', 'documents with only a plain-word type'],
    ['{"clientId": "a", "documents": ["PASSPORT", "invoice"]}', 'documents mixing a document type with other words'],
    ['{"clientId": "a", "tokenType": "identification"}', 'tokenType in another spelling'],
    ['{"clientId": "a", "utilityBill": "https://bucket.example.com/bill.pdf"}', "an evidence key with another API's value type"],
    ['{"clientId": "a", "additionalSteps": ["Restart the service"]}', 'additionalSteps as a list (LLM answers, workflows)'],
    ['{"clientId": "a", "additionalSteps": {"enabled": true, "rules": []}}', "additionalSteps as another tool's settings object"],
    ['{"clientId": "a", "additionalSteps": {}}', 'additionalSteps empty'],
    ['{"clientId": "a", "dummyStatus": "burned"}', 'dummyStatus with a value iDenfy does not have'],
    ['{"clientId": "a", "riskAssessmentProfile": "Elevated Risk"}', 'riskAssessmentProfile that is not a UUID'],
    ['{"clientId": "a", "questionnaire": "Questionnaire/intake", "showInstructions": true, "verifyEmail": true}', 'keys other APIs share (FHIR questionnaire, UI flags)'],
    ['{"clientId": "a", "scanRef": "abc-123", "authToken": "xyz", "tokenType": "IDENTIFICATION", "documents": ["PASSPORT"]}', "iDenfy's answer to the token request (scanRef, authToken)"],
  ];
  for (const [text, why] of notPayloads) {
    it(`${why}: not a payload, no findings`, () => {
      const result = analyze('file:///p/data.json', text);
      assert.equal(result.payload, 'none');
      assert.deepEqual(result.findings, []);
    });
  }
});

describe('a path that names iDenfy is evidence (with a top-level clientId)', () => {
  const body = '{"clientId": "user-123", "sessionLength": 1}';
  for (const uri of [
    'file:///p/idenfy/request.json',
    'file:///p/config/iDenfy/kiosk.json',
    'file:///p/idenfy-request.json',
    'file:///p/MyIdenfyToken.json',
    'C:\\work\\IDENFY\\token.json',
    'requests/idenfy/dev.json',
  ]) {
    it(`${uri}: a payload`, () => {
      const result = analyze(uri, body);
      assert.equal(result.payload, 'content');
      assert.ok(result.findings.some((f) => f.code === 'BAD_VALUE' && f.field === 'sessionLength'));
    });
  }
  const notPayloads: ReadonlyArray<[string, string, string]> = [
    ['file:///p/idenfy-tools/config.json', body, 'a folder that only starts with idenfy'],
    ['file:///p/idenfy/oauth.json', '{"clientId": "abc", "clientSecret": "s", "sessionLength": 1}', 'an OAuth config in an idenfy folder'],
    ['file:///p/idenfy/settings.json', body, 'a never-a-payload file name'],
    ['file:///p/idenfy/webhook.json', '{"clientId": "abc", "scanRef": "x", "status": {}}', 'a webhook sample (scanRef)'],
    ['file:///p/idenfy/keys.json', '{"apiKey": "k", "apiSecret": "s"}', 'no clientId'],
  ];
  for (const [uri, text, why] of notPayloads) {
    it(`${uri} (${why}): not a payload`, () => assert.equal(analyze(uri, text).payload, 'none'));
  }
});

describe("a $schema naming the project's schema: a payload whatever it holds", () => {
  for (const schema of ['./idenfy-token-request.schema.json', 'https://example.com/schemas/IDENFY-TOKEN.json', '../schemas/idenfy-token-request.schema.json']) {
    it(schema, () => {
      const result = analyze('file:///p/body.json', `{"$schema": "${schema}"}`);
      assert.equal(result.payload, 'schema');
      // $schema itself would be sent in the body: the rules warn about it like any key outside the field table.
      assert.deepEqual(
        result.findings.map((f) => f.code),
        ['MISSING_VALUE', 'unknown-field'],
      );
    });
  }
  it('another $schema is no evidence', () => {
    assert.equal(analyze('file:///p/body.json', '{"$schema": "https://json.schemastore.org/tsconfig", "clientId": "a", "sessionLength": 1}').payload, 'none');
  });
});

describe('half-typed JSON outside the file pattern', () => {
  it('clientId and evidence typed so far: checked, with the syntax error and no missing-clientId claim', () => {
    const result = analyze('file:///p/request.json', '{"clientId": "user-123", "generateDigitString": true, "tokenType": ');
    assert.equal(result.payload, 'content');
    assert.ok(result.findings.some((f) => f.code === 'JSON_ERROR'));
    assert.ok(!result.findings.some((f) => f.code === 'MISSING_VALUE'));
  });

  it('a generic key typed so far is no evidence yet', () => {
    assert.equal(analyze('file:///p/request.json', '{"clientId": "user-123", "tokenType": ').payload, 'none');
  });
});

describe('never payloads: well-known configuration files and OAuth client configs', () => {
  const tokenLike = '{"clientId": "user-123", "tokenType": "DOCUMENT", "sessionLength": 7200, "scripts": {}}';
  for (const uri of [
    'file:///p/package.json',
    'file:///p/tsconfig.json',
    'file:///p/tsconfig.build.json',
    'file:///p/jsconfig.json',
    'file:///p/package-lock.json',
    'file:///p/.vscode/settings.json',
    'file:///p/.vscode/launch.json',
    'file:///p/composer.json',
  ]) {
    it(`${uri.split('/').pop()}: no findings even with token keys`, () => {
      const result = analyze(uri, tokenLike);
      assert.equal(result.payload, 'none');
      assert.deepEqual(result.findings, []);
    });
  }

  const oauth: ReadonlyArray<[string, string]> = [
    ['{"clientId": "abc", "clientSecret": "s3cr3t", "redirectUri": "https://app.example.com/auth"}', 'clientId, clientSecret, redirectUri'],
    ['{"clientId": "abc", "clientSecret": "s3cr3t", "callbackUrl": "https://app.example.com/auth/callback"}', 'with callbackUrl, a key the token endpoint also has'],
    ['{"clientId": "abc", "clientSecret": "s3cr3t", "successUrl": "https://app.example.com/ok", "errorUrl": "https://app.example.com/err"}', 'with success/error URLs'],
    ['{"clientId": "abc", "scope": "openid profile", "callbackUrl": "https://app.example.com/cb"}', 'an OIDC client with scope'],
  ];
  for (const [text, why] of oauth) {
    it(`OAuth client config (${why}): not a payload`, () => {
      const result = analyze('file:///p/auth.json', text);
      assert.equal(result.payload, 'none');
      assert.deepEqual(result.findings, []);
    });
  }

  it('an OAuth-looking file that matches idenfy.payloadFiles is still checked (the user said so)', () => {
    const result = analyze('file:///p/auth.idenfy.json', '{"clientId": "abc", "clientSecret": "s3cr3t"}');
    assert.equal(result.payload, 'file-pattern');
    assert.deepEqual(
      result.findings.map((f) => f.code),
      ['unknown-field'],
    );
  });
});

describe('untitled documents', () => {
  it("untitled JSON with a payload's keys is checked", () => {
    const result = analyze('untitled:Untitled-1', BAD_TOKEN_BODY);
    assert.equal(result.payload, 'content');
    assert.ok(result.findings.some((f) => f.code === 'BAD_VALUE'));
  });

  it('untitled JSON with generic keys only is left alone', () => {
    assert.equal(analyze('untitled:Untitled-4', '{"clientId": "kiosk-7", "sessionLength": 30, "locale": "en-US"}').payload, 'none');
  });

  it('untitled JSON that is not a payload is left alone', () => {
    const result = analyze('untitled:Untitled-2', '{"clientId": "abc", "clientSecret": "x"}');
    assert.equal(result.payload, 'none');
  });

  it('untitled JSONC allows comments', () => {
    const result = analyze('untitled:Untitled-3', '{\n  // draft\n  "clientId": "user-123",\n  "tokenType": "DOCUMENT",\n}', 'jsonc');
    assert.equal(result.payload, 'content');
    assert.deepEqual(result.findings, []);
  });
});
