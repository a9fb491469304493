import { readFileSync, statSync } from "node:fs";
import { safeParseSchedule } from "../load/parse";
import type { Lang } from "../report/messages";
import type { Schedule } from "../schema/model";
import { ExitWithIssues } from "./io";

/** Reads and validates a schedule file, or throws {@link ExitWithIssues}. */
export function loadScheduleFile(path: string, lang: Lang | undefined): Schedule {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new Error("is a directory");
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new ExitWithIssues([{ code: "invalid-value", message: `cannot read ${path}: ${reason}`, path: [], file: path }]);
  }
  const result = safeParseSchedule(text, { filename: path, ...(lang ? { lang } : {}) });
  if (!result.ok) throw new ExitWithIssues(result.issues);
  return result.schedule;
}
