import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFile, rangeOf, resetWorkbench, waitFor } from '../util';

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/** The hover in the middle of `text`, once a hover mentioning `expect` arrives (language activation takes a moment). */
async function hoverOn(file: string, text: string, expect: RegExp): Promise<{ text: string; hovers: vscode.Hover[]; range: vscode.Range }> {
  const { document } = await openFile(file);
  const range = rangeOf(document, text);
  const middle = range.start.translate(0, Math.floor(text.length / 2));
  const hovers = await waitFor(`a hover matching ${expect} on ${text} in ${file}`, async () => {
    const found = await hoversAt(document.uri, middle);
    return expect.test(hoverText(found)) ? found : undefined;
  });
  return { text: hoverText(hovers), hovers, range };
}

suite('error identifier hover', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(resetWorkbench);

  test('BAD_VALUE in TypeScript code shows its documentation, over the identifier only', async () => {
    const { text, hovers, range } = await hoverOn('handler.ts', 'BAD_VALUE', /iDenfy error identifier/);
    assert.match(text, /\*\*`BAD_VALUE`\*\* · iDenfy error identifier · usually HTTP 400/);
    assert.match(text, /\*\*What to do:\*\*/);
    assert.match(text, /\*\*Retry:\*\* no/);
    assert.match(text, /\[iDenfy documentation\]\(https:\/\/documentation\.idenfy\.com\//);
    const ours = hovers.find((h) => hoverText([h]).includes('BAD_VALUE'));
    assert.ok(ours?.range?.isEqual(range), `hover range ${JSON.stringify(ours?.range)} is not the identifier's`);
  });

  test('MISSING_VALUE in Python and PERMISSIONS_ERROR in Markdown are explained too', async () => {
    assert.match((await hoverOn('handler.py', 'MISSING_VALUE', /iDenfy error identifier/)).text, /\*\*`MISSING_VALUE`\*\*/);
    assert.match((await hoverOn('notes.md', 'PERMISSIONS_ERROR', /iDenfy error identifier/)).text, /\*\*`PERMISSIONS_ERROR`\*\*/);
  });

  test('no iDenfy hover on other words', async () => {
    const { document } = await openFile('handler.ts');
    // Wait until the identifier hover answers at all, so that an empty answer below means something.
    await hoverOn('handler.ts', 'INTERNAL_ERROR', /iDenfy error identifier/);
    const word = rangeOf(document, 'shouldRetry');
    const text = hoverText(await hoversAt(document.uri, word.start.translate(0, 3)));
    assert.doesNotMatch(text, /iDenfy/);
  });

  test('a field of a JSON payload shows the field documentation', async () => {
    const { text } = await hoverOn('diagnostics.idenfy.json', '"sessionLength"', /sessionLength/);
    assert.match(text, /60/);
    assert.match(text, /3[,\u202f\s]?600/);
  });
});
