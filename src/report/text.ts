import { inert } from "../internal/inert";
import type { FindingsStream, LazyList, Report, ReportConflict, ReportFinding, ReportSource } from "./report";
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
  return reportText(report, lang, options.detail === true);
}

/** Lines written under a finding's block, before its id (`check --suggest`'s moves). */
export type FindingNotes = (finding: ReportFinding) => readonly string[] | undefined;

/** What the CLI adds to the text: `notes` under each finding, and severity colours (ANSI) for a terminal. */
export interface TextExtras {
  readonly notes?: FindingNotes | undefined;
  readonly color?: boolean | undefined;
}

/** {@link formatReportText} of a report known to be well formed, with the CLI's {@link TextExtras}. */
export function reportText(report: Report, lang: Lang, detail: boolean, extras: TextExtras = {}): string {
  const chunks: string[] = [];
  const write = (text: string) => void chunks.push(text);
  const { findings } = report;
  if (findings === undefined) {
    conflictsText(report, lang, write);
  } else {
    const byId = new Map(report.conflicts.map((conflict) => [conflict.id, conflict]));
    const item = (index: number) => {
      const finding = findings[index] as ReportFinding;
      // With a base, only the conflicts a change introduces are listed: a finding shows those it has.
      const conflicts = finding.conflicts.map((id) => byId.get(id)).filter((c): c is ReportConflict => c !== undefined);
      return { finding, conflicts };
    };
    findingsText(report, { length: findings.length, item }, lang, detail, write, extras);
  }
  return chunks.join("");
}

/**
 * Writes a {@link FindingsStream} as {@link formatReportText} writes its report, a block at a
 * time through `write`, each finding put in report form only as it is written: the text of a
 * check with tens of thousands of findings is never held whole.
 */
export function writeFindingsText(stream: FindingsStream, lang: Lang, write: (text: string) => void, extras: TextExtras = {}): void {
  const item = (index: number) => {
    const { finding, sample } = stream.findings.item(index);
    return { finding, conflicts: [sample] };
  };
  findingsText(stream, { length: stream.findings.length, item }, lang, false, write, extras);
}

/** A finding with the conflicts listed under it (its first one names the overlap and the places). */
interface FindingEntry {
  readonly finding: ReportFinding;
  readonly conflicts: readonly ReportConflict[];
}

/** The text of a report with findings: its title, a block per finding, then the summary. */
function findingsText(
  head: Pick<Report, "horizon" | "summary">,
  findings: LazyList<FindingEntry>,
  lang: Lang,
  detail: boolean,
  write: (text: string) => void,
  extras: TextExtras = {},
): void {
  const l = REPORT_TEXT[lang];
  write(`${inert(l.title(head.horizon.from, head.horizon.to))}\n\n`);
  for (let index = 0; index < findings.length; index++) {
    const { finding, conflicts } = findings.item(index);
    const lines: string[] = [];
    findingBlock(lines, index + 1, finding, conflicts, l, lang, detail, extras.notes?.(finding), extras.color === true);
    write(`${lines.join("\n")}\n`);
  }
  write(`${findings.length === 0 ? l.none : ""}\n${l.summary(head.summary)}\n`);
}

/** The text of a report built before findings existed: a block per conflict, then the summary. */
function conflictsText(report: Report, lang: Lang, write: (text: string) => void): void {
  const l = REPORT_TEXT[lang];
  const lines = [inert(l.title(report.horizon.from, report.horizon.to)), ""];
  report.conflicts.forEach((conflict, index) => {
    lines.push(`${index + 1}. [${severityTag(conflict.severity, l)}] ${inert(conflict.message)}`);
    if (conflict.overlap) lines.push(`   ${l.overlap}: ${overlapText(conflict.overlap, lang)}`);
    lines.push(`   id: ${inert(conflict.id)}`);
  });
  lines.push(report.conflicts.length === 0 ? l.none : "");
  lines.push(l.summary(report.summary));
  write(`${lines.join("\n")}\n`);
}

function findingBlock(
  lines: string[],
  number: number,
  finding: ReportFinding,
  conflicts: readonly ReportConflict[],
  l: ReportText,
  lang: Lang,
  detail: boolean,
  notes: readonly string[] | undefined,
  color: boolean,
): void {
  const tag = `[${severityTag(finding.severity, l)}]`;
  lines.push(`${number}. ${color ? colored(tag, finding.severity) : tag} ${inert(finding.message)}`);
  const change = findingChangeText(finding, lang);
  if (change !== undefined) lines.push(`   ${inert(change.charAt(0).toUpperCase() + change.slice(1))}`);
  if (finding.rule !== null) lines.push(`   ${l.rule}: ${inert(finding.title)}`);
  const sample = conflicts[0];
  if (sample?.overlap) lines.push(`   ${l.overlap}: ${overlapText(sample.overlap, lang)}`);
  // A cadence period with nothing counted has no occurrence to point at: the finding's place (its rule).
  const sampled = sample ? placesOf(sample, l) : [];
  const places = sampled.length === 0 && finding.source ? [inert(place(finding.source, l))] : sampled;
  if (places.length > 0) lines.push(`   ${l.at}: ${places.join(", ")}`);
  for (const note of notes ?? []) lines.push(`   ${inert(note)}`);
  lines.push(`   id: ${inert(finding.id)}`);
  if (!detail) return;
  for (const conflict of conflicts) {
    lines.push(`   - ${inert(conflict.message)}`);
    if (conflict.overlap) lines.push(`     ${l.overlap}: ${overlapText(conflict.overlap, lang)}`);
    lines.push(`     id: ${inert(conflict.id)}`);
  }
  if (finding.count > conflicts.length) lines.push(`   ${l.moreConflicts(finding.count - conflicts.length)}`);
}

/** A severity tag in the terminal's red (error) or yellow (warning), bold. */
function colored(tag: string, severity: string): string {
  return `\u001b[1;${severity === "error" ? 31 : 33}m${tag}\u001b[0m`;
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

/** A local date or time (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`) in words: "T5 07/03/2024 08:00". */
export function occurrenceText(local: string, lang: Lang): string {
  const date = local.slice(0, 10);
  const day = weekdayOf(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))));
  const words = `${WEEKDAY_NAMES[lang][day]} ${formatDmy(date)}`;
  return local.length > 10 ? `${words} ${local.slice(11, 16)}` : words;
}

/**
 * An overlap in local words from its ISO 8601 ends (their own offsets): "T5 07/03/2024
 * 09:00–11:00", or both dates when it spans days.
 */
export function overlapText(overlap: { readonly start: string; readonly end: string }, lang: Lang): string {
  const at = (iso: string) => ({ date: iso.slice(0, 10), words: occurrenceText(iso.slice(0, 10), lang), time: iso.slice(11, 16) });
  const start = at(overlap.start);
  const end = at(overlap.end);
  return start.date === end.date ? `${start.words} ${start.time}–${end.time}` : `${start.words} ${start.time} – ${end.words} ${end.time}`;
}
