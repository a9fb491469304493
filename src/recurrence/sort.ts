import type { Occurrence } from "./occurrence";

/**
 * Orders occurrences by start, then end, meeting id and original start: the order expansion
 * returns them in.
 *
 * @example
 * const sorted = [...occurrences].sort(compareOccurrences);
 */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return (
    a.start - b.start || a.end - b.end || (a.meeting < b.meeting ? -1 : a.meeting > b.meeting ? 1 : 0) || a.recurrenceId - b.recurrenceId
  );
}

/** Position bits of a sort key: below 2^21 (about two million occurrences). */
const POSITIONS = 2 ** 21;
/** Seconds of a sort key: instants within ±2^32 s of 1970 (1834–2106), which keeps keys below 2^53. */
const SECONDS_LIMIT = 2 ** 32;

/**
 * The order of `values` (whole seconds, as ms) with ties kept in `rank` order: `order[k]` is the
 * index at place k. Sorts numeric keys (seconds, then rank) in a typed array. Returns undefined
 * when a value is outside the keys' range.
 */
function orderBy(values: Float64Array, rank: Int32Array): Int32Array | undefined {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const seconds = (values[i] as number) / 1000;
    if (!Number.isInteger(seconds) || Math.abs(seconds) >= SECONDS_LIMIT) return undefined;
    keys[i] = seconds * POSITIONS + (rank[i] as number);
  }
  keys.sort();
  const byRank = new Int32Array(n);
  for (let i = 0; i < n; i++) byRank[rank[i] as number] = i;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const key = keys[k] as number;
    order[k] = byRank[key - Math.floor(key / POSITIONS) * POSITIONS] as number;
  }
  return order;
}

/**
 * The order of occurrences given in (meeting, original start) order under
 * {@link compareOccurrences}, found without calling it: a numeric sort by end, then a numeric
 * sort by start that keeps ties in the order of the first (radix style). `order[k]` is the index
 * of the k-th. Undefined outside the keys' range.
 */
function sortOrder(byMeeting: readonly Occurrence[]): Int32Array | undefined {
  const n = byMeeting.length;
  if (n >= POSITIONS) return undefined;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = byMeeting[i] as Occurrence;
    starts[i] = o.start;
    ends[i] = o.end;
    identity[i] = i;
  }
  const byEnd = orderBy(ends, identity);
  if (!byEnd) return undefined;
  const endRank = new Int32Array(n);
  for (let k = 0; k < n; k++) endRank[byEnd[k] as number] = k;
  return orderBy(starts, endRank);
}

/** The occurrences `order` picks, in its order. */
function pick(occurrences: readonly Occurrence[], order: Int32Array): Occurrence[] {
  const out = new Array<Occurrence>(order.length);
  for (let k = 0; k < order.length; k++) out[k] = occurrences[order[k] as number] as Occurrence;
  return out;
}

/**
 * Sorts occurrences given in (meeting, original start) order as {@link compareOccurrences}
 * does, by numeric keys (see {@link sortOrder}), and returns the order used (`order[k]` is the
 * input index of the k-th); outside the keys' range the comparator sorts and there is no order.
 */
export function sortOccurrences(byMeeting: Occurrence[]): { sorted: Occurrence[]; order: Int32Array | undefined } {
  const order = sortOrder(byMeeting);
  return order ? { sorted: pick(byMeeting, order), order } : { sorted: byMeeting.sort(compareOccurrences), order };
}
