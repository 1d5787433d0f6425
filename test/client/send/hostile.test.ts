/**
 * Masking under hostile answers (issue 13): every encoding of a credential, masked before any cut, in the output
 * and in the notification.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExchange, maskSecrets, presentResult } from '../../../client/send';
import { KEY, SECRET, send, withEmulator } from './helpers';

const BASIC = Buffer.from(`${KEY}:${SECRET}`).toString('base64');
/** A secret with characters every escaping scheme touches. */
const ODD_SECRET = `se/cr"et'x\\y+z é`;
const ODD_BASIC = Buffer.from(`${KEY}:${ODD_SECRET}`).toString('base64');

const uEscape = (text: string, all = false) => [...text].map((c) => (all || !/[A-Za-z0-9]/.test(c) ? [...c].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('') : c)).join('');
const shown = (text: string, secrets: string[]) => secrets.filter((s) => text.includes(s));

describe('masking every encoding of a secret', () => {
  const secrets = [
    { value: ODD_SECRET, keep: 0 },
    { value: ODD_BASIC, keep: 0 },
    { value: KEY, keep: 4 },
  ];
  const encodings: Record<string, string> = {
    raw: ODD_SECRET,
    'JSON-escaped': JSON.stringify(ODD_SECRET).slice(1, -1),
    'JSON with \\/': JSON.stringify(ODD_SECRET).slice(1, -1).replace(/\//g, '\\/'),
    'JSON \\u00XX for every character': uEscape(ODD_SECRET, true),
    'JSON \\u00XX upper-case hex': uEscape(ODD_SECRET, true).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h.toUpperCase()}`),
    'PHP json_encode (\\/ and \\u for non-ASCII)': ODD_SECRET.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\//g, '\\/').replace('é', '\\u00e9'),
    'PHP addslashes (\\\' and \\")': ODD_SECRET.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"'),
    'URL-encoded': encodeURIComponent(ODD_SECRET),
    'URL-encoded lower-case hex': encodeURIComponent(ODD_SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'Basic value': ODD_BASIC,
    'Basic value with \\/': ODD_BASIC.replace(/\//g, '\\/'),
    'Basic value \\u-escaped': uEscape(ODD_BASIC),
  };
  for (const [name, encoded] of Object.entries(encodings)) {
    it(`${name}`, () => {
      const masked = maskSecrets(`before ${encoded} after`, secrets);
      assert.equal(masked, 'before •••••• after', `${encoded} → ${masked}`);
    });
  }

  it('the API key keeps its first 4 characters in any encoding', () => {
    assert.equal(maskSecrets(`k=${uEscape(KEY, true)}`, secrets), `k=${KEY.slice(0, 4)}…`);
  });
});

describe('the output: masked, then cut', () => {
  it('a secret across the 64 KiB cut does not show its first part', async () => {
    await withEmulator({}, async (emulator) => {
      const cut = 64 * 1024;
      const padding = 'p'.repeat(cut - 10);
      emulator.script({ status: 400, body: `${padding}${SECRET}${KEY}` });
      const result = await send(emulator, '{"clientId":"a"}');
      const text = formatExchange(result.exchange, { apiKey: KEY, apiSecret: SECRET }, result);
      assert.ok(!text.includes(SECRET.slice(0, 10)), 'no prefix of the secret before the cut');
      assert.ok(!text.includes(KEY.slice(4, 12)));
    });
  });

  it('a non-JSON answer writing the Basic value with \\/ escapes is masked', async () => {
    await withEmulator({}, async (emulator) => {
      const slashy = Buffer.from(`${KEY}:${SECRET}?>>?`).toString('base64');
      assert.ok(slashy.includes('/'), 'test bug: the Basic value needs a /');
      emulator.script({ status: 500, body: `<pre>Authorization: Basic ${slashy.replace(/\//g, '\\/')} was rejected</pre>` });
      const secret = `${SECRET}?>>?`;
      const result = await send(emulator, '{"clientId":"a"}', { apiSecret: secret, maxRetries: 0 });
      const text = formatExchange(result.exchange, { apiKey: KEY, apiSecret: secret }, result);
      assert.deepEqual(shown(text, [slashy, slashy.replace(/\//g, '\\/'), slashy.slice(0, 20)]), [], text);
    });
  });
});

describe('the notification', () => {
  const cases: Record<string, (secret: string) => string | object> = {
    'api-error message': (s) => ({ identifier: 'BAD_VALUE', message: `Field 'clientId' is bad; your key ${KEY} and secret ${s}` }),
    'status-error message': (s) => ({ message: `Unauthorized for ${KEY}:${s}` }),
    'status-error plain text': (s) => `denied ${KEY} ${s}`,
    'JSON-escaped with \\/': (s) => ({ message: `denied ${JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')} ${BASIC.replace(/\//g, '\\/')}` }),
  };
  for (const [name, body] of Object.entries(cases)) {
    it(`masks credentials a server echoes (${name})`, async () => {
      await withEmulator({}, async (emulator) => {
        const status = name.startsWith('api') ? 400 : 401;
        emulator.script({ status, body: body(SECRET) });
        const result = await send(emulator, '{"clientId":"a"}', { maxRetries: 0 });
        assert.notEqual(result.kind, 'success');
        const presentation = presentResult(result);
        const visible = `${presentation.message}\n${presentation.diagnostic ?? ''}\n${JSON.stringify({ ...result, exchange: undefined })}`;
        assert.deepEqual(shown(visible, [SECRET, BASIC, KEY, SECRET.slice(0, 12)]), [], visible);
      });
    });
  }
});
