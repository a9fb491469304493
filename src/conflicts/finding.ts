import type { Severity } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
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

/** The local date a conflict is filed under: its first occurrence's start in its zone, else its period's first day. */
export function conflictDate(conflict: Conflict, clockFor: (zone: string) => ZoneClock): string {
  const first = conflict.occurrences[0];
  if (first) return isoDate(clockFor(first.zone).toWall(first.start));
  return conflict.kind === "cadence" ? conflict.period.from : "";
}

interface Group {
  readonly id: string;
  readonly kind: ConflictKind;
  readonly rule: string | null;
  severity: Severity;
  readonly subjects: readonly string[];
  readonly meetings: readonly string[];
  count: number;
  first: string;
  last: string;
  readonly dates: Set<string>;
  /** Conflict ids with their sort keys; trimmed to the first {@link MAX_FINDING_CONFLICTS} now and then. */
  conflicts: { readonly start: number; readonly id: string }[];
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
      const date = conflictDate(conflict, clockFor);
      if (!group) {
        group = {
          id: findingId(key),
          kind: conflict.kind,
          rule: conflict.rule,
          severity: conflict.severity,
          subjects: [...conflict.subjects].sort(),
          meetings,
          count: 0,
          first: date,
          last: date,
          dates: new Set(),
          conflicts: [],
        };
        groups.set(key, group);
        keys.set(group.id, key);
      }
      group.count++;
      if (conflict.severity === "error") group.severity = "error";
      if (date < group.first) group.first = date;
      if (date > group.last) group.last = date;
      group.dates.add(date);
      const start = conflict.occurrences[0]?.start ?? Number.NEGATIVE_INFINITY;
      group.conflicts.push({ start, id: conflict.id });
      if (group.conflicts.length >= 2 * MAX_FINDING_CONFLICTS) group.conflicts = firstConflicts(group.conflicts);
      return group.id;
    },
    /** The findings so far, sorted by severity (errors first), then first date, then id. */
    findings(): Finding[] {
      const out: Finding[] = [];
      for (const group of groups.values()) {
        const dates = [...group.dates].sort();
        out.push({
          id: group.id,
          kind: group.kind,
          rule: group.rule,
          severity: group.severity,
          subjects: group.subjects,
          meetings: group.meetings,
          count: group.count,
          first: group.first,
          last: group.last,
          dates: dates.slice(0, MAX_FINDING_DATES),
          dateCount: dates.length,
          conflicts: firstConflicts(group.conflicts).map((c) => c.id),
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

function firstConflicts(list: readonly { readonly start: number; readonly id: string }[]) {
  return [...list].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, MAX_FINDING_CONFLICTS);
}
