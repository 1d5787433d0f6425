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
        void vscode.window.showInformationMessage(`iDenfy: the local emulator is already running at ${running.baseUrl}; sends use the "Emulator" profile.`);
        return;
      }
      const script = context.asAbsolutePath('dist/emulator.js');
      try {
        running = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'iDenfy: starting the local emulator…' }, () =>
          startEmulatorProcess(script, { onOutput: (line) => output.appendLine(`[emulator] ${line}`) }),
        );
      } catch (error) {
        void vscode.window.showErrorMessage(`iDenfy: the local emulator could not start: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const started = running;
      started.process.once('exit', () => {
        if (running !== started) return;
        running = undefined;
        store.setEmulator(undefined);
        void vscode.window.showWarningMessage('iDenfy: the local emulator stopped; sends use your stored profile again.');
      });
      store.setEmulator({ baseUrl: started.baseUrl, apiKey: started.apiKey, apiSecret: started.apiSecret });
      void vscode.window.showInformationMessage(
        `iDenfy: local emulator running at ${started.baseUrl}. This window's sends now go there with the "Emulator" profile (demo credentials); no real tokens, no credits.`,
      );
    }),
    vscode.commands.registerCommand(COMMANDS.stopEmulator, async () => {
      if (!running) {
        void vscode.window.showInformationMessage('iDenfy: the local emulator is not running.');
        return;
      }
      await stopEmulator();
      store.setEmulator(undefined);
      void vscode.window.showInformationMessage('iDenfy: local emulator stopped; sends use your stored profile again.');
    }),
  );
}

/** Stops the emulator started by this window (the command, or deactivate). */
export async function stopEmulator(): Promise<void> {
  const current = running;
  running = undefined;
  await current?.stop();
}
