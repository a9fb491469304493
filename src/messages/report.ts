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
    overlap: "Thời gian trùng",
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
    attendee: "Một người được bố trí dự hai buổi họp cùng lúc",
    room: "Một phòng họp được bố trí cho hai buổi họp cùng lúc",
    "day-off": "Buổi họp trùng ngày nghỉ",
    "working-hours": "Buổi họp diễn ra ngoài giờ làm việc",
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

/** The counts of a check against a base (`--base`): findings (a report without findings: conflicts). */
export interface BaseCounts {
  readonly added: number;
  /** Findings in both whose dates changed (left out when not counted). */
  readonly changed?: number | undefined;
  readonly fixed: number;
  readonly unchanged: number;
}

/** The line the text report ends with when checked against a base, per language. */
export const BASE_SUMMARY: Readonly<Record<Lang, (counts: BaseCounts) => string>> = {
  vi: (c) =>
    `So với bản gốc: ${fmt(c.added, "vi")} mới, ${c.changed === undefined ? "" : `${fmt(c.changed, "vi")} thay đổi, `}${fmt(c.fixed, "vi")} đã khắc phục, ${fmt(c.unchanged, "vi")} không đổi.\n`,
  en: (c) =>
    `Against the base: ${fmt(c.added, "en")} new, ${c.changed === undefined ? "" : `${fmt(c.changed, "en")} changed, `}${fmt(c.fixed, "en")} fixed, ${fmt(c.unchanged, "en")} unchanged.\n`,
};

/** The counts the CI job summary states. */
export interface CiSummaryCounts {
  /** New findings (without a base: all findings), and how many conflicts (occurrences) they have. */
  readonly added: number;
  readonly addedConflicts: number;
  /** Against a base: changed findings and the dates they gained; fixed and unchanged findings. */
  readonly base?: { readonly changed: number; readonly gained: number; readonly fixed: number; readonly unchanged: number } | undefined;
}

/** The words of the Markdown job summary (`GITHUB_STEP_SUMMARY`), per language. */
export interface CiSummaryText {
  readonly heading: string;
  readonly counts: (c: CiSummaryCounts) => string;
  /** Before a changed finding's note. */
  readonly changed: string;
}

export const CI_SUMMARY_TEXT: Readonly<Record<Lang, CiSummaryText>> = {
  vi: {
    heading: "lichhop: kiểm tra lịch họp",
    counts: (c) =>
      `${fmt(c.added, "vi")} xung đột${c.base ? " mới" : ""} (${fmt(c.addedConflicts, "vi")} buổi)` +
      (c.base
        ? `, ${fmt(c.base.changed, "vi")} thay đổi (thêm ${fmt(c.base.gained, "vi")} ngày), ${fmt(c.base.fixed, "vi")} đã khắc phục, ${fmt(c.base.unchanged, "vi")} không đổi`
        : ""),
    changed: "thay đổi",
  },
  en: {
    heading: "lichhop: schedule check",
    counts: (c) =>
      `${fmt(c.added, "en")} ${c.base ? "new " : ""}${c.added === 1 ? "conflict" : "conflicts"} (${fmt(c.addedConflicts, "en")} ${c.addedConflicts === 1 ? "occurrence" : "occurrences"})` +
      (c.base
        ? `, ${fmt(c.base.changed, "en")} changed (${fmt(c.base.gained, "en")} ${c.base.gained === 1 ? "day" : "days"} gained), ${fmt(c.base.fixed, "en")} fixed, ${fmt(c.base.unchanged, "en")} unchanged`
        : ""),
    changed: "changed",
  },
};
