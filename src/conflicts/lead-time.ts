import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import { DAY, parseDuration, type Span } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import type { Conflict } from "./conflict";
import { selectorMatcher } from "./selectors";
import { conflictFingerprint, occurrenceIdentity } from "./fingerprint";
import { lowerBound } from "../internal/search";

/** Options for {@link detectLeadTimeConflicts}. */
export interface LeadTimeOptions {
  /** The clock of a zone: durations' days are calendar days in the target's zone. */
  readonly clockFor: (zone: string) => ZoneClock;
}

/** The instant `span` before `instant`: days as calendar days in the zone, then elapsed time. */
function minus(instant: number, span: Span, clock: ZoneClock): number {
  const shifted = span.days === 0 ? instant : clock.toInstant(clock.toWall(instant) - span.days * DAY);
  return shifted - span.ms;
}

/**
 * The `lead-time` rules: each occurrence matching `target` (an HĐND session) needs an occurrence
 * matching `before` (a committee's verification meeting), other than itself, starting within
 * `[target start − max, target start − min]`, both ends inclusive. One conflict per target
 * lacking one. The `before` starts are sorted once and each target is a binary search, so a
 * rule costs O((b + t) log b), never all pairs.
 *
 * @example
 * const conflicts = detectLeadTimeConflicts(schedule, occurrences, { clockFor: zoneClocks() });
 */
export function detectLeadTimeConflicts(
  schedule: Schedule,
  occurrences: readonly Occurrence[],
  options: LeadTimeOptions,
  emit?: (conflict: Conflict) => void,
): Conflict[] {
  const matches = selectorMatcher(schedule);
  const conflicts: Conflict[] = [];
  const report = emit ?? ((conflict: Conflict) => void conflicts.push(conflict));
  for (const rule of schedule.rules) {
    if (rule.kind !== "lead-time") continue;
    const min = parseDuration(rule.min);
    const max = parseDuration(rule.max);
    if (!min || !max) continue;
    const beforeIds = new Set(schedule.meetings.filter((m) => matches(rule.before, m.id)).map((m) => m.id));
    const targetIds = new Set(schedule.meetings.filter((m) => matches(rule.target, m.id)).map((m) => m.id));
    const befores = occurrences.filter((o) => beforeIds.has(o.meeting)).sort((a, b) => a.start - b.start);
    const starts = befores.map((o) => o.start);
    for (const target of occurrences) {
      if (!targetIds.has(target.meeting)) continue;
      const clock = options.clockFor(target.zone);
      const from = minus(target.start, max, clock);
      const to = minus(target.start, min, clock);
      let found = false;
      for (let i = lowerBound(starts, from); i < befores.length && (starts[i] as number) <= to; i++) {
        if (befores[i] !== target) {
          found = true;
          break;
        }
      }
      if (found) continue;
      report({
        id: conflictFingerprint("lead-time", rule.id, [], [occurrenceIdentity(target.meeting, target.recurrenceId)]),
        kind: "lead-time",
        rule: rule.id,
        severity: rule.severity ?? "error",
        subjects: [],
        occurrences: [target],
        overlap: null,
        window: { from, to },
        min: rule.min,
        max: rule.max,
      });
    }
  }
  return conflicts;
}
