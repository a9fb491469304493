import type { FindingDiff, Report, ReportConflict, ReportFinding } from "../report/report";
import { argReport } from "../internal/args";
import { placeFindings, type MeetingChanges } from "../report/locate";
import type { Schedule } from "../schema/model";

/** The conflicts of a proposed report split against a base report, matched by fingerprint (`id`). */
export interface ReportDiff {
  /** In the proposed report, not in the base: what the change introduces. */
  readonly new: readonly ReportConflict[];
  /** In the base, not in the proposed report: what the change resolves. */
  readonly fixed: readonly ReportConflict[];
  /** In both (a moved occurrence that still clashes keeps its fingerprint). */
  readonly unchanged: readonly ReportConflict[];
}

/**
 * Splits the conflicts of a proposed schedule's report into new, fixed and unchanged against the
 * base's report. Conflicts match by their stable fingerprint (the `id`: kind, rule, subjects and
 * the occurrences' meeting ids and original starts), so reordering, adding or removing unrelated
 * meetings changes nothing, and moving a clashing occurrence keeps the conflict the same.
 * Each list keeps its report's order.
 *
 * @example
 * const diff = diffReports(checkSchedule(base), checkSchedule(proposed));
 * diff.new.length; // conflicts the proposal introduces
 */
export function diffReports(base: Report, proposed: Report): ReportDiff {
  argReport(base, "diffReports: base");
  argReport(proposed, "diffReports: proposed");
  const baseIds = new Set(base.conflicts.map((conflict) => conflict.id));
  const proposedIds = new Set(proposed.conflicts.map((conflict) => conflict.id));
  return {
    new: proposed.conflicts.filter((conflict) => !baseIds.has(conflict.id)),
    fixed: base.conflicts.filter((conflict) => !proposedIds.has(conflict.id)),
    unchanged: proposed.conflicts.filter((conflict) => baseIds.has(conflict.id)),
  };
}

/** The most gained or lost dates a finding's `diff` lists (it counts them all). */
const MAX_DIFF_DATES = 100;

/** A finding of the proposed report as it stands against the base. */
export interface FindingChange {
  readonly finding: ReportFinding;
  /** Dates it has that the base's finding lacks, sorted (all of them). */
  readonly gained: readonly string[];
  /** Dates the base's finding had that it lacks, sorted (all of them). */
  readonly lost: readonly string[];
}

/** The findings of a proposed report split against a base report, matched by finding id. */
export interface FindingsDiff {
  /** In the proposed report, not in the base. */
  readonly new: readonly FindingChange[];
  /** In both, with dates gained or lost, or a meeting of it changed (see {@link diffFindings}). */
  readonly changed: readonly FindingChange[];
  /** In the base, not in the proposed report. */
  readonly fixed: readonly ReportFinding[];
  /** In both, the same. */
  readonly unchanged: readonly ReportFinding[];
}

/**
 * The local date a report's conflict is filed under, as its finding counts it: where its
 * occurrences overlap (in its first occurrence's offset), else its first occurrence's start; a
 * cadence conflict's period's first day.
 */
export function reportConflictDate(conflict: ReportConflict): string {
  if (conflict.period) return conflict.period.from;
  const first = conflict.occurrences[0];
  if (!first) return "";
  if (!conflict.overlap) return first.start.slice(0, 10);
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(first.start);
  if (!offset) return conflict.overlap.start.slice(0, 10);
  const minutes = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(Date.parse(conflict.overlap.start) + minutes * 60_000).toISOString().slice(0, 10);
}

/** Each finding's dates and conflict ids, from its conflicts (a report lists them all; a finding's own lists stop at 100). */
function byFinding(report: Report): Map<string, { dates: Set<string>; ids: Set<string> }> {
  const out = new Map<string, { dates: Set<string>; ids: Set<string> }>();
  for (const conflict of report.conflicts) {
    if (conflict.finding === undefined) continue;
    let entry = out.get(conflict.finding);
    if (!entry) out.set(conflict.finding, (entry = { dates: new Set(), ids: new Set() }));
    entry.dates.add(reportConflictDate(conflict));
    entry.ids.add(conflict.id);
  }
  return out;
}

/**
 * Splits the findings of a proposed report against a base report by finding id (kind, rule,
 * subjects and meeting series: retiming or moving a series keeps it): **new**, **changed** (in
 * both, its dates gained or lost some, or its conflicts are others — a retimed series that still
 * clashes on the same days is changed with nothing gained), **fixed** and **unchanged**. Each
 * list keeps its report's order.
 *
 * @example
 * const diff = diffFindings(baseReport, proposedReport);
 * diff.changed[0]?.gained; // ["2024-03-14"]
 */
export function diffFindings(base: Report, proposed: Report): FindingsDiff {
  argReport(base, "diffFindings: base");
  argReport(proposed, "diffFindings: proposed");
  const baseFindings = base.findings ?? [];
  const proposedFindings = proposed.findings ?? [];
  const baseIds = new Set(baseFindings.map((finding) => finding.id));
  const proposedIds = new Set(proposedFindings.map((finding) => finding.id));
  const baseGroups = byFinding(base);
  const proposedGroups = byFinding(proposed);
  const out = { new: [] as FindingChange[], changed: [] as FindingChange[], unchanged: [] as ReportFinding[] };
  for (const finding of proposedFindings) {
    const now = proposedGroups.get(finding.id) ?? { dates: new Set(finding.dates), ids: new Set(finding.conflicts) };
    if (!baseIds.has(finding.id)) {
      out.new.push({ finding, gained: [...now.dates].sort(), lost: [] });
      continue;
    }
    const then = baseGroups.get(finding.id) ?? { dates: new Set<string>(), ids: new Set<string>() };
    const gained = [...now.dates].filter((date) => !then.dates.has(date)).sort();
    const lost = [...then.dates].filter((date) => !now.dates.has(date)).sort();
    const others = now.ids.size !== then.ids.size || [...now.ids].some((id) => !then.ids.has(id));
    if (gained.length > 0 || lost.length > 0 || others) {
      out.changed.push({ finding, gained, lost });
    } else {
      out.unchanged.push(finding);
    }
  }
  return { ...out, fixed: baseFindings.filter((finding) => !proposedIds.has(finding.id)) };
}

/** Options of {@link reportAgainstBase}. */
export interface AgainstBaseOptions {
  /**
   * What differs in each meeting against the base (`meetingChanges(base, proposed)`): with
   * `schedule`, each finding is annotated on the field that changed (see `placeFindings`).
   */
  readonly changes?: MeetingChanges;
  /** The proposed schedule (its source places the annotations). */
  readonly schedule?: Schedule;
}

/**
 * Whether a finding of a report counts for `--fail-on`: against a base, a new finding or a changed
 * one that gained dates; without a base, every finding.
 */
export function introduces(finding: ReportFinding): boolean {
  return finding.diff === undefined || finding.diff.status === "new" || finding.diff.gainedCount > 0;
}

/**
 * The report of a proposed schedule against its base (`lichhop check --base`), by finding (see
 * {@link diffFindings}): `findings` lists the new and changed findings, each with its `diff`
 * (status, gained and lost dates); `conflicts` lists what the change introduces — the conflicts
 * of new findings and those on the gained dates of changed ones — and `summary.conflicts`,
 * `errors` and `warnings` count them; the summary adds `new`, `changed`, `fixed` and `unchanged`
 * (findings). A report without findings is compared by conflict, as before findings existed.
 * Check the base over the proposal's horizon so both cover the same days. The inputs are not changed.
 *
 * @example
 * const changes = meetingChanges(baseSchedule, schedule);
 * const report = reportAgainstBase(checkSchedule(schedule), checkSchedule(baseSchedule, proposedHorizon), { changes, schedule });
 * report.summary.new; // 1
 */
export function reportAgainstBase(proposed: Report, base: Report, options: AgainstBaseOptions = {}): Report {
  argReport(proposed, "reportAgainstBase: proposed");
  argReport(base, "reportAgainstBase: base");
  if (proposed.findings !== undefined) return findingsAgainstBase(proposed, base, options);
  const diff = diffReports(base, proposed);
  const conflicts = diff.new;
  return {
    ...proposed,
    summary: {
      ...proposed.summary,
      conflicts: conflicts.length,
      errors: conflicts.filter((conflict) => conflict.severity === "error").length,
      warnings: conflicts.filter((conflict) => conflict.severity === "warning").length,
      new: conflicts.length,
      fixed: diff.fixed.length,
      unchanged: diff.unchanged.length,
    },
    conflicts,
  };
}

function findingsAgainstBase(proposed: Report, base: Report, options: AgainstBaseOptions): Report {
  const { changes, schedule } = options;
  const placed = changes && schedule ? placeFindings(proposed, schedule, changes) : proposed;
  const diff = diffFindings(base, placed);
  const listed = [
    ...diff.new.map((c) => ({ ...c, status: "new" as const })),
    ...diff.changed.map((c) => ({ ...c, status: "changed" as const })),
  ];
  const order = new Map((placed.findings ?? []).map((finding, index) => [finding.id, index]));
  listed.sort((a, b) => (order.get(a.finding.id) as number) - (order.get(b.finding.id) as number));
  const gainedOf = new Map(listed.map((c) => [c.finding.id, new Set(c.gained)]));
  const findings = listed.map(({ finding, gained, lost, status }): ReportFinding => {
    const findingDiff: FindingDiff = {
      status,
      gained: gained.slice(0, MAX_DIFF_DATES),
      gainedCount: gained.length,
      lost: lost.slice(0, MAX_DIFF_DATES),
      lostCount: lost.length,
    };
    return { ...finding, diff: findingDiff };
  });
  const conflicts = placed.conflicts.filter((conflict) => {
    const gained = conflict.finding === undefined ? undefined : gainedOf.get(conflict.finding);
    return gained?.has(reportConflictDate(conflict)) === true;
  });
  return {
    ...placed,
    summary: {
      ...placed.summary,
      conflicts: conflicts.length,
      errors: conflicts.filter((conflict) => conflict.severity === "error").length,
      warnings: conflicts.filter((conflict) => conflict.severity === "warning").length,
      findings: findings.length,
      new: diff.new.length,
      changed: diff.changed.length,
      fixed: diff.fixed.length,
      unchanged: diff.unchanged.length,
    },
    conflicts,
    findings,
  };
}
