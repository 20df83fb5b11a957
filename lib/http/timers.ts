// Node fires a timer of more than 2³¹−1 ms (about 24.8 days) at once, with a warning: an obvious
// "no timeout" such as Number.MAX_SAFE_INTEGER would time out every request, and a 30-day
// Retry-After would be retried after 1 ms. Every duration the SDK hands to a timer passes here.

/** The longest delay a timer can wait; any longer one waits this long. */
export const MAX_TIMER_MS = 2_147_483_647;

export const timerDelay = (ms: number): number => Math.min(Math.max(0, ms), MAX_TIMER_MS);

/** `setTimeout` with the delay bounded: longer waits this long, never less. */
export const startTimer = <A extends unknown[]>(
  callback: (...args: A) => void,
  ms: number,
  ...args: A
): NodeJS.Timeout => setTimeout(callback, timerDelay(ms), ...args);
