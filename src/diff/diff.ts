import type { Report, ReportConflict } from "../report/report";
import { argReport } from "../internal/args";

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

/**
 * The report of a proposed schedule against its base (`lichhop check --base`): `conflicts` lists
 * only the new conflicts, `summary.conflicts`, `errors` and `warnings` count them, and the summary
 * adds `new`, `fixed` and `unchanged`. Check the base over the proposal's horizon so both cover
 * the same days. The inputs are not changed.
 *
 * @example
 * const report = reportAgainstBase(checkSchedule(proposed), checkSchedule(base, proposedHorizon));
 * report.summary.new; // 1
 */
export function reportAgainstBase(proposed: Report, base: Report): Report {
  argReport(proposed, "reportAgainstBase: proposed");
  argReport(base, "reportAgainstBase: base");
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
