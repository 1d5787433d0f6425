import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEntry, HISTORY_STATE_KEY, SendHistory } from '../../client/history';
import type { MementoLike } from '../../client/profiles';
import { KEY, SECRET, send, withEmulator } from './send/helpers';

function fakeMemento(): MementoLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: <T>(key: string) => structuredClone(data.get(key)) as T | undefined, update: async (key, value) => void data.set(key, structuredClone(value)) };
}

describe('send history', () => {
  it('records real sends with profile, status and identifier, masked, newest first, at most 50', async () => {
    await withEmulator({}, async (emulator) => {
      const state = fakeMemento();
      const history = new SendHistory(state);
      const body = JSON.stringify({ clientId: 'history-1' });
      const ok = await send(emulator, body);
      assert.equal(ok.kind, 'success');
      const entry = await history.add({
        profile: 'DEV',
        endpoint: `${emulator.url}/api/v2/token`,
        bodyText: body,
        result: ok,
        credentials: { apiKey: KEY, apiSecret: SECRET },
        source: 'a.idenfy.json',
      });
      assert.equal(entry.kind, 'success');
      assert.equal(entry.status, 201);
      assert.equal(entry.profile, 'DEV');
      assert.equal(entry.bodyText, body);
      const token = ok.kind === 'success' ? ok.authToken : '';
      const stored = JSON.stringify(state.data.get(HISTORY_STATE_KEY));
      assert.ok(token.length > 8);
      assert.ok(!stored.includes(token), 'the authToken is masked in the history');
      assert.ok(!stored.includes(SECRET), 'the secret never reaches the history');
      assert.ok(!stored.includes(KEY), 'the API key is masked');
      assert.ok(!stored.includes(Buffer.from(`${KEY}:${SECRET}`).toString('base64')));
      assert.match(entry.maskedAnswer ?? '', /"authToken"/);

      const bad = await send(emulator, JSON.stringify({ clientId: 'history-2', country: 'XX' }));
      assert.equal(bad.kind, 'api-error');
      const second = await history.add({ profile: 'DEV', endpoint: `${emulator.url}/api/v2/token`, bodyText: '{}', result: bad, credentials: { apiKey: KEY, apiSecret: SECRET } });
      assert.equal(second.status, 400);
      assert.ok(second.identifier);
      assert.deepEqual(
        history.list().map((e) => e.id),
        [second.id, entry.id],
      );
      assert.match(describeEntry(second).label, new RegExp(second.identifier!));
      assert.match(describeEntry(entry).description, /^DEV · /);
      assert.equal(history.find(entry.id)?.bodyText, body);

      for (let i = 0; i < 55; i++) await history.add({ profile: 'DEV', endpoint: 'x', bodyText: '{}', result: ok, credentials: { apiKey: KEY, apiSecret: SECRET } });
      assert.equal(history.list().length, 50);
    });
  });
});
