import * as z from "zod";
import { scheduleFileSchema } from "./schedule";

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
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "lichhop schedule file (format version 1)",
    description:
      "A province's meeting schedule for lichhop: bodies, people, rooms, meetings and rules. This schema checks the shape only; run `lichhop check` for references, RRULEs and time zones.",
    ...rest,
  };
}
