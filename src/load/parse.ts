import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { ScheduleError, type Issue } from "../errors";
import { message, type Lang } from "../report/messages";
import type { Schedule, SourcePosition } from "../schema/model";
import { validateValue, type ScheduleResult } from "./validate";

/** Options for reading a schedule. */
export interface ParseOptions {
  /** The file name shown in issues (`examples/lang-son-2024.yaml`). */
  readonly filename?: string;
  /** The language of issue messages; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
}

/** The most YAML aliases a file may expand: guards against alias bombs. */
const MAX_ALIASES = 100;

function detectLang(data: unknown, options: ParseOptions): Lang {
  if (options.lang) return options.lang;
  const locale = (data as { locale?: unknown } | null)?.locale;
  return locale === "en" ? "en" : "vi";
}

function collectPositions(root: Node | null, lineCounter: LineCounter): Record<string, SourcePosition> {
  const positions: Record<string, SourcePosition> = {};
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const visit = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = path === "" ? key : `${path}.${key}`;
        const range = (pair.key as Node | null)?.range ?? (pair.value as Node | null)?.range;
        if (range) positions[childPath] = at(range[0]);
        visit(pair.value, childPath);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const childPath = path === "" ? String(index) : `${path}.${index}`;
        const range = (item as Node | null)?.range;
        if (range) positions[childPath] = at(range[0]);
        visit(item, childPath);
      });
    }
  };
  if (root?.range) positions[""] = at(root.range[0]);
  visit(root, "");
  return positions;
}

/** A schedule file read but not yet validated: its value and the position of every field. */
export type ReadResult =
  | { ok: true; data: unknown; positions: Record<string, SourcePosition> }
  | { ok: false; issues: Issue[] };

/**
 * Reads YAML or JSON text into a plain value and the position of every field, without
 * validating it. Syntax errors and alias bombs come back as issues.
 *
 * @example
 * const read = readScheduleText("version: 1\n", { filename: "lich.yaml" });
 */
export function readScheduleText(text: string, options: ParseOptions = {}): ReadResult {
  const file = options.filename;
  const format = file?.toLowerCase().endsWith(".json") ? "JSON" : "YAML";
  const lang = options.lang ?? "vi";
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const base = file === undefined ? {} : { file };
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const detail = error.message.split("\n")[0] ?? error.message;
      return { code: "yaml-syntax", message: message(lang, "yaml-syntax", { format, detail }), path: [], ...base, line, column: col };
    });
    return { ok: false, issues };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return { ok: false, issues: [{ code: "too-many-aliases", message: message(lang, "too-many-aliases"), path: [], ...base, line: 1, column: 1 }] };
  }
  return { ok: true, data: data ?? {}, positions: collectPositions(doc.contents as Node | null, lineCounter) };
}

/**
 * Reads a schedule file (YAML or JSON) and returns the schedule, or every issue found, each with
 * its file, line, column and field path. Never throws on bad input.
 *
 * @example
 * const result = safeParseSchedule(text, { filename: "lich.yaml" });
 * if (!result.ok) for (const issue of result.issues) console.log(issue.line, issue.message);
 */
export function safeParseSchedule(text: string, options: ParseOptions = {}): ScheduleResult {
  const read = readScheduleText(text, options);
  if (!read.ok) return read;
  const lang = detectLang(read.data, options);
  const source = options.filename === undefined ? { positions: read.positions } : { file: options.filename, positions: read.positions };
  return validateValue(read.data, { lang, source });
}

/**
 * Reads a schedule file (YAML or JSON); throws a {@link ScheduleError} holding every issue.
 *
 * @example
 * const schedule = parseSchedule(readFileSync("lich.yaml", "utf8"), { filename: "lich.yaml" });
 */
export function parseSchedule(text: string, options: ParseOptions = {}): Schedule {
  const result = safeParseSchedule(text, options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}

/**
 * Validates a schedule given as a plain object (the shape of the file); issues carry paths but
 * no positions. Returns the result instead of throwing.
 *
 * @example
 * const result = safeValidateSchedule({ version: 1, meetings: [] });
 */
export function safeValidateSchedule(value: unknown, options: Omit<ParseOptions, "filename"> = {}): ScheduleResult {
  return validateValue(value, { lang: detectLang(value, options), source: { positions: {} } });
}

/**
 * Validates a schedule given as a plain object; throws a {@link ScheduleError} holding every issue.
 *
 * @example
 * const schedule = validateSchedule(JSON.parse(text));
 */
export function validateSchedule(value: unknown, options: Omit<ParseOptions, "filename"> = {}): Schedule {
  const result = safeValidateSchedule(value, options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}
