/**
 * One occurrence of a meeting. Times are instants in epoch milliseconds; the half-open interval
 * `[start, end)` is what overlaps. `recurrenceId` names the occurrence for good: it is the
 * original local start (floating ms: UTC fields hold the wall time), kept when the occurrence
 * is moved.
 */
export interface Occurrence {
  /** The meeting's id. */
  readonly meeting: string;
  /** The original local start as floating ms (the iCalendar RECURRENCE-ID). */
  readonly recurrenceId: number;
  /** Start instant, epoch ms. */
  readonly start: number;
  /** End instant, epoch ms (exclusive). */
  readonly end: number;
  /** True for an all-day occurrence: `[local midnight, midnight N days later)`. */
  readonly allDay: boolean;
  /** The IANA zone of the meeting. */
  readonly zone: string;
  readonly title: string;
  readonly bodies: readonly string[];
  /** The people who attend, by id: a body named among a meeting's attendees is replaced by its members. */
  readonly attendees: readonly string[];
  readonly room: string | undefined;
  readonly tags: readonly string[];
  /** `scheduled` as the rule gives it, `changed` (title, room or people) or `moved` (new times). */
  readonly status: "scheduled" | "changed" | "moved";
  /** Index of the `changes[]` entry applied, if any. */
  readonly change: number | undefined;
  /**
   * A `changes` entry's `status`: `postponed` (hoãn) or `cancelled` (hủy). The occurrence is still
   * listed (the weekly work schedule and the calendar report mark it) but not held at its time:
   * no check counts it, free-time searches see its time as free, and the feeds publish it with
   * `STATUS:CANCELLED`. Undefined for an occurrence that takes place.
   */
  readonly withdrawn?: "postponed" | "cancelled" | undefined;
}

/** True for an occurrence that takes place: not postponed or cancelled by its change's `status`. */
export function isHeld(occurrence: Occurrence): boolean {
  return occurrence.withdrawn === undefined;
}

/** The span of time checked: inclusive local dates and the instants they cover. */
export interface Horizon {
  /** First local date, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last local date, inclusive. */
  readonly to: string;
  /** `from` 00:00 in the schedule's zone, epoch ms. */
  readonly start: number;
  /** The day after `to`, 00:00 in the schedule's zone, epoch ms (exclusive). */
  readonly end: number;
}
