import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ScheduleError, UsageError } from "../errors";
import { type FileFailure, type Lang, message } from "../messages";

/** The names `lichhop check` reads from a directory (and from a directory at a git revision). */
export const SCHEDULE_FILE = /\.(ya?ml|json)$/i;

/** The system's error codes lichhop words itself; `ENOENT` depends on whether a file is read or written. */
const FAILURES: Readonly<Record<string, Exclude<FileFailure, object>>> = {
  EISDIR: "directory",
  ENOTDIR: "not-directory",
  EACCES: "denied",
  EPERM: "denied",
  EEXIST: "exists",
  ELOOP: "loop",
  ENAMETOOLONG: "name-too-long",
  EMFILE: "too-many-open",
  ENFILE: "too-many-open",
  ENOSPC: "no-space",
  EROFS: "read-only",
};

/** Why reading (or, with `writing`, writing) a file failed, from the error Node gave. */
export function fileFailure(error: unknown, writing = false): FileFailure {
  const { code, message: detail } = error as NodeJS.ErrnoException;
  if (code === "ENOENT") return writing ? "missing-folder" : "missing";
  const known = code === undefined ? undefined : FAILURES[code];
  return known ?? { code, detail: String(detail) };
}

/** The issue for a schedule file named on the command line that cannot be read, in `lang`. */
export function readError(path: string, failure: FileFailure, lang: Lang): ScheduleError {
  return new ScheduleError([
    { code: "bad-argument", message: message(lang, "cannot-read", { file: path, failure }), path: [], file: path },
  ]);
}

/**
 * The schedule files named by paths: files as given, directories as their *.yaml, *.yml and
 * *.json files, sorted. A path that cannot be read is an issue in `options.lang`, else Vietnamese.
 */
export function expandPaths(paths: readonly string[], options: { readonly lang?: Lang | undefined } = {}): string[] {
  const lang = options.lang ?? "vi";
  /** Whether `path` is a directory and, if so, its entries: the error of an unreadable one is an issue. */
  const look = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw readError(path, fileFailure(error), lang);
    }
  };
  const files: string[] = [];
  for (const path of paths) {
    // Standard input: read as it is named.
    if (path === "-" || !look(path, () => statSync(path).isDirectory())) {
      files.push(path);
      continue;
    }
    const named = look(path, () => readdirSync(path))
      .filter((name) => SCHEDULE_FILE.test(name))
      .sort()
      .map((name) => join(path, name))
      // A name that is not a file (a folder, a link to nothing) is not a schedule file.
      .filter((file) => look(file, () => statSync(file, { throwIfNoEntry: false })?.isFile() === true));
    if (named.length === 0) throw new UsageError(message(lang, "no-schedule-files", { dir: path }));
    files.push(...named);
  }
  return files;
}
