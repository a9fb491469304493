import { UsageError } from "../errors";
import { inert } from "../internal/inert";
import { type Lang, message, REPORT_TEXT } from "../messages";
import type { Report, ReportFinding, ReportOccurrence } from "../report/report";
import { occurrenceText, overlapText } from "../report/text";
import { type Clash, isMovable, type Move, type MovePlanner, type MovesResult, movePlanner, type SeriesMove } from "../slots/suggest";
import { writeJson, type Output } from "./io";
import { loadScheduleFile } from "./load";
import { nowOption } from "./now";
import type { CommonOptions } from "./options";

/** The most findings one run searches moves for (each costs checks of the whole schedule). */
export const MAX_SUGGESTED_FINDINGS = 20;
/** Days searched from a clash's date: `--days`' default. */
export const SUGGEST_DAYS = 14;

/** The options of `lichhop suggest`, as the command line gives them. */
export interface SuggestCommandOptions extends CommonOptions {
  readonly finding?: string | undefined;
  readonly conflict?: string | undefined;
  /** Moves per side (default 3). */
  readonly count?: number | undefined;
  /** Days searched from the clash's date (default {@link SUGGEST_DAYS}). */
  readonly days?: number | undefined;
  /** `--now`, a local time (or a date: its start) in the schedule's zone; else {@link SuggestCommandOptions.clock}. */
  readonly now?: string | undefined;
  /** The present, read by the caller (the clock is read in `main` only). */
  readonly clock: number;
}

/** The moves searched for a report's findings, best first per side, with what was left out. */
export interface Suggestions {
  readonly results: readonly MovesResult[];
  /** Movable findings past {@link MAX_SUGGESTED_FINDINGS}, not searched. */
  readonly more: number;
  /** Cadence and lead-time findings, which are not moved. */
  readonly skipped: number;
}

/** The findings of a report moves are searched for, in report order, at most {@link MAX_SUGGESTED_FINDINGS}. */
export function suggestFindings(planner: MovePlanner, findings: readonly ReportFinding[], count: number, days: number): Suggestions {
  const movable = findings.filter((finding) => isMovable(finding.kind));
  const results: MovesResult[] = [];
  for (const finding of movable.slice(0, MAX_SUGGESTED_FINDINGS)) {
    const clash = planner.clash(finding.id);
    if (typeof clash !== "string") results.push(planner.moves(clash, count, days));
  }
  return {
    results,
    more: Math.max(0, movable.length - MAX_SUGGESTED_FINDINGS),
    skipped: findings.length - movable.length,
  };
}

/** The occurrences of a result's conflict as the report writes them (titles in its language, places). */
function occurrencesOf(report: Report, result: MovesResult): readonly ReportOccurrence[] {
  return report.conflicts.find((conflict) => conflict.id === result.conflict)?.occurrences ?? [];
}

/** A `changes` entry (or a meeting's fields) as one YAML flow mapping, every string double-quoted (JSON's escapes are YAML's). */
export function changeYaml(change: Move["change"] | SeriesMove["edit"]): string {
  const fields = Object.entries(change).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `{ ${fields.join(", ")} }`;
}

/** The moves of one clash as text lines (`lichhop suggest`). */
function resultLines(result: MovesResult, report: Report, days: number, lang: Lang): string[] {
  const lines: string[] = [];
  const occurrences = occurrencesOf(report, result);
  lines.push(`   ${message(lang, "suggest-date", { date: occurrenceText(result.date, lang) })}`);
  result.sides.forEach((side, index) => {
    const occurrence = occurrences[index];
    const source = occurrence?.source;
    const place = source ? (source.file === undefined ? REPORT_TEXT[lang].line(source.line) : `${source.file}:${source.line}`) : undefined;
    const title = occurrence?.title ?? side.meeting;
    lines.push(`   ${message(lang, "suggest-side", { title, occurrence: occurrenceText(side.occurrence, lang), place })}:`);
    if (side.notMoved === "all-day") lines.push(`     ${message(lang, "suggest-all-day")}`);
    else if (side.notMoved === "past") lines.push(`     ${message(lang, "suggest-past")}`);
    else if (side.moves.length === 0)
      lines.push(`     ${message(lang, "suggest-no-move", { days, from: occurrenceText(result.date, lang) })}`);
    side.moves.forEach((move, k) => {
      lines.push(`     ${k + 1}) ${move.reason}`);
      lines.push(`        ${message(lang, "suggest-effects", { resolves: move.resolves.length, adds: move.adds.length })}`);
      lines.push(`        ${message(lang, "suggest-paste")}`);
      lines.push(`          - ${changeYaml(move.change)}`);
    });
    if (side.series && side.series.length > 0) {
      const dates = report.findings?.find((f) => f.id === result.finding)?.dateCount ?? 0;
      lines.push(`     ${message(lang, "suggest-series-heading", { dates })}`);
      side.series.forEach((move, k) => {
        lines.push(`     ${String.fromCharCode(97 + k)}) ${move.reason}`);
        lines.push(`        ${message(lang, "suggest-effects", { resolves: move.resolves.length, adds: move.adds.length })}`);
        lines.push(`        ${message(lang, "suggest-series-paste")}`);
        lines.push(`          ${changeYaml(move.edit)}`);
      });
    }
  });
  return lines;
}

/** The text of `lichhop suggest`: a block per finding, then what was left out. */
export function suggestionsText(suggestions: Suggestions, report: Report, days: number, lang: Lang): string {
  const l = REPORT_TEXT[lang];
  const byId = new Map((report.findings ?? []).map((finding) => [finding.id, finding]));
  const lines: string[] = [];
  if (suggestions.results.length === 0) lines.push(message(lang, "suggest-nothing"));
  else lines.push(message(lang, "suggest-heading", { count: suggestions.results.length }), "");
  suggestions.results.forEach((result, index) => {
    const finding = byId.get(result.finding);
    const severity = finding?.severity === "warning" ? l.warning : l.error;
    lines.push(`${index + 1}. [${severity}] ${finding?.message ?? result.finding}`);
    lines.push(...resultLines(result, report, days, lang));
    lines.push(`   id: ${result.finding}`, "");
  });
  if (suggestions.more > 0) {
    lines.push(message(lang, "suggest-more", { shown: MAX_SUGGESTED_FINDINGS, more: suggestions.more }));
  }
  if (suggestions.skipped > 0) lines.push(message(lang, "suggest-skipped", { count: suggestions.skipped }));
  return `${lines.map(inert).join("\n").trimEnd()}\n`;
}

/**
 * `check --suggest`: the line under a finding for the top move of each side of its clash (or
 * that none was found).
 */
export function suggestionLines(result: MovesResult, report: Report, days: number, lang: Lang): string[] {
  const occurrences = occurrencesOf(report, result);
  const lines: string[] = [];
  result.sides.forEach((side, index) => {
    const title = occurrences[index]?.title ?? side.meeting;
    const series = side.series?.[0];
    if (series) {
      lines.push(message(lang, "suggest-series-line", { title, when: `${series.from}–${series.to}`, edit: changeYaml(series.edit) }));
    }
    const move = side.moves[0];
    if (!move) return;
    const when = overlapText(move, lang);
    lines.push(message(lang, "suggest-line", { title, occurrence: occurrenceText(side.occurrence, lang), when }));
    lines.push(`  ${message(lang, "suggest-paste-line", { entry: `- ${changeYaml(move.change)}` })}`);
  });
  if (lines.length === 0) {
    const past = result.sides.some((side) => side.notMoved === "past") && result.sides.every((side) => side.notMoved !== "no-time");
    lines.push(message(lang, "suggest-line-none", { days, past }));
  }
  return lines;
}

/**
 * `lichhop suggest FILE [--finding ID | --conflict ID]`: new times for either side of each clash
 * (of one finding or conflict, else of every finding, up to {@link MAX_SUGGESTED_FINDINGS}), each
 * as a `changes` entry to paste, checked against the whole schedule. Exit 0 when every clash
 * searched has a move (or is past), 1 when one has none.
 */
export function runSuggest(file: string, options: SuggestCommandOptions, out: Output): number {
  const schedule = loadScheduleFile(file, options);
  const lang = options.lang ?? schedule.locale ?? "vi";
  if (options.finding !== undefined && options.conflict !== undefined) throw new UsageError(message(lang, "suggest-one-id"));
  const now = nowOption(schedule, options.now, options.clock, lang);
  const count = options.count ?? 3;
  const days = options.days ?? SUGGEST_DAYS;
  const planner = movePlanner(schedule, {
    now,
    lang,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const id = options.finding ?? options.conflict;
  let suggestions: Suggestions;
  if (id !== undefined) {
    const option = options.finding !== undefined ? "--finding" : "--conflict";
    const known =
      option === "--finding" ? (planner.report.findings ?? []).some((f) => f.id === id) : planner.report.conflicts.some((c) => c.id === id);
    const clash: Clash | string = known ? planner.clash(id) : "";
    if (!known) throw new UsageError(message(lang, "suggest-unknown-id", { option, id, findings: planner.report.findings?.length ?? 0 }));
    if (typeof clash === "string") throw new UsageError(message(lang, "suggest-not-movable", { option, id }));
    suggestions = { results: [planner.moves(clash, count, days)], more: 0, skipped: 0 };
  } else {
    suggestions = suggestFindings(planner, planner.report.findings ?? [], count, days);
  }
  if (options.format === "json") {
    const { results, more, skipped } = suggestions;
    writeJson({ version: 1, suggestions: results, more, skipped }, out);
  } else {
    out.stdout(suggestionsText(suggestions, planner.report, days, lang));
  }
  // A clash wholly in the past needs no move; any other clash without one does.
  const stuck = suggestions.results.some(
    (result) => result.sides.every((side) => side.moves.length === 0) && result.sides.some((side) => side.notMoved !== "past"),
  );
  return stuck ? 1 : 0;
}
