import { Agent } from 'undici';
import type * as SdkIndex from '../index.js';
import { SESSION_ID } from './fixtures.js';
import { HELD_ID, LATE_PREFIX } from './soakServer.js';

// What an adversarial review found to hold, kept checked: the heap stays flat over many calls at
// 64 in flight; a burst of timeouts leaves no timer, socket or open request behind; and under
// aborts at random moments every call settles, once, as a success or an AbortError. After each
// check, no handle (timer, socket) is left that was not there before it. The same checks run from
// `npm run bench` (large counts, the built package, a server in another process) and from the
// faults suite (small counts, the sources, a server in the test's process).

/** The parts of the package the checks use: the built one, or the sources. */
type Sdk = Pick<typeof SdkIndex, 'APIClient' | 'Configuration'>;

/** Where the soak server is, and how many held requests it still has open. */
export interface SoakTarget {
  readonly origin: string;
  readonly heldOpen: () => Promise<number>;
}

/** Handles by type (Timeout, TCPSocketWrap, …) present after a check and not before it. */
type HandlesLeft = Readonly<Record<string, number>>;

const TOKEN = 'soak-token-not-a-secret';

/** How long a call may take to settle before the check calls it unsettled. */
const SETTLE_LIMIT_MS = 10_000;
/** How long closing a client's Agent may take before the check calls it stuck. */
const CLOSE_LIMIT_MS = 5_000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `promise` resolves to, or `undefined` when it has not settled within `ms`. */
const within = async <T>(promise: Promise<T>, ms: number): Promise<T | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
};

const handleCounts = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo())
    counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
};

const handlesAdded = (before: ReadonlyMap<string, number>): HandlesLeft => {
  const added: Record<string, number> = {};
  for (const [type, count] of handleCounts()) {
    const more = count - (before.get(type) ?? 0);
    if (more > 0) added[type] = more;
  }
  return added;
};

/**
 * Runs `check` with a client of its own Agent, then closes the Agent and compares the process's
 * handles with those before: a timer the SDK did not clear, or a socket it did not give back,
 * shows here.
 */
const withClient = async <R>(
  sdk: Sdk,
  target: SoakTarget,
  connections: number,
  debug: ((line: string) => void) | undefined,
  check: (sessions: SdkIndex.APIClient['sessionsAPI']) => Promise<R>,
): Promise<
  R & {
    readonly closedCleanly: boolean;
    readonly handlesLeft: HandlesLeft;
    readonly heldOpen: number;
  }
> => {
  const before = handleCounts();
  const agent = new Agent({ connections });
  const configuration = new sdk.Configuration({
    basePath: target.origin,
    accessToken: TOKEN,
    dispatcher: agent,
    debug,
  });
  let result: R;
  let closedCleanly = false;
  try {
    result = await check(new sdk.APIClient(configuration).sessionsAPI);
  } finally {
    // close() waits for the requests still in flight: one the SDK abandoned without aborting it
    // would hold it forever.
    closedCleanly =
      (await within(
        agent.close().then(() => true),
        CLOSE_LIMIT_MS,
      )) ?? false;
    if (!closedCleanly) await agent.destroy();
  }
  // The server learns of each closed connection a moment later.
  let heldOpen = await target.heldOpen();
  for (let tries = 0; heldOpen > 0 && tries < 40; tries++) {
    await wait(25);
    heldOpen = await target.heldOpen();
  }
  // Sockets close a few turns of the event loop after the Agent lets them go.
  let handlesLeft = handlesAdded(before);
  for (let tries = 0; Object.keys(handlesLeft).length > 0 && tries < 40; tries++) {
    await wait(25);
    handlesLeft = handlesAdded(before);
  }
  return { ...result, closedCleanly, handlesLeft, heldOpen };
};

/** `n` calls of `call`, `concurrency` at a time, each worker starting the next when one ends. */
const inFlight = async (
  n: number,
  concurrency: number,
  call: (i: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < n) await call(next++);
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
};

const describe = (result: SdkIndex.Result<unknown> | undefined): string => {
  if (result === undefined) return `not settled within ${SETTLE_LIMIT_MS} ms`;
  return result._tag === 'Left' ? `${result.left._tag}: ${result.left.message}` : 'another answer';
};

/** `calls` getSessions, 64 in flight; `sample` runs after every `calls / samples` of them. */
export const steadyCalls = (
  sdk: Sdk,
  target: SoakTarget,
  calls: number,
  samples: number,
  sample: (done: number) => void,
) =>
  withClient(sdk, target, 64, undefined, async (sessions) => {
    const every = Math.max(1, Math.floor(calls / samples));
    let succeeded = 0;
    const failures: string[] = [];
    await inFlight(calls, 64, async (i) => {
      const result = await within(sessions.getSession(SESSION_ID).execute(), SETTLE_LIMIT_MS);
      if (result?._tag === 'Right' && result.right.data.session.id === SESSION_ID) succeeded++;
      else if (failures.length < 5) failures.push(describe(result));
      if ((i + 1) % every === 0) sample(i + 1);
    });
    return { calls, succeeded, failures };
  });

/** `calls` requests the server never answers, all at once, each with a `timeoutMs` timeout. */
export const timeoutBurst = (sdk: Sdk, target: SoakTarget, calls: number, timeoutMs: number) =>
  withClient(sdk, target, calls, undefined, async (sessions) => {
    const results = await Promise.all(
      Array.from({ length: calls }, () =>
        within(
          sessions.getSession(HELD_ID).timeout(timeoutMs).maxRetries(0).execute(),
          timeoutMs + SETTLE_LIMIT_MS,
        ),
      ),
    );
    const timedOut = results.filter((r) => r?._tag === 'Left' && r.left._tag === 'TimeoutError');
    return { calls, timedOut: timedOut.length };
  });

/** A small fast generator, seeded, so that a run can be repeated. */
const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** The longest wait before an abort that is meant to land while a call is under way. */
const LATEST_ABORT_MS = 10;

/**
 * Aborts `controller` at a moment picked at random: before sending, while the request is handed
 * over, while it is under way (waiting for the answer, or mid-body), or just after the call
 * settled, which must change nothing.
 */
const abortAtRandom = (
  controller: AbortController,
  pending: Promise<unknown>,
  random: () => number,
): void => {
  const stop = () => {
    controller.abort();
  };
  const moment = Math.floor(random() * 5);
  if (moment === 0) stop();
  else if (moment === 1) queueMicrotask(stop);
  else if (moment === 2) setImmediate(stop);
  else if (moment === 3) setTimeout(stop, random() * LATEST_ABORT_MS);
  else void pending.then(stop);
};

/**
 * `calls` getSessions answered late, 64 in flight, each aborted at a random moment. `wrong` lists
 * results that are neither a success nor an AbortError, calls that did not settle, and calls whose
 * attempts do not match the debug lines logged for them (an exchange settled twice logs twice).
 */
export const randomAborts = (sdk: Sdk, target: SoakTarget, calls: number, seed: number) => {
  const random = seededRandom(seed);
  const lines = new Map<string, number>();
  const debug = (line: string) => {
    const id = /\/sessions\/(late-\d+) /.exec(line)?.[1] ?? line;
    lines.set(id, (lines.get(id) ?? 0) + 1);
  };
  return withClient(sdk, target, 64, debug, async (sessions) => {
    let settled = 0;
    let succeeded = 0;
    let aborted = 0;
    const wrong: string[] = [];
    await inFlight(calls, 64, async (i) => {
      const controller = new AbortController();
      const request = sessions.getSession(`${LATE_PREFIX}${i}`).signal(controller.signal);
      const pending = request.maxRetries(0).execute();
      abortAtRandom(controller, pending, random);
      const result = await within(pending, SETTLE_LIMIT_MS);
      if (result === undefined) {
        wrong.push(`call ${i}: not settled within ${SETTLE_LIMIT_MS} ms`);
        return;
      }
      settled++;
      const attempts = result._tag === 'Right' ? result.right.attempts : result.left.attempts;
      const logged = lines.get(`${LATE_PREFIX}${i}`) ?? 0;
      if (result._tag === 'Right') succeeded++;
      else if (result.left._tag === 'AbortError') aborted++;
      else wrong.push(`call ${i}: ${result.left._tag}: ${result.left.message}`);
      if (logged !== attempts) wrong.push(`call ${i}: ${logged} log lines, ${attempts} attempts`);
    });
    // Every abort has fired, the late ones included, before the handles are counted.
    await wait(LATEST_ABORT_MS + 10);
    return { calls, settled, succeeded, aborted, wrong };
  });
};
