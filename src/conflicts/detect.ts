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
const NO_KEYS: readonly string[] = Object.freeze([]);

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
 * Sweeps a sorted list of occurrence indexes: calls `visit(i, j)` (i before j) for every pair
 * whose earlier member ends later than `reach` ms before the later one starts. Each index is
 * compared only with those still active, never with all the others.
 */
function sweep(order: ArrayLike<number>, sorted: readonly Occurrence[], reach: number, visit: (i: number, j: number) => void): void {
  const active: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const j = order[k] as number;
    const start = (sorted[j] as Occurrence).start;
    let keep = 0;
    for (let a = 0; a < active.length; a++) {
      const i = active[a] as number;
      if ((sorted[i] as Occurrence).end + reach <= start) continue;
      active[keep++] = i;
      visit(i, j);
    }
    active.length = keep;
    active.push(j);
  }
}

/**
 * Groups occurrence indexes (in sorted order) by each key an occurrence has. Occurrences of one
 * meeting share their key list, so each distinct list is resolved to slots once.
 */
function indexBy(sorted: readonly Occurrence[], keys: (o: Occurrence) => readonly string[]): Map<string, number[]> {
  const slotOf = new Map<string, number>();
  const lists: number[][] = [];
  const resolved = new WeakMap<readonly string[], number[]>();
  for (let i = 0; i < sorted.length; i++) {
    const list = keys(sorted[i] as Occurrence);
    if (list.length === 0) continue;
    let slots = resolved.get(list);
    if (!slots) {
      slots = [];
      for (const key of list) {
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = lists.length;
          slotOf.set(key, slot);
          lists.push([]);
        }
        if (!slots.includes(slot)) slots.push(slot);
      }
      resolved.set(list, slots);
    }
    for (const slot of slots) (lists[slot] as number[]).push(i);
  }
  return new Map([...slotOf].map(([key, slot]) => [key, lists[slot] as number[]]));
}

/**
 * Finds every pair conflict — no-overlap rules, a person twice, a room twice — in occurrences
 * sorted by start. Each check sweeps only the occurrences it concerns (a rule's sides, one
 * person's or one room's occurrences), taken in the one sorted order, with its own reach (the
 * rule's gap or scope): O(n log n + k) overall, never all pairs.
 */
export function detectPairConflicts(schedule: Schedule, sorted: readonly Occurrence[], options: DetectOptions): Conflict[] {
  const conflicts: Conflict[] = [];
  const overlaps = (x: Occurrence, y: Occurrence) => x.start < y.end && y.start < x.end;
  const pairKey = (i: number, j: number) => i * sorted.length + j;

  const attendeeSeverity = levelSeverity(schedule.checks?.attendee, "error");
  if (attendeeSeverity) {
    const shared = new Map<number, string[]>();
    for (const [person, list] of indexBy(sorted, (o) => o.attendees)) {
      sweep(list, sorted, 0, (i, j) => {
        if (!overlaps(sorted[i] as Occurrence, sorted[j] as Occurrence)) return;
        const key = pairKey(i, j);
        const people = shared.get(key);
        if (people) people.push(person);
        else shared.set(key, [person]);
      });
    }
    for (const [key, people] of shared) {
      const i = Math.floor(key / sorted.length);
      const j = key - i * sorted.length;
      conflicts.push(pairConflict("attendee", null, attendeeSeverity, people.sort(), sorted[i] as Occurrence, sorted[j] as Occurrence));
    }
  }

  const roomSeverity = levelSeverity(schedule.checks?.room, "error");
  if (roomSeverity) {
    const byRoom = new Map<string, readonly string[]>();
    const roomKey = (room: string) => {
      let key = byRoom.get(room);
      if (!key) byRoom.set(room, (key = [room]));
      return key;
    };
    for (const [room, list] of indexBy(sorted, (o) => (o.room === undefined ? NO_KEYS : roomKey(o.room)))) {
      sweep(list, sorted, 0, (i, j) => {
        const x = sorted[i] as Occurrence;
        const y = sorted[j] as Occurrence;
        if (overlaps(x, y)) conflicts.push(pairConflict("room", null, roomSeverity, [room], x, y));
      });
    }
  }

  // One pass hands each occurrence to the rules its meeting belongs to.
  const rules = compileRules(schedule);
  const rulesOf = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    for (const meeting of rule.sides.keys()) {
      const list = rulesOf.get(meeting);
      if (list) list.push(index);
      else rulesOf.set(meeting, [index]);
    }
  });
  const orders: number[][] = rules.map(() => []);
  for (let i = 0; i < sorted.length; i++) {
    const list = rulesOf.get((sorted[i] as Occurrence).meeting);
    if (list) for (const index of list) (orders[index] as number[]).push(i);
  }
  rules.forEach((rule, index) => {
    const order = orders[index] as number[];
    if (order.length < 2) return;
    const size = rule.scope === "day" ? DAY : rule.scope === "half-day" ? HALF_DAY : 0;
    const blocks = new Map<number, [number, number]>();
    const blockAt = (i: number) => {
      let block = blocks.get(i);
      if (!block) blocks.set(i, (block = blockOf(sorted[i] as Occurrence, size, options.clock)));
      return block;
    };
    const reach = Math.max(rule.gap, size === 0 ? 0 : size + 2 * HOUR);
    const details = rule.gap ? { gap: rule.gap } : undefined;
    sweep(order, sorted, reach, (i, j) => {
      const a = rule.sides.get((sorted[i] as Occurrence).meeting) as number;
      const b = rule.sides.get((sorted[j] as Occurrence).meeting) as number;
      if (!((a & 1 && b & 2) || (a & 2 && b & 1))) return;
      const x = sorted[i] as Occurrence;
      const y = sorted[j] as Occurrence;
      let clash = x.start < y.end + rule.gap && y.start < x.end + rule.gap;
      if (!clash && size !== 0) {
        const bx = blockAt(i);
        const by = blockAt(j);
        clash = bx[0] < by[1] && by[0] < bx[1];
      }
      if (clash) conflicts.push(pairConflict("rule", rule.rule.id, rule.severity, [], x, y, details));
    });
  });
  return conflicts;
}
