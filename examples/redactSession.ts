// Redact a Session, removing its identity data from Trinsic's servers: the twin of the Go SDK's
// SessionsAPI.RedactSession example.
//   SESSION_ID=... TRINSIC_API_KEY=... npx tsx examples/redactSession.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration } from '../index.js';
import { connection, input, printError, printResponse } from './env.js';

const OPERATION = 'SessionsAPI.RedactSession';
const sessionId = input('SESSION_ID', 'sessionId_example');

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.sessionsAPI.redactSession(sessionId).execute();

// The answer has no body (`data` is undefined): its status says it all.
pipe(
  result,
  E.map(({ response }) => `HTTP ${response.status}, Session redacted`),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
