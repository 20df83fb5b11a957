import { sleep } from '../../lib/http/abortable.js';
import { startTimer } from '../../lib/http/timers.js';

// The clock waitForSession runs on, apart from the polling loop so that tests can hand the loop
// a virtual one.

/** The clock the wait runs on: real timers, or a virtual clock in tests. */
export interface Timing {
  readonly now: () => number;
  /** Resolves true after `ms`, or false as soon as `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
  readonly random: () => number;
  /** Calls `fire` after `ms`; returns what cancels it. */
  readonly after: (ms: number, fire: () => void) => () => void;
}

export const realTiming: Timing = {
  now: () => performance.now(),
  sleep,
  random: Math.random,
  after: (ms, fire) => {
    const timer = startTimer(fire, ms);
    return () => {
      clearTimeout(timer);
    };
  },
};
