/**
 * lichhop: check the recurring meeting schedules of a Vietnamese province for conflicts.
 *
 * The root export is pure (no Node built-ins): it runs in Node and in browsers.
 * @packageDocumentation
 */
export { parseSchedule, safeParseSchedule, validateSchedule, safeValidateSchedule } from "./load/parse";
export type { ParseOptions } from "./load/parse";
export type { ScheduleResult } from "./load/validate";
export { expandSchedule, safeExpandSchedule, compareOccurrences } from "./recurrence/expand";
export type { Occurrence, ExpandOptions, ExpandResult, Horizon } from "./recurrence/expand";
export { checkSchedule, safeCheckSchedule } from "./check";
export type { CheckOptions, CheckResult } from "./check";
export { reportOccurrence } from "./report/report";
export type { Report, ReportConflict, ReportOccurrence } from "./report/report";
export { formatReportText } from "./report/text";
export type { Lang } from "./report/messages";
export type { Conflict, ConflictKind } from "./conflicts/detect";
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
export { zoneClock } from "./time/zone";
export type { ZoneClock } from "./time/zone";
