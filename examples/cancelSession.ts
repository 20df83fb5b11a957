// Cancel a Session by its ID: the twin of the Go SDK's SessionsAPI.CancelSession example.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   SESSION_ID=... TRINSIC_API_KEY=... npx tsx cancelSession.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration } from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.CancelSession';
const sessionId = input('SESSION_ID', 'sessionId_example');

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  const result = await apiClient.sessionsAPI.cancelSession(sessionId).execute();

  pipe(
    result,
    E.map(({ data }) => data),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
