import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeBrowserLink, tokenEndpointUrl, validateBaseUrl, verificationLink } from '../../../core';
import { basicAuthorization, checkCredentials, pickCredentials } from '../../../client/send';

describe('validateBaseUrl', () => {
  const ok = (text: string) => {
    const result = validateBaseUrl(text);
    assert.ok(result.ok, `${text}: ${!result.ok ? result.message : ''}`);
    return result.url;
  };
  const bad = (text: string, pattern: RegExp) => {
    const result = validateBaseUrl(text);
    assert.ok(!result.ok, text);
    assert.match(result.message, pattern, text);
  };

  it('accepts https and loopback http', () => {
    assert.equal(tokenEndpointUrl(ok('https://ivs.idenfy.com')).href, 'https://ivs.idenfy.com/api/v2/token');
    assert.equal(tokenEndpointUrl(ok('  https://ivs.idenfy.com/  ')).href, 'https://ivs.idenfy.com/api/v2/token');
    assert.equal(tokenEndpointUrl(ok('https://proxy.example/idenfy/')).href, 'https://proxy.example/idenfy/api/v2/token');
    assert.equal(tokenEndpointUrl(ok('https://ivs.idenfy.com/api/v2/token')).href, 'https://ivs.idenfy.com/api/v2/token');
    for (const text of ['http://127.0.0.1:8089', 'http://127.5.6.7', 'http://localhost:3000', 'http://LOCALHOST', 'http://[::1]:8089', 'http://127.1:9000']) ok(text);
  });

  it('refuses http elsewhere, other schemes, credentials, queries and garbage', () => {
    bad('http://ivs.idenfy.com', /https:\/\//);
    bad('http://10.0.0.1', /loopback/);
    bad('http://128.0.0.1', /https/);
    bad('http://localhost.evil.com', /https/);
    bad('http://[::2]', /https/);
    bad('ftp://ivs.idenfy.com', /https/);
    bad('file:///etc/passwd', /https/);
    bad('https://key:secret@ivs.idenfy.com', /user name or password/);
    bad('https://ivs.idenfy.com/?x=1', /query/);
    bad('https://ivs.idenfy.com/#x', /fragment/);
    bad('ivs.idenfy.com', /not a valid URL/);
    bad('', /empty/);
    bad('   ', /empty/);
  });
});

describe('verification link', () => {
  it('uses a safe redirectUrl, else the documented redirect URL built from the token', () => {
    assert.equal(verificationLink('https://ivs.idenfy.com/api/v2/redirect?authToken=abc', 'abc'), 'https://ivs.idenfy.com/api/v2/redirect?authToken=abc');
    assert.equal(verificationLink('http://127.0.0.1:8089/api/v2/redirect?authToken=abc', 'abc'), 'http://127.0.0.1:8089/api/v2/redirect?authToken=abc');
    assert.equal(verificationLink(undefined, 'a b'), 'https://ivs.idenfy.com/api/v2/redirect?authToken=a%20b');
    for (const unsafe of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///x', 'http://evil.example/x', 'not a url']) {
      assert.equal(isSafeBrowserLink(unsafe), false, unsafe);
      assert.equal(verificationLink(unsafe, 'tok'), 'https://ivs.idenfy.com/api/v2/redirect?authToken=tok');
    }
  });
});

describe('credentials', () => {
  it('warns about leading/trailing whitespace without echoing the value', () => {
    const problems = checkCredentials(' k3y-value', 's3cret-value\n');
    assert.deepEqual(
      problems.map((p) => [p.credential, p.severity]),
      [
        ['apiKey', 'warning'],
        ['apiSecret', 'warning'],
      ],
    );
    assert.match(problems[0].message, /leading whitespace.*401/);
    assert.match(problems[1].message, /trailing whitespace/);
    assert.ok(problems.every((p) => !p.message.includes('s3cret') && !p.message.includes('k3y')));
    assert.match(checkCredentials('  k  ', 's')[0].message, /leading and trailing/);
  });

  it('errors for empty values; warns for inner control characters and a colon in the key', () => {
    assert.deepEqual(
      checkCredentials('', undefined).map((p) => p.severity),
      ['error', 'error'],
    );
    assert.match(checkCredentials('   ', 's')[0].message, /only whitespace/);
    assert.match(checkCredentials('ab\ncd', 's')[0].message, /control character/);
    assert.match(checkCredentials('a:b', 's')[0].message, /":"/);
    assert.deepEqual(checkCredentials('key', 'secret'), []);
    assert.deepEqual(checkCredentials('key', 'sec:ret'), [], 'a colon in the secret is fine');
  });

  it('picks secret storage first, then the environment, and only complete pairs', () => {
    const env = { IDENFY_API_KEY: 'ek', IDENFY_API_SECRET: 'es' };
    assert.deepEqual(pickCredentials({ apiKey: 'k', apiSecret: 's' }, env), { apiKey: 'k', apiSecret: 's', source: 'secret-storage' });
    assert.deepEqual(pickCredentials({ apiKey: 'k' }, env), { apiKey: 'ek', apiSecret: 'es', source: 'environment' });
    assert.equal(pickCredentials({}, { IDENFY_API_KEY: 'ek' }), undefined);
    assert.equal(pickCredentials({}, {}), undefined);
  });

  it('builds Basic auth from UTF-8 key:secret', () => {
    assert.equal(basicAuthorization('key', 'sëcret'), 'Basic ' + Buffer.from('key:sëcret', 'utf8').toString('base64'));
  });
});
