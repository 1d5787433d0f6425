/**
 * The VS Code side: starts the iDenfy language server over IPC and registers what only the client can do
 * (hover for error identifiers in any language, the send command with secret storage).
 */
import * as l10n from '@vscode/l10n';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../core';
import { CODE_CACHE_DIR_VARIABLE, PayloadAtRequest, SERVER_EXEC_ARGV } from '../protocol';
import { registerErrorIdentifierHover } from './errorHover';
import { registerOptInCommand } from './optIn';
import { registerSendCommands, SendApi } from './send/commands';
import { registerUserExpectations, stopEmulator } from './userExpectations';

const PAYLOAD_LANGUAGES = Object.values(LANGUAGE_IDS).flat();

let client: LanguageClient | undefined;

/** The documents the language server checks: the payload languages on any scheme. */
export function payloadDocumentSelector(): { language: string; scheme: string }[] {
  return PAYLOAD_LANGUAGES.map((language) => ({ language, scheme: '*' }));
}

/**
 * The server's environment: the editor's, plus the folder where the server keeps V8's compiled code between starts
 * (server/codeCache.ts; the extension's own global storage, removed with the extension).
 */
function serverEnvironment(context: vscode.ExtensionContext): NodeJS.ProcessEnv {
  const storage = context.globalStorageUri;
  if (storage.scheme !== 'file') return { ...process.env };
  return { ...process.env, [CODE_CACHE_DIR_VARIABLE]: vscode.Uri.joinPath(storage, 'code-cache').fsPath };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The vscode-free modules (client/send, history, profiles) localise with @vscode/l10n: give it the bundle VS Code loaded for this extension.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const output = vscode.window.createOutputChannel(vscode.l10n.t('iDenfy Language Server'), { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = serverEnvironment(context);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: files, unsaved documents, remote and virtual file systems (vscode-vfs, memfs…), since the checks
    // work on the text alone. The server pulls settings per workspace folder and registers for their changes itself
    // (no deprecated `synchronize.configurationSection`).
    documentSelector: payloadDocumentSelector(),
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('idenfy', vscode.l10n.t('iDenfy Token Checks'), serverOptions, clientOptions);

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
