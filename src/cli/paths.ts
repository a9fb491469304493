import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ScheduleError, UsageError } from "../errors";

/** The names `lichhop check` reads from a directory (and from a directory at a git revision). */
export const SCHEDULE_FILE = /\.(ya?ml|json)$/i;

/** The issue for a schedule file that cannot be read. */
export function readError(path: string, error: unknown): ScheduleError {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
  return new ScheduleError([{ code: "invalid-value", message: `cannot read ${path}: ${reason}`, path: [], file: path }]);
}

/** The schedule files named by paths: files as given, directories as their *.yaml, *.yml and *.json files, sorted. */
export function expandPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw readError(path, error);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((name) => SCHEDULE_FILE.test(name))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
    if (inside.length === 0) throw new UsageError(`${path}: no *.yaml, *.yml or *.json schedule files in this directory`);
    files.push(...inside);
  }
  return files;
}
