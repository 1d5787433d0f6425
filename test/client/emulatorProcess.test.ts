/** "iDenfy: Start Local Emulator" runs the bundled dist/emulator.js as a child process; this runs it for real (npm test builds it first). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseEmulatorBanner, startEmulatorProcess } from '../../client/emulatorProcess';
import { sendTokenRequest } from '../../client/send';

const SCRIPT = join(__dirname, '..', '..', '..', 'dist', 'emulator.js');

describe('the local emulator as a child process', () => {
  it('reads the URL and demo credentials from the banner', () => {
    const banner = 'iDenfy emulator: POST http://127.0.0.1:40123/api/v2/token\n  Set "idenfy.baseUrl"…\n  API key:    emulator-api-key\n  API secret: emulator-api-secret   (environment DEV)\n';
    assert.deepEqual(parseEmulatorBanner(banner), { baseUrl: 'http://127.0.0.1:40123', apiKey: 'emulator-api-key', apiSecret: 'emulator-api-secret' });
    assert.equal(parseEmulatorBanner('iDenfy emulator: POST http://127.0.0.1:1/api/v2/token\n  API key:    k\n'), undefined);
    assert.equal(parseEmulatorBanner('iDenfy emulator: POST http://127.0.0.1:1/api/v2/token\n  API key:    k\n  API secret: (the one given with --secret)'), undefined);
  });

  it(
    'starts dist/emulator.js on a free loopback port, creates a token with its demo credentials, and stops',
    { skip: !existsSync(SCRIPT) && 'dist/emulator.js is not built (npm run build)' },
    async () => {
      const emulator = await startEmulatorProcess(SCRIPT);
      try {
        assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.notEqual(emulator.baseUrl, 'http://127.0.0.1:8089', 'a free port, not the fixed default');
        const result = await sendTokenRequest({
          baseUrl: new URL(emulator.baseUrl),
          apiKey: emulator.apiKey,
          apiSecret: emulator.apiSecret,
          bodyText: '{"clientId":"from-the-command"}',
          timeoutMs: 5000,
          maxRetries: 0,
        });
        assert.equal(result.kind, 'success');
      } finally {
        await emulator.stop();
      }
      assert.ok(emulator.process.exitCode !== null || emulator.process.signalCode !== null, 'the process has exited');
    },
  );
});
