import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CATALOGUE, explainStatus, fieldFromMessage, STATUS_MESSAGES } from '../../../core';
import { errorsMessage, presentResult, sendTokenRequest, unknownsMessage } from '../../../client/send';
import { closedPort, KEY, SECRET, send, withEmulator } from './helpers';

describe('what the user is told', () => {
  it('finds the field an error message names', () => {
    assert.equal(fieldFromMessage("Field 'country' must be a valid ISO 3166-1 alpha-2 code."), 'country');
    assert.equal(fieldFromMessage('field "documents[1]" is wrong'), 'documents[1]');
    assert.equal(fieldFromMessage("Field 'additionalSteps.LT.ID_CARD': bad"), 'additionalSteps.LT.ID_CARD');
    assert.equal(fieldFromMessage('Partner inactive'), undefined);
    assert.equal(fieldFromMessage("Field 'a b' is odd"), undefined);
    assert.equal(fieldFromMessage(undefined), undefined);
  });

  it('explains statuses from the catalogue, without its Markdown', () => {
    const s401 = STATUS_MESSAGES.find((e) => e.status === 401)!;
    assert.ok(explainStatus(401, undefined).startsWith(s401.cause));
    assert.ok(!explainStatus(401, undefined).includes('`'));
    assert.match(explainStatus(403, undefined), /Partner inactive.*Or.*not available/);
    assert.match(explainStatus(403, 'This endpoint is not available for PROD partners.'), /another environment/);
    assert.match(explainStatus(429, undefined), new RegExp(ERROR_CATALOGUE.get('TOO_MANY_REQUESTS')!.meaning.slice(0, 20).replace(/[()]/g, '.')));
    assert.match(explainStatus(404, undefined, 'https://x/api/v2/token'), /idenfy\.baseUrl/);
  });

  it('a success offers the verification link and copying the token', async () => {
    await withEmulator({}, async (emulator) => {
      const p = presentResult(await send(emulator, '{"clientId":"a"}'));
      assert.equal(p.level, 'info');
      assert.deepEqual(p.actions, ['openVerificationLink', 'copyToken', 'showOutput']);
      assert.match(p.message, /authToken: \w+ · scanRef: [0-9a-f-]+/);
    });
  });

  it('an error body names identifier, message, explanation and the field for the diagnostic', async () => {
    await withEmulator({}, async (emulator) => {
      const p = presentResult(await send(emulator, '{"clientId":"a","sessionLength":5}'));
      assert.equal(p.level, 'error');
      assert.match(p.message, /^iDenfy answered 400 BAD_VALUE: Field 'sessionLength' must be an integer from 60 to 3600 seconds; got 5\. A parameter has an invalid value\./);
      assert.equal(p.field, 'sessionLength');
      assert.match(p.diagnostic!, /^iDenfy answered BAD_VALUE: Field 'sessionLength'/);
    });
  });

  it('401 offers to set the credentials; retries used up are said', async () => {
    await withEmulator({}, async (emulator) => {
      const p = presentResult(await send(emulator, '{"clientId":"a"}', { apiKey: 'wrong-key' }));
      assert.equal(p.actions[0], 'setCredentials');
      assert.match(p.message, /iDenfy answered 401 "Invalid authorization credentials"\. The API key or secret is missing or wrong\./);
      emulator.failNext(10);
      const retried = presentResult(await send(emulator, '{"clientId":"a"}', { maxRetries: 1 }));
      assert.match(retried.message, /Still failing after 2 attempts/);
    });
  });

  it('network failures point at the settings', async () => {
    const port = await closedPort();
    const p = presentResult(await sendTokenRequest({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }));
    assert.deepEqual(p.actions, ['openSettings', 'showOutput']);
    assert.match(p.message, /Connection refused/);
  });

  it('asks about computed values and errors in plain words', () => {
    const u = (path: string, kind: 'value' | 'entries' = 'value', description?: string) => ({ path, kind, description, segments: [], start: 0, end: 0 });
    assert.equal(
      unknownsMessage([u('clientId', 'value', 'member `user.id`')]),
      'One value of this payload is computed at run time: clientId (member `user.id`). Fill them in to send; nothing is sent as a guess.',
    );
    assert.match(unknownsMessage([u('a'), u('b'), u('c'), u('d'), u('e'), u('f'), u('', 'entries', 'a spread')]), /^7 values .* and 2 more\./);
    assert.equal(errorsMessage(1, 0), 'This payload has 1 error; iDenfy will probably reject it (400). Send anyway?');
    assert.equal(errorsMessage(2, 1), 'This payload has 2 errors and 1 warning; iDenfy will probably reject it (400). Send anyway?');
  });
});
