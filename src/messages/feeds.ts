import type { Lang } from "./entry";

/** The kinds of conflict, as `Conflict["kind"]` names them (the feeds title each one). */
export type ConflictKindName = "rule" | "attendee" | "room" | "day-off" | "working-hours" | "cadence" | "lead-time";

/** The words feeds add around the schedule's own text. */
export interface FeedLabels {
  /** The prefix of every calendar's name. */
  readonly title: string;
  /** The name of the feed of every meeting. */
  readonly all: string;
  /** The name of the conflicts feed. */
  readonly conflicts: string;
  /** The title of each kind of conflict, first in a conflict event's summary. */
  readonly conflictKinds: Readonly<Record<ConflictKindName, string>>;
  /** A conflict event's summary: its kind's title, then what it concerns (the meetings, or a rule's title). */
  readonly conflictSummary: (kind: string, subject: string) => string;
  /** The word before a conflict's finding id in its event's description. */
  readonly finding: string;
  /** A calendar's description, with the horizon's first and last dates. */
  readonly desc: (from: string, to: string) => string;
  readonly attendees: string;
  /** Before the chair's name in an event's description. */
  readonly chair: string;
  /** Before a meeting's `invitees`, `preparedBy`, `followedBy` and `note`. */
  readonly invitees: string;
  readonly preparedBy: string;
  readonly followedBy: string;
  readonly note: string;
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
    conflictKinds: {
      rule: "Trùng lịch",
      attendee: "Trùng người dự họp",
      room: "Trùng phòng họp",
      "day-off": "Ngày nghỉ",
      "working-hours": "Ngoài giờ làm việc",
      cadence: "Sai tần suất",
      "lead-time": "Thiếu thời gian chuẩn bị",
    },
    conflictSummary: (kind, subject) => `⚠ ${kind}: ${subject}`,
    finding: "Nhóm xung đột",
    desc: (from, to) => `Lịch họp từ ${from} đến ${to} (lichhop)`,
    attendees: "Thành phần",
    chair: "Chủ trì",
    invitees: "Thành phần mời",
    preparedBy: "Chuẩn bị",
    followedBy: "Lãnh đạo VP theo dõi",
    note: "Ghi chú",
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
    conflictKinds: {
      rule: "Clash",
      attendee: "Attendee clash",
      room: "Room clash",
      "day-off": "Day off",
      "working-hours": "Outside working hours",
      cadence: "Wrong frequency",
      "lead-time": "Too little lead time",
    },
    conflictSummary: (kind, subject) => `⚠ ${kind}: ${subject}`,
    finding: "Finding",
    desc: (from, to) => `Meetings from ${from} to ${to} (lichhop)`,
    attendees: "Attendees",
    chair: "Chair",
    invitees: "Invited",
    preparedBy: "Prepared by",
    followedBy: "Office staff following",
    note: "Note",
    conflictNotes: "⚠ Conflicts",
    cancelled: "Cancelled",
    original: "Originally",
    severity: { error: "error", warning: "warning" },
    meetings: "Meetings",
    more: (n) => `… and ${n} more (see conflicts.ics)`,
  },
};
