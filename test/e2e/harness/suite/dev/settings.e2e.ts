import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe, diagnosticsOf, openFile, rangeOf, resetWorkbench, setUserSetting, waitFor, waitForDiagnostic } from '../util';

/** The callbackUrl property (key and value) as the account rule reports it, or the value. */
function onCallbackUrl(document: vscode.TextDocument, d: vscode.Diagnostic): boolean {
  return d.range.intersection(rangeOf(document, '"callbackUrl": "https://shop.example.com/idenfy/webhook"')) !== undefined;
}

suite('settings', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(async () => {
    await setUserSetting('idenfy', 'account.customCallbackUrl', undefined);
    await setUserSetting('idenfy', 'payloadFiles', undefined);
    await resetWorkbench();
  });

  test('idenfy.account.customCallbackUrl: false reports callbackUrl at once, and back to unset clears it', async () => {
    const { document } = await openFile('callback.idenfy.json');
    // The file is analysed (it has its "Send to iDenfy" lens) and callbackUrl is fine while the setting is unset.
    await waitFor('the payload to be analysed', async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).length > 0 || undefined);
    assert.equal(diagnosticsOf(document.uri).filter((d) => codeOf(d) === 'PERMISSIONS_ERROR').length, 0, describe(diagnosticsOf(document.uri)));

    await setUserSetting('idenfy', 'account.customCallbackUrl', false);
    const found = await waitFor('PERMISSIONS_ERROR on callbackUrl', () => diagnosticsOf(document.uri).find((d) => codeOf(d) === 'PERMISSIONS_ERROR' && onCallbackUrl(document, d)));
    assert.equal(found.severity, vscode.DiagnosticSeverity.Error);
    assert.match(found.message, /callback/i);

    await setUserSetting('idenfy', 'account.customCallbackUrl', true);
    await waitFor('PERMISSIONS_ERROR to clear', () => !diagnosticsOf(document.uri).some((d) => codeOf(d) === 'PERMISSIONS_ERROR'));
  });

  test('idenfy.payloadFiles decides which JSON files are payloads, without a restart', async () => {
    // order.json has no clientId and the default globs do not match it: not a payload.
    const { document } = await openFile('not-a-payload', 'order.json');
    const sessionLength = rangeOf(document, '7200');
    await setUserSetting('idenfy', 'payloadFiles', ['**/not-a-payload/*.json']);
    await waitForDiagnostic(document.uri, 'BAD_VALUE', sessionLength);
    await setUserSetting('idenfy', 'payloadFiles', undefined);
    await waitFor('the diagnostics to go once the file is no longer a payload', () => diagnosticsOf(document.uri).length === 0);
  });
});
