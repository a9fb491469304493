/**
 * lichhop: check the recurring meeting schedules of a Vietnamese province for conflicts.
 *
 * The root export is pure (no Node built-ins): it runs in Node and in browsers.
 * @packageDocumentation
 */

// Left out on purpose (each is reachable through what is exported, or is a step of it):
// - locating a report in the file (`locateReport`): `checkSchedule` and `safeCheckSchedule`
//   return reports whose conflicts and occurrences already carry `source`; their `changed`
//   option places annotations on changed meetings.
// - the rules and checks of CI formats (`checkEntries`, `checkId`, `CheckEntry`): `formatJunit`
//   and `formatSarif` read them from the `schedule` option.
// - zone clocks (`zoneClock`, `ZoneClock`): offsets are computed inside expansion, reports and
//   feeds; `reportOccurrences` writes occurrences with their zone's offset.
// - the occurrence order (`compareOccurrences`): expansion returns occurrences sorted, and the
//   order is stated on `expandSchedule`.
// - VTIMEZONE generation (`generateVtimezone`): feeds embed it; `FeedOptions.vtimezone` supplies
//   another source.
// - conflict fingerprints (`conflictFingerprint`): every conflict carries its fingerprint as `id`,
//   and `diffReports` matches by it.
// - the feed server (`createFeedHandler`): it uses Node built-ins, so it is the subpath export
//   "lichhop/server".

// Parse and validate a schedule file, or merge several.
export { parseSchedule, safeParseSchedule, validateSchedule, safeValidateSchedule } from "./load/parse";
export type { ParseOptions } from "./load/parse";
export type { ScheduleResult } from "./load/validate";
export { decodeScheduleBytes } from "./load/decode";
export type { DecodeOptions, DecodeResult } from "./load/decode";
export { mergeSchedules, safeMergeSchedules } from "./load/merge";
export type { ScheduleText, MergeOptions } from "./load/merge";
export type { MergedPosition } from "./source";
// Calendars kept elsewhere: the `sources:` of a schedule (texts given in `ParseOptions.sources`),
// or one .ics file's events as meetings of the file's shape.
export { importCalendar } from "./import";
export type { ImportOptions, ImportResult, ImportedMeeting } from "./import";
export { sourcePath } from "./load/sources";
export type { SourceText } from "./load/sources";
export { DEFAULT_LIMITS } from "./limits";
export type { Limits } from "./limits";

// Expand the meetings into occurrences.
export { expandSchedule, safeExpandSchedule, reportOccurrences } from "./expand";
export type { ExpandOptions, ExpandResult } from "./recurrence/expand";
export type { Occurrence, Horizon } from "./recurrence/occurrence";

// Check for conflicts; the report is located in the file.
export { checkSchedule, safeCheckSchedule } from "./check";
export type { CheckOptions, CheckResult } from "./check";
export type { FindingDiff, Report, ReportConflict, ReportFinding, ReportOccurrence, ReportSource } from "./report/report";
export type { Conflict, ConflictKind } from "./conflicts/conflict";

// Find free times for a new meeting against every rule of the schedule.
export { findSlots } from "./slots/find";
export type { BlockedDay, Slot, SlotBlock, SlotBlockKind, SlotOptions, SlotsResult } from "./slots/find";
export { suggestMoves } from "./slots/suggest";
export type { Move, MoveChange, MoveSide, MovesResult, SeriesEdit, SeriesMove, SuggestOptions } from "./slots/suggest";
export { slotRequestSchema } from "./slots/request";
export type { SlotRequest, SlotRequestInput } from "./slots/request";
export type { HalfDay } from "./messages";

// Render a report, or the issues of a file that cannot be checked: text and CI formats.
export { formatReportText } from "./report/text";
export { formatGithub, formatGithubSummary, formatIssuesGithub } from "./report/formats/github";
export type { GithubOptions } from "./report/formats/github";
export { formatJunit, formatIssuesJunit } from "./report/formats/junit";
export type { JunitOptions } from "./report/formats/junit";
export { formatSarif, formatIssuesSarif } from "./report/formats/sarif";
export type { SarifOptions } from "./report/formats/sarif";

// Compare against a base.
export { diffFindings, diffReports, reportAgainstBase } from "./diff/diff";
export type { AgainstBaseOptions, FindingChange, FindingsDiff, ReportDiff } from "./diff/diff";
export { changedMeetings, meetingChanges } from "./diff/meetings";
export type { MeetingField } from "./diff/meetings";

// Errors and issues.
export { LichhopError, ScheduleError, UsageError, formatIssue, formatPath } from "./errors";
export type { Issue, IssueCode, IssuePath } from "./errors";
export type { Lang } from "./messages";

// The schedule file's schema and types.
export { scheduleFileSchema } from "./schema/schedule";
export { toJsonSchema } from "./schema/json-schema";
export type { JsonSchema } from "./schema/json-schema";
export type {
  ScheduleFile,
  ScheduleFileInput,
  Body,
  Person,
  Membership,
  DatedMembership,
  Room,
  Meeting,
  MeetingInput,
  Source,
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

// The working calendar: holidays, days off, the lunar calendar.
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

// iCal feeds.
export { buildFeeds, formatICalendar, feedSelectors } from "./ical";
export type { Feed, FeedOptions, FeedSelector, FeedSource, VtimezoneSource } from "./ical";
