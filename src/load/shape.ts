import type { z } from "zod";
import type { Issue, IssuePath } from "../errors";
import { scheduleFileSchema, type ScheduleFile } from "../schema/schedule";
import { issueFactory, type IssueContext } from "../source";

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
    if (def.type === "union") {
      const kind = (value as { kind?: unknown } | undefined)?.kind;
      current = (def.options as AnySchema[]).find((option) => {
        const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
        const literal = shape?.kind?._zod.def as unknown as { values?: unknown[] } | undefined;
        return literal?.values?.includes(kind);
      });
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

function keysAt(path: IssuePath, data: unknown): string[] {
  const schema = schemaAt(scheduleFileSchema, path, data);
  const def = schema?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  tuple: "a list",
};

/** Validates the shape once: the parsed file, or the issues found. */
export function checkShape(
  data: unknown,
  context: IssueContext,
): { file: ScheduleFile; issues?: never } | { file?: never; issues: Issue[] } {
  const result = scheduleFileSchema.safeParse(data);
  if (result.success) return { file: result.data };
  const make = issueFactory(context);
  const issues: Issue[] = [];
  for (const zodIssue of result.error.issues) {
    const path = zodIssue.path as (string | number)[];
    const found = valueAt(data, path);
    if (zodIssue.code === "unrecognized_keys") {
      for (const key of zodIssue.keys) {
        issues.push(make("unknown-field", [...path, key], "unknown-field", { field: key, allowed: keysAt(path, data).join(", ") }));
      }
    } else if (zodIssue.code === "invalid_type" && found === undefined) {
      const expected = TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected;
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_type") {
      const expected = TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected;
      issues.push(make("wrong-type", path, "wrong-type", { expected, found: describe(found) }));
    } else if (zodIssue.code === "invalid_union" && (zodIssue as { note?: string }).note === "No matching discriminator") {
      const kindPath = path[path.length - 1] === "kind" ? path : [...path, "kind"];
      const kind = valueAt(data, kindPath);
      issues.push(
        kind === undefined
          ? make("missing-field", path, "missing-field", { field: "kind", expected: "no-overlap, cadence or lead-time" })
          : make("invalid-value", kindPath, "invalid-value", { found: describe(kind), expected: "no-overlap, cadence or lead-time" }),
      );
    } else if (zodIssue.code === "invalid_value" && found === undefined) {
      const expected = zodIssue.values.map((v) => JSON.stringify(v)).join(", ");
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_value") {
      const expected = zodIssue.values.map((v) => JSON.stringify(v)).join(", ");
      issues.push(make("invalid-value", path, "invalid-value", { found: describe(found), expected: `one of ${expected}` }));
    } else {
      issues.push(make("invalid-value", path, "invalid-value", { found: describe(found), expected: zodIssue.message }));
    }
  }
  return { issues };
}
