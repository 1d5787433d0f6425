import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../emulator/main';

describe('emulator command line', () => {
  it('defaults to 127.0.0.1:8089 with the demo credentials', () => {
    const { options } = parseCommandLine([]);
    assert.equal(options!.host, '127.0.0.1');
    assert.equal(options!.port, 8089);
    assert.equal(options!.credentials![0].apiKey, 'emulator-api-key');
    assert.equal(options!.credentials![0].environment, 'DEV');
  });

  it('reads every option', () => {
    const { options } = parseCommandLine(
      [
        '--port',
        '0',
        '--key',
        'k',
        '--secret',
        's',
        '--key-environment',
        'test',
        '--environments',
        'PROD,DEV',
        '--inactive',
        '--credits',
        '3',
        '--rate-limit',
        '5',
        '--rate-window',
        '60',
        '--fail-next',
        '2',
        '--delay',
        '100',
        '--settings',
        'x.json',
      ],
      () => '{"idenfy.account.additionalSteps": false}',
    );
    assert.deepEqual(options, {
      host: '127.0.0.1',
      port: 0,
      credentials: [{ apiKey: 'k', apiSecret: 's', environment: 'TEST', active: false }],
      environments: ['PROD', 'DEV'],
      credits: 3,
      rateLimit: { limit: 5, windowSeconds: 60 },
      internalErrors: 2,
      delayMs: 100,
      settings: { 'idenfy.account.additionalSteps': false },
    });
  });

  it('says what is wrong instead of starting', () => {
    assert.match(parseCommandLine(['--port', '70000']).error!, /--port must be a whole number/);
    assert.match(parseCommandLine(['--key', 'k']).error!, /go together/);
    assert.match(parseCommandLine(['--environments', 'PROD,LIVE']).error!, /--environments/);
    assert.match(parseCommandLine(['--bogus']).error!, /bogus/);
    assert.match(
      parseCommandLine(['--settings', 'missing.json'], () => {
        throw new Error('ENOENT');
      }).error!,
      /cannot read/,
    );
    assert.equal(parseCommandLine(['--help']).help, true);
  });
});
