import { levelSeverity } from "../../conflicts/conflict";
import type { Schedule } from "../../schema/model";
import type { Severity } from "../../schema/schedule";
import { CHECK_TITLES, isBuiltInCheck, type Lang } from "../../messages";
import type { Report, ReportConflict, ReportFinding } from "../report";
import { ensureSchedule } from "../../load/guard";

/** A rule or built-in check as CI formats list it (a JUnit test suite, a SARIF rule). */
export interface CheckEntry {
  /** `rule/<rule id>` for the file's rules, `check/<kind>` for the built-in checks. */
  readonly id: string;
  readonly title: string;
  readonly level: Severity;
}

/** The CI name of a conflict's rule or check: `rule/<id>` or `check/<kind>`. */
export function checkId(conflict: Pick<ReportConflict, "kind" | "rule">): string {
  return conflict.rule === null ? `check/${conflict.kind}` : `rule/${conflict.rule}`;
}

/**
 * The rules and enabled built-in checks of a schedule, in file order then check order: what a
 * JUnit report lists as test suites and a SARIF log as rules.
 *
 * @example
 * checkEntries(schedule, "en"); // [{ id: "rule/hdnd-khong-trung-ubnd", title: "…", level: "error" }, { id: "check/attendee", … }]
 */
export function checkEntries(schedule: Pick<Schedule, "rules" | "checks">, lang: Lang = "vi"): CheckEntry[] {
  const entries: CheckEntry[] = schedule.rules.map((rule) => ({
    id: `rule/${rule.id}`,
    title: rule.title,
    level: rule.severity ?? "error",
  }));
  const builtIn = [
    ["attendee", schedule.checks?.attendee, "error"],
    ["room", schedule.checks?.room, "error"],
    ["day-off", schedule.checks?.dayOff, "warning"],
    ["working-hours", schedule.checks?.workingHours, "warning"],
  ] as const;
  for (const [kind, level, fallback] of builtIn) {
    const severity = levelSeverity(level, fallback);
    if (severity) entries.push({ id: `check/${kind}`, title: CHECK_TITLES[lang][kind], level: severity });
  }
  return entries;
}

/** The entries given, plus one for every rule or check a conflict (or finding) names that they lack. */
export function entriesWithConflicts(
  entries: readonly CheckEntry[],
  conflicts: readonly Pick<ReportConflict, "kind" | "rule" | "severity">[],
  lang: Lang = "vi",
): CheckEntry[] {
  const out = [...entries];
  for (const conflict of conflicts) {
    const id = checkId(conflict);
    if (out.some((entry) => entry.id === id)) continue;
    const title = conflict.rule ?? (isBuiltInCheck(conflict.kind) ? CHECK_TITLES[lang][conflict.kind] : conflict.kind);
    out.push({ id, title, level: conflict.severity });
  }
  return out;
}

/** A file path as CI tools want it: forward slashes, no leading `./`. */
export function ciPath(file: string): string {
  return file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/**
 * What a CI format lists for a report: the schedule's rules and enabled checks (validated as any
 * schedule given to a public function) and any others its conflicts name; without a schedule,
 * only those its conflicts name. `lang` defaults to the schedule's `locale`, else vi.
 */
export function ciEntries(report: Report, schedule: Schedule | undefined, lang: Lang | undefined, where: string): CheckEntry[] {
  const named = [...report.conflicts, ...(report.findings ?? [])];
  if (schedule === undefined) return entriesWithConflicts([], named, lang);
  const checked = ensureSchedule(schedule, `${where}: schedule`, lang);
  const language = lang ?? checked.locale ?? "vi";
  return entriesWithConflicts(checkEntries(checked, language), named, language);
}

/**
 * The titles of a finding's meetings: from the schedule when given (in file order), else from its
 * conflicts' occurrences, else the ids.
 */
export function meetingTitles(finding: ReportFinding, report: Report, schedule: Schedule | undefined): string[] {
  const order = new Map(schedule?.meetings.map((meeting, index) => [meeting.id, index]));
  const meetings = [...finding.meetings].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return meetings.map((id) => {
    const fromSchedule = schedule?.meetings.find((meeting) => meeting.id === id)?.title;
    if (fromSchedule !== undefined) return fromSchedule;
    for (const conflict of report.conflicts) {
      if (conflict.finding !== finding.id) continue;
      const occurrence = conflict.occurrences.find((o) => o.meeting === id);
      if (occurrence) return occurrence.title;
    }
    return id;
  });
}
