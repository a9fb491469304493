import type { WorkCalendar } from "../calendar/work-calendar";
import { FIRST_YEAR as MIN_YEAR, LAST_YEAR as MAX_YEAR } from "../limits";
import type { Meeting } from "../schema/schedule";
import { DAY, formatDate, startOfDay } from "../time/wall";

/** The `adjust` hook of expansion: a new wall start, `null` to drop, or the same wall start. */
export type DayOffAdjust = (meeting: Meeting, wall: number, allDay: boolean) => number | null;

const FIRST_WALL = Date.UTC(MIN_YEAR, 0, 1);
const END_WALL = Date.UTC(MAX_YEAR + 1, 0, 1);

/** True when a floating wall time's local date is one the calendar module knows (1900–2100). */
export function inCalendarRange(wall: number): boolean {
  return wall >= FIRST_WALL && wall < END_WALL;
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
  // Occurrences share days: each local day is judged, and its move found, once.
  const working = new Map<number, boolean>();
  const moves = new Map<string, number | undefined>();
  const isWorking = (day: number) => {
    let found = working.get(day);
    if (found === undefined) {
      found = calendar.isWorkingDay(formatDate(day));
      working.set(day, found);
    }
    return found;
  };
  const moveOf = (day: number, policy: "next-working-day" | "previous-working-day") => {
    const key = `${policy}@${day}`;
    if (moves.has(key)) return moves.get(key);
    let target: number | undefined;
    try {
      const date = formatDate(day);
      target = Date.parse(`${policy === "next-working-day" ? calendar.nextWorkingDay(date) : calendar.previousWorkingDay(date)}T00:00:00Z`);
    } catch {
      target = undefined;
    }
    moves.set(key, target);
    return target;
  };
  return (meeting, wall) => {
    const policy = meeting.onDayOff ?? "keep";
    if (policy === "keep" || !inCalendarRange(wall)) return wall;
    const day = startOfDay(wall);
    if (isWorking(day)) return wall;
    if (policy === "skip") return null;
    const target = moveOf(day, policy);
    return target === undefined ? wall : target + (wall - day);
  };
}

/** How far (ms) expansion looks past the horizon for occurrences a day-off policy may move into it. */
export const DAY_OFF_REACH = 31 * DAY;
