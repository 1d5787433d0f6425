// @ts-check
// `npm run generate:l10n`: the localisation files that are derived, never edited by hand.
//   1. l10n/bundle.l10n.json, the English bundle: every message of an `l10n.t('…')` call in client/**/*.ts
//      (`vscode.l10n.t` in the modules that import vscode, `l10n.t` of @vscode/l10n in the vscode-free ones), sorted by
//      key, `{ "English": "English" }`. A message no call uses any more is dropped.
//   2. the pseudo-locale (qps-ploc) translations of package.nls.json and that bundle, to check that every user-facing
//      string goes through localisation: run VS Code with `--locale=qps-ploc` (or the "Configure Display Language"
//      command) and every string the extension shows should look [Ŝţŕéţçĥéð].
//   node tools/generatePseudoLocale.mjs          write the files
//   node tools/generatePseudoLocale.mjs --check  exit 1 if a committed file differs (test/architecture/l10n.test.ts runs it)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = 'l10n/bundle.l10n.json';

const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', s: 'ŝ', t: 'ţ', r: 'ŕ', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', S: 'Ŝ', T: 'Ţ', R: 'Ŕ' };

/**
 * Accents letters outside `code`, `{0}` placeholders, %keys%, URLs and markdown link targets; wraps in [ ].
 * @param {string} text
 */
export function pseudo(text) {
  const parts = text.split(/(`[^`]*`|\{\d+\}|https?:\/\/\S+|\]\([^)]*\))/);
  return '[' + parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[/** @type {keyof typeof ACCENTED} */ (c)] ?? c))).join('') + ']';
}

/** `l10n.t(` followed by a quoted string, possibly on the next line: the message. */
const CALL = /\bl10n\.t\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;

/**
 * The value of a single- or double-quoted TypeScript string literal (its quotes included).
 * @param {string} literal
 */
export function unquote(literal) {
  const ESCAPES = /** @type {Record<string, string>} */ ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' });
  return literal.slice(1, -1).replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, escape) => {
    if (/^u\{/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (/^[ux][0-9a-fA-F]/.test(escape) && escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return ESCAPES[escape] ?? escape;
  });
}

/**
 * Every `l10n.t` message of a TypeScript source.
 * @param {string} source
 */
export function messagesIn(source) {
  return [...source.matchAll(CALL)].map((m) => unquote(m[1]));
}

/** @param {string} dir @returns {string[]} */
function typeScriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? typeScriptFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

/** The text of l10n/bundle.l10n.json from the sources of client/. */
export function bundleText() {
  const messages = new Set(typeScriptFiles(join(root, 'client')).flatMap((file) => messagesIn(readFileSync(file, 'utf8'))));
  /** @type {Record<string, string>} */
  const bundle = {};
  for (const message of [...messages].sort()) bundle[message] = message;
  return JSON.stringify(bundle, null, 2) + '\n';
}

/**
 * The pseudo-locale of a package.nls.json or bundle text.
 * @param {string} text
 */
function pseudoText(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [key, value] of Object.entries(JSON.parse(text))) out[key] = pseudo(typeof value === 'string' ? value : value.message);
  return JSON.stringify(out, null, 2) + '\n';
}

/** Writes `text` to `file`, or with --check reports whether the committed file differs; true when stale. */
function emit(/** @type {string} */ file, /** @type {string} */ text, /** @type {boolean} */ check) {
  const path = join(root, file);
  if (!check) {
    writeFileSync(path, text);
    console.log(`wrote ${relative(root, path)}`);
    return false;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === text) return false;
  console.error(`${file} is out of date: run npm run generate:l10n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === join(process.argv[1])) {
  const check = process.argv.includes('--check');
  const bundle = bundleText();
  let stale = emit(BUNDLE, bundle, check);
  // The pseudo-locale of the bundle is made from the extracted bundle, so a --check also catches a stale pair.
  stale = emit('l10n/bundle.l10n.qps-ploc.json', pseudoText(bundle), check) || stale;
  stale = emit('package.nls.qps-ploc.json', pseudoText(readFileSync(join(root, 'package.nls.json'), 'utf8')), check) || stale;
  if (stale) process.exit(1);
  if (check) console.log('l10n bundle and pseudo-locales are up to date');
}
