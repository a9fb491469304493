import { ScheduleError, type Issue } from "./errors";
import { safeScheduleCalendar } from "./load/calendar";
import { dayOffAdjuster } from "./recurrence/day-off-policy";
import { argDate, argLang, argLimits, argList, argOptions, badArgument } from "./internal/args";
import { ensureSchedule, safeEnsureSchedule } from "./load/guard";
import { expandOccurrences, type ExpandOptions, type ExpandResult } from "./recurrence/expand";
import type { Occurrence } from "./recurrence/occurrence";
import { reportOccurrence, type ReportOccurrence } from "./report/report";
import { zoneClocks } from "./time/zone";
import type { Schedule } from "./schema/model";

/** The options of {@link expandSchedule}, checked. */
function expandOptions(options: unknown, where: string): ExpandOptions {
  const given = argOptions(options, where) as ExpandOptions;
  argLang(given.lang, where);
  argDate(given.from, `${where}: from`);
  argDate(given.to, `${where}: to`);
  argLimits(given.limits, where);
  if (given.adjust !== undefined && typeof given.adjust !== "function") badArgument(`${where}: adjust`, "a function", given.adjust);
  // Zone clocks are lichhop's own: a `clockFor` given is not passed on.
  const { clockFor: _clockFor, ...known } = given as ExpandOptions & { readonly clockFor?: unknown };
  return known;
}

/**
 * The options with the default `adjust`, the `onDayOff` policy over the file's calendar, when
 * none is given; or the calendar section's issues, worded in the options' language.
 */
export function withAdjust(
  schedule: Schedule,
  options: ExpandOptions,
): { ok: true; options: ExpandOptions } | { ok: false; issues: Issue[] } {
  if (options.adjust !== undefined || !schedule.meetings.some((m) => m.onDayOff !== undefined && m.onDayOff !== "keep")) {
    return { ok: true, options };
  }
  const built = safeScheduleCalendar(schedule, options.lang ?? schedule.locale ?? "vi");
  return built.ok ? { ok: true, options: { ...options, adjust: dayOffAdjuster(built.calendar) } } : built;
}

/**
 * Expands every meeting of a schedule into its occurrences inside the horizon, sorted; returns
 * the issues instead when a series is too dense or the horizon is missing.
 *
 * @example
 * const result = safeExpandSchedule(schedule, { from: "2024-03-01", to: "2024-03-31" });
 */
export function safeExpandSchedule(schedule: Schedule, options: ExpandOptions = {}): ExpandResult {
  options = expandOptions(options, "safeExpandSchedule");
  const ensured = safeEnsureSchedule(schedule, "safeExpandSchedule: schedule", options.lang);
  if (!ensured.ok) return ensured;
  const adjusted = withAdjust(ensured.schedule, options);
  if (!adjusted.ok) return adjusted;
  const result = expandOccurrences(ensured.schedule, adjusted.options);
  return result.ok ? { ok: true, horizon: result.horizon, occurrences: result.occurrences } : result;
}

/**
 * Expands every meeting of a schedule into its occurrences inside the horizon, sorted by start,
 * then end, meeting id and original start.
 * Throws a {@link ScheduleError} when a series is too dense or no horizon is given.
 *
 * @example
 * const occurrences = expandSchedule(schedule, { from: "2024-01-01", to: "2024-12-31" });
 * occurrences[0]; // { meeting: "tt-hdnd-thuong-ky", start: 1704330000000, … }
 */
export function expandSchedule(schedule: Schedule, options: ExpandOptions = {}): Occurrence[] {
  options = expandOptions(options, "expandSchedule");
  const ensured = ensureSchedule(schedule, "expandSchedule: schedule", options.lang);
  const adjusted = withAdjust(ensured, options);
  if (!adjusted.ok) throw new ScheduleError(adjusted.issues);
  const result = expandOccurrences(ensured, adjusted.options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.occurrences;
}

/**
 * Occurrences as the JSON report and `lichhop expand --format json` write them: ISO 8601 times
 * with their zone's offset (dates for all-day occurrences, `end` exclusive), the original start
 * that names the occurrence, and its status.
 *
 * @example
 * reportOccurrences(expandSchedule(schedule))[0];
 * // { meeting: "tt-hdnd-thuong-ky", title: "…", start: "2024-01-04T08:00:00+07:00", end: "2024-01-04T11:30:00+07:00", occurrence: "2024-01-04T08:00", status: "scheduled" }
 */
export function reportOccurrences(occurrences: readonly Occurrence[]): ReportOccurrence[] {
  const list = argList(occurrences, "reportOccurrences: occurrences", "a list of occurrences (what expandSchedule returns)");
  const clockFor = zoneClocks();
  return (list as readonly Occurrence[]).map((occurrence, index) => {
    if (!isOccurrence(occurrence))
      badArgument(`reportOccurrences: occurrences[${index}]`, "an occurrence (what expandSchedule returns)", occurrence);
    return reportOccurrence(occurrence, clockFor);
  });
}

function isOccurrence(value: unknown): value is Occurrence {
  if (typeof value !== "object" || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.meeting === "string" &&
    typeof o.title === "string" &&
    typeof o.zone === "string" &&
    typeof o.allDay === "boolean" &&
    Number.isFinite(o.start) &&
    Number.isFinite(o.end) &&
    Number.isFinite(o.recurrenceId)
  );
}
