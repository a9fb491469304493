import type { Occurrence } from "../recurrence/occurrence";
import type { DayOff } from "../calendar/holidays";
import type { Period, WeeklyRestDay } from "../calendar/work-calendar";
import type { CadenceRule, CheckLevel, Severity } from "../schema/schedule";

/** What every conflict has, whatever its kind. */
interface ConflictBase {
  /** Stable fingerprint (see `conflictFingerprint`). */
  readonly id: string;
  readonly severity: Severity;
  /** The people or room shared (attendee, room); empty for the other kinds. */
  readonly subjects: readonly string[];
  /** The occurrences involved, sorted by start. */
  readonly occurrences: readonly Occurrence[];
  /** The shared interval (epoch ms), or null when nothing overlaps. */
  readonly overlap: { readonly start: number; readonly end: number } | null;
}

/** Two occurrences a `no-overlap` rule keeps apart that overlap or come closer than its gap. */
export interface RuleConflict extends ConflictBase {
  readonly kind: "rule";
  /** The rule's id. */
  readonly rule: string;
  /** The rule's `minGap` in ms, when it has one. */
  readonly gap?: number;
  /** The rule's `scope` when it is wider than the exact times: occurrences in the same half-day or day clash. */
  readonly scope?: "half-day" | "day";
}

/** Two overlapping occurrences sharing people (`subjects`). */
export interface AttendeeConflict extends ConflictBase {
  readonly kind: "attendee";
  readonly rule: null;
}

/** Two overlapping occurrences in the same room (`subjects`). */
export interface RoomConflict extends ConflictBase {
  readonly kind: "room";
  readonly rule: null;
}

/** An occurrence touching a day that is not a working day (the first such day). */
export interface DayOffConflict extends ConflictBase {
  readonly kind: "day-off";
  readonly rule: null;
  /** The day off, a local date `YYYY-MM-DD` in the meeting's zone. */
  readonly date: string;
  /** The day off as the working calendar gives it: its kind and its name in Vietnamese and English. */
  readonly dayOff: DayOff | WeeklyRestDay;
}

/** A timed occurrence starting before the day's first working period or ending after its last. */
export interface WorkingHoursConflict extends ConflictBase {
  readonly kind: "working-hours";
  readonly rule: null;
  /** The working day's hours: the first period's start and the last one's end of that date (its season's periods, when it is in one), minutes from local midnight. */
  readonly hours: Period;
  /** The working periods of that day, in order (the lunch break lies between them). */
  readonly periods: readonly Period[];
}

/** A period with too few or too many occurrences for a `cadence` rule; `occurrences` are those counted. */
export interface CadenceConflict extends ConflictBase {
  readonly kind: "cadence";
  /** The rule's id. */
  readonly rule: string;
  /** The period judged: local dates `YYYY-MM-DD`, inclusive. */
  readonly period: { readonly from: string; readonly to: string };
  /** The rule's kind of period. */
  readonly per: CadenceRule["per"];
  /** The occurrences counted in the period. */
  readonly count: number;
  /** The rule's bounds on the count, each when it has one. */
  readonly min?: number;
  readonly max?: number;
}

/** A `lead-time` target occurrence (the only one in `occurrences`) with no `before` occurrence starting in its window. */
export interface LeadTimeConflict extends ConflictBase {
  readonly kind: "lead-time";
  /** The rule's id. */
  readonly rule: string;
  /** Where a `before` occurrence should have started: instants (epoch ms), both ends inclusive. */
  readonly window: { readonly from: number; readonly to: number };
  /** The rule's `min` and `max`, ISO 8601 durations as written. */
  readonly min: string;
  readonly max: string;
}

/**
 * A conflict found in the occurrences, before it is rendered into a report: plain data,
 * discriminated on `kind`, each kind with its own facts (the report words them).
 */
export type Conflict =
  | RuleConflict
  | AttendeeConflict
  | RoomConflict
  | DayOffConflict
  | WorkingHoursConflict
  | CadenceConflict
  | LeadTimeConflict;

/** The kinds of conflict lichhop reports. */
export type ConflictKind = Conflict["kind"];

/** The severity a check level gives, or undefined when the check is off. */
export function levelSeverity(level: CheckLevel | undefined, fallback: Severity | "off"): Severity | undefined {
  const value = level ?? fallback;
  return value === false || value === "off" ? undefined : value;
}
