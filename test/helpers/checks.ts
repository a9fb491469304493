import { safeCheckSchedule, type CheckResult } from "../../src/check";
import type { Conflict } from "../../src/conflicts/conflict";
import type { Lang } from "../../src/messages";
import type { Schedule } from "../../src/schema/model";
import { buildSchedule } from "./schedule";

/** A one-year schedule of a province's HĐND and UBND bodies around YAML fragments (meetings, rules, calendar, checks). */
export function schedule(body: string, horizon = "{ from: 2024-01-01, to: 2024-12-31 }"): Schedule {
  return buildSchedule({
    horizon,
    bodies: [
      "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh, groups: [hdnd] }",
      "  - { id: ban-kt-ns, name: Ban Kinh tế - Ngân sách, groups: [hdnd, ban-hdnd] }",
      "  - { id: ubnd, name: UBND tỉnh, groups: [ubnd] }",
    ].join("\n"),
    rest: body,
  });
}

/** Checks a schedule built by {@link schedule}; throws when it cannot be expanded. */
export function check(body: string, options: { lang?: Lang; horizon?: string } = {}): CheckResult {
  const result = safeCheckSchedule(schedule(body, options.horizon), options.lang ? { lang: options.lang } : {});
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return result;
}

/** The conflicts of one kind. */
export function ofKind<K extends Conflict["kind"]>(result: CheckResult, kind: K): readonly Extract<Conflict, { kind: K }>[] {
  return result.conflicts.filter((conflict): conflict is Extract<Conflict, { kind: K }> => conflict.kind === kind);
}

/** The message the report gives a conflict. */
export function messageOf(result: CheckResult, conflict: Conflict | undefined): string | undefined {
  return result.report.conflicts.find((reported) => reported.id === conflict?.id)?.message;
}

/** `YYYY-MM-DDTHH:MM` local (UTC+7) of an instant. */
export function local(instant: number): string {
  return new Date(instant + 7 * 3_600_000).toISOString().slice(0, 16);
}
