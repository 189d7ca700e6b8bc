/** Simulated time helpers. The clock is an input; nothing here reads the wall clock. */

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds from a number or a duration string like `90m`, `2h`, `1d`, `30s`; undefined when unparseable. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([smhd]?)\s*$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (UNIT[m[2] || 's'] ?? 1);
}

/**
 * A point in time from a token field: `+5m` / `-1h` relative to `nowMs`, an
 * ISO-8601 string, or epoch seconds. Returns epoch milliseconds.
 */
export function parseInstant(value: unknown, nowMs: number): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string') return undefined;
  const rel = /^\s*([+-])\s*(\d+(?:\.\d+)?\s*[smhd]?)\s*$/.exec(value);
  if (rel) {
    const secs = parseDuration(rel[2]);
    if (secs === undefined) return undefined;
    return nowMs + (rel[1] === '-' ? -secs : secs) * 1000;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

// A tiny cache: a call formats the same few instants (now, the expiry) many times over.
const isoCache = new Map<number, string>();
/** ISO-8601 of epoch ms. */
export function iso(ms: number): string {
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size >= 64) isoCache.clear();
    text = new Date(ms).toISOString();
    isoCache.set(ms, text);
  }
  return text;
}

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);
