import type { Db } from "../src/db/client";
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

/**
 * The customers and invoices the burst benchmarks search and log against: `count` customers with
 * Italian-looking names (typo-tolerant search has near neighbours) and two overdue invoices each, and one
 * admin so the commands are answered. Returns the names (what a collector types) and the ids.
 */
export async function seedCollectionTeam(
  db: Db,
  count: number,
  adminSlackId: string,
): Promise<{ names: string[]; ids: number[] }> {
  await db.teamMember.create({ data: { slackUserId: adminSlackId, name: "Bench", role: "admin" } });
  const families = [
    "Rossi",
    "Bianchi",
    "Verdi",
    "Esposito",
    "Ferrari",
    "Russo",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
  ];
  const trades = ["Costruzioni", "Trasporti", "Alimentari", "Meccanica", "Forniture"];
  const customers = Array.from({ length: count }, (_, i) => ({
    code: `C${String(i).padStart(5, "0")}`,
    name: `${families[i % families.length]} ${trades[i % trades.length]} ${i} srl`,
    vatNumber: String(10_000_000_000 + i * 7919),
  }));
  for (let i = 0; i < customers.length; i += 500)
    await db.customer.createMany({ data: customers.slice(i, i + 500) });
  const ids = (await db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  const invoices = ids.flatMap((customerId, i) => [
    {
      customerId,
      number: `F${i}-1`,
      issueDate: "2025-12-01",
      dueDate: "2026-01-15",
      amountCents: 100_000 + i,
      openCents: 100_000 + i,
    },
    {
      customerId,
      number: `F${i}-2`,
      issueDate: "2026-01-01",
      dueDate: "2026-02-15",
      amountCents: 50_000,
      openCents: 50_000,
    },
  ]);
  for (let i = 0; i < invoices.length; i += 1000)
    await db.invoice.createMany({ data: invoices.slice(i, i + 1000) });
  return { names: customers.map((c) => c.name), ids };
}
