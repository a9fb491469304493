/**
 * lichhop: check the recurring meeting schedules of a Vietnamese province for conflicts.
 *
 * The root export is pure (no Node built-ins): it runs in Node and in browsers.
 * @packageDocumentation
 */
export { parseSchedule, safeParseSchedule, validateSchedule, safeValidateSchedule } from "./load/parse";
export type { ParseOptions } from "./load/parse";
export { decodeScheduleBytes } from "./load/decode";
export { DEFAULT_LIMITS } from "./limits";
export type { Limits } from "./limits";
export type { DecodeOptions, DecodeResult } from "./load/decode";
export type { ScheduleResult } from "./load/validate";
export { expandSchedule, safeExpandSchedule } from "./expand";
export { compareOccurrences } from "./recurrence/sort";
export type { ExpandOptions, ExpandResult } from "./recurrence/expand";
export type { Occurrence, Horizon } from "./recurrence/occurrence";
export { checkSchedule, safeCheckSchedule } from "./check";
export type { CheckOptions, CheckResult } from "./check";
export { reportOccurrence } from "./report/report";
export type { Report, ReportConflict, ReportOccurrence } from "./report/report";
export { formatReportText } from "./report/text";
export type { ReportSource } from "./report/report";
export { locateReport } from "./report/formats/locate";
export type { LocateOptions } from "./report/formats/locate";
export { formatGithub, formatIssuesGithub } from "./report/formats/github";
export { formatJunit, formatIssuesJunit } from "./report/formats/junit";
export type { JunitOptions } from "./report/formats/junit";
export { formatSarif, formatIssuesSarif } from "./report/formats/sarif";
export type { SarifOptions } from "./report/formats/sarif";
export { checkEntries, checkId } from "./report/formats/checks";
export type { CheckEntry } from "./report/formats/checks";
export { diffReports, reportAgainstBase } from "./diff/diff";
export type { ReportDiff } from "./diff/diff";
export { changedMeetings } from "./diff/meetings";
export { mergeSchedules, safeMergeSchedules } from "./load/merge";
export type { ScheduleText, MergeOptions } from "./load/merge";
export type { MergedPosition } from "./source";
export { toJsonSchema } from "./schema/json-schema";
export type { JsonSchema } from "./schema/json-schema";
export type { Lang } from "./messages";
export type { Conflict, ConflictKind } from "./conflicts/conflict";
export { conflictFingerprint } from "./conflicts/fingerprint";
export { LichhopError, ScheduleError, UsageError, formatIssue, formatPath } from "./errors";
export type { Issue, IssueCode, IssuePath } from "./errors";
export { scheduleFileSchema } from "./schema/schedule";
export type {
  ScheduleFile,
  ScheduleFileInput,
  Body,
  Person,
  Room,
  Meeting,
  Change,
  Selector,
  Rule,
  NoOverlapRule,
  CadenceRule,
  LeadTimeRule,
  Checks,
  CheckLevel,
  Severity,
  OnDayOff,
} from "./schema/schedule";
export type { Schedule, ScheduleSource, SourcePosition } from "./schema/model";
export { workCalendar, calendarConfigSchema, toLunar, fromLunar, formatLunar, canChi, CalendarError } from "./calendar";
export type {
  WorkCalendar,
  CalendarConfig,
  DayOff,
  DayOffKind,
  WeeklyRestDay,
  MakeUpDay,
  LunarDate,
  Period,
  Weekday,
  WorkingHours,
  WorkingSeason,
  LocalizedText,
  CalendarErrorCode,
} from "./calendar";
export { buildFeeds, toICalendar, feedSelectors, generateVtimezone } from "./ical";
export type { Feed, FeedOptions, FeedSelector, FeedSource, VtimezoneSource } from "./ical";
// The feed server (createFeedHandler) uses Node built-ins: it is the subpath export "lichhop/server".
export { zoneClock } from "./time/zone";
export type { ZoneClock } from "./time/zone";
