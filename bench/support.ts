/** Small helpers shared by the benchmarks: timing, percentiles, peak memory sampling, figure lines. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Samples RSS and heap every 10 ms while `fn` runs; returns the peaks above the starting point. */
export async function withPeakMemory<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peakRssMb: number; peakHeapMb: number }> {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  try {
    const value = await fn();
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    return { value, peakRssMb: (rss - base.rss) / 2 ** 20, peakHeapMb: (heap - base.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export function figure(name: string, value: number, unit: string): void {
  process.stdout.write(
    `${name}: ${Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : value} ${unit}\n`,
  );
}
