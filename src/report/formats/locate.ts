import type { Conflict } from "../../conflicts/conflict";
import { locate } from "../../source";
import type { Schedule } from "../../schema/model";
import type { Report, ReportConflict, ReportSource } from "../report";
import { argList, argOptions, argReport } from "../../internal/args";
import { ensureSchedule } from "../../load/guard";

/** Options for {@link locateReport}. */
export interface LocateOptions {
  /**
   * Ids of the meetings that are new or changed against a base (see `changedMeetings`): a
   * conflict is annotated on its first occurrence of such a meeting, else on its first occurrence.
   */
  readonly changed?: ReadonlySet<string>;
}

/**
 * Adds source positions to a report: every occurrence gets the file, line and column of its
 * meeting (or of the `changes` entry that changed or moved it), and every conflict a `source`
 * where annotations go: its occurrence of a new or changed meeting, else its first occurrence
 * (a conflict without occurrences points at its rule). Returns a new report.
 *
 * @example
 * const { report, conflicts } = checkScheduleResult;
 * const located = locateReport(report, conflicts, schedule);
 * located.conflicts[0]?.source; // { file: "lich.yaml", line: 40, column: 5 }
 */
export function locateReport(report: Report, conflicts: readonly Conflict[], schedule: Schedule, options: LocateOptions = {}): Report {
  argReport(report, "locateReport: report");
  argList(conflicts, "locateReport: conflicts", "the conflicts of safeCheckSchedule's result");
  schedule = ensureSchedule(schedule, "locateReport: schedule", undefined);
  argOptions(options, "locateReport");
  const byId = new Map(conflicts.map((conflict) => [conflict.id, conflict]));
  const meetingIndex = new Map(schedule.meetings.map((meeting, index) => [meeting.id, index]));
  const ruleIndex = new Map(schedule.rules.map((rule, index) => [rule.id, index]));
  // One source object per place, shared by every occurrence of a meeting: a report may name
  // the same meetings hundreds of thousands of times.
  const sources = new Map<string, ReportSource | undefined>();
  const sourceAt = (path: readonly (string | number)[]): ReportSource | undefined => {
    const key = path.join("/");
    if (sources.has(key)) return sources.get(key);
    const where = locate(schedule.source, path);
    const source: ReportSource | undefined =
      where.line === undefined || where.column === undefined
        ? undefined
        : where.file === undefined
          ? { line: where.line, column: where.column }
          : { file: where.file, line: where.line, column: where.column };
    sources.set(key, source);
    return source;
  };
  const locateConflict = (conflict: ReportConflict): ReportConflict => {
    const found = byId.get(conflict.id);
    const occurrences = conflict.occurrences.map((occurrence, k) => {
      const index = meetingIndex.get(occurrence.meeting);
      if (index === undefined) return occurrence;
      const change = found?.occurrences[k]?.meeting === occurrence.meeting ? found.occurrences[k]?.change : undefined;
      const source = sourceAt(change === undefined ? ["meetings", index] : ["meetings", index, "changes", change]);
      return source ? { ...occurrence, source } : occurrence;
    });
    const target =
      occurrences.find((occurrence) => options.changed?.has(occurrence.meeting) && occurrence.source) ??
      occurrences.find((occurrence) => occurrence.source);
    const rule = conflict.rule === null ? undefined : ruleIndex.get(conflict.rule);
    const source = target?.source ?? (rule === undefined ? undefined : sourceAt(["rules", rule]));
    return { ...conflict, occurrences, ...(source ? { source } : {}) };
  };
  return { ...report, conflicts: report.conflicts.map(locateConflict) };
}
