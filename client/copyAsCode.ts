/**
 * "iDenfy: Copy Token Request as Code…": the payload under the cursor (read by the language server, as the send
 * command reads it) as cURL or a snippet, with credentials as environment-variable references, to the clipboard.
 */
import * as vscode from 'vscode';
import { generateSnippet, PayloadAtResult, SNIPPET_FORMATS, validateBaseUrl } from '../core';
import { COMMANDS, SETTINGS_SECTION } from '../protocol';

export function registerCopyAsCode(context: vscode.ExtensionContext, getPayloadAt: (uri: string, offset: number) => Promise<PayloadAtResult | undefined>, targetBaseUrl: () => URL | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.copyAsCode, async (uriArg?: unknown, offsetArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg, true) : uriArg instanceof vscode.Uri ? uriArg : editor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: put the cursor in a token payload, then run Copy Token Request as Code.'));
        return;
      }
      const offset = typeof offsetArg === 'number' ? offsetArg : editor && editor.document.uri.toString() === uri.toString() ? editor.document.offsetAt(editor.selection.active) : 0;
      let payload: PayloadAtResult | undefined;
      try {
        payload = await getPayloadAt(uri.toString(), offset);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: the language server could not read the payload ({0}).', error instanceof Error ? error.message : String(error)));
        return;
      }
      if (!payload?.found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: no token payload at the cursor. Put the cursor inside the request object (or open a *.idenfy.json file).'));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        SNIPPET_FORMATS.map((f) => ({ label: f.label, format: f })),
        { title: vscode.l10n.t('iDenfy: copy the token request as…') },
      );
      if (!picked) return;
      let value: unknown = payload.value;
      if (value === undefined && payload.bodyText !== undefined) {
        try {
          value = JSON.parse(payload.bodyText);
        } catch {
          value = {};
        }
      }
      const configured = validateBaseUrl(vscode.workspace.getConfiguration(SETTINGS_SECTION, uri).get<string>('baseUrl') ?? '');
      const base = targetBaseUrl() ?? (configured.ok ? configured.url : undefined);
      const text = generateSnippet(picked.format.format, {
        value,
        ...(base ? { baseUrl: base.href } : {}),
        placeholders: payload.unknowns.map((u) => u.path || '(the body)'),
      });
      await vscode.env.clipboard.writeText(text);
      const open = vscode.l10n.t('Open in Editor');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('iDenfy: {0} copied. Credentials are read from IDENFY_API_KEY and IDENFY_API_SECRET; the snippet contains no secret.', picked.label),
        open,
      );
      if (choice === open) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: picked.format.language, content: text }));
    }),
  );
}
