import { ScheduleError } from "./errors";
import { argDate, argLang, argLimits, argOptions, badArgument } from "./internal/args";
import { ensureSchedule, safeEnsureSchedule } from "./load/guard";
import { expandOccurrences, type ExpandOptions, type ExpandResult } from "./recurrence/expand";
import type { Occurrence } from "./recurrence/occurrence";
import type { Schedule } from "./schema/model";

/** The options of {@link expandSchedule}, checked. */
function expandOptions(options: unknown, where: string): ExpandOptions {
  const given = argOptions(options, where) as ExpandOptions;
  argLang(given.lang, where);
  argDate(given.from, `${where}: from`);
  argDate(given.to, `${where}: to`);
  argLimits(given.limits, where);
  if (given.adjust !== undefined && typeof given.adjust !== "function") badArgument(`${where}: adjust`, "a function", given.adjust);
  if (given.clockFor !== undefined && typeof given.clockFor !== "function") badArgument(`${where}: clockFor`, "a function", given.clockFor);
  return given;
}

/**
 * Expands every meeting of a schedule into its occurrences inside the horizon, sorted; returns
 * the issues instead when a series is too dense or the horizon is missing.
 *
 * @example
 * const result = safeExpandSchedule(schedule, { from: "2024-03-01", to: "2024-03-31" });
 */
export function safeExpandSchedule(schedule: Schedule, options: ExpandOptions = {}): ExpandResult {
  options = expandOptions(options, "safeExpandSchedule");
  const ensured = safeEnsureSchedule(schedule, "safeExpandSchedule: schedule", options.lang);
  if (!ensured.ok) return ensured;
  const result = expandOccurrences(ensured.schedule, options);
  return result.ok ? { ok: true, horizon: result.horizon, occurrences: result.occurrences } : result;
}

/**
 * Expands every meeting of a schedule into its occurrences inside the horizon, sorted by start.
 * Throws a {@link ScheduleError} when a series is too dense or no horizon is given.
 *
 * @example
 * const occurrences = expandSchedule(schedule, { from: "2024-01-01", to: "2024-12-31" });
 * occurrences[0]; // { meeting: "tt-hdnd-thuong-ky", start: 1704330000000, … }
 */
export function expandSchedule(schedule: Schedule, options: ExpandOptions = {}): Occurrence[] {
  options = expandOptions(options, "expandSchedule");
  const result = expandOccurrences(ensureSchedule(schedule, "expandSchedule: schedule", options.lang), options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.occurrences;
}
