// Every Session of your account: first a page at a time with `pages()`, then all at once with
// `all()` (each Session once, even if others are created meanwhile). No Go twin: the Go SDK
// leaves the paging loop to you.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev tsx
//   TRINSIC_API_KEY=... npx tsx listAllSessions.ts
//   PAGE_SIZE (1 to 50, default 50), LIMIT (optional: stop after this many Sessions)
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  APIClient,
  Configuration,
  OrderDirection,
  SessionOrdering,
  type Session,
} from 'trinsic-connect-sdk';
import { connection, input, printError, printResponse, run } from './env.js';

const OPERATION = 'SessionsAPI.ListSessions';
const pageSize = Number(input('PAGE_SIZE', '50'));
const limit = process.env.LIMIT === undefined ? undefined : Number(process.env.LIMIT);

/** How many Sessions there are in each state. */
const byState = (sessions: ReadonlyArray<Session>) => {
  const counts: Record<string, number> = {};
  for (const session of sessions) counts[session.state] = (counts[session.state] ?? 0) + 1;
  return { sessions: sessions.length, byState: counts };
};

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  // Oldest first: a Session created while this runs lands at the end, so nothing shifts.
  const listing = apiClient.sessionsAPI
    .listSessions()
    .orderBy(SessionOrdering.Created)
    .orderDirection(OrderDirection.Ascending)
    .pageSize(pageSize);

  // A page at a time: each is asked for only when the loop wants it; a `break` stops there.
  let pageNumber = 0;
  for await (const page of listing.pages()) {
    pageNumber++;
    if (E.isLeft(page)) {
      printError(OPERATION)(page.left);
      return;
    }
    const { sessions, total, more } = page.right.data;
    console.log(
      `page ${pageNumber}: ${sessions.length} of ${total} sessions, more: ${String(more)}`,
    );
  }

  // All at once, or up to LIMIT (no page is asked for beyond it).
  pipe(
    await (limit === undefined ? listing.all() : listing.allUpTo(limit)),
    E.map(byState),
    E.match(printError(OPERATION), printResponse(OPERATION)),
  );
});
