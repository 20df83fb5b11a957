// Exchange a Results Access Key for the verified identity data: the twin of the Go SDK's
// SessionsAPI.ExchangeResultsKey example.
//   SESSION_ID=... RESULTS_ACCESS_KEY=... TRINSIC_API_KEY=... npx tsx examples/exchangeResultsKey.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration, type ExchangeResultsKeyResponse } from '../index.js';
import { connection, input, printError, printResponse } from './env.js';

const OPERATION = 'SessionsAPI.ExchangeResultsKey';
const sessionId = input('SESSION_ID', 'sessionId_example');
const resultsAccessKey = input('RESULTS_ACCESS_KEY', 'ResultsAccessKey_example');

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.sessionsAPI
  .exchangeResultsKey(sessionId)
  .exchangeResultsKeyRequest({ resultsAccessKey })
  .execute();

// Each attachment key is a secret (see exchangeAttachmentAccessKey.ts): name them, hide the values.
const withKeysHidden = ({ session, identityData }: ExchangeResultsKeyResponse) => ({
  session,
  identityData: identityData && {
    ...identityData,
    attachments: identityData.attachments && Object.keys(identityData.attachments),
  },
});

pipe(
  result,
  E.map(({ data }) => withKeysHidden(data)),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
