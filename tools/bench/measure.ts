/** Timing helpers for the benchmarks: medians of interleaved runs, so every contender sees the same machine state. */

/** `global.gc` when node runs with --expose-gc (npm run bench does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** Minimum warm-up of each block. */
const WARMUP_MS = 400;

export interface Contender {
  readonly name: string;
  readonly run: () => unknown | Promise<unknown>;
}

/**
 * Median milliseconds of one call of each contender. Contenders run in blocks (A B C A B C …, `passes` times): each
 * block starts on a clean heap (when gc is exposed) and warms up, so no contender pays for another's garbage or
 * runs on another's cold engine, and alternating the blocks spreads any drift of the machine over all of them.
 * Fast calls are timed in batches of `batch` calls per sample, so the timer's own cost does not count.
 */
export async function medians(contenders: readonly Contender[], rounds: number, batch = 1, passes = 5): Promise<Record<string, number>> {
  return (await timedPasses(contenders, rounds, batch, passes)).medians;
}

export interface TimedPasses {
  /** Median milliseconds of one call, over every pass. */
  readonly medians: Record<string, number>;
  /**
   * The median over the passes of `a`'s median in a pass divided by `b`'s in the same pass. The machine's speed can
   * change from one second to the next (this VM moves between two speeds about 1.6× apart): blocks of the same pass
   * run seconds apart, so their ratio compares like with like, where the overall medians can fall in different modes.
   */
  ratio(a: string, b: string): number;
}

/** `medians`, with the per-pass medians kept for paired ratios. */
export async function timedPasses(contenders: readonly Contender[], rounds: number, batch = 1, passes = 5): Promise<TimedPasses> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const byPass: Array<Record<string, number>> = [];
  const perPass = Math.max(1, Math.ceil(rounds / passes));
  const warmup = Math.max(2, Math.ceil(perPass / 3));
  for (let pass = 0; pass < passes; pass++) {
    const passMedians: Record<string, number> = {};
    for (const contender of contenders) {
      collectGarbage?.();
      // Warm up for at least WARMUP_MS as well as `warmup` rounds, so the optimizing compiler has finished before
      // the timed samples: otherwise the median can fall on either side of the moment it kicks in.
      const warmUntil = Date.now() + WARMUP_MS;
      const timed: number[] = [];
      for (let round = -warmup; round < perPass; round++) {
        if (round === -1 && Date.now() < warmUntil) round = -2;
        const start = process.hrtime.bigint();
        for (let i = 0; i < batch; i++) {
          // Await only what is asynchronous: an `await` per synchronous call would add a microtask turn to it.
          const result = contender.run();
          if (result instanceof Promise) await result;
        }
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6 / batch;
        if (round >= 0) timed.push(elapsed);
      }
      samples[contender.name].push(...timed);
      passMedians[contender.name] = median(timed);
    }
    byPass.push(passMedians);
  }
  return {
    medians: Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)])),
    ratio: (a, b) => median(byPass.map((p) => p[a] / p[b])),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}
