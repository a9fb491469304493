import type { Occurrence } from "../recurrence/expand";
import type { Schedule } from "../schema/model";
import type { CheckLevel, NoOverlapRule, Selector, Severity } from "../schema/schedule";
import { DAY, HOUR, parseDuration } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { conflictFingerprint, occurrenceIdentity } from "./fingerprint";

/** The kinds of conflict lichhop reports. */
export type ConflictKind = "rule" | "attendee" | "room" | "day-off" | "working-hours" | "cadence" | "lead-time";

/** A conflict found in the occurrences, before it is rendered into a report. */
export interface Conflict {
  /** Stable fingerprint (see {@link conflictFingerprint}). */
  readonly id: string;
  readonly kind: ConflictKind;
  /** The rule's id for rule-based kinds; null for attendee, room, day-off and working-hours. */
  readonly rule: string | null;
  readonly severity: Severity;
  /** The people or room shared (attendee, room); empty for rule conflicts. */
  readonly subjects: readonly string[];
  /** The occurrences involved, sorted by start. */
  readonly occurrences: readonly Occurrence[];
  /** The shared interval (epoch ms), or null when nothing overlaps. */
  readonly overlap: { readonly start: number; readonly end: number } | null;
  /** The period judged, for cadence conflicts: local dates, inclusive. */
  readonly period?: { readonly from: string; readonly to: string };
  /** Extra facts for the message (the day off's name, the count found…). */
  readonly details?: Readonly<Record<string, string | number>>;
}

/** The severity a check level gives, or undefined when the check is off. */
export function levelSeverity(level: CheckLevel | undefined, fallback: Severity | "off"): Severity | undefined {
  const value = level ?? fallback;
  return value === false || value === "off" ? undefined : value;
}

/** True when a meeting (by its bodies, groups, id and tags) matches a selector. */
export function selectorMatcher(schedule: Schedule): (selector: Selector, meetingId: string) => boolean {
  const groupsOf = new Map(schedule.bodies.map((body) => [body.id, body.groups ?? []]));
  const meetings = new Map(schedule.meetings.map((meeting) => [meeting.id, meeting]));
  return (selector, meetingId) => {
    const meeting = meetings.get(meetingId);
    if (!meeting) return false;
    if (selector.meetings?.includes(meetingId)) return true;
    if (selector.tags && meeting.tags?.some((tag) => selector.tags?.includes(tag))) return true;
    const bodies = meeting.bodies ?? (meeting.body === undefined ? [] : [meeting.body]);
    if (selector.bodies && bodies.some((body) => selector.bodies?.includes(body))) return true;
    if (selector.groups) {
      return bodies.some((body) => groupsOf.get(body)?.some((group) => selector.groups?.includes(group)));
    }
    return false;
  };
}

interface CompiledRule {
  readonly rule: NoOverlapRule;
  readonly severity: Severity;
  readonly gap: number;
  readonly scope: "exact" | "half-day" | "day";
  /** Per meeting id: bit 1 = matches side A, bit 2 = matches side B. */
  readonly sides: ReadonlyMap<string, number>;
}

function compileRules(schedule: Schedule): CompiledRule[] {
  const matches = selectorMatcher(schedule);
  return schedule.rules
    .filter((rule): rule is NoOverlapRule => rule.kind === "no-overlap")
    .map((rule) => {
      const sides = new Map<string, number>();
      for (const meeting of schedule.meetings) {
        const bits = (matches(rule.between[0], meeting.id) ? 1 : 0) | (matches(rule.between[1], meeting.id) ? 2 : 0);
        if (bits) sides.set(meeting.id, bits);
      }
      const gapSpan = rule.minGap === undefined ? undefined : parseDuration(rule.minGap);
      const gap = gapSpan ? gapSpan.days * DAY + gapSpan.ms : 0;
      return { rule, severity: rule.severity ?? "error", gap, scope: rule.scope ?? "exact", sides };
    });
}

const HALF_DAY = 12 * HOUR;

/** The half-day or day blocks an occurrence touches, as instants in the schedule's zone. */
function blockOf(occurrence: Occurrence, size: number, clock: ZoneClock): [number, number] {
  const startWall = clock.toWall(occurrence.start);
  const endWall = clock.toWall(occurrence.end);
  const dayStart = Math.floor(startWall / DAY) * DAY;
  const first = dayStart + Math.floor((startWall - dayStart) / size) * size;
  const endDay = Math.floor(endWall / DAY) * DAY;
  const last = endDay + Math.ceil((endWall - endDay) / size) * size;
  return [clock.toInstant(first), clock.toInstant(Math.max(last, first + size))];
}

function sharedSorted(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0 || b.length === 0) return [];
  const out: string[] = [];
  for (const item of a) if (b.includes(item) && !out.includes(item)) out.push(item);
  return out.sort();
}

function pairConflict(
  kind: ConflictKind,
  rule: string | null,
  severity: Severity,
  subjects: readonly string[],
  x: Occurrence,
  y: Occurrence,
  details?: Readonly<Record<string, number>>,
): Conflict {
  const start = Math.max(x.start, y.start);
  const end = Math.min(x.end, y.end);
  return {
    id: conflictFingerprint(kind, rule, subjects, [occurrenceIdentity(x.meeting, x.recurrenceId), occurrenceIdentity(y.meeting, y.recurrenceId)]),
    kind,
    rule,
    severity,
    subjects,
    occurrences: [x, y],
    overlap: start < end ? { start, end } : null,
    ...(details ? { details } : {}),
  };
}

/** Options for {@link detectPairConflicts}. */
export interface DetectOptions {
  /** The clock of the schedule's zone: half-day and day scopes are read on it. */
  readonly clock: ZoneClock;
}

/**
 * Finds every pair conflict (no-overlap rules, a person twice, a room twice) in occurrences
 * sorted by start, in one sweep: each occurrence is compared only with those still active
 * (ending after it starts, widened by the largest gap or scope in use), never all pairs.
 */
export function detectPairConflicts(schedule: Schedule, sorted: readonly Occurrence[], options: DetectOptions): Conflict[] {
  const rules = compileRules(schedule);
  const attendeeSeverity = levelSeverity(schedule.checks?.attendee, "error");
  const roomSeverity = levelSeverity(schedule.checks?.room, "error");
  let reach = 0;
  for (const rule of rules) {
    reach = Math.max(reach, rule.gap, rule.scope === "day" ? DAY + 2 * HOUR : rule.scope === "half-day" ? HALF_DAY + 2 * HOUR : 0);
  }
  const needHalf = rules.some((rule) => rule.scope === "half-day");
  const needDay = rules.some((rule) => rule.scope === "day");
  const half = needHalf ? sorted.map((o) => blockOf(o, HALF_DAY, options.clock)) : [];
  const day = needDay ? sorted.map((o) => blockOf(o, DAY, options.clock)) : [];

  const conflicts: Conflict[] = [];
  const active: number[] = [];
  for (let j = 0; j < sorted.length; j++) {
    const y = sorted[j] as Occurrence;
    let keep = 0;
    for (let k = 0; k < active.length; k++) {
      const i = active[k] as number;
      const x = sorted[i] as Occurrence;
      if (x.end + reach <= y.start) continue;
      active[keep++] = i;
      const overlaps = x.start < y.end && y.start < x.end;
      if (overlaps && attendeeSeverity) {
        const shared = sharedSorted(x.attendees, y.attendees);
        if (shared.length > 0) conflicts.push(pairConflict("attendee", null, attendeeSeverity, shared, x, y));
      }
      if (overlaps && roomSeverity && x.room !== undefined && x.room === y.room) {
        conflicts.push(pairConflict("room", null, roomSeverity, [x.room], x, y));
      }
      for (const rule of rules) {
        const a = rule.sides.get(x.meeting);
        const b = rule.sides.get(y.meeting);
        if (a === undefined || b === undefined || !(((a & 1) && (b & 2)) || ((a & 2) && (b & 1)))) continue;
        let clash = x.start < y.end + rule.gap && y.start < x.end + rule.gap;
        if (!clash && rule.scope !== "exact") {
          const blocks = rule.scope === "day" ? day : half;
          const bx = blocks[i] as [number, number];
          const by = blocks[j] as [number, number];
          clash = bx[0] < by[1] && by[0] < bx[1];
        }
        if (clash) conflicts.push(pairConflict("rule", rule.rule.id, rule.severity, [], x, y, rule.gap ? { gap: rule.gap } : undefined));
      }
    }
    active.length = keep;
    active.push(j);
  }
  return conflicts;
}
