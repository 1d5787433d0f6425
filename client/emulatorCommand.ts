/**
 * "iDenfy: Start Local Emulator" / "Stop Local Emulator": the bundled emulator on a free loopback port, used by this
 * window's sends through the clearly marked "Emulator" profile (its demo credentials) until it stops or the window
 * closes (deactivate).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../protocol';
import { RunningEmulator, startEmulatorProcess } from './emulatorProcess';
import type { ProfileStore } from './profiles';

let running: RunningEmulator | undefined;

export function registerEmulatorCommands(context: vscode.ExtensionContext, store: ProfileStore, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.startEmulator, async () => {
      if (running) {
        await store.switchTo('emulator');
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: the local emulator is already running at {0}; sends use the "Emulator" profile.', running.baseUrl));
        return;
      }
      const script = context.asAbsolutePath('dist/emulator.js');
      try {
        running = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('iDenfy: starting the local emulator…') }, () =>
          startEmulatorProcess(script, { onOutput: (line) => output.appendLine(`[emulator] ${line}`) }),
        );
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: the local emulator could not start: {0}', error instanceof Error ? error.message : String(error)));
        return;
      }
      const started = running;
      started.process.once('exit', () => {
        if (running !== started) return;
        running = undefined;
        store.setEmulator(undefined);
        void vscode.window.showWarningMessage(vscode.l10n.t('iDenfy: the local emulator stopped; sends use your stored profile again.'));
      });
      store.setEmulator({ baseUrl: started.baseUrl, apiKey: started.apiKey, apiSecret: started.apiSecret });
      void vscode.window.showInformationMessage(
        vscode.l10n.t('iDenfy: local emulator running at {0}. This window\'s sends now go there with the "Emulator" profile (demo credentials); no real tokens, no credits.', started.baseUrl),
      );
    }),
    vscode.commands.registerCommand(COMMANDS.stopEmulator, async () => {
      if (!running) {
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: the local emulator is not running.'));
        return;
      }
      await stopEmulator();
      store.setEmulator(undefined);
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: local emulator stopped; sends use your stored profile again.'));
    }),
  );
}

/** Stops the emulator started by this window (the command, or deactivate). */
export async function stopEmulator(): Promise<void> {
  const current = running;
  running = undefined;
  await current?.stop();
}
