import type { Occurrence } from "../recurrence/occurrence";
import { locate } from "../source";
import type { Schedule } from "../schema/model";
import type { Report, ReportLocator, ReportOccurrence, ReportSource } from "./report";

/**
 * Where a schedule's occurrences and conflicts are, for `buildReport`: an occurrence is at its
 * meeting (or at the `changes` entry that changed or moved it); a conflict is annotated on its
 * first occurrence of a meeting in `changed`, else on its first occurrence, and a conflict
 * without occurrences on its rule.
 */
export function reportLocator(schedule: Schedule, changed: ReadonlySet<string> | undefined): ReportLocator {
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
  return {
    occurrence(occurrence: Occurrence) {
      const index = meetingIndex.get(occurrence.meeting);
      if (index === undefined) return undefined;
      return sourceAt(occurrence.change === undefined ? ["meetings", index] : ["meetings", index, "changes", occurrence.change]);
    },
    conflict(occurrences: readonly ReportOccurrence[], rule: string | null) {
      const target =
        (changed && occurrences.find((occurrence) => changed.has(occurrence.meeting) && occurrence.source)) ??
        occurrences.find((occurrence) => occurrence.source);
      if (target) return target.source;
      const index = rule === null ? undefined : ruleIndex.get(rule);
      return index === undefined ? undefined : sourceAt(["rules", index]);
    },
  };
}

/**
 * A located report with its conflicts annotated on their first occurrence of a meeting in
 * `changed`, as if it had been located with `changed`: for when the changed meetings are known
 * only after the check. Returns a new report.
 */
export function placeOnChanged(report: Report, changed: ReadonlySet<string>): Report {
  const conflicts = report.conflicts.map((conflict) => {
    const target = conflict.occurrences.find((occurrence) => changed.has(occurrence.meeting) && occurrence.source);
    return target?.source && target.source !== conflict.source ? { ...conflict, source: target.source } : conflict;
  });
  const sourceOf = new Map(conflicts.map((conflict) => [conflict.id, conflict.source]));
  // A finding is annotated where its first conflict is.
  const findings = report.findings?.map((finding) => {
    const source = sourceOf.get(finding.conflicts[0] as string);
    return source && source !== finding.source ? { ...finding, source } : finding;
  });
  return findings === undefined ? { ...report, conflicts } : { ...report, conflicts, findings };
}
