import type { Severity } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
import { DAY } from "../time/date";
import { isoDate } from "../time/wall-text";
import type { Conflict, ConflictKind } from "./conflict";
import type { Occurrence } from "../recurrence/occurrence";
import { fnv1a64 } from "./fingerprint";
import { pairConflictId } from "./pairs";
import { BudgetExceeded } from "../limits";

/**
 * A finding groups the conflicts that share kind, rule, subjects and meeting series: for a pair
 * (rule, attendee, room) the two meeting ids; for a single-occurrence kind (day off, working
 * hours) the meeting; for lead time the rule and its target meeting; for cadence the rule. It is
 * what a person fixes and what CI judges. Its id hashes that key alone, so moving or retiming a
 * series keeps it.
 */
export interface Finding {
  /** Stable fingerprint of the grouping key (16 hex digits). */
  readonly id: string;
  readonly kind: ConflictKind;
  readonly rule: string | null;
  /** The most severe of its conflicts (they share one unless a rule's level changed). */
  readonly severity: Severity;
  /** The people or room shared (attendee, room); empty for the other kinds. */
  readonly subjects: readonly string[];
  /** The meeting series involved, sorted (none for cadence: its periods are the subject). */
  readonly meetings: readonly string[];
  /** How many conflicts it groups. */
  readonly count: number;
  /** The first and last local date of its conflicts (`YYYY-MM-DD`). */
  readonly first: string;
  readonly last: string;
  /** Its distinct local dates, sorted, at most {@link MAX_FINDING_DATES}. */
  readonly dates: readonly string[];
  /** How many distinct local dates it has (more than `dates` holds when capped). */
  readonly dateCount: number;
  /** The ids of its first conflicts in report order, at most {@link MAX_FINDING_CONFLICTS}. */
  readonly conflicts: readonly string[];
  /** Its first conflict in report order: the facts its message words. */
  readonly sample: Conflict;
}

/** The most dates a finding lists (it counts them all in `dateCount`). */
export const MAX_FINDING_DATES = 100;
/** The most conflict ids a finding lists (it counts them all in `count`). */
export const MAX_FINDING_CONFLICTS = 100;

/** The grouping key of a conflict and the meetings it names. */
export function findingKey(conflict: Conflict): { readonly key: string; readonly meetings: readonly string[] } {
  let meetings: string[];
  switch (conflict.kind) {
    case "cadence":
      meetings = [];
      break;
    case "lead-time":
    case "day-off":
    case "working-hours":
      meetings = conflict.occurrences.length > 0 ? [(conflict.occurrences[0] as Conflict["occurrences"][number]).meeting] : [];
      break;
    default:
      meetings = [...new Set(conflict.occurrences.map((occurrence) => occurrence.meeting))].sort();
  }
  const key = [conflict.kind, conflict.rule ?? "", [...conflict.subjects].sort().join(","), meetings.join(",")].join("\u001f");
  return { key, meetings };
}

/** The id of a finding from its grouping key. */
export function findingId(key: string): string {
  return fnv1a64(`finding\u001f${key}`);
}

/** The local date a conflict is filed under: where its occurrences overlap, else its first occurrence's start (in that occurrence's zone); a cadence conflict's period's first day. */
export function conflictDate(conflict: Conflict, clockFor: (zone: string) => ZoneClock): string {
  return isoDate(conflictDay(conflict, clockFor) * DAY);
}

/** {@link conflictDate} as a day number (days since 1970-01-01). */
function conflictDay(conflict: Conflict, clockFor: (zone: string) => ZoneClock): number {
  if (conflict.kind === "cadence") return Math.floor(Date.parse(conflict.period.from) / DAY);
  const first = conflict.occurrences[0];
  if (!first) return 0;
  // Two occurrences clash on the day they overlap (a three-day session meets a one-day meeting on its day).
  return Math.floor(clockFor(first.zone).toWall(conflict.overlap?.start ?? first.start) / DAY);
}

/**
 * A set of day numbers as a bit field over the span it has seen (a horizon is at most ten years:
 * 458 bytes), so a finding's distinct dates are counted without keeping them.
 */
class DaySet {
  private base = 0;
  private bits = new Uint32Array(0);
  size = 0;

  /** Adds a day; true when it was not in the set. */
  add(day: number): boolean {
    if (this.bits.length === 0) this.base = day - (day & 31);
    if (day < this.base || day >= this.base + this.bits.length * 32) this.grow(day);
    const offset = day - this.base;
    const word = offset >>> 5;
    const mask = 1 << (offset & 31);
    if ((this.bits[word] as number) & mask) return false;
    this.bits[word] = (this.bits[word] as number) | mask;
    this.size++;
    return true;
  }

  /** Its first `count` days, ascending. */
  first(count: number): number[] {
    const out: number[] = [];
    for (let word = 0; word < this.bits.length && out.length < count; word++) {
      let bits = this.bits[word] as number;
      while (bits !== 0 && out.length < count) {
        const low = bits & -bits;
        out.push(this.base + word * 32 + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
    return out;
  }

  private grow(day: number): void {
    const low = Math.min(this.base, day - (((day % 32) + 32) % 32));
    const high = Math.max(this.base + this.bits.length * 32, day + 1);
    const words = Math.ceil((high - low) / 32) + 1;
    const bits = new Uint32Array(Math.max(words, this.bits.length * 2));
    bits.set(this.bits, (this.base - low) >>> 5);
    this.bits = bits;
    this.base = low;
  }
}

interface Group {
  readonly id: string;
  readonly kind: ConflictKind;
  readonly rule: string | null;
  severity: Severity;
  readonly subjects: readonly string[];
  readonly meetings: readonly string[];
  count: number;
  first: number;
  last: number;
  /** Its distinct days: counted, and its first {@link MAX_FINDING_DATES} read from the bits in order. */
  readonly days: DaySet;
  /** The ids of its first {@link MAX_FINDING_CONFLICTS} conflicts, with their sort keys (or its first only, see `keepIds`). */
  readonly conflicts: FirstIds | FirstId;
  sample: Conflict;
}

/** Options for {@link findingFold}. */
export interface FoldOptions {
  /** The most findings to keep: past it `add` throws {@link BudgetExceeded} for `findings` (default: no bound). */
  readonly maxFindings?: number | undefined;
  /**
   * Whether each finding keeps the ids of its first conflicts (default true). Without them a
   * finding's `conflicts` holds its first conflict's id only: for output that prints findings
   * and never lists their conflicts, a dense schedule's findings then hold no ids at all.
   */
  readonly keepIds?: boolean | undefined;
}

/**
 * Folds conflicts into findings as they are found, in any order: it keeps one group per finding
 * (its dates and at most a few conflict ids, in typed arrays) and one conflict, its sample,
 * never the others, so memory follows the number of findings and days, not of conflicts.
 *
 * @example
 * const fold = findingFold(clockFor);
 * for (const conflict of conflicts) fold.add(conflict);
 * fold.findings(); // sorted: errors first, then by first date, then id
 */
export function findingFold(clockFor: (zone: string) => ZoneClock, options: FoldOptions = {}) {
  const { lookup, store, groups } = groupTable();
  let size = 0;
  const max = options.maxFindings ?? Number.POSITIVE_INFINITY;
  const keepIds = options.keepIds ?? true;
  return {
    /**
     * Adds a conflict; returns the id of its finding. A pair conflict found with `deferIds` (its
     * `id` empty) has its id computed only if it may be its finding's first.
     */
    add(conflict: Conflict): string {
      let group = lookup(conflict);
      const day = conflictDay(conflict, clockFor);
      // Report order: by first start; a cadence period with nothing counted by its first day.
      const period = conflict.kind === "cadence" ? Date.parse(conflict.period.from) : Number.NEGATIVE_INFINITY;
      const start = conflict.occurrences[0]?.start ?? period;
      if (!group) {
        if (size >= max) throw new BudgetExceeded("findings", findingMeeting(conflict), conflict.rule ?? undefined);
        const { key, meetings } = findingKey(conflict);
        group = {
          id: findingId(key),
          kind: conflict.kind,
          rule: conflict.rule,
          severity: conflict.severity,
          subjects: conflict.subjects.length > 1 ? [...conflict.subjects].sort() : conflict.subjects,
          meetings,
          count: 0,
          first: day,
          last: day,
          days: new DaySet(),
          conflicts: keepIds ? new FirstIds() : new FirstId(),
          sample: conflict,
        };
        store(conflict, group);
        size++;
      }
      group.count++;
      if (conflict.severity === "error") group.severity = "error";
      if (day < group.first) group.first = day;
      if (day > group.last) group.last = day;
      group.days.add(day);
      // The sample is the first conflict in report order: the one the id list starts with.
      const id = group.conflicts.add(start, conflict);
      if (id !== undefined) group.sample = keptConflict(conflict, id);
      return group.id;
    },
    /** How many findings it holds. */
    get size(): number {
      return size;
    },
    /**
     * How many conflicts it holds: one sample per finding, whatever the number folded (tests
     * check that a fold never keeps the conflicts it is given).
     */
    get heldConflicts(): number {
      return new Set(groups().map((group) => group.sample)).size;
    },
    /**
     * The findings so far, sorted by severity (errors first), then first date, then id. Their
     * dates share one string per day, and each one's `dates` and `conflicts` are formatted when
     * read, so the findings of many conflicts hold no string per conflict or date.
     */
    findings(): Finding[] {
      const out: Finding[] = [];
      const dates = new Map<number, string>();
      const date = (day: number) => {
        let text = dates.get(day);
        if (text === undefined) dates.set(day, (text = isoDate(day * DAY)));
        return text;
      };
      for (const group of groups()) {
        const { conflicts } = group;
        out.push({
          id: group.id,
          kind: group.kind,
          rule: group.rule,
          severity: group.severity,
          subjects: group.subjects,
          meetings: group.meetings,
          count: group.count,
          first: date(group.first),
          last: date(group.last),
          // Read when the finding is: the sorted findings of a dense schedule hold no dates.
          get dates() {
            return group.days.first(MAX_FINDING_DATES).map(date);
          },
          dateCount: group.days.size,
          get conflicts() {
            return conflicts.ids();
          },
          sample: group.sample,
        });
      }
      return out.sort(compareFindings);
    },
  };
}

/**
 * A copy of a conflict to keep (with `id`, when detection deferred it), sharing nothing with it
 * but its occurrences. Whatever outlives a sweep is kept as a copy, never as the object
 * detection made: V8 allocates straight into the old generation from a place in the code whose
 * objects mostly survive, and in a dense schedule the first conflicts all start findings (or
 * are listed); kept as found, the millions made after them would be tenured too and swell the
 * heap between full collections.
 */
export function keptConflict(conflict: Conflict, id = conflict.id): Conflict {
  const occurrences = conflict.occurrences.slice();
  const overlap = conflict.overlap && { start: conflict.overlap.start, end: conflict.overlap.end };
  return { ...conflict, id, occurrences, overlap };
}

/** The meeting a finding's new group is named at when the findings bound is crossed. */
function findingMeeting(conflict: Conflict): string | undefined {
  const pair = conflict.kind === "rule" || conflict.kind === "attendee" || conflict.kind === "room";
  return conflict.occurrences[pair ? 1 : 0]?.meeting;
}

/**
 * The groups of a fold by grouping key. A pair conflict (rule, attendee, room), the kind a dense
 * schedule has millions of, is looked up through maps on its kind, rule, subjects and two
 * meetings, strings that already exist, so finding its group builds no key; the other kinds by
 * {@link findingKey}'s key.
 */
function groupTable() {
  // kind → rule → subjects → one meeting → the other (the two ordered) → group
  const pairs = new Map<string, Map<string, Map<string, Map<string, Map<string, Group>>>>>();
  const others = new Map<string, Group>();
  const all: Group[] = [];
  const isPair = (conflict: Conflict) =>
    (conflict.kind === "rule" || conflict.kind === "attendee" || conflict.kind === "room") && conflict.occurrences.length === 2;
  const subjectsOf = (conflict: Conflict) =>
    conflict.subjects.length > 1 ? [...conflict.subjects].sort().join(",") : (conflict.subjects[0] ?? "");
  const level = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    let found = map.get(key);
    if (found === undefined) map.set(key, (found = make()));
    return found;
  };
  return {
    lookup(conflict: Conflict): Group | undefined {
      if (!isPair(conflict)) return others.get(findingKey(conflict).key);
      const x = (conflict.occurrences[0] as Occurrence).meeting;
      const y = (conflict.occurrences[1] as Occurrence).meeting;
      const byRule = pairs
        .get(conflict.kind)
        ?.get(conflict.rule ?? "")
        ?.get(subjectsOf(conflict));
      return x < y ? byRule?.get(x)?.get(y) : byRule?.get(y)?.get(x);
    },
    store(conflict: Conflict, group: Group): void {
      all.push(group);
      if (!isPair(conflict)) {
        others.set(findingKey(conflict).key, group);
        return;
      }
      const x = (conflict.occurrences[0] as Occurrence).meeting;
      const y = (conflict.occurrences[1] as Occurrence).meeting;
      const byRule = level(
        level(pairs, conflict.kind, () => new Map()),
        conflict.rule ?? "",
        () => new Map(),
      );
      const byFirst = level(byRule, subjectsOf(conflict), () => new Map());
      const [first, second] = x < y ? [x, y] : [y, x];
      level(byFirst, first, () => new Map()).set(second, group);
    },
    groups: (): readonly Group[] => all,
  };
}

const HEX_ID = /^[0-9a-f]{16}$/;

/**
 * The first {@link MAX_FINDING_CONFLICTS} conflict ids of a finding in report order (first start,
 * then id), kept sorted as they arrive. A fingerprint's 16 hex digits are held as two 32-bit
 * halves beside its start in one Float64Array, not as a string: a finding holds at most 2.4 KB
 * of ids, however many conflicts it has.
 */
class FirstIds {
  /** Per slot: start, high half, low half. */
  private slots = new Float64Array(0);
  /** Ids that are not 16 hex digits (conflicts made by hand), by slot. */
  private texts: (string | undefined)[] | undefined;
  private size = 0;

  /** Adds a conflict's id; returns it when it is now the first one. */
  add(start: number, conflict: Conflict): string | undefined {
    const { size, slots } = this;
    // Most conflicts of a long series come after its first ones: dropped before the id is read.
    if (size >= MAX_FINDING_CONFLICTS && start > (slots[3 * (size - 1)] as number)) return undefined;
    const id = conflictId(conflict);
    const hex = HEX_ID.test(id);
    const high = hex ? Number.parseInt(id.slice(0, 8), 16) : 0;
    const low = hex ? Number.parseInt(id.slice(8), 16) : 0;
    const before = (k: number) => {
      const s = slots[3 * k] as number;
      if (start !== s) return start < s;
      if (hex && this.texts?.[k] === undefined) {
        const h = slots[3 * k + 1] as number;
        return high !== h ? high < h : low < (slots[3 * k + 2] as number);
      }
      return id < this.id(k);
    };
    if (size >= MAX_FINDING_CONFLICTS && !before(size - 1)) return undefined;
    let at = size;
    while (at > 0 && before(at - 1)) at--;
    const kept = Math.min(size, MAX_FINDING_CONFLICTS - 1);
    if (3 * (kept + 1) > slots.length) {
      const grown = new Float64Array(3 * Math.min(MAX_FINDING_CONFLICTS, Math.max(2, 2 * size)));
      grown.set(slots);
      this.slots = grown;
    }
    this.slots.copyWithin(3 * (at + 1), 3 * at, 3 * kept);
    this.slots[3 * at] = start;
    this.slots[3 * at + 1] = high;
    this.slots[3 * at + 2] = low;
    if (!hex || this.texts) {
      this.texts ??= new Array<string | undefined>(size).fill(undefined);
      this.texts.splice(at, 0, hex ? undefined : id);
      this.texts.length = kept + 1;
    }
    this.size = kept + 1;
    return at === 0 ? id : undefined;
  }

  private id(k: number): string {
    const hex = (value: number) => value.toString(16).padStart(8, "0");
    return this.texts?.[k] ?? hex(this.slots[3 * k + 1] as number) + hex(this.slots[3 * k + 2] as number);
  }

  ids(): string[] {
    return Array.from({ length: this.size }, (_, k) => this.id(k));
  }
}

/** A conflict's id: computed from its facts when detection deferred it (see `PairOptions.deferIds`). */
function conflictId(conflict: Conflict): string {
  if (conflict.id !== "") return conflict.id;
  if (conflict.kind === "rule" || conflict.kind === "attendee" || conflict.kind === "room") return pairConflictId(conflict);
  return conflict.id;
}

/** Only the first conflict id of a finding, in report order (see `keepIds`). */
class FirstId {
  private start = Number.POSITIVE_INFINITY;
  private id: string | undefined;

  /** Adds a conflict; returns its id when it is the new first one (the id is computed only then, or on a tie). */
  add(start: number, conflict: Conflict): string | undefined {
    if (this.id !== undefined && start > this.start) return undefined;
    const id = conflictId(conflict);
    if (this.id !== undefined && start === this.start && id >= this.id) return undefined;
    this.start = start;
    this.id = id;
    return id;
  }

  ids(): string[] {
    return this.id === undefined ? [] : [this.id];
  }
}

/** Folds a list of conflicts into sorted findings (see {@link findingFold}). */
export function groupFindings(conflicts: Iterable<Conflict>, clockFor: (zone: string) => ZoneClock): Finding[] {
  const fold = findingFold(clockFor);
  for (const conflict of conflicts) fold.add(conflict);
  return fold.findings();
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** Errors first, then by first date, then by id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
