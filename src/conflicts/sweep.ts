import type { Columns } from "./columns";

/** Occurrence indexes grouped, ascending in each group: group g is `items[offsets[g]..offsets[g + 1])`. */
export interface Buckets {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/**
 * Groups occurrence indexes by the groups of a value each has (a meeting's rules, a list's
 * people): counts first, then fills one typed array.
 */
export function bucketBy(values: Int32Array, groupsOf: readonly (readonly number[])[], groupCount: number): Buckets {
  const counts = new Int32Array(groupCount + 1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) continue;
    for (const group of groupsOf[value] as readonly number[]) counts[group + 1] = (counts[group + 1] as number) + 1;
  }
  const offsets = counts;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const next = offsets.slice(0, groupCount);
  const items = new Int32Array(offsets[groupCount] as number);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) continue;
    for (const group of groupsOf[value] as readonly number[]) items[(next[group] as number)++] = i;
  }
  return { offsets, items };
}

/**
 * Sweeps the occurrence indexes `items[from..to)` (ascending, so in order of start): calls
 * `visit(i, j)` (i before j) for every pair whose earlier member ends later than `reach` ms
 * before the later one starts. Each index is compared only with those still active, never with
 * all the others. `active` is scratch space.
 */
export function sweep(
  items: ArrayLike<number>,
  from: number,
  to: number,
  times: Columns,
  reach: number,
  active: number[],
  visit: (i: number, j: number) => void,
): void {
  const { starts, ends } = times;
  let size = 0;
  for (let k = from; k < to; k++) {
    const j = items[k] as number;
    const start = starts[j] as number;
    let keep = 0;
    for (let a = 0; a < size; a++) {
      const i = active[a] as number;
      if ((ends[i] as number) + reach <= start) continue;
      active[keep++] = i;
      visit(i, j);
    }
    size = keep;
    active[size++] = j;
  }
}

/**
 * {@link sweep} for a rule's two sides: `sideOf(i)` has bit 1 for the first side, bit 2 for the
 * second. Each index is compared only with the active ones of the other side, so occurrences of
 * one side that overlap each other cost nothing.
 */
export function sweepSides(
  items: ArrayLike<number>,
  from: number,
  to: number,
  times: Columns,
  reach: number,
  sideOf: (i: number) => number,
  visit: (i: number, j: number) => void,
): void {
  const { starts, ends } = times;
  const active: [number[], number[]] = [[], []];
  for (let k = from; k < to; k++) {
    const j = items[k] as number;
    const start = starts[j] as number;
    const bits = sideOf(j);
    for (let side = 0; side < 2; side++) {
      // Side 1's actives meet a j on side 2, and side 2's a j on side 1; an index on both sides
      // is in both lists and is visited from the first only.
      if (!(bits & (side === 0 ? 2 : 1))) continue;
      const list = active[side] as number[];
      let keep = 0;
      for (let a = 0; a < list.length; a++) {
        const i = list[a] as number;
        if ((ends[i] as number) + reach <= start) continue;
        list[keep++] = i;
        if (side === 1 && bits & 2 && sideOf(i) & 1) continue;
        visit(i, j);
      }
      list.length = keep;
    }
    if (bits & 1) (active[0] as number[]).push(j);
    if (bits & 2) (active[1] as number[]).push(j);
  }
}
