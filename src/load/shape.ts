import * as z from "zod";
import { calendarConfigSchema } from "../calendar/work-calendar";
import type { Issue, IssuePath } from "../errors";
import { scheduleFileSchema, type ScheduleFile } from "../schema/schedule";
import type { Expected, ExpectedWord, Found } from "../messages";
import { issueFactory, type IssueContext } from "../source";
import { closest, hintBudget } from "./hints";

type AnySchema = z.core.$ZodType;

/** The schema that validates the value at `path`, following the data through unions. */
function schemaAt(schema: AnySchema, path: IssuePath, data: unknown): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  let value = data;
  for (let i = 0; i <= path.length && current; ) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") {
      current = def.innerType as AnySchema;
      continue;
    }
    if (def.type === "union" && def.discriminator !== undefined) {
      const kind = (value as { kind?: unknown } | undefined)?.kind;
      current = (def.options as AnySchema[]).find((option) => {
        const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
        const literal = shape?.kind?._zod.def as unknown as { values?: unknown[] } | undefined;
        return literal?.values?.includes(kind);
      });
      continue;
    }
    if (def.type === "union") {
      // A plain union (a membership: a body id or a mapping) follows the value's own type.
      const type = typeOfValue(value);
      current = (def.options as AnySchema[]).find((option) => option._zod.def.type === type);
      continue;
    }
    if (i === path.length) break;
    const key = path[i] as string | number;
    if (def.type === "object") current = (def.shape as Record<string, AnySchema>)[key];
    else if (def.type === "array") current = def.element as AnySchema;
    else if (def.type === "tuple") current = (def.items as AnySchema[])[key as number];
    else return undefined;
    value = (value as Record<string | number, unknown> | undefined)?.[key];
    i++;
  }
  return current;
}

/** The zod type name a value would match: `object`, `array`, `string`, `number`, …. */
function typeOfValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function keysAt(root: AnySchema, path: IssuePath, data: unknown): string[] {
  const schema = schemaAt(root, path, data);
  const def = schema?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

function describe(value: unknown): Found {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return { shape: "list" };
  if (typeof value === "object") return { shape: "mapping" };
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

const TYPE_WORDS: Readonly<Record<string, ExpectedWord>> = {
  string: "text",
  number: "number",
  int: "int",
  boolean: "boolean",
  array: "list",
  object: "mapping",
  tuple: "list",
};

/**
 * The English messages the schemas (`schema/schedule.ts`, the calendar's) give their checks, each
 * with the catalogue's words for it: issues say what was expected in the file's language.
 */
const SCHEMA_WORDS: ReadonlyMap<string, ExpectedWord> = new Map<string, ExpectedWord>([
  ["an id: lowercase letters, digits and '-', at most 64 characters", "id"],
  ["a date YYYY-MM-DD", "date"],
  ["expected a date YYYY-MM-DD", "date"],
  ["a date YYYY-MM-DD or a local time YYYY-MM-DDTHH:MM", "date-or-time"],
  ["an ISO 8601 duration such as PT1H30M or P1D", "duration"],
  ["a non-empty text", "non-empty-text"],
  ["an e-mail address", "email"],
  ["a domain name such as hdnd.langson.gov.vn", "domain"],
  ["a body id, or { body, from, to }", "membership"],
  ["expected a real date between 1900-01-01 and 2100-12-31", "supported-date"],
  ["expected a period HH:MM-HH:MM", "period"],
  ["expected HH:MM-HH:MM with a start before the end, within 00:00-24:00", "period-in-day"],
  ["a month-day MM-DD", "month-day"],
  ["a real month-day, 01-01 to 12-31 (02-29 included)", "existing-month-day"],
  ["working periods must not overlap", "separate-periods"],
  ["at most 366 seasons (they share no day)", "max-seasons"],
]);

/** What a schema check that failed expected, in the catalogue's words. */
function schemaExpected(zodMessage: string): Expected {
  const season = /^a season that shares no day with seasons\[(\d+)\] \((\S+) to (\S+)\)$/.exec(zodMessage);
  if (season) return { apartFrom: { index: Number(season[1]), from: season[2] as string, to: season[3] as string } };
  return {
    what: SCHEMA_WORDS.get(zodMessage) ?? (zodMessage.startsWith("a season that shares no day") ? "separate-seasons" : "valid-value"),
  };
}

/** The values a union of literals and enums allows (`checks.attendee`: error, warning, off, false), if it is one. */
function unionValues(zodIssue: z.core.$ZodIssue): (string | number | boolean)[] | undefined {
  if (zodIssue.code !== "invalid_union") return undefined;
  const values: (string | number | boolean)[] = [];
  for (const branch of zodIssue.errors) {
    for (const inner of branch) {
      if (inner.code !== "invalid_value" || inner.path.length > 0) return undefined;
      for (const value of inner.values)
        if (typeof value !== "object" && typeof value !== "bigint" && value !== undefined) values.push(value as string | number | boolean);
    }
  }
  return values.length > 0 ? values : undefined;
}

/** A branch of a union that failed on the value's type itself (a number where a text or a mapping goes). */
function isTypeMismatch(branch: readonly z.core.$ZodIssue[]): boolean {
  return branch.length === 1 && branch[0]?.code === "invalid_type" && branch[0].path.length === 0;
}

/** For a plain union that failed: the issues of the one branch whose type the value has, if one has. */
function matchingBranch(zodIssue: z.core.$ZodIssue): readonly z.core.$ZodIssue[] | undefined {
  if (zodIssue.code !== "invalid_union") return undefined;
  const typed = zodIssue.errors.filter((branch) => !isTypeMismatch(branch));
  return typed.length === 1 ? typed[0] : undefined;
}

/** A plain union none of whose branches takes the value's type. */
function noBranchTakes(zodIssue: z.core.$ZodIssue): boolean {
  return zodIssue.code === "invalid_union" && zodIssue.errors.length > 0 && zodIssue.errors.every(isTypeMismatch);
}

function isShown(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

const RULE_KINDS: Expected = { oneOf: ["no-overlap", "cadence", "lead-time"] };

/** Validates the shape once: the parsed file, or the issues found. */
export function checkShape(
  data: unknown,
  context: IssueContext,
): { file: ScheduleFile; issues?: never } | { file?: never; issues: Issue[] } {
  const result = scheduleFileSchema.safeParse(data);
  if (result.success) return { file: result.data };
  return { issues: shapeIssues(scheduleFileSchema, data, result.error.issues, context) };
}

/** A schedule file with only its `calendar:` section, for {@link calendarIssues}. */
const CALENDAR_SECTION = z.object({ calendar: calendarConfigSchema.optional() });

/**
 * The issues of a `calendar:` section, each at its field (`calendar.workingHours.periods.1`) with
 * its file, line and column, worded in the context's language; none when the section is valid.
 */
export function calendarIssues(config: unknown, context: IssueContext): Issue[] {
  const data = { calendar: config };
  const result = CALENDAR_SECTION.safeParse(data);
  return result.success ? [] : shapeIssues(CALENDAR_SECTION, data, result.error.issues, context);
}

/** The issues of `data`, which `root` refused with `zodIssues`, in the catalogue's words. */
function shapeIssues(root: AnySchema, data: unknown, zodIssues: readonly z.core.$ZodIssue[], context: IssueContext): Issue[] {
  const make = issueFactory(context);
  const hints = hintBudget();
  const issues: Issue[] = [];
  const report = (zodIssue: z.core.$ZodIssue, at: IssuePath): void => {
    const path = [...at, ...(zodIssue.path as (string | number)[])];
    const found = valueAt(data, path);
    const branch = matchingBranch(zodIssue);
    if (branch) {
      // A plain union whose value has the type of one branch: that branch's issues say what is wrong.
      for (const inner of branch) report(inner, path);
    } else if (zodIssue.code === "unrecognized_keys") {
      for (const key of zodIssue.keys) {
        const allowed = keysAt(root, path, data);
        const hint = closest(key, allowed, hints);
        issues.push(make("unknown-field", [...path, key], "unknown-field", { field: key, allowed: allowed.join(", "), hint }));
      }
    } else if (zodIssue.code === "invalid_type" && found === undefined) {
      const word = TYPE_WORDS[zodIssue.expected];
      const expected: Expected = word ? { what: word } : zodIssue.expected;
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_type") {
      const word = TYPE_WORDS[zodIssue.expected];
      const expected: Expected = word ? { what: word } : zodIssue.expected;
      issues.push(make("wrong-type", path, "wrong-type", { expected, found: describe(found) }));
    } else if (zodIssue.code === "invalid_union" && (zodIssue as { note?: string }).note === "No matching discriminator") {
      const kindPath = path[path.length - 1] === "kind" ? path : [...path, "kind"];
      const kind = valueAt(data, kindPath);
      issues.push(
        kind === undefined
          ? make("missing-field", path, "missing-field", { field: "kind", expected: RULE_KINDS })
          : make("invalid-value", kindPath, "invalid-value", { found: describe(kind), expected: RULE_KINDS }),
      );
    } else if (zodIssue.code === "invalid_value" && found === undefined) {
      const expected: Expected = { oneOf: zodIssue.values.filter(isShown) };
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_value") {
      const expected: Expected = { oneOf: zodIssue.values.filter(isShown) };
      issues.push(make("invalid-value", path, "invalid-value", { found: describe(found), expected }));
    } else {
      const values = unionValues(zodIssue);
      const expected: Expected = values ? { oneOf: values } : schemaExpected(zodIssue.message);
      issues.push(
        noBranchTakes(zodIssue)
          ? make("wrong-type", path, "wrong-type", { expected, found: describe(found) })
          : make("invalid-value", path, "invalid-value", { found: describe(found), expected }),
      );
    }
  };
  for (const zodIssue of zodIssues) report(zodIssue, []);
  return issues;
}
