/**
 * The temporary keys a lab handed out, kept within bounds so a long lab or a
 * load test (thousands of AssumeRole calls a second) has bounded memory:
 *
 * - while more than `sweepAbove` keys are live (1,000: a load test, not a learner), a
 *   key is dropped once its credentials expired more than 15 minutes ago (the
 *   clock-skew window AWS allows a signature), checked at most once a simulated
 *   minute. Until then — and always in a learner's lab — the calls it signs still
 *   reach the engine, which answers ExpiredToken with its full trace and the task
 *   list can check off a step that expects it (`lab advance 5h`, then the call);
 * - past `maxLive` keys, the oldest goes first, expired or not.
 *
 * A dropped key leaves a tombstone (its id and expiry, a few dozen bytes; at most
 * `maxForgotten`, oldest first) so the lab still answers the way AWS does: an
 * expired key gets ExpiredToken however long ago it expired. A key that was
 * dropped before it expired, or whose tombstone is gone too, is a key the lab
 * no longer knows: InvalidClientTokenId, as for any unknown key (README, "Hands-on lab").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */
import type { KnownKey } from './credentials.js';

/** Temporary keys a lab remembers with their secrets (≈ 2 KB each with the engine's session). */
export const MAX_TEMPORARY_KEYS = 10_000;
/** Dropped temporary keys remembered by id and expiry only. */
export const MAX_FORGOTTEN_KEYS = 100_000;
/** Expired keys are swept only while more keys than this are live. */
export const SWEEP_ABOVE = 1_000;
/** How long after expiry a key is kept: AWS's 15-minute clock-skew window. */
export const EXPIRED_GRACE_MS = 15 * 60 * 1000;
/** At most one sweep for expired keys per simulated minute. */
const SWEEP_EVERY_MS = 60 * 1000;

export interface KeyLimits {
  maxLive: number;
  maxForgotten: number;
  /** Expired keys are swept only while more keys than this are live (default SWEEP_ABOVE). */
  sweepAbove?: number;
}

/** A temporary key with the time its credentials expire (epoch ms, simulated clock). */
export type TemporaryKey = KnownKey & { expiresMs: number };

/**
 * A map that remembers the order its keys were first set in and gives up its
 * oldest in O(1). (A `Map` alone would do it with `keys().next()`, but V8 then
 * walks over every entry deleted since the table was last rebuilt: slow as a queue.)
 */
class InsertionOrder<V> {
  readonly map = new Map<string, V>();
  private order: string[] = [];
  private head = 0;

  set(key: string, value: V): void {
    const size = this.map.size;
    this.map.set(key, value);
    if (this.map.size > size) this.order.push(key);
  }

  /** Removes the oldest entry still present and returns its value. */
  shift(): V | undefined {
    while (this.head < this.order.length) {
      const key = this.order[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.order.length) {
        this.order = this.order.slice(this.head);
        this.head = 0;
      }
      const value = this.map.get(key);
      if (this.map.delete(key)) return value;
    }
    return undefined;
  }
}

export class TemporaryKeys {
  /** Keys by id, in the order they were minted. */
  private readonly live = new InsertionOrder<TemporaryKey>();
  /** Dropped keys: access key id → expiry (epoch ms). */
  private readonly forgotten = new InsertionOrder<number>();
  /** No key is due to be dropped before this simulated time. */
  private nextSweep = Infinity;

  constructor(
    private readonly limits: KeyLimits,
    /** Called for each key dropped (the lab tells the engine to forget its session). */
    private readonly onDrop: (key: TemporaryKey) => void,
  ) {}

  /** How many temporary keys the lab holds with their secrets. */
  get size(): number {
    return this.live.map.size;
  }

  get(accessKeyId: string): TemporaryKey | undefined {
    return this.live.map.get(accessKeyId);
  }

  /** The expiry (epoch ms) of a key the lab handed out and has since dropped. */
  forgottenExpiry(accessKeyId: string): number | undefined {
    return this.forgotten.map.get(accessKeyId);
  }

  add(key: TemporaryKey): void {
    this.live.set(key.accessKeyId, key);
    const due = key.expiresMs + EXPIRED_GRACE_MS;
    if (due < this.nextSweep) this.nextSweep = due;
    while (this.live.map.size > this.limits.maxLive) this.dropped(this.live.shift()!);
  }

  /** Drops the keys that expired more than the grace window before `nowMs`. Cheap when none is due. */
  prune(nowMs: number): void {
    if (nowMs < this.nextSweep || this.live.map.size <= (this.limits.sweepAbove ?? SWEEP_ABOVE)) return;
    let next = Infinity;
    for (const key of this.live.map.values()) {
      const due = key.expiresMs + EXPIRED_GRACE_MS;
      if (due <= nowMs) {
        this.live.map.delete(key.accessKeyId);
        this.dropped(key);
      } else if (due < next) next = due;
    }
    this.nextSweep = next === Infinity ? next : Math.max(next, nowMs + SWEEP_EVERY_MS);
  }

  /** A key just taken out of `live`: leave its tombstone, tell the owner. */
  private dropped(key: TemporaryKey): void {
    this.forgotten.set(key.accessKeyId, key.expiresMs);
    if (this.forgotten.map.size > this.limits.maxForgotten) this.forgotten.shift();
    this.onDrop(key);
  }
}
