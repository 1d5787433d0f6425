import * as http from 'node:http';
import { createEmulator, Emulator, EmulatorOptions } from '../../../emulator/emulator';
import { sendTokenRequest, SendTokenRequestOptions, SendResult } from '../../../client/send';

export const KEY = 'test-api-key-0123456789';
export const SECRET = 'test-api-secret-abcdefghij';

/** Starts an emulator with the test credentials, runs `fn`, always closes it. */
export async function withEmulator<T>(options: EmulatorOptions, fn: (emulator: Emulator) => Promise<T>): Promise<T> {
  const emulator = await createEmulator({ credentials: [{ apiKey: KEY, apiSecret: SECRET, environment: 'DEV' }], ...options });
  try {
    return await fn(emulator);
  } finally {
    await emulator.close();
  }
}

/** A sleep that records the delays asked for and waits only 1 ms, so back-off is observable but fast. */
export function recordingSleep(): { delays: number[]; sleep: (ms: number, signal?: AbortSignal) => Promise<void> } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms) => {
      delays.push(ms);
      return new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
}

export function send(emulator: Emulator, bodyText: string, extra: Partial<SendTokenRequestOptions> = {}): Promise<SendResult> {
  return sendTokenRequest({
    baseUrl: emulator.url,
    apiKey: KEY,
    apiSecret: SECRET,
    bodyText,
    timeoutMs: 5000,
    maxRetries: 3,
    initialRetryDelayMs: 10,
    sleep: recordingSleep().sleep,
    random: () => 0.5,
    ...extra,
  });
}

/** A raw request (any method, any bytes), for what the send command never does. */
export function rawRequest(
  url: string,
  options: { method?: string; body?: Buffer | string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export function basic(key = KEY, secret = SECRET): string {
  return 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
}

/** A tiny raw server answering every request with `handler`; for answers the emulator never gives. */
export async function withRawServer<T>(handler: http.RequestListener, fn: (url: string, server: http.Server) => Promise<T>): Promise<T> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    return await fn(`http://127.0.0.1:${port}`, server);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A loopback port with nothing listening (opened, then closed). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A raw request handler giving these answers, one per request, in order. */
export function answersInOrder(answers: ReadonlyArray<{ status: number; type: string; body: string }>): http.RequestListener {
  let next = 0;
  return (req, res) => {
    const answer = answers[next++];
    req.resume();
    res.writeHead(answer.status, { 'Content-Type': answer.type });
    res.end(answer.body);
  };
}
