// The sandbox's time. Every rule that depends on time (a Session's progress after the user
// finishes, its expiry, `created` and `updated`) reads this clock, never Date.now(), so a test can
// run a manual clock and move it with `advance` instead of sleeping.

/** `real`: the machine's clock; `manual`: stands still until `advanceTime` moves it. */
export type ClockKind = 'real' | 'manual';

export interface SandboxClock {
  /** Sandbox time, in ms since the Unix epoch. */
  now(): number;
  /** Moves sandbox time forward by `ms`; returns the new time. */
  advance(ms: number): number;
}

/**
 * `real`: the machine's clock plus every `advance` so far. `manual`: starts at the machine's time,
 * rounded down to a whole second (so a test knows where the seconds of `updated` turn), and moves
 * only by `advance`. Both only ever move forward.
 */
export const sandboxClock = (
  kind: ClockKind,
  machineNow: () => number = Date.now,
): SandboxClock => {
  const start = kind === 'manual' ? Math.floor(machineNow() / 1000) * 1000 : 0;
  let skipped = 0;
  const now = (): number => (kind === 'manual' ? start : machineNow()) + skipped;
  return {
    now,
    advance: (ms) => {
      skipped += ms;
      return now();
    },
  };
};

/** Unix seconds, as the API's `created` and `updated` are. */
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
