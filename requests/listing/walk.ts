import { isLeft, left } from 'fp-ts/lib/Either.js';
import { decodeError, errorKind, invalidRequest } from '../../lib/pipeline/errors.js';
import type { Result } from '../connect.js';
import { LoopGuard } from './guard.js';
import type { Listing } from './listing.js';

// Every page of a listing, fetched one at a time as the consumer asks. The walk follows `more`
// and ends after the first Left; a page the loop guard (guard.ts) stops at is replaced by a
// DecodeError that says why, whose `response` still holds that page as it was received.

/**
 * The pages from `listing.startPage` on, as an AsyncIterable: each `for await` starts a new
 * walk, and asks for a page only when the loop wants the next one, so a `break` sends nothing
 * more. Memory: the page in hand, and the keys of one earlier page (the loop guard's mark).
 */
export const pagesOf = <Page, Item>(listing: Listing<Page, Item>): AsyncIterable<Result<Page>> => ({
  [Symbol.asyncIterator]: () => walk(listing),
});

async function* walk<Page, Item>(
  listing: Listing<Page, Item>,
): AsyncGenerator<Result<Page>, void, undefined> {
  const guard = new LoopGuard(listing.noun);
  for (let page = listing.startPage; ; page++) {
    const result = await fetchOne(listing, page);
    if (isLeft(result)) {
      yield result;
      return;
    }
    const { data, response, attempts } = result.right;
    const reading = listing.read(data);
    const problem = guard.check(page, reading, reading.items.map(listing.keyOf));
    if (problem !== undefined) {
      yield left(decodeError(listing.operation, [problem], response, attempts));
      return;
    }
    yield result;
    if (!reading.more) return;
  }
}

// A page request never rejects (the send path's promise); should one, the walk still ends in a
// value, so that `all()` keeps its promise of never rejecting.
const fetchOne = async <Page, Item>(
  listing: Listing<Page, Item>,
  page: number,
): Promise<Result<Page>> => {
  try {
    return await listing.fetchPage(page);
  } catch (error) {
    const problem = `internal error, please report it: ${errorKind(error)}`;
    return left(invalidRequest(listing.operation, [problem]));
  }
};
