import { CORE_SCHEMA, load, YAMLException, type LoadOptions } from "js-yaml";
import { ScheduleError, UsageError, type Issue } from "../errors";
import { message, type Lang } from "../messages";
import type { Schedule, SourcePosition } from "../schema/model";
import { PositionCollector } from "./internal/positions";
import { decodeScheduleBytes } from "./decode";
import { validateValue, type ScheduleResult } from "./validate";
import { argLang, argOptions, badArgument, isRecord } from "../internal/args";
import { sourceTexts, type SourceText } from "./sources";

/** Options for reading a schedule. */
export interface ParseOptions {
  /** The file name shown in issues (`examples/lang-son-2024.yaml`). */
  readonly filename?: string;
  /** The language of issue messages; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
  /**
   * The texts of the file's `sources:` (.ics files), keyed by the path as the file writes it
   * (`./ubnd.ics`): the library reads no files, the caller does.
   */
  readonly sources?: Readonly<Record<string, SourceText>>;
}

/**
 * The most YAML aliases a file may use, counting the aliases inside an aliased node once per use
 * of that node: guards against alias bombs.
 */
const MAX_ALIASES = 100;

function detectLang(data: unknown, options: ParseOptions): Lang {
  if (options.lang) return options.lang;
  const locale = (data as { locale?: unknown } | null)?.locale;
  return locale === "en" ? "en" : "vi";
}

/** A schedule file read but not yet validated: its value and the position of every field. */
export type ReadResult = { ok: true; data: unknown; positions: Record<string, SourcePosition> } | { ok: false; issues: Issue[] };

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
  const base = file === undefined ? {} : { file };
  const collector = new PositionCollector(text.charCodeAt(0) === 0xfeff);
  let data: unknown;
  try {
    // The core schema, as `yaml` reads by default: 2024-01-01 stays a string, `<<` is a plain key.
    // Duplicate keys are errors.
    data = load(text, { schema: CORE_SCHEMA, listener: collector.listener as unknown as NonNullable<LoadOptions["listener"]> });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const { line, column } = collector.errorPosition(error);
    const detail = error.reason || (error.message.split("\n")[0] ?? error.message);
    return {
      ok: false,
      issues: [{ code: "yaml-syntax", message: message(lang, "yaml-syntax", { format, detail }), path: [], ...base, line, column }],
    };
  }
  // An anchor and its aliases share one value: the guard bounds how many times validation meets
  // a shared value, and refuses recursive aliases (a value that contains itself).
  if (collector.tooManyAliases(MAX_ALIASES)) {
    return {
      ok: false,
      issues: [{ code: "too-many-aliases", message: message(lang, "too-many-aliases"), path: [], ...base, line: 1, column: 1 }],
    };
  }
  return { ok: true, data: data ?? {}, positions: collector.positions };
}

/** The type of a wrong argument, as a message names it: `number`, `null`, `ArrayBuffer`. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}

/** Checks the options of the parse and validate functions. */
function parseOptions(options: unknown, where: string): void {
  const given = argOptions(options, where);
  argLang(given.lang, where);
  if (given.filename !== undefined && typeof given.filename !== "string") badArgument(`${where}: filename`, "a text", given.filename);
  if (given.sources !== undefined) {
    const ok =
      isRecord(given.sources) &&
      Object.values(given.sources).every(
        (text) => typeof text === "string" || text instanceof Uint8Array || (isRecord(text) && "failure" in text),
      );
    if (!ok)
      badArgument(`${where}: sources`, "an object of .ics texts (strings or bytes) keyed by the paths the file writes", given.sources);
  }
}

/**
 * Reads a schedule file (YAML or JSON) and returns the schedule, or every issue found, each with
 * its file, line, column and field path. Never throws on bad input. The file may be given as its
 * text or as its bytes (a `Uint8Array`, such as a Node `Buffer`): bytes must be UTF-8, with or
 * without a byte order mark, else the result is a `bad-encoding` issue (see
 * {@link decodeScheduleBytes}). Anything else is misuse: a {@link UsageError} is thrown.
 *
 * @example
 * const result = safeParseSchedule(readFileSync("lich.yaml"), { filename: "lich.yaml" });
 * if (!result.ok) for (const issue of result.issues) console.log(issue.line, issue.message);
 */
export function safeParseSchedule(input: string | Uint8Array, options: ParseOptions = {}): ScheduleResult {
  parseOptions(options, "parseSchedule");
  let text: string;
  if (typeof input === "string") text = input;
  else if (input instanceof Uint8Array) {
    const decoded = decodeScheduleBytes(input, options);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  } else {
    throw new UsageError(`parseSchedule: expected a schedule file's text (a string) or bytes (a Uint8Array), got ${kindOf(input)}`);
  }
  const read = readScheduleText(text, options);
  if (!read.ok) return read;
  const lang = detectLang(read.data, options);
  const source = options.filename === undefined ? { positions: read.positions } : { file: options.filename, positions: read.positions };
  return validateValue(read.data, { lang, source, sourceTexts: sourceTexts(options.filename, options.sources) });
}

/**
 * Reads a schedule file (YAML or JSON), given as its text or its UTF-8 bytes; throws a
 * {@link ScheduleError} holding every issue (`bad-encoding` for bytes that are not UTF-8), or a
 * {@link UsageError} for an argument that is neither a string nor a `Uint8Array`.
 *
 * @example
 * const schedule = parseSchedule(readFileSync("lich.yaml"), { filename: "lich.yaml" });
 */
export function parseSchedule(input: string | Uint8Array, options: ParseOptions = {}): Schedule {
  const result = safeParseSchedule(input, options);
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
  parseOptions(options, "validateSchedule");
  return validateValue(value, {
    lang: detectLang(value, options),
    source: { positions: {} },
    sourceTexts: sourceTexts(undefined, options.sources),
  });
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
