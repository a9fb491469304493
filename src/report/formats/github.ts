import { formatPath, type Issue } from "../../errors";
import { inert } from "../../internal/inert";
import type { Report, ReportSource } from "../report";
import { checkId, ciPath } from "./checks";
import { argIssues, argReport } from "../../internal/args";

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

function command(level: "error" | "warning", where: Partial<ReportSource>, title: string, text: string): string {
  const properties: string[] = [];
  if (where.file !== undefined) properties.push(`file=${escapeProperty(ciPath(where.file))}`);
  if (where.line !== undefined) properties.push(`line=${where.line}`);
  if (where.column !== undefined) properties.push(`col=${where.column}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${level} ${properties.join(",")}::${escapeData(text)}`;
}

function summaryLine(report: Report): string {
  const s = report.summary;
  const base = s.new === undefined ? "" : `; against the base: ${s.new} new, ${s.fixed ?? 0} fixed, ${s.unchanged ?? 0} unchanged`;
  return `lichhop: ${s.meetings} meetings, ${s.occurrences} occurrences; ${s.conflicts} conflicts (${s.errors} errors, ${s.warnings} warnings)${base}`;
}

/**
 * Renders a report as GitHub Actions workflow commands: one `::error` or `::warning` per conflict,
 * placed on the conflict's `source` (with `checkSchedule`'s `changed`, on the changed line of a
 * pull request), then a plain summary line.
 *
 * @example
 * process.stdout.write(formatGithub(checkSchedule(schedule)));
 * // ::error file=lich.yaml,line=40,col=5,title=lichhop rule/hdnd-khong-trung-ubnd::Vi phạm quy định …
 */
export function formatGithub(report: Report): string {
  argReport(report, "formatGithub: report");
  const lines = report.conflicts.map((conflict) =>
    command(conflict.severity, conflict.source ?? {}, `lichhop ${checkId(conflict)}`, `${conflict.message} [${conflict.id}]`),
  );
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
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
