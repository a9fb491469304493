import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { version } from "../../package.json";
import { safeCheckSchedule } from "../check";
import { changedMeetings } from "../diff/meetings";
import { reportAgainstBase } from "../diff/diff";
import { formatIssue, type Issue } from "../errors";
import { relocateIssues, safeMergeSchedules, type ScheduleText } from "../load/merge";
import { checkEntries, type CheckEntry } from "../report/formats/checks";
import { formatGithub, formatIssuesGithub } from "../report/formats/github";
import { formatIssuesJunit, formatJunit } from "../report/formats/junit";
import { locateReport } from "../report/formats/locate";
import { formatIssuesSarif, formatSarif } from "../report/formats/sarif";
import type { Lang } from "../report/messages";
import type { Report } from "../report/report";
import { formatReportText } from "../report/text";
import type { Schedule } from "../schema/model";
import { ExitWithIssues, loadScheduleFile, usageIssue, writeJson, type Output } from "./io";
import type { CommonOptions } from "./options";

/** The formats `lichhop check` writes. */
export const CHECK_FORMATS = ["text", "json", "github", "junit", "sarif"] as const;

/** Options of `lichhop check`. */
export interface CheckCommandOptions extends CommonOptions {
  readonly failOn: "error" | "warning" | "never";
  /** Base schedule files or directories (`--base`): only conflicts they lack are reported. */
  readonly base?: readonly string[] | undefined;
  /** A git revision to read the base from (`--base-ref`): the same paths at that revision. */
  readonly baseRef?: string | undefined;
}

const SCHEDULE_FILE = /\.(ya?ml|json)$/i;

function readError(path: string, error: unknown): ExitWithIssues {
  const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
  return new ExitWithIssues([{ code: "invalid-value", message: `cannot read ${path}: ${reason}`, path: [], file: path }]);
}

/** The schedule files named by paths: files as given, directories as their *.yaml, *.yml and *.json files, sorted. */
function expandPaths(paths: readonly string[]): string[] {
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
    if (inside.length === 0) throw new ExitWithIssues([usageIssue(`${path}: no *.yaml, *.yml or *.json schedule files in this directory`)]);
    files.push(...inside);
  }
  return files;
}

function mergeTexts(texts: readonly ScheduleText[], lang: Lang | undefined): Schedule {
  const result = safeMergeSchedules(texts, lang ? { lang } : {});
  if (!result.ok) throw new ExitWithIssues(result.issues);
  return result.schedule;
}

/** Reads one file or merges several; throws {@link ExitWithIssues} on a bad file. */
function loadSchedules(paths: readonly string[], lang: Lang | undefined): Schedule {
  const files = expandPaths(paths);
  if (files.length === 1) return loadScheduleFile(files[0] as string, lang);
  const texts = files.map((filename) => {
    try {
      return { filename, text: readFileSync(filename, "utf8") };
    } catch (error) {
      throw readError(filename, error);
    }
  });
  return mergeTexts(texts, lang);
}

function git(args: readonly string[]): string {
  return execFileSync("git", [...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
}

/** The base schedule's files at a git revision: the same paths, missing ones (new files) left out. */
function baseTextsAt(rev: string, paths: readonly string[]): ScheduleText[] {
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  } catch {
    throw new ExitWithIssues([
      usageIssue(`--base-ref ${rev}: not a commit in this repository (in CI, fetch enough history, e.g. fetch-depth: 0)`),
    ]);
  }
  const texts: ScheduleText[] = [];
  const show = (path: string) => {
    const spec = `${rev}:./${relative(process.cwd(), resolve(path)).replace(/\\/g, "/")}`;
    try {
      git(["cat-file", "-e", spec]);
    } catch {
      return; // not in the base: a new file
    }
    texts.push({ filename: `${rev}:${path}`, text: git(["show", spec]) });
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

/** The base schedule, or undefined when there is none (every file new) or it cannot be read as a schedule. */
function loadBase(options: CheckCommandOptions, paths: readonly string[], out: Output): Schedule | undefined {
  let texts: ScheduleText[];
  if (options.baseRef !== undefined) {
    texts = baseTextsAt(options.baseRef, paths);
  } else {
    texts = expandPaths(options.base ?? []).map((filename) => {
      try {
        return { filename, text: readFileSync(filename, "utf8") };
      } catch (error) {
        throw readError(filename, error);
      }
    });
  }
  if (texts.length === 0) return undefined;
  const result = safeMergeSchedules(texts, options.lang ? { lang: options.lang } : {});
  if (result.ok) return result.schedule;
  // A broken base must not block the change that repairs it: every conflict then counts as new.
  out.stderr(`lichhop: the base is not a valid schedule (${result.issues.length} issue(s)); every conflict counts as new\n`);
  return undefined;
}

function renderIssues(issues: readonly Issue[], format: string): string | undefined {
  if (format === "github") return formatIssuesGithub(issues);
  if (format === "junit") return formatIssuesJunit(issues);
  if (format === "sarif") return formatIssuesSarif(issues, { toolVersion: version });
  return undefined;
}

function baseLine(report: Report, lang: Lang): string {
  const { new: added = 0, fixed = 0, unchanged = 0 } = report.summary;
  return lang === "en"
    ? `Against the base: ${added} new, ${fixed} fixed, ${unchanged} unchanged.\n`
    : `So với bản gốc: ${added} mới, ${fixed} đã hết, ${unchanged} không đổi.\n`;
}

/**
 * Loads, checks and locates: returns only what output needs, so the occurrences and the
 * unlocated report are garbage before a large report is written.
 */
function evaluate(paths: readonly string[], options: CheckCommandOptions, out: Output): { report: Report; checks: CheckEntry[]; lang: Lang; withBase: boolean } {
  const schedule = loadSchedules(paths, options.lang);
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const result = safeCheckSchedule(schedule, {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    lang,
  });
  if (!result.ok) throw new ExitWithIssues(relocateIssues(result.issues, schedule.source));
  const withBase = options.baseRef !== undefined || (options.base?.length ?? 0) > 0;
  let report: Report;
  if (withBase) {
    const base = loadBase(options, paths, out);
    let baseReport: Report = { ...result.report, conflicts: [] };
    if (base) {
      const checked = safeCheckSchedule(base, { from: result.report.horizon.from, to: result.report.horizon.to, lang });
      if (checked.ok) baseReport = checked.report;
      else out.stderr(`lichhop: the base cannot be expanded (${checked.issues.length} issue(s)); every conflict counts as new\n`);
    }
    const changed = base ? changedMeetings(base, schedule) : new Set(schedule.meetings.map((meeting) => meeting.id));
    report = reportAgainstBase(locateReport(result.report, result.conflicts, schedule, { changed }), baseReport);
  } else {
    report = locateReport(result.report, result.conflicts, schedule);
  }
  return { report, checks: checkEntries(schedule, lang), lang, withBase };
}

function check(paths: readonly string[], options: CheckCommandOptions, out: Output): number {
  const { report, checks, lang, withBase } = evaluate(paths, options, out);
  switch (options.format) {
    case "json":
      writeJson(report as unknown as Record<string, unknown>, out);
      break;
    case "text":
      out.stdout(formatReportText(report, lang) + (withBase ? baseLine(report, lang) : ""));
      break;
    case "github":
      out.stdout(formatGithub(report));
      break;
    case "junit":
      out.stdout(formatJunit(report, { checks, lang }));
      break;
    case "sarif":
      out.stdout(formatSarif(report, { toolVersion: version, checks, lang }));
      break;
    default:
      throw new ExitWithIssues([usageIssue(`--format ${options.format}: expected ${CHECK_FORMATS.join(", ")}`)]);
  }
  const failing =
    options.failOn === "never" ? 0 : options.failOn === "warning" ? report.summary.conflicts : report.summary.errors;
  return failing > 0 ? 1 : 0;
}

/**
 * `lichhop check FILE... [--base FILE | --base-ref REV]`: prints the report (with a base: only the
 * new conflicts); exit 1 when a reported conflict reaches `--fail-on`, 2 on a bad file. In the
 * github, junit and sarif formats, schedule errors are written in that format too.
 */
export function runCheck(paths: readonly string[], options: CheckCommandOptions, out: Output): number {
  if (paths.length === 0) throw new ExitWithIssues([usageIssue("lichhop check: expected a schedule FILE or directory")]);
  if (options.baseRef !== undefined && (options.base?.length ?? 0) > 0) {
    throw new ExitWithIssues([usageIssue("--base and --base-ref: give one of them")]);
  }
  try {
    return check(paths, options, out);
  } catch (error) {
    const rendered = error instanceof ExitWithIssues ? renderIssues(error.issues, options.format) : undefined;
    if (rendered === undefined || !(error instanceof ExitWithIssues)) throw error;
    out.stdout(rendered);
    for (const issue of error.issues) out.stderr(`${formatIssue(issue)} [${issue.code}]\n`);
    return 2;
  }
}
