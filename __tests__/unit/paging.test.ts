import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import nock from 'nock';
import type {
  AllSessions,
  ConnectError,
  ListSessionsResponse,
  Result,
  Session,
} from '../../index.js';
import { collectAll } from '../../requests/listing/collect.js';
import { pagesOf } from '../../requests/listing/walk.js';
import { sessionsListing } from '../../requests/sessions/paging.js';
import { makeClient, OTHER_TOKEN, sessionWith, TOKEN } from '../support/fixtures.js';
import { listSessions, type OperationCase } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import {
  expectNothingSent,
  expectSentRequest,
  interceptOperation,
  record,
  trapAnyRequest,
  useNock,
  type RequestExpectations,
  type SeenRequest,
} from '../support/wire.js';

// listSessions().pages(), .all and .allUpTo(n) against nock: which pages are asked for, in which
// order, with which query and headers; that nothing is asked for ahead of the consumer; and what
// the walk does with a server whose answers would make it loop.

useNock();

const client = makeClient({ maxRetries: 0 });

const sessionsNamed = (count: number, prefix = 'ses_'): Session[] =>
  Array.from({ length: count }, (_, i) => sessionWith({ id: `${prefix}${i + 1}` }));

/** The page a consistent server gives of `list`. */
const pageOf = (list: readonly Session[], size: number, page: number): ListSessionsResponse => ({
  sessions: list.slice((page - 1) * size, page * size),
  total: list.length,
  more: page * size < list.length,
});

const pageOp = (query: Readonly<Record<string, string>>): OperationCase => ({
  ...listSessions,
  query,
});

interface MockedPage {
  readonly op: OperationCase;
  readonly scope: nock.Scope;
  readonly seen: SeenRequest[];
}

/** One page request, matched exactly (query and headers), answered by `answer` when it comes. */
const mockPage = (
  query: Readonly<Record<string, string>>,
  answer: () => readonly [number, string],
  expected: RequestExpectations = {},
): MockedPage => {
  const op = pageOp(query);
  const scope = interceptOperation(op, expected).reply(() => {
    const [status, body] = answer();
    return [status, body, { 'content-type': 'application/json' }];
  });
  return { op, scope, seen: record(scope) };
};

const okPage = (data: ListSessionsResponse) => (): readonly [number, string] => [
  200,
  JSON.stringify(data),
];

/** Every item `pages()` yields, in order. */
const drain = async (pages: AsyncIterable<Result<ListSessionsResponse>>) => {
  const items: Array<Result<ListSessionsResponse>> = [];
  for await (const page of pages) items.push(page);
  return items;
};

/** The error all() or allUpTo() came to, which must be a `tag`. */
const allLeft = <K extends ConnectError['_tag']>(all: AllSessions, tag: K) => {
  if (E.isRight(all)) throw new Error(`expected a ${tag}, got ${all.right.length} sessions`);
  return expectLeft(all, tag);
};

const idsOf = (page: Result<ListSessionsResponse>) =>
  expectRight(page).data.sessions.map((s) => s.id);

const expectAllSent = (mocked: readonly MockedPage[], expected: RequestExpectations = {}) => {
  for (const page of mocked) {
    page.scope.done();
    expect(page.seen).toHaveLength(1);
    expectSentRequest(page.seen[0], page.op, expected);
  }
};

describe('pages()', () => {
  const seven = sessionsNamed(7);

  test.each([
    [1, 7],
    [2, 4],
    [3, 3],
    [5, 2],
    [7, 1],
    [50, 1],
  ])(
    'page size %i over 7 sessions: %i pages, in order, each asked for once',
    async (size, count) => {
      const mocked = Array.from({ length: count }, (_, i) =>
        mockPage(
          { PageSize: String(size), Page: String(i + 1) },
          okPage(pageOf(seven, size, i + 1)),
        ),
      );

      const items = await drain(client.sessionsAPI.listSessions().pageSize(size).pages());

      expect(items).toHaveLength(count);
      expect(items.flatMap(idsOf)).toStrictEqual(seven.map((s) => s.id));
      expect(items.map((item) => expectRight(item).data.more)).toStrictEqual(
        Array.from({ length: count }, (_, i) => i < count - 1),
      );
      expectAllSent(mocked);
    },
  );

  test('starts at the builder’s page, with its ordering in every query', async () => {
    const query = { OrderBy: 'Created', OrderDirection: 'Ascending', PageSize: '2' };
    const mocked = [3, 4].map((page) =>
      mockPage({ ...query, Page: String(page) }, okPage(pageOf(seven, 2, page))),
    );

    const items = await drain(
      client.sessionsAPI
        .listSessions()
        .orderBy('Created')
        .orderDirection('Ascending')
        .pageSize(2)
        .page(3)
        .pages(),
    );

    expect(items.flatMap(idsOf)).toStrictEqual(['ses_5', 'ses_6', 'ses_7']);
    expectAllSent(mocked);
  });

  test('an empty listing: one request, one empty page', async () => {
    const mocked = [mockPage({ Page: '1' }, okPage({ sessions: [], total: 0, more: false }))];

    const items = await drain(client.sessionsAPI.listSessions().pages());

    expect(items.map(idsOf)).toStrictEqual([[]]);
    expectAllSent(mocked);
  });

  test('a Left on page 3 is the last item: page 4 is never asked for', async () => {
    const list = sessionsNamed(10);
    const mocked = [1, 2].map((page) =>
      mockPage({ PageSize: '2', Page: String(page) }, okPage(pageOf(list, 2, page))),
    );
    const failing = mockPage({ PageSize: '2', Page: '3' }, () => [500, '{"message":"boom"}']);
    const fourth = mockPage({ PageSize: '2', Page: '4' }, okPage(pageOf(list, 2, 4)));

    const items = await drain(client.sessionsAPI.listSessions().pageSize(2).pages());

    expect(items).toHaveLength(3);
    expect(items.slice(0, 2).flatMap(idsOf)).toStrictEqual(['ses_1', 'ses_2', 'ses_3', 'ses_4']);
    expect(expectLeft(items[2]!, 'HttpError').status).toBe(500);
    expectAllSent([...mocked, failing]);
    expect(fourth.scope.isDone()).toBe(false);
  });

  test('a break sends no further request, and nothing is fetched ahead of the loop', async () => {
    const list = sessionsNamed(6);
    const first = mockPage({ PageSize: '2', Page: '1' }, okPage(pageOf(list, 2, 1)));
    const second = mockPage({ PageSize: '2', Page: '2' }, okPage(pageOf(list, 2, 2)));
    const iterator = client.sessionsAPI.listSessions().pageSize(2).pages()[Symbol.asyncIterator]();

    // Nothing is sent before the consumer asks for the first page.
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.seen).toHaveLength(0);

    for await (const page of { [Symbol.asyncIterator]: () => iterator }) {
      expect(idsOf(page)).toStrictEqual(['ses_1', 'ses_2']);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));

    expectAllSent([first]);
    expect(second.seen).toHaveLength(0);
    expect(second.scope.isDone()).toBe(false);
    expect(await iterator.next()).toStrictEqual({ done: true, value: undefined });
  });

  test('each for-await starts over from the builder’s page', async () => {
    const list = sessionsNamed(2);
    const mocked = [
      mockPage({ Page: '1' }, okPage(pageOf(list, 2, 1))),
      mockPage({ Page: '1' }, okPage(pageOf(list, 2, 1))),
    ];
    const pages = client.sessionsAPI.listSessions().pages();

    expect((await drain(pages)).flatMap(idsOf)).toStrictEqual(['ses_1', 'ses_2']);
    expect((await drain(pages)).flatMap(idsOf)).toStrictEqual(['ses_1', 'ses_2']);
    for (const page of mocked) page.scope.done();
  });

  test('every page carries the builder’s token, headers, timeout and retries', async () => {
    const list = sessionsNamed(6);
    const expected = { token: OTHER_TOKEN, headers: { 'x-trace': 'paging-1' } };
    const mocked = [1, 2].map((page) =>
      mockPage({ PageSize: '2', Page: String(page) }, okPage(pageOf(list, 2, page)), expected),
    );
    const retried = makeClient({ maxRetries: 3, retryBaseDelayMs: 1, retryMaxDelayMs: 1 });
    // maxRetries(0) on the builder: the 503 on page 3 is not sent again.
    const third = mockPage({ PageSize: '2', Page: '3' }, () => [503, '{}'], expected);

    const items = await drain(
      retried.sessionsAPI
        .listSessions()
        .pageSize(2)
        .accessToken(OTHER_TOKEN)
        .headers({ 'X-Trace': 'paging-1' })
        .timeout(5_000)
        .maxRetries(0)
        .pages(),
    );

    expect(items).toHaveLength(3);
    expect(items.slice(0, 2).flatMap(idsOf)).toStrictEqual(['ses_1', 'ses_2', 'ses_3', 'ses_4']);
    expect(expectLeft(items[2]!, 'HttpError')).toMatchObject({
      status: 503,
      attempts: 1,
    });
    expectAllSent([...mocked, third], expected);
  });

  test('the builder’s signal ends the walk: an abort after page 1 sends nothing more', async () => {
    const list = sessionsNamed(4);
    const first = mockPage({ PageSize: '2', Page: '1' }, okPage(pageOf(list, 2, 1)));
    const trap = mockPage({ PageSize: '2', Page: '2' }, okPage(pageOf(list, 2, 2)));
    const controller = new AbortController();
    const items: Array<Result<ListSessionsResponse>> = [];

    for await (const page of client.sessionsAPI
      .listSessions()
      .pageSize(2)
      .signal(controller.signal)
      .pages()) {
      items.push(page);
      controller.abort();
    }

    expect(items).toHaveLength(2);
    expect(expectLeft(items[1]!, 'AbortError').attempts).toBe(0);
    expectAllSent([first]);
    expect(trap.scope.isDone()).toBe(false);
  });

  test('an invalid start page is one InvalidRequest, and nothing is sent', async () => {
    const trap = trapAnyRequest();

    const items = await drain(client.sessionsAPI.listSessions().page(0).pages());

    expect(items).toHaveLength(1);
    expect(expectLeft(items[0]!, 'InvalidRequest').problems).toStrictEqual([
      expect.stringMatching(/^page: /),
    ]);
    expectNothingSent(trap);
  });
});

describe('pages(): answers that would make the walk loop end it with a DecodeError', () => {
  const cases: ReadonlyArray<readonly [string, ListSessionsResponse[], number, RegExp]> = [
    [
      'more: true on an empty page',
      [pageOf(sessionsNamed(4), 2, 1), { sessions: [], total: 4, more: true }],
      2,
      /page 2: more is true, but the page is empty/,
    ],
    [
      'the same page again (Page ignored)',
      [pageOf(sessionsNamed(4), 2, 1), pageOf(sessionsNamed(4), 2, 1)],
      2,
      /page 2: the same sessions as page 1/,
    ],
    [
      'more: true on a page that starts past the total',
      [
        { sessions: sessionsNamed(2, 'a'), total: 2, more: true },
        { sessions: sessionsNamed(2, 'b'), total: 2, more: true },
      ],
      2,
      /page 2: more is true, but the page starts past the total of 2/,
    ],
  ];

  test.each(cases)('%s', async (_what, answers, count, problem) => {
    const mocked = answers.map((answer, i) =>
      mockPage({ PageSize: '2', Page: String(i + 1) }, okPage(answer)),
    );
    const next = mockPage({ PageSize: '2', Page: String(answers.length + 1) }, okPage(answers[0]!));

    const items = await drain(client.sessionsAPI.listSessions().pageSize(2).pages());

    expect(items).toHaveLength(count);
    const error = expectLeft(items[count - 1]!, 'DecodeError');
    expect(error.errors).toStrictEqual([expect.stringMatching(problem)]);
    expect(error.message).toMatch(/^SessionsAPI\.ListSessions: /);
    expect(error.response.status).toBe(200);
    expectAllSent(mocked);
    expect(next.scope.isDone()).toBe(false);
  });

  test('a last page (more: false) that ends before its total: a DecodeError, not a short listing', async () => {
    const list = sessionsNamed(4);
    const mocked = [
      mockPage({ PageSize: '2', Page: '1' }, okPage({ ...pageOf(list, 2, 1), total: 9 })),
      mockPage(
        { PageSize: '2', Page: '2' },
        okPage({ sessions: list.slice(2, 4), total: 9, more: false }),
      ),
    ];

    const items = await drain(client.sessionsAPI.listSessions().pageSize(2).pages());

    expect(items).toHaveLength(2);
    expect(idsOf(items[0]!)).toStrictEqual(['ses_1', 'ses_2']);
    const error = expectLeft(items[1]!, 'DecodeError');
    expect(error.errors).toStrictEqual([
      'page 2: more is false, but the listing ends at 4 sessions of the total of 9 it reports (cut short?)',
    ]);
    // The page as it came is still there, for a caller who wants it anyway.
    expect(JSON.parse(Buffer.from(error.response.body).toString())).toStrictEqual({
      sessions: list.slice(2, 4),
      total: 9,
      more: false,
    });
    expectAllSent(mocked);
  });

  test('all() over a listing cut short is that DecodeError, not fewer sessions', async () => {
    const mocked = [mockPage({ Page: '1' }, okPage({ sessions: [], total: 9, more: false }))];

    const all = await client.sessionsAPI.listSessions().all();

    expect(allLeft(all, 'DecodeError').errors).toStrictEqual([
      'page 1: more is false, but the listing ends at 0 sessions of the total of 9 it reports (cut short?)',
    ]);
    expectAllSent(mocked);
  });

  test('a last page that ends at or past its total is the end, as the server says', async () => {
    // Sessions created while the walk is on raise the total; a last page past it is fine.
    const list = sessionsNamed(5);
    const mocked = [
      mockPage({ PageSize: '2', Page: '1' }, okPage({ ...pageOf(list, 2, 1), total: 5 })),
      mockPage({ PageSize: '2', Page: '2' }, okPage({ ...pageOf(list, 2, 2), total: 5 })),
      mockPage(
        { PageSize: '2', Page: '3' },
        okPage({ sessions: list.slice(4), total: 4, more: false }),
      ),
    ];

    const all = await client.sessionsAPI.listSessions().pageSize(2).all();

    expect(E.map((s: readonly Session[]) => s.map((x) => x.id))(all)).toStrictEqual(
      E.right(list.map((x) => x.id)),
    );
    expectAllSent(mocked);
  });

  test('from a later start page, a first page that is also the last is not questioned', async () => {
    // Its place in the listing depends on the page size as served, which no page has shown.
    const mocked = [
      mockPage({ Page: '3' }, okPage({ sessions: sessionsNamed(1), total: 90, more: false })),
    ];

    const items = await drain(client.sessionsAPI.listSessions().page(3).pages());

    expect(items.map(idsOf)).toStrictEqual([['ses_1']]);
    expectAllSent(mocked);
  });
});

describe('pages that repeat with any period end the walk (Brent: by 2 × period + period)', () => {
  test.each([
    [1, 2, 1],
    [2, 4, 2],
    [3, 7, 4],
    [7, 15, 8],
  ])(
    'period %i under a total of a million: allUpTo(500) stops at page %i, a repeat of page %i',
    async (period, last, earlier) => {
      const pool = Array.from({ length: period }, (_, i) => sessionsNamed(5, `p${i}_`));
      const mocked = Array.from({ length: last }, (_, i) =>
        mockPage(
          { PageSize: '5', Page: String(i + 1) },
          okPage({ sessions: pool[i % period]!, total: 1_000_000, more: true }),
        ),
      );
      const beyond = mockPage(
        { PageSize: '5', Page: String(last + 1) },
        okPage({ sessions: pool[last % period]!, total: 1_000_000, more: true }),
      );

      const some = await client.sessionsAPI.listSessions().pageSize(5).allUpTo(500);

      const hint = earlier === last - 1 ? 'is Page ignored?' : 'the pages repeat';
      expect(allLeft(some, 'DecodeError').errors).toStrictEqual([
        `page ${last}: the same sessions as page ${earlier} (${hint})`,
      ]);
      expectAllSent(mocked);
      expect(beyond.scope.isDone()).toBe(false);
    },
  );

  test('a repeat in another order is still a repeat', async () => {
    const [first, second] = [sessionsNamed(3), sessionsNamed(3, 'b')];
    const served = [first, second, [...first].reverse(), [...second].reverse()];
    const mocked = served.map((sessions, i) =>
      mockPage(
        { PageSize: '3', Page: String(i + 1) },
        okPage({ sessions, total: 600, more: true }),
      ),
    );

    const all = await client.sessionsAPI.listSessions().pageSize(3).all();

    expect(allLeft(all, 'DecodeError').errors).toStrictEqual([
      'page 4: the same sessions as page 2 (the pages repeat)',
    ]);
    expectAllSent(mocked);
  });
});

describe('a server that invents new sessions on every page, raising its total', () => {
  /** Page n: five sessions never seen before, and a total that always says more. */
  const invented = (page: number): ListSessionsResponse => ({
    sessions: sessionsNamed(5, `inv${page}_`),
    total: page * 5 + 5,
    more: true,
  });

  test('allUpTo(n) bounds it: n sessions, and not one page more than they take', async () => {
    const mocked = [1, 2, 3, 4].map((page) =>
      mockPage({ PageSize: '5', Page: String(page) }, okPage(invented(page))),
    );
    const beyond = mockPage({ PageSize: '5', Page: '5' }, okPage(invented(5)));

    const some = await client.sessionsAPI.listSessions().pageSize(5).allUpTo(18);

    expect(E.map((s: readonly Session[]) => s.length)(some)).toStrictEqual(E.right(18));
    expectAllSent(mocked);
    expect(beyond.scope.isDone()).toBe(false);
  });

  test('all() follows it until the caller’s signal ends it: an AbortError, nothing more sent', async () => {
    const controller = new AbortController();
    let served = 0;
    const mocked = [1, 2, 3].map((page) =>
      mockPage({ PageSize: '5', Page: String(page) }, () => {
        served++;
        if (served === 3) controller.abort();
        return [200, JSON.stringify(invented(page))];
      }),
    );
    const beyond = mockPage({ PageSize: '5', Page: '4' }, okPage(invented(4)));

    const all = await client.sessionsAPI.listSessions().pageSize(5).signal(controller.signal).all();

    expect(allLeft(all, 'AbortError').message).toMatch(/^SessionsAPI\.ListSessions: aborted/);
    for (const page of mocked) page.scope.done();
    expect(beyond.scope.isDone()).toBe(false);
  });
});

describe('all and allUpTo', () => {
  test('every session once, even when sessions are created while it pages', async () => {
    // Newest first, as the server orders by default: a session created while the walk is on
    // lands at the head and pushes every other one a place down.
    const list = sessionsNamed(7).reverse();
    let created = 0;
    const serve = (page: number) => () => {
      const answer = pageOf(list, 3, page);
      if (page < 3) {
        created++;
        list.unshift(sessionWith({ id: `new_${created}` }));
      }
      return [200, JSON.stringify(answer)] as const;
    };
    const mocked = [1, 2, 3].map((page) =>
      mockPage({ PageSize: '3', Page: String(page) }, serve(page)),
    );

    const all = await client.sessionsAPI.listSessions().pageSize(3).all();

    expect(E.isRight(all)).toBe(true);
    const ids = E.isRight(all) ? all.right.map((s) => s.id) : [];
    // Page 2 starts with ses_5 again and page 3 with ses_3, each pushed down by a new session.
    expect(ids).toStrictEqual(['ses_7', 'ses_6', 'ses_5', 'ses_4', 'ses_3', 'ses_2', 'ses_1']);
    expect(new Set(ids).size).toBe(ids.length);
    expectAllSent(mocked);
  });

  test('all is a TaskEither on its own', async () => {
    const list = sessionsNamed(3);
    const mocked = [mockPage({ Page: '1' }, okPage(pageOf(list, 3, 1)))];
    const { all } = client.sessionsAPI.listSessions();

    const count = await pipe(
      all,
      TE.map((sessions) => sessions.length),
    )();

    expect(count).toStrictEqual(E.right(3));
    expectAllSent(mocked);
  });

  test('a Left on any page is the result of all()', async () => {
    const list = sessionsNamed(4);
    const mocked = [
      mockPage({ PageSize: '2', Page: '1' }, okPage(pageOf(list, 2, 1))),
      mockPage({ PageSize: '2', Page: '2' }, () => [401, '{"message":"The API key is not valid"}']),
    ];

    const all = await client.sessionsAPI.listSessions().pageSize(2).all();

    expect(E.isLeft(all) && all.left._tag === 'HttpError' && all.left.status).toBe(401);
    expectAllSent(mocked);
  });

  test('allUpTo(n) stops at n sessions and asks for no page beyond them', async () => {
    const list = sessionsNamed(9);
    const mocked = [1, 2].map((page) =>
      mockPage({ PageSize: '3', Page: String(page) }, okPage(pageOf(list, 3, page))),
    );
    const third = mockPage({ PageSize: '3', Page: '3' }, okPage(pageOf(list, 3, 3)));

    const some = await client.sessionsAPI.listSessions().pageSize(3).allUpTo(5);

    expect(E.map((sessions: readonly Session[]) => sessions.map((s) => s.id))(some)).toStrictEqual(
      E.right(['ses_1', 'ses_2', 'ses_3', 'ses_4', 'ses_5']),
    );
    expectAllSent(mocked);
    expect(third.scope.isDone()).toBe(false);
  });

  test.each([0, -1, 2.5, Number.NaN])(
    'allUpTo(%p) is an InvalidRequest, and nothing is sent',
    async (limit) => {
      const trap = trapAnyRequest();

      const result = await client.sessionsAPI.listSessions().allUpTo(limit);

      expect(result).toStrictEqual(
        E.left({
          _tag: 'InvalidRequest',
          message:
            'SessionsAPI.ListSessions: invalid request, nothing was sent: limit: must be a whole number ≥ 1',
          problems: ['limit: must be a whole number ≥ 1'],
          attempts: 0,
        }),
      );
      expectNothingSent(trap);
    },
  );

  test('the token of the configuration goes with every page of all()', async () => {
    const list = sessionsNamed(3);
    const mocked = [1, 2].map((page) =>
      mockPage({ PageSize: '2', Page: String(page) }, okPage(pageOf(list, 2, page)), {
        token: TOKEN,
      }),
    );

    const all = await client.sessionsAPI.listSessions().pageSize(2).all();

    expect(E.map((s: readonly Session[]) => s.length)(all)).toStrictEqual(E.right(3));
    expectAllSent(mocked, { token: TOKEN });
  });
});

describe('the walk itself', () => {
  test('a page request that rejects (a bug) ends the walk with a value, never a rejection', async () => {
    const listing = sessionsListing(() => Promise.reject(new TypeError('broken')), 1);

    const items = await drain(pagesOf(listing));
    const all = await collectAll(listing, Number.POSITIVE_INFINITY);

    expect(items).toHaveLength(1);
    const problems = ['internal error, please report it: TypeError'];
    expect(expectLeft(items[0]!, 'InvalidRequest').problems).toStrictEqual(problems);
    expect(allLeft(all, 'InvalidRequest').problems).toStrictEqual(problems);
  });
});
