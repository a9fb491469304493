import type { Lang } from "./entry";

/** Short weekday names, Sunday first (as `Date#getUTCDay` counts): "T5" is Thursday (thứ Năm). */
export const WEEKDAY_NAMES: Readonly<Record<Lang, readonly string[]>> = Object.freeze({
  vi: Object.freeze(["CN", "T2", "T3", "T4", "T5", "T6", "T7"]),
  en: Object.freeze(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
});

/** What a reference in a schedule file can name. */
export type ReferenceKind = "body" | "person" | "attendee" | "room" | "meeting" | "group" | "tag";

/** The name of each kind of reference, as an `unknown-reference` message says it. */
export const REFERENCE_KINDS: Readonly<Record<Lang, Readonly<Record<ReferenceKind, string>>>> = {
  vi: {
    body: "cơ quan",
    person: "người",
    attendee: "người hoặc cơ quan",
    room: "phòng họp",
    meeting: "cuộc họp",
    group: "nhóm",
    tag: "nhãn",
  },
  en: { body: "body", person: "person", attendee: "person or body", room: "room", meeting: "meeting", group: "group", tag: "tag" },
};
