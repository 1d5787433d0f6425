/**
 * JSON benchmark: text → diagnostics of this project, against the floor (jsonc-parser's parseTree alone,
 * which any JSON checker must pay) and against vscode-json-languageservice validating an equivalent JSON Schema.
 */
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { createLanguageService } from '../../core';
import { COUNTRY_CODES } from '../../core/rules/countries';
import { tokenRequestSchema } from './jsonSchema';
import { Contender, timedPasses } from './measure';

/** A realistic full payload of about 1 KB, with a few mistakes so the rules have work to do. */
export function smallPayload(): string {
  return JSON.stringify(
    {
      clientId: 'customer-000123',
      tokenType: 'IDENTIFICATION',
      externalRef: 'order-2026-11-26-0042',
      firstName: 'Žemaitė',
      lastName: 'Smith',
      dateOfBirth: '1990-05-17',
      sex: 'F',
      nationality: 'lt',
      country: 'LT',
      documents: ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE'],
      locale: 'en',
      showInstructions: true,
      generateDigitString: true,
      expiryTime: 7200,
      sessionLength: 900,
      successUrl: 'https://example.com/kyc/success',
      errorUrl: 'https://example.com/kyc/error',
      unverifiedUrl: 'http://example.com/kyc/unverified',
      callbackUrl: 'https://example.com/kyc/callback',
      checkAml: true,
      checkLiveness: true,
      verifyEmail: 'true',
      clientID: 'typo',
      riskAssessmentProfile: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      ageLimit: 18,
      ageMax: 99,
      questionnaire: 'onboarding-v2',
      additionalSteps: { ALL: { ALL: { UTILITY_BILL: { type: 'UPLOAD', settings: { canUpload: true, canCapture: true, canUploadPDF: true } } } } },
    },
    null,
    2,
  );
}

/** A large payload (several MB): additional steps for every country and a big additionalData block. */
export function largePayload(): string {
  const documentTypes = ['ID_CARD', 'PASSPORT', 'DRIVER_LICENSE', 'RESIDENCE_PERMIT'];
  const additionalSteps: Record<string, unknown> = {};
  for (const country of COUNTRY_CODES) {
    additionalSteps[country] = Object.fromEntries(
      documentTypes.map((d) => [
        d,
        {
          PROOF_OF_ADDRESS: { type: 'EXTRACT', fields: ['address', 'name', 'issueDate'], texts: { en: { name: 'Proof of address', description: `Upload a recent bill for ${country}` } } },
          COMPARE_NAME: { type: 'COMPARE', fields: ['name'], settings: { canUpload: true, canCapture: false } },
        },
      ]),
    );
  }
  const fields = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`field${i}`, `value number ${i} for comparison`]));
  return JSON.stringify({ ...JSON.parse(smallPayload()), address: undefined, additionalSteps, additionalData: { PROOF_OF_ADDRESS: fields } }, null, 2);
}

export async function runJsonBench(log: (line: string) => void = console.log): Promise<Record<string, number>> {
  const service = createLanguageService();
  const jsonService = getLanguageService({});
  jsonService.configure({ validate: true, schemas: [{ uri: 'https://example.com/idenfy-token.schema.json', fileMatch: ['*.idenfy.json'], schema: tokenRequestSchema() as any }] });
  const results: Record<string, number> = {};

  for (const [label, text, rounds, batch] of [
    ['1 KB', smallPayload(), 150, 200],
    ['large', largePayload(), 25, 1],
  ] as const) {
    const uri = 'file:///bench/request.idenfy.json';
    const document = TextDocument.create(uri, 'json', 1, text);
    // Sanity: both checkers find problems in the same payload (they measure real work, not an early exit).
    const ours = service.analyze({ uri, languageId: 'json', text });
    const theirs = await jsonService.doValidation(document, jsonService.parseJSONDocument(document));
    if (ours.findings.length === 0 || theirs.length === 0) throw new Error(`benchmark input ${label} produced no findings`);

    const contenders: Contender[] = [
      { name: 'parseTree', run: () => parseTree(text, []) },
      { name: 'idenfy', run: () => service.analyze({ uri, languageId: 'json', text }) },
      { name: 'jsonLanguageService', run: () => jsonService.doValidation(document, jsonService.parseJSONDocument(document)) },
    ];
    const timed = await timedPasses(contenders, rounds, batch);
    const m = timed.medians;
    const size = text.length >= 1e6 ? `${(text.length / 1e6).toFixed(1)} MB` : `${(text.length / 1024).toFixed(1)} KB`;
    log(
      `JSON ${label} payload (${size}, ${ours.findings.length} findings): parseTree ${m.parseTree.toFixed(3)} ms, idenfy ${m.idenfy.toFixed(3)} ms, json-languageservice ${m.jsonLanguageService.toFixed(3)} ms`,
    );
    // Ratios of blocks of the same pass (measure.ts): the machine's speed can change between passes.
    const vsFloor = timed.ratio('idenfy', 'parseTree');
    const languageServiceVsOurs = timed.ratio('jsonLanguageService', 'idenfy');
    log(`  idenfy / parseTree floor = ${vsFloor.toFixed(2)}× (target ≤ 1.5×); json-languageservice / idenfy = ${languageServiceVsOurs.toFixed(1)}× (target ≥ 2×)`);
    results[`json.${label}.vsFloor`] = vsFloor;
    results[`json.${label}.languageServiceVsOurs`] = languageServiceVsOurs;
  }
  return results;
}

if (require.main === module) void runJsonBench();
