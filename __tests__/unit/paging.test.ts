import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import nock from 'nock';
import type { ListSessionsResponse, Result, Session } from '../../index.js';
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

  test('a last page that says more: false is never questioned', async () => {
    // Fewer sessions than `total` says and a short page: the server has the last word.
    const mocked = [mockPage({ Page: '1' }, okPage({ sessions: [], total: 9, more: false }))];

    expect((await drain(client.sessionsAPI.listSessions().pages())).map(idsOf)).toStrictEqual([[]]);
    expectAllSent(mocked);
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
