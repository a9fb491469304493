import type { Issue, IssueCode, IssuePath } from "./errors";
import { message, type Lang, type MessageId, type ParamsArg } from "./messages";

/** A 1-based line and column in a schedule file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A position in a merged schedule: the file it is in and the field's path inside that file
 * (dotted, e.g. `meetings.3.start`), which differs from the merged path when lists were joined.
 */
export interface MergedPosition extends SourcePosition {
  readonly file: string;
  readonly path: string;
}

/** Where a schedule came from: the file name and the position of every field in it. */
export interface ScheduleSource {
  readonly file?: string;
  /**
   * Positions keyed by the field's path joined with "." (e.g. `meetings.2.start`); in a merged
   * schedule each also names its file and its path inside that file ({@link MergedPosition}).
   */
  readonly positions: Readonly<Record<string, SourcePosition>>;
  /**
   * What lichhop read differently from, or left out of, the schedule's .ics sources (`sources:`),
   * each at its .ics file and line; absent when there is nothing to say.
   */
  readonly warnings?: readonly Issue[];
}

/** Where a path of a schedule stands: its file, the path inside that file, line and column. */
export interface Location {
  readonly file?: string;
  readonly path: IssuePath;
  readonly line?: number;
  readonly column?: number;
}

/** `["meetings", 3, "start"]` for `meetings.3.start`. */
export function splitPath(dotted: string): (string | number)[] {
  if (dotted === "") return [];
  return dotted.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The place of a path in a schedule's source, or of its closest parent that has one: for one
 * file, `source.file` and the path itself; for a merged schedule, the file that holds the field
 * and the path inside that file.
 *
 * @example
 * locate(schedule.source, ["meetings", 17, "start"]); // { file: "ubnd.yaml", path: ["meetings", 3, "start"], line: 40, column: 5 }
 */
export function locate(source: ScheduleSource, path: IssuePath): Location {
  for (let n = path.length; n >= 0; n--) {
    const found = source.positions[path.slice(0, n).join(".")] as (SourcePosition & Partial<MergedPosition>) | undefined;
    if (!found) continue;
    const file = found.file ?? source.file;
    const local = found.path === undefined ? path : [...splitPath(found.path), ...path.slice(n)];
    return { ...(file === undefined ? {} : { file }), path: local, line: found.line, column: found.column };
  }
  return { ...(source.file === undefined ? {} : { file: source.file }), path };
}

/** What an issue factory needs: where the schedule came from and the language of messages. */
export interface IssueContext {
  readonly source: ScheduleSource;
  readonly lang: Lang;
}

/**
 * Makes an issue with `code` at `path`, worded by message `id` from the parameters that message
 * declares.
 */
export type MakeIssue = <K extends MessageId>(code: IssueCode, path: IssuePath, id: K, ...params: ParamsArg<K>) => Issue;

/**
 * Builds issues that carry the file, path, line and column of their place in the source (for a
 * merged schedule, the file that holds the field and the path inside it).
 *
 * @example
 * const make = issueFactory({ source: schedule.source, lang: "en" });
 * make("unknown-zone", ["timezone"], "unknown-zone", { zone: "Asia/Hanoi" });
 */
export function issueFactory(context: IssueContext): MakeIssue {
  return (code, path, id, ...params) => {
    const where = locate(context.source, path);
    return {
      code,
      message: message(context.lang, id, ...params),
      path: where.path,
      ...(where.file === undefined ? {} : { file: where.file }),
      ...(where.line === undefined ? {} : { line: where.line, column: where.column as number }),
    };
  };
}
