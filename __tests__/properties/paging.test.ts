import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type { ListSessionsResponse, Result, Session } from '../../index.js';
import { collectAll } from '../../requests/listing/collect.js';
import { pagesOf } from '../../requests/listing/walk.js';
import { sessionsListing } from '../../requests/sessions/paging.js';
import { sessionWith } from '../support/fixtures.js';

// The page walk against servers drawn at random, on the walk itself (no HTTP: the fetcher is the
// server, so that thousands of pages cost nothing). A server whose pages repeat with period p
// after q others, in any order, under any total, is left by page 2 × max(q + 1, p) + p;
// a consistent server, even one whose list grows at the head while it is read, is read whole,
// each session once, with exactly the requests its pages take.

const HTTP_OK = { status: 200, headers: {}, body: new Uint8Array() };

const answer = (data: ListSessionsResponse): Result<ListSessionsResponse> =>
  E.right({ data, response: HTTP_OK, attempts: 1 });

const named = (prefix: string, count: number): Session[] =>
  Array.from({ length: count }, (_, i) => sessionWith({ id: `${prefix}${i}` }));

/** Walks `serve` from page 1 with a bound of its own, so a walk that loops fails, not hangs. */
const walk = async (serve: (page: number) => ListSessionsResponse, bound: number) => {
  const asked: number[] = [];
  const items: Array<Result<ListSessionsResponse>> = [];
  const listing = sessionsListing((page) => {
    asked.push(page);
    return Promise.resolve(answer(serve(page)));
  }, 1);
  for await (const item of pagesOf(listing)) {
    items.push(item);
    if (asked.length > bound) break;
  }
  return { asked, items };
};

describe('pages that repeat', () => {
  const repeating = fc.record({
    /** Distinct pages the server has; each page of the walk is one of them. */
    pool: fc.integer({ min: 1, max: 12 }),
    size: fc.integer({ min: 1, max: 6 }),
    /** Which pool page each walk page is, as a sequence that cycles: any period, any prefix. */
    prefix: fc.array(fc.nat(), { maxLength: 12 }),
    cycle: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
    shuffle: fc.boolean(),
    total: fc.integer({ min: 0, max: 2_147_483_647 }),
  });

  test('a server whose pages repeat with any period after any prefix is left in time', async () => {
    await fc.assert(
      fc.asyncProperty(repeating, async ({ pool, size, prefix, cycle, shuffle, total }) => {
        const pages = Array.from({ length: pool }, (_, i) => named(`p${i}_`, size));
        const choice = (page: number) => {
          const i = page - 1;
          const pick = i < prefix.length ? prefix[i]! : cycle[(i - prefix.length) % cycle.length]!;
          return pick % pool;
        };
        const serve = (page: number): ListSessionsResponse => {
          const sessions = pages[choice(page)]!;
          // Served in another order each time it comes back, when `shuffle`.
          const ordered = shuffle && page % 2 === 0 ? [...sessions].reverse() : sessions;
          return { sessions: ordered, total, more: true };
        };

        const bound = 2 * Math.max(prefix.length + 1, cycle.length) + cycle.length;
        const { asked, items } = await walk(serve, bound);

        expect(asked.length).toBeLessThanOrEqual(bound);
        const last = items[items.length - 1]!;
        expect(E.isLeft(last) && last.left._tag).toBe('DecodeError');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a consistent server', () => {
  const consistent = fc.record({
    count: fc.integer({ min: 0, max: 60 }),
    size: fc.integer({ min: 1, max: 8 }),
    /** Sessions created at the head before each page is served: fewer than a page. */
    created: fc.array(fc.nat(), { maxLength: 20 }),
  });

  test('is read whole, each session once, in order, with the requests its pages take', async () => {
    await fc.assert(
      fc.asyncProperty(consistent, async ({ count, size, created }) => {
        const original = named('s', count);
        const list = [...original];
        let madeSoFar = 0;
        let asked = 0;
        const listing = sessionsListing((page) => {
          const fresh = (created[asked] ?? 0) % size;
          asked++;
          for (let i = 0; i < fresh; i++) list.unshift(sessionWith({ id: `n${madeSoFar++}` }));
          const sessions = list.slice((page - 1) * size, page * size);
          const data = { sessions, total: list.length, more: page * size < list.length };
          return Promise.resolve(answer(data));
        }, 1);

        const all = await collectAll(listing, Number.POSITIVE_INFINITY);

        const ids = E.isRight(all) ? all.right.map((s) => s.id) : [];
        expect(E.isRight(all)).toBe(true);
        expect(ids.filter((id) => id.startsWith('s'))).toStrictEqual(original.map((s) => s.id));
        expect(new Set(ids).size).toBe(ids.length);
        // Each page advances by at least one session of the original list.
        expect(asked).toBeLessThanOrEqual(Math.max(1, count + 1));
      }),
      { numRuns: 300 },
    );
  });
});
