// Cancel a Session by its ID: the twin of the Go SDK's SessionsAPI.CancelSession example.
//   SESSION_ID=... TRINSIC_API_KEY=... npx tsx examples/cancelSession.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration } from '../index.js';
import { connection, input, printError, printResponse } from './env.js';

const OPERATION = 'SessionsAPI.CancelSession';
const sessionId = input('SESSION_ID', 'sessionId_example');

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.sessionsAPI.cancelSession(sessionId).execute();

pipe(
  result,
  E.map(({ data }) => data),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
