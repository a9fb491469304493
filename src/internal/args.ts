import { UsageError } from "../errors";
import type { Limits } from "../limits";
import type { Lang } from "../messages";

// Checks of the arguments public functions receive: JavaScript callers (and TypeScript callers
// with `any`) can pass anything, and a wrong argument must end in a UsageError that says what was
// expected, never in a TypeError from deep inside.

/** A short description of a value for a message: `null`, `a list`, `number 3`, `"fr"`. */
export function describeArg(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "bytes (a Uint8Array or Buffer)";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/** Throws a {@link UsageError}: `where: expected what, got …`. */
export function badArgument(where: string, expected: string, value: unknown): never {
  throw new UsageError(`${where}: expected ${expected}, got ${describeArg(value)}`);
}

/** True for a plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An options argument: undefined gives `{}`; anything but an object is a {@link UsageError}. */
export function argOptions(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) badArgument(where, "an options object", value);
  return value;
}

/** A `lang` option: undefined, "vi" or "en". */
export function argLang(value: unknown, where: string): Lang | undefined {
  if (value === undefined || value === "vi" || value === "en") return value;
  return badArgument(`${where}: lang`, '"vi" or "en"', value);
}

/** An optional local date option `YYYY-MM-DD` (its existence is checked where it is used). */
export function argDate(value: unknown, where: string): string | undefined {
  if (value === undefined || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))) return value;
  return badArgument(where, "a date YYYY-MM-DD", value);
}

/** A `limits` option: each given bound a positive whole number. */
export function argLimits(value: unknown, where: string): Partial<Limits> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return badArgument(`${where}: limits`, "an object of limits", value);
  for (const [key, bound] of Object.entries(value)) {
    if (!["occurrencesPerSeries", "occurrences", "conflicts", "findings", "ruleSteps", "ruleChecks"].includes(key)) {
      badArgument(`${where}: limits.${key}`, "one of occurrencesPerSeries, occurrences, conflicts, findings, ruleSteps, ruleChecks", key);
    }
    if (bound !== undefined && !(Number.isSafeInteger(bound) && (bound as number) > 0))
      badArgument(`${where}: limits.${key}`, "a positive whole number", bound);
  }
  return value as Partial<Limits>;
}

/** A list argument. */
export function argList(value: unknown, where: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) badArgument(where, what, value);
  return value;
}

/** A report argument: the object `checkSchedule` returns (version 1, horizon, summary, conflicts). */
export function argReport<T>(value: T, where: string): T {
  const report = value as unknown;
  if (
    !isRecord(report) ||
    report.version !== 1 ||
    !isRecord(report.horizon) ||
    !isRecord(report.summary) ||
    !Array.isArray(report.conflicts) ||
    !report.conflicts.every((conflict) => isRecord(conflict) && typeof conflict.id === "string" && Array.isArray(conflict.occurrences))
  ) {
    badArgument(where, "a report (what checkSchedule returns: version 1, horizon, summary, conflicts)", value);
  }
  return value;
}

/** A list of issues (what `safeParseSchedule` returns when it fails). */
export function argIssues<T>(value: T, where: string): T {
  const list = value as unknown;
  if (
    !Array.isArray(list) ||
    !list.every(
      (issue) => isRecord(issue) && typeof issue.code === "string" && typeof issue.message === "string" && Array.isArray(issue.path),
    )
  ) {
    badArgument(where, "a list of issues ({ code, message, path, … })", value);
  }
  return value;
}
