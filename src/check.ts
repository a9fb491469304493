import type { Conflict } from "./conflicts/conflict";
import { detectConflicts } from "./conflicts/detect";
import { selectorMembers } from "./conflicts/selectors";
import { ScheduleError, type Issue } from "./errors";
import { issueFactory } from "./source";
import { dayOffAdjuster } from "./recurrence/day-off-policy";
import { expandOccurrences, type ExpandRunOptions } from "./recurrence/expand";
import type { Horizon, Occurrence } from "./recurrence/occurrence";
import type { Lang } from "./messages";
import { reportLocator } from "./report/locate";
import { listedReport, type RenderContext, type Report, type ReportFrame, type ReportLocator } from "./report/report";
import { findingFold, keptConflict } from "./conflicts/finding";
import { scheduleZone, type Schedule } from "./schema/model";
import { zoneClocks } from "./time/zone";
import { BudgetExceeded, resolveLimits, type Limits } from "./limits";
import { argDate, argLang, argLimits, argOptions, badArgument } from "./internal/args";
import { safeScheduleCalendar } from "./load/calendar";
import { ensureSchedule, safeEnsureSchedule } from "./load/guard";

/** Options for {@link checkSchedule}. */
export interface CheckOptions {
  /** First local date checked, `YYYY-MM-DD`; defaults to the file's `horizon.from`. */
  readonly from?: string;
  /** Last local date checked, inclusive; defaults to the file's `horizon.to`. */
  readonly to?: string;
  /** The language of messages; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
  /** Raises or lowers the bounds on occurrences, conflicts and rule walks (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
  /**
   * Ids of the meetings that are new or changed against a base (see `changedMeetings`): a
   * conflict's `source` is its first occurrence of such a meeting, so an annotation lands on the
   * line a pull request changed. Without it, a conflict's `source` is its first occurrence.
   */
  readonly changed?: ReadonlySet<string>;
}

/** Everything a check produces: the report, and the occurrences and conflicts behind it. */
export interface CheckResult {
  /** The report, its conflicts and their occurrences located in the file (`source`). */
  readonly report: Report;
  readonly horizon: Horizon;
  readonly occurrences: readonly Occurrence[];
  readonly conflicts: readonly Conflict[];
}

/** A schedule's rendering context: names, rule titles and zone clocks. */
export function renderContext(schedule: Schedule, lang: Lang): RenderContext {
  const clockFor = zoneClocks();
  const names = new Map<string, string>();
  for (const list of [schedule.bodies, schedule.people, schedule.rooms]) for (const item of list) names.set(item.id, item.name);
  return {
    lang,
    clockFor,
    clock: clockFor(scheduleZone(schedule)),
    ruleTitles: new Map(schedule.rules.map((rule) => [rule.id, rule.title])),
    names,
    meetings: new Map(schedule.meetings.map((meeting) => [meeting.id, meeting])),
    onFirstSide: firstSides(schedule),
  };
}

/** Whether a meeting is on the first side of a no-overlap rule, each rule's side computed when first asked. */
function firstSides(schedule: Schedule): (rule: string, meeting: string) => boolean {
  const members = selectorMembers(schedule);
  const sides = new Map<string, ReadonlySet<string>>();
  return (ruleId, meeting) => {
    let side = sides.get(ruleId);
    if (!side) {
      const rule = schedule.rules.find((r) => r.id === ruleId);
      side = new Set(rule?.kind === "no-overlap" ? members(rule.between[0]) : []);
      sides.set(ruleId, side);
    }
    return side.has(meeting);
  };
}

/**
 * Expands a schedule and finds every conflict; returns the issues instead when expansion fails.
 * The file's `calendar:` gives the working calendar: it moves or drops occurrences by their
 * meeting's `onDayOff` policy and judges the `dayOff` and `workingHours` checks. Every conflict
 * of the report, and each of its occurrences, carries its `source`: the file, line and column of
 * its meeting (or of the `changes` entry that changed or moved it); a conflict without
 * occurrences points at its rule.
 *
 * @example
 * const result = safeCheckSchedule(schedule, { lang: "en" });
 * if (result.ok) console.log(result.report.summary);
 */
export function safeCheckSchedule(
  schedule: Schedule,
  options: CheckOptions = {},
): ({ ok: true } & CheckResult) | { ok: false; issues: Issue[] } {
  options = checkOptions(options, "safeCheckSchedule");
  const ensured = safeEnsureSchedule(schedule, "safeCheckSchedule: schedule", options.lang);
  if (!ensured.ok) return ensured;
  return checkValid(ensured.schedule, options);
}

/** The options of {@link checkSchedule}, checked. */
function checkOptions(options: unknown, where: string): CheckOptions {
  const given = argOptions(options, where) as CheckOptions;
  argLang(given.lang, where);
  argDate(given.from, `${where}: from`);
  argDate(given.to, `${where}: to`);
  argLimits(given.limits, where);
  if (given.changed !== undefined && !(given.changed instanceof Set)) {
    badArgument(`${where}: changed`, "a Set of meeting ids (see changedMeetings)", given.changed);
  }
  return given;
}

function checkValid(schedule: Schedule, options: CheckOptions): ({ ok: true } & CheckResult) | { ok: false; issues: Issue[] } {
  const gathered = gatherCheck(schedule, options, "all");
  if (!gathered.ok) return gathered;
  const { frame, held, findingOf, context, locator, occurrences } = gathered;
  const conflicts = held ?? [];
  const listed = listedReport(frame, conflicts, findingOf ?? [], context, locator);
  const { version, summary, findings } = listed;
  const reported = Array.from({ length: listed.conflicts.length }, (_, k) => listed.conflicts.item(k));
  const warnings = schedule.source.warnings;
  const report: Report = {
    version,
    horizon: listed.horizon,
    summary,
    conflicts: reported,
    findings,
    ...(warnings && warnings.length > 0 ? { warnings } : {}),
  };
  return { ok: true, report, horizon: frame.horizon, occurrences, conflicts };
}

/**
 * Which conflicts a check keeps besides its findings: `all` (a report that lists them; past
 * `limits.conflicts` the check stops with `too-many-conflicts`), `none` (findings only: each
 * conflict is folded as it is found and dropped, and a finding keeps its first conflict's id
 * only), or `fit` (all while they fit the bound, then none).
 */
export type Holding = "all" | "none" | "fit";

/** What {@link gatherCheck} collects: the report's frame and, when held, the conflicts. */
export interface Gathered {
  readonly frame: ReportFrame;
  /** The conflicts in detection order, when held (with `fit`: undefined past the bound). */
  readonly held: readonly Conflict[] | undefined;
  /** The finding id of each held conflict. */
  readonly findingOf: readonly string[] | undefined;
  readonly context: RenderContext;
  readonly locator: ReportLocator;
  readonly occurrences: readonly Occurrence[];
}

/**
 * Expands and detects with every conflict folded into findings as it is found (see
 * `findingFold`), keeping the conflicts themselves only as `holding` says: the CLI's text and CI
 * formats keep none, so memory follows the findings, not the conflicts. Internal to the CLI for
 * now (not exported from the package).
 */
export function gatherCheck(
  schedule: Schedule,
  options: CheckOptions,
  holding: Holding,
): ({ ok: true } & Gathered) | { ok: false; issues: Issue[] } {
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const built = safeScheduleCalendar(schedule, lang);
  if (!built.ok) return built;
  const { calendar } = built;
  const context = renderContext(schedule, lang);
  const expandOptions: ExpandRunOptions = { ...options, lang, adjust: dayOffAdjuster(calendar), clockFor: context.clockFor };
  const expanded = expandOccurrences(schedule, expandOptions);
  if (!expanded.ok) return expanded;
  const { occurrences, horizon, order } = expanded;
  const limits = resolveLimits(options.limits);
  const tooMany = (error: BudgetExceeded) => {
    const make = issueFactory({ lang, source: schedule.source });
    if (error.limit === "ruleChecks") {
      const rule = schedule.rules.findIndex((r) => r.id === error.rule);
      return {
        ok: false as const,
        issues: [make("too-many-rule-checks", rule < 0 ? ["rules"] : ["rules", rule], "too-many-rule-checks", { max: limits.ruleChecks })],
      };
    }
    const index = schedule.meetings.findIndex((m) => m.id === error.meeting);
    const path = index < 0 ? [] : ["meetings", index];
    if (error.limit === "findings") {
      return { ok: false as const, issues: [make("too-many-findings", path, "too-many-findings", { max: limits.findings })] };
    }
    return { ok: false as const, issues: [make("too-many-conflicts", path, "too-many-conflicts", { max: limits.conflicts })] };
  };
  // A finding's first conflict ids are read from the held conflicts when the report lists them
  // (see listedReport): the fold keeps each finding's first only.
  const fold = findingFold(context.clockFor, { maxFindings: limits.findings, keepIds: false });
  let held: Conflict[] | undefined = holding === "none" ? undefined : [];
  let findingOf: string[] | undefined = held && [];
  let deferring = holding === "none";
  let errors = 0;
  let count = 0;
  const emit = (conflict: Conflict) => {
    count++;
    if (conflict.severity === "error") errors++;
    const finding = fold.add(conflict);
    if (!held || !findingOf) return;
    if (count > limits.conflicts) {
      if (holding === "all") {
        const pair = conflict.kind === "rule" || conflict.kind === "attendee" || conflict.kind === "room";
        throw new BudgetExceeded("conflicts", conflict.occurrences[pair ? 1 : 0]?.meeting);
      }
      // Past the bound a `fit` check keeps its findings only, each with its first conflict's id.
      held = undefined;
      findingOf = undefined;
      deferring = true;
      return;
    }
    // Kept as copies while they fit: the millions past the bound are then never tenured (see keptConflict).
    held.push(holding === "fit" ? keptConflict(conflict) : conflict);
    findingOf.push(finding);
  };
  try {
    detectConflicts(schedule, occurrences, {
      horizon,
      calendar,
      clockFor: context.clockFor,
      clock: context.clock,
      maxRuleChecks: limits.ruleChecks,
      order,
      emit,
      // Findings alone read few conflict ids: each is computed when its conflict may be a first.
      deferIds: () => deferring,
    });
  } catch (error) {
    if (error instanceof BudgetExceeded) return tooMany(error);
    throw error;
  }
  const frame: ReportFrame = {
    horizon,
    meetings: schedule.meetings.length,
    occurrences: occurrences.length,
    tally: { conflicts: count, errors, warnings: count - errors },
    findings: fold.findings(),
  };
  return { ok: true, frame, held, findingOf, context, locator: reportLocator(schedule, options.changed), occurrences };
}

/**
 * Expands a schedule, finds every conflict and returns the report (the JSON contract,
 * version 1), located in the file as {@link safeCheckSchedule}'s is. Throws a {@link ScheduleError} when a series cannot be expanded.
 *
 * @example
 * const report = checkSchedule(parseSchedule(text), { from: "2024-01-01", to: "2024-06-30" });
 * report.summary.conflicts; // 3
 */
export function checkSchedule(schedule: Schedule, options: CheckOptions = {}): Report {
  options = checkOptions(options, "checkSchedule");
  const result = checkValid(ensureSchedule(schedule, "checkSchedule: schedule", options.lang), options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.report;
}
