import { toJsonSchema } from "../schema/json-schema";
import type { Output } from "./io";

/** The bytes of `schema.json`: the schedule file's JSON Schema, two-space indented, newline-terminated. */
export function schemaText(): string {
  return `${JSON.stringify(toJsonSchema(), null, 2)}\n`;
}

/** `lichhop schema`: prints the JSON Schema (draft 2020-12) of the schedule file. */
export function runSchema(out: Output): number {
  out.stdout(schemaText());
  return 0;
}
