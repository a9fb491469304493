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

/** A meeting field that can change: a top-level key, or one `changes` entry by index. */
export type MeetingField = string | readonly ["changes", number];

/**
 * What differs in each meeting of `proposed` against its namesake in `base`: `"added"` for a
 * meeting the base lacks, else the fields that differ (top-level keys in file order, and each
 * `changes` entry that is new or differs, as `["changes", index]`). Unchanged meetings are left out.
 *
 * @example
 * meetingChanges(base, proposed).get("ban-phap-che"); // ["room"]
 */
export function meetingChanges(
  base: Pick<ScheduleFile, "meetings">,
  proposed: Pick<ScheduleFile, "meetings">,
): Map<string, "added" | readonly MeetingField[]> {
  const before = new Map(base.meetings.map((meeting) => [meeting.id, meeting]));
  const out = new Map<string, "added" | readonly MeetingField[]>();
  for (const meeting of proposed.meetings) {
    const old = before.get(meeting.id);
    if (old === undefined) {
      out.set(meeting.id, "added");
      continue;
    }
    const fields: MeetingField[] = [];
    const record = meeting as unknown as Record<string, unknown>;
    const oldRecord = old as unknown as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(record), ...Object.keys(oldRecord)])];
    for (const key of keys) {
      if (canonical(record[key]) === canonical(oldRecord[key])) continue;
      if (key === "changes") {
        const now = meeting.changes ?? [];
        const then = old.changes ?? [];
        const entries = now.flatMap((change, index) => (canonical(change) === canonical(then[index]) ? [] : [["changes", index] as const]));
        // Entries removed at the end change the list but no entry of it: the key names that.
        fields.push(...(entries.length > 0 ? entries : ["changes"]));
      } else {
        fields.push(key);
      }
    }
    if (fields.length > 0) out.set(meeting.id, fields);
  }
  return out;
}
