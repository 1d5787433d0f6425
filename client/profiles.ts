/**
 * Credential profiles ("DEV", "Production"): the store and the decisions around a send, without `vscode` so they
 * run in unit tests (their texts go through @vscode/l10n). Each profile's key pair lives in SecretStorage under keys
 * derived from its id; the list of profiles (names, the production flag, which one is active: no secrets) lives in
 * globalState.
 * The "Default" profile uses the extension's original secret keys, so credentials saved before profiles existed
 * remain the active profile's and "Set/Clear API Credentials" keep working on the active profile.
 */
import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../core';

/** The subset of vscode.Memento the store uses. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The subset of vscode.SecretStorage the store uses. */
export interface SecretsLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export interface Profile {
  readonly id: string;
  readonly name: string;
  /** Sends with it create real tokens and use credits: each send asks first. */
  readonly production: boolean;
  /** The local emulator started by "iDenfy: Start Local Emulator" (in memory only, never stored). */
  readonly emulator?: { readonly baseUrl: string; readonly apiKey: string; readonly apiSecret: string };
}

export const DEFAULT_PROFILE: Profile = { id: 'default', name: 'Default', production: false };
export const PROFILES_STATE_KEY = 'idenfy.profiles';
export const APPROVED_HOSTS_STATE_KEY = 'idenfy.approvedHosts';
/** The host of iDenfy's API; sends there need no approval. */
export const IDENFY_HOST = 'ivs.idenfy.com';

interface StoredProfiles {
  profiles: Profile[];
  activeId: string;
}

export function secretKeysFor(profileId: string): { apiKey: string; apiSecret: string } {
  if (profileId === DEFAULT_PROFILE.id) return { apiKey: 'idenfy.apiKey', apiSecret: 'idenfy.apiSecret' };
  return { apiKey: `idenfy.profile.${profileId}.apiKey`, apiSecret: `idenfy.profile.${profileId}.apiSecret` };
}

/** A profile name problem, or undefined when `name` may be used (names are unique regardless of case). */
export function checkProfileName(name: string, existing: readonly Profile[], exceptId?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return l10n.t('Enter a name, e.g. DEV or Production.');
  if (trimmed.length > 40) return l10n.t('Use at most {0} characters.', 40);
  if (trimmed.toLowerCase() === 'emulator') return l10n.t('"Emulator" is reserved for the local emulator.');
  if (existing.some((p) => p.id !== exceptId && p.name.toLowerCase() === trimmed.toLowerCase())) return l10n.t('A profile named "{0}" exists already.', trimmed);
  return undefined;
}

export class ProfileStore {
  private emulatorProfile: Profile | undefined;
  private readonly listeners: Array<() => void> = [];

  constructor(
    private readonly state: MementoLike,
    private readonly secrets: SecretsLike,
  ) {}

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private read(): StoredProfiles {
    const stored = this.state.get<StoredProfiles>(PROFILES_STATE_KEY);
    const profiles = stored && Array.isArray(stored.profiles) && stored.profiles.length ? stored.profiles : [DEFAULT_PROFILE];
    const activeId = stored && profiles.some((p) => p.id === stored.activeId) ? stored.activeId : profiles[0].id;
    return { profiles, activeId };
  }

  private async write(data: StoredProfiles): Promise<void> {
    await this.state.update(PROFILES_STATE_KEY, data);
    this.fire();
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }

  /** The stored profiles, then the emulator's while it runs. */
  list(): Profile[] {
    return [...this.read().profiles, ...(this.emulatorProfile ? [this.emulatorProfile] : [])];
  }

  /** The emulator's profile while it runs and is active, else the stored active profile. */
  active(): Profile {
    if (this.emulatorProfile && this.emulatorActive) return this.emulatorProfile;
    return this.storedActive();
  }

  /** The active stored profile, even while the emulator's is active: Set/Clear API Credentials act on it. */
  storedActive(): Profile {
    const { profiles, activeId } = this.read();
    return profiles.find((p) => p.id === activeId) ?? profiles[0];
  }

  private emulatorActive = false;

  /** Registers the running emulator as the active profile (`undefined`: it stopped; the stored active profile returns). */
  setEmulator(emulator: Profile['emulator'] | undefined): void {
    this.emulatorProfile = emulator ? { id: 'emulator', name: 'Emulator', production: false, emulator } : undefined;
    this.emulatorActive = emulator !== undefined;
    this.fire();
  }

  async add(name: string, production: boolean, pair?: { apiKey: string; apiSecret: string }): Promise<Profile> {
    const data = this.read();
    const problem = checkProfileName(name, data.profiles);
    if (problem) throw new Error(problem);
    const slug =
      name
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'profile';
    let id = slug;
    for (let n = 2; id === DEFAULT_PROFILE.id || id === 'emulator' || data.profiles.some((p) => p.id === id); n++) id = `${slug}-${n}`;
    const profile: Profile = { id, name: name.trim(), production };
    if (pair) await this.setCredentials(id, pair);
    await this.write({ profiles: [...data.profiles, profile], activeId: data.activeId });
    return profile;
  }

  async switchTo(id: string): Promise<Profile> {
    if (id === 'emulator') {
      if (!this.emulatorProfile) throw new Error(l10n.t('The local emulator is not running.'));
      this.emulatorActive = true;
      this.fire();
      return this.emulatorProfile;
    }
    const data = this.read();
    const profile = data.profiles.find((p) => p.id === id);
    if (!profile) throw new Error(l10n.t('No profile with id "{0}".', id));
    this.emulatorActive = false;
    await this.write({ ...data, activeId: id });
    return profile;
  }

  async update(id: string, change: { name?: string; production?: boolean }): Promise<Profile> {
    const data = this.read();
    const profile = data.profiles.find((p) => p.id === id);
    if (!profile) throw new Error(l10n.t('No profile with id "{0}".', id));
    if (change.name !== undefined) {
      const problem = checkProfileName(change.name, data.profiles, id);
      if (problem) throw new Error(problem);
    }
    const updated: Profile = { ...profile, ...(change.name !== undefined ? { name: change.name.trim() } : {}), ...(change.production !== undefined ? { production: change.production } : {}) };
    await this.write({ ...data, profiles: data.profiles.map((p) => (p.id === id ? updated : p)) });
    return updated;
  }

  /** Removes a profile and its secrets; removing the last one leaves an empty "Default". */
  async remove(id: string): Promise<void> {
    const data = this.read();
    if (!data.profiles.some((p) => p.id === id)) throw new Error(l10n.t('No profile with id "{0}".', id));
    await this.clearCredentials(id);
    let profiles = data.profiles.filter((p) => p.id !== id);
    if (profiles.length === 0) profiles = [DEFAULT_PROFILE];
    await this.write({ profiles, activeId: data.activeId === id ? profiles[0].id : data.activeId });
  }

  async credentials(id: string): Promise<{ apiKey?: string; apiSecret?: string }> {
    if (id === 'emulator' && this.emulatorProfile?.emulator) return { apiKey: this.emulatorProfile.emulator.apiKey, apiSecret: this.emulatorProfile.emulator.apiSecret };
    const keys = secretKeysFor(id);
    return { apiKey: await this.secrets.get(keys.apiKey), apiSecret: await this.secrets.get(keys.apiSecret) };
  }

  async setCredentials(id: string, pair: { apiKey: string; apiSecret: string }): Promise<void> {
    const keys = secretKeysFor(id);
    await this.secrets.store(keys.apiKey, pair.apiKey);
    await this.secrets.store(keys.apiSecret, pair.apiSecret);
  }

  async clearCredentials(id: string): Promise<void> {
    const keys = secretKeysFor(id);
    await this.secrets.delete(keys.apiKey);
    await this.secrets.delete(keys.apiSecret);
  }
}

/** A DEV profile: the emulator's, or a non-production profile whose name says DEV/sandbox/test. */
export function isDevProfile(profile: Profile): boolean {
  if (profile.emulator) return true;
  return !profile.production && /(^|[^a-z])(dev|development|sandbox|test)([^a-z]|$)/i.test(profile.name);
}

/** The note for a body with `dummyStatus` sent with a profile that is not a DEV one; undefined when none is due. */
export function dummyStatusNote(bodyText: string, profile: Profile): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('dummyStatus' in body)) return undefined;
  if (isDevProfile(profile)) return undefined;
  return profile.production
    ? l10n.t(
        'This payload sets dummyStatus, which only takes effect with a DEV API key; the active profile "{0}" is not a DEV profile (it is marked production), so iDenfy will ignore it or reject the request.',
        profile.name,
      )
    : l10n.t('This payload sets dummyStatus, which only takes effect with a DEV API key; the active profile "{0}" is not a DEV profile, so iDenfy will ignore it or reject the request.', profile.name);
}

/** The text of the modal asked before every send with a production profile. */
export function productionConfirmation(profile: Profile): string {
  return l10n.t('Send with the production profile "{0}"? This creates a real token and uses a credit.', profile.name);
}

/** The host (with port) of a base URL when sending there needs the user's approval first; undefined when not. */
export function hostNeedingApproval(base: URL, approved: readonly string[]): string | undefined {
  if (isLoopbackHost(base.hostname)) return undefined;
  if (base.hostname.toLowerCase() === IDENFY_HOST && (base.port === '' || base.port === '443')) return undefined;
  const host = base.host.toLowerCase();
  return approved.includes(host) ? undefined : host;
}
