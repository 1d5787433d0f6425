/**
 * (Named to run after send.e2e.ts: the two suites read notifications, and this one ends with sends of its own.)
 * Credential profiles: one is added through the real input boxes and quick picks, then the active profile is switched
 * with the status-bar item's command (no argument, as a click runs it) and the sends follow it: an emulator that
 * accepts only the new profile's pair answers 201 with it and 401 with the Default profile (which falls back to the
 * environment's demo pair).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createEmulator, Emulator } from '../../../../../emulator/emulator';
import { hasUiBridge, ui, Ui } from '../ui';
import { activateExtension, openFile, resetWorkbench, setUserSetting, waitFor } from '../util';

const PROFILE = 'E2E Dev';
const KEY = 'e2e-profile-key';
const SECRET = 'e2e-profile-secret';

suite('credential profiles', () => {
  let emulator: Emulator;
  let bridge: Ui;
  const pending: Thenable<unknown>[] = [];

  suiteSetup(async function () {
    if (!hasUiBridge()) {
      console.log('credential profiles: skipped, no UI bridge in this editor (desktop VS Code)');
      this.skip();
    }
    await activateExtension();
    bridge = ui();
    emulator = await createEmulator({ port: 0, credentials: [{ apiKey: KEY, apiSecret: SECRET, environment: 'DEV' }] });
    await setUserSetting('idenfy', 'baseUrl', emulator.url);
    await setUserSetting('idenfy', 'request.maxRetries', 0);
    await vscode.commands.executeCommand('notifications.showList');
  });

  suiteTeardown(async () => {
    // Whatever happened above, later suites send with the Default profile (the environment's pair).
    await vscode.commands.executeCommand('idenfy.switchProfile', 'default');
    await setUserSetting('idenfy', 'baseUrl', undefined);
    await setUserSetting('idenfy', 'request.maxRetries', undefined);
    await vscode.commands.executeCommand('notifications.hideList');
    // Each send settles only when its result notification is closed: close them until all have, so no late toast of
    // this suite is taken for one of the next suite's.
    const settled = Promise.allSettled(pending).then(() => true);
    for (let i = 0; i < 30; i++) {
      await resetWorkbench();
      if (await Promise.race([settled, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000))])) break;
    }
    await emulator?.close();
  });

  /** The status-bar item's command, answered through its quick pick; the sends that follow show which profile won. */
  async function switchWithStatusBar(name: string): Promise<void> {
    const switched = vscode.commands.executeCommand('idenfy.switchProfile');
    await bridge.input(name, 'switch credential profile');
    // The command settles once the pick is stored (its notification is not awaited by it, nor here: on a loaded
    // workbench a toast can land after the next step has begun).
    await Promise.race([switched, new Promise((_, reject) => setTimeout(() => reject(new Error('the switch did not finish')), 20_000))]);
  }

  async function sendAndStatus(): Promise<number | undefined> {
    await openFile('send.idenfy.json');
    const before = emulator.stats.received.length;
    await bridge.resetNotifications();
    pending.push(vscode.commands.executeCommand('idenfy.sendTokenRequest'));
    return waitFor('the emulator to answer the send', () => (emulator.stats.received.length > before ? emulator.stats.received.at(-1)?.status : undefined));
  }

  test('add a profile, switch with the status-bar command, and the send uses the active profile', async () => {
    await bridge.resetNotifications();
    pending.push(vscode.commands.executeCommand('idenfy.addProfile'));
    await bridge.input(PROFILE, 'new credential profile');
    await bridge.input('Development', 'production profile');
    await bridge.input(KEY, 'API key');
    await bridge.input(SECRET, 'API secret');
    await bridge.waitForNotification(new RegExp(`saved in VS Code's secret storage \\(profile "${PROFILE}"\\)`));

    assert.equal(await sendAndStatus(), 201, 'the new profile is active and its pair is accepted');
    await resetWorkbench();

    await switchWithStatusBar('Default');
    assert.equal(await sendAndStatus(), 401, 'the Default profile (environment demo pair) is not accepted by this emulator');
    await resetWorkbench();

    await switchWithStatusBar(PROFILE);
    assert.equal(await sendAndStatus(), 201);
    await resetWorkbench();
  });
});
