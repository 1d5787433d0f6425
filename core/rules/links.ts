/** iDenfy documentation pages that diagnostics and hovers link to: one place for every URL. */
export const DOCS = {
  errors: 'https://documentation.idenfy.com/kyc/id-error-messages',
  tokenGeneration: 'https://documentation.idenfy.com/kyc/generate-token',
  additionalSteps: 'https://documentation.idenfy.com/kyc/additional-steps',
  webhooks: 'https://documentation.idenfy.com/kyc/webhooks',
  redirectAndIframe: 'https://documentation.idenfy.com/kyc/iframe-redirect',
  dummyResults: 'https://documentation.idenfy.com/kyc/dummy-results',
  errorHandling: 'https://documentation.idenfy.com/guides/error-handling',
  openApi: 'https://documentation.idenfy.com/openapi/kyc.yaml',
} as const;

export type DocPage = keyof typeof DOCS;
