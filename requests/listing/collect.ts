import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { invalidRequest } from '../../lib/pipeline/errors.js';
import type { ConnectError } from '../connect.js';
import type { Listing } from './listing.js';
import { pagesOf } from './walk.js';

// Every item of a listing at once, each key once. The walk and its loop guard are walk.ts's.

/** What `all()` and `allUpTo()` resolve to. */
export type AllItems<Item> = Either<ConnectError, ReadonlyArray<Item>>;

/** `limit` as `allUpTo` takes it: a whole number ≥ 1 (Infinity is `all()`'s). */
const limitProblem = (limit: number): string | undefined =>
  (Number.isInteger(limit) && limit >= 1) || limit === Number.POSITIVE_INFINITY
    ? undefined
    : 'limit: must be a whole number ≥ 1';

/**
 * Every item of `listing`, each key once, at most `limit` of them (no page is asked for once the
 * limit is reached); the first Left ends it.
 *
 * Why keep the first copy: a listing is a window over a list that may grow while it is read. A
 * new item at the head pushes every later one down by one, so the last item of a page is seen
 * again as the first of the next; nothing is skipped, as items only move towards later pages.
 * The first copy is the one in its place in the order read so far, so keeping it keeps the
 * result in listing order.
 */
export const collectAll = async <Page, Item>(
  listing: Listing<Page, Item>,
  limit: number,
): Promise<AllItems<Item>> => {
  const problem = limitProblem(limit);
  if (problem !== undefined) return left(invalidRequest(listing.operation, [problem]));
  const seen = new Set<string>();
  const items: Item[] = [];
  for await (const page of pagesOf(listing)) {
    if (isLeft(page)) return left(page.left);
    for (const item of listing.read(page.right.data).items) {
      const key = listing.keyOf(item);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
      if (items.length >= limit) return right(items);
    }
  }
  return right(items);
};
