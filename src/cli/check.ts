import { version } from "../../package.json";
import { gatherCheck, safeCheckSchedule, type Holding } from "../check";
import { ScheduleError, UsageError, type Issue } from "../errors";
import { safeMergeSchedules, type ScheduleText } from "../load/merge";
import { appendFileSync } from "node:fs";
import { introduces } from "../diff/diff";
import { streamView } from "../report/formats/checks";
import { formatGithub, formatGithubSummary, formatIssuesGithub, writeGithub, writeGithubSummary } from "../report/formats/github";
import { formatIssuesJunit, formatJunit, writeJunit } from "../report/formats/junit";
import { formatIssuesSarif, formatSarif, writeSarif } from "../report/formats/sarif";
import { BASE_SUMMARY, type Lang, message } from "../messages";
import { findingsStream, listedReport, type FindingsStream, type ListedReport, type Report, type ReportFrame } from "../report/report";
import { formatReportText, writeFindingsText } from "../report/text";
import type { Schedule } from "../schema/model";
import { chunked, chunkedStdout, failureIssues, issueLine, writeJson, type Output } from "./io";
import { loadScheduleFile, readScheduleWithSources } from "./load";
import { writeSourceWarnings } from "./sources";
import { CHECK_FORMATS, type CommonOptions } from "./options";
import { expandPaths } from "./paths";

/** Options of `lichhop check`. */
export interface CheckCommandOptions extends CommonOptions {
  readonly failOn: "error" | "warning" | "never";
  /** Base schedule files or directories (`--base`): only conflicts they lack are reported. */
  readonly base?: readonly string[] | undefined;
  /** A git revision to read the base from (`--base-ref`): the same paths at that revision. */
  readonly baseRef?: string | undefined;
  /** Text: list every conflict under its finding (`--detail`). */
  readonly detail?: boolean | undefined;
}

function mergeTexts(texts: readonly ScheduleText[], lang: Lang | undefined): Schedule {
  const result = safeMergeSchedules(texts, lang ? { lang } : {});
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}

/** Reads one file or merges several; throws {@link ScheduleError} on a bad file. */
function loadSchedules(paths: readonly string[], options: CheckCommandOptions): Schedule {
  const files = expandPaths(paths, options);
  if (files.length === 1) return loadScheduleFile(files[0] as string, options);
  const texts = files.map((filename) => readScheduleWithSources(filename, options));
  return mergeTexts(texts, options.lang);
}

function renderIssues(issues: readonly Issue[], format: string): string | undefined {
  if (format === "github") return formatIssuesGithub(issues);
  if (format === "junit") return formatIssuesJunit(issues);
  if (format === "sarif") return formatIssuesSarif(issues, { toolVersion: version });
  return undefined;
}

function baseLine(report: Report, lang: Lang): string {
  const { new: added = 0, changed, fixed = 0, unchanged = 0 } = report.summary;
  return BASE_SUMMARY[lang]({ added, changed, fixed, unchanged });
}

/**
 * How many findings fail the check at `--fail-on`: new findings and changed ones that gained
 * dates (without a base, all) at or above the level. A report without findings counts conflicts.
 */
function failing(report: Pick<Report, "findings" | "summary"> | ReportFrame, failOn: CheckCommandOptions["failOn"]): number {
  if (failOn === "never") return 0;
  if ("tally" in report) return report.findings.filter((finding) => failOn === "warning" || finding.severity === "error").length;
  if (report.findings === undefined) return failOn === "warning" ? report.summary.conflicts : report.summary.errors;
  return report.findings.filter((finding) => introduces(finding) && (failOn === "warning" || finding.severity === "error")).length;
}

/** How a format keeps conflicts (see `Holding`): text prints findings, JSON and `--detail` list conflicts. */
function holdingFor(options: CheckCommandOptions): Holding {
  if (options.format === "json" || (options.format === "text" && options.detail === true)) return "all";
  if (options.format === "text") return "none";
  // github, junit and sarif list every conflict while they fit the bound, then their findings.
  return "fit";
}

/**
 * A report; a report whose conflicts are rendered as they are written (JSON); or, for text that
 * kept only findings, findings rendered as they are written.
 */
type Checked =
  | { readonly report: Report; readonly listed?: undefined; readonly streamed?: undefined }
  | { readonly report?: undefined; readonly listed: ListedReport; readonly streamed?: undefined }
  | { readonly report?: undefined; readonly listed?: undefined; readonly streamed: FindingsStream };

/**
 * Loads and checks: returns only what output needs, so the occurrences are garbage before a
 * large report is written. Without a base, detection folds each conflict into its finding as it
 * is found and keeps the conflicts only where the format lists them.
 */
async function evaluate(
  paths: readonly string[],
  options: CheckCommandOptions,
  out: Output,
): Promise<{ checked: Checked; failures: number; schedule: Schedule; lang: Lang; withBase: boolean }> {
  const schedule = loadSchedules(paths, options);
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const checkOptions = {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    lang,
  };
  const withBase = options.baseRef !== undefined || (options.base?.length ?? 0) > 0;
  if (withBase) {
    const result = safeCheckSchedule(schedule, checkOptions);
    if (!result.ok) throw new ScheduleError(result.issues);
    const { reportWithBase } = await import("./base");
    const report = reportWithBase(result, schedule, lang, options, paths, out);
    return { checked: { report }, failures: failing(report, options.failOn), schedule, lang, withBase };
  }
  const holding = holdingFor(options);
  const gathered = gatherCheck(schedule, checkOptions, holding);
  if (!gathered.ok) throw new ScheduleError(gathered.issues);
  const { frame, held, findingOf, context, locator } = gathered;
  const listed = (firstOnly?: boolean) => listedReport(frame, held ?? [], findingOf ?? [], context, locator, firstOnly);
  let checked: Checked;
  if (!held) checked = { streamed: findingsStream(frame, context, locator) };
  else if (options.format === "json") checked = { listed: listed() };
  else if (options.format === "text") checked = { report: materialize(listed(true)) };
  else checked = { report: materialize(listed()) };
  const failures = failing(checked.streamed ? frame : (checked.report ?? (checked.listed as ListedReport)), options.failOn);
  return { checked, failures, schedule, lang, withBase };
}

/** A listed report with every conflict in report form. */
function materialize(listed: ListedReport): Report {
  const { version, horizon, summary, findings } = listed;
  const conflicts = Array.from({ length: listed.conflicts.length }, (_, k) => listed.conflicts.item(k));
  return { version, horizon, summary, conflicts, findings };
}

async function check(paths: readonly string[], options: CheckCommandOptions, out: Output): Promise<number> {
  const { checked, failures, schedule, lang, withBase } = await evaluate(paths, options, out);
  const warnings = schedule.source.warnings ?? [];
  // What the .ics sources hold that lichhop reads differently or leaves out: in the JSON report,
  // else on stderr, one `file:line:column: message` each.
  if (options.format !== "json") writeSourceWarnings(schedule, out);
  if (checked.streamed) {
    writeStreamed(checked.streamed, options.format, schedule, lang, out);
  } else if (options.format === "json") {
    const body = (checked.listed ?? checked.report) as unknown as Record<string, unknown>;
    writeJson(warnings.length > 0 ? { ...body, warnings } : body, out);
  } else {
    const report = checked.report ?? materialize(checked.listed as ListedReport);
    switch (options.format) {
      case "text":
        out.stdout(formatReportText(report, lang, { detail: options.detail === true }) + (withBase ? baseLine(report, lang) : ""));
        break;
      case "github": {
        out.stdout(formatGithub(report, { lang }));
        // A GitHub job summary, when the runner asks for one.
        const summaryFile = process.env.GITHUB_STEP_SUMMARY;
        if (summaryFile) appendFileSync(summaryFile, formatGithubSummary(report, { lang }));
        break;
      }
      case "junit":
        out.stdout(formatJunit(report, { schedule, lang }));
        break;
      case "sarif":
        out.stdout(formatSarif(report, { schedule, toolVersion: version, lang }));
        break;
      default:
        throw new UsageError(message(lang, "bad-format", { found: options.format, formats: CHECK_FORMATS }));
    }
  }
  return failures > 0 ? 1 : 0;
}

/**
 * Writes the findings of a check that kept no conflicts (text, and a CI format past the listing
 * bound) a finding at a time: the output of tens of thousands of findings is never held whole.
 */
function writeStreamed(stream: FindingsStream, format: string, schedule: Schedule, lang: Lang, out: Output): void {
  const { write, flush } = chunkedStdout(out);
  const view = streamView(stream);
  switch (format) {
    case "github": {
      writeGithub(view, lang, write);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) {
        const summary = chunked((text) => appendFileSync(summaryFile, text));
        writeGithubSummary(stream.summary, view, lang, summary.write);
        summary.flush();
      }
      break;
    }
    case "junit":
      writeJunit(view, { schedule, lang }, write);
      break;
    case "sarif":
      writeSarif(view, { schedule, toolVersion: version, lang }, write);
      break;
    default:
      writeFindingsText(stream, lang, write);
  }
  flush();
}

/**
 * `lichhop check FILE... [--base FILE | --base-ref REV]`: prints the report (with a base: only the
 * new and changed findings); exit 1 when a new finding, or a changed one that gained dates,
 * reaches `--fail-on`, 2 on a bad file. In the
 * github, junit and sarif formats, schedule errors are written in that format too.
 */
export async function runCheck(paths: readonly string[], options: CheckCommandOptions, out: Output): Promise<number> {
  if (paths.length === 0) throw new UsageError(message(options.lang ?? "vi", "files-needed"));
  if (options.baseRef !== undefined && (options.base?.length ?? 0) > 0) {
    throw new UsageError(message(options.lang ?? "vi", "base-and-base-ref"));
  }
  try {
    return await check(paths, options, out);
  } catch (error) {
    const issues = failureIssues(error);
    const rendered = issues ? renderIssues(issues, options.format) : undefined;
    if (rendered === undefined || !issues) throw error;
    out.stdout(rendered);
    for (const issue of issues) out.stderr(issueLine(issue));
    return 2;
  }
}
