import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeJson, DEFAULT_SETTINGS } from '../../core';
import { createEmulator } from '../../emulator/emulator';
import { basic, KEY, rawRequest, SECRET, withEmulator } from '../client/send/helpers';
import { fixturePath } from '../fixtureFiles';

const json = { 'Content-Type': 'application/json' };
const auth = { ...json, Authorization: basic() };

describe('emulator: POST /api/v2/token', () => {
  it('answers 201 with a realistic body: echo with defaults, authToken ≤ 40, scanRef, redirectUrl, allowedDocuments', async () => {
    await withEmulator({}, async (emulator) => {
      const body = { clientId: 'user-1', firstName: 'Žemaitė', lastName: 'Smith', country: 'lt', documents: ['ID_CARD', 'PASSPORT'], sessionLength: 900 };
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: JSON.stringify(body) });
      assert.equal(res.status, 201);
      assert.match(res.headers['content-type'] ?? '', /application\/json/);
      const answer = res.json;
      assert.equal(answer.clientId, 'user-1');
      assert.equal(answer.firstName, 'ŽEMAITĖ', 'iDenfy upper-cases names');
      assert.equal(answer.lastName, 'SMITH');
      assert.equal(typeof answer.authToken, 'string');
      assert.ok(answer.authToken.length > 0 && answer.authToken.length <= 40);
      assert.match(answer.scanRef, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(answer.redirectUrl, `${emulator.url}/api/v2/redirect?authToken=${answer.authToken}`);
      assert.equal(answer.digitString, null, 'no digit string unless generateDigitString');
      assert.equal(answer.tokenType, 'IDENTIFICATION');
      assert.equal(answer.expiryTime, DEFAULT_SETTINGS.account.digitStringMaxExpiry, 'the account default expiry');
      assert.equal(answer.sessionLength, 900);
      assert.equal(typeof answer.message, 'string');
      assert.deepEqual(answer.allowedDocuments, { LT: ['ID_CARD', 'PASSPORT'] });
      assert.equal(emulator.stats.tokensIssued, 1);
    });
  });

  it('gives an 8-digit digitString when generateDigitString is true, and serves the redirect page for the token', async () => {
    await withEmulator({}, async (emulator) => {
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"u","generateDigitString":true}' });
      assert.equal(res.status, 201);
      assert.match(res.json.digitString, /^\d{8}$/);
      assert.deepEqual(res.json.allowedDocuments, { ALL: ['ID_CARD', 'PASSPORT', 'RESIDENCE_PERMIT', 'DRIVER_LICENSE'] });
      const page = await rawRequest(res.json.redirectUrl, { method: 'GET' });
      assert.equal(page.status, 200);
      assert.match(page.text, /"u"/);
      const unknown = await rawRequest(`${emulator.url}/api/v2/redirect?authToken=nope`, { method: 'GET' });
      assert.equal(unknown.status, 404);
    });
  });

  it('401 "Invalid authorization credentials" (no identifier) for a missing, non-Basic, malformed or wrong Authorization', async () => {
    await withEmulator({}, async (emulator) => {
      const url = `${emulator.url}/api/v2/token`;
      const cases: Record<string, string | undefined> = {
        missing: undefined,
        bearer: `Bearer ${KEY}`,
        'no colon': 'Basic ' + Buffer.from(KEY).toString('base64'),
        'wrong secret': basic(KEY, 'wrong'),
        'trailing space in secret': basic(KEY, SECRET + ' '),
        garbage: 'Basic !!!',
      };
      for (const [name, header] of Object.entries(cases)) {
        const res = await rawRequest(url, { headers: { ...json, ...(header ? { Authorization: header } : {}) }, body: '{"clientId":"a"}' });
        assert.equal(res.status, 401, name);
        assert.deepEqual(res.json, { message: 'Invalid authorization credentials' }, name);
      }
      assert.equal(emulator.stats.tokensIssued, 0);
    });
  });

  it('403 for an inactive partner and for a key of an environment the endpoint does not serve', async () => {
    await withEmulator({ credentials: [{ apiKey: KEY, apiSecret: SECRET, active: false }] }, async (emulator) => {
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { message: 'Partner inactive' });
    });
    await withEmulator({ credentials: [{ apiKey: KEY, apiSecret: SECRET, environment: 'TEST' }], environments: ['PROD'] }, async (emulator) => {
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, { message: 'This endpoint is not available for TEST partners.' });
    });
  });

  it('405 METHOD_NOT_ALLOWED for GET, 404 elsewhere', async () => {
    await withEmulator({}, async (emulator) => {
      const get = await rawRequest(`${emulator.url}/api/v2/token`, { method: 'GET', headers: { Authorization: basic() } });
      assert.equal(get.status, 405);
      assert.equal(get.json.identifier, 'METHOD_NOT_ALLOWED');
      assert.equal(get.headers.allow, 'POST');
      const other = await rawRequest(`${emulator.url}/api/v3/other`, { headers: auth, body: '{}' });
      assert.equal(other.status, 404);
    });
  });

  it('answers the parsing errors of the spec', async () => {
    await withEmulator({}, async (emulator) => {
      const url = `${emulator.url}/api/v2/token`;
      const expect = async (body: string | Buffer, identifier: string, message: string | RegExp) => {
        const res = await rawRequest(url, { headers: auth, body });
        assert.equal(res.status, 400, String(body));
        assert.equal(res.json.identifier, identifier, String(body));
        if (typeof message === 'string') assert.equal(res.json.message, message);
        else assert.match(res.json.message, message);
      };
      await expect('', 'JSON_ERROR', 'An error occurred while parsing/constructing JSON');
      await expect('["ID_CARD"]', 'BAD_VALUE', 'Invalid data. Expected a dictionary, but got list.');
      await expect('"clientId"', 'BAD_VALUE', 'Invalid data. Expected a dictionary, but got str.');
      await expect('null', 'MISSING_VALUE', 'Some of required values are missing');
      await expect('{"clientId": ', 'JSON_ERROR', /JSON parse error/);
      await expect('{"clientId": "a", // comment\n}', 'JSON_ERROR', /JSON parse error/);
      await expect(Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), 'ENCODING_ERROR', /UTF-8/);
      assert.equal(emulator.stats.tokensIssued, 0);
    });
  });

  it('applies the field and combination rules through the same core, naming the field in the message', async () => {
    await withEmulator({}, async (emulator) => {
      const url = `${emulator.url}/api/v2/token`;
      const post = (body: object) => rawRequest(url, { headers: auth, body: JSON.stringify(body) });
      const country = await post({ clientId: 'a', country: 'XX' });
      assert.equal(country.status, 400);
      assert.equal(country.json.identifier, 'BAD_VALUE');
      assert.match(country.json.message, /^Field 'country' must be /);
      const missing = await post({ firstName: 'A' });
      assert.equal(missing.json.identifier, 'MISSING_VALUE');
      assert.match(missing.json.message, /^Field 'clientId' is required/);
      const combination = await post({ clientId: 'a', utilityBill: true, additionalSteps: { ALL: { ALL: { UTILITY_BILL: {} } } } });
      assert.equal(combination.json.identifier, 'VALIDATION_ERROR');
      assert.match(combination.json.message, /^Field '(utilityBill|additionalSteps)'/);
      const item = await post({ clientId: 'a', documents: ['ID_CARD', 'PASPORT'] });
      assert.equal(item.json.identifier, 'BAD_VALUE');
      assert.match(item.json.message, /^Field 'documents\[1\]' must /);
      const bool = await post({ clientId: 'a', showInstructions: 'true' });
      assert.match(bool.json.message, /^Field 'showInstructions' must be true or false/);
      // Warnings and notes are not rejections: an unknown key still gets a token.
      const unknownKey = await post({ clientId: 'a', clientID: 'b' });
      assert.equal(unknownKey.status, 201);
    });
  });

  it('applies account rules from its settings', async () => {
    await withEmulator({ settings: { 'idenfy.account.customCallbackUrl': false } }, async (emulator) => {
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a","callbackUrl":"https://example.com/cb"}' });
      assert.equal(res.status, 400);
      assert.equal(res.json.identifier, 'PERMISSIONS_ERROR');
    });
  });

  it('accepts exactly the official examples the extension finds no error in', async () => {
    const dir = fixturePath('official');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    assert.ok(files.length >= 10);
    await withEmulator({}, async (emulator) => {
      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        const errors = analyzeJson({ text, allowComments: false, isPayloadFile: true }, DEFAULT_SETTINGS).findings.filter((f) => f.severity === 'error');
        const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: text });
        assert.equal(res.status, errors.length ? 400 : 201, file);
        if (errors.length) assert.equal(res.json.identifier, errors[0].code, file);
      }
    });
  });

  it('402 once the credits run out', async () => {
    await withEmulator({ credits: 1 }, async (emulator) => {
      const first = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(first.status, 201);
      const second = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(second.status, 402);
      assert.deepEqual(second.json, { message: 'Action not allowed due to lack of funds or exceeded limit.' });
      assert.equal(emulator.stats.creditsLeft, 0);
    });
  });

  it('429 TOO_MANY_REQUESTS with Retry-After after the configured number of requests', async () => {
    await withEmulator({ rateLimit: { limit: 2, windowSeconds: 60 } }, async (emulator) => {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 429]);
      assert.equal(last!.json.identifier, 'TOO_MANY_REQUESTS');
      const seconds = Number(last!.headers['retry-after']);
      assert.ok(seconds >= 1 && seconds <= 60, String(seconds));
    });
    await withEmulator({ rateLimit: { limit: 0, retryAfter: 'http-date' } }, async (emulator) => {
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(res.status, 429);
      assert.ok(Date.parse(String(res.headers['retry-after'])) > Date.now());
    });
  });

  it('injects 500 INTERNAL_ERROR for the next N requests', async () => {
    await withEmulator({ internalErrors: 2 }, async (emulator) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' })).status);
      assert.deepEqual(statuses, [500, 500, 201]);
      emulator.failNext(1);
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.deepEqual(res.json, { identifier: 'INTERNAL_ERROR', message: 'Internal server error.' });
    });
  });

  it('limits the body size (413) and keeps serving', async () => {
    await withEmulator({ maxBodyBytes: 1024 }, async (emulator) => {
      const big = JSON.stringify({ clientId: 'a', address: 'x'.repeat(5000) });
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: big });
      assert.equal(res.status, 413);
      const ok = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(ok.status, 201);
    });
  });

  it('survives garbage on the socket and keeps serving', async () => {
    await withEmulator({}, async (emulator) => {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(emulator.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      assert.match(answer, /^HTTP\/1\.1 400/);
      const ok = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"a"}' });
      assert.equal(ok.status, 201);
    });
  });

  it('listens on loopback only', async () => {
    await assert.rejects(createEmulator({ host: '0.0.0.0' }), /loopback/);
    await assert.rejects(createEmulator({ host: '192.168.1.10' }), /loopback/);
    const emulator = await createEmulator({});
    try {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await emulator.close();
    }
  });
});
