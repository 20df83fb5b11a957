// Create a Session: the twin of the Go SDK's SessionsAPI.CreateSession example, which sends an
// empty CreateSessionRequest (every field optional: all providers, all fields disclosed).
//   TRINSIC_API_KEY=... npx tsx examples/createSession.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration, type CreateSessionRequest } from '../index.js';
import { connection, printError, printResponse } from './env.js';

const OPERATION = 'SessionsAPI.CreateSession';
const createSessionRequest: CreateSessionRequest = {};

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
