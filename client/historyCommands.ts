/**
 * The answer as a read-only JSON document (scheme `idenfy-response`, a TextDocumentContentProvider) and the send
 * history (workspaceState, last 50) in a quick pick: open an entry's answer or send its body again.
 * The document shows the answer masked; the authToken appears only after an explicit "Reveal Token", and the unmasked
 * answer is kept in memory for this window only (never in the history).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../protocol';
import { describeEntry, HistoryEntry, SendHistory } from './history';
import type { SendApi, SendHooks } from './send/commands';

export const RESPONSE_SCHEME = 'idenfy-response';

export function registerHistoryCommands(context: vscode.ExtensionContext, history: SendHistory, profileName: () => string, sendApi: () => SendApi | undefined): Pick<Required<SendHooks>, 'afterSend'> {
  /** Unmasked answers of this window's sends, by history id: shown only after "Reveal Token". */
  const unmasked = new Map<string, string>();
  const revealed = new Set<string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();

  const uriFor = (entry: HistoryEntry) => vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${entry.id}/response.json` });
  const idOf = (uri: vscode.Uri) => uri.path.split('/')[1] ?? '';

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      const id = idOf(uri);
      const entry = history.find(id);
      if (!entry) return `// ${vscode.l10n.t('This send is no longer in the history.')}\n`;
      if (revealed.has(id) && unmasked.has(id)) return unmasked.get(id)!;
      return entry.maskedAnswer ?? JSON.stringify({ note: vscode.l10n.t('No answer body'), result: entry.kind, status: entry.status ?? null }, null, 2);
    },
  };

  async function openResponse(entry: HistoryEntry): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uriFor(entry));
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  async function revealToken(arg?: unknown): Promise<void> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== RESPONSE_SCHEME) {
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: open a response document first (iDenfy: Open Last Response).'));
      return;
    }
    const id = idOf(uri);
    if (!unmasked.has(id)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: the unmasked answer is kept only in the window that sent it; send again to see the token.'));
      return;
    }
    const reveal = vscode.l10n.t('Reveal Token');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('iDenfy: show the authToken in the response document? Anyone who sees your screen can start a verification with it.'),
      { modal: true },
      reveal,
    );
    if (choice !== reveal) return;
    revealed.add(id);
    changed.fire(uri);
  }

  async function showHistory(): Promise<void> {
    const entries = history.list();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: no token requests sent from this workspace yet.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((entry) => ({ ...describeEntry(entry), entry })),
      {
        title: vscode.l10n.t('iDenfy: send history (last {0})', entries.length),
        placeHolder: vscode.l10n.t('Pick a send to open its answer or send it again'),
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (!picked) return;
    const open = vscode.l10n.t('Open Answer');
    const again = vscode.l10n.t('Send Again (profile "{0}")', profileName());
    const request = vscode.l10n.t('Show Request');
    const action = await vscode.window.showQuickPick([open, again, request], { title: describeEntry(picked.entry).label });
    if (action === open) await openResponse(picked.entry);
    else if (action === request) {
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: picked.entry.masked });
      await vscode.window.showTextDocument(document, { preview: true });
    } else if (action === again) await sendApi()?.sendBody(picked.entry.bodyText);
  }

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showHistory, () => showHistory()),
    vscode.commands.registerCommand(COMMANDS.openLastResponse, async () => {
      const last = history.list()[0];
      if (!last) void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: no token requests sent from this workspace yet.'));
      else await openResponse(last);
    }),
    vscode.commands.registerCommand(COMMANDS.revealToken, (uri?: unknown) => revealToken(uri)),
  );

  return {
    afterSend: async ({ base, bodyText, result, credentials, source }) => {
      const entry = await history.add({
        profile: profileName(),
        endpoint: new URL('api/v2/token', base.href.endsWith('/') ? base.href : base.href + '/').href,
        bodyText,
        result,
        credentials,
        ...(source ? { source: vscode.workspace.asRelativePath(source) } : {}),
      });
      const body = result.exchange.attempts[result.exchange.attempts.length - 1]?.responseBody;
      if (body !== undefined) {
        let pretty = body;
        try {
          pretty = JSON.stringify(JSON.parse(body), null, 2);
        } catch {
          // kept as it came
        }
        unmasked.set(entry.id, pretty);
      }
    },
  };
}
