// Exchange a Results Access Key for the verified identity data: the twin of the Go SDK's
// SessionsAPI.ExchangeResultsKey example.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   SESSION_ID=... RESULTS_ACCESS_KEY=... TRINSIC_API_KEY=... npx tsx exchangeResultsKey.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration, type ExchangeResultsKeyResponse } from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.ExchangeResultsKey';
const sessionId = input('SESSION_ID', 'sessionId_example');
const resultsAccessKey = input('RESULTS_ACCESS_KEY', 'ResultsAccessKey_example');

// Each attachment key is a secret (see exchangeAttachmentAccessKey.ts): name them, hide the values.
const withKeysHidden = ({ session, identityData }: ExchangeResultsKeyResponse) => ({
  session,
  identityData: identityData && {
    ...identityData,
    attachments: identityData.attachments && Object.keys(identityData.attachments),
  },
});

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  const result = await apiClient.sessionsAPI
    .exchangeResultsKey(sessionId)
    .exchangeResultsKeyRequest({ resultsAccessKey })
    .execute();

  pipe(
    result,
    E.map(({ data }) => withKeysHidden(data)),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
