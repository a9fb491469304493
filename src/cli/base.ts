import type { Occurrence } from "../recurrence/occurrence";
import { ScheduleError, UsageError } from "../errors";
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { safeCheckSchedule, type CheckResult } from "../check";
import { reportAgainstBase } from "../diff/diff";
import { changedMeetings, meetingChanges } from "../diff/meetings";
import { decodeScheduleBytes } from "../load/decode";
import { safeMergeSchedules, type ScheduleText } from "../load/merge";
import { placeOnChanged } from "../report/locate";
import { type Lang, message } from "../messages";
import type { Report } from "../report/report";
import type { Schedule } from "../schema/model";
import type { CheckCommandOptions } from "./check";
import type { Output } from "./io";
import { DEFAULT_MAX_SIZE, readScheduleFile, tooLarge } from "./load";
import { expandPaths, SCHEDULE_FILE } from "./paths";

// `lichhop check --base FILE | --base-ref REV`. A module of its own, imported only with a base:
// a plain check then never loads node:child_process (and node:net under it).

function git(args: readonly string[]): string {
  return execFileSync("git", [...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/** The bytes git prints, undecoded: a file's content is decoded as a schedule file is. */
function gitBytes(args: readonly string[], maxBuffer: number): Buffer {
  return execFileSync("git", [...args], { encoding: "buffer", stdio: ["ignore", "pipe", "pipe"], maxBuffer });
}

/** Issues of a base file that make the base unusable without stopping the check. */
const BROKEN_BASE = new Set(["bad-encoding", "file-too-large"]);

/** What reading a base takes: `--base` or `--base-ref`, `--max-size` and `--lang`. */
export type BaseOptions = Pick<CheckCommandOptions, "base" | "baseRef" | "maxSize" | "lang">;

/**
 * The base schedule's files at a git revision: the same paths, missing ones (new files) left
 * out, each within the size limit and decoded like a file on disk (else {@link ScheduleError}).
 */
function baseTextsAt(rev: string, paths: readonly string[], options: BaseOptions): ScheduleText[] {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  } catch {
    throw new UsageError(message(options.lang ?? "vi", "base-ref-not-commit", { rev }));
  }
  const texts: ScheduleText[] = [];
  const show = (path: string) => {
    const spec = `${rev}:./${relative(process.cwd(), resolve(path)).replace(/\\/g, "/")}`;
    try {
      git(["cat-file", "-e", spec]);
    } catch {
      return; // not in the base: a new file
    }
    const filename = `${rev}:${path}`;
    const size = Number(git(["cat-file", "-s", spec]).trim());
    if (size > maxSize) throw new ScheduleError([tooLarge(filename, size, maxSize, options.lang)]);
    const decoded = decodeScheduleBytes(gitBytes(["show", spec], maxSize + 1024), {
      filename,
      ...(options.lang ? { lang: options.lang } : {}),
    });
    if (!decoded.ok) throw new ScheduleError(decoded.issues);
    texts.push({ filename, text: decoded.text });
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const dir = relative(process.cwd(), resolve(path)).replace(/\\/g, "/") || ".";
      const listed = git(["ls-tree", "--name-only", rev, "--", `${dir}/`])
        .split("\n")
        .filter((name) => SCHEDULE_FILE.test(name))
        .sort();
      for (const name of listed) show(name);
    } else {
      show(path);
    }
  }
  return texts;
}

/**
 * The base schedule, or undefined when there is none (every file new) or it cannot be read as a
 * schedule (said on stderr in `lang`, the report's language).
 */
export function loadBase(options: BaseOptions, paths: readonly string[], lang: Lang, out: Output): Schedule | undefined {
  let texts: ScheduleText[];
  try {
    texts =
      options.baseRef !== undefined
        ? baseTextsAt(options.baseRef, paths, options)
        : expandPaths(options.base ?? [], options).map((filename) => ({ filename, text: readScheduleFile(filename, options) }));
  } catch (error) {
    // A base saved in another encoding must not block the change that converts it to UTF-8.
    if (!(error instanceof ScheduleError) || !error.issues.every((issue) => BROKEN_BASE.has(issue.code))) throw error;
    const base = message(lang, "base-unusable", { why: "unreadable", issues: error.issues.length, code: error.issues[0]?.code });
    out.stderr(`lichhop: ${base}\n`);
    return undefined;
  }
  if (texts.length === 0) return undefined;
  const result = safeMergeSchedules(texts, options.lang ? { lang: options.lang } : {});
  if (result.ok) return result.schedule;
  // A broken base must not block the change that repairs it: every conflict then counts as new.
  out.stderr(`lichhop: ${message(lang, "base-unusable", { why: "invalid", issues: result.issues.length })}\n`);
  return undefined;
}

/**
 * The report of a checked schedule against its base, by finding: the new and changed findings,
 * each annotated on the line that changed, with the new, changed, fixed and unchanged counts.
 * Without a usable base every finding is new, annotated as without a base. With the report come
 * the base's occurrences over the same horizon, when it could be expanded.
 */
export function checkAgainstBase(
  result: CheckResult,
  schedule: Schedule,
  lang: Lang,
  options: CheckCommandOptions,
  paths: readonly string[],
  out: Output,
): { report: Report; before: readonly Occurrence[] | undefined } {
  const base = loadBase(options, paths, lang, out);
  let baseReport: Report = { ...result.report, conflicts: [] };
  let before: readonly Occurrence[] | undefined;
  if (base) {
    const checked = safeCheckSchedule(base, {
      from: result.report.horizon.from,
      to: result.report.horizon.to,
      lang,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    if (checked.ok) ({ report: baseReport, occurrences: before } = checked);
    else out.stderr(`lichhop: ${message(lang, "base-unusable", { why: "not-expandable", issues: checked.issues.length })}\n`);
  }
  // The base is read after the check (a file that fails fails before the base is looked at), so
  // the annotations move to the changed meetings and fields now.
  if (!base) return { report: reportAgainstBase(result.report, baseReport), before };
  const located = placeOnChanged(result.report, changedMeetings(base, schedule));
  return { report: reportAgainstBase(located, baseReport, { changes: meetingChanges(base, schedule), schedule }), before };
}
