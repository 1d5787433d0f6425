import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, rangeOf, resetWorkbench, waitFor } from '../util';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

suite('completion', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(resetWorkbench);

  test('inside "tokenType": "|" it offers the token types, and accepting one writes it', async () => {
    const editor = await openFile('completion.idenfy.json');
    const { document } = editor;
    const inside = rangeOf(document, '"tokenType": ""').end.translate(0, -1);
    // The first request may come before the language server has the document: ask until the values are offered.
    const items = await waitFor('tokenType values to be offered', async () => {
      const found = await completionsAt(document.uri, inside);
      return found.some((i) => labelOf(i) === 'IDENTIFICATION') ? found : undefined;
    });
    const labels = items.map(labelOf);
    for (const expected of ['IDENTIFICATION', 'DOCUMENT']) assert.ok(labels.includes(expected), `${expected} not in ${JSON.stringify(labels)}`);
    // Values of this field only: no document types, no countries.
    for (const other of ['PASSPORT', 'LT']) assert.ok(!labels.includes(other), `${other} offered for tokenType: ${JSON.stringify(labels)}`);

    const documentItem = items.find((i) => labelOf(i) === 'DOCUMENT')!;
    const edit = documentItem.textEdit ?? undefined;
    const range = documentItem.range instanceof vscode.Range ? documentItem.range : (documentItem.range?.replacing ?? new vscode.Range(inside, inside));
    const insertText = typeof documentItem.insertText === 'string' ? documentItem.insertText : (documentItem.insertText?.value ?? labelOf(documentItem));
    await editor.edit((b) => (edit ? b.replace(edit.range, edit.newText) : b.replace(range, insertText)));
    assert.match(document.getText(), /"tokenType": "DOCUMENT"/);
  });

  test('at a new key it offers the documented fields not yet used', async () => {
    const editor = await openFile('completion.idenfy.json');
    const { document } = editor;
    const afterTokenType = rangeOf(document, '"tokenType": ""').end;
    await editor.edit((b) => b.insert(afterTokenType, ',\n  "'));
    const position = document.positionAt(document.getText().lastIndexOf('"') + 1);
    const labels = await waitFor('field names to be offered', async () => {
      const found = (await completionsAt(document.uri, position)).map(labelOf);
      return found.some((l) => /sessionLength/.test(l)) ? found : undefined;
    });
    assert.ok(
      labels.some((l) => /country/.test(l)),
      JSON.stringify(labels),
    );
    assert.ok(!labels.some((l) => /^"?clientId"?$/.test(l)), `clientId is already there but offered: ${JSON.stringify(labels)}`);
  });
});
