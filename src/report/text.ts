import { inert } from "../internal/inert";
import type { Report, ReportConflict, ReportFinding, ReportSource } from "./report";
import { REPORT_TEXT, WEEKDAY_NAMES, type Lang, type ReportText } from "../messages";
import { argLang, argOptions, argReport } from "../internal/args";
import { dayNumber, weekdayOf } from "../time/date";
import { formatDmy } from "../time/wall-text";
import { findingChangeText } from "./finding-text";

/** Options for {@link formatReportText}. */
export interface TextOptions {
  /** List every conflict under its finding (`--detail`), not only the finding. */
  readonly detail?: boolean;
}

/**
 * Renders a report as text for secretariat staff: one block per finding (a clash of two meeting
 * series, a series on days off…) with its dates, the rule, the first overlap and where in the
 * file the meetings are; with `detail`, every conflict under its finding. Against a base, the
 * new and changed findings, a changed one with the dates it gained and lost. Then a summary line.
 * A report without findings (built before they existed) lists its conflicts. Control
 * characters, line breaks and bidi overrides inside titles and names are shown escaped (`\n`,
 * `\u202E`): each line stays one line.
 *
 * @example
 * console.log(formatReportText(report, "vi"));
 * console.log(formatReportText(report, "en", { detail: true }));
 */
export function formatReportText(report: Report, lang: Lang, options: TextOptions = {}): string {
  argReport(report, "formatReportText: report");
  lang = argLang(lang, "formatReportText") ?? "vi";
  argOptions(options, "formatReportText");
  const l = REPORT_TEXT[lang];
  const lines = [inert(l.title(report.horizon.from, report.horizon.to)), ""];
  const byId = new Map(report.conflicts.map((conflict) => [conflict.id, conflict]));
  if (report.findings === undefined) {
    report.conflicts.forEach((conflict, index) => {
      lines.push(`${index + 1}. [${severityTag(conflict.severity, l)}] ${inert(conflict.message)}`);
      if (conflict.overlap) lines.push(`   ${l.overlap}: ${overlapText(conflict.overlap, lang)}`);
      lines.push(`   id: ${inert(conflict.id)}`);
    });
  } else {
    report.findings.forEach((finding, index) => {
      const listed = finding.conflicts.map((id) => byId.get(id)).filter((c): c is ReportConflict => c !== undefined);
      // With a base, only the conflicts a change introduces are listed: a finding shows those it has.
      findingBlock(lines, index + 1, finding, listed, l, lang, options.detail === true);
    });
  }
  if ((report.findings === undefined ? report.conflicts.length : report.findings.length) === 0) lines.push(l.none);
  else lines.push("");
  lines.push(l.summary(report.summary));
  return `${lines.join("\n")}\n`;
}

function findingBlock(
  lines: string[],
  number: number,
  finding: ReportFinding,
  conflicts: readonly ReportConflict[],
  l: ReportText,
  lang: Lang,
  detail: boolean,
): void {
  lines.push(`${number}. [${severityTag(finding.severity, l)}] ${inert(finding.message)}`);
  const change = findingChangeText(finding, lang);
  if (change !== undefined) lines.push(`   ${inert(change.charAt(0).toUpperCase() + change.slice(1))}`);
  if (finding.rule !== null) lines.push(`   ${l.rule}: ${inert(finding.title)}`);
  const sample = conflicts[0];
  if (sample?.overlap) lines.push(`   ${l.overlap}: ${overlapText(sample.overlap, lang)}`);
  const places = sample ? placesOf(sample, l) : finding.source ? [inert(place(finding.source, l))] : [];
  if (places.length > 0) lines.push(`   ${l.at}: ${places.join(", ")}`);
  lines.push(`   id: ${inert(finding.id)}`);
  if (!detail) return;
  for (const conflict of conflicts) {
    lines.push(`   - ${inert(conflict.message)}`);
    if (conflict.overlap) lines.push(`     ${l.overlap}: ${overlapText(conflict.overlap, lang)}`);
    lines.push(`     id: ${inert(conflict.id)}`);
  }
  if (finding.count > conflicts.length) lines.push(`   ${l.moreConflicts(finding.count - conflicts.length)}`);
}

function severityTag(severity: string, l: ReportText): string {
  return severity === "error" ? l.error : l.warning;
}

/** The distinct places of a conflict's occurrences: `lich.yaml:40`. */
function placesOf(conflict: ReportConflict, l: ReportText): string[] {
  const sources = conflict.occurrences.flatMap((occurrence) => (occurrence.source ? [occurrence.source] : []));
  sources.sort((a, b) => ((a.file ?? "") < (b.file ?? "") ? -1 : (a.file ?? "") > (b.file ?? "") ? 1 : a.line - b.line));
  return [...new Set(sources.map((source) => place(source, l)))].map(inert);
}

function place(source: ReportSource, l: ReportText): string {
  return source.file === undefined ? l.line(source.line) : `${source.file}:${source.line}`;
}

/**
 * An overlap in local words from its ISO 8601 ends (their own offsets): "T5 07/03/2024
 * 09:00–11:00", or both dates when it spans days.
 */
export function overlapText(overlap: { readonly start: string; readonly end: string }, lang: Lang): string {
  const at = (iso: string) => {
    const date = iso.slice(0, 10);
    const day = weekdayOf(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))));
    return { date, words: `${WEEKDAY_NAMES[lang][day]} ${formatDmy(date)}`, time: iso.slice(11, 16) };
  };
  const start = at(overlap.start);
  const end = at(overlap.end);
  return start.date === end.date ? `${start.words} ${start.time}–${end.time}` : `${start.words} ${start.time} – ${end.words} ${end.time}`;
}
