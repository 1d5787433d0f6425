import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkProfileName,
  DEFAULT_PROFILE,
  dummyStatusNote,
  hostNeedingApproval,
  isDevProfile,
  MementoLike,
  productionConfirmation,
  ProfileStore,
  SecretsLike,
  secretKeysFor,
} from '../../client/profiles';

/** In-memory stand-ins for vscode.Memento and vscode.SecretStorage (the storage interface only). */
function fakeStorage(): { state: MementoLike & { data: Map<string, unknown> }; secrets: SecretsLike & { data: Map<string, string> } } {
  const stateData = new Map<string, unknown>();
  const secretData = new Map<string, string>();
  return {
    state: { data: stateData, get: <T>(key: string) => structuredClone(stateData.get(key)) as T | undefined, update: async (key, value) => void stateData.set(key, structuredClone(value)) },
    secrets: { data: secretData, get: async (key) => secretData.get(key), store: async (key, value) => void secretData.set(key, value), delete: async (key) => void secretData.delete(key) },
  };
}

describe('ProfileStore', () => {
  it('starts with the Default profile on the original secret keys, so existing credentials stay active', async () => {
    const { state, secrets } = fakeStorage();
    await secrets.store('idenfy.apiKey', 'old-key');
    await secrets.store('idenfy.apiSecret', 'old-secret');
    const store = new ProfileStore(state, secrets);
    assert.deepEqual(store.list(), [DEFAULT_PROFILE]);
    assert.equal(store.active().id, 'default');
    assert.deepEqual(await store.credentials('default'), { apiKey: 'old-key', apiSecret: 'old-secret' });
    assert.deepEqual(secretKeysFor('default'), { apiKey: 'idenfy.apiKey', apiSecret: 'idenfy.apiSecret' });
  });

  it('adds, switches, renames and removes profiles; secrets only in secret storage', async () => {
    const { state, secrets } = fakeStorage();
    const store = new ProfileStore(state, secrets);
    let changes = 0;
    store.onDidChange(() => changes++);
    const dev = await store.add('DEV', false, { apiKey: 'dev-key', apiSecret: 'dev-secret' });
    const prod = await store.add('Production', true, { apiKey: 'prod-key', apiSecret: 'prod-secret' });
    assert.deepEqual(
      store.list().map((p) => p.name),
      ['Default', 'DEV', 'Production'],
    );
    assert.equal(store.active().id, 'default');
    await store.switchTo(prod.id);
    assert.equal(store.active().name, 'Production');
    assert.equal(store.active().production, true);
    assert.deepEqual(await store.credentials(prod.id), { apiKey: 'prod-key', apiSecret: 'prod-secret' });
    assert.ok(!JSON.stringify([...state.data.values()]).includes('secret'), 'no secret in globalState');
    assert.ok(!JSON.stringify([...state.data.values()]).includes('-key'), 'no key in globalState');

    assert.throws(() => checkProfileNameOrThrow('dev', store));
    await assert.rejects(store.add('dev', false), /exists already/);
    await store.update(dev.id, { name: 'Sandbox' });
    assert.equal(store.list().find((p) => p.id === dev.id)?.name, 'Sandbox');
    await assert.rejects(store.update(dev.id, { name: 'production' }), /exists already/);

    await store.remove(prod.id);
    assert.equal(secrets.data.has(secretKeysFor(prod.id).apiKey), false);
    assert.equal(secrets.data.has(secretKeysFor(prod.id).apiSecret), false);
    assert.equal(store.active().id, 'default', 'removing the active profile activates the first one');
    assert.ok(changes >= 5);

    // A new store on the same storage reads the same profiles (globalState persists).
    assert.deepEqual(
      new ProfileStore(state, secrets).list().map((p) => p.name),
      ['Default', 'Sandbox'],
    );
  });

  it('gives distinct ids and secret keys to names that slug alike', async () => {
    const { state, secrets } = fakeStorage();
    const store = new ProfileStore(state, secrets);
    const a = await store.add('Dev 1', false);
    const b = await store.add('dev-1!', false);
    assert.notEqual(a.id, b.id);
    assert.notDeepEqual(secretKeysFor(a.id), secretKeysFor(b.id));
    const c = await store.add('Default!', false);
    assert.notEqual(c.id, 'default');
  });

  it('makes the running emulator the active profile without storing it, and returns to the stored one when it stops', async () => {
    const { state, secrets } = fakeStorage();
    const store = new ProfileStore(state, secrets);
    const prod = await store.add('Production', true);
    await store.switchTo(prod.id);
    store.setEmulator({ baseUrl: 'http://127.0.0.1:5555', apiKey: 'emulator-api-key', apiSecret: 'emulator-api-secret' });
    assert.equal(store.active().name, 'Emulator');
    assert.equal(store.storedActive().id, prod.id);
    assert.deepEqual(await store.credentials('emulator'), { apiKey: 'emulator-api-key', apiSecret: 'emulator-api-secret' });
    assert.ok(!JSON.stringify([...state.data.values()]).includes('emulator'));
    await store.switchTo(prod.id);
    assert.equal(store.active().id, prod.id);
    await store.switchTo('emulator');
    assert.equal(store.active().name, 'Emulator');
    store.setEmulator(undefined);
    assert.equal(store.active().id, prod.id);
    await assert.rejects(store.switchTo('emulator'), /not running/);
  });

  it('removing the last profile leaves an empty Default', async () => {
    const { state, secrets } = fakeStorage();
    const store = new ProfileStore(state, secrets);
    await store.setCredentials('default', { apiKey: 'k', apiSecret: 's' });
    await store.remove('default');
    assert.deepEqual(store.list(), [DEFAULT_PROFILE]);
    assert.deepEqual(await store.credentials('default'), { apiKey: undefined, apiSecret: undefined });
  });
});

function checkProfileNameOrThrow(name: string, store: ProfileStore): void {
  const problem = checkProfileName(name, store.list());
  if (problem) throw new Error(problem);
}

describe('checks around a send', () => {
  const dev = { id: 'dev', name: 'DEV', production: false };
  const prod = { id: 'prod', name: 'Production', production: true };
  const staging = { id: 'staging', name: 'Staging', production: false };

  it('DEV profiles', () => {
    assert.equal(isDevProfile(dev), true);
    assert.equal(isDevProfile({ ...dev, name: 'my-dev-keys' }), true);
    assert.equal(isDevProfile({ ...dev, name: 'Sandbox' }), true);
    assert.equal(isDevProfile(prod), false);
    assert.equal(isDevProfile(staging), false);
    assert.equal(isDevProfile({ ...dev, name: 'Devon' }), false);
    assert.equal(isDevProfile({ id: 'emulator', name: 'Emulator', production: false, emulator: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', apiSecret: 's' } }), true);
  });

  it('notes dummyStatus when the profile is not a DEV one', () => {
    const body = JSON.stringify({ clientId: 'c', dummyStatus: 'APPROVED' });
    assert.equal(dummyStatusNote(body, dev), undefined);
    assert.match(dummyStatusNote(body, prod) ?? '', /dummyStatus.*DEV API key.*"Production".*production/);
    assert.match(dummyStatusNote(body, staging) ?? '', /not a DEV profile/);
    assert.equal(dummyStatusNote(JSON.stringify({ clientId: 'c' }), prod), undefined);
    assert.equal(dummyStatusNote('not json', prod), undefined);
  });

  it('says what a production send costs', () => {
    assert.match(productionConfirmation(prod), /"Production".*creates a real token and uses a credit/);
  });

  it('asks once per host that is neither iDenfy nor loopback', () => {
    assert.equal(hostNeedingApproval(new URL('https://ivs.idenfy.com'), []), undefined);
    assert.equal(hostNeedingApproval(new URL('https://IVS.idenfy.com:443/'), []), undefined);
    assert.equal(hostNeedingApproval(new URL('http://127.0.0.1:8089'), []), undefined);
    assert.equal(hostNeedingApproval(new URL('http://localhost:1'), []), undefined);
    assert.equal(hostNeedingApproval(new URL('http://[::1]:1'), []), undefined);
    assert.equal(hostNeedingApproval(new URL('https://ivs.idenfy.com.evil.example'), []), 'ivs.idenfy.com.evil.example');
    assert.equal(hostNeedingApproval(new URL('https://ivs.idenfy.com:8443'), []), 'ivs.idenfy.com:8443');
    assert.equal(hostNeedingApproval(new URL('https://proxy.example.com/idenfy'), []), 'proxy.example.com');
    assert.equal(hostNeedingApproval(new URL('https://proxy.example.com/idenfy'), ['proxy.example.com']), undefined);
    assert.equal(hostNeedingApproval(new URL('https://proxy.example.com:444'), ['proxy.example.com']), 'proxy.example.com:444');
  });
});
