// The measuring loops. Each is bounded twice: by a number of calls and by a time budget, so a
// slow machine shortens a run instead of stretching the whole benchmark.

/** One request; it rejects when the answer is not the expected one. */
export type Call = () => Promise<void>;

export interface Bounds {
  readonly calls: number;
  readonly maxMs: number;
}

/** The latency of each completed call, and the wall time of the whole run. */
export interface RunSample {
  readonly latencies: Float64Array;
  readonly elapsedMs: number;
}

/** One call at a time. */
export const runSequential = async (call: Call, bounds: Bounds): Promise<RunSample> => {
  const latencies = new Float64Array(bounds.calls);
  const start = performance.now();
  const deadline = start + bounds.maxMs;
  let done = 0;
  while (done < bounds.calls) {
    const t0 = performance.now();
    await call();
    const t1 = performance.now();
    latencies[done++] = t1 - t0;
    if (t1 > deadline) break;
  }
  return { latencies: latencies.subarray(0, done), elapsedMs: performance.now() - start };
};

/** `concurrency` workers, each starting its next call when its last one is answered. */
export const runConcurrent = async (
  call: Call,
  concurrency: number,
  bounds: Bounds,
): Promise<RunSample> => {
  const latencies = new Float64Array(bounds.calls);
  const start = performance.now();
  const deadline = start + bounds.maxMs;
  let issued = 0;
  let done = 0;
  const worker = async () => {
    while (issued < bounds.calls && performance.now() <= deadline) {
      issued++;
      const t0 = performance.now();
      await call();
      latencies[done++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies: latencies.subarray(0, done), elapsedMs: performance.now() - start };
};

/** Keeps results alive, so that the optimiser cannot drop the work that made them. */
const sink: { last: unknown } = { last: undefined };

/** Milliseconds per call of a synchronous function, over `iterations` back-to-back calls. */
export const timeBatch = (fn: () => unknown, iterations: number): number => {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink.last = fn();
  return (performance.now() - start) / iterations;
};

/** How many calls of `fn` fill about `targetMs`, found by doubling (at most `maxIterations`). */
export const calibrate = (fn: () => unknown, targetMs: number, maxIterations: number): number => {
  let iterations = 1;
  for (;;) {
    const perCall = timeBatch(fn, iterations);
    if (perCall * iterations >= targetMs / 4 || iterations >= maxIterations) {
      return Math.max(1, Math.min(maxIterations, Math.round(targetMs / Math.max(perCall, 1e-6))));
    }
    iterations *= 2;
  }
};
