import { IANAZone } from "luxon";

import { UsageError } from "../errors";

import { DAY, MINUTE } from "./date";

/** The largest instant a Date holds (±100,000,000 days from 1970). */
const MAX_INSTANT = 8.64e15;
/** Offsets are cached in buckets of 2^35 ms (about 398 days). */
const BUCKET = 2 ** 35;

/**
 * Zones whose UTC offset (minutes) is fixed from an instant on, per the tz database: after it no
 * `Intl` lookup is needed. Asia/Ho_Chi_Minh has kept +07:00 since 13 June 1975 00:00 (+08:00).
 */
const FIXED_SINCE: Readonly<Record<string, readonly [since: number, offset: number]>> = Object.freeze({
  "Asia/Ho_Chi_Minh": Object.freeze([Date.UTC(1975, 5, 12, 16), 420] as const),
  "Asia/Saigon": Object.freeze([Date.UTC(1975, 5, 12, 16), 420] as const),
  UTC: Object.freeze([Number.NEGATIVE_INFINITY, 0] as const),
  "Etc/UTC": Object.freeze([Number.NEGATIVE_INFINITY, 0] as const),
});

/** True when `zone` is an IANA zone name this runtime knows (e.g. `Asia/Ho_Chi_Minh`). */
export function isValidZone(zone: string): boolean {
  return Object.hasOwn(FIXED_SINCE, zone) || IANAZone.isValidZone(zone);
}

/** The UTC offsets of one zone over one bucket of time: a base offset and its transitions. */
interface OffsetTable {
  readonly base: number;
  readonly at: number[];
  readonly offsets: number[];
}

/**
 * Converts between instants (epoch ms) and wall times in one IANA zone.
 *
 * Wall times are "floating" epoch ms: their UTC fields hold the local clock reading.
 * Offsets are computed once per zone transition (about a year at a time) and then looked up,
 * so a fixed-offset zone such as `Asia/Ho_Chi_Minh` costs one map lookup per conversion.
 */
export interface ZoneClock {
  readonly zone: string;
  /** The zone's UTC offset in minutes at an instant. */
  offsetAt(instant: number): number;
  /**
   * The instant of a local wall time. A nonexistent wall time (in a DST gap) moves forward by
   * the gap; an ambiguous one (in a DST overlap) takes the earlier instant (RFC 5545 §3.3.5).
   */
  toInstant(wall: number): number;
  /** The local wall time of an instant. */
  toWall(instant: number): number;
}

/**
 * Creates a {@link ZoneClock} for an IANA zone; it caches offsets for its own lifetime.
 *
 * @example
 * const clock = zoneClock("Asia/Ho_Chi_Minh");
 * clock.toInstant(Date.UTC(2024, 0, 4, 8, 0)); // 2024-01-04T01:00:00Z
 */
export function zoneClock(zone: string): ZoneClock {
  if (!isValidZone(zone)) throw new UsageError(`unknown time zone "${zone}": expected an IANA zone such as Asia/Ho_Chi_Minh`);
  let iana: IANAZone | undefined; // created on first need: it loads the runtime's time zone data
  const [fixedSince, fixedOffset] = Object.hasOwn(FIXED_SINCE, zone)
    ? (FIXED_SINCE[zone] as readonly [number, number])
    : [Number.POSITIVE_INFINITY, 0];
  const tables = new Map<number, OffsetTable>();
  const raw = (instant: number): number => {
    iana ??= IANAZone.create(zone);
    return iana.offset(instant);
  };

  const table = (bucket: number): OffsetTable => {
    let found = tables.get(bucket);
    if (found) return found;
    // A bad instant (NaN, or past what Date holds) would never end the walk below.
    if (!(Math.abs(bucket * BUCKET) <= MAX_INSTANT)) throw new UsageError(`zone ${zone}: instant ${bucket * BUCKET} is out of range`);
    const from = bucket * BUCKET;
    const to = from + BUCKET;
    const base = raw(from);
    const at: number[] = [];
    const offsets: number[] = [];
    let previous = base;
    let previousTime = from;
    for (let t = from + DAY; ; t += DAY) {
      const sampleTime = Math.min(t, to);
      const offset = raw(sampleTime);
      if (offset !== previous) {
        // Bisect to the minute at which the offset changes.
        // Offsets change on whole minutes: bisect on minute-aligned instants.
        let lo = Math.floor(previousTime / MINUTE) * MINUTE;
        let hi = Math.ceil(sampleTime / MINUTE) * MINUTE;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (raw(mid) === previous) lo = mid;
          else hi = mid;
        }
        at.push(hi);
        offsets.push(offset);
        previous = offset;
      }
      previousTime = sampleTime;
      if (sampleTime >= to) break;
    }
    found = { base, at, offsets };
    tables.set(bucket, found);
    return found;
  };

  const offsetAt = (instant: number): number => {
    if (instant >= fixedSince) return fixedOffset;
    const t = table(Math.floor(instant / BUCKET));
    let offset = t.base;
    for (let i = 0; i < t.at.length && (t.at[i] as number) <= instant; i++) offset = t.offsets[i] as number;
    return offset;
  };

  const toInstant = (wall: number): number => {
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    const first = wall - before * MINUTE;
    if (before === after && offsetAt(first) === before) return first;
    const second = wall - after * MINUTE;
    const firstValid = offsetAt(first) === before;
    const secondValid = offsetAt(second) === after;
    if (firstValid && secondValid) return Math.min(first, second);
    if (firstValid) return first;
    if (secondValid) return second;
    return first; // in a gap: read with the offset before it, i.e. moved forward by the gap
  };

  return { zone, offsetAt, toInstant, toWall: (instant) => instant + offsetAt(instant) * MINUTE };
}

/** A set of {@link ZoneClock}s, one per zone, created on first use. */
export function zoneClocks(): (zone: string) => ZoneClock {
  const clocks = new Map<string, ZoneClock>();
  return (zone) => {
    let clock = clocks.get(zone);
    if (!clock) {
      clock = zoneClock(zone);
      clocks.set(zone, clock);
    }
    return clock;
  };
}
