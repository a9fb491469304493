import type { ScheduleSource } from "../source";
import type { ScheduleFile } from "./schedule";

export type { ScheduleSource, SourcePosition } from "../source";

/**
 * A validated schedule: the file's content with every reference resolved and checked, plus where
 * each field stands in its source file.
 */
export interface Schedule extends ScheduleFile {
  /** Where the schedule came from: its files, the positions of its fields, its sources' warnings. */
  readonly source: ScheduleSource;
}

/** The default zone of a schedule without `timezone`. */
export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/** The zone a schedule's dates are read in. */
export function scheduleZone(schedule: Pick<ScheduleFile, "timezone">): string {
  return schedule.timezone ?? DEFAULT_ZONE;
}

/** Marks a schedule validated; `Symbol.for`, so every copy of the library knows the mark. */
const SEALED = Symbol.for("lichhop.validated-schedule");

function freezeDeep(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) freezeDeep(item);
}

/**
 * Freezes a just-validated schedule, deeply, and marks it validated: functions that take a
 * schedule then trust it without validating it again, since nothing in it can have changed.
 */
export function sealSchedule(schedule: Schedule): Schedule {
  Object.defineProperty(schedule, SEALED, { value: true, enumerable: false });
  // The source only places messages: its positions (one per field, hundreds of thousands in a
  // large file) are left as they are, everything that decides validity is frozen.
  for (const [key, value] of Object.entries(schedule)) if (key !== "source") freezeDeep(value);
  Object.freeze(schedule);
  return schedule;
}

/** True for a schedule that {@link sealSchedule} marked (parseSchedule, validateSchedule, mergeSchedules give only such). */
export function isSealedSchedule(value: unknown): value is Schedule {
  return typeof value === "object" && value !== null && Object.isFrozen(value) && (value as Record<symbol, unknown>)[SEALED] === true;
}
