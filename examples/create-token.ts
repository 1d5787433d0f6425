// Creating an iDenfy verification session from a backend (Node 18+: global fetch and btoa).
// The extension finds the payload because the request goes to `${IDENFY_API}/token`, and checks it as you type.
// Two values below are wrong on purpose: hover the squiggles; Ctrl+. on them offers a quick fix where one exists.

const IDENFY_API = 'https://ivs.idenfy.com/api/v2';

interface Customer {
  id: string;
  firstName: string;
  lastName: string;
}

export async function createVerificationToken(customer: Customer, apiKey: string, apiSecret: string): Promise<string> {
  const credentials = btoa(`${apiKey}:${apiSecret}`);
  const response = await fetch(`${IDENFY_API}/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      clientId: customer.id, // computed: "Send Token Request" asks you for a value
      firstName: 'Jonas',
      lastName: 'Petraitis',
      tokenType: 'IDENTITY', // mistake: IDENTIFICATION or DOCUMENT
      dateOfBirth: '17/04/1990', // mistake: dates are YYYY-MM-DD
      country: 'lt',
      documents: ['ID_CARD', 'PASSPORT'],
      successUrl: 'https://shop.example.com/kyc/success',
      errorUrl: 'https://shop.example.com/kyc/error',
    }),
  });
  if (!response.ok) {
    // iDenfy answers {"identifier": "BAD_VALUE", "message": "..."}: hover BAD_VALUE or MISSING_VALUE below.
    const error = (await response.json()) as { identifier?: string; message?: string };
    if (error.identifier === 'BAD_VALUE' || error.identifier === 'MISSING_VALUE') {
      throw new Error(`iDenfy rejected the request: ${error.message}`);
    }
    throw new Error(`iDenfy answered ${response.status}`);
  }
  const { authToken } = (await response.json()) as { authToken: string };
  return `https://ivs.idenfy.com/api/v2/redirect?authToken=${authToken}`;
}
