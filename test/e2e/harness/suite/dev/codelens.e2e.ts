import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, resetWorkbench, setUserSetting, waitFor } from '../util';

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

suite('idenfy.codeLens.enabled', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(async () => {
    await setUserSetting('idenfy', 'codeLens.enabled', undefined);
    await resetWorkbench();
  });

  test('false hides the Send to iDenfy lens, true brings it back', async () => {
    const { document } = await openFile('callback.idenfy.json');
    const shown = await waitFor('the Send to iDenfy lens', async () => (await lenses(document.uri)).find((l) => l.command?.command === 'idenfy.sendTokenRequest'));
    assert.equal(shown.command?.title, 'Send to iDenfy');
    await setUserSetting('idenfy', 'codeLens.enabled', false);
    await waitFor('the lens to go', async () => (await lenses(document.uri)).every((l) => l.command?.command !== 'idenfy.sendTokenRequest'));
    await setUserSetting('idenfy', 'codeLens.enabled', true);
    await waitFor('the lens to come back', async () => (await lenses(document.uri)).some((l) => l.command?.command === 'idenfy.sendTokenRequest'));
  });
});
