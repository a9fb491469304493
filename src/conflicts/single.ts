import type { WorkCalendar } from "../calendar/work-calendar";
import type { Occurrence } from "../recurrence/expand";
import { inCalendarRange } from "../recurrence/day-off-policy";
import type { Schedule } from "../schema/model";
import { DAY, formatDate, MINUTE, startOfDay } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { levelSeverity, type Conflict } from "./detect";
import { conflictFingerprint, occurrenceIdentity } from "./fingerprint";

/** Options for {@link detectSingleConflicts}. */
export interface SingleCheckOptions {
  /** The schedule's working calendar. */
  readonly calendar: WorkCalendar;
  /** The clock of a zone: each occurrence is judged in its meeting's own zone. */
  readonly clockFor: (zone: string) => ZoneClock;
}

/** A long all-day span is judged on at most this many days. */
const MAX_DAYS_JUDGED = 400;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const dmy = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function single(kind: "day-off" | "working-hours", severity: Conflict["severity"], o: Occurrence, details: Record<string, string | number>): Conflict {
  return {
    id: conflictFingerprint(kind, null, [], [occurrenceIdentity(o.meeting, o.recurrenceId)]),
    kind,
    rule: null,
    severity,
    subjects: [],
    occurrences: [o],
    overlap: null,
    details,
  };
}

/**
 * The single-occurrence checks, in one pass over the occurrences (each judged on the local dates
 * and times of its own zone):
 *
 * - `day-off` (`checks.dayOff`, default warning): an occurrence touching a day that is not a
 *   working day — a weekly rest day not made a working day, a holiday, a substitute day, a
 *   decision day or a `calendar.daysOff` date. One conflict per occurrence, naming the first
 *   such day.
 * - `working-hours` (`checks.workingHours`, default warning): a timed occurrence starting on a
 *   working day before its first period or ending after its last (a meeting across lunch is
 *   fine). All-day occurrences are exempt, and so are days off (the `day-off` check covers them).
 *
 * Dates outside 1900–2100 are not judged.
 *
 * @example
 * const conflicts = detectSingleConflicts(schedule, occurrences, { calendar: workCalendar(), clockFor: zoneClocks() });
 */
export function detectSingleConflicts(schedule: Schedule, occurrences: readonly Occurrence[], options: SingleCheckOptions): Conflict[] {
  const dayOffSeverity = levelSeverity(schedule.checks?.dayOff, "warning");
  const hoursSeverity = levelSeverity(schedule.checks?.workingHours, "warning");
  const { calendar, clockFor } = options;
  const conflicts: Conflict[] = [];
  if (!dayOffSeverity && !hoursSeverity) return conflicts;
  // The calendar is asked once per local day: occurrences share days.
  const dates = new Map<number, string>();
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = formatDate(day)));
    return date;
  };
  const offs = new Map<number, ReturnType<WorkCalendar["dayOff"]>>();
  const offOf = (day: number) => {
    let off = offs.get(day);
    if (off === undefined) offs.set(day, (off = calendar.dayOff(dateOf(day))));
    return off;
  };
  const periodsByDay = new Map<number, ReturnType<WorkCalendar["periods"]>>();
  const periodsOf = (day: number) => {
    let periods = periodsByDay.get(day);
    if (periods === undefined) periodsByDay.set(day, (periods = calendar.periods(dateOf(day))));
    return periods;
  };
  for (const o of occurrences) {
    const clock = clockFor(o.zone);
    const startWall = clock.toWall(o.start);
    const endWall = clock.toWall(o.end);
    const firstDay = startOfDay(startWall);
    if (dayOffSeverity) {
      const lastDay = Math.min(startOfDay(Math.max(endWall - 1, startWall)), firstDay + (MAX_DAYS_JUDGED - 1) * DAY);
      for (let day = firstDay; day <= lastDay; day += DAY) {
        if (!inCalendarRange(day)) continue;
        const off = offOf(day);
        if (off === null) continue;
        conflicts.push(single("day-off", dayOffSeverity, o, { date: dmy(dateOf(day)), dayKind: off.kind, nameVi: off.name.vi, nameEn: off.name.en }));
        break;
      }
    }
    if (hoursSeverity && !o.allDay && inCalendarRange(firstDay)) {
      const periods = periodsOf(firstDay);
      const first = periods[0];
      const last = periods[periods.length - 1];
      if (first && last) {
        const startMinutes = (startWall - firstDay) / MINUTE;
        const endMinutes = (endWall - firstDay) / MINUTE;
        if (startMinutes < first[0] || endMinutes > last[1]) {
          conflicts.push(single("working-hours", hoursSeverity, o, { hours: `${hhmm(first[0])}–${hhmm(last[1])}` }));
        }
      }
    }
  }
  return conflicts;
}
