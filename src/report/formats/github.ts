import { formatPath, type Issue } from "../../errors";
import { inert } from "../../internal/inert";
import type { Report, ReportFinding, ReportSource } from "../report";
import { checkId, ciPath, reportView, type FindingsView } from "./checks";
import { argIssues, argLang, argOptions, argReport } from "../../internal/args";
import { findingChangeText, findingLevel } from "../finding-text";
import { CI_SUMMARY_TEXT, REPORT_TEXT, type Lang } from "../../messages";

/** Options for {@link formatGithub} and {@link formatGithubSummary}. */
export interface GithubOptions {
  /** The language of the words lichhop adds (a changed finding's dates); default vi. The messages are the report's. */
  readonly lang?: Lang;
}

/**
 * Escapes the message of a workflow command (GitHub's `escapeData`); the other control and bidi
 * characters, which GitHub passes through to its log, are shown escaped (`\u001B`).
 */
function escapeData(text: string): string {
  return inert(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** Escapes a property of a workflow command (GitHub's `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(level: "error" | "warning" | "notice", where: Partial<ReportSource>, title: string, text: string): string {
  const properties: string[] = [];
  if (where.file !== undefined) properties.push(`file=${escapeProperty(ciPath(where.file))}`);
  if (where.line !== undefined) properties.push(`line=${where.line}`);
  if (where.column !== undefined) properties.push(`col=${where.column}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${level} ${properties.join(",")}::${escapeData(text)}`;
}

function summaryLine(s: Report["summary"]): string {
  const changed = s.changed === undefined ? "" : ` ${s.changed} changed,`;
  const base =
    s.new === undefined ? "" : `; against the base: ${s.new} new,${changed} ${s.fixed ?? 0} fixed, ${s.unchanged ?? 0} unchanged`;
  const findings = s.findings === undefined ? "" : ` in ${s.findings} findings`;
  return `lichhop: ${s.meetings} meetings, ${s.occurrences} occurrences; ${s.conflicts} conflicts (${s.errors} errors, ${s.warnings} warnings)${findings}${base}`;
}

/** A finding's message with how it changed against the base, when it did. */
function findingText(finding: ReportFinding, lang: Lang): string {
  const change = findingChangeText(finding, lang);
  return change === undefined ? finding.message : `${finding.message} — ${change}`;
}

/**
 * Renders a report as GitHub Actions workflow commands: one `::error` or `::warning` per finding
 * (against a base: per new or changed finding; a changed one that gained no dates is a
 * `::notice`), placed on the finding's `source` — against a base, the line that changed — with
 * its message and dates, then a plain summary line. A report without findings gets one command per
 * conflict.
 *
 * @example
 * process.stdout.write(formatGithub(checkSchedule(schedule)));
 * // ::error file=lich.yaml,line=42,col=5,title=lichhop rule/hdnd-khong-trung-ubnd::Phiên họp … trùng lịch với …: 2 buổi — 07/03/2024, 04/04/2024 [0207e8a481746de1]
 */
export function formatGithub(report: Report, options: GithubOptions = {}): string {
  argReport(report, "formatGithub: report");
  const lang = argLang(argOptions(options, "formatGithub").lang, "formatGithub") ?? "vi";
  const { findings } = report;
  if (findings === undefined) {
    const lines = report.conflicts.map((conflict) =>
      command(conflict.severity, conflict.source ?? {}, `lichhop ${checkId(conflict)}`, `${conflict.message} [${conflict.id}]`),
    );
    lines.push(summaryLine(report.summary));
    return `${lines.join("\n")}\n`;
  }
  const chunks: string[] = [];
  writeGithub(reportView({ ...report, findings }), lang, (text) => void chunks.push(text));
  return chunks.join("");
}

/** {@link formatGithub} of a report with findings, a command at a time through `write`. */
export function writeGithub(view: FindingsView, lang: Lang, write: (text: string) => void): void {
  for (let k = 0; k < view.length; k++) {
    const { finding } = view.item(k);
    write(
      `${command(findingLevel(finding), finding.source ?? {}, `lichhop ${checkId(finding)}`, `${findingText(finding, lang)} [${finding.id}]`)}\n`,
    );
  }
  write(`${summaryLine(view.summary)}\n`);
}

/** Escapes text for Markdown (the job summary renders HTML too). */
function markdown(text: string): string {
  return inert(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#])/g, "\\$1");
}

/**
 * The Markdown a GitHub job summary (`$GITHUB_STEP_SUMMARY`) shows for a report: a heading, the
 * counts in the report's language — "1 xung đột mới (2 buổi), 1 thay đổi (thêm 0 ngày), 0 đã
 * hết, 9 không đổi" — and one line per new or changed finding with its place.
 *
 * @example
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatGithubSummary(report, { lang: "vi" }));
 */
export function formatGithubSummary(report: Report, options: GithubOptions = {}): string {
  argReport(report, "formatGithubSummary: report");
  const lang = argLang(argOptions(options, "formatGithubSummary").lang, "formatGithubSummary") ?? "vi";
  const findings = report.findings;
  const view = findings === undefined ? undefined : reportView({ ...report, findings });
  const chunks: string[] = [];
  writeGithubSummary(report.summary, view, lang, (text) => void chunks.push(text));
  return chunks.join("");
}

/**
 * {@link formatGithubSummary} of a report's summary and findings (none for a report without
 * findings), a line at a time through `write`.
 */
export function writeGithubSummary(s: Report["summary"], view: FindingsView | undefined, lang: Lang, write: (text: string) => void): void {
  const t = CI_SUMMARY_TEXT[lang];
  const l = REPORT_TEXT[lang];
  let added = 0;
  let addedConflicts = 0;
  let changed = 0;
  let gained = 0;
  for (let k = 0; k < (view?.length ?? 0); k++) {
    const facts = (view as FindingsView).facts(k);
    if (facts.diff?.status === "changed") {
      changed++;
      gained += facts.diff.gainedCount;
    } else {
      added++;
      addedConflicts += facts.count;
    }
  }
  const counts = t.counts({
    added: view === undefined ? s.conflicts : added,
    addedConflicts: view === undefined ? s.conflicts : addedConflicts,
    base: s.new === undefined ? undefined : { changed: s.changed ?? changed, gained, fixed: s.fixed ?? 0, unchanged: s.unchanged ?? 0 },
  });
  write(`### ${t.heading}\n\n${counts}.\n`);
  if (view !== undefined && view.length > 0) write("\n");
  for (let k = 0; k < (view?.length ?? 0); k++) {
    const { finding } = (view as FindingsView).item(k);
    const level = findingLevel(finding);
    const tag = level === "notice" ? t.changed : level === "error" ? l.error : l.warning;
    const at = finding.source?.file === undefined ? "" : ` (\`${ciPath(finding.source.file)}:${finding.source.line}\`)`;
    write(`- **${tag}** ${markdown(findingText(finding, lang))}${at}\n`);
  }
  write("\n");
}

/**
 * Renders schedule issues (a file that cannot be checked) as GitHub Actions `::error` commands
 * on their file, line and column.
 *
 * @example
 * process.stdout.write(formatIssuesGithub(result.issues));
 */
export function formatIssuesGithub(issues: readonly Issue[]): string {
  argIssues(issues, "formatIssuesGithub: issues");
  const lines = issues.map((issue) =>
    command(
      "error",
      {
        ...(issue.file === undefined ? {} : { file: issue.file }),
        ...(issue.line === undefined ? {} : { line: issue.line }),
        ...(issue.column === undefined ? {} : { column: issue.column }),
      },
      `lichhop ${issue.code}`,
      [formatPath(issue.path), issue.message].filter(Boolean).join(": "),
    ),
  );
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
