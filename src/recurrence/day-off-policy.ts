import type { WorkCalendar } from "../calendar/work-calendar";
import { MAX_YEAR, MIN_YEAR } from "../calendar/internal/date";
import type { Meeting } from "../schema/schedule";
import { DAY, formatDate, startOfDay } from "../time/wall";

/** The `adjust` hook of expansion: a new wall start, `null` to drop, or the same wall start. */
export type DayOffAdjust = (meeting: Meeting, wall: number, allDay: boolean) => number | null;

/** True when a floating wall time's local date is one the calendar module knows (1900–2100). */
export function inCalendarRange(wall: number): boolean {
  const year = new Date(wall).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Applies a meeting's `onDayOff` policy to one original start (floating wall ms in the meeting's
 * zone), judged by the local date of the start:
 *
 * - `keep` (default), or a working day: the start unchanged;
 * - `skip`: `null` (the occurrence is dropped);
 * - `next-working-day` / `previous-working-day`: the nearest working day strictly after / before,
 *   at the same local time (an all-day occurrence keeps its midnight).
 *
 * Dates outside 1900–2100, or a calendar with no working day within 60 days, leave the start
 * unchanged: the `dayOff` check still reports it.
 *
 * @example
 * const adjust = dayOffAdjuster(workCalendar());
 * adjust({ ...meeting, onDayOff: "next-working-day" }, Date.UTC(2024, 1, 12, 8), false);
 * // Date.UTC(2024, 1, 15, 8): Monday 12/02/2024 is in the Tết break
 */
export function dayOffAdjuster(calendar: WorkCalendar): DayOffAdjust {
  return (meeting, wall) => {
    const policy = meeting.onDayOff ?? "keep";
    if (policy === "keep" || !inCalendarRange(wall)) return wall;
    const date = formatDate(wall);
    if (calendar.isWorkingDay(date)) return wall;
    if (policy === "skip") return null;
    let target: string;
    try {
      target = policy === "next-working-day" ? calendar.nextWorkingDay(date) : calendar.previousWorkingDay(date);
    } catch {
      return wall;
    }
    const timeOfDay = wall - startOfDay(wall);
    return Date.parse(`${target}T00:00:00Z`) + timeOfDay;
  };
}

/** How far (ms) expansion looks past the horizon for occurrences a day-off policy may move into it. */
export const DAY_OFF_REACH = 31 * DAY;
