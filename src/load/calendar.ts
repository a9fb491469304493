import { CalendarError } from "../calendar/errors";
import { workCalendar, type WorkCalendar } from "../calendar/work-calendar";
import type { Issue } from "../errors";
import type { Lang } from "../messages";
import type { Schedule } from "../schema/model";
import { issueFactory } from "../source";
import { calendarIssues } from "./shape";

/**
 * The working calendar of a schedule's `calendar:` section, or the section's issues: each at its
 * field, with its file and line, worded in `lang` (the calendar's own `CalendarError` speaks
 * English to developers; a secretary reads these). A validated schedule's section always builds.
 */
export function safeScheduleCalendar(
  schedule: Schedule,
  lang: Lang,
): { ok: true; calendar: WorkCalendar } | { ok: false; issues: Issue[] } {
  try {
    return { ok: true, calendar: workCalendar(schedule.calendar ?? {}) };
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    const context = { lang, source: schedule.source };
    const issues = calendarIssues(schedule.calendar, context);
    if (issues.length > 0) return { ok: false, issues };
    const make = issueFactory(context);
    return {
      ok: false,
      issues: [make("invalid-value", ["calendar"], "invalid-value", { found: { shape: "mapping" }, expected: { what: "valid-value" } })],
    };
  }
}
