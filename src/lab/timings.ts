/**
 * How long the lab server takes to answer, measured inside it: from the request
 * arriving (headers parsed) to the answer handed to the socket. The last 65,536
 * samples are kept in a fixed buffer (512 KB, no allocation per request); the
 * control API reports their percentiles, so `npm run bench` can tell the server's
 * own time from the time its load generator (on the same cores) adds.
 */
const SIZE = 1 << 16;

export interface TimingSummary {
  /** Requests timed since the last reset (the percentiles cover the last 65,536 of them). */
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class Timings {
  private readonly samples = new Float64Array(SIZE);
  private count = 0;

  record(ms: number): void {
    this.samples[this.count & (SIZE - 1)] = ms;
    this.count += 1;
  }

  reset(): void {
    this.count = 0;
  }

  summary(): TimingSummary {
    const kept = this.samples.slice(0, Math.min(this.count, SIZE)).sort();
    const at = (q: number) =>
      kept.length ? kept[Math.min(kept.length - 1, Math.floor(q * kept.length))]! : 0;
    return { count: this.count, p50: at(0.5), p99: at(0.99), max: kept.length ? kept[kept.length - 1]! : 0 };
  }
}
