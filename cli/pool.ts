import * as os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Analyzer, AnalyzerOptions, createAnalyzer, FileOutcome } from './analyze';

/**
 * With `--jobs auto`, worker threads start once this many files are found: below it one thread is faster than
 * starting workers (each loads the checker, and TypeScript when a file needs it, anew).
 */
export const POOL_THRESHOLD = 400;
/** With `--jobs auto`, worker threads only on machines with at least this many cores (see wantedWorkers). */
export const MIN_CORES_FOR_WORKERS = 3;
/** One more thread per this many files found, up to one per core. */
const FILES_PER_WORKER = 100;
/** Files per message to a worker while the walk goes on; the tail is cut finer so that workers finish together. */
const BATCH = 64;
/** Batches sent ahead to a worker while the walk keeps this thread busy (it cannot hear replies meanwhile). */
const AHEAD = 3;

export interface CheckerOptions extends AnalyzerOptions {
  /** Threads that check files (this one and N - 1 workers); undefined: automatic. 1: this thread only. */
  readonly jobs?: number;
  /** The script a worker runs: the bundled dist/cli-worker.js, or cli/worker.js / cli/main.js compiled. */
  readonly workerScript: string;
  readonly onProgress?: (done: number, found: number) => void;
}

export interface CheckerResult {
  /** Outcomes worth reporting (results, skips, failures), in no particular order. */
  readonly outcomes: FileOutcome[];
  /** Threads that checked files: this one plus the workers. */
  readonly threads: number;
}

interface WorkerInit {
  readonly idenfyCliWorker: true;
  readonly analyzer: AnalyzerOptions;
}
interface BatchReply {
  readonly done: number;
  readonly outcomes: FileOutcome[];
}
interface PoolWorker {
  readonly thread: Worker;
  /** Batches sent and not answered yet. */
  outstanding: number;
}

/**
 * Checks files as the walk finds them: `add` each file, then `finish`. In this thread for few files; once enough
 * are found (or with --jobs N > 1), also in worker threads (one per core but this one's), which start while the
 * walk is still going on and get batches of files; this thread checks batches too once the walk is done.
 */
export class Checker {
  private readonly cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  private readonly pending: string[] = [];
  private readonly outcomes: FileOutcome[] = [];
  private readonly workers: PoolWorker[] = [];
  private found = 0;
  private done = 0;
  private finishing = false;
  private settle?: { resolve: (result: CheckerResult) => void; reject: (error: Error) => void };
  private failure?: Error;

  constructor(private readonly options: CheckerOptions) {}

  add(file: string): void {
    this.found++;
    this.pending.push(file);
    this.growPool();
    if (this.workers.length) this.dispatch();
  }

  async finish(): Promise<CheckerResult> {
    this.finishing = true;
    this.growPool();
    const analyze = createAnalyzer(this.options);
    await analyze.prepare(this.pending);
    if (this.workers.length === 0) {
      this.checkHere(analyze, this.pending.splice(0));
      return { outcomes: this.outcomes, threads: 1 };
    }
    const settled = new Promise<CheckerResult>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    settled.catch(() => undefined); // handled below; never an unhandled rejection meanwhile
    this.dispatch();
    // This thread checks batches too, between the workers' replies (which keep them fed).
    while (this.pending.length > 0 && !this.failure) {
      const batch = this.pending.splice(0, this.batchSize());
      this.checkHere(analyze, batch);
      this.done += batch.length;
      this.options.onProgress?.(this.done, this.found);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.failure) this.fail(this.failure);
    else this.maybeDone();
    return settled;
  }

  /** Stops the workers (the run ended early, e.g. on a bad operand). */
  abort(): void {
    this.failure ??= new Error('aborted');
    for (const worker of this.workers) void worker.thread.terminate();
  }

  /** How many workers there should be for the files found so far. */
  private wantedWorkers(): number {
    const { jobs } = this.options;
    if (jobs !== undefined) return Math.max(0, Math.min(jobs, this.found) - 1);
    // On two cores one thread is faster: V8's background garbage collection already runs on the second core
    // (measured: one thread 1.10 s at 132% CPU; with a worker 1.15 s at 183% CPU, on 1,000 TypeScript payload files).
    if (this.cores <= MIN_CORES_FOR_WORKERS - 1 || this.found < POOL_THRESHOLD) return 0;
    return Math.min(this.cores, Math.ceil(this.found / FILES_PER_WORKER)) - 1;
  }

  private growPool(): void {
    const wanted = this.wantedWorkers();
    while (this.workers.length < wanted) this.startWorker();
  }

  private startWorker(): void {
    const { rawSettings, workspaceRoot, maxFileSizeBytes } = this.options;
    const init: WorkerInit = { idenfyCliWorker: true, analyzer: { rawSettings, workspaceRoot, maxFileSizeBytes } };
    const worker: PoolWorker = { thread: new Worker(this.options.workerScript, { workerData: init }), outstanding: 0 };
    this.workers.push(worker);
    worker.thread.on('message', (reply: BatchReply) => {
      worker.outstanding--;
      for (const outcome of reply.outcomes) this.outcomes.push(outcome);
      this.done += reply.done;
      this.options.onProgress?.(this.done, this.found);
      this.dispatch();
      this.maybeDone();
    });
    worker.thread.on('error', (error) => this.fail(error));
    worker.thread.on('exit', (code) => {
      if (worker.outstanding > 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
  }

  /** Sends batches to the workers with the fewest outstanding: full ones during the walk, finer ones at the end. */
  private dispatch(): void {
    if (this.failure) return;
    for (;;) {
      const size = this.batchSize();
      if (this.pending.length === 0 || (!this.finishing && this.pending.length < BATCH)) return;
      let target: PoolWorker | undefined;
      for (const worker of this.workers) if (!target || worker.outstanding < target.outstanding) target = worker;
      if (!target || target.outstanding >= AHEAD) return;
      target.outstanding++;
      target.thread.postMessage(this.pending.splice(0, size));
    }
  }

  private batchSize(): number {
    return this.finishing ? Math.max(8, Math.min(BATCH, Math.ceil(this.pending.length / ((this.workers.length + 1) * 2)))) : BATCH;
  }

  private maybeDone(): void {
    if (!this.settle || this.failure) return;
    if (this.pending.length > 0 || this.workers.some((w) => w.outstanding > 0)) return;
    for (const worker of this.workers) void worker.thread.terminate();
    this.settle.resolve({ outcomes: this.outcomes, threads: this.workers.length + 1 });
  }

  private fail(error: Error): void {
    if (!this.failure) {
      this.failure = error;
      for (const worker of this.workers) void worker.thread.terminate();
    }
    this.settle?.reject(this.failure);
  }

  private checkHere(analyze: Analyzer, files: readonly string[]): void {
    const alone = this.workers.length === 0;
    files.forEach((file, i) => {
      const outcome = analyze(file);
      if (isWorthKeeping(outcome)) this.outcomes.push(outcome);
      if (alone && this.options.onProgress && i % 50 === 49) this.options.onProgress(i + 1, files.length);
    });
  }
}

/** True when this thread was started by a Checker. */
export function isCliWorker(): boolean {
  return parentPort !== null && (workerData as WorkerInit | undefined)?.idenfyCliWorker === true;
}

/** The worker side: checks each batch of paths it is sent and answers with the outcomes worth reporting. */
export function runWorker(): void {
  const analyze = createAnalyzer((workerData as WorkerInit).analyzer);
  parentPort!.on('message', async (batch: string[]) => {
    await analyze.prepare(batch);
    const outcomes: FileOutcome[] = [];
    for (const file of batch) {
      const outcome = analyze(file);
      if (isWorthKeeping(outcome)) outcomes.push(outcome);
    }
    parentPort!.postMessage({ done: batch.length, outcomes } satisfies BatchReply);
  });
}

function isWorthKeeping(outcome: FileOutcome): boolean {
  return outcome.result !== undefined || outcome.skipped !== undefined || outcome.failure !== undefined;
}
