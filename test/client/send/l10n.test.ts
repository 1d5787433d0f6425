/**
 * The texts of the vscode-free send modules go through @vscode/l10n: configured with a bundle (as activate() does with
 * the one VS Code loaded), presentResult and the checks speak its language; unconfigured, they speak English.
 * The bundle here is the generated pseudo-locale, so every localised text is [bracketed and áççéñţéð].
 */
import * as l10n from '@vscode/l10n';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { actionLabel, checkCredentials, creditNote, describeNetworkError, errorsMessage, presentResult, unknownsMessage } from '../../../client/send';
import { send, withEmulator } from './helpers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const pseudoBundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.qps-ploc.json'), 'utf8')) as Record<string, string>;
const pseudo = (text: string) => /^\[[^\]]/.test(text) && text.endsWith(']');

describe('localised send texts (@vscode/l10n with the pseudo-locale)', () => {
  before(() => l10n.config({ contents: pseudoBundle }));
  // Back to English for whatever runs after this in the same process.
  after(() => l10n.config({ contents: {} }));

  it('the bundle holds the button labels, pseudo-localised', () => {
    assert.equal(pseudoBundle['Copy Token'], '[Çópy Ţókéñ]');
  });

  it('a success: the message and its buttons', async () => {
    await withEmulator({}, async (emulator) => {
      const result = await send(emulator, '{"clientId":"a"}');
      assert.equal(result.kind, 'success');
      const p = presentResult(result);
      assert.ok(pseudo(p.message), p.message);
      assert.match(p.message, /^\[íDéñfy çŕéáţéd ţhé ţókéñ \(HŢŢP 201\)\. authToken: \w+ · scanRef: [0-9a-f-]+\]$/, 'the placeholders are filled in, the field names kept');
      assert.ok(result.kind === 'success' && p.message.includes(result.authToken));
      assert.deepEqual(p.actions.map(actionLabel), ['[Ópéñ Véŕífíçáţíóñ Líñk]', '[Çópy Ţókéñ]', '[Ŝhów Óúţpúţ]']);
      assert.ok(pseudo(creditNote()));
    });
  });

  it("an api-error: iDenfy's own message and the catalogue's explanation stay as they are, the rest is localised", async () => {
    await withEmulator({}, async (emulator) => {
      const result = await send(emulator, '{"clientId":"a","sessionLength":5}');
      assert.equal(result.kind, 'api-error');
      const p = presentResult(result);
      assert.match(p.message, /^\[íDéñfy áñŝwéŕéd 400 BAD_VALUE: Field 'sessionLength' must be an integer from 60 to 3600 seconds; got 5\.\] A parameter has an invalid value\./);
      assert.match(p.diagnostic!, /^\[íDéñfy áñŝwéŕéd BAD_VALUE: Field 'sessionLength'/);
      assert.ok(p.actions.map(actionLabel).every(pseudo));
    });
  });

  it('the questions, the credential checks and the network errors', () => {
    assert.ok(pseudo(errorsMessage(2, 1)));
    assert.ok(pseudo(unknownsMessage([{ path: 'clientId', kind: 'value', segments: [], start: 0, end: 0 }])));
    const problems = checkCredentials('', ' secret ');
    assert.equal(problems.length, 2);
    assert.ok(problems.every((problem) => pseudo(problem.message)));
    const refused = describeNetworkError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), new URL('https://ivs.idenfy.com/api/v2/token'), 1000);
    assert.match(refused.message, /^\[Çóññéçţíóñ ŕéfúŝéd by ivs\.idenfy\.com: ñóţhíñg líŝţéñŝ ţhéŕé\.\] \[/);
  });

  it('without a bundle the texts are English again', () => {
    l10n.config({ contents: {} });
    try {
      assert.equal(actionLabel('copyToken'), 'Copy Token');
      assert.equal(errorsMessage(1, 0), 'This payload has 1 error; iDenfy will probably reject it (400). Send anyway?');
    } finally {
      l10n.config({ contents: pseudoBundle });
    }
  });
});
