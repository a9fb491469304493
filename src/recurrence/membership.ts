import type { Meeting, ScheduleFile } from "../schema/schedule";
import { DAY, parseWall } from "../time/wall";

/**
 * The attendee references of a meeting, or of a change's own `attendees`: the chair (who
 * attends what they chair) first, then the list. Without a chair, the list itself (the same
 * array, so resolutions cached by it hold).
 */
export function listedAttendees(
  meeting: Pick<Meeting, "chair" | "attendees">,
  attendees: readonly string[] | undefined = meeting.attendees,
): readonly string[] {
  if (meeting.chair === undefined) return attendees ?? [];
  const chair = meeting.chair;
  return [chair, ...(attendees ?? []).filter((id) => id !== chair)];
}

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
   * The people of `references` when they are the same on every date (the list names no body
   * with a dated membership), else `undefined`: callers resolve such a list once.
   */
  readonly fixed: (references: readonly string[]) => readonly string[] | undefined;
  /** The resolver of one list, for a caller that resolves it on many dates (one lookup of the list, then a search by date). */
  readonly onDates: (references: readonly string[]) => (wall: number) => readonly string[];
}

/** One person's membership of a body, as the half-open range of walls `[from, until)` it covers. */
interface Period {
  readonly person: string;
  readonly from: number;
  readonly until: number;
}

/** A body whose members change with the date: where its memberships begin or end, and its members per stretch between. */
interface DatedBody {
  readonly periods: readonly Period[];
  /** Ascending and unique walls where one of its memberships begins or ends. */
  readonly bounds: readonly number[];
  /** Its members between `bounds[k - 1]` and `bounds[k]`, in file order, made when first asked. */
  readonly byStretch: (readonly string[] | undefined)[];
}

/** The walls where one of the periods begins or ends, ascending and unique. */
function boundsOf(periods: readonly Period[]): number[] {
  const bounds = new Set<number>();
  for (const period of periods) {
    if (Number.isFinite(period.from)) bounds.add(period.from);
    if (Number.isFinite(period.until)) bounds.add(period.until);
  }
  return [...bounds].sort((a, b) => a - b);
}

/** The members of a dated body at a wall: one scan of its periods per stretch, shared by every list naming it. */
function membersAt(body: DatedBody, wall: number): readonly string[] {
  const stretch = countAtMost(body.bounds, wall);
  let found = body.byStretch[stretch];
  if (!found) {
    const people = new Set<string>();
    for (const period of body.periods) if (period.from <= wall && wall < period.until) people.add(period.person);
    found = [...people];
    body.byStretch[stretch] = found;
  }
  return found;
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
 * identity first); lists naming a dated body share by content, so meetings naming the same
 * bodies share one array per stretch of dates. A schedule whose memberships carry no dates costs
 * what an undated one did: one resolution per list, whatever the date.
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
  const periods = new Map<string, DatedBody>();
  for (const [body, list] of all) {
    if (list.some((period) => period.from !== -Infinity || period.until !== Infinity)) {
      const bounds = boundsOf(list);
      periods.set(body, { periods: list, bounds, byStretch: new Array(bounds.length + 1) });
    } else members.set(body, [...new Set(list.map((period) => period.person))]);
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
  const fixed = (references: readonly string[]) => (isDated(references) ? undefined : undated(references));
  // By the list's content: the meetings naming the same bodies share their arrays, date by date.
  const datedLists = new Map<string, DatedList>();
  /** The stretches of a list: bounded where a membership of one of its bodies begins or ends. */
  const datedList = (references: readonly string[]): DatedList => {
    const bounds = [...new Set(references.flatMap((id) => periods.get(id)?.bounds ?? []))].sort((a, b) => a - b);
    return { bounds, byStretch: new Array(bounds.length + 1), byContent: new Map() };
  };
  /** The people a list names at a wall: each person once, where first named. */
  const peopleAt = (references: readonly string[], at: number): string[] => {
    const people = new Set<string>();
    for (const id of references) {
      const dated = periods.get(id);
      const list = dated ? membersAt(dated, at) : members.get(id);
      if (list) for (const person of list) people.add(person);
      else people.add(id);
    }
    return [...people];
  };
  const onDates = (references: readonly string[]): ((wall: number) => readonly string[]) => {
    if (!isDated(references)) {
      const people = undated(references);
      return () => people;
    }
    const key = references.join("\n");
    let list = datedLists.get(key);
    if (!list) {
      list = datedList(references);
      datedLists.set(key, list);
    }
    const { bounds, byStretch, byContent } = list;
    return (wall) => {
      const stretch = countAtMost(bounds, wall);
      let found = byStretch[stretch];
      if (!found) {
        // Membership stays the same over a stretch: its first wall stands for all of it.
        const people = peopleAt(references, stretch === 0 ? -Infinity : (bounds[stretch - 1] as number));
        const content = people.join("\n");
        found = byContent.get(content);
        if (!found) {
          found = Object.freeze(people);
          byContent.set(content, found);
        }
        byStretch[stretch] = found;
      }
      return found;
    };
  };
  const resolve = (references: readonly string[], wall: number): readonly string[] => fixed(references) ?? onDates(references)(wall);
  return Object.assign(resolve, { fixed, onDates });
}
