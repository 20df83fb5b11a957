// Create a Session: the twin of the Go SDK's SessionsAPI.CreateSession example, which sends an
// empty CreateSessionRequest (every field optional: all providers, all fields disclosed).
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   TRINSIC_API_KEY=... npx tsx createSession.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration, type CreateSessionRequest } from 'trinsic-connect-sdk';
import { connection, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.CreateSession';
const createSessionRequest: CreateSessionRequest = {};

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  const result = await apiClient.sessionsAPI
    .createSession()
    .createSessionRequest(createSessionRequest)
    .execute();

  // The launchUrl is shown: it is what your user's device opens to start the Session.
  pipe(
    result,
    E.map(({ data }) => data),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
