/**
 * Hostile input for the emulator (issue 13): what it cannot echo gets 400, and what it keeps stays bounded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, rawRequest, withEmulator } from '../client/send/helpers';

const auth = { 'Content-Type': 'application/json', Authorization: basic() };

describe('emulator: hostile bodies', () => {
  it('additionalData nested 50,000 levels: 400, no token issued (not a 500 from echoing it)', async () => {
    await withEmulator({}, async (emulator) => {
      const depth = 50_000;
      const body = `{"clientId":"u","additionalData":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
      const res = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body });
      assert.equal(res.status, 400);
      assert.equal(res.json.identifier, 'JSON_ERROR');
      assert.match(res.json.message, /nests deeper than \d+ levels/);
      assert.equal(emulator.stats.tokensIssued, 0);
      const ok = await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: '{"clientId":"u","additionalData":{"UTILITY_BILL":{"address":"x"}}}' });
      assert.equal(ok.status, 201, 'ordinary nesting still echoed');
    });
  });

  it('keeps the last requests bounded by bytes as well as by count', async () => {
    await withEmulator({ maxReceivedBytes: 2_500_000 }, async (emulator) => {
      const big = JSON.stringify({ clientId: 'u', externalRef: 'x'.repeat(1_000_000) });
      for (let i = 0; i < 5; i++) await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: big });
      const kept = emulator.stats.received.reduce((sum, r) => sum + r.body.length, 0);
      assert.ok(kept <= 2_500_000, `kept ${kept} bytes`);
      assert.equal(emulator.stats.received.length, 2, 'the newest ones');
      assert.equal(emulator.stats.requests, 5);
    });
  });

  it('a single body over the byte budget is kept cut, and marked so', async () => {
    await withEmulator({ maxReceivedBytes: 1000 }, async (emulator) => {
      await rawRequest(`${emulator.url}/api/v2/token`, { headers: auth, body: JSON.stringify({ clientId: 'u', externalRef: 'x'.repeat(5000) }) });
      assert.equal(emulator.stats.received.length, 1);
      assert.equal(emulator.stats.received[0].body.length, 1000);
      assert.equal(emulator.stats.received[0].bodyTruncated, true);
    });
  });

  it('keeps at most 100 requests', async () => {
    await withEmulator({}, async (emulator) => {
      for (let i = 0; i < 105; i++) await rawRequest(`${emulator.url}/api/v2/redirect?authToken=${i}`, { method: 'GET' });
      assert.equal(emulator.stats.received.length, 100);
    });
  });
});
