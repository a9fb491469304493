import { formatIssue, type Issue } from "../../errors";
import type { Lang } from "../../messages";
import type { Schedule } from "../../schema/model";
import type { Report, ReportConflict, ReportFinding, ReportSource } from "../report";
import { allFacts, checkId, ciEntries, ciPath, meetingTitles, reportView, viewEntries, type FindingsView } from "./checks";
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

/** A finding's test case: failing, or passing with its note when it changed without gaining dates. */
function findingCase(
  classname: string,
  entryId: string,
  finding: ReportFinding,
  conflicts: readonly ReportConflict[],
  options: JunitOptions,
  lang: Lang,
): string {
  const name = findingName(entryId, finding, meetingTitles(finding, conflicts, options.schedule));
  const open = `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(name)}"${fileAttributes(finding.source)}>`;
  const change = findingChangeText(finding, lang);
  const body = findingBody(finding, conflicts, change);
  if (findingLevel(finding) === "notice") return [open, `      <system-out>${xmlText(body)}</system-out>`, "    </testcase>"].join("\n");
  const text = change === undefined ? finding.message : `${finding.message} — ${change}`;
  return [
    open,
    `      <failure type="${xmlEscape(finding.kind)}" message="${xmlEscape(`[${finding.severity}] ${text}`)}">${xmlText(body)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

/**
 * {@link formatJunit} of a report with findings, a test case at a time through `write`: the
 * findings are counted by their facts first, for the suites' totals, then each is written.
 */
export function writeJunit(view: FindingsView, options: JunitOptions, write: (text: string) => void): void {
  const lang = options.lang ?? options.schedule?.locale ?? "vi";
  const facts = allFacts(view);
  const entries = viewEntries(view, facts, options.schedule, options.lang, "formatJunit");
  const byEntry = new Map(entries.map((entry) => [entry.id, { entry, findings: [] as number[], failures: 0 }]));
  facts.forEach((finding, k) => {
    const group = byEntry.get(checkId(finding));
    if (!group) return;
    group.findings.push(k);
    if (findingLevel(finding) !== "notice") group.failures++;
  });
  const groups = [...byEntry.values()];
  const tests = groups.reduce((sum, group) => sum + Math.max(1, group.findings.length), 0);
  const failures = groups.reduce((sum, group) => sum + group.failures, 0);
  write(documentHead(options.name ?? "lichhop", tests, failures));
  for (const { entry, findings, failures } of groups) {
    const classname = `lichhop.${entry.id.replace("/", ".")}`;
    write(`${suiteHead(`${entry.id}: ${entry.title}`, Math.max(1, findings.length), failures)}\n`);
    if (findings.length === 0) write(`${noConflicts(classname, entry.id)}\n`);
    for (const k of findings) {
      const { finding, conflicts } = view.item(k);
      write(`${findingCase(classname, entry.id, finding, conflicts, options, lang)}\n`);
    }
    write("  </testsuite>\n");
  }
  write("</testsuites>\n");
}

function noConflicts(classname: string, entryId: string): string {
  return `    <testcase classname="${xmlEscape(classname)}" name="${xmlEscape(`${entryId}: no conflicts`)}"/>`;
}

function suiteHead(name: string, tests: number, failures: number): string {
  return `  <testsuite name="${xmlEscape(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`;
}

function documentHead(name: string, tests: number, failures: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlEscape(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n`;
}

function suite(name: string, cases: readonly string[], failures: number): string {
  return [suiteHead(name, cases.length, failures), ...cases, "  </testsuite>"].join("\n");
}

function document(name: string, suites: readonly { xml: string; tests: number; failures: number }[]): string {
  const tests = suites.reduce((sum, s) => sum + s.tests, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  return `${documentHead(name, tests, failures)}${[...suites.map((s) => s.xml), "</testsuites>", ""].join("\n")}`;
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
  const { findings } = report;
  if (findings !== undefined) {
    const chunks: string[] = [];
    writeJunit(reportView({ ...report, findings }), options, (text) => void chunks.push(text));
    return chunks.join("");
  }
  const entries = ciEntries(report, options.schedule, options.lang, "formatJunit");
  const suites = entries.map((entry) => {
    const classname = `lichhop.${entry.id.replace("/", ".")}`;
    const name = `${entry.id}: ${entry.title}`;
    const conflicts = report.conflicts.filter((conflict) => checkId(conflict) === entry.id);
    const cases =
      conflicts.length === 0
        ? [noConflicts(classname, entry.id)]
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
