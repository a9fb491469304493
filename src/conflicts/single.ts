import type { Period, WorkCalendar } from "../calendar/work-calendar";
import type { Columns } from "./columns";
import type { Occurrence } from "../recurrence/occurrence";
import { inCalendarRange } from "../recurrence/day-off-policy";
import type { Schedule } from "../schema/model";
import type { Severity } from "../schema/schedule";
import { DAY, formatDate, MINUTE } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { levelSeverity, type Conflict, type DayOffConflict, type WorkingHoursConflict } from "./conflict";
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

function dayOffConflict(severity: Severity, o: Occurrence, date: string, dayOff: DayOffConflict["dayOff"]): DayOffConflict {
  const id = conflictFingerprint("day-off", null, [], [occurrenceIdentity(o.meeting, o.recurrenceId)]);
  return { id, kind: "day-off", rule: null, severity, subjects: [], occurrences: [o], overlap: null, date, dayOff };
}

function hoursConflict(severity: Severity, o: Occurrence, periods: readonly Period[]): WorkingHoursConflict {
  const id = conflictFingerprint("working-hours", null, [], [occurrenceIdentity(o.meeting, o.recurrenceId)]);
  const hours: Period = [(periods[0] as Period)[0], (periods[periods.length - 1] as Period)[1]];
  return { id, kind: "working-hours", rule: null, severity, subjects: [], occurrences: [o], overlap: null, hours, periods };
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
 *   fine). The periods are those of that date: its season's (`workingHours.seasons`), if any. All-day occurrences are exempt, and so are days off (the `day-off` check covers them).
 *
 * Dates outside 1900–2100 are not judged. `columns` are those of `occurrences`.
 *
 * @example
 * const conflicts = detectSingleConflicts(schedule, occurrences, columnsOf(occurrences), { calendar: workCalendar(), clockFor: zoneClocks() });
 */
export function detectSingleConflicts(
  schedule: Schedule,
  occurrences: readonly Occurrence[],
  columns: Columns,
  options: SingleCheckOptions,
  emit?: (conflict: Conflict) => void,
): Conflict[] {
  const dayOffSeverity = levelSeverity(schedule.checks?.dayOff, "warning");
  const hoursSeverity = levelSeverity(schedule.checks?.workingHours, "warning");
  const { calendar, clockFor } = options;
  const conflicts: Conflict[] = [];
  if (!dayOffSeverity && !hoursSeverity) return conflicts;
  const report = emit ?? ((conflict: Conflict) => void conflicts.push(conflict));
  // The calendar is asked once per local day (by day number): occurrences share days.
  interface DayInfo {
    readonly date: string;
    readonly off: ReturnType<WorkCalendar["dayOff"]> | undefined;
    periods: ReturnType<WorkCalendar["periods"]> | undefined;
  }
  const days = new Map<number, DayInfo>();
  const dayInfo = (dayNumber: number): DayInfo => {
    let info = days.get(dayNumber);
    if (info === undefined) {
      const date = formatDate(dayNumber * DAY);
      days.set(dayNumber, (info = { date, off: dayOffSeverity ? calendar.dayOff(date) : undefined, periods: undefined }));
    }
    return info;
  };
  // The loop reads the typed columns; an occurrence object is touched only for a conflict.
  const clocks = columns.zones.map(clockFor);
  const { starts, ends } = columns;
  for (let k = 0; k < occurrences.length; k++) {
    const clock = clocks[columns.zone[k] as number] as ZoneClock;
    const startWall = clock.toWall(starts[k] as number);
    const endWall = clock.toWall(ends[k] as number);
    const firstDay = Math.floor(startWall / DAY);
    if (dayOffSeverity) {
      const lastDay = Math.min(Math.floor(Math.max(endWall - 1, startWall) / DAY), firstDay + MAX_DAYS_JUDGED - 1);
      for (let day = firstDay; day <= lastDay; day++) {
        if (!inCalendarRange(day * DAY)) continue;
        const info = dayInfo(day);
        const off = info.off;
        if (!off) continue;
        report(dayOffConflict(dayOffSeverity, occurrences[k] as Occurrence, info.date, off));
        break;
      }
    }
    if (hoursSeverity && columns.allDay[k] === 0 && inCalendarRange(firstDay * DAY)) {
      const info = dayInfo(firstDay);
      const periods = (info.periods ??= calendar.periods(info.date));
      const first = periods[0];
      const last = periods[periods.length - 1];
      if (first && last) {
        const startMinutes = (startWall - firstDay * DAY) / MINUTE;
        const endMinutes = (endWall - firstDay * DAY) / MINUTE;
        if (startMinutes < first[0] || endMinutes > last[1]) {
          report(hoursConflict(hoursSeverity, occurrences[k] as Occurrence, periods));
        }
      }
    }
  }
  return conflicts;
}
