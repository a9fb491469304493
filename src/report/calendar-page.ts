import { safeCheckSchedule, type CheckOptions } from "../check";
import { ScheduleError, UsageError } from "../errors";
import { MAX_CALENDAR_OCCURRENCES } from "../limits";
import { safeScheduleCalendar } from "../load/calendar";
import { message, type Lang } from "../messages";
import { formatCalendarHtml } from "./calendar-html";
import { reportOccurrence, type Report } from "./report";
import { addDays, compareOccurrences, occurrenceKey } from "./week";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Horizon, Occurrence } from "../recurrence/occurrence";
import { isoDate } from "../time/wall-text";
import { zoneClock, zoneClocks } from "../time/zone";

// `check --format html` and the feed server's /report.html; imported only by them.

/**
 * The calendar report of a schedule (see `formatCalendarHtml`): a check of the horizon that keeps
 * every conflict (up to `limits.conflicts`) and the occurrences, drawn into one page; and the
 * report, for the exit code. `adjust` turns the check's report into the one shown (a base), and
 * gives the base's occurrences, whose differences are marked (added, moved) and listed (removed).
 * Past {@link MAX_CALENDAR_OCCURRENCES} it throws a `UsageError` naming a window that fits.
 */
export function calendarReport(
  schedule: Schedule,
  lang: Lang,
  options: Omit<CheckOptions, "lang">,
  adjust: (result: Extract<ReturnType<typeof safeCheckSchedule>, { ok: true }>) => {
    report: Report;
    before?: readonly Occurrence[] | undefined;
  } = (result) => ({ report: result.report }),
): { page: string; report: Report } {
  const result = safeCheckSchedule(schedule, { ...options, lang });
  if (!result.ok) throw new ScheduleError(result.issues);
  const tooMany = tooManyToDraw(schedule, result.occurrences, result.horizon);
  if (tooMany) throw new UsageError(message(lang, "calendar-too-large", tooMany));
  const calendar = safeScheduleCalendar(schedule, lang);
  if (!calendar.ok) throw new ScheduleError(calendar.issues);
  const { report, before } = adjust(result);
  const clockFor = zoneClocks();
  const keyOf = (o: Occurrence) => occurrenceKey(o.meeting, reportOccurrence(o, clockFor).occurrence);
  const changed = before === undefined ? undefined : compareOccurrences(before, result.occurrences, keyOf, clockFor);
  const page = formatCalendarHtml({
    lang,
    schedule,
    report,
    occurrences: result.occurrences,
    clockFor,
    calendar: calendar.calendar,
    keyOf,
    marks: changed?.marks,
    removed: changed?.removed,
  });
  return { page, report };
}

/**
 * Past {@link MAX_CALENDAR_OCCURRENCES}, what the refusal says: the count, and the last day of a
 * window from the horizon's first day that holds no more (occurrences in it start before its end);
 * `occurrences` sorted by start, as the check gives them.
 */
export function tooManyToDraw(
  schedule: Schedule,
  occurrences: readonly Occurrence[],
  horizon: Horizon,
  max = MAX_CALENDAR_OCCURRENCES,
): { count: number; max: number; from: string; to: string; fitTo: string | undefined } | undefined {
  if (occurrences.length <= max) return undefined;
  // The check gives the occurrences sorted by start: every one starting before the day of the
  // first past the bound is among the first `max`.
  const firstDayOver = isoDate(zoneClock(scheduleZone(schedule)).toWall((occurrences[max] as Occurrence).start));
  const fitTo = addDays(firstDayOver, -1);
  return { count: occurrences.length, max, from: horizon.from, to: horizon.to, fitTo: fitTo >= horizon.from ? fitTo : undefined };
}
