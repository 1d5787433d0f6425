import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExchange, maskSecrets, maskValue, presentResult } from '../../../client/send';
import { KEY, SECRET, send, withEmulator } from './helpers';

const base64 = Buffer.from(`${KEY}:${SECRET}`).toString('base64');

describe('masking', () => {
  it('maskValue keeps the first 4 characters of long values and hides short ones', () => {
    assert.equal(maskValue('abcdefghijklmnop'), 'abcd…');
    assert.equal(maskValue('12345678'), '••••••');
    assert.equal(maskValue('abcdefghijklmnop', 0), '••••••');
  });

  it('maskSecrets masks every form of a secret: as is, trimmed, JSON-escaped, URL-encoded', () => {
    const secret = ' se"cr/et+value ';
    const text = `raw=${secret}| trimmed=${secret.trim()}| json=${JSON.stringify(secret.trim())}| url=${encodeURIComponent(secret.trim())}`;
    const masked = maskSecrets(text, [{ value: secret, keep: 0 }]);
    assert.ok(!masked.includes('cr/et'), masked);
    assert.ok(!masked.includes(encodeURIComponent('cr/et')), masked);
    assert.ok(!masked.includes('cr\\/et') && !masked.includes('se\\"cr'), masked);
    assert.equal(maskSecrets('nothing here', ['', undefined, null]), 'nothing here');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    assert.equal(maskSecrets('token=abcdefghijklmnopqrstuvwx', ['abcdefghijklmnop', 'abcdefghijklmnopqrstuvwx']), 'token=abcd…');
  });

  it('the rendered exchange of a 201 holds no key, secret, Authorization value, authToken or digitString', async () => {
    await withEmulator({}, async (emulator) => {
      const result = await send(emulator, '{"clientId":"user-1","generateDigitString":true}');
      assert.equal(result.kind, 'success');
      if (result.kind !== 'success') return;
      const text = formatExchange(result.exchange, { apiKey: KEY, apiSecret: SECRET }, result);
      for (const secret of [KEY, SECRET, base64, result.authToken, result.digitString!]) assert.ok(!text.includes(secret), `leaked ${secret}`);
      assert.match(text, /POST http:\/\/127\.0\.0\.1:\d+\/api\/v2\/token/);
      assert.match(text, /Authorization: Basic •••••• \(API key test…\)/);
      assert.match(text, /HTTP 201/);
      assert.match(text, /"authToken": "[A-Za-z0-9]{4}…"/);
      assert.match(text, /"digitString": "••••••"/);
      assert.match(text, /redirect\?authToken=[A-Za-z0-9]{4}…/);
      assert.match(text, /"clientId": "user-1"/, 'the payload itself is shown');
      assert.match(text, /Result: token created/);
      // The exchange object itself never holds the credentials.
      const raw = JSON.stringify(result.exchange);
      for (const secret of [KEY, SECRET, base64]) assert.ok(!raw.includes(secret));
    });
  });

  it('masks credentials that appear in a failed exchange, including inside the payload and error bodies', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.script({ status: 400, body: { identifier: 'BAD_VALUE', message: `Field 'externalRef' is bad: ${KEY}` } });
      const result = await send(emulator, JSON.stringify({ clientId: 'a', externalRef: SECRET }));
      const text = formatExchange(result.exchange, { apiKey: KEY, apiSecret: SECRET }, result);
      assert.ok(!text.includes(KEY) && !text.includes(SECRET), text);
      assert.match(text, /BAD_VALUE/);
    });
  });

  it('the notification of a success shows the authToken (by design), the output does not', async () => {
    await withEmulator({}, async (emulator) => {
      const result = await send(emulator, '{"clientId":"u"}');
      assert.equal(result.kind, 'success');
      if (result.kind !== 'success') return;
      assert.ok(presentResult(result).message.includes(result.authToken));
      assert.ok(!formatExchange(result.exchange, { apiKey: KEY, apiSecret: SECRET }).includes(result.authToken));
    });
  });

  it('shows the retries and their waits, and cuts off huge bodies', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(1, { status: 429, retryAfter: '1' });
      const result = await send(emulator, '{"clientId":"a"}');
      const text = formatExchange(result.exchange, { apiKey: KEY, apiSecret: SECRET }, result);
      assert.match(text, /attempt 1 .*\n(.*\n)*HTTP 429/);
      assert.match(text, /retrying after 1000 ms \(429 TOO_MANY_REQUESTS\)/);
      assert.match(text, /attempt 2/);
      const big = formatExchange({ ...result.exchange, requestBody: 'x'.repeat(100) }, { maxBodyChars: 10 });
      assert.match(big, /90 more characters not shown/);
    });
  });
});
