import type { Logger } from './logger';

/**
 * A client's broken request (a body cut off mid-way, a frame over the limit, a flood) is worth a line in
 * the log, not one line per request: 20,000 cut-off connections must not write 20,000 lines. Each kind of
 * line is written at most `perWindow` times per window; the first one written after a stretch of
 * suppressed ones says how many were left out (`suppressed`). Lines are `warn`, without a stack.
 */
export class LogSampler {
  private readonly windows = new Map<string, { start: number; written: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly perWindow = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many lines of this kind were suppressed since the last written one, or undefined to suppress this one. */
  take(kind: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(kind);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, written: 0, suppressed: window?.suppressed ?? 0 };
      this.windows.set(kind, window);
    }
    if (window.written >= this.perWindow) {
      window.suppressed += 1;
      return undefined;
    }
    window.written += 1;
    const suppressed = window.suppressed;
    window.suppressed = 0;
    return suppressed;
  }

  /** A `warn` line of this kind, unless its kind has had its share of the window. */
  warn(kind: string, fields: Record<string, unknown>, message: string): void {
    const suppressed = this.take(kind);
    if (suppressed === undefined) return;
    this.log.warn({ ...fields, kind, ...(suppressed > 0 ? { suppressed } : {}) }, message);
  }
}
