import * as z from "zod";
import { scheduleFileSchema } from "./schedule";
import { ZONE_NAMES } from "./zones";

/** A JSON Schema document (draft 2020-12) as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of a schedule file, format version 1, generated from the zod
 * schemas: the shape only (fields, types, patterns, enums). References between ids, RRULE
 * syntax, time zones and the other semantic checks stay in `lichhop check`. The package ships
 * this document as `schema.json`, so editors validate and complete schedule files
 * (`# yaml-language-server: $schema=…`).
 *
 * @example
 * const schema = toJsonSchema();
 * schema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 */
export function toJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scheduleFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = stricter(generated) as Record<string, unknown>;
  return {
    $schema,
    title: "lichhop schedule file (format version 1)",
    description:
      "A province's meeting schedule for lichhop: bodies, people, rooms, meetings and rules. This schema checks the shape only; run `lichhop check` for references, RRULEs and time zones.",
    ...rest,
  };
}

/** A real month and day: 31 days in the long months, 30 in the short ones, 29 in February (every year). */
const MONTH_DAY = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))";
const DATE = `\\d{4}-${MONTH_DAY}`;
const TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?";

/** The patterns zod writes for dates and times, and the ones that also refuse days and times that cannot exist. */
const PATTERNS: Readonly<Record<string, string>> = {
  "^\\d{4}-\\d{2}-\\d{2}$": `^${DATE}$`,
  "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?$": `^${DATE}(?:T${TIME})?$`,
  "^(\\d{2})-(\\d{2})$": `^${MONTH_DAY}$`,
};

/** FREQ with one of its seven values somewhere in the rule, in any case, after an optional `RRULE:`. */
const RRULE =
  "^(?:[Rr][Rr][Uu][Ll][Ee]:)?(?:[^;]*;)*[Ff][Rr][Ee][Qq]=(?:[Ss][Ee][Cc][Oo][Nn][Dd][Ll][Yy]|[Mm][Ii][Nn][Uu][Tt][Ee][Ll][Yy]|[Hh][Oo][Uu][Rr][Ll][Yy]|[Dd][Aa][Ii][Ll][Yy]|[Ww][Ee][Ee][Kk][Ll][Yy]|[Mm][Oo][Nn][Tt][Hh][Ll][Yy]|[Yy][Ee][Aa][Rr][Ll][Yy])(?:;.*)?$";

/**
 * What the loader refuses and JSON Schema can say too, added to zod's shapes: dates that cannot
 * exist (by pattern: 2024-02-30, 2024-13-01, 25:00), `end` beside `duration`, a `repeat` without
 * a valid FREQ, and a `timezone` that is no known zone (by enum; the loader also takes old
 * aliases such as US/Pacific, which editors then flag). Pure: returns a new document.
 */
function stricter(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stricter);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "pattern" && typeof value === "string" ? (PATTERNS[value] ?? value) : stricter(value);
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined;
  if (out.type === "object" && properties) {
    if (properties.end && properties.duration) out.not = { properties: { end: {}, duration: {} }, required: ["end", "duration"] };
    if (properties.repeat?.type === "string") properties.repeat = { ...properties.repeat, pattern: RRULE };
    if (properties.timezone?.type === "string") properties.timezone = { ...properties.timezone, enum: ZONE_NAMES };
  }
  return out;
}
