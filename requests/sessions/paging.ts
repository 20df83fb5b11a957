import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { decodeError, invalidRequest } from '../../lib/pipeline/errors.js';
import type { ListSessionsResponse } from '../../models/ListSessionsResponse.js';
import type { Session } from '../../models/Session.js';
import type { ConnectError, Result } from '../connect.js';

// Every page of a listing, fetched one at a time as the consumer asks, and every session of it
// collected once. The walk follows `more`, and stops with a Left on an answer that would make it
// loop: a page that says `more` but is empty, a page that repeats the one before it (a server
// that ignores `Page`), or one that says `more` though it starts past the server's own `total`.
// A server that keeps inventing new sessions forever is not caught here; `allUpTo` bounds that.

const OPERATION = 'SessionsAPI.ListSessions';

/** One page of the listing: the builder set to that page, executed. */
export type PageFetcher = (page: number) => Promise<Result<ListSessionsResponse>>;

/**
 * The pages from `startPage` on, as an AsyncIterable: each `for await` starts a new walk, and
 * asks for a page only when the loop wants the next one, so a `break` sends nothing more.
 */
export const pagesOf = (
  fetchPage: PageFetcher,
  startPage: number,
): AsyncIterable<Result<ListSessionsResponse>> => ({
  [Symbol.asyncIterator]: () => pages(fetchPage, startPage),
});

async function* pages(
  fetchPage: PageFetcher,
  startPage: number,
): AsyncGenerator<Result<ListSessionsResponse>, void, undefined> {
  // The page size as served (the first page's length): a server may serve fewer than asked.
  let size: number | undefined;
  // The ids of the page before, to tell a repeated page; the memory of the walk is that page.
  let before: readonly string[] = [];
  for (let page = startPage; ; page++) {
    const result = await fetchPage(page);
    if (isLeft(result)) {
      yield result;
      return;
    }
    const { data, response, attempts } = result.right;
    const ids = data.sessions.map((session) => session.id);
    size ??= ids.length > 0 ? ids.length : undefined;
    const problem = loopProblem(page, data, ids, before, size);
    if (problem !== undefined) {
      yield left(decodeError(OPERATION, [problem], response, attempts));
      return;
    }
    yield result;
    if (!data.more) return;
    before = ids;
  }
}

/** Why following this page's `more` could go on forever; undefined when it cannot. */
const loopProblem = (
  page: number,
  data: ListSessionsResponse,
  ids: readonly string[],
  before: readonly string[],
  size: number | undefined,
): string | undefined => {
  if (!data.more) return undefined;
  if (ids.length === 0) return `page ${page}: more is true, but the page is empty`;
  if (ids.length === before.length && ids.every((id, i) => id === before[i])) {
    return `page ${page}: the same sessions as page ${page - 1} (is Page ignored?)`;
  }
  if (size !== undefined && (page - 1) * size >= data.total) {
    return `page ${page}: more is true, but the page starts past the total of ${data.total}`;
  }
  return undefined;
};

/** What `all()` and `allUpTo()` resolve to. */
export type AllSessions = Either<ConnectError, ReadonlyArray<Session>>;

/** `limit` as `allUpTo` takes it: a whole number ≥ 1 (Infinity is `all()`'s). */
const limitProblem = (limit: number): string | undefined =>
  (Number.isInteger(limit) && limit >= 1) || limit === Number.POSITIVE_INFINITY
    ? undefined
    : 'limit: must be a whole number ≥ 1';

/**
 * Every session of `listing`, each id once, at most `limit` of them (no page is asked for once
 * the limit is reached); the first Left ends it.
 *
 * Why keep the first copy: the listing is a window over a list that may grow while it is read.
 * Ordered by `Created`, a session made meanwhile lands at the head (`Descending`, the server's
 * default) and pushes every later one down by one, so the last session of a page is seen again
 * as the first of the next; nothing is skipped, as items only ever move towards later pages.
 * (`Ascending`, it lands at the end and nothing moves at all.) The first copy is the one in its
 * place in the order read so far, so keeping it keeps the result in listing order. Ordered by
 * `Updated` or `State`, a session that changes moves both ways, and one may then be missed: page
 * by `Created` for a complete listing.
 */
export const collectSessions = async (
  listing: AsyncIterable<Result<ListSessionsResponse>>,
  limit: number,
): Promise<AllSessions> => {
  const problem = limitProblem(limit);
  if (problem !== undefined) return left(invalidRequest(OPERATION, [problem]));
  const seen = new Set<string>();
  const sessions: Session[] = [];
  for await (const page of listing) {
    if (isLeft(page)) return left(page.left);
    for (const session of page.right.data.sessions) {
      if (seen.has(session.id)) continue;
      seen.add(session.id);
      sessions.push(session);
      if (sessions.length >= limit) return right(sessions);
    }
  }
  return right(sessions);
};
