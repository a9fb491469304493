import type { Occurrence } from "../recurrence/occurrence";
import type { CheckLevel, Severity } from "../schema/schedule";

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
