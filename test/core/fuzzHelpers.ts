/** Seeded inputs for the fuzz tests (core and CLI): a small PRNG, the fixtures, random texts and mutations. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIXTURES = resolve(__dirname, '../../../test/fixtures');

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function filesIn(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesIn(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

export const JSON_FIXTURES = [...filesIn(join(FIXTURES, 'json'), /\.jsonc?$/), ...filesIn(join(FIXTURES, 'official'), /\.json$/)].map((f) => readFileSync(f, 'utf8'));
export const CODE_FIXTURES = filesIn(join(FIXTURES, 'code'), /\.[cm]?[jt]sx?$/).map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));

/** Characters that matter to a JSON or code parser, and some that should not. */
const INTERESTING = [
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ',',
  ':',
  '\\',
  '/',
  '*',
  '\n',
  '\r',
  '\t',
  ' ',
  '0',
  '-',
  '.',
  'e',
  'E',
  'u',
  'n',
  't',
  'f',
  '\u0000',
  '\u001f',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '😀',
  '`',
  '$',
  '(',
  ')',
  '//',
  '/*',
  '*/',
  '${',
  'null',
  'true',
  'false',
  '1e400',
  '-0',
  '"clientId"',
  '"documents"',
];

/** One seeded mutation of `text`: delete, insert, duplicate, replace, truncate or nest. */
export function mutate(text: string, random: () => number): string {
  const at = () => Math.floor(random() * (text.length + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  switch (Math.floor(random() * 7)) {
    case 0: {
      const start = at();
      return text.slice(0, start) + text.slice(start + 1 + Math.floor(random() * 8));
    }
    case 1: {
      const start = at();
      return text.slice(0, start) + pick(INTERESTING) + text.slice(start);
    }
    case 2: {
      const start = at();
      const end = Math.min(text.length, start + Math.floor(random() * 40));
      return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }
    case 3: {
      const start = at();
      return text.slice(0, start) + pick(INTERESTING) + text.slice(start + 1);
    }
    case 4:
      return text.slice(0, at());
    case 5: {
      const start = at();
      const depth = 1 + Math.floor(random() * 30);
      const open = random() < 0.5 ? '[' : '{"k":';
      return text.slice(0, start) + open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth) + text.slice(start);
    }
    default: {
      const a = at();
      const b = at();
      return text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)) + text.slice(Math.min(a, b), Math.max(a, b));
    }
  }
}

export function randomText(random: () => number): string {
  const length = Math.floor(random() * 200);
  if (random() < 0.5) {
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
    return random() < 0.5 ? bytes.toString('utf8') : bytes.toString('latin1');
  }
  let out = '';
  while (out.length < length) out += INTERESTING[Math.floor(random() * INTERESTING.length)];
  return out;
}
