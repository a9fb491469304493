// Sets of instants as sorted, disjoint, half-open intervals [lo, hi): the busy time of one
// person, room or rule side, as the starts it forbids a new meeting.

/** A half-open interval of instants, `[lo, hi)`. */
export type Interval = readonly [lo: number, hi: number];

/** The union of intervals, sorted and disjoint (touching ones joined). Does not touch its argument. */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter(([lo, hi]) => lo < hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The index of the first interval of a union ending after `at`, or its length. */
function firstEndingAfter(union: readonly Interval[], at: number): number {
  let low = 0;
  let high = union.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((union[mid] as Interval)[1] <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The interval of a union holding `at`, or undefined. */
export function holding(union: readonly Interval[], at: number): Interval | undefined {
  const found = union[firstEndingAfter(union, at)];
  return found && found[0] <= at ? found : undefined;
}

/** The parts of a union's intervals that meet `[lo, hi)`, clipped to it. */
export function clipped(union: readonly Interval[], lo: number, hi: number): Interval[] {
  const out: Interval[] = [];
  for (let k = firstEndingAfter(union, lo); k < union.length; k++) {
    const [a, b] = union[k] as Interval;
    if (a >= hi) break;
    out.push([Math.max(a, lo), Math.min(b, hi)]);
  }
  return out;
}

/** The complement of a union within `[lo, hi)`. */
export function complementOf(union: readonly Interval[], lo: number, hi: number): Interval[] {
  const out: Interval[] = [];
  let from = lo;
  for (const [a, b] of clipped(union, lo, hi)) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  if (from < hi) out.push([from, hi]);
  return out;
}
