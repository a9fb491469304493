import { ScheduleError, type Issue } from "../errors";
import { badArgument, isRecord } from "../internal/args";
import type { Lang } from "../messages";
import { isSealedSchedule, type Schedule, type ScheduleSource } from "../schema/model";
import { validateValue } from "./validate";

function isSource(value: unknown): value is ScheduleSource {
  return isRecord(value) && isRecord(value.positions) && (value.file === undefined || typeof value.file === "string");
}

/**
 * The schedule a public function was given, validated: a schedule from `parseSchedule`,
 * `validateSchedule` or `mergeSchedules` as it is (it is frozen, so still valid); any other object
 * of the file's shape (a copy with a changed field, a hand-built object) is validated now.
 * Returns the issues when it is not a valid schedule; anything but an object is a UsageError.
 */
export function safeEnsureSchedule(
  value: unknown,
  where: string,
  lang: Lang | undefined,
): { ok: true; schedule: Schedule } | { ok: false; issues: Issue[] } {
  if (isSealedSchedule(value)) return { ok: true, schedule: value };
  if (!isRecord(value)) return badArgument(where, "a schedule (what parseSchedule or validateSchedule returns)", value);
  const { source, ...file } = value;
  const locale = file.locale === "en" ? "en" : "vi";
  return validateValue(file, { lang: lang ?? locale, source: isSource(source) ? source : { positions: {} } });
}

/** {@link safeEnsureSchedule} that throws a {@link ScheduleError} holding the issues. */
export function ensureSchedule(value: unknown, where: string, lang: Lang | undefined): Schedule {
  const result = safeEnsureSchedule(value, where, lang);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}
