import { version } from "../../package.json";
import { gatherCheck, safeCheckSchedule, type Holding } from "../check";
import { ScheduleError, UsageError, type Issue } from "../errors";
import { appendFileSync } from "node:fs";
import { introduces } from "../diff/diff";
import { streamView } from "../report/formats/checks";
import { formatGithub, formatGithubSummary, formatIssuesGithub, writeGithub, writeGithubSummary } from "../report/formats/github";
import { formatIssuesJunit, formatJunit, writeJunit } from "../report/formats/junit";
import { formatIssuesSarif, formatSarif, writeSarif } from "../report/formats/sarif";
import { BASE_SUMMARY, type Lang, message } from "../messages";
import {
  findingsStream,
  listedReport,
  type FindingsStream,
  type ListedReport,
  type Report,
  type ReportFinding,
  type ReportFrame,
} from "../report/report";
import { type FindingNotes, reportText, type TextExtras, writeFindingsText } from "../report/text";
import type { Schedule } from "../schema/model";
import { chunked, chunkedStdout, failureIssues, issueLine, writeIssues, writeJson, type Output } from "./io";
import { openOutputFile, type OutputFile } from "./output";
import { loadSchedules } from "./load";
import { writeSourceWarnings } from "./sources";
import { CHECK_FORMATS, type CommonOptions } from "./options";

/** Options of `lichhop check`. */
export interface CheckCommandOptions extends CommonOptions {
  readonly failOn: "error" | "warning" | "never";
  /** Base schedule files or directories (`--base`): only conflicts they lack are reported. */
  readonly base?: readonly string[] | undefined;
  /** A git revision to read the base from (`--base-ref`): the same paths at that revision. */
  readonly baseRef?: string | undefined;
  /** Text: list every conflict under its finding (`--detail`). */
  readonly detail?: boolean | undefined;
  /** Text and JSON: the top move of each side of each finding's clash (`--suggest`). */
  readonly suggest?: boolean | undefined;
  /** The present (`--suggest`: no move starts before it), read by the caller. */
  readonly clock?: number | undefined;
  /** `--now`, a local time or date in the schedule's zone, instead of {@link CheckCommandOptions.clock}. */
  readonly now?: string | undefined;
  /** Colour the text's severity tags (see `colorWanted`). */
  readonly color?: boolean | undefined;
  /** `--json`, `--junit`, `--sarif`, `--github FILE`: the same check also written in that format to FILE. */
  readonly extraOutputs?: readonly ExtraOutput[] | undefined;
}

/** One more format of the same check, and the file it goes to. */
export interface ExtraOutput {
  readonly format: "json" | "junit" | "sarif" | "github";
  readonly path: string;
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

/**
 * How the formats written keep conflicts (see `Holding`): text prints findings, JSON and
 * `--detail` list conflicts; the most any of them needs.
 */
function holdingFor(formats: readonly string[], detail: boolean): Holding {
  if (formats.some((format) => format === "json" || (format === "text" && detail))) return "all";
  // github, junit and sarif list every conflict while they fit the bound, then their findings.
  return formats.some((format) => format !== "text") ? "fit" : "none";
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
): Promise<{ checkedAs: (format: string) => Checked; failures: number; schedule: Schedule; lang: Lang; withBase: boolean }> {
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
    const { checkAgainstBase } = await import("./base");
    const { report } = checkAgainstBase(result, schedule, lang, options, paths, out);
    return { checkedAs: () => ({ report }), failures: failing(report, options.failOn), schedule, lang, withBase };
  }
  const formats = [options.format, ...(options.extraOutputs ?? []).map((extra) => extra.format)];
  const holding = holdingFor(formats, options.detail === true);
  const gathered = gatherCheck(schedule, checkOptions, holding);
  if (!gathered.ok) throw new ScheduleError(gathered.issues);
  const { frame, held, findingOf, context, locator } = gathered;
  const listed = (firstOnly?: boolean) => listedReport(frame, held ?? [], findingOf ?? [], context, locator, firstOnly);
  const checkedAs = (format: string): Checked => {
    if (!held || (format === "text" && options.detail !== true)) return { streamed: findingsStream(frame, context, locator) };
    if (format === "json") return { listed: listed() };
    if (format === "text") return { report: materialize(listed(true)) };
    return { report: materialize(listed()) };
  };
  const failures = failing(frame, options.failOn);
  return { checkedAs, failures, schedule, lang, withBase };
}

/** A listed report with every conflict in report form. */
function materialize(listed: ListedReport): Report {
  const { version, horizon, summary, findings } = listed;
  const conflicts = Array.from({ length: listed.conflicts.length }, (_, k) => listed.conflicts.item(k));
  return { version, horizon, summary, conflicts, findings };
}

async function check(paths: readonly string[], options: CheckCommandOptions, out: Output, extras: readonly OutputFile[]): Promise<number> {
  if (options.suggest && options.format !== "text" && options.format !== "json") {
    throw new UsageError(message(options.lang ?? "vi", "suggest-format", { format: options.format }));
  }
  if (options.format === "html") return await checkHtml(paths, options, out);
  const { checkedAs, failures, schedule, lang, withBase } = await evaluate(paths, options, out);
  // What the .ics sources hold that lichhop reads differently or leaves out: in the JSON report,
  // else on stderr, one `file:line:column: message` each.
  if (options.format !== "json") writeSourceWarnings(schedule, out);
  const moves = options.suggest ? await suggested(schedule, lang, options) : undefined;
  const warnings = schedule.source.warnings ?? [];
  const context = { schedule, lang, withBase, detail: options.detail === true, moves, warnings, color: options.color === true };
  writeChecked(checkedAs(options.format), options.format, context, out, true);
  (options.extraOutputs ?? []).forEach((extra, k) => {
    const file = extras[k] as OutputFile;
    writeChecked(
      checkedAs(extra.format),
      extra.format,
      { ...context, detail: false, color: false },
      { stdout: file.write, stderr: out.stderr },
      false,
    );
  });
  return failures > 0 ? 1 : 0;
}

/** `check --format html`: the calendar report, one self-contained page (with a base: its new and changed findings). */
async function checkHtml(paths: readonly string[], options: CheckCommandOptions, out: Output): Promise<number> {
  const schedule = loadSchedules(paths, options);
  writeSourceWarnings(schedule, out);
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const withBase = options.baseRef !== undefined || (options.base?.length ?? 0) > 0;
  const { calendarReport } = await import("../report/calendar-page");
  const { checkAgainstBase } = withBase ? await import("./base") : { checkAgainstBase: undefined };
  const { page, report } = calendarReport(
    schedule,
    lang,
    {
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    },
    (result) => (checkAgainstBase ? checkAgainstBase(result, schedule, lang, options, paths, out) : { report: result.report }),
  );
  out.stdout(page);
  return failing(report, options.failOn) > 0 ? 1 : 0;
}

/** How a check is written, whatever the format. */
interface WriteContext {
  readonly schedule: Schedule;
  readonly lang: Lang;
  readonly withBase: boolean;
  readonly detail: boolean;
  readonly moves: Suggested | undefined;
  /** The schedule's source warnings, added to the JSON report when there are any. */
  readonly warnings: readonly unknown[];
  /** Severity colours in the text (a terminal, or FORCE_COLOR). */
  readonly color: boolean;
}

/** Writes a check in one format; `primary`: the one on stdout, which alone appends GitHub's job summary. */
function writeChecked(checked: Checked, format: string, context: WriteContext, out: Output, primary: boolean): void {
  const { schedule, lang, withBase, moves } = context;
  if (checked.streamed) {
    const extras = { notes: moves?.notes, color: primary && context.color };
    writeStreamed(checked.streamed, format, schedule, lang, out, primary, format === "text" ? extras : {});
  } else if (format === "json") {
    const report = (checked.listed ?? checked.report) as ListedReport | Report;
    const body = (moves ? moves.withSuggestions(report) : report) as unknown as Record<string, unknown>;
    writeJson(context.warnings.length > 0 ? { ...body, warnings: context.warnings } : body, out);
  } else {
    const report = checked.report ?? materialize(checked.listed as ListedReport);
    switch (format) {
      case "text":
        out.stdout(
          reportText(report, lang, context.detail, { notes: moves?.notes, color: context.color }) +
            (withBase ? baseLine(report, lang) : ""),
        );
        break;
      case "github": {
        out.stdout(formatGithub(report, { lang }));
        // A GitHub job summary, when the runner asks for one.
        const summaryFile = process.env.GITHUB_STEP_SUMMARY;
        if (summaryFile && primary) appendFileSync(summaryFile, formatGithubSummary(report, { lang }));
        break;
      }
      case "junit":
        out.stdout(formatJunit(report, { schedule, lang }));
        break;
      case "sarif":
        out.stdout(formatSarif(report, { schedule, toolVersion: version, lang }));
        break;
      default:
        throw new UsageError(message(lang, "bad-format", { found: format, formats: CHECK_FORMATS }));
    }
  }
}

/** `--suggest`: the top moves of each finding's clash, as lines under its text block and as its JSON `suggestions`. */
interface Suggested {
  readonly notes: FindingNotes;
  withSuggestions<R extends { readonly findings?: readonly ReportFinding[] | undefined }>(report: R): R;
}

/**
 * Searches the top move of each side of the first findings' clashes (see `suggestFindings`),
 * against a check of the same horizon and limits. A finding past the bound, or of a kind that
 * is not moved, gets no note and no `suggestions` field.
 */
async function suggested(schedule: Schedule, lang: Lang, options: CheckCommandOptions): Promise<Suggested> {
  const { movePlanner } = await import("../slots/suggest");
  const { nowOption } = await import("./now");
  const { suggestFindings, suggestionLines, SUGGEST_DAYS } = await import("./suggest");
  const planner = movePlanner(schedule, {
    now: nowOption(schedule, options.now, options.clock ?? Date.now(), lang),
    lang,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const { results } = suggestFindings(planner, planner.report.findings ?? [], 1, SUGGEST_DAYS);
  const byFinding = new Map(results.map((result) => [result.finding, result]));
  return {
    notes: (finding) => {
      const result = byFinding.get(finding.id);
      return result ? suggestionLines(result, planner.report, SUGGEST_DAYS, lang) : undefined;
    },
    withSuggestions: (report) => {
      if (!report.findings) return report;
      const findings = report.findings.map((finding) => {
        const result = byFinding.get(finding.id);
        if (!result) return finding;
        const series = result.sides.flatMap((side) => side.series?.slice(0, 1) ?? []);
        return {
          ...finding,
          suggestions: result.sides.flatMap((side) => side.moves.slice(0, 1)),
          ...(series.length > 0 ? { seriesSuggestions: series } : {}),
        };
      });
      return { ...report, findings };
    },
  };
}

/**
 * Writes the findings of a check that kept no conflicts (text, and a CI format past the listing
 * bound) a finding at a time: the output of tens of thousands of findings is never held whole.
 */
function writeStreamed(
  stream: FindingsStream,
  format: string,
  schedule: Schedule,
  lang: Lang,
  out: Output,
  primary: boolean,
  extras: TextExtras = {},
): void {
  const { write, flush } = chunkedStdout(out);
  const view = streamView(stream);
  switch (format) {
    case "github": {
      writeGithub(view, lang, write);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      if (summaryFile && primary) {
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
      writeFindingsText(stream, lang, write, extras);
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
  if (paths.length === 0) throw new UsageError(message(options.lang ?? "vi", "files-needed", { command: "check" }));
  if (options.baseRef !== undefined && (options.base?.length ?? 0) > 0) {
    throw new UsageError(message(options.lang ?? "vi", "base-and-base-ref"));
  }
  const extras: OutputFile[] = [];
  try {
    for (const extra of options.extraOutputs ?? []) extras.push(openOutputFile(extra.path, options.lang ?? "vi"));
  } catch (error) {
    for (const file of extras) file.discard();
    throw error;
  }
  try {
    const code = await check(paths, options, out, extras);
    for (const file of extras) file.commit();
    return code;
  } catch (error) {
    const issues = failureIssues(error);
    // A bad file is reported in each format asked for (a SARIF upload then shows it); anything else leaves the files as they were.
    if (!issues) {
      for (const file of extras) file.discard();
      throw error;
    }
    (options.extraOutputs ?? []).forEach((extra, k) => {
      const file = extras[k] as OutputFile;
      if (extra.format === "json") writeIssues(issues, "json", { stdout: file.write, stderr: () => {} });
      else file.write(renderIssues(issues, extra.format) ?? "");
      file.commit();
    });
    const rendered = renderIssues(issues, options.format);
    if (rendered === undefined) throw error;
    out.stdout(rendered);
    for (const issue of issues) out.stderr(issueLine(issue));
    return 2;
  }
}
