import { numbering, type Columns } from "./columns";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { NoOverlapRule, Severity } from "../schema/schedule";
import { DAY, HOUR, parseDuration } from "../time/wall";
import type { ZoneClock } from "../time/zone";
import { BudgetExceeded } from "../limits";
import { levelSeverity, type AttendeeConflict, type Conflict, type RoomConflict, type RuleConflict } from "./conflict";
import { conflictFingerprint, occurrenceIdentity } from "./fingerprint";
import { selectorMembers } from "./selectors";
import { bucketBy, sweep, sweepSides } from "./sweep";

/** A no-overlap rule ready to judge pairs: its severity, gap (ms), scope and each meeting's sides. */
export interface CompiledRule {
  readonly rule: NoOverlapRule;
  readonly severity: Severity;
  readonly gap: number;
  readonly scope: "exact" | "half-day" | "day";
  /** Per meeting id: bit 1 = matches side A, bit 2 = matches side B. */
  readonly sides: ReadonlyMap<string, number>;
}

/** The no-overlap rules of a schedule, compiled (findSlots judges a new meeting by the same). */
export function compileRules(schedule: Schedule): CompiledRule[] {
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

/** The size of a `half-day` scope's block: the morning is [00:00, 12:00), the afternoon [12:00, 24:00). */
export const HALF_DAY = 12 * HOUR;
const NO_KEYS: readonly string[] = Object.freeze([]);

/** The half-day or day blocks an occurrence touches, as instants in the schedule's zone. */
export function blockOf(occurrence: Pick<Occurrence, "start" | "end">, size: number, clock: ZoneClock): [number, number] {
  const startWall = clock.toWall(occurrence.start);
  const endWall = clock.toWall(occurrence.end);
  const dayStart = Math.floor(startWall / DAY) * DAY;
  const first = dayStart + Math.floor((startWall - dayStart) / size) * size;
  const endDay = Math.floor(endWall / DAY) * DAY;
  const last = endDay + Math.ceil((endWall - endDay) / size) * size;
  return [clock.toInstant(first), clock.toInstant(Math.max(last, first + size))];
}

export type PairConflict = RuleConflict | AttendeeConflict | RoomConflict;

/** What tells the pair conflicts of one check from those of another: the kind, the rule and its gap. */
type PairFacts = Pick<RuleConflict, "kind" | "rule" | "gap" | "scope"> | Pick<AttendeeConflict | RoomConflict, "kind" | "rule">;

function pairConflict(
  facts: PairFacts,
  severity: Severity,
  subjects: readonly string[],
  x: Occurrence,
  y: Occurrence,
  identities: readonly [string, string] | undefined,
  overlapOf: (start: number, end: number) => Conflict["overlap"],
): PairConflict {
  const id = identities ? conflictFingerprint(facts.kind, facts.rule, subjects, identities) : "";
  const occurrences = [x, y];
  const overlap = overlapOf(Math.max(x.start, y.start), Math.min(x.end, y.end));
  // Literals rather than a spread of the facts: a spread builds each object property by property.
  if (facts.kind !== "rule") return { id, kind: facts.kind, rule: null, severity, subjects, occurrences, overlap };
  const { rule, gap, scope } = facts;
  const conflict: RuleConflict =
    gap === undefined
      ? { id, kind: "rule", rule, severity, subjects, occurrences, overlap }
      : { id, kind: "rule", rule, severity, subjects, occurrences, overlap, gap };
  return scope === undefined ? conflict : { ...conflict, scope };
}

const ATTENDEE: PairFacts = Object.freeze({ kind: "attendee", rule: null });
const ROOM: PairFacts = Object.freeze({ kind: "room", rule: null });

/** Options for {@link detectPairConflicts}. */
export interface PairOptions {
  /** Where each conflict goes as it is found (default: into the returned list). */
  readonly emit?: ((conflict: Conflict) => void) | undefined;
  /** The clock of the schedule's zone: half-day and day scopes are read on it. */
  readonly clock: ZoneClock;
  /** The most conflicts to find: past it detection stops with {@link BudgetExceeded} (default: no bound). */
  readonly maxConflicts?: number | undefined;
  /**
   * Leave each conflict's `id` empty (`""`) for {@link pairConflictId} to compute when it is
   * wanted: a sink that folds conflicts into findings reads few of them, and the fingerprint is
   * most of the work a conflict costs (default false). A function is asked at each conflict: a
   * sink may start deferring part way.
   */
  readonly deferIds?: boolean | (() => boolean) | undefined;
}

/**
 * The id of a pair conflict (rule, attendee, room) from its facts, as detection gives it: for
 * conflicts found with `deferIds`.
 */
export function pairConflictId(conflict: PairConflict): string {
  const identities = conflict.occurrences.map((o) => occurrenceIdentity(o.meeting, o.recurrenceId));
  return conflictFingerprint(conflict.kind, conflict.rule, conflict.subjects, identities);
}

/**
 * Finds every pair conflict — no-overlap rules, a person twice, a room twice — in occurrences
 * sorted by start, given their columns. Each check sweeps only the occurrences it concerns (a
 * rule's sides, one person's or one room's occurrences), taken in the one sorted order, with its
 * own reach (the rule's gap or scope): O(n log n + k) overall, never all pairs.
 */
export function detectPairConflicts(schedule: Schedule, sorted: readonly Occurrence[], columns: Columns, options: PairOptions): Conflict[] {
  const conflicts: Conflict[] = [];
  const emit = options.emit ?? ((conflict: Conflict) => void conflicts.push(conflict));
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
  // Conflicts that overlap over the same span share one (frozen) overlap: a dense schedule's
  // millions of pairs clash over a few spans a day.
  const spans = new Map<number, Map<number, NonNullable<Conflict["overlap"]>>>();
  const overlapOf = (start: number, end: number): Conflict["overlap"] => {
    if (start >= end) return null;
    let byEnd = spans.get(start);
    if (!byEnd) spans.set(start, (byEnd = new Map()));
    let found = byEnd.get(end);
    if (!found) byEnd.set(end, (found = Object.freeze({ start, end })));
    return found;
  };
  const { deferIds } = options;
  const defer = typeof deferIds === "function" ? deferIds : () => deferIds === true;
  let found = 0;
  const pair = (facts: PairFacts, severity: Severity, subjects: readonly string[], i: number, j: number) => {
    // Pairs grow with the square of what overlaps: stop at the bound, not at the end of memory.
    if (++found > max) throw new BudgetExceeded("conflicts", (sorted[j] as Occurrence).meeting);
    const identities = defer() ? undefined : ([identity(i), identity(j)] as const);
    return pairConflict(facts, severity, subjects, sorted[i] as Occurrence, sorted[j] as Occurrence, identities, overlapOf);
  };

  const attendeeSeverity = levelSeverity(schedule.checks?.attendee, "error");
  if (attendeeSeverity) {
    const people = numbering<string>();
    const groups = columns.attendeeLists.map((list) => [...new Set(list.map(people.of))].sort((a, b) => a - b));
    const { offsets, items } = bucketBy(columns.attendees, groups, people.values.length);
    // A pair sharing several people is met in each one's sweep and reported from the first of
    // them (by number) with all of them, so nothing is collected across sweeps.
    people.values.forEach((_, g) => {
      sweep(items, offsets[g] as number, offsets[g + 1] as number, columns, 0, active, (i, j) => {
        if (!overlaps(i, j)) return;
        const a = groups[columns.attendees[i] as number] as number[];
        const b = groups[columns.attendees[j] as number] as number[];
        const shared = a.length === 1 || b.length === 1 ? [g] : intersect(a, b);
        if (shared[0] !== g) return;
        const names = shared.length === 1 ? [people.values[g] as string] : shared.map((p) => people.values[p] as string).sort();
        emit(pair(ATTENDEE, attendeeSeverity, names, i, j));
      });
    });
  }

  const roomSeverity = levelSeverity(schedule.checks?.room, "error");
  if (roomSeverity) {
    const { offsets, items } = bucketBy(
      columns.room,
      columns.rooms.map((_, g) => [g]),
      columns.rooms.length,
    );
    columns.rooms.forEach((room, g) => {
      const subjects = [room];
      sweep(items, offsets[g] as number, offsets[g + 1] as number, columns, 0, active, (i, j) => {
        if (overlaps(i, j)) emit(pair(ROOM, roomSeverity, subjects, i, j));
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
    const facts: PairFacts = {
      kind: "rule",
      rule: rule.rule.id,
      ...(rule.gap ? { gap: rule.gap } : {}),
      ...(rule.scope === "exact" ? {} : { scope: rule.scope }),
    };
    sweepSides(
      items,
      from,
      to,
      columns,
      reach,
      (i) => side[columns.meeting[i] as number] as number,
      (i, j) => {
        let clash = (starts[i] as number) < (ends[j] as number) + rule.gap && (starts[j] as number) < (ends[i] as number) + rule.gap;
        if (!clash && size !== 0) {
          const bx = blockAt(i);
          const by = blockAt(j);
          clash = bx[0] < by[1] && by[0] < bx[1];
        }
        if (clash) emit(pair(facts, rule.severity, NO_KEYS, i, j));
      },
    );
  });
  return conflicts;
}

/** The common members of two ascending lists, ascending. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    const u = a[x] as number;
    const v = b[y] as number;
    if (u === v) {
      out.push(u);
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return out;
}
