/** iDenfy documentation pages that diagnostics and hovers link to: one place for every URL. */
export const DOCS = {
  errors: 'https://documentation.idenfy.com/kyc/id-error-messages',
  tokenGeneration: 'https://documentation.idenfy.com/kyc/id-generating-token',
  additionalSteps: 'https://documentation.idenfy.com/kyc/id-additional-steps',
  openApi: 'https://documentation.idenfy.com/openapi/kyc.yaml',
  legacyDocs: 'https://github.com/idenfy/Documentation',
} as const;

export type DocPage = keyof typeof DOCS;
