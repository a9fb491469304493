import type { IssuePath } from "../errors";
import type { ScheduleFile } from "./schedule";

/** A 1-based line and column in a schedule file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where a schedule came from: the file name and the position of every field in it. */
export interface ScheduleSource {
  readonly file?: string;
  /** Positions keyed by the field's path joined with "." (e.g. `meetings.2.start`). */
  readonly positions: Readonly<Record<string, SourcePosition>>;
}

/**
 * A validated schedule: the file's content with every reference resolved and checked, plus where
 * each field stands in its source file.
 */
export type Schedule = ScheduleFile & { readonly source: ScheduleSource };

/** The default zone of a schedule without `timezone`. */
export const DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

/** The zone a schedule's dates are read in. */
export function scheduleZone(schedule: Pick<ScheduleFile, "timezone">): string {
  return schedule.timezone ?? DEFAULT_ZONE;
}

/**
 * The position of a path, or of its closest parent that has one.
 *
 * @example
 * positionOf(schedule.source, ["meetings", 2, "start"]); // { line: 31, column: 5 }
 */
export function positionOf(source: ScheduleSource, path: IssuePath): SourcePosition | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = source.positions[path.slice(0, n).join(".")];
    if (found) return found;
  }
  return undefined;
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
  freezeDeep(schedule);
  return schedule;
}

/** True for a schedule that {@link sealSchedule} marked (parseSchedule, validateSchedule, mergeSchedules give only such). */
export function isSealedSchedule(value: unknown): value is Schedule {
  return typeof value === "object" && value !== null && Object.isFrozen(value) && (value as Record<symbol, unknown>)[SEALED] === true;
}
