/**
 * Debounces work per document: a burst of keystrokes runs the checks once, on the latest version.
 * Timers are per URI so one busy document never delays another. A delay of 0 (benchmarks only) runs on the next
 * turn of the event loop: `setTimeout(…, 0)` would wait a millisecond, which is not the server's work.
 */
export class DebouncedScheduler {
  private readonly timers = new Map<string, { cancel(): void }>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    const fire = () => {
      this.timers.delete(uri);
      this.run(uri);
    };
    if (delayMs <= 0) {
      const immediate = setImmediate(fire);
      this.timers.set(uri, { cancel: () => clearImmediate(immediate) });
    } else {
      const timeout = setTimeout(fire, delayMs);
      this.timers.set(uri, { cancel: () => clearTimeout(timeout) });
    }
  }

  cancel(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
  }
}
