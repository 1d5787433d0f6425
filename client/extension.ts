/**
 * The VS Code side: starts the iDenfy language server over IPC and registers what only the client can do
 * (hover for error identifiers in any language, the send command with secret storage).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../core';
import { PayloadAtRequest, SETTINGS_SECTION } from '../protocol';
import { registerErrorIdentifierHover } from './errorHover';
import { registerOptInCommand } from './optIn';
import { registerSendCommands, SendApi } from './send/commands';
import { registerUserExpectations, stopEmulator } from './userExpectations';

const PAYLOAD_LANGUAGES = [...LANGUAGE_IDS.json, ...LANGUAGE_IDS.code];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('iDenfy Language Server', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files and unsaved (untitled) documents; other schemes (git diffs, virtual files) too, since checks need no disk.
    documentSelector: PAYLOAD_LANGUAGES.flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }, { language, scheme: 'vscode-remote' }]),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('idenfy', 'iDenfy Token Checks', serverOptions, clientOptions);

  registerErrorIdentifierHover(context);
  registerOptInCommand(context);
  const getPayloadAt = async (uri: string, offset: number) => (client ? client.sendRequest(PayloadAtRequest, { uri, offset }) : undefined);
  // Profiles, host approval, history, copy as code and the emulator (client/userExpectations.ts).
  const sendApi: { current?: SendApi } = {};
  const hooks = registerUserExpectations(context, getPayloadAt, () => sendApi.current);
  sendApi.current = registerSendCommands(context, getPayloadAt, hooks.output, hooks);

  await client.start();
}

export async function deactivate(): Promise<void> {
  await stopEmulator();
  await client?.stop();
  client = undefined;
}
