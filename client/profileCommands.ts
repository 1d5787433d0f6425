/**
 * Credential profiles in VS Code: the add/switch/rename/remove commands, the status-bar item (click to switch), and
 * the hooks the send command calls (the active profile's secret keys, the emulator as a target, the production
 * confirmation, the dummyStatus note, the approval of a host other than iDenfy's or loopback).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../protocol';
import { APPROVED_HOSTS_STATE_KEY, checkProfileName, dummyStatusNote, hostNeedingApproval, Profile, productionConfirmation, ProfileStore, secretKeysFor } from './profiles';
import type { SendHooks } from './send/commands';

/** The button of the confirmation before a send with a production profile. */
export function productionSendLabel(): string {
  return vscode.l10n.t('Send (uses a credit)');
}

export function registerProfileCommands(context: vscode.ExtensionContext, store: ProfileStore): Required<Pick<SendHooks, 'secretKeys' | 'profileName' | 'target' | 'beforeSend'>> {
  const status = vscode.window.createStatusBarItem('idenfy.profile', vscode.StatusBarAlignment.Left, 20);
  status.name = vscode.l10n.t('iDenfy Credential Profile');
  status.command = COMMANDS.switchProfile;
  const refresh = () => {
    const profile = store.active();
    // The icon stays outside the localised text: a translation must not touch `$(key)`.
    status.text = `$(key) ${profile.production ? vscode.l10n.t('iDenfy: {0} (production)', profile.name) : vscode.l10n.t('iDenfy: {0}', profile.name)}`;
    status.tooltip = profile.emulator
      ? vscode.l10n.t('Sends go to the local emulator at {0} with its demo credentials. Click to switch profile.', profile.emulator.baseUrl)
      : profile.production
        ? vscode.l10n.t('Active iDenfy credential profile: production, every send asks first. Click to switch profile.')
        : vscode.l10n.t('Active iDenfy credential profile. Click to switch profile.');
    status.backgroundColor = profile.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    status.show();
  };
  store.onDidChange(refresh);
  refresh();

  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(COMMANDS.addProfile, () => addProfile()),
    vscode.commands.registerCommand(COMMANDS.switchProfile, (id?: unknown) => switchProfile(typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand(COMMANDS.renameProfile, () => renameProfile()),
    vscode.commands.registerCommand(COMMANDS.removeProfile, () => removeProfile()),
  );

  async function pickProfile(title: string, options: { includeEmulator: boolean }): Promise<Profile | undefined> {
    const active = store.active();
    const items = store
      .list()
      .filter((p) => options.includeEmulator || !p.emulator)
      .map((profile) => ({
        label: `${profile.id === active.id ? '$(check) ' : ''}${profile.name}`,
        description: profile.emulator ? vscode.l10n.t('local emulator {0}', profile.emulator.baseUrl) : profile.production ? vscode.l10n.t('production: real tokens, uses credits') : undefined,
        profile,
      }));
    return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Credential profile') }))?.profile;
  }

  async function addProfile(): Promise<void> {
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('iDenfy: new credential profile (name)'),
      prompt: vscode.l10n.t("A name such as DEV or Production. The key pair goes to VS Code's secret storage, never to settings."),
      ignoreFocusOut: true,
      validateInput: (text) => checkProfileName(text, store.list()),
    });
    if (name === undefined) return;
    const kind = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Development / test'), description: vscode.l10n.t('DEV keys: dummyStatus works, no credits'), production: false },
        { label: vscode.l10n.t('Production'), description: vscode.l10n.t('real tokens, each uses a credit: every send asks first'), production: true },
      ],
      { title: vscode.l10n.t('iDenfy: is "{0}" a production profile?', name.trim()) },
    );
    if (!kind) return;
    const profile = await store.add(name, kind.production);
    await store.switchTo(profile.id);
    // The pair is asked by the existing command, which now stores it under the new active profile.
    await vscode.commands.executeCommand(COMMANDS.setCredentials);
  }

  async function switchProfile(id: string | undefined): Promise<void> {
    const profile = id ? store.list().find((p) => p.id === id) : await pickProfile(vscode.l10n.t('iDenfy: switch credential profile'), { includeEmulator: true });
    if (!profile) return;
    await store.switchTo(profile.id);
    void vscode.window.showInformationMessage(
      profile.production
        ? vscode.l10n.t('iDenfy: sends now use the profile "{0}" (production: each send asks first).', profile.name)
        : vscode.l10n.t('iDenfy: sends now use the profile "{0}".', profile.name),
    );
  }

  async function renameProfile(): Promise<void> {
    const profile = await pickProfile(vscode.l10n.t('iDenfy: rename which profile?'), { includeEmulator: false });
    if (!profile) return;
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('iDenfy: rename "{0}"', profile.name),
      value: profile.name,
      ignoreFocusOut: true,
      validateInput: (text) => checkProfileName(text, store.list(), profile.id),
    });
    if (name === undefined) return;
    const development = vscode.l10n.t('Development / test');
    const productionLabel = vscode.l10n.t('Production');
    const production = await vscode.window.showQuickPick([development, productionLabel], { title: vscode.l10n.t('iDenfy: is "{0}" a production profile?', name.trim()) });
    if (production === undefined) return;
    await store.update(profile.id, { name, production: production === productionLabel });
  }

  async function removeProfile(): Promise<void> {
    const profile = await pickProfile(vscode.l10n.t('iDenfy: remove which profile?'), { includeEmulator: false });
    if (!profile) return;
    const remove = vscode.l10n.t('Remove');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('iDenfy: remove the profile "{0}" and its key pair from VS Code\'s secret storage?', profile.name), { modal: true }, remove);
    if (choice !== remove) return;
    await store.remove(profile.id);
  }

  return {
    // While the emulator is active, Set/Clear API Credentials act on the stored active profile.
    secretKeys: () => secretKeysFor(store.storedActive().id),
    profileName: () => store.active().name,
    target: () => {
      const emulator = store.active().emulator;
      return emulator ? { baseUrl: new URL(emulator.baseUrl), apiKey: emulator.apiKey, apiSecret: emulator.apiSecret, source: 'the local emulator (demo credentials)' } : undefined;
    },
    beforeSend: async ({ base, bodyText }) => {
      const profile = store.active();
      const approved = context.globalState.get<string[]>(APPROVED_HOSTS_STATE_KEY) ?? [];
      const host = hostNeedingApproval(base, approved);
      if (host) {
        const allow = vscode.l10n.t('Send to {0}', host);
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t("iDenfy: idenfy.baseUrl points at {0}, which is neither iDenfy's API (ivs.idenfy.com) nor this machine. Send your API credentials there? You are asked once per host.", host),
          { modal: true },
          allow,
        );
        if (choice !== allow) return false;
        await context.globalState.update(APPROVED_HOSTS_STATE_KEY, [...approved, host]);
      }
      const note = dummyStatusNote(bodyText, profile);
      if (profile.production) {
        // The confirmation and the dummyStatus note are whole localised paragraphs (client/profiles.ts).
        const send = productionSendLabel();
        const choice = await vscode.window.showWarningMessage(
          vscode.l10n.t('iDenfy: {0}', note ? `${productionConfirmation(profile)}\n\n${note}` : productionConfirmation(profile)),
          { modal: true },
          send,
        );
        return choice === send;
      }
      if (note) void vscode.window.showWarningMessage(vscode.l10n.t('iDenfy: {0}', note));
      return true;
    },
  };
}
