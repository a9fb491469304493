import { formatIssue, type Issue } from "../../errors";
import type { Lang } from "../../messages";
import type { Schedule } from "../../schema/model";
import type { Report, ReportConflict, ReportFinding, ReportSource } from "../report";
import { checkId, ciEntries, ciPath, meetingTitles } from "./checks";
import { findingChangeText, findingLevel } from "../finding-text";
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

/** A finding's test case name: its check and its meetings' titles (people or room too), never a hash. */
function findingName(entryId: string, finding: ReportFinding, titles: readonly string[]): string {
  const what = titles.length > 0 ? titles.join(" × ") : `${finding.title} (${finding.first})`;
  const subjects = finding.subjects.length > 0 ? ` [${finding.subjects.join(", ")}]` : "";
  return `${entryId}: ${what}${subjects}`;
}

function findingBody(finding: ReportFinding, conflicts: readonly ReportConflict[], change: string | undefined): string {
  const lines = [finding.message];
  if (change !== undefined) lines.push(change);
  lines.push(`id: ${finding.id}`);
  if (finding.source) lines.push(`at: ${where(finding.source)}`);
  for (const conflict of conflicts) lines.push("", failureBody(conflict));
  return lines.join("\n");
}

/** One test case per finding: failing, or passing with its note when it changed without gaining dates. */
function findingCases(
  classname: string,
  entryId: string,
  findings: readonly ReportFinding[],
  report: Report,
  options: JunitOptions,
): { cases: string[]; failures: number } {
  const lang = options.lang ?? options.schedule?.locale ?? "vi";
  let failures = 0;
  const cases = findings.map((finding) => {
    const name = findingName(entryId, finding, meetingTitles(finding, report, options.schedule));
    const open = `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(name)}"${fileAttributes(finding.source)}>`;
    const change = findingChangeText(finding, lang);
    const conflicts = report.conflicts.filter((conflict) => conflict.finding === finding.id);
    const body = findingBody(finding, conflicts, change);
    if (findingLevel(finding) === "notice") return [open, `      <system-out>${xmlText(body)}</system-out>`, "    </testcase>"].join("\n");
    failures++;
    const text = change === undefined ? finding.message : `${finding.message} — ${change}`;
    return [
      open,
      `      <failure type="${xmlEscape(finding.kind)}" message="${xmlEscape(`[${finding.severity}] ${text}`)}">${xmlText(body)}</failure>`,
      "    </testcase>",
    ].join("\n");
  });
  return { cases, failures };
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
 * rule and built-in check; a check without findings is one passing test case, a check with
 * findings has one failing test case per finding, named by its check and its meetings' titles,
 * with its file and line, message, dates and conflicts (against a base: per new or changed
 * finding; one that changed without gaining dates passes, its note in `system-out`). A report
 * without findings gets a test case per conflict, named by its fingerprint. Warnings fail too:
 * filter the report first to list errors only.
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
    const classname = `lichhop.${entry.id.replace("/", ".")}`;
    const name = `${entry.id}: ${entry.title}`;
    if (report.findings !== undefined) {
      const findings = report.findings.filter((finding) => checkId(finding) === entry.id);
      const { cases, failures } =
        findings.length === 0
          ? { cases: [`    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(`${entry.id}: no conflicts`)}"/>`], failures: 0 }
          : findingCases(classname, entry.id, findings, report, options);
      return { xml: suite(name, cases, failures), tests: cases.length, failures };
    }
    const conflicts = report.conflicts.filter((conflict) => checkId(conflict) === entry.id);
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
