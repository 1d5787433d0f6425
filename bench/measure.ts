/** Timing helpers for the benchmarks: medians of interleaved runs, so every contender sees the same machine state. */

export interface Contender {
  readonly name: string;
  readonly run: () => unknown | Promise<unknown>;
}

/**
 * Runs each contender `rounds` times, interleaved, after a warm-up; returns the median milliseconds of one call.
 * Fast calls are timed in batches of `batch` calls per sample, so the timer's own cost and resolution don't count.
 */
export async function medians(contenders: readonly Contender[], rounds: number, batch = 1, warmup = Math.max(3, Math.ceil(rounds / 5))): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = -warmup; round < rounds; round++) {
    for (const contender of contenders) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await contender.run();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6 / batch;
      if (round >= 0) samples[contender.name].push(elapsed);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}
