import assert from 'node:assert/strict';
import type { LookupFunction } from 'node:net';
import { describe, it } from 'node:test';
import { AttemptEvent, sendTokenRequest, SendResult } from '../../../client/send';
import { answersInOrder, basic, closedPort, KEY, recordingSleep, SECRET, send, withEmulator, withRawServer } from './helpers';

function expectKind<K extends SendResult['kind']>(result: SendResult, kind: K): Extract<SendResult, { kind: K }> {
  assert.equal(result.kind, kind, `expected ${kind}, got ${result.kind}: ${'message' in result ? result.message : ''}`);
  return result as Extract<SendResult, { kind: K }>;
}

describe('sendTokenRequest against the emulator', () => {
  it('POSTs the body byte for byte with Basic auth and application/json, and reads a 201', async () => {
    await withEmulator({}, async (emulator) => {
      const bodyText = '{\n  "clientId": "user-ž-1",\n  "firstName": "Jonas",   "generateDigitString": true\n}';
      const result = expectKind(await send(emulator, bodyText), 'success');
      const received = emulator.stats.received[0];
      assert.equal(received.method, 'POST');
      assert.equal(received.path, '/api/v2/token');
      assert.equal(received.headers.authorization, basic());
      assert.equal(received.headers['content-type'], 'application/json');
      assert.ok(received.body.equals(Buffer.from(bodyText, 'utf8')), 'the body arrives exactly as given');
      assert.equal(result.status, 201);
      assert.equal(result.attempts, 1);
      assert.equal(result.clientId, 'user-ž-1');
      assert.ok(result.authToken.length <= 40);
      assert.equal(result.scanRef, result.body.scanRef);
      assert.match(result.digitString ?? '', /^\d{8}$/);
      assert.equal(result.verificationUrl, result.redirectUrl, "the answer's loopback redirectUrl is used");
    });
  });

  it('keeps a path prefix of the base URL and accepts a base URL that already ends in /api/v2/token', async () => {
    await withEmulator({}, async (emulator) => {
      expectKind(await send(emulator, '{"clientId":"a"}', { baseUrl: `${emulator.url}/api/v2/token/` }), 'success');
      assert.equal(emulator.stats.received[0].path, '/api/v2/token');
    });
  });

  it("an error body: identifier, message, the field it names and the catalogue's explanation; 400 is not retried", async () => {
    await withEmulator({}, async (emulator) => {
      const result = expectKind(await send(emulator, '{"clientId":"a","country":"XX"}'), 'api-error');
      assert.equal(result.status, 400);
      assert.equal(result.identifier, 'BAD_VALUE');
      assert.match(result.message, /^Field 'country' must be/);
      assert.equal(result.field, 'country');
      assert.equal(result.known, true);
      assert.match(result.explanation, /invalid value/);
      assert.equal(result.retryable, false);
      assert.equal(emulator.stats.requests, 1);
    });
  });

  it('each parsing error comes back as an api-error with its identifier, never retried', async () => {
    await withEmulator({}, async (emulator) => {
      const cases: Array<[string, string]> = [
        ['', 'JSON_ERROR'],
        ['[]', 'BAD_VALUE'],
        ['null', 'MISSING_VALUE'],
        ['{"clientId":', 'JSON_ERROR'],
        ['{}', 'MISSING_VALUE'],
      ];
      for (const [body, identifier] of cases) {
        const result = expectKind(await send(emulator, body), 'api-error');
        assert.equal(result.identifier, identifier, body);
      }
      assert.equal(emulator.stats.requests, cases.length);
      const empty = expectKind(await send(emulator, ''), 'api-error');
      assert.match(empty.explanation, /empty request body/i, "the catalogue's status message explains it");
    });
  });

  it('401, 402 and 403 are explained from the catalogue and never retried', async () => {
    const sleep = recordingSleep();
    await withEmulator({}, async (emulator) => {
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { apiSecret: 'wrong', sleep: sleep.sleep }), 'status-error');
      assert.equal(result.status, 401);
      assert.equal(result.message, 'Invalid authorization credentials');
      assert.match(result.explanation, /trailing whitespace/);
      assert.equal(emulator.stats.requests, 1);
    });
    await withEmulator({ credits: 0 }, async (emulator) => {
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { sleep: sleep.sleep }), 'status-error');
      assert.equal(result.status, 402);
      assert.match(result.explanation, /not a rate limit/);
      assert.equal(emulator.stats.requests, 1);
    });
    await withEmulator({ credentials: [{ apiKey: KEY, apiSecret: SECRET, active: false }] }, async (emulator) => {
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { sleep: sleep.sleep }), 'status-error');
      assert.equal(result.status, 403);
      assert.equal(result.message, 'Partner inactive');
      assert.match(result.explanation, /disabled/);
      assert.equal(emulator.stats.requests, 1);
    });
    await withEmulator({ credentials: [{ apiKey: KEY, apiSecret: SECRET, environment: 'TEST' }], environments: ['PROD'] }, async (emulator) => {
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { sleep: sleep.sleep }), 'status-error');
      assert.equal(result.message, 'This endpoint is not available for TEST partners.');
      assert.match(result.explanation, /another environment/);
      assert.equal(emulator.stats.requests, 1);
    });
    assert.deepEqual(sleep.delays, [], 'no retry ever waited');
  });

  it('never retries 400/401/402/403 even when scripted with a retryable identifier', async () => {
    await withEmulator({}, async (emulator) => {
      for (const status of [400, 401, 402, 403]) {
        emulator.script({ status, body: { identifier: 'INTERNAL_ERROR', message: 'x' } });
        const result = expectKind(await send(emulator, '{"clientId":"a"}'), 'api-error');
        assert.equal(result.retryable, false, String(status));
      }
      assert.equal(emulator.stats.requests, 4);
    });
  });

  it('retries 500 INTERNAL_ERROR with exponential back-off and jitter, then succeeds', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(3);
      const sleep = recordingSleep();
      const events: AttemptEvent[] = [];
      const result = expectKind(
        await send(emulator, '{"clientId":"a"}', { initialRetryDelayMs: 100, maxRetries: 3, sleep: sleep.sleep, random: () => 0.5, onAttempt: (e) => events.push(e) }),
        'success',
      );
      assert.equal(result.attempts, 4);
      assert.equal(emulator.stats.requests, 4);
      // equal jitter: base/2 + random × base/2 with base = 100 × 2^(n-1)
      assert.deepEqual(sleep.delays, [75, 150, 300]);
      assert.deepEqual(
        events.map((e) => e.type),
        ['request', 'wait', 'request', 'wait', 'request', 'wait', 'request'],
      );
      const firstWait = events[1] as Extract<AttemptEvent, { type: 'wait' }>;
      assert.equal(firstWait.reason, '500 INTERNAL_ERROR');
      assert.equal(firstWait.nextAttempt, 2);
      assert.equal(result.exchange.attempts[0].retryDelayMs, 75);
    });
  });

  it('jitter stays within [base/2, base] and the delay is capped', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(2);
      const low = recordingSleep();
      await send(emulator, '{"clientId":"a"}', { initialRetryDelayMs: 1000, sleep: low.sleep, random: () => 0 });
      assert.deepEqual(low.delays, [500, 1000]);
      emulator.failNext(3);
      const high = recordingSleep();
      await send(emulator, '{"clientId":"a"}', { initialRetryDelayMs: 1000, maxRetryDelayMs: 1500, sleep: high.sleep, random: () => 0.999999 });
      assert.deepEqual(high.delays, [1000, 1500, 1500]);
    });
  });

  it('honours Retry-After in seconds on 429', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(2, { status: 429, retryAfter: '2' });
      const sleep = recordingSleep();
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { initialRetryDelayMs: 10, sleep: sleep.sleep }), 'success');
      assert.deepEqual(sleep.delays, [2000, 2000]);
      assert.equal(result.attempts, 3);
    });
  });

  it("honours Retry-After as an HTTP date, and the emulator's own rate limit", async () => {
    await withEmulator({}, async (emulator) => {
      const now = Date.UTC(2030, 0, 1, 12, 0, 0);
      emulator.failNext(1, { status: 429, retryAfter: new Date(now + 7000).toUTCString() });
      const sleep = recordingSleep();
      expectKind(await send(emulator, '{"clientId":"a"}', { sleep: sleep.sleep, now: () => now }), 'success');
      assert.deepEqual(sleep.delays, [7000]);
    });
    await withEmulator({ rateLimit: { limit: 1, windowSeconds: 30 } }, async (emulator) => {
      expectKind(await send(emulator, '{"clientId":"a"}'), 'success');
      const sleep = recordingSleep();
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { maxRetries: 2, sleep: sleep.sleep }), 'api-error');
      assert.equal(result.identifier, 'TOO_MANY_REQUESTS');
      assert.equal(result.gaveUp, 'retries-exhausted');
      assert.equal(sleep.delays.length, 2);
      for (const delay of sleep.delays) assert.ok(delay >= 1000 && delay <= 30_000, String(delay));
    });
  });

  it('does not wait for a Retry-After longer than the bound; says how long was asked', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(1, { status: 429, retryAfter: '3600' });
      const sleep = recordingSleep();
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { sleep: sleep.sleep }), 'api-error');
      assert.equal(result.gaveUp, 'retry-after-too-long');
      assert.equal(result.retryAfterMs, 3_600_000);
      assert.deepEqual(sleep.delays, []);
      assert.equal(emulator.stats.requests, 1);
    });
  });

  it('retries a bounded number of times, then reports the last answer', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(50);
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { maxRetries: 2 }), 'api-error');
      assert.equal(result.identifier, 'INTERNAL_ERROR');
      assert.equal(result.gaveUp, 'retries-exhausted');
      assert.equal(result.attempts, 3);
      assert.equal(emulator.stats.requests, 3);
      const none = expectKind(await send(emulator, '{"clientId":"a"}', { maxRetries: 0 }), 'api-error');
      assert.equal(none.attempts, 1);
      assert.equal(emulator.stats.requests, 4);
      const clamped = await send(emulator, '{"clientId":"a"}', { maxRetries: 1000 });
      assert.equal(clamped.attempts, 11, 'at most 10 retries');
    });
  });

  it('retries 502/503/504 gateway pages (HTML), then succeeds', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.script({ status: 502 }, { status: 503 }, { status: 504 });
      const result = expectKind(await send(emulator, '{"clientId":"a"}'), 'success');
      assert.equal(result.attempts, 4);
      emulator.failNext(10, { status: 503 });
      const failed = expectKind(await send(emulator, '{"clientId":"a"}', { maxRetries: 1 }), 'invalid-response');
      assert.equal(failed.status, 503);
      assert.equal(failed.gaveUp, 'retries-exhausted');
      assert.match(failed.message, /HTML page/);
    });
  });

  it('cancels while waiting for a retry (real timers), sending nothing more', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.failNext(5);
      const abort = new AbortController();
      const started = Date.now();
      const result = await sendTokenRequest({
        baseUrl: emulator.url,
        apiKey: KEY,
        apiSecret: SECRET,
        bodyText: '{"clientId":"a"}',
        initialRetryDelayMs: 20_000,
        signal: abort.signal,
        onAttempt: (e) => {
          if (e.type === 'wait') setTimeout(() => abort.abort(), 20);
        },
      });
      expectKind(result, 'cancelled');
      assert.ok(Date.now() - started < 5000, 'the wait ended at once');
      assert.equal(emulator.stats.requests, 1);
      assert.equal(result.attempts, 1);
    });
  });

  it('cancels an attempt in flight, and sends nothing when already cancelled', async () => {
    await withEmulator({ delayMs: 10_000 }, async (emulator) => {
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 50);
      const started = Date.now();
      expectKind(await send(emulator, '{"clientId":"a"}', { signal: abort.signal, timeoutMs: 30_000 }), 'cancelled');
      assert.ok(Date.now() - started < 5000);
      const aborted = AbortSignal.abort();
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { signal: aborted }), 'cancelled');
      assert.equal(result.attempts, 0);
      assert.equal(emulator.stats.requests, 1);
    });
  });

  it('times out per attempt and does not retry (the token may exist)', async () => {
    await withEmulator({ delayMs: 3000 }, async (emulator) => {
      const started = Date.now();
      const result = expectKind(await send(emulator, '{"clientId":"a"}', { timeoutMs: 200 }), 'network-error');
      assert.equal(result.reason, 'timeout');
      assert.match(result.message, /within 0\.2 s/);
      assert.match(result.message, /may or may not have been created/);
      assert.ok(Date.now() - started < 2500);
      assert.equal(result.attempts, 1);
    });
  });
});

describe('sendTokenRequest: failures below HTTP and odd answers', () => {
  it('connection refused on a closed port', async () => {
    const port = await closedPort();
    const result = expectKind(await sendTokenRequest({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'network-error');
    assert.equal(result.reason, 'connection-refused');
    assert.equal(result.code, 'ECONNREFUSED');
    assert.match(result.message, /nothing listens there/);
    assert.match(result.message, /emulator/);
  });

  it('a DNS failure (resolution injected, nothing leaves loopback)', async () => {
    const lookup = ((hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null) => void) => {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
    }) as unknown as LookupFunction;
    const result = expectKind(await sendTokenRequest({ baseUrl: 'https://ivs.idenfy.invalid', apiKey: KEY, apiSecret: SECRET, bodyText: '{}', lookup }), 'network-error');
    assert.equal(result.reason, 'dns');
    assert.match(result.message, /ivs\.idenfy\.invalid could not be resolved \(ENOTFOUND\)/);
  });

  it('a TLS failure: https:// to a plain-http server', async () => {
    await withEmulator({}, async (emulator) => {
      const result = expectKind(await send(emulator, '{}', { baseUrl: emulator.url.replace('http:', 'https:') }), 'network-error');
      assert.equal(result.reason, 'tls');
      assert.match(result.message, /TLS/);
    });
  });

  it('a connection reset before the answer', async () => {
    await withEmulator({}, async (emulator) => {
      emulator.script({ status: 500, destroy: true });
      const result = expectKind(await send(emulator, '{"clientId":"a"}'), 'network-error');
      assert.equal(result.reason, 'reset');
      assert.equal(emulator.stats.requests, 1, 'a reset is not retried');
    });
  });

  it('non-JSON answers: an HTML 200, a plain-text 400, an empty 201, a 201 without authToken', async () => {
    const answers = [
      { status: 200, type: 'text/html', body: '<!doctype html><title>Login</title>' },
      { status: 400, type: 'text/plain', body: 'Bad Request' },
      { status: 201, type: 'application/json', body: '' },
      { status: 201, type: 'application/json', body: '{"message":"ok"}' },
    ];
    await withRawServer(answersInOrder(answers), async (url) => {
      const html = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-response');
      assert.match(html.message, /HTTP 200\) is an HTML page/);
      const text = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-response');
      assert.match(text.message, /not JSON/);
      assert.equal(text.preview, 'Bad Request');
      const empty = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-response');
      assert.match(empty.message, /empty body/);
      const noToken = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-response');
      assert.match(noToken.message, /no authToken/);
    });
  });

  it('a plain-text catalogue message and a {"detail"} body are still explained', async () => {
    const answers = [
      { status: 401, body: 'Invalid authorization credentials', type: 'text/plain' },
      { status: 403, body: '{"detail":"Partner inactive"}', type: 'application/json' },
    ];
    await withRawServer(answersInOrder(answers), async (url) => {
      const plain = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'status-error');
      assert.equal(plain.status, 401);
      assert.match(plain.explanation, /wrong/);
      const detail = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'status-error');
      assert.equal(detail.message, 'Partner inactive');
    });
  });

  it('does not follow redirects (credentials never go to another URL)', async () => {
    let requests = 0;
    await withRawServer(
      (req, res) => {
        requests++;
        req.resume();
        res.writeHead(301, { Location: 'https://elsewhere.example/api/v2/token' });
        res.end();
      },
      async (url) => {
        const result = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'status-error');
        assert.equal(result.status, 301);
        assert.equal(result.location, 'https://elsewhere.example/api/v2/token');
        assert.match(result.explanation, /does not follow/);
        assert.equal(requests, 1);
      },
    );
  });

  it('stops reading an answer larger than 1 MB', async () => {
    await withRawServer(
      (req, res) => {
        req.resume();
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(`{"authToken":"${'a'.repeat(2 * 1024 * 1024)}"}`);
      },
      async (url) => {
        const result = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-response');
        assert.match(result.message, /larger than 1 MB/);
        assert.equal(result.exchange.attempts[0].responseTruncated, true);
      },
    );
  });

  it('sends nothing for a base URL or credentials it cannot use', async () => {
    let requests = 0;
    await withRawServer(
      (req, res) => {
        requests++;
        req.resume();
        res.end();
      },
      async (url) => {
        const insecure = expectKind(await sendTokenRequest({ baseUrl: 'http://example.com', apiKey: KEY, apiSecret: SECRET, bodyText: '{}' }), 'invalid-request');
        assert.match(insecure.message, /https/);
        assert.equal(insecure.attempts, 0);
        const empty = expectKind(await sendTokenRequest({ baseUrl: url, apiKey: '', apiSecret: SECRET, bodyText: '{}' }), 'invalid-request');
        assert.match(empty.message, /API key is empty/);
        assert.equal(requests, 0);
      },
    );
  });
});
