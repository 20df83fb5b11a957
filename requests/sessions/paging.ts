import type { ListSessionsResponse } from '../../models/ListSessionsResponse.js';
import type { Session } from '../../models/Session.js';
import type { Either } from 'fp-ts/lib/Either.js';
import type { ConnectError, Result } from '../connect.js';
import type { Listing } from '../listing/listing.js';

// ListSessions as a listed resource for the generic page walk (requests/listing/): its pages are
// read as `sessions`, `more` and `total`, and a session is told by its id.
//
// On completeness: ordered by `Created`, a session made while the walk is on lands at the head
// (`Descending`, the server's default) and shifts later ones down, which the walk's "first copy
// wins" absorbs; `Ascending`, it lands at the end and nothing moves. Ordered by `Updated` or
// `State`, a session that changes moves both ways, and one may then be missed: page by `Created`
// for a complete listing.

/** What `all()` and `allUpTo()` resolve to. */
export type AllSessions = Either<ConnectError, ReadonlyArray<Session>>;

/** The listing from `startPage` on, each page fetched by `fetchPage`. */
export const sessionsListing = (
  fetchPage: (page: number) => Promise<Result<ListSessionsResponse>>,
  startPage: number,
): Listing<ListSessionsResponse, Session> => ({
  operation: 'SessionsAPI.ListSessions',
  noun: 'sessions',
  startPage,
  fetchPage,
  read: ({ sessions, more, total }) => ({ items: sessions, more, total }),
  keyOf: (session) => session.id,
});
