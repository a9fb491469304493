import type { Lang } from "../../messages";

/** The words feeds add around the schedule's own text, per language. */
export const LABELS = {
  vi: {
    title: "Lịch họp",
    all: "tất cả",
    conflicts: "Trùng lịch",
    conflictTitle: "⚠ Trùng lịch",
    desc: (from: string, to: string) => `Lịch họp từ ${from} đến ${to} (lichhop)`,
    attendees: "Thành phần",
    conflictNotes: "⚠ Trùng lịch",
    cancelled: "Các buổi đã hủy",
    original: "Lịch gốc",
    severity: { error: "lỗi", warning: "cảnh báo" },
    meetings: "Các cuộc họp",
    more: (n: number) => `… và ${n} xung đột khác (xem conflicts.ics)`,
  },
  en: {
    title: "Meetings",
    all: "all",
    conflicts: "Conflicts",
    conflictTitle: "⚠ Conflict",
    desc: (from: string, to: string) => `Meetings from ${from} to ${to} (lichhop)`,
    attendees: "Attendees",
    conflictNotes: "⚠ Conflicts",
    cancelled: "Cancelled",
    original: "Originally",
    severity: { error: "error", warning: "warning" },
    meetings: "Meetings",
    more: (n: number) => `… and ${n} more (see conflicts.ics)`,
  },
} as const;

export type FeedLabels = (typeof LABELS)[Lang];
