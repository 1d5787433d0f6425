/**
 * A one-line progress indicator on a terminal's standard error, for long runs only: nothing is drawn during the
 * first half second, and the line is redrawn at most ten times a second, then erased.
 */
export class Progress {
  private readonly startedAt = Date.now();
  private lastDrawnAt = 0;
  private drawn = false;

  constructor(
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WritableStream,
  ) {}

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.startedAt < 500 || now - this.lastDrawnAt < 100) return;
    this.lastDrawnAt = now;
    this.drawn = true;
    this.stream.write(`\r\u001b[2K${text}`);
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[2K');
    this.drawn = false;
  }
}
