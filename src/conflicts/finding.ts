import type { Severity } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
import { DAY } from "../time/date";
import { isoDate } from "../time/wall-text";
import type { Conflict, ConflictKind } from "./conflict";
import { fnv1a64 } from "./fingerprint";

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
  /** Its distinct days, counted; and the first {@link MAX_FINDING_DATES} of them, ascending. */
  readonly days: DaySet;
  readonly firstDays: number[];
  /** Conflict ids with their sort keys; trimmed to the first {@link MAX_FINDING_CONFLICTS} now and then. */
  conflicts: { readonly start: number; readonly id: string }[];
  sample: Conflict;
  sampleStart: number;
}

/**
 * Folds conflicts into findings as they are found, in any order: it keeps one group per finding
 * (its dates and at most a few conflict ids), never the conflicts, so memory follows the number
 * of findings and days, not of conflicts.
 *
 * @example
 * const fold = findingFold(clockFor);
 * for (const conflict of conflicts) fold.add(conflict);
 * fold.findings(); // sorted: errors first, then by first date, then id
 */
export function findingFold(clockFor: (zone: string) => ZoneClock) {
  const groups = new Map<string, Group>();
  const keys = new Map<string, string>();
  return {
    /** Adds a conflict; returns the id of its finding. */
    add(conflict: Conflict): string {
      const { key, meetings } = findingKey(conflict);
      let group = groups.get(key);
      const day = conflictDay(conflict, clockFor);
      if (!group) {
        group = {
          id: findingId(key),
          kind: conflict.kind,
          rule: conflict.rule,
          severity: conflict.severity,
          subjects: [...conflict.subjects].sort(),
          meetings,
          count: 0,
          first: day,
          last: day,
          days: new DaySet(),
          firstDays: [],
          conflicts: [],
          sample: conflict,
          sampleStart: Number.POSITIVE_INFINITY,
        };
        groups.set(key, group);
        keys.set(group.id, key);
      }
      group.count++;
      if (conflict.severity === "error") group.severity = "error";
      if (day < group.first) group.first = day;
      if (day > group.last) group.last = day;
      if (group.days.add(day)) keepFirst(group.firstDays, day);
      const start = conflict.occurrences[0]?.start ?? Number.NEGATIVE_INFINITY;
      if (start < group.sampleStart || (start === group.sampleStart && conflict.id < group.sample.id)) {
        group.sample = conflict;
        group.sampleStart = start;
      }
      group.conflicts.push({ start, id: conflict.id });
      if (group.conflicts.length >= 2 * MAX_FINDING_CONFLICTS) group.conflicts = firstConflicts(group.conflicts);
      return group.id;
    },
    /** The findings so far, sorted by severity (errors first), then first date, then id. */
    findings(): Finding[] {
      const out: Finding[] = [];
      for (const group of groups.values()) {
        out.push({
          id: group.id,
          kind: group.kind,
          rule: group.rule,
          severity: group.severity,
          subjects: group.subjects,
          meetings: group.meetings,
          count: group.count,
          first: isoDate(group.first * DAY),
          last: isoDate(group.last * DAY),
          dates: group.firstDays.map((d) => isoDate(d * DAY)),
          dateCount: group.days.size,
          conflicts: firstConflicts(group.conflicts).map((c) => c.id),
          sample: group.sample,
        });
      }
      return out.sort(compareFindings);
    },
  };
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

/** Inserts a new day into the ascending list of the first {@link MAX_FINDING_DATES} days. */
function keepFirst(days: number[], day: number): void {
  if (days.length >= MAX_FINDING_DATES && day > (days[days.length - 1] as number)) return;
  let at = days.length;
  while (at > 0 && (days[at - 1] as number) > day) at--;
  days.splice(at, 0, day);
  if (days.length > MAX_FINDING_DATES) days.pop();
}

function firstConflicts(list: readonly { readonly start: number; readonly id: string }[]) {
  return [...list].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, MAX_FINDING_CONFLICTS);
}
