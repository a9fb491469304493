import { formatIssue, type Issue } from "../../errors";
import type { Lang } from "../../messages";
import type { Schedule } from "../../schema/model";
import type { Report, ReportConflict, ReportSource } from "../report";
import { checkId, ciEntries, ciPath } from "./checks";
import { xmlEscape, xmlText } from "./xml";
import { argIssues, argLang, argOptions, argReport } from "../../internal/args";

/** Options for {@link formatJunit}. */
export interface JunitOptions {
  /**
   * The checked schedule: its rules and enabled built-in checks are listed, passing or not.
   * Without it, only the rules and checks that have conflicts are listed.
   */
  readonly schedule?: Schedule;
  /** The name of the whole run; default `lichhop`. */
  readonly name?: string;
  /** The language of the built-in checks' titles; defaults to the schedule's `locale`, else vi. */
  readonly lang?: Lang;
}

function where(source: ReportSource | undefined): string {
  if (!source) return "";
  return [source.file === undefined ? undefined : ciPath(source.file), source.line, source.column]
    .filter((part) => part !== undefined)
    .join(":");
}

function fileAttributes(source: ReportSource | undefined): string {
  if (source?.file === undefined) return "";
  return ` file="${xmlEscape(ciPath(source.file))}" line="${source.line}"`;
}

function failureBody(conflict: ReportConflict): string {
  const lines = [conflict.message, `id: ${conflict.id}`];
  if (conflict.source) lines.push(`at: ${where(conflict.source)}`);
  if (conflict.overlap) lines.push(`overlap: ${conflict.overlap.start} → ${conflict.overlap.end}`);
  for (const occurrence of conflict.occurrences) {
    const at = where(occurrence.source);
    lines.push(`- ${occurrence.meeting} @ ${occurrence.occurrence}: ${occurrence.start} → ${occurrence.end}${at ? ` (${at})` : ""}`);
  }
  return lines.join("\n");
}

function suite(name: string, cases: readonly string[], failures: number): string {
  return [
    `  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    "  </testsuite>",
  ].join("\n");
}

function document(name: string, suites: readonly { xml: string; tests: number; failures: number }[]): string {
  const tests = suites.reduce((sum, s) => sum + s.tests, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${xmlEscape(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...suites.map((s) => s.xml),
    "</testsuites>",
    "",
  ].join("\n");
}

/**
 * Renders a report as JUnit XML for GitLab, Jenkins and other CI test views: one test suite per
 * rule and built-in check; a check without conflicts is one passing test case, a check with
 * conflicts has one failing test case per conflict (named by its fingerprint, with its file and
 * line). Warnings fail too: filter the report first to list errors only.
 *
 * @example
 * const report = checkSchedule(schedule);
 * writeFileSync("lichhop-junit.xml", formatJunit(report, { schedule }));
 */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  argReport(report, "formatJunit: report");
  argLang(argOptions(options, "formatJunit").lang, "formatJunit");
  const entries = ciEntries(report, options.schedule, options.lang, "formatJunit");
  const suites = entries.map((entry) => {
    const conflicts = report.conflicts.filter((conflict) => checkId(conflict) === entry.id);
    const classname = `lichhop.${entry.id.replace("/", ".")}`;
    const name = `${entry.id}: ${entry.title}`;
    const cases =
      conflicts.length === 0
        ? [`    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(`${entry.id}: no conflicts`)}"/>`]
        : conflicts.map((conflict) =>
            [
              `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(`${entry.id}: ${conflict.id}`)}"${fileAttributes(conflict.source)}>`,
              `      <failure type="${xmlEscape(conflict.kind)}" message="${xmlEscape(`[${conflict.severity}] ${conflict.message}`)}">${xmlText(failureBody(conflict))}</failure>`,
              "    </testcase>",
            ].join("\n"),
          );
    return { xml: suite(name, cases, conflicts.length), tests: cases.length, failures: conflicts.length };
  });
  return document(options.name ?? "lichhop", suites);
}

/**
 * Renders schedule issues (a file that cannot be checked) as JUnit XML: one failing test case
 * per issue, named by its file, line and code.
 *
 * @example
 * writeFileSync("lichhop-junit.xml", formatIssuesJunit(result.issues));
 */
export function formatIssuesJunit(issues: readonly Issue[], name = "lichhop"): string {
  argIssues(issues, "formatIssuesJunit: issues");
  const cases = issues.map((issue) => {
    const at = [issue.file === undefined ? undefined : ciPath(issue.file), issue.line, issue.column]
      .filter((p) => p !== undefined)
      .join(":");
    const file =
      issue.file === undefined ? "" : ` file="${xmlEscape(ciPath(issue.file))}"${issue.line === undefined ? "" : ` line="${issue.line}"`}`;
    return [
      `    <testcase classname="lichhop.schedule" name="${xmlEscape(`${at ? `${at} ` : ""}${issue.code}`)}"${file}>`,
      `      <failure type="${xmlEscape(issue.code)}" message="${xmlEscape(issue.message)}">${xmlText(formatIssue(issue))}</failure>`,
      "    </testcase>",
    ].join("\n");
  });
  return document(name, [{ xml: suite("schedule", cases, cases.length), tests: cases.length, failures: cases.length }]);
}
