import { ScheduleError, type Issue } from "../errors";
import { message, type Lang } from "../messages";
import type { Schedule } from "../schema/model";
import { splitPath, type MergedPosition, type ScheduleSource, type SourcePosition } from "../source";
import { readScheduleText } from "./parse";
import { validateValue, type ScheduleResult } from "./validate";
import { sourceTexts, type SourceText } from "./sources";
import { argLang, argList, argOptions, badArgument } from "../internal/args";

/** One schedule file to merge: its text and the name shown in issues. */
export interface ScheduleText {
  readonly text: string;
  readonly filename: string;
  /** The texts of this file's `sources:` (.ics files), keyed by the path as this file writes it. */
  readonly sources?: Readonly<Record<string, SourceText>>;
}

/** Options for {@link safeMergeSchedules}. */
export interface MergeOptions {
  /** The language of issue messages; defaults to the files' `locale`, else Vietnamese. */
  readonly lang?: Lang;
}

/** The lists that files add to; everything else at the top level is a setting. */
const LISTS = ["bodies", "people", "rooms", "meetings", "rules", "sources"] as const;
/** Settings that must be given once or agree in every file that gives them. */
const SETTINGS = ["timezone", "horizon", "locale", "calendar", "checks", "feeds"] as const;

interface ReadFile {
  readonly filename: string;
  readonly data: unknown;
  readonly positions: Readonly<Record<string, SourcePosition>>;
}

/** Parses one file like `safeParseSchedule` does, without validating it. */
function readFile(input: ScheduleText, lang: Lang): ReadFile | Issue[] {
  const read = readScheduleText(input.text, { filename: input.filename, lang });
  return read.ok ? { filename: input.filename, data: read.data, positions: read.positions } : read.issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys, so settings written in a different key order still agree. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Merges schedule files kept per body (one file each for HĐND, UBND…) into one schedule and
 * validates it as a whole: references may cross files; ids must be unique across files; the
 * settings (`timezone`, `horizon`, `locale`, `calendar`, `checks`, `feeds`) are given once or agree,
 * else an issue names both files. Every issue names the file, line, column and file-local path it
 * belongs to. Never throws on bad input.
 *
 * @example
 * const result = safeMergeSchedules([
 *   { filename: "hdnd.yaml", text: hdndText },
 *   { filename: "ubnd.yaml", text: ubndText },
 * ]);
 * if (result.ok) checkSchedule(result.schedule);
 */
export function safeMergeSchedules(inputs: readonly ScheduleText[], options: MergeOptions = {}): ScheduleResult {
  argLang(argOptions(options, "mergeSchedules").lang, "mergeSchedules");
  const list = argList(inputs, "mergeSchedules: files", "a list of { filename, text }");
  if (list.length === 0) badArgument("mergeSchedules: files", "at least one { filename, text }", inputs);
  list.forEach((input, index) => {
    if (!isRecord(input) || typeof input.filename !== "string" || typeof input.text !== "string") {
      badArgument(`mergeSchedules: files[${index}]`, "{ filename: string, text: string }", input);
    }
  });
  const guessLang: Lang = options.lang ?? "vi";
  const issues: Issue[] = [];
  const files: ReadFile[] = [];
  for (const input of inputs) {
    const read = readFile(input, guessLang);
    if (Array.isArray(read)) issues.push(...read);
    else files.push(read);
  }
  const firstLocale = files.map((f) => (isRecord(f.data) ? f.data.locale : undefined)).find((l) => l !== undefined);
  const lang: Lang = options.lang ?? (firstLocale === "en" ? "en" : "vi");

  const merged: Record<string, unknown> = {};
  const positions: Record<string, MergedPosition> = {};
  const owner = new Map<string, ReadFile>();
  const place = (file: ReadFile, local: string, mergedPath: string) => {
    const at = file.positions[local];
    if (at) positions[mergedPath] = { line: at.line, column: at.column, file: file.filename, path: local };
  };
  const copyPositions = (file: ReadFile, localPrefix: string, mergedPrefix: string) => {
    for (const key of Object.keys(file.positions)) {
      if (key === localPrefix || key.startsWith(`${localPrefix}.`)) place(file, key, mergedPrefix + key.slice(localPrefix.length));
    }
  };
  const issueAt = (file: ReadFile, local: string, code: Issue["code"], text: string): Issue => {
    const at = file.positions[local] ?? file.positions[""];
    return { code, message: text, path: splitPath(local), file: file.filename, ...(at ? { line: at.line, column: at.column } : {}) };
  };

  for (const file of files) {
    if (!isRecord(file.data)) {
      issues.push(issueAt(file, "", "wrong-type", message(lang, "not-a-mapping")));
      continue;
    }
    if (positions[""] === undefined) place(file, "", "");
    for (const [key, value] of Object.entries(file.data)) {
      if ((LISTS as readonly string[]).includes(key) && Array.isArray(value)) {
        const existing = merged[key];
        if (existing === undefined || Array.isArray(existing)) {
          const list = (existing as unknown[] | undefined) ?? [];
          if (existing === undefined) {
            merged[key] = list;
            owner.set(key, file);
            place(file, key, key);
          }
          value.forEach((item, index) => {
            copyPositions(file, `${key}.${index}`, `${key}.${list.length}`);
            list.push(item);
          });
          continue;
        }
      }
      const first = owner.get(key);
      // A list that is not a list (or the first value of a setting) is taken as is, so validation names its file.
      if (first === undefined || ((LISTS as readonly string[]).includes(key) && Array.isArray(merged[key]))) {
        merged[key] = value;
        owner.set(key, file);
        for (const stale of Object.keys(positions)) if (stale === key || stale.startsWith(`${key}.`)) delete positions[stale];
        copyPositions(file, key, key);
        continue;
      }
      if (key === "version" || (SETTINGS as readonly string[]).includes(key)) {
        if (canonical(value) !== canonical(merged[key])) {
          issues.push(
            issueAt(
              file,
              key,
              key === "version" ? "invalid-value" : "conflicting-fields",
              message(lang, "setting-differs", {
                field: key,
                first: first.filename,
                firstLine: first.positions[key]?.line,
                second: file.filename,
                secondLine: file.positions[key]?.line,
              }),
            ),
          );
        }
      }
    }
    if (file.data.version === undefined) {
      issues.push(issueAt(file, "", "missing-field", message(lang, "missing-field", { field: "version", expected: { oneOf: [1] } })));
    }
  }

  // Ids unique across files (duplicates inside one file are left to validation, which names the line).
  for (const list of LISTS) {
    const items = merged[list];
    if (!Array.isArray(items)) continue;
    const seen = new Map<string, MergedPosition>();
    items.forEach((item, index) => {
      const id = isRecord(item) ? item.id : undefined;
      const at = positions[`${list}.${index}`];
      if (typeof id !== "string" || !at) return;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, at);
      } else if (first.file !== at.file) {
        const idAt = positions[`${list}.${index}.id`] ?? at;
        issues.push({
          code: "duplicate-id",
          message: message(lang, "duplicate-across", { id, file: first.file, line: first.line }),
          path: [...splitPath(at.path), "id"],
          file: at.file,
          line: idAt.line,
          column: idAt.column,
        });
      }
    });
  }

  if (files.length === 0) return { ok: false, issues };
  const source: ScheduleSource = { positions };
  const texts = new Map<string, SourceText>();
  for (const input of inputs) for (const [path, text] of sourceTexts(input.filename, input.sources)) texts.set(path, text);
  const result = validateValue(merged, { lang, source, sourceTexts: texts });
  if (result.ok && issues.length === 0) return result;
  const validation = result.ok ? [] : result.issues;
  const kept = validation.filter(
    (issue) =>
      !(issue.code === "duplicate-id" && issues.some((own) => own.file === issue.file && own.line === issue.line)) &&
      !(issue.code === "missing-field" && issue.path.length === 1 && issue.path[0] === "version"),
  );
  return { ok: false, issues: [...issues, ...kept] };
}

/**
 * Merges schedule files into one schedule; throws a {@link ScheduleError} holding every issue.
 * See {@link safeMergeSchedules}.
 *
 * @example
 * const schedule = mergeSchedules([{ filename: "hdnd.yaml", text }, { filename: "ubnd.yaml", text: other }]);
 */
export function mergeSchedules(inputs: readonly ScheduleText[], options: MergeOptions = {}): Schedule {
  const result = safeMergeSchedules(inputs, options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}
