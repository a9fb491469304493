import type { ScheduleFile } from "../schema/schedule";

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The ids of the meetings that are new in `proposed` or differ from their namesake in `base`
 * (any field, compared as data: key order and position in the file do not matter). Annotations
 * go on these meetings.
 *
 * @example
 * changedMeetings(base, proposed); // Set { "ubnd-hop-moi" }
 */
export function changedMeetings(base: Pick<ScheduleFile, "meetings">, proposed: Pick<ScheduleFile, "meetings">): Set<string> {
  const before = new Map(base.meetings.map((meeting) => [meeting.id, canonical(meeting)]));
  const changed = new Set<string>();
  for (const meeting of proposed.meetings) {
    if (before.get(meeting.id) !== canonical(meeting)) changed.add(meeting.id);
  }
  return changed;
}
