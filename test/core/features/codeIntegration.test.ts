import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { analyzeCode } from '../../../core/code/index';
import { completeCode } from '../../../core/features/completion';
import { fixesFor } from '../../../core/features/fixes';
import { payloadHover } from '../../../core/features/hover';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { COUNTRY_NAMES } from '../../../core/rules/countries';
import { DOCUMENT_TYPES } from '../../../core/rules/documents';
import { applyEdits } from './helpers';
import { fixturePath } from '../../fixtureFiles';

/** Hover, completion and fixes on payloads the real code extractor (core/code) finds in the research samples. */

const SAMPLES = fixturePath('research', 'code-samples');

function sample(name: string) {
  const text = readFileSync(join(SAMPLES, name), 'utf8');
  return { text, fileName: name, analysis: analyzeCode({ text, fileName: name }, DEFAULT_SETTINGS) };
}

function syntaxErrors(text: string, fileName: string): string[] {
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
  return (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('quick fixes on code found by the extractor', () => {
  for (const name of ['01-fetch-inline-literal.ts', '02-axios-post-body-variable.js', '03-base-url-template.mjs', '08-react-admin-tool.tsx']) {
    it(`${name}: every fix removes its finding and leaves the file valid`, () => {
      const { text, fileName, analysis } = sample(name);
      const withFixes = analysis.findings.filter((f) => f.fixes?.length);
      assert.ok(withFixes.length > 0, 'the sample has fixable findings');
      for (const finding of withFixes) {
        const fixes = fixesFor(finding, text, 'code');
        assert.equal(fixes.length, finding.fixes!.length, `${finding.code} ${finding.field}: every hint becomes a fix`);
        for (const fix of fixes) {
          const fixed = applyEdits(text, fix.edits);
          assert.deepEqual(syntaxErrors(fixed, fileName), [], `${fix.title}:\n${fixed}`);
          const after = analyzeCode({ text: fixed, fileName }, DEFAULT_SETTINGS);
          assert.equal(after.payloads.length, analysis.payloads.length, `${fix.title}: the payload is still found`);
          assert.ok(!after.findings.some((f) => f.code === finding.code && f.field === finding.field && f.message === finding.message), `${fix.title} left "${finding.message}"`);
        }
      }
    });
  }

  it('08: the fixes keep the single quotes of the file', () => {
    const { text, analysis } = sample('08-react-admin-tool.tsx');
    const country = analysis.findings.find((f) => f.field === 'country')!;
    const [fix] = fixesFor(country, text, 'code');
    assert.equal(fix.title, 'Replace "UK" with "GB"');
    assert.equal(fix.edits[0].newText, "'GB'");
  });
});

describe('hover and completion on code found by the extractor', () => {
  it('hovers a country code and a key', () => {
    const { text, analysis } = sample('08-react-admin-tool.tsx');
    const root = analysis.payloads[0].root;
    assert.ok(payloadHover(root, text.indexOf("'UK'") + 1)?.markdown.includes('`GB`'));
    assert.ok(payloadHover(root, text.indexOf('utilityBill') + 2)?.markdown.includes('**utilityBill**'));
  });

  it('completes document types in the documents array and fields in the object', () => {
    const { text, analysis } = sample('08-react-admin-tool.tsx');
    const root = analysis.payloads[0].root;
    const inArray = completeCode(root, text, text.indexOf("'PASSPORT'") + 1);
    assert.deepEqual(new Set(inArray.map((i) => i.label)), new Set(DOCUMENT_TYPES.filter((t) => t !== 'DRIVERS_LICENSE')));
    const afterLast = text.indexOf('} } } },') + '} } } },'.length;
    const fields = completeCode(root, text, afterLast).map((i) => i.label);
    assert.ok(fields.includes('tokenType') && !fields.includes('country') && !fields.includes('clientId'));
    const countries = completeCode(root, text, text.indexOf("'UK'") + 2);
    assert.equal(countries.find((c) => c.label === 'GB')?.detail, COUNTRY_NAMES.GB);
  });
});
