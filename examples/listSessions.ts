// List your Sessions, a page at a time: the twin of the Go SDK's SessionsAPI.ListSessions example.
//   TRINSIC_API_KEY=... npx tsx examples/listSessions.ts
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
// In an installed project: from 'trinsic-connect-sdk'.
import { APIClient, Configuration, OrderDirection, SessionOrdering } from '../index.js';
import { connection, printError, printResponse } from './env.js';

const OPERATION = 'SessionsAPI.ListSessions';

const apiClient = new APIClient(new Configuration(connection()));
const result = await apiClient.sessionsAPI
  .listSessions()
  .orderBy(SessionOrdering.Created)
  .orderDirection(OrderDirection.Ascending)
  .pageSize(50) // 1 to 50
  .page(1) // from 1
  .execute();

pipe(
  result,
  E.map(({ data }) => data),
  E.match(printError(OPERATION), printResponse(OPERATION)),
);
