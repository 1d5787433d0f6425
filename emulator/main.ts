/**
 * `npm run emulator`: a local iDenfy POST /api/v2/token on 127.0.0.1, to try "iDenfy: Send Token Request" without an
 * account. Point `idenfy.baseUrl` at the printed URL and use the printed demo credentials.
 */
import { readBoundedText } from '../cli/boundedRead';
import { parseArgs } from 'node:util';
import { createEmulator, DEMO_CREDENTIALS, EmulatorCredential, EmulatorOptions, Environment } from './emulator';

const ENVIRONMENTS: readonly Environment[] = ['DEV', 'TEST', 'PROD', 'DEMO'];

export const USAGE = `Usage: npm run emulator -- [options]

  --port N             port on 127.0.0.1 (default 8089; 0 = any free port)
  --host H             loopback address to listen on: 127.0.0.1 (default), ::1 or localhost
  --key K --secret S   the accepted API key and secret (default ${DEMO_CREDENTIALS[0].apiKey} / ${DEMO_CREDENTIALS[0].apiSecret})
  --key-environment E  the environment of that key: DEV (default), TEST, PROD, DEMO
  --environments LIST  environments this endpoint serves, e.g. PROD (others get 403); default all
  --inactive           the partner is inactive (403 "Partner inactive")
  --credits N          tokens left before 402 "Action not allowed due to lack of funds…"
  --rate-limit N       429 TOO_MANY_REQUESTS after N requests per --rate-window seconds (default 3600)
  --rate-window S
  --fail-next N        the next N requests get 500 INTERNAL_ERROR
  --delay MS           wait MS milliseconds before every answer
  --settings FILE      a JSON file of idenfy.* settings (account capabilities) for the rules
  --help`;

export interface ParsedCommandLine {
  readonly options?: EmulatorOptions;
  readonly error?: string;
  readonly help?: boolean;
}

export function parseCommandLine(argv: readonly string[], readFile: (path: string) => string = (p) => readBoundedText(p, 4 * 1024 * 1024)): ParsedCommandLine {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        key: { type: 'string' },
        secret: { type: 'string' },
        'key-environment': { type: 'string' },
        environments: { type: 'string' },
        inactive: { type: 'boolean' },
        credits: { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        'fail-next': { type: 'string' },
        delay: { type: 'string' },
        settings: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };

  const int = (name: string, min: number, max: number): number | undefined | string => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : `--${name} must be a whole number from ${min} to ${max}; got "${raw}".`;
  };
  const numbers: Record<string, number | undefined> = {};
  for (const [name, min, max] of [
    ['port', 0, 65535],
    ['credits', 0, 1e9],
    ['rate-limit', 0, 1e9],
    ['rate-window', 1, 86400 * 30],
    ['fail-next', 0, 10000],
    ['delay', 0, 600_000],
  ] as const) {
    const n = int(name, min, max);
    if (typeof n === 'string') return { error: n };
    numbers[name] = n;
  }

  const env = (text: string): Environment | undefined => ((ENVIRONMENTS as readonly string[]).includes(text.toUpperCase()) ? (text.toUpperCase() as Environment) : undefined);
  const keyEnvironment = values['key-environment'] === undefined ? 'DEV' : env(String(values['key-environment']));
  if (!keyEnvironment) return { error: `--key-environment must be one of ${ENVIRONMENTS.join(', ')}.` };
  let environments: Environment[] | undefined;
  if (values.environments !== undefined) {
    const list = String(values.environments)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const parsed = list.map(env);
    if (parsed.length === 0 || parsed.some((e) => !e)) return { error: `--environments must list some of ${ENVIRONMENTS.join(', ')}, separated by commas.` };
    environments = parsed as Environment[];
  }
  if ((values.key === undefined) !== (values.secret === undefined)) return { error: '--key and --secret go together.' };
  const credential: EmulatorCredential = {
    apiKey: values.key !== undefined ? String(values.key) : DEMO_CREDENTIALS[0].apiKey,
    apiSecret: values.secret !== undefined ? String(values.secret) : DEMO_CREDENTIALS[0].apiSecret,
    environment: keyEnvironment,
    active: values.inactive !== true,
  };

  let settings: unknown;
  if (values.settings !== undefined) {
    try {
      settings = JSON.parse(readFile(String(values.settings)));
    } catch (error) {
      return { error: `--settings: cannot read ${String(values.settings)} as JSON (${(error as Error).message}).` };
    }
  }

  return {
    options: {
      host: values.host !== undefined ? String(values.host) : '127.0.0.1',
      port: numbers.port ?? 8089,
      credentials: [credential],
      ...(environments ? { environments } : {}),
      ...(numbers.credits !== undefined ? { credits: numbers.credits } : {}),
      ...(numbers['rate-limit'] !== undefined ? { rateLimit: { limit: numbers['rate-limit'], windowSeconds: numbers['rate-window'] ?? 3600 } } : {}),
      ...(numbers['fail-next'] ? { internalErrors: numbers['fail-next'] } : {}),
      ...(numbers.delay ? { delayMs: numbers.delay } : {}),
      ...(settings !== undefined ? { settings } : {}),
    },
  };
}

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2));
  if (parsed.help) {
    console.log(USAGE);
    return;
  }
  if (parsed.error || !parsed.options) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const options = parsed.options;
  let emulator;
  try {
    emulator = await createEmulator({ ...options, log: (line) => console.log(`${new Date().toISOString()} ${line}`) });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port ${options.port} is in use: choose another with --port (0 = any free port).` : `Cannot start the emulator: ${e.message}`);
    process.exitCode = 1;
    return;
  }
  const credential = options.credentials![0];
  console.log(`iDenfy emulator: POST ${emulator.url}/api/v2/token`);
  console.log(`  Set "idenfy.baseUrl": "${emulator.url}" and run "iDenfy: Set API Credentials" with`);
  console.log(`  API key:    ${credential.apiKey}`);
  const demo = credential.apiSecret === DEMO_CREDENTIALS[0].apiSecret;
  console.log(`  API secret: ${demo ? credential.apiSecret : '(the one given with --secret)'}   (environment ${credential.environment})`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main();
