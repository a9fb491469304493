import { columnsOf, numbering, type Columns } from "../recurrence/columns";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { CheckLevel, NoOverlapRule, Selector, Severity } from "../schema/schedule";
import { DAY, HOUR, parseDuration } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { BudgetExceeded } from "../limits";
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

/**
 * The meetings a selector picks (any listed body, group, meeting id or tag), as a set of ids.
 * Each selector is resolved once, through indexes of the meetings by tag, body and group.
 */
export function selectorMembers(schedule: Schedule): (selector: Selector) => ReadonlySet<string> {
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const bodiesOfGroup = new Map<string, string[]>();
  for (const body of schedule.bodies) for (const group of body.groups ?? []) push(bodiesOfGroup, group, body.id);
  const byTag = new Map<string, string[]>();
  const byBody = new Map<string, string[]>();
  const ids = new Set<string>();
  for (const meeting of schedule.meetings) {
    ids.add(meeting.id);
    for (const tag of meeting.tags ?? []) push(byTag, tag, meeting.id);
    for (const body of meeting.bodies ?? (meeting.body === undefined ? [] : [meeting.body])) push(byBody, body, meeting.id);
  }
  const resolved = new WeakMap<Selector, Set<string>>();
  return (selector) => {
    let members = resolved.get(selector);
    if (members) return members;
    members = new Set<string>();
    for (const id of selector.meetings ?? []) if (ids.has(id)) members.add(id);
    for (const tag of selector.tags ?? []) for (const id of byTag.get(tag) ?? []) members.add(id);
    const bodies = [...(selector.bodies ?? []), ...(selector.groups ?? []).flatMap((group) => bodiesOfGroup.get(group) ?? [])];
    for (const body of bodies) for (const id of byBody.get(body) ?? []) members.add(id);
    resolved.set(selector, members);
    return members;
  };
}

/** True when a meeting (by its bodies, groups, id and tags) matches a selector. */
export function selectorMatcher(schedule: Schedule): (selector: Selector, meetingId: string) => boolean {
  const members = selectorMembers(schedule);
  return (selector, meetingId) => members(selector).has(meetingId);
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
  const members = selectorMembers(schedule);
  return schedule.rules
    .filter((rule): rule is NoOverlapRule => rule.kind === "no-overlap")
    .map((rule) => {
      const sides = new Map<string, number>();
      for (const id of members(rule.between[0])) sides.set(id, 1);
      for (const id of members(rule.between[1])) sides.set(id, (sides.get(id) ?? 0) | 2);
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
  identities: readonly [string, string],
  details?: Readonly<Record<string, number>>,
): Conflict {
  const start = Math.max(x.start, y.start);
  const end = Math.min(x.end, y.end);
  return {
    id: conflictFingerprint(kind, rule, subjects, identities),
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
  /** The most conflicts to find: past it detection stops with {@link BudgetExceeded} (default: no bound). */
  readonly maxConflicts?: number | undefined;
}

/** Occurrence indexes grouped, ascending in each group: group g is `items[offsets[g]..offsets[g + 1])`. */
interface Buckets {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/**
 * Groups occurrence indexes by the groups of a value each has (a meeting's rules, a list's
 * people): counts first, then fills one typed array.
 */
function bucketBy(values: Int32Array, groupsOf: readonly (readonly number[])[], groupCount: number): Buckets {
  const counts = new Int32Array(groupCount + 1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) continue;
    for (const group of groupsOf[value] as readonly number[]) counts[group + 1] = (counts[group + 1] as number) + 1;
  }
  const offsets = counts;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const next = offsets.slice(0, groupCount);
  const items = new Int32Array(offsets[groupCount] as number);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) continue;
    for (const group of groupsOf[value] as readonly number[]) items[(next[group] as number)++] = i;
  }
  return { offsets, items };
}

/**
 * Sweeps the occurrence indexes `items[from..to)` (ascending, so in order of start): calls
 * `visit(i, j)` (i before j) for every pair whose earlier member ends later than `reach` ms
 * before the later one starts. Each index is compared only with those still active, never with
 * all the others. `active` is scratch space.
 */
function sweep(
  items: ArrayLike<number>,
  from: number,
  to: number,
  times: Columns,
  reach: number,
  active: number[],
  visit: (i: number, j: number) => void,
): void {
  const { starts, ends } = times;
  let size = 0;
  for (let k = from; k < to; k++) {
    const j = items[k] as number;
    const start = starts[j] as number;
    let keep = 0;
    for (let a = 0; a < size; a++) {
      const i = active[a] as number;
      if ((ends[i] as number) + reach <= start) continue;
      active[keep++] = i;
      visit(i, j);
    }
    size = keep;
    active[size++] = j;
  }
}

/**
 * {@link sweep} for a rule's two sides: `sideOf(i)` has bit 1 for the first side, bit 2 for the
 * second. Each index is compared only with the active ones of the other side, so occurrences of
 * one side that overlap each other cost nothing.
 */
function sweepSides(
  items: ArrayLike<number>,
  from: number,
  to: number,
  times: Columns,
  reach: number,
  sideOf: (i: number) => number,
  visit: (i: number, j: number) => void,
): void {
  const { starts, ends } = times;
  const active: [number[], number[]] = [[], []];
  for (let k = from; k < to; k++) {
    const j = items[k] as number;
    const start = starts[j] as number;
    const bits = sideOf(j);
    for (let side = 0; side < 2; side++) {
      // Side 1's actives meet a j on side 2, and side 2's a j on side 1; an index on both sides
      // is in both lists and is visited from the first only.
      if (!(bits & (side === 0 ? 2 : 1))) continue;
      const list = active[side] as number[];
      let keep = 0;
      for (let a = 0; a < list.length; a++) {
        const i = list[a] as number;
        if ((ends[i] as number) + reach <= start) continue;
        list[keep++] = i;
        if (side === 1 && bits & 2 && sideOf(i) & 1) continue;
        visit(i, j);
      }
      list.length = keep;
    }
    if (bits & 1) (active[0] as number[]).push(j);
    if (bits & 2) (active[1] as number[]).push(j);
  }
}

/**
 * Finds every pair conflict — no-overlap rules, a person twice, a room twice — in occurrences
 * sorted by start. Each check sweeps only the occurrences it concerns (a rule's sides, one
 * person's or one room's occurrences), taken in the one sorted order, with its own reach (the
 * rule's gap or scope): O(n log n + k) overall, never all pairs.
 */
export function detectPairConflicts(schedule: Schedule, sorted: readonly Occurrence[], options: DetectOptions): Conflict[] {
  return detectPairConflictsIn(schedule, sorted, columnsOf(sorted), options);
}

/** {@link detectPairConflicts} given the columns of `sorted` (expansion builds them as it sorts). */
export function detectPairConflictsIn(schedule: Schedule, sorted: readonly Occurrence[], columns: Columns, options: DetectOptions): Conflict[] {
  const conflicts: Conflict[] = [];
  const n = sorted.length;
  const { starts, ends } = columns;
  const overlaps = (i: number, j: number) => (starts[i] as number) < (ends[j] as number) && (starts[j] as number) < (ends[i] as number);
  const active: number[] = [];
  // An occurrence is often in several conflicts: its identity is formatted once.
  const identities = new Array<string | undefined>(n);
  const identity = (i: number) => {
    let found = identities[i];
    if (found === undefined) {
      const o = sorted[i] as Occurrence;
      identities[i] = found = occurrenceIdentity(o.meeting, o.recurrenceId);
    }
    return found;
  };
  const max = options.maxConflicts ?? Number.POSITIVE_INFINITY;
  let found = 0;
  const pair = (kind: ConflictKind, rule: string | null, severity: Severity, subjects: readonly string[], i: number, j: number, details?: Readonly<Record<string, number>>) => {
    // Pairs grow with the square of what overlaps: stop at the bound, not at the end of memory.
    if (++found > max) throw new BudgetExceeded("conflicts", (sorted[j] as Occurrence).meeting);
    return pairConflict(kind, rule, severity, subjects, sorted[i] as Occurrence, sorted[j] as Occurrence, [identity(i), identity(j)], details);
  };

  const attendeeSeverity = levelSeverity(schedule.checks?.attendee, "error");
  if (attendeeSeverity) {
    const people = numbering<string>();
    const groups = columns.attendeeLists.map((list) => [...new Set(list.map(people.of))]);
    const { offsets, items } = bucketBy(columns.attendees, groups, people.values.length);
    // A pair may share several people: collect them per pair (key i * n + j), then report once.
    const shared = new Map<number, string[]>();
    people.values.forEach((person, g) => {
      sweep(items, offsets[g] as number, offsets[g + 1] as number, columns, 0, active, (i, j) => {
        if (!overlaps(i, j)) return;
        const key = i * n + j;
        const found = shared.get(key);
        if (found) found.push(person);
        else shared.set(key, [person]);
      });
    });
    for (const [key, names] of shared) {
      const i = Math.floor(key / n);
      conflicts.push(pair("attendee", null, attendeeSeverity, names.sort(), i, key - i * n));
    }
  }

  const roomSeverity = levelSeverity(schedule.checks?.room, "error");
  if (roomSeverity) {
    const { offsets, items } = bucketBy(columns.room, columns.rooms.map((_, g) => [g]), columns.rooms.length);
    columns.rooms.forEach((room, g) => {
      const subjects = [room];
      sweep(items, offsets[g] as number, offsets[g + 1] as number, columns, 0, active, (i, j) => {
        if (overlaps(i, j)) conflicts.push(pair("room", null, roomSeverity, subjects, i, j));
      });
    });
  }

  const rules = compileRules(schedule);
  if (rules.length === 0) return conflicts;
  // Per meeting (by its index in the columns): the rules it is in, and its side bits in each.
  const meetingIndex = new Map(columns.meetings.map((id, m) => [id, m]));
  const rulesOf: number[][] = columns.meetings.map(() => []);
  const sides = rules.map((rule, r) => {
    const side = new Int8Array(columns.meetings.length);
    for (const [id, bits] of rule.sides) {
      const m = meetingIndex.get(id);
      if (m === undefined) continue;
      side[m] = bits;
      (rulesOf[m] as number[]).push(r);
    }
    return side;
  });
  const { offsets, items } = bucketBy(columns.meeting, rulesOf, rules.length);
  rules.forEach((rule, r) => {
    const from = offsets[r] as number;
    const to = offsets[r + 1] as number;
    if (to - from < 2) return;
    const side = sides[r] as Int8Array;
    const size = rule.scope === "day" ? DAY : rule.scope === "half-day" ? HALF_DAY : 0;
    const blocks = new Map<number, [number, number]>();
    const blockAt = (i: number) => {
      let block = blocks.get(i);
      if (!block) blocks.set(i, (block = blockOf(sorted[i] as Occurrence, size, options.clock)));
      return block;
    };
    const reach = Math.max(rule.gap, size === 0 ? 0 : size + 2 * HOUR);
    const details = rule.gap ? { gap: rule.gap } : undefined;
    sweepSides(items, from, to, columns, reach, (i) => side[columns.meeting[i] as number] as number, (i, j) => {
      let clash = (starts[i] as number) < (ends[j] as number) + rule.gap && (starts[j] as number) < (ends[i] as number) + rule.gap;
      if (!clash && size !== 0) {
        const bx = blockAt(i);
        const by = blockAt(j);
        clash = bx[0] < by[1] && by[0] < bx[1];
      }
      if (clash) conflicts.push(pair("rule", rule.rule.id, rule.severity, NO_KEYS, i, j, details));
    });
  });
  return conflicts;
}
