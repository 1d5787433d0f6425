/** "iDenfy: Open Example Payload", the walkthrough's first step: an unsaved payload with one mistake to fix. */
import * as vscode from 'vscode';
import { COMMANDS } from '../protocol';

/** An example body: `PASPORT` is misspelled on purpose (the walkthrough's diagnostic and quick fix). */
export const EXAMPLE_PAYLOAD = `{
  "clientId": "walkthrough-user-1",
  "firstName": "Jane",
  "lastName": "Doe",
  "documents": ["PASPORT"],
  "generateDigitString": true,
  "dummyStatus": "APPROVED"
}
`;

export function registerWalkthroughCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openExamplePayload, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: EXAMPLE_PAYLOAD });
      await vscode.window.showTextDocument(document);
    }),
  );
}
