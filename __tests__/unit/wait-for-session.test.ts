import * as E from 'fp-ts/lib/Either.js';
import {
  SessionFailCode,
  SessionState,
  type GetSessionResponse,
  type Result,
  type Session,
} from '../../index.js';
import type { ConfigurationParameters } from '../../lib/configuration/parameters.js';
import { Configuration } from '../../requests/Configuration.js';
import { startRequest } from '../../requests/connect.js';
import { getSession as getSessionOperation } from '../../requests/sessions/getSession.js';
import { startWait } from '../../requests/sessions/waitForSession.js';
import type { Timing } from '../../requests/sessions/timing.js';
import {
  BASE_URL,
  makeClient,
  OTHER_TOKEN,
  sessionWith,
  TOKEN,
  TRICKY_SESSION_ID,
} from '../support/fixtures.js';
import { getSession } from '../support/operations.js';
import { expectLeft, expectRight } from '../support/results.js';
import {
  expectNothingSent,
  expectSentRequest,
  holdAnswer,
  interceptOperation,
  record,
  trapAnyRequest,
  useNock,
  type RequestExpectations,
} from '../support/wire.js';
import { untyped } from '../support/untyped.js';

// sessionsAPI.waitForSession(id): polls getSession until the Session is final. The waits between
// polls run on a virtual clock (the wait's timing seam), so the suite asserts every wait exactly
// and takes no real time; aborts and the hard maxWait also run once on real timers, briefly.

useNock();

const client = makeClient({ maxRetries: 0 });

/** A clock that moves only when the wait sleeps, or when a test moves it. */
const virtualClock = (random = 0) => {
  let now = 0;
  const sleeps: number[] = [];
  const timers = new Set<{ readonly at: number; readonly fire: () => void }>();
  const fireDue = () => {
    for (const timer of [...timers]) {
      if (timer.at <= now) {
        timers.delete(timer);
        timer.fire();
      }
    }
  };
  const advance = (ms: number) => {
    now += ms;
    fireDue();
  };
  const timing: Timing = {
    now: () => now,
    random: () => random,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      if (!signal.aborted) advance(ms);
      return Promise.resolve(!signal.aborted);
    },
    after: (ms, fire) => {
      const timer = { at: now + ms, fire };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },
  };
  return { timing, sleeps, advance, pendingTimers: () => timers.size, now: () => now };
};

type Clock = ReturnType<typeof virtualClock>;

/** The getSession request a wait polls, for the Session the fixture names. */
const pollOf = (settings: ConfigurationParameters = {}) =>
  startRequest(
    new Configuration({ basePath: BASE_URL, accessToken: TOKEN, maxRetries: 0, ...settings }),
    getSessionOperation,
    { sessionId: TRICKY_SESSION_ID },
  );

/** A wait on the virtual clock, for the Session getSession's fixture names. */
const waitOn = (clock: Clock, maxRetryAfterMs = 60_000, settings: ConfigurationParameters = {}) =>
  startWait(pollOf({ maxRetryAfterMs, ...settings }), clock.timing);

const polled = (state: SessionState, more: Partial<Session> = {}): GetSessionResponse => ({
  session: sessionWith({ id: TRICKY_SESSION_ID, state, ...more }),
});

interface Polls {
  /** Asserts that every answer was asked for, once, by the exact request. */
  readonly done: () => void;
}

/**
 * The answers to successive polls, each matched exactly (method, escaped path, no query, headers);
 * `pollMs` is how long each takes on the virtual clock.
 */
const answerPolls = (
  answers: ReadonlyArray<readonly [number, unknown, Record<string, string>?]>,
  options: { clock?: Clock; pollMs?: number; expected?: RequestExpectations } = {},
): Polls => {
  const scopes = answers.map(([status, body, headers]) => {
    const scope = interceptOperation(getSession, options.expected).reply(() => {
      options.clock?.advance(options.pollMs ?? 0);
      return [status, JSON.stringify(body), { 'content-type': 'application/json', ...headers }];
    });
    return { scope, seen: record(scope) };
  });
  return {
    done: () => {
      for (const { scope, seen: one } of scopes) {
        scope.done();
        expect(one).toHaveLength(1);
        expectSentRequest(one[0], getSession, options.expected);
      }
    },
  };
};

const states = (...list: SessionState[]) => list.map((s) => [200, polled(s)] as const);

const stateOf = (result: Result<GetSessionResponse>) => expectRight(result).data.session.state;

describe('until the Session is final', () => {
  test('success: each poll exact, onUpdate once per state, waits reset on a change', async () => {
    const clock = virtualClock(0.5);
    const polls = answerPolls(
      states(
        'IdvCreated',
        'IdvCreated',
        'IdvInitiated',
        'IdvInProgress',
        'IdvInProgress',
        'IdvSuccess',
      ),
    );
    const updates: Array<readonly [SessionState, number]> = [];

    const result = await waitOn(clock)
      .onUpdate((session, { polls: n }) => updates.push([session.state, n]))
      .execute();

    expect(stateOf(result)).toBe(SessionState.IdvSuccess);
    expect(updates).toStrictEqual([
      ['IdvCreated', 1],
      ['IdvInitiated', 3],
      ['IdvInProgress', 4],
      ['IdvSuccess', 6],
    ]);
    // 2 s (× 1.125 for the drawn jitter), then 1.5× while the state stays, back to 2 s on a change.
    expect(clock.sleeps).toStrictEqual([2250, 3375, 2250, 2250, 3375]);
    polls.done();
    expect(clock.pendingTimers()).toBe(0);
  });

  test('a failed Session is a successful wait', async () => {
    const clock = virtualClock();
    const polls = answerPolls([
      [200, polled('IdvInitiated')],
      [200, polled('IdvFailed', { failCode: SessionFailCode.SessionFailUserCanceled })],
    ]);

    const result = await waitOn(clock).execute();

    expect(expectRight(result).data.session).toMatchObject({
      state: 'IdvFailed',
      failCode: 'SessionFailUserCanceled',
    });
    expect(expectRight(result).response.status).toBe(200);
    polls.done();
  });

  test('waits grow 1.5× while nothing changes, up to 30 s', async () => {
    const clock = virtualClock(0);
    const polls = answerPolls(
      states(...Array<SessionState>(10).fill('IdvInProgress'), 'IdvSuccess'),
    );

    expect(stateOf(await waitOn(clock).execute())).toBe('IdvSuccess');

    expect(clock.sleeps).toStrictEqual([
      2000, 3000, 4500, 6750, 10125, 15187.5, 22781.25, 30000, 30000, 30000,
    ]);
    polls.done();
  });

  test('a poll interval above 30 s does not grow; jitter adds up to a quarter', async () => {
    const clock = virtualClock(1);
    const polls = answerPolls(
      states('IdvInProgress', 'IdvInProgress', 'IdvInProgress', 'IdvSuccess'),
    );

    await waitOn(clock).pollInterval(40_000).execute();

    expect(clock.sleeps).toStrictEqual([50_000, 50_000, 50_000]);
    polls.done();
  });
});

describe('maxWait', () => {
  test('TimeoutError naming the last state, once no further poll can be over by then', async () => {
    const clock = virtualClock(0);
    // Each poll takes 100 ms; the last one that fits ends at 9.9 s.
    const polls = answerPolls(
      states('IdvInProgress', 'IdvInProgress', 'IdvInProgress', 'IdvInProgress'),
      {
        clock,
        pollMs: 100,
      },
    );

    const result = await waitOn(clock).maxWait(10_000).execute();

    expect(expectLeft(result, 'TimeoutError')).toStrictEqual({
      _tag: 'TimeoutError',
      message:
        'SessionsAPI.WaitForSession: the session was not final within maxWait (10000 ms); ' +
        'last state seen: IdvInProgress (4 polls)',
      timeoutMs: 10_000,
      attempts: 4,
    });
    expect(clock.sleeps).toStrictEqual([2000, 3000, 4500]);
    expect(clock.now()).toBe(9_900);
    polls.done();
    expect(clock.pendingTimers()).toBe(0);
  });

  test('on real timers, a poll still in flight at maxWait is cut short', async () => {
    const held = holdAnswer(
      interceptOperation(getSession),
      200,
      JSON.stringify(polled('IdvCreated')),
    );
    const seen = record(held.scope);
    const started = performance.now();

    const result = await client.sessionsAPI
      .waitForSession(TRICKY_SESSION_ID)
      .maxWait(150)
      .execute();

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(expectLeft(result, 'TimeoutError').message).toBe(
      'SessionsAPI.WaitForSession: the session was not final within maxWait (150 ms); ' +
        'last state seen: none (1 poll)',
    );
    expect(seen).toHaveLength(1);
  });
});

describe('abort', () => {
  test('a signal aborted before execute(): AbortError, nothing sent', async () => {
    const trap = trapAnyRequest();
    const controller = new AbortController();
    controller.abort();

    const result = await waitOn(virtualClock()).signal(controller.signal).execute();

    expect(result).toStrictEqual(
      E.left({
        _tag: 'AbortError',
        message: "SessionsAPI.WaitForSession: aborted by the caller's signal",
        attempts: 0,
      }),
    );
    expectNothingSent(trap);
  });

  test('an abort during a wait between polls ends it at once (real timers)', async () => {
    const polls = answerPolls(states('IdvCreated'));
    const controller = new AbortController();
    const started = performance.now();

    const result = await client.sessionsAPI
      .waitForSession(TRICKY_SESSION_ID)
      .pollInterval(60_000)
      .signal(controller.signal)
      .onUpdate(() =>
        setTimeout(() => {
          controller.abort();
        }, 20),
      )
      .execute();

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(expectLeft(result, 'AbortError').attempts).toBe(1);
    polls.done();
  });

  test('an abort during a poll in flight ends it too', async () => {
    const held = holdAnswer(
      interceptOperation(getSession),
      200,
      JSON.stringify(polled('IdvCreated')),
    );
    const seen = record(held.scope);
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 30);

    const result = await waitOn(virtualClock()).signal(controller.signal).execute();

    expect(expectLeft(result, 'AbortError').message).toBe(
      "SessionsAPI.WaitForSession: aborted by the caller's signal",
    );
    expect(seen).toHaveLength(1);
  });
});

describe('answers that say "later", and other errors', () => {
  test('a 429 after the poll’s retries: the wait goes on after its Retry-After', async () => {
    const clock = virtualClock(0);
    const polls = answerPolls([
      [429, { message: 'slow down' }, { 'retry-after': '7' }],
      [200, polled('IdvSuccess')],
    ]);

    const result = await waitOn(clock).execute();

    expect(stateOf(result)).toBe('IdvSuccess');
    expect(clock.sleeps).toStrictEqual([7000]);
    polls.done();
  });

  test('a Retry-After shorter than the next wait does not shorten it; none at all neither', async () => {
    const clock = virtualClock(0);
    const polls = answerPolls([
      [503, {}, { 'retry-after': '1' }],
      [429, {}],
      [200, polled('IdvSuccess')],
    ]);

    expect(stateOf(await waitOn(clock).execute())).toBe('IdvSuccess');
    expect(clock.sleeps).toStrictEqual([2000, 3000]);
    polls.done();
  });

  test('a Retry-After is capped by the configuration’s maxRetryAfterMs', async () => {
    const clock = virtualClock(0);
    const polls = answerPolls([
      [503, {}, { 'retry-after': '3600' }],
      [200, polled('IdvSuccess')],
    ]);

    expect(stateOf(await waitOn(clock, 5_000).execute())).toBe('IdvSuccess');
    expect(clock.sleeps).toStrictEqual([5000]);
    polls.done();
  });

  test.each([
    ['maxRetries(0)', {}, 0],
    ['the configuration’s default retries (2)', { maxRetries: undefined }, undefined],
    ['maxRetries(5) on the wait', {}, 5],
    ['maxRetries: 9 in the configuration', { maxRetries: 9 }, undefined],
  ] as const)(
    'a Retry-After past maxWait ends the wait at once with %s: no retry sits it out',
    async (_what, settings, retries) => {
      const clock = virtualClock(0);
      const polls = answerPolls([
        [200, polled('IdvInitiated')],
        [429, {}, { 'retry-after': '60' }],
      ]);
      const wait = waitOn(clock, 60_000, settings).maxWait(30_000);

      const result = await (retries === undefined ? wait : wait.maxRetries(retries)).execute();

      const error = expectLeft(result, 'TimeoutError');
      expect(error.message).toBe(
        'SessionsAPI.WaitForSession: the session was not final within maxWait (30000 ms): ' +
          'the server asked to wait 60 s more (Retry-After); last state seen: IdvInitiated (2 polls)',
      );
      expect(error.attempts).toBe(2);
      expect(clock.now()).toBe(2_000);
      polls.done();
    },
  );

  test('a retry whose Retry-After ends within maxWait is still made by the poll', async () => {
    const clock = virtualClock(0);
    const polls = answerPolls([
      [503, {}, { 'retry-after': '0.01' }],
      [200, polled('IdvSuccess')],
    ]);

    const result = await waitOn(clock, 60_000, { maxRetries: 1 }).maxWait(30_000).execute();

    expect(expectRight(result).attempts).toBe(2);
    expect(clock.sleeps).toStrictEqual([]);
    polls.done();
  });

  test.each([
    [404, { message: 'No Session with id' }],
    [401, { message: 'The API key is not valid' }],
    [500, { message: 'boom' }],
  ])('HTTP %i ends the wait with that error', async (status, body) => {
    const clock = virtualClock();
    const polls = answerPolls([[status, body]]);

    const result = await waitOn(clock).execute();

    expect(expectLeft(result, 'HttpError').status).toBe(status);
    expect(clock.sleeps).toStrictEqual([]);
    polls.done();
  });

  test('each poll keeps getSession’s own retries', async () => {
    const clock = virtualClock();
    const retrying = { maxRetries: 2, retryBaseDelayMs: 1, retryMaxDelayMs: 1 };
    const polls = answerPolls([
      [503, {}],
      [200, polled('IdvSuccess')],
    ]);

    const result = await waitOn(clock, 60_000, retrying).execute();

    expect(expectRight(result).attempts).toBe(2);
    expect(clock.sleeps).toStrictEqual([]);
    polls.done();
  });
});

describe('onUpdate', () => {
  test('an exception in it cannot break the wait, nor can a rejected promise', async () => {
    const clock = virtualClock();
    const polls = answerPolls(states('IdvInitiated', 'IdvInProgress', 'IdvSuccess'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let calls = 0;

    const result = await waitOn(clock)
      .onUpdate((session) => {
        calls++;
        if (session.state === 'IdvInitiated') throw new Error('the callback failed');
        return Promise.reject(new Error('so did its promise'));
      })
      .execute();
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);

    expect(stateOf(result)).toBe('IdvSuccess');
    expect(calls).toBe(3);
    expect(unhandled).toStrictEqual([]);
    polls.done();
  });
});

describe('the builder', () => {
  test('every poll carries the token and headers set on it', async () => {
    const clock = virtualClock();
    const expected = { token: OTHER_TOKEN, headers: { 'x-trace': 'wait-1' } };
    const polls = answerPolls(states('IdvInitiated', 'IdvSuccess'), { expected });

    const result = await waitOn(clock)
      .accessToken(OTHER_TOKEN)
      .headers({ 'X-Trace': 'wait-1' })
      .timeout(5_000)
      .maxRetries(1)
      .execute();

    expect(stateOf(result)).toBe('IdvSuccess');
    polls.done();
  });

  test('is immutable: a setter leaves the builder it was called on as it was', async () => {
    const clock = virtualClock(0);
    const base = waitOn(clock);
    const derived = base.pollInterval(10_000);
    const polls = answerPolls(states('IdvCreated', 'IdvSuccess', 'IdvCreated', 'IdvSuccess'));

    await derived.execute();
    await base.execute();

    expect(derived).not.toBe(base);
    expect(clock.sleeps).toStrictEqual([10_000, 2_000]);
    polls.done();
  });

  test('execute is a TaskEither on its own', async () => {
    const polls = answerPolls(states('IdvSuccess'));
    const { execute } = waitOn(virtualClock());

    expect(stateOf(await execute())).toBe('IdvSuccess');
    polls.done();
  });

  test('settings out of range: one InvalidRequest naming each, nothing sent', async () => {
    const trap = trapAnyRequest();

    const result = await waitOn(virtualClock())
      .pollInterval(0)
      .maxWait(Number.NaN)
      .onUpdate(untyped('log it'))
      .timeout(-1)
      .maxRetries(1.5)
      .execute();

    expect(expectLeft(result, 'InvalidRequest').problems).toStrictEqual([
      'pollInterval: must be a positive number of milliseconds',
      'maxWait: must be a positive number of milliseconds',
      'onUpdate: must be a function',
      'timeout: must be a positive number of milliseconds',
      'maxRetries: must be a whole number ≥ 0',
    ]);
    expectNothingSent(trap);
  });

  test('never rejects, even when something inside throws', async () => {
    const polls = answerPolls(states('IdvCreated'));
    const clock = virtualClock();
    const broken: Timing = {
      ...clock.timing,
      sleep: () => {
        throw new Error('the clock broke');
      },
    };

    const result = await startWait(pollOf({ maxRetryAfterMs: 1 }), broken).execute();

    expect(expectLeft(result, 'InvalidRequest').problems).toStrictEqual([
      'internal error, please report it: Error',
    ]);
    polls.done();
  });
});
