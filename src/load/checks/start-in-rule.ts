import { BudgetExceeded, MAX_DURATION_DAYS, stepBudget, type Limits, type StepBudget } from "../../limits";
import { compileSeries, meetingSpan, originalStarts, resolveChanges } from "../../recurrence/series";
import { scheduleZone } from "../../schema/model";
import type { Meeting } from "../../schema/schedule";
import { DAY, formatDate, formatWall } from "../../time/wall";
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
  let walked = true;
  return (meeting, index) => {
    if (!walked) return;
    try {
      walkMeeting(ctx, meeting, index, clockFor(meeting.timezone ?? scheduleZone(ctx.file)), budget);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // The budget is shared by every rule: the meetings after this one are not walked either.
      ctx.issues.push(ctx.make("runaway-rule", ["meetings", index, "repeat"], "runaway-rule", { max: limits.ruleSteps }));
      walked = false;
    }
  };
}

/** Checks a well-formed meeting's start against its rule and its changes against its occurrences. */
function walkMeeting(ctx: CheckContext, meeting: Meeting, index: number, clock: ZoneClock, budget: StepBudget): void {
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
  for (const problem of resolveChanges(series).problems) {
    const change = meeting.changes?.[problem.index];
    issues.push(
      make("no-such-occurrence", [...path, "changes", problem.index, "occurrence"], "no-such-occurrence", {
        occurrence: change?.occurrence ?? "",
        found: problem.found,
      }),
    );
  }
}
