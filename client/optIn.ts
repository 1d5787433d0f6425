/**
 * The client half of "Check this file as an iDenfy token payload" (offered by the server on an almost-payload's
 * `clientId`). The command adds the file's workspace-relative path to `idenfy.payloadFiles`, in the settings of the
 * folder that holds it (the workspace's, or the user's for a file outside any folder).
 */
import * as vscode from 'vscode';
import { payloadFilesWith } from '../core';
import { AddToPayloadFilesArguments, COMMANDS, SETTINGS_SECTION } from '../protocol';

export function registerOptInCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.addToPayloadFiles, async (args?: AddToPayloadFilesArguments) => {
      const uri = args?.uri ? vscode.Uri.parse(args.uri) : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // Globs are workspace-relative (the same rule as the CLI); a file outside every folder is named by its path.
      const path = folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath.replace(/\\/g, '/');
      const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
      const inspected = config.inspect<string[]>('payloadFiles');
      const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
      const target = !folder ? vscode.ConfigurationTarget.Global : multiRoot ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
      const current =
        (target === vscode.ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue : undefined) ??
        (target !== vscode.ConfigurationTarget.Global ? inspected?.workspaceValue : undefined) ??
        inspected?.globalValue ??
        inspected?.defaultValue ??
        [];
      const updated = payloadFilesWith(current, path);
      if (updated === current) {
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: {0} is already in idenfy.payloadFiles.', path));
        return;
      }
      await config.update('payloadFiles', updated, target);
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: {0} is now checked as a token payload (added to idenfy.payloadFiles).', path));
    }),
  );
}
