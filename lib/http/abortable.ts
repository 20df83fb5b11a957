import { startTimer } from './timers.js';

// Waiting that an AbortSignal can cut short: a caller's abort ends every stage of a request.

/** Waits `ms`; resolves false at once if `signal` aborts first. */
export const sleep = (ms: number, signal: AbortSignal | undefined): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = startTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** What became of a wait: the work's value, or why the wait was cut short. */
export type Waited<T> =
  | { readonly done: true; readonly value: T }
  | { readonly done: false; readonly why: 'abort' | 'timeout' };

/**
 * `work`'s value, unless `signal` aborts or `timeoutMs` passes first (the work itself is left to
 * finish; its result is then ignored).
 */
export const within = <T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Waited<T>> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      resolve({ done: false, why: 'abort' });
      return;
    }
    const finish = (waited: Waited<T>) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(waited);
    };
    const onAbort = () => {
      finish({ done: false, why: 'abort' });
    };
    const timer = startTimer(finish, timeoutMs, { done: false, why: 'timeout' });
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        finish({ done: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
