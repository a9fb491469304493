import { BudgetExceeded, MAX_DURATION_DAYS, stepBudget, type Limits, type StepBudget } from "../../limits";
import { workCalendar } from "../../calendar/work-calendar";
import { DAY_OFF_REACH, dayOffAdjuster, type DayOffAdjust } from "../../recurrence/day-off-policy";
import { compileSeries, meetingSpan, originalStarts, resolveChanges, type Series } from "../../recurrence/series";
import { scheduleZone } from "../../schema/model";
import type { Meeting } from "../../schema/schedule";
import { DAY, formatDate, formatWall, parseWall } from "../../time/wall";
import { zoneClocks, type ZoneClock } from "../../time/zone";
import type { CheckContext } from "./context";

/**
 * Walks the rules of well-formed meetings: a meeting's start must be an occurrence of its rule,
 * and each of its changes must name one of its occurrences. The walks share one budget of
 * `limits.ruleSteps` steps: the meeting whose walk spends the last of it gets a `runaway-rule`
 * issue, and the meetings after it are not walked.
 */
export function startInRuleCheck(ctx: CheckContext, limits: Limits): (meeting: Meeting, index: number) => void {
  const budget = stepBudget(limits.ruleSteps);
  const clockFor = zoneClocks();
  // The file's working calendar, for the dates `onDayOff` moves occurrences to (null: invalid, reported elsewhere).
  let adjust: DayOffAdjust | null | undefined;
  const adjuster = () => {
    if (adjust === undefined) {
      try {
        adjust = dayOffAdjuster(workCalendar(ctx.file.calendar ?? {}));
      } catch {
        adjust = null;
      }
    }
    return adjust;
  };
  let walked = true;
  return (meeting, index) => {
    if (!walked) return;
    try {
      walkMeeting(ctx, meeting, index, clockFor(meeting.timezone ?? scheduleZone(ctx.file)), budget, adjuster);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // The budget is shared by every rule: the meetings after this one are not walked either.
      ctx.issues.push(ctx.make("runaway-rule", ["meetings", index, "repeat"], "runaway-rule", { max: limits.ruleSteps }));
      walked = false;
    }
  };
}

/** Checks a well-formed meeting's start against its rule and its changes against its occurrences. */
function walkMeeting(
  ctx: CheckContext,
  meeting: Meeting,
  index: number,
  clock: ZoneClock,
  budget: StepBudget,
  adjuster: () => DayOffAdjust | null,
): void {
  const { issues, make } = ctx;
  const path = ["meetings", index];
  const series = compileSeries(meeting, clock, budget);
  if (series.rule && !meetingSpan(meeting)) return;
  if (series.rule) {
    const first = originalStarts(
      { ...series, extra: [], exceptDays: new Set(), exceptTimes: new Set() },
      series.startWall,
      series.startWall,
      1,
    );
    if (first?.length !== 1) {
      // The hint looks a year ahead: a rule that gives nothing sooner gets none.
      const next = series.rule.after(series.startWall, series.startWall + MAX_DURATION_DAYS * DAY);
      const show = (wall: number) => (series.allDay ? formatDate(wall) : formatWall(wall));
      issues.push(
        make("start-not-in-rule", [...path, "start"], "start-not-in-rule", {
          start: meeting.start,
          rule: meeting.repeat ?? "",
          first: next === undefined ? undefined : show(next),
        }),
      );
      return;
    }
  }
  const movedHere = landing(meeting, series, adjuster);
  for (const problem of resolveChanges(series).problems) {
    const change = meeting.changes?.[problem.index];
    const occurrence = change?.occurrence ?? "";
    const where = [...path, "changes", problem.index, "occurrence"];
    const original = problem.found === 0 ? movedHere(occurrence) : undefined;
    issues.push(
      original === undefined
        ? make("no-such-occurrence", where, "no-such-occurrence", { occurrence, found: problem.found })
        : make("no-such-occurrence", where, "occurrence-moved-here", { occurrence, original }),
    );
  }
  // An `except` date where the rule gives nothing but a day-off move lands names the wrong day.
  (meeting.except ?? []).forEach((text, k) => {
    const value = parseWall(text);
    if (!value || (originalStarts(withoutExcept(series), dayOf(value.wall), dayOf(value.wall) + DAY - 1)?.length ?? 0) > 0) return;
    const original = movedHere(text);
    if (original !== undefined)
      issues.push(make("no-such-occurrence", [...path, "except", k], "occurrence-moved-here", { occurrence: text, original }));
  });
}

const dayOf = (wall: number) => Math.floor(wall / DAY) * DAY;

function withoutExcept(series: Series): Series {
  return { ...series, exceptDays: new Set(), exceptTimes: new Set() };
}

/**
 * For a series whose `onDayOff` moves occurrences: the original start (as `changes` and `except`
 * name it) of the occurrence a day-off move lands on a given date or date-time, if one does.
 */
function landing(meeting: Meeting, series: Series, adjuster: () => DayOffAdjust | null): (text: string) => string | undefined {
  if (meeting.onDayOff !== "next-working-day" && meeting.onDayOff !== "previous-working-day") return () => undefined;
  return (text) => {
    const value = parseWall(text);
    const adjust = adjuster();
    if (!value || !adjust) return undefined;
    const day = dayOf(value.wall);
    const originals = originalStarts(withoutExcept(series), day - DAY_OFF_REACH, day + DAY_OFF_REACH, 1000) ?? [];
    for (const original of originals) {
      const moved = adjust(meeting, original, series.allDay);
      if (moved === null || moved === original) continue;
      if (value.dateOnly ? dayOf(moved) === day : moved === value.wall) {
        return value.dateOnly || series.allDay ? formatDate(original) : formatWall(original);
      }
    }
    return undefined;
  };
}
