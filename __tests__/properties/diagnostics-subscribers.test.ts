import { tracingChannel } from 'node:diagnostics_channel';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import nock from 'nock';
import { DIAGNOSTICS_CHANNELS, type RequestTraceContext } from '../../index.js';
import { BASE_URL, makeClient, sessionWith } from '../support/fixtures.js';
import { useNock } from '../support/wire.js';

// Whatever a diagnostics_channel subscriber does with the context it is handed (freeze it, seal
// it, trap its fields, scribble on them), at whichever event, what execute(), all() and
// waitForSession come to is what they come to with no subscriber at all.

useNock();

const requests = tracingChannel<unknown, RequestTraceContext>(DIAGNOSTICS_CHANNELS.request);

/** What a subscriber may do to the context. It never throws itself (Node would report that). */
const behaviours: Record<string, (context: RequestTraceContext) => void> = {
  nothing: () => undefined,
  freeze: (context) => Object.freeze(context),
  seal: (context) => Object.seal(context),
  preventExtensions: (context) => Object.preventExtensions(context),
  trap: (context) => {
    for (const key of ['durationMs', 'result', 'error']) {
      if (Object.isExtensible(context) && !Object.hasOwn(context, key)) {
        Object.defineProperty(context, key, {
          set: () => {
            throw new Error('no');
          },
        });
      }
    }
  },
  scribble: (context) => {
    try {
      Reflect.set(context, 'durationMs', 'soon');
      Reflect.set(context, 'result', null);
      Reflect.deleteProperty(context, 'operation');
    } catch {
      // A trap set at an earlier event: the subscriber's own affair.
    }
  },
};
const kinds = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'] as const;

const ID = 'ses_watched';
const SESSION = sessionWith({ id: ID });

/** Each call, the answer nock gives it, and what it must come to. */
const calls = {
  execute: (status: number) => {
    nock(BASE_URL).get(`/api/v1/sessions/${ID}`).reply(status, { session: SESSION });
    return makeClient({ maxRetries: 0 }).sessionsAPI.getSession(ID).execute();
  },
  all: (status: number) => {
    const page = { sessions: [SESSION], total: 1, more: false };
    nock(BASE_URL).get('/api/v1/sessions').query({ Page: '1' }).reply(status, page);
    return makeClient({ maxRetries: 0 }).sessionsAPI.listSessions().all();
  },
  waitForSession: (status: number) => {
    nock(BASE_URL).get(`/api/v1/sessions/${ID}`).reply(status, { session: SESSION });
    return makeClient({ maxRetries: 0 }).sessionsAPI.waitForSession(ID).execute();
  },
};

/** A result reduced to what must not change: its side, and the error's tag and status. */
const outline = (result: E.Either<{ _tag: string; status?: number }, unknown>) =>
  E.isLeft(result) ? { left: result.left._tag, status: result.left.status } : { right: true };

test('no subscriber behaviour, at any event, changes what a call comes to', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        call: fc.constantFrom('execute', 'all', 'waitForSession' as const),
        status: fc.constantFrom(200, 404, 500),
        acts: fc.tuple(...kinds.map(() => fc.constantFrom(...Object.keys(behaviours)))),
      }),
      async ({ call, status, acts }) => {
        const expected = outline(await calls[call](status));
        const act = (i: number) => behaviours[acts[i]!] ?? behaviours.nothing!;
        const handlers = {
          start: act(0),
          end: act(1),
          asyncStart: act(2),
          asyncEnd: act(3),
          error: act(4),
        };
        requests.subscribe(handlers);
        try {
          const observed = await calls[call](status);
          expect(outline(observed)).toStrictEqual(expected);
        } finally {
          requests.unsubscribe(handlers);
        }
        expect(nock.pendingMocks()).toStrictEqual([]);
      },
    ),
    { numRuns: 120 },
  );
});
