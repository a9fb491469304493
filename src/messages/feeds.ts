import type { Lang } from "./entry";

/** The words feeds add around the schedule's own text. */
export interface FeedLabels {
  /** The prefix of every calendar's name. */
  readonly title: string;
  /** The name of the feed of every meeting. */
  readonly all: string;
  /** The name of the conflicts feed. */
  readonly conflicts: string;
  /** The prefix of a conflict event's summary. */
  readonly conflictTitle: string;
  /** A calendar's description, with the horizon's first and last dates. */
  readonly desc: (from: string, to: string) => string;
  readonly attendees: string;
  /** The heading of an event's conflicts in its description. */
  readonly conflictNotes: string;
  readonly cancelled: string;
  readonly original: string;
  readonly severity: { readonly error: string; readonly warning: string };
  readonly meetings: string;
  /** The line that stands for `n` conflicts left out of an event's description. */
  readonly more: (n: number) => string;
}

/** The words feeds add around the schedule's own text, per language. */
export const FEED_LABELS: Readonly<Record<Lang, FeedLabels>> = {
  vi: {
    title: "Lịch họp",
    all: "tất cả",
    conflicts: "Trùng lịch",
    conflictTitle: "⚠ Trùng lịch",
    desc: (from, to) => `Lịch họp từ ${from} đến ${to} (lichhop)`,
    attendees: "Thành phần",
    conflictNotes: "⚠ Trùng lịch",
    cancelled: "Các buổi đã hủy",
    original: "Lịch gốc",
    severity: { error: "lỗi", warning: "cảnh báo" },
    meetings: "Các cuộc họp",
    more: (n) => `… và ${n} xung đột khác (xem conflicts.ics)`,
  },
  en: {
    title: "Meetings",
    all: "all",
    conflicts: "Conflicts",
    conflictTitle: "⚠ Conflict",
    desc: (from, to) => `Meetings from ${from} to ${to} (lichhop)`,
    attendees: "Attendees",
    conflictNotes: "⚠ Conflicts",
    cancelled: "Cancelled",
    original: "Originally",
    severity: { error: "error", warning: "warning" },
    meetings: "Meetings",
    more: (n) => `… and ${n} more (see conflicts.ics)`,
  },
};
