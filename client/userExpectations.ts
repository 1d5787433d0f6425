/**
 * Wires what users of API tools expect around the send command (issue 17): credential profiles with a status-bar
 * item, approval of unknown hosts, the send history and the response document, copy as code, the local emulator.
 * Returns the hooks the send command calls, and the "iDenfy" output channel they share.
 */
import * as vscode from 'vscode';
import { PayloadAtResult } from '../core';
import { registerCopyAsCode } from './copyAsCode';
import { registerEmulatorCommands, stopEmulator } from './emulatorCommand';
import { SendHistory } from './history';
import { registerHistoryCommands } from './historyCommands';
import { registerProfileCommands } from './profileCommands';
import { ProfileStore } from './profiles';
import { registerWalkthroughCommands } from './walkthrough';
import type { SendApi, SendHooks } from './send/commands';

export { stopEmulator };

export function registerUserExpectations(
  context: vscode.ExtensionContext,
  getPayloadAt: (uri: string, offset: number) => Promise<PayloadAtResult | undefined>,
  sendApi: () => SendApi | undefined,
): SendHooks & { output: vscode.OutputChannel } {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('iDenfy'));
  context.subscriptions.push(output);
  const store = new ProfileStore(context.globalState, context.secrets);
  const profileHooks = registerProfileCommands(context, store);
  const historyHooks = registerHistoryCommands(context, new SendHistory(context.workspaceState), profileHooks.profileName, sendApi);
  registerCopyAsCode(context, getPayloadAt, () => profileHooks.target()?.baseUrl);
  registerEmulatorCommands(context, store, output);
  registerWalkthroughCommands(context);
  return { ...profileHooks, ...historyHooks, output };
}
