import type { Horizon, Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { CadenceRule, Selector } from "../schema/schedule";
import { DAY, formatDate, parseWall } from "../time/wall";
import type { Conflict } from "./conflict";
import { selectorMatcher } from "./selectors";
import { conflictFingerprint } from "./fingerprint";

type Per = CadenceRule["per"];

/** The first day (floating wall ms, local midnight) of the period of `per` holding `day`. */
export function periodStart(day: number, per: Per): number {
  const d = new Date(day);
  const year = d.getUTCFullYear();
  switch (per) {
    case "week":
      return day - ((d.getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
    case "month":
      return Date.UTC(year, d.getUTCMonth(), 1);
    case "quarter":
      return Date.UTC(year, d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    case "year":
      return Date.UTC(year, 0, 1);
  }
}

/** The first day of the period after the one starting at `start`. */
export function nextPeriod(start: number, per: Per): number {
  const d = new Date(start);
  switch (per) {
    case "week":
      return start + 7 * DAY;
    case "month":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case "quarter":
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1);
    case "year":
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

/** The selector of a cadence rule: its bodies, groups, meetings and tags. */
export function selectorOf(rule: CadenceRule): Selector {
  const { bodies, groups, meetings, tags } = rule;
  return { ...(bodies && { bodies }), ...(groups && { groups }), ...(meetings && { meetings }), ...(tags && { tags }) };
}

/**
 * The `cadence` rules: for each period (`per: week | month | quarter | year`, weeks starting on
 * Monday) lying wholly inside the horizon, the occurrences matching the rule's selector are
 * counted and must number at least `min` and at most `max`. One conflict per period that breaks
 * it, with `period: { from, to }` (inclusive local dates) and the occurrences counted.
 *
 * An occurrence counts in the period of its own original date (its occurrence id), so one moved
 * by a day-off policy or a change still counts for its month: the March reception moved to
 * 1 April is March's. The fingerprint is the rule and the period, whatever was counted.
 *
 * @example
 * const conflicts = detectCadenceConflicts(schedule, occurrences, horizon);
 */
export function detectCadenceConflicts(
  schedule: Schedule,
  occurrences: readonly Occurrence[],
  horizon: Horizon,
  emit?: (conflict: Conflict) => void,
): Conflict[] {
  const matches = selectorMatcher(schedule);
  const horizonFrom = parseWall(horizon.from)?.wall;
  const horizonTo = parseWall(horizon.to)?.wall;
  if (horizonFrom === undefined || horizonTo === undefined) return [];
  const conflicts: Conflict[] = [];
  const report = emit ?? ((conflict: Conflict) => void conflicts.push(conflict));
  for (const rule of schedule.rules) {
    if (rule.kind !== "cadence" || (rule.min === undefined && rule.max === undefined)) continue;
    const selector = selectorOf(rule);
    const meetingIds = new Set(schedule.meetings.filter((m) => matches(selector, m.id)).map((m) => m.id));
    const counted = new Map<number, Occurrence[]>();
    for (const o of occurrences) {
      if (!meetingIds.has(o.meeting)) continue;
      const key = periodStart(Math.floor(o.recurrenceId / DAY) * DAY, rule.per);
      const list = counted.get(key);
      if (list) list.push(o);
      else counted.set(key, [o]);
    }
    for (let start = periodStart(horizonFrom, rule.per); start <= horizonTo; start = nextPeriod(start, rule.per)) {
      const last = nextPeriod(start, rule.per) - DAY;
      if (start < horizonFrom || last > horizonTo) continue;
      const list = counted.get(start) ?? [];
      const tooFew = rule.min !== undefined && list.length < rule.min;
      const tooMany = rule.max !== undefined && list.length > rule.max;
      if (!tooFew && !tooMany) continue;
      const period = { from: formatDate(start), to: formatDate(last) };
      report({
        id: conflictFingerprint("cadence", rule.id, [], [], `${period.from}/${period.to}`),
        kind: "cadence",
        rule: rule.id,
        severity: rule.severity ?? "error",
        subjects: [],
        occurrences: list,
        overlap: null,
        period,
        per: rule.per,
        count: list.length,
        ...(rule.min === undefined ? {} : { min: rule.min }),
        ...(rule.max === undefined ? {} : { max: rule.max }),
      });
    }
  }
  return conflicts;
}
