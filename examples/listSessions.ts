// List your Sessions, a page at a time: the twin of the Go SDK's SessionsAPI.ListSessions example.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   TRINSIC_API_KEY=... npx tsx listSessions.ts
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { APIClient, Configuration, OrderDirection, SessionOrdering } from 'trinsic-connect-sdk';
import { connection, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.ListSessions';

run(async () => {
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
});
