import type { WorkCalendar } from "../calendar/work-calendar";
import { isHeld, type Horizon, type Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { ZoneClock } from "../time/zone";
import { BudgetExceeded } from "../limits";
import { detectCadenceConflicts } from "./cadence";
import { sortedColumns, type Columns } from "./columns";
import type { Conflict } from "./conflict";
import { detectLeadTimeConflicts } from "./lead-time";
import { detectPairConflicts } from "./pairs";
import { selectorMembers } from "./selectors";
import { detectSingleConflicts } from "./single";

/** What {@link detectConflicts} needs besides the schedule and its occurrences. */
export interface DetectContext {
  /** The horizon checked: cadence judges the periods lying wholly inside it. */
  readonly horizon: Horizon;
  /** The working calendar the `dayOff` and `workingHours` checks judge by. */
  readonly calendar: WorkCalendar;
  /** The clock of a zone: each occurrence is judged in its meeting's own zone. */
  readonly clockFor: (zone: string) => ZoneClock;
  /** The clock of the schedule's zone: half-day and day scopes are read on it. */
  readonly clock: ZoneClock;
  /** The most conflicts to find: past it detection stops with {@link BudgetExceeded} (default: no bound). */
  readonly maxConflicts?: number | undefined;
  /**
   * The most occurrences all rules may look at (see `Limits.ruleChecks`): counted before any
   * check runs; past it, {@link BudgetExceeded} names the rule that crossed it (default: no bound).
   */
  readonly maxRuleChecks?: number | undefined;
  /**
   * The order expansion sorted the occurrences in (`order[k]` is the place of the k-th in
   * (meeting id, original start) order), when it has one: detection then reads the objects in
   * the order they lie in memory.
   */
  readonly order?: Int32Array | undefined;
  /**
   * Where each conflict goes as it is found, in detection order (pairs, single-occurrence
   * checks, cadence, lead time): given, nothing is kept and the result is empty, so memory does
   * not grow with the conflicts (see `findingFold`).
   */
  readonly emit?: ((conflict: Conflict) => void) | undefined;
  /**
   * Pair conflicts (rules, attendee, room) go to `emit` with an empty `id`, computed by
   * `pairConflictId` when wanted (see `PairOptions.deferIds`; default false).
   */
  readonly deferIds?: boolean | (() => boolean) | undefined;
}

/**
 * Runs every check over occurrences sorted by start: the pairs (no-overlap rules, attendee,
 * room) by sort-and-sweep, then the single-occurrence checks (day off, working hours), cadence
 * and lead time, in that order. The typed columns the sweeps read are built here, once.
 *
 * Postponed and cancelled occurrences (a change's `status`) are not held, so no check counts
 * them: they clash with nothing, sit on no day off and fill no cadence.
 *
 * Every conflict is counted as it is found: past `maxConflicts` detection stops with a
 * {@link BudgetExceeded} for `conflicts` that names the meeting whose conflict crossed the bound
 * (for a pair, its later occurrence's).
 *
 * @example
 * const conflicts = detectConflicts(schedule, occurrences, { horizon, calendar: workCalendar(), clockFor, clock: clockFor("Asia/Ho_Chi_Minh") });
 */
export function detectConflicts(schedule: Schedule, all: readonly Occurrence[], context: DetectContext): Conflict[] {
  // Expansion's order indexes every occurrence: without the withdrawn ones the columns sort anew.
  const withdrawn = all.some((o) => !isHeld(o));
  const occurrences = withdrawn ? all.filter(isHeld) : all;
  const columns = sortedColumns(occurrences, withdrawn ? undefined : context.order);
  if (context.maxRuleChecks !== undefined) countRuleChecks(schedule, columns, context.maxRuleChecks);
  const max = context.maxConflicts ?? Number.POSITIVE_INFINITY;
  const conflicts: Conflict[] = [];
  const sink = context.emit ?? ((conflict: Conflict) => void conflicts.push(conflict));
  let count = 0;
  const emit = (conflict: Conflict) => {
    // Pairs grow with the square of what overlaps: stop at the bound, not at the end of memory.
    if (++count > max) {
      const pair = conflict.kind === "rule" || conflict.kind === "attendee" || conflict.kind === "room";
      throw new BudgetExceeded("conflicts", conflict.occurrences[pair ? 1 : 0]?.meeting);
    }
    sink(conflict);
  };
  detectPairConflicts(schedule, occurrences, columns, { clock: context.clock, emit, deferIds: context.deferIds });
  detectSingleConflicts(schedule, occurrences, columns, context, emit);
  detectCadenceConflicts(schedule, occurrences, context.horizon, emit);
  detectLeadTimeConflicts(schedule, occurrences, context, emit);
  return conflicts;
}

/**
 * Counts the occurrences the rules will look at, before any looks: each cadence and lead-time
 * rule reads every occurrence, each no-overlap rule the occurrences of its two sides. A file of
 * a few lines can hold hundreds of rules over a long horizon; past `max` the rule that crossed
 * it is named.
 */
function countRuleChecks(schedule: Schedule, columns: Columns, max: number): void {
  // Per meeting, by its index in the columns: a count per occurrence, read from a typed column.
  const counts = new Float64Array(columns.meetings.length);
  for (let k = 0; k < columns.meeting.length; k++)
    counts[columns.meeting[k] as number] = (counts[columns.meeting[k] as number] as number) + 1;
  const perMeeting = new Map(columns.meetings.map((id, m) => [id, counts[m] as number]));
  const members = selectorMembers(schedule);
  let total = 0;
  for (const rule of schedule.rules) {
    if (rule.kind === "no-overlap") {
      for (const id of new Set([...members(rule.between[0]), ...members(rule.between[1])])) total += perMeeting.get(id) ?? 0;
    } else {
      total += columns.meeting.length;
    }
    if (total > max) throw new BudgetExceeded("ruleChecks", undefined, rule.id);
  }
}
