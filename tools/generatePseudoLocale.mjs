// Writes the pseudo-locale (qps-ploc) translations of package.nls.json and l10n/bundle.l10n.json, to check that
// every user-facing string goes through localisation: run VS Code with `--locale=qps-ploc` (or the
// "Configure Display Language" command) and every string the extension shows should look [Ŝţŕéţçĥéð].
//   node tools/generatePseudoLocale.mjs          write the files
//   node tools/generatePseudoLocale.mjs --check  exit 1 if a committed file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', c: 'ç', n: 'ñ', s: 'ŝ', t: 'ţ', r: 'ŕ', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', C: 'Ç', N: 'Ñ', S: 'Ŝ', T: 'Ţ', R: 'Ŕ' };

/** Accents letters outside `code`, `{0}` placeholders, %keys%, URLs and markdown link targets; wraps in [ ]. */
export function pseudo(text) {
  const parts = text.split(/(`[^`]*`|\{\d+\}|https?:\/\/\S+|\]\([^)]*\))/);
  return '[' + parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c))).join('') + ']';
}

const pairs = [
  ['package.nls.json', 'package.nls.qps-ploc.json'],
  ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.qps-ploc.json'],
];
let stale = false;
for (const [source, target] of pairs) {
  const strings = JSON.parse(readFileSync(join(root, source), 'utf8'));
  const out = {};
  for (const [key, value] of Object.entries(strings)) out[key] = pseudo(typeof value === 'string' ? value : value.message);
  const text = JSON.stringify(out, null, 2) + '\n';
  if (check) {
    let current = '';
    try {
      current = readFileSync(join(root, target), 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error(`${target} is out of date: run node tools/generatePseudoLocale.mjs`);
      stale = true;
    }
  } else {
    writeFileSync(join(root, target), text);
    console.log(`wrote ${target}`);
  }
}
if (stale) process.exit(1);
