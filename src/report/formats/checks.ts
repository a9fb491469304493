import { levelSeverity } from "../../conflicts/conflict";
import type { Schedule } from "../../schema/model";
import type { Severity } from "../../schema/schedule";
import { CHECK_TITLES, isBuiltInCheck, type Lang } from "../../messages";
import type { FindingsStream, Report, ReportConflict, ReportFinding } from "../report";
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
  return ciEntriesOf([...report.conflicts, ...(report.findings ?? [])], schedule, lang, where);
}

/** {@link ciEntries} for the rules and checks that `named` (conflicts or findings) name. */
export function ciEntriesOf(
  named: readonly Pick<ReportConflict, "kind" | "rule" | "severity">[],
  schedule: Schedule | undefined,
  lang: Lang | undefined,
  where: string,
): CheckEntry[] {
  if (schedule === undefined) return entriesWithConflicts([], named, lang);
  const checked = ensureSchedule(schedule, `${where}: schedule`, lang);
  const language = lang ?? checked.locale ?? "vi";
  return entriesWithConflicts(checkEntries(checked, language), named, language);
}

/** What a CI format groups and counts a finding by, read without putting the finding in report form. */
export type FindingFacts = Pick<ReportFinding, "kind" | "rule" | "severity" | "count" | "diff">;

/**
 * The findings of a report as the CI formats read them: how many, each one's facts, and each in
 * report form with the conflicts listed under it, made when read. A format writes a finding and
 * lets it go, so the output of tens of thousands of findings is never held whole.
 */
export interface FindingsView {
  readonly summary: Report["summary"];
  /** The conflicts the report lists: CI formats take the rules and checks they name first. */
  readonly conflicts: () => readonly Pick<ReportConflict, "kind" | "rule" | "severity">[];
  readonly length: number;
  readonly facts: (index: number) => FindingFacts;
  readonly item: (index: number) => { readonly finding: ReportFinding; readonly conflicts: readonly ReportConflict[] };
}

/** The view of a report that has findings. */
export function reportView(report: Report & { readonly findings: readonly ReportFinding[] }): FindingsView {
  const { findings } = report;
  return {
    summary: report.summary,
    conflicts: () => report.conflicts,
    length: findings.length,
    facts: (index) => findings[index] as ReportFinding,
    item: (index) => {
      const finding = findings[index] as ReportFinding;
      return { finding, conflicts: findingConflicts(report, finding.id) };
    },
  };
}

/** The view of a findings stream: each finding with its first conflict. */
export function streamView(stream: FindingsStream): FindingsView {
  return {
    summary: stream.summary,
    conflicts: stream.samples,
    length: stream.findings.length,
    facts: stream.facts,
    item: (index) => {
      const { finding, sample } = stream.findings.item(index);
      return { finding, conflicts: [sample] };
    },
  };
}

/** Every finding's facts, in order. */
export function allFacts(view: FindingsView): FindingFacts[] {
  return Array.from({ length: view.length }, (_, k) => view.facts(k));
}

/** {@link ciEntries} for a view: the rules and checks its conflicts, then its findings, name. */
export function viewEntries(
  view: FindingsView,
  facts: readonly FindingFacts[],
  schedule: Schedule | undefined,
  lang: Lang | undefined,
  where: string,
): CheckEntry[] {
  return ciEntriesOf([...view.conflicts(), ...facts], schedule, lang, where);
}

/**
 * The titles of a finding's meetings: from the schedule when given (in file order), else from its
 * conflicts' occurrences, else the ids.
 */
export function meetingTitles(finding: ReportFinding, conflicts: readonly ReportConflict[], schedule: Schedule | undefined): string[] {
  const order = schedule ? meetingsOf(schedule) : undefined;
  const place = (id: string) => order?.get(id)?.index ?? 0;
  const meetings = [...finding.meetings].sort((a, b) => place(a) - place(b));
  return meetings.map((id) => {
    const fromSchedule = order?.get(id)?.meeting.title;
    if (fromSchedule !== undefined) return fromSchedule;
    for (const conflict of conflicts) {
      const occurrence = conflict.occurrences.find((o) => o.meeting === id);
      if (occurrence) return occurrence.title;
    }
    return id;
  });
}

const MEETINGS = new WeakMap<Schedule, ReadonlyMap<string, { readonly index: number; readonly meeting: Schedule["meetings"][number] }>>();

/** A schedule's meetings by id, with their places in the file: indexed once per schedule. */
export function meetingsOf(
  schedule: Schedule,
): ReadonlyMap<string, { readonly index: number; readonly meeting: Schedule["meetings"][number] }> {
  let found = MEETINGS.get(schedule);
  if (!found) {
    found = new Map(schedule.meetings.map((meeting, index) => [meeting.id, { index, meeting }]));
    MEETINGS.set(schedule, found);
  }
  return found;
}

const BY_FINDING = new WeakMap<Report, ReadonlyMap<string, readonly ReportConflict[]>>();

/**
 * The conflicts a report lists under a finding, in report order: the report is indexed once, so
 * a report of tens of thousands of findings is not scanned once per finding.
 */
export function findingConflicts(report: Report, finding: string): readonly ReportConflict[] {
  let index = BY_FINDING.get(report);
  if (!index) {
    const built = new Map<string, ReportConflict[]>();
    for (const conflict of report.conflicts) {
      if (conflict.finding === undefined) continue;
      const list = built.get(conflict.finding);
      if (list) list.push(conflict);
      else built.set(conflict.finding, [conflict]);
    }
    index = built;
    BY_FINDING.set(report, index);
  }
  return index.get(finding) ?? [];
}
