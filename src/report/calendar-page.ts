import { safeCheckSchedule, type CheckOptions } from "../check";
import { ScheduleError } from "../errors";
import { safeScheduleCalendar } from "../load/calendar";
import type { Lang } from "../messages";
import { formatCalendarHtml } from "./calendar-html";
import { reportOccurrence, type Report } from "./report";
import { occurrenceKey } from "./week";
import type { Schedule } from "../schema/model";
import { zoneClocks } from "../time/zone";

// `check --format html` and the feed server's /report.html; imported only by them.

/**
 * The calendar report of a schedule (see `formatCalendarHtml`): a check of the horizon that keeps
 * every conflict (up to `limits.conflicts`) and the occurrences, drawn into one page; and the
 * report, for the exit code. `adjust` turns the check's report into the one shown (a base).
 */
export function calendarReport(
  schedule: Schedule,
  lang: Lang,
  options: Omit<CheckOptions, "lang">,
  adjust: (result: Extract<ReturnType<typeof safeCheckSchedule>, { ok: true }>) => Report = (result) => result.report,
): { page: string; report: Report } {
  const result = safeCheckSchedule(schedule, { ...options, lang });
  if (!result.ok) throw new ScheduleError(result.issues);
  const calendar = safeScheduleCalendar(schedule, lang);
  if (!calendar.ok) throw new ScheduleError(calendar.issues);
  const report = adjust(result);
  const clockFor = zoneClocks();
  const page = formatCalendarHtml({
    lang,
    schedule,
    report,
    occurrences: result.occurrences,
    clockFor,
    calendar: calendar.calendar,
    keyOf: (o) => occurrenceKey(o.meeting, reportOccurrence(o, clockFor).occurrence),
  });
  return { page, report };
}
