import type { Schedule } from "../schema/model";
import type { Selector } from "../schema/schedule";

/**
 * The meetings a selector picks (any listed body, group, meeting id or tag), as a set of ids.
 * Each selector is resolved once, through indexes of the meetings by tag, body and group.
 */
export function selectorMembers(schedule: Schedule): (selector: Selector) => ReadonlySet<string> {
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const bodiesOfGroup = new Map<string, string[]>();
  for (const body of schedule.bodies) for (const group of body.groups ?? []) push(bodiesOfGroup, group, body.id);
  const byTag = new Map<string, string[]>();
  const byBody = new Map<string, string[]>();
  const ids = new Set<string>();
  for (const meeting of schedule.meetings) {
    ids.add(meeting.id);
    for (const tag of meeting.tags ?? []) push(byTag, tag, meeting.id);
    for (const body of meeting.bodies ?? (meeting.body === undefined ? [] : [meeting.body])) push(byBody, body, meeting.id);
  }
  const resolved = new WeakMap<Selector, Set<string>>();
  return (selector) => {
    let members = resolved.get(selector);
    if (members) return members;
    members = new Set<string>();
    for (const id of selector.meetings ?? []) if (ids.has(id)) members.add(id);
    for (const tag of selector.tags ?? []) for (const id of byTag.get(tag) ?? []) members.add(id);
    const bodies = [...(selector.bodies ?? []), ...(selector.groups ?? []).flatMap((group) => bodiesOfGroup.get(group) ?? [])];
    for (const body of bodies) for (const id of byBody.get(body) ?? []) members.add(id);
    resolved.set(selector, members);
    return members;
  };
}

/** True when a meeting (by its bodies, groups, id and tags) matches a selector. */
export function selectorMatcher(schedule: Schedule): (selector: Selector, meetingId: string) => boolean {
  const members = selectorMembers(schedule);
  return (selector, meetingId) => members(selector).has(meetingId);
}
