import { dmy, fmt, type Lang } from "./entry";

/** The counts a report's summary line states. */
export interface SummaryCounts {
  readonly meetings: number;
  readonly occurrences: number;
  readonly conflicts: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The words of the text report around the conflicts' own messages. */
export interface ReportText {
  /** `from` and `to` are `YYYY-MM-DD`. */
  readonly title: (from: string, to: string) => string;
  readonly summary: (counts: SummaryCounts & { readonly findings?: number | undefined }) => string;
  readonly none: string;
  readonly error: string;
  readonly warning: string;
  readonly overlap: string;
  /** Before a rule's title under a finding. */
  readonly rule: string;
  /** Before the places in the file a finding comes from. */
  readonly at: string;
  /** `line 40`, for a place without a file name. */
  readonly line: (line: number) => string;
  /** Under a finding with more conflicts than `--detail` lists. */
  readonly moreConflicts: (more: number) => string;
}

/** The text report's words, per language (`formatReportText`). */
export const REPORT_TEXT: Readonly<Record<Lang, ReportText>> = {
  vi: {
    title: (from, to) => `Kiểm tra lịch họp từ ${dmy(from)} đến ${dmy(to)}`,
    summary: (r) =>
      `${fmt(r.meetings, "vi")} cuộc họp, ${fmt(r.occurrences, "vi")} buổi; ${fmt(r.conflicts, "vi")} xung đột (${fmt(r.errors, "vi")} lỗi, ${fmt(r.warnings, "vi")} cảnh báo)${r.findings === undefined || r.conflicts === 0 ? "" : ` thuộc ${fmt(r.findings, "vi")} vấn đề`}`,
    none: "Không có xung đột.",
    error: "LỖI",
    warning: "CẢNH BÁO",
    overlap: "Trùng",
    rule: "Quy định",
    at: "Tại",
    line: (line) => `dòng ${line}`,
    moreConflicts: (more) => `… và ${fmt(more, "vi")} xung đột khác (xem --format json)`,
  },
  en: {
    title: (from, to) => `Schedule check from ${dmy(from)} to ${dmy(to)}`,
    summary: (r) =>
      `${fmt(r.meetings, "en")} meetings, ${fmt(r.occurrences, "en")} occurrences; ${fmt(r.conflicts, "en")} conflicts (${fmt(r.errors, "en")} errors, ${fmt(r.warnings, "en")} warnings)${r.findings === undefined || r.conflicts === 0 ? "" : ` in ${fmt(r.findings, "en")} ${r.findings === 1 ? "finding" : "findings"}`}`,
    none: "No conflicts.",
    error: "ERROR",
    warning: "WARNING",
    overlap: "Overlap",
    rule: "Rule",
    at: "At",
    line: (line) => `line ${line}`,
    moreConflicts: (more) => `… and ${fmt(more, "en")} more conflicts (see --format json)`,
  },
};

/** A check lichhop runs without a rule in the file. */
export type BuiltInCheck = "attendee" | "room" | "day-off" | "working-hours";

/** The title of each built-in check, as CI formats list it (a JUnit test suite, a SARIF rule). */
export const CHECK_TITLES: Readonly<Record<Lang, Readonly<Record<BuiltInCheck, string>>>> = {
  vi: {
    attendee: "Một người dự hai cuộc họp cùng lúc",
    room: "Một phòng họp dùng cho hai cuộc họp cùng lúc",
    "day-off": "Cuộc họp vào ngày nghỉ",
    "working-hours": "Cuộc họp ngoài giờ làm việc",
  },
  en: {
    attendee: "A person in two meetings at once",
    room: "A room booked for two meetings at once",
    "day-off": "A meeting on a day off",
    "working-hours": "A meeting outside working hours",
  },
};

/** Whether a conflict kind is one of the built-in checks. */
export function isBuiltInCheck(kind: string): kind is BuiltInCheck {
  return kind === "attendee" || kind === "room" || kind === "day-off" || kind === "working-hours";
}

/** The counts of a check against a base (`--base`). */
export interface BaseCounts {
  readonly added: number;
  readonly fixed: number;
  readonly unchanged: number;
}

/** The line the text report ends with when checked against a base, per language. */
export const BASE_SUMMARY: Readonly<Record<Lang, (counts: BaseCounts) => string>> = {
  vi: (c) => `So với bản gốc: ${c.added} mới, ${c.fixed} đã hết, ${c.unchanged} không đổi.\n`,
  en: (c) => `Against the base: ${c.added} new, ${c.fixed} fixed, ${c.unchanged} unchanged.\n`,
};
