import type { ScheduleFile } from "../schema/schedule";

/**
 * Resolves a list of attendee references to the people it names: a person id stays, a body id
 * stands for the members of that body (the people whose `bodies` list it, in file order). Each
 * person appears once, where first named. Membership is undated: a person listed in a body is
 * its member on every date of the horizon.
 */
export type AttendeeResolver = (references: readonly string[]) => readonly string[];

/**
 * The {@link AttendeeResolver} of a schedule. A list that names no body is returned as it is, and
 * the same list always resolves to the same array, so occurrences that share a list share its
 * people (detection and the feeds compare the lists by identity first).
 *
 * @example
 * const people = attendeeResolver(schedule)(["tt-hdnd", "le-van-thanh"]);
 * // ["doan-thi-hau", "hoang-minh-tuan", "le-van-thanh"]: the members of tt-hdnd, then Thành
 */
export function attendeeResolver(schedule: Pick<ScheduleFile, "bodies" | "people">): AttendeeResolver {
  const members = new Map<string, string[]>();
  for (const body of schedule.bodies) members.set(body.id, []);
  for (const person of schedule.people) {
    for (const body of person.bodies ?? []) {
      const list = members.get(body);
      if (list && list[list.length - 1] !== person.id) list.push(person.id);
    }
  }
  const resolved = new WeakMap<readonly string[], readonly string[]>();
  return (references) => {
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
}
