/**
 * iDenfy: Send Token Request against the project's emulator, a real HTTP server on 127.0.0.1 started here in the
 * extension host. What the user sees (input boxes, notifications) is read and answered through the UI bridge
 * (../ui.ts); what went over the wire is read from the emulator.
 * VS Code refuses modal dialogs while extension tests run ("DialogService: refused to show dialog in tests"), so the
 * flows that ask first (a payload with errors, computed values to fill in) are driven in tools/e2e.mjs's ui session,
 * where no test runner is loaded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createEmulator, Emulator, ReceivedRequest } from '../../../../../emulator/emulator';
import { explainIdentifierText, explainStatusMessageText } from '../../../../../core/payload/explain';
import { hasUiBridge, ui, Ui } from '../ui';
import { activateExtension, codeOf, diagnosticsOf, openFile, rangeOf, resetWorkbench, setUserSetting, waitFor } from '../util';

const SEND = 'idenfy.sendTokenRequest';
const RESPONSE_SOURCE = 'iDenfy (response)';

function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

/** The environment's credentials (tools/e2e.mjs gives the emulator's demo pair, as a user's shell would). */
function environmentCredentials(): { key: string; secret: string } {
  const key = process.env.IDENFY_API_KEY;
  const secret = process.env.IDENFY_API_SECRET;
  assert.ok(key && secret, 'IDENFY_API_KEY / IDENFY_API_SECRET are not set for the extension host');
  return { key, secret };
}

suite('send token request', () => {
  let emulator: Emulator;
  let bridge: Ui;
  /** The command's promise: it settles when its result notification is closed (resetWorkbench clears them). */
  let sending: Thenable<unknown> | undefined;

  /** Runs the command without waiting for it (it waits for the user), and returns the requests it made. */
  function send(): () => ReceivedRequest[] {
    const earlier = new Set(emulator.stats.received);
    sending = vscode.commands.executeCommand(SEND);
    return () => emulator.stats.received.filter((r) => !earlier.has(r));
  }

  suiteSetup(async function () {
    // These tests read notifications and fill in input boxes through the UI bridge, which only code-server runs have.
    if (!hasUiBridge()) {
      console.log('send token request: skipped, no UI bridge in this editor (desktop VS Code)');
      this.skip();
    }
    await activateExtension();
    bridge = ui();
    emulator = await createEmulator({ port: 0 });
    const { key, secret } = environmentCredentials();
    // The emulator accepts the environment's pair (its demo credentials): checked, so that a mismatch is not
    // mistaken for a failure of the command.
    const probe = await fetch(`${emulator.url}/api/v2/token`, { method: 'POST', headers: { Authorization: basic(key, secret), 'Content-Type': 'application/json' }, body: '{"clientId":"probe"}' });
    assert.equal(probe.status, 201, 'the emulator does not accept IDENFY_API_KEY/IDENFY_API_SECRET');
    await setUserSetting('idenfy', 'baseUrl', emulator.url);
    await setUserSetting('idenfy', 'request.initialRetryDelayMs', 10);
  });

  suiteTeardown(async () => {
    await setUserSetting('idenfy', 'baseUrl', undefined);
    await setUserSetting('idenfy', 'request.initialRetryDelayMs', undefined);
    await emulator?.close();
  });

  setup(async () => {
    await bridge.resetNotifications();
    // The workbench shows at most 3 toasts per 800 ms (spam protection) and sends the rest to the notification
    // center only: a progress and a result per send, tests a few hundred ms apart, would lose some. With the center
    // open, every notification is listed there.
    await vscode.commands.executeCommand('notifications.showList');
  });

  /** Closes editors and notifications; with its notification closed the command returns (one that hangs fails). */
  async function settle(): Promise<void> {
    await resetWorkbench();
    if (sending) {
      const pending = sending;
      sending = undefined;
      await waitFor(
        'the send command to return',
        async () => {
          await pending;
          return true;
        },
        10_000,
      );
    }
  }

  teardown(async () => {
    await settle();
    await vscode.commands.executeCommand('notifications.hideList');
  });

  test("a clean payload file: the request goes with the environment's credentials and the notification shows the token", async () => {
    const { document } = await openFile('send.idenfy.json');
    const requests = send();
    const message = await bridge.waitForNotification(/created the token/);

    const [authToken, scanRef] = [/authToken: (\S+)/.exec(message)?.[1], /scanRef: (\S+)/.exec(message)?.[1]];
    assert.ok(authToken && scanRef, `no authToken/scanRef in "${message}"`);
    assert.match(message, /HTTP 201/);

    const sent = requests();
    assert.equal(sent.length, 1);
    const { key, secret } = environmentCredentials();
    assert.equal(sent[0].method, 'POST');
    assert.equal(sent[0].path, '/api/v2/token');
    assert.equal(sent[0].headers.authorization, basic(key, secret));
    assert.match(String(sent[0].headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(sent[0].body.toString('utf8')), JSON.parse(document.getText()));

    // The token shown is the one the emulator issued for this clientId.
    const redirect = await fetch(`${emulator.url}/api/v2/redirect?authToken=${encodeURIComponent(authToken)}`);
    assert.equal(redirect.status, 200);
    assert.match(await redirect.text(), /"e2e-send".*scanRef/);
  });

  test('iDenfy rejects a field: BAD_VALUE is explained, and put on that field until the next edit', async () => {
    // The payload is fine for the checks, but this account's iDenfy says otherwise (a canned answer of the emulator).
    const { document } = await openFile('send.idenfy.json');
    const apiMessage = "Field 'country' must be a country enabled for your account.";
    emulator.script({ status: 400, body: { identifier: 'BAD_VALUE', message: apiMessage } });
    const requests = send();

    const message = await bridge.waitForNotification(/BAD_VALUE/);
    assert.ok(message.includes(`iDenfy answered 400 BAD_VALUE: ${apiMessage}`), message);
    assert.ok(message.includes(explainIdentifierText('BAD_VALUE')!), `no explanation of BAD_VALUE in "${message}"`);
    assert.equal(requests().length, 1, 'a 400 must not be retried');

    const diagnostic = await waitFor('the response diagnostic', () => diagnosticsOf(document.uri, RESPONSE_SOURCE)[0]);
    assert.ok(diagnostic.range.isEqual(rangeOf(document, '"LT"')), `response diagnostic at ${JSON.stringify(diagnostic.range)}, not on country's value`);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(codeOf(diagnostic), 'BAD_VALUE');
    assert.match(diagnostic.message, /enabled for your account/);

    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document)!;
    await editor.edit((b) => b.insert(rangeOf(document, '"LT"').end, ' '));
    await waitFor('the response diagnostic to go after an edit', () => diagnosticsOf(document.uri, RESPONSE_SOURCE).length === 0);
  });

  test("wrong stored credentials: 401 is explained; after Clear API Credentials the environment's are used again", async () => {
    const setting = vscode.commands.executeCommand('idenfy.setCredentials');
    try {
      await bridge.input('wrong-key', 'API key');
      await bridge.input('wrong-secret', 'API secret');
      await setting;
      await bridge.waitForNotification(/credentials saved/);

      await openFile('send.idenfy.json');
      const requests = send();
      const message = await bridge.waitForNotification(/401/);
      assert.match(message, /Invalid authorization credentials/);
      assert.ok(message.includes(explainStatusMessageText('Invalid authorization credentials')!), `no explanation in "${message}"`);
      assert.equal(requests()[0]?.headers.authorization, basic('wrong-key', 'wrong-secret'));
      assert.equal(requests().length, 1, 'a 401 must not be retried');
    } finally {
      await settle();
      await bridge.resetNotifications();
      await vscode.commands.executeCommand('notifications.showList');
      // Also when the test failed: the wrong pair must not stay for the next tests.
      await vscode.commands.executeCommand('idenfy.clearCredentials');
    }

    await openFile('send.idenfy.json');
    const requests = send();
    await bridge.waitForNotification(/created the token/);
    const { key, secret } = environmentCredentials();
    assert.equal(requests()[0]?.headers.authorization, basic(key, secret));
  });

  test("500 INTERNAL_ERROR is retried, and the retry's token is shown", async () => {
    await openFile('send.idenfy.json');
    emulator.failNext(1);
    const requests = send();
    await bridge.waitForNotification(/created the token/);
    assert.deepEqual(
      requests().map((r) => r.status),
      [500, 201],
    );
  });

  test('a TypeScript request body under the cursor is sent as the JSON of the object literal', async () => {
    const editor = await openFile('send-request.ts');
    const { document } = editor;
    await waitFor(
      'the payload to be found',
      async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).length > 0 || undefined,
      30_000,
    );
    const inside = rangeOf(document, "locale: 'lt'").start;
    editor.selection = new vscode.Selection(inside, inside);
    const requests = send();
    // generateDigitString: true gives the 8-digit code. (Waiting for the code, not any "created the token", so a late
    // notification of the previous test cannot be taken for this one's on a loaded machine.)
    const message = await bridge.waitForNotification(/created the token[\s\S]*code: \d{8}/);
    assert.match(message, /code: \d{8}/);
    assert.deepEqual(JSON.parse(requests()[0].body.toString('utf8')), { clientId: 'e2e-typescript-send', locale: 'lt', documents: ['ID_CARD', 'PASSPORT'], generateDigitString: true });
  });
});
