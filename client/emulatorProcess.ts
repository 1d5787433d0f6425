/**
 * Runs the bundled emulator (dist/emulator.js) as a child process on a free loopback port and reads its banner for
 * the URL and the demo credentials. No `vscode` import: the command (emulatorCommand.ts) and the tests use it; its
 * errors (shown by the command) go through @vscode/l10n.
 */
import * as l10n from '@vscode/l10n';
import { ChildProcess, spawn } from 'node:child_process';

export interface EmulatorBanner {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** The URL and demo credentials printed by `dist/emulator.js` (see emulator/main.ts), once all three are there. */
export function parseEmulatorBanner(text: string): EmulatorBanner | undefined {
  const url = /POST (http:\/\/\S+?)\/api\/v2\/token/.exec(text)?.[1];
  const apiKey = /API key:\s+(\S+)/.exec(text)?.[1];
  const apiSecret = /API secret:\s+(\S+)/.exec(text)?.[1];
  return url && apiKey && apiSecret && !apiSecret.startsWith('(') ? { baseUrl: url, apiKey, apiSecret } : undefined;
}

export interface RunningEmulator extends EmulatorBanner {
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node <script> --port 0` (any free port on 127.0.0.1) with `execPath` (VS Code's own runtime, run as Node),
 * resolves when the banner is read; rejects when the process exits first or after `timeoutMs`.
 */
export function startEmulatorProcess(script: string, options: { execPath?: string; timeoutMs?: number; onOutput?: (line: string) => void } = {}): Promise<RunningEmulator> {
  const child = spawn(options.execPath ?? process.execPath, [script, '--port', '0'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  // If the extension host goes away without deactivate (a crash), the emulator goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise<RunningEmulator>((resolve, reject) => {
    let seen = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error(l10n.t('the emulator did not start within {0} s', (options.timeoutMs ?? 15000) / 1000))), options.timeoutMs ?? 15000);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop();
      reject(error);
    };
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split(/\r?\n/)) if (line) options.onOutput?.(line);
      if (settled) return;
      seen += text;
      const banner = parseEmulatorBanner(seen);
      if (banner) {
        settled = true;
        clearTimeout(timer);
        resolve({ ...banner, process: child, stop });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => fail(error));
    child.once('exit', (code) => fail(new Error(l10n.t('the emulator exited (code {0}) before it was ready: {1}', String(code), seen.trim().slice(-300)))));
  });
}
