// The same request with axios (CommonJS). The body is a variable passed as axios.post's second argument.
const axios = require('axios');

async function createToken(userId) {
  const body = {
    clientId: `user-${userId}`,
    locale: 'en',
    expiryTime: '3600', // mistake: a number of seconds, not a string
    generateDigitString: 'true', // mistake: true, not "true"
    documents: ['ID_CARD', 'RESIDENCE_PERMIT'],
    successUrl: 'https://shop.example.com/kyc/success',
  };
  const { data } = await axios.post('https://ivs.idenfy.com/api/v2/token', body, {
    auth: { username: process.env.IDENFY_API_KEY, password: process.env.IDENFY_API_SECRET },
  });
  return data.authToken;
}

module.exports = { createToken };
