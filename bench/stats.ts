// Summaries of timing samples. Percentiles use linear interpolation between closest ranks.

/** `p` in 0..100 of values already sorted ascending; NaN when there are none. */
const percentileOfSorted = (sorted: ArrayLike<number>, p: number): number => {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = (p / 100) * (n - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, n - 1);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
};

export const median = (values: readonly number[]): number =>
  percentileOfSorted(
    [...values].sort((a, b) => a - b),
    50,
  );

const mean = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return values.length === 0 ? Number.NaN : sum / values.length;
};

interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export const summariseLatencies = (latencies: Float64Array): LatencySummary => {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    meanMs: mean(sorted),
    p50Ms: percentileOfSorted(sorted, 50),
    p99Ms: percentileOfSorted(sorted, 99),
  };
};

/** Joins the samples of several rounds, for percentiles over all of them. */
export const concatSamples = (parts: readonly Float64Array[]): Float64Array => {
  const all = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
};
