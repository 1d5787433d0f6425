import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_CODES } from '../../../core/rules/codes';
import { COMBINATION_RULES } from '../../../core/rules/combinations';
import { ERROR_CATALOGUE } from '../../../core/rules/errors';
import { FIELDS } from '../../../core/rules/fields';
import { RULES_DOC_PATH, rulesDocText } from '../../../tools/rulesDoc';
import { repoRoot } from './helpers';

/** docs/rules.md is generated from the rule tables (tools/generateDocs.mjs): the committed file must be current. */
describe('docs/rules.md, the generated rules reference', () => {
  const text = rulesDocText();

  it('is up to date with the rule tables (run npm run generate:docs)', () => {
    const committed = readFileSync(join(repoRoot(), RULES_DOC_PATH), 'utf8');
    assert.ok(committed === text, `${RULES_DOC_PATH} is stale: run npm run generate:docs`);
  });

  it('lists every field, combination rule, project code and error identifier', () => {
    for (const name of FIELDS.keys()) assert.ok(text.includes(`| \`${name}\` |`), `field ${name}`);
    for (const rule of COMBINATION_RULES) assert.ok(text.includes(`| \`${rule.id}\` |`), `rule ${rule.id}`);
    for (const code of Object.values(PROJECT_CODES)) assert.ok(text.includes(`| \`${code}\` |`), `project code ${code}`);
    assert.equal(ERROR_CATALOGUE.size, 12);
    for (const identifier of ERROR_CATALOGUE.keys()) assert.ok(text.includes(`| \`${identifier}\` |`), `identifier ${identifier}`);
  });

  it('shows the additionalSteps shape down to the step settings', () => {
    for (const key of ['`type`', '`fields`', '`texts`', '`settings`', '`canUploadPDF`', '`UTILITY_BILL`', '`COMPARE`']) assert.ok(text.includes(key), key);
  });
});
