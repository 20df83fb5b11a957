import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import * as E from 'fp-ts/lib/Either.js';
import { Agent } from 'undici';
import {
  APIClient,
  Configuration,
  DIAGNOSTICS_CHANNELS,
  isAttemptEvent,
  type AttemptEvent,
  type ListSessionsResponse,
  type Result,
  type Session,
  type SessionState,
} from 'trinsic-connect-sdk';
import { API_KEY, createSession, ok, startHarness, type Harness } from '../support/harness.js';
import { expectLeft, expectRight } from '../support/results.js';

// The helpers beyond single calls, through the package's own name as a user imports it, against
// the sandbox: pages() and all() over a real listing (what goes on the wire recorded by the
// dispatcher), waitForSession over the sandbox's journey (one state per second), and the channels.

let h: Harness;
let dispatcher: Agent;
/** Path and query of every request the client below sent. */
let sent: string[];
let client: APIClient;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());
beforeEach(() => {
  h.sandbox.reset();
  sent = [];
  dispatcher = new Agent();
  client = new APIClient(
    new Configuration({
      basePath: h.sandbox.url,
      accessToken: API_KEY,
      strict: true,
      maxRetries: 0,
      dispatcher: dispatcher.compose((dispatch) => (options, handler) => {
        sent.push(options.path);
        return dispatch(options, handler);
      }),
    }),
  );
});
afterEach(() => dispatcher.close());

const createSessions = async (count: number): Promise<void> => {
  for (let i = 0; i < count; i++) await createSession(h);
};

/** The whole listing in one page (at most 50), as the sandbox orders it by default. */
const listedIds = async (): Promise<string[]> =>
  ok(await h.client.sessionsAPI.listSessions().pageSize(50).execute()).sessions.map((s) => s.id);

const drain = async (pages: AsyncIterable<Result<ListSessionsResponse>>) => {
  const items: ListSessionsResponse[] = [];
  for await (const page of pages) items.push(expectRight(page).data);
  return items;
};

const idsOf = (all: E.Either<unknown, ReadonlyArray<Session>>): string[] =>
  E.isRight(all) ? all.right.map((s) => s.id) : [];

describe('pages() and all() against the sandbox', () => {
  test.each([
    [1, 23],
    [5, 5],
    [7, 4],
    [23, 1],
    [50, 1],
  ])('23 sessions in pages of %i: %i pages, in the listing’s order', async (size, count) => {
    await createSessions(23);
    const expected = await listedIds();

    const pages = await drain(client.sessionsAPI.listSessions().pageSize(size).pages());

    expect(pages).toHaveLength(count);
    expect(pages.flatMap((p) => p.sessions.map((s) => s.id))).toStrictEqual(expected);
    expect(pages.map((p) => p.more)).toStrictEqual(pages.map((_, i) => i < count - 1));
    expect(sent).toStrictEqual(
      pages.map((_, i) => `/api/v1/sessions?PageSize=${size}&Page=${i + 1}`),
    );
  });

  test('from the builder’s page, with its ordering', async () => {
    await createSessions(12);
    const oldestFirst = [...(await listedIds())].reverse();

    const pages = await drain(
      client.sessionsAPI
        .listSessions()
        .orderBy('Created')
        .orderDirection('Ascending')
        .pageSize(5)
        .page(2)
        .pages(),
    );

    expect(pages.flatMap((p) => p.sessions.map((s) => s.id))).toStrictEqual(oldestFirst.slice(5));
    expect(sent).toStrictEqual(
      [2, 3].map(
        (page) =>
          `/api/v1/sessions?OrderBy=Created&OrderDirection=Ascending&PageSize=5&Page=${page}`,
      ),
    );
  });

  test('an empty listing: one empty page', async () => {
    const pages = await drain(client.sessionsAPI.listSessions().pages());

    expect(pages).toStrictEqual([{ sessions: [], total: 0, more: false }]);
    expect(sent).toStrictEqual(['/api/v1/sessions?Page=1']);
  });

  test('a break after page 1 sends nothing more', async () => {
    await createSessions(6);

    for await (const page of client.sessionsAPI.listSessions().pageSize(2).pages()) {
      expect(expectRight(page).data.more).toBe(true);
      break;
    }

    expect(sent).toStrictEqual(['/api/v1/sessions?PageSize=2&Page=1']);
  });

  test('a wrong key: the first page is the one Left, and the last item', async () => {
    const wrong = client.sessionsAPI.listSessions().accessToken('sk_wrong_key');
    const items: Array<Result<ListSessionsResponse>> = [];
    for await (const page of wrong.pages()) items.push(page);

    expect(items).toHaveLength(1);
    expect(expectLeft(items[0]!, 'HttpError').status).toBe(401);
  });

  test.each([
    ['Descending', 0],
    ['Ascending', 3],
  ] as const)(
    'all() while sessions are created (%s): each id once, none of the others missed',
    async (direction, extra) => {
      await createSessions(10);
      const before = await listedIds();
      let asked = 0;
      // The token provider is asked before each page: it creates a session before pages 2 to 4.
      const creatingToken = async () => {
        asked++;
        if (asked >= 2 && asked <= 4) await createSession(h);
        return API_KEY;
      };

      const all = await client.sessionsAPI
        .listSessions()
        .orderBy('Created')
        .orderDirection(direction)
        .pageSize(3)
        .accessToken(creatingToken)
        .all();

      const ids = idsOf(all);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].filter((id) => before.includes(id)).sort()).toStrictEqual([...before].sort());
      // Newest first, the new ones land on pages already read; oldest first, at the end.
      expect(ids).toHaveLength(before.length + extra);
      expect(ok(await h.client.sessionsAPI.listSessions().execute()).total).toBe(13);
    },
  );

  test('allUpTo(7) over pages of 5: seven sessions, two pages asked for', async () => {
    await createSessions(12);
    const expected = (await listedIds()).slice(0, 7);

    const some = await client.sessionsAPI.listSessions().pageSize(5).allUpTo(7);

    expect(idsOf(some)).toStrictEqual(expected);
    expect(sent).toHaveLength(2);
  });
});

describe('waitForSession against the sandbox', () => {
  const sessionOf = (result: Awaited<ReturnType<typeof waitFor>>) =>
    expectRight(result).data.session.id;

  const journey = async (
    outcome: Parameters<Harness['control']['complete']>[1],
  ): Promise<{ states: SessionState[]; result: Awaited<ReturnType<typeof waitFor>> }> => {
    const sessionId = await createSession(h);
    const done = await h.control.complete(sessionId, outcome);
    expect(E.isRight(done)).toBe(true);
    const states: SessionState[] = [];
    const result = await waitFor(sessionId, (state) => states.push(state));
    return { states, result };
  };

  const waitFor = (sessionId: string, onState: (state: SessionState) => void) =>
    client.sessionsAPI
      .waitForSession(sessionId)
      .pollInterval(50)
      .maxWait(20_000)
      .onUpdate((session) => {
        onState(session.state);
      })
      .execute();

  test('success: each state reported once, in order, IdvSuccess at the end', async () => {
    const { states, result } = await journey({ outcome: 'success' });

    // The sandbox moves a step per second: many polls see no change, and report nothing.
    expect(states).toStrictEqual([
      'IdvInitiated',
      'IdvAuthenticating',
      'IdvInProgress',
      'IdvSuccess',
    ]);
    expect(expectRight(result).data.session.state).toBe('IdvSuccess');
    expect(sent.length).toBeGreaterThan(states.length);
    expect(new Set(sent)).toStrictEqual(new Set([`/api/v1/sessions/${sessionOf(result)}`]));
  });

  test('a failed verification is a successful wait', async () => {
    const { states, result } = await journey({
      outcome: 'failure',
      failCode: 'SessionFailVerificationFailed',
    });

    expect(states).toStrictEqual([
      'IdvInitiated',
      'IdvAuthenticating',
      'IdvInProgress',
      'IdvFailed',
    ]);
    expect(expectRight(result).data.session.failCode).toBe('SessionFailVerificationFailed');
  });

  test('a session nobody completes: TimeoutError at maxWait, naming IdvCreated', async () => {
    const sessionId = await createSession(h);

    const result = await client.sessionsAPI
      .waitForSession(sessionId)
      .pollInterval(20)
      .maxWait(300)
      .execute();

    const error = expectLeft(result, 'TimeoutError');
    expect(error.message).toMatch(
      /^SessionsAPI\.WaitForSession: .*maxWait \(300 ms\); last state seen: IdvCreated \(\d+ polls\)$/,
    );
    expect(error.attempts).toBe(sent.length);
    expect(sent.length).toBeGreaterThanOrEqual(3);
  });

  test('an unknown session: the 404 ends the wait', async () => {
    const result = await client.sessionsAPI.waitForSession('no-such-session').execute();

    expect(expectLeft(result, 'HttpError').status).toBe(404);
    expect(sent).toStrictEqual(['/api/v1/sessions/no-such-session']);
  });
});

test('the channels: one call and one attempt per page, path templates only', async () => {
  await createSessions(5);
  const attempts: AttemptEvent[] = [];
  const onAttempt = (message: unknown) => {
    if (isAttemptEvent(message)) attempts.push(message);
  };
  subscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt);
  try {
    await drain(client.sessionsAPI.listSessions().pageSize(2).pages());
  } finally {
    unsubscribe(DIAGNOSTICS_CHANNELS.attempt, onAttempt);
  }

  expect(
    attempts.map(({ operation, path, attempt, status }) => ({ operation, path, attempt, status })),
  ).toStrictEqual(
    [1, 2, 3].map(() => ({
      operation: 'SessionsAPI.ListSessions',
      path: '/api/v1/sessions',
      attempt: 1,
      status: 200,
    })),
  );
});
