import type { ScheduleFile } from "../schema/schedule";
import { DAY, parseWall } from "../time/wall";

/**
 * Resolves a list of attendee references to the people it names on a date: a person id stays, a
 * body id stands for the members of that body on that date (the people whose `bodies` list it,
 * in file order). Each person appears once, where first named.
 *
 * `wall` is the occurrence's start as floating wall time (ms whose UTC fields hold the local
 * clock reading, in the meeting's zone): membership is by the local date of that start, so an
 * occurrence that spans days counts its first day. A body id in `bodies` makes a member on every
 * date; `{ body, from, to }` between two inclusive local dates.
 */
export interface AttendeeResolver {
  (references: readonly string[], wall: number): readonly string[];
  /**
   * Whether the people a list names can differ from one date to another (it names a body with a
   * dated membership). When not, any `wall` gives the same array: callers resolve such a list once.
   */
  readonly dated: (references: readonly string[]) => boolean;
}

/** One person's membership of a body, as the half-open range of walls `[from, until)` it covers. */
interface Period {
  readonly person: string;
  readonly from: number;
  readonly until: number;
}

/** What a list naming a dated body resolves to: one array per stretch of dates where its people stay the same. */
interface DatedList {
  /** Where the membership of one of the list's bodies begins or ends, ascending and unique. */
  readonly bounds: number[];
  /** The people of each stretch: `byStretch[k]` holds between `bounds[k - 1]` and `bounds[k]`. */
  readonly byStretch: (readonly string[] | undefined)[];
  /** The arrays already made, by content: stretches with the same people share one. */
  readonly byContent: Map<string, readonly string[]>;
}

/** The number of entries of an ascending list that are at most `value`. */
function countAtMost(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The {@link AttendeeResolver} of a schedule. A list that names no body is returned as it is, and
 * the same list with the same members on a date always resolves to the same frozen array, so
 * occurrences that share a list share its people (detection and the feeds compare the lists by
 * identity first). A schedule whose memberships carry no dates costs what an undated one did:
 * one resolution per list, whatever the date.
 *
 * @example
 * const resolve = attendeeResolver(schedule);
 * resolve(["tt-hdnd", "le-van-thanh"], Date.UTC(2024, 2, 7, 8));
 * // ["doan-thi-hau", "hoang-minh-tuan", "le-van-thanh"]: the members of tt-hdnd on 7 March 2024, then Thành
 */
export function attendeeResolver(schedule: Pick<ScheduleFile, "bodies" | "people">): AttendeeResolver {
  // Every membership of each body, in file order: a person listing a body stands at her place.
  const all = new Map<string, Period[]>();
  for (const body of schedule.bodies) all.set(body.id, []);
  for (const person of schedule.people) {
    for (const membership of person.bodies ?? []) {
      if (typeof membership === "string") {
        all.get(membership)?.push({ person: person.id, from: -Infinity, until: Infinity });
        continue;
      }
      const { body, from, to } = membership;
      all.get(body)?.push({
        person: person.id,
        from: from === undefined ? -Infinity : (parseWall(from)?.wall ?? -Infinity),
        until: to === undefined ? Infinity : (parseWall(to)?.wall ?? Infinity) + DAY,
      });
    }
  }
  // A body whose members change with the date keeps its periods; the others, the list of their members.
  const members = new Map<string, string[]>();
  const periods = new Map<string, readonly Period[]>();
  for (const [body, list] of all) {
    if (list.some((period) => period.from !== -Infinity || period.until !== Infinity)) periods.set(body, list);
    else members.set(body, [...new Set(list.map((period) => period.person))]);
  }

  const resolved = new WeakMap<readonly string[], readonly string[]>();
  const undated = (references: readonly string[]): readonly string[] => {
    if (!references.some((id) => members.has(id))) return references;
    let found = resolved.get(references);
    if (!found) {
      const people = new Set<string>();
      for (const id of references) {
        const list = members.get(id);
        if (list) for (const person of list) people.add(person);
        else people.add(id);
      }
      found = Object.freeze([...people]);
      resolved.set(references, found);
    }
    return found;
  };
  const isDated = (references: readonly string[]): boolean => periods.size > 0 && references.some((id) => periods.has(id));
  if (periods.size === 0) return Object.assign(undated, { dated: isDated });

  const datedLists = new WeakMap<readonly string[], DatedList>();
  const datedList = (references: readonly string[]): DatedList => {
    let found = datedLists.get(references);
    if (!found) {
      const bounds = new Set<number>();
      for (const id of references) {
        for (const period of periods.get(id) ?? []) {
          if (Number.isFinite(period.from)) bounds.add(period.from);
          if (Number.isFinite(period.until)) bounds.add(period.until);
        }
      }
      const sorted = [...bounds].sort((a, b) => a - b);
      found = { bounds: sorted, byStretch: new Array(sorted.length + 1), byContent: new Map() };
      datedLists.set(references, found);
    }
    return found;
  };
  const resolve = (references: readonly string[], wall: number): readonly string[] => {
    if (!isDated(references)) return undated(references);
    const list = datedList(references);
    const stretch = countAtMost(list.bounds, wall);
    let found = list.byStretch[stretch];
    if (!found) {
      // Membership stays the same over a stretch: its first wall stands for all of it.
      const at = stretch === 0 ? -Infinity : (list.bounds[stretch - 1] as number);
      const people = new Set<string>();
      for (const id of references) {
        const dated = periods.get(id);
        const plain = members.get(id);
        if (dated) {
          for (const period of dated) if (period.from <= at && at < period.until) people.add(period.person);
        } else if (plain) {
          for (const person of plain) people.add(person);
        } else people.add(id);
      }
      const key = [...people].join("\n");
      found = list.byContent.get(key);
      if (!found) {
        found = Object.freeze([...people]);
        list.byContent.set(key, found);
      }
      list.byStretch[stretch] = found;
    }
    return found;
  };
  return Object.assign(resolve, { dated: isDated });
}
