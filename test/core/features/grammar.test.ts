import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, IRawGrammar, parseRawGrammar, Registry } from 'vscode-textmate';
import { ERROR_IDENTIFIER_SCOPE, errorIdentifierGrammarText, GRAMMAR_PATH, INJECTION_SCOPE_NAME } from '../../../core/features/grammar';
import { ERROR_CATALOGUE } from '../../../core/rules/errors';

/**
 * The committed injection grammar, tested for real: vscode-textmate with the Oniguruma WebAssembly engine, over the
 * TextMate grammars VS Code's built-in languages are made from (the tm-grammars package). Plain text has no grammar
 * in VS Code, so for `text.plain` the test writes an empty one.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const committed = readFileSync(join(ROOT, GRAMMAR_PATH), 'utf8');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const BASE_GRAMMARS: Record<string, string> = {
  'source.ts': 'typescript',
  'source.tsx': 'tsx',
  'source.js': 'javascript',
  'source.python': 'python',
  'source.php': 'php',
  'source.go': 'go',
  'source.java': 'java',
  'source.cs': 'csharp',
  'source.ruby': 'ruby',
  'source.json': 'json',
  'source.json.comments': 'jsonc',
  'text.html.markdown': 'markdown',
};

function injectTo(): string[] {
  const contribution = packageJson.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION_SCOPE_NAME);
  assert.ok(contribution, 'package.json contributes the injection grammar');
  assert.equal(contribution.path, `./${GRAMMAR_PATH}`);
  return contribution.injectTo;
}

let registry: Registry;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const targets = injectTo();
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => oniguruma.createOnigScanner(patterns), createOnigString: (text) => oniguruma.createOnigString(text) }),
    async loadGrammar(scopeName): Promise<IRawGrammar | null> {
      if (scopeName === INJECTION_SCOPE_NAME) return parseRawGrammar(committed, 'injection.json');
      if (scopeName === 'text.plain') return parseRawGrammar(JSON.stringify({ scopeName: 'text.plain', patterns: [] }), 'plain.json');
      const file = BASE_GRAMMARS[scopeName];
      if (!file) return null; // embedded languages the tests do not need
      return parseRawGrammar(readFileSync(require.resolve(`tm-grammars/grammars/${file}.json`), 'utf8'), `${file}.json`);
    },
    // What VS Code does with `injectTo`.
    getInjections: (scopeName) => (targets.includes(scopeName) ? [INJECTION_SCOPE_NAME] : undefined),
  });
});

async function grammar(scopeName: string): Promise<IGrammar> {
  const loaded = await registry.loadGrammar(scopeName);
  assert.ok(loaded, scopeName);
  return loaded;
}

/** The text of each token of the last line and its scopes. */
async function tokens(scopeName: string, lines: string[]): Promise<Array<{ text: string; scopes: string[] }>> {
  const g = await grammar(scopeName);
  let state = INITIAL;
  let result: Array<{ text: string; scopes: string[] }> = [];
  for (const line of lines) {
    const tokenized = g.tokenizeLine(line, state);
    state = tokenized.ruleStack;
    result = tokenized.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  }
  return result;
}

async function marked(scopeName: string, ...lines: string[]): Promise<string[]> {
  return (await tokens(scopeName, lines)).filter((t) => t.scopes.includes(ERROR_IDENTIFIER_SCOPE)).map((t) => t.text);
}

describe('the error-identifier grammar file', () => {
  it('is what the generator writes from the catalogue (run node tools/generateGrammar.mjs after changing it)', () => {
    assert.equal(committed, errorIdentifierGrammarText());
  });

  it("matches exactly the catalogue's identifiers", () => {
    const grammarJson = JSON.parse(committed);
    const match: string = grammarJson.repository['error-identifier'].match;
    const alternatives = /^\\b\(\?:(.*)\)\\b$/.exec(match)?.[1].split('|');
    assert.deepEqual(new Set(alternatives), new Set(ERROR_CATALOGUE.keys()));
    assert.equal(alternatives?.length, ERROR_CATALOGUE.size);
  });

  it('is injected into every language package.json names, all of which have a grammar here or are plain text', () => {
    for (const scope of injectTo()) {
      if (scope === 'text.plain' || scope === 'text.html.php' || scope === 'source.js.jsx') continue; // hosts the tests do not load
      assert.ok(BASE_GRAMMARS[scope], `no base grammar for ${scope} in the test`);
    }
  });
});

describe('tokenizing with the injection', () => {
  it("TypeScript: an identifier in a string gets the scope, inside the string's scope", async () => {
    const result = await tokens('source.ts', ["if (err.identifier === 'BAD_VALUE') {"]);
    const token = result.find((t) => t.text === 'BAD_VALUE');
    assert.ok(token, JSON.stringify(result));
    assert.ok(token.scopes.includes(ERROR_IDENTIFIER_SCOPE), token.scopes.join(' '));
    assert.ok(
      token.scopes.some((s) => s.startsWith('string.quoted.single')),
      token.scopes.join(' '),
    );
  });

  it("every identifier in every host language's strings", async () => {
    const lines: Record<string, (id: string) => string[]> = {
      'source.ts': (id) => [`const retry = body.identifier === "${id}";`],
      'source.tsx': (id) => [`const e = <Err code={'${id}'} />;`],
      'source.js': (id) => [`switch (e.identifier) { case \`${id}\`: break; }`],
      'source.python': (id) => [`if body["identifier"] == "${id}":`],
      'source.php': (id) => [`if ($body['identifier'] === '${id}') {`],
      'source.go': (id) => [`case "${id}":`],
      'source.java': (id) => [`if ("${id}".equals(identifier)) {`],
      'source.cs': (id) => [`if (error.Identifier == "${id}")`],
      'source.ruby': (id) => [`when '${id}' then retry`],
      'source.json': (id) => [`{ "identifier": "${id}", "message": "x" }`],
      'source.json.comments': (id) => [`{ "identifier": "${id}" }`],
      'text.html.markdown': (id) => [`iDenfy answers ${id} when the request is wrong.`],
      'text.plain': (id) => [`Got ${id} again`],
    };
    for (const [scope, line] of Object.entries(lines)) {
      for (const identifier of ERROR_CATALOGUE.keys()) {
        assert.deepEqual(await marked(scope, ...line(identifier)), [identifier], `${scope}: ${line(identifier)}`);
      }
    }
  });

  it('comments too', async () => {
    assert.deepEqual(await marked('source.ts', '// retry TOO_MANY_REQUESTS with back-off'), ['TOO_MANY_REQUESTS']);
    assert.deepEqual(await marked('source.python', '# INTERNAL_ERROR: retry'), ['INTERNAL_ERROR']);
    assert.deepEqual(await marked('source.go', '/* UNAUTHORIZED means bad keys */'), ['UNAUTHORIZED']);
  });

  it('not longer words, other case, or code outside strings and comments', async () => {
    assert.deepEqual(await marked('source.ts', "const x = 'BAD_VALUES' + 'MY_BAD_VALUE' + 'bad_value';"), []);
    assert.deepEqual(await marked('source.ts', 'if (code === ErrorCode.BAD_VALUE) {'), []);
    assert.deepEqual(await marked('source.python', 'BAD_VALUE = 1'), []);
    assert.deepEqual(await marked('text.html.markdown', 'PARTNER_CONTRACT_ERRORS are rare'), []);
  });

  it('two identifiers in one string, and an identifier on a later line of a block comment', async () => {
    assert.deepEqual(await marked('source.ts', "const retryable = 'INTERNAL_ERROR TOO_MANY_REQUESTS';"), ['INTERNAL_ERROR', 'TOO_MANY_REQUESTS']);
    assert.deepEqual(await marked('source.java', '/**', ' * Thrown for TOKEN_NOT_VALID.'), ['TOKEN_NOT_VALID']);
  });
});
