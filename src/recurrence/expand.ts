import { workCalendar } from "../calendar/work-calendar";
import type { Issue } from "../errors";
import { issueFactory } from "../source";
import type { Lang } from "../messages";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Meeting } from "../schema/schedule";
import { addSpan, DAY, isSupportedWall, parseWall } from "../time/wall";
import { zoneClocks, type ZoneClock } from "../time/zone";
import { DAY_OFF_REACH, dayOffAdjuster } from "./day-off-policy";
import { compileSeries, originalStarts, resolveChanges, type Series, type SeriesChange } from "./series";
import { attendeeResolver, listedAttendees, type AttendeeResolver } from "./membership";
import type { Horizon, Occurrence } from "./occurrence";
import { sortOccurrences } from "./sort";
import { BudgetExceeded, FIRST_YEAR, LAST_YEAR, MAX_HORIZON_DAYS, resolveLimits, stepBudget, type Limits } from "../limits";

/** Options for {@link expandSchedule}. */
export interface ExpandOptions {
  /** First local date to expand, `YYYY-MM-DD`; defaults to the file's `horizon.from`. */
  readonly from?: string;
  /** Last local date, inclusive; defaults to the file's `horizon.to`. */
  readonly to?: string;
  /** The language of issue messages; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
  /**
   * Moves or drops an occurrence that a meeting's `onDayOff` policy touches: given the meeting
   * and an original wall start, returns the new wall start, `null` to drop it, or the same value.
   * Defaults to the policy over the file's `calendar:` (pass `(_, wall) => wall` to turn it off).
   */
  readonly adjust?: ((meeting: Meeting, wall: number, allDay: boolean) => number | null) | undefined;
  /** Raises or lowers the bounds on occurrences and rule walks (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits> | undefined;
}

/** {@link ExpandOptions} plus what lichhop's own callers share between steps. */
export interface ExpandRunOptions extends ExpandOptions {
  /** Zone clocks to reuse (their offset tables are built once); a new set by default. */
  readonly clockFor?: ((zone: string) => ZoneClock) | undefined;
}

/** The result of expansion: the occurrences sorted by start, or the issues that stopped it. */
export type ExpandResult = { ok: true; horizon: Horizon; occurrences: Occurrence[] } | { ok: false; issues: Issue[] };

/** The horizon from the options or the file, or the issue that prevents one. */
export function resolveHorizon(schedule: Schedule, options: ExpandRunOptions, lang: Lang): Horizon | Issue {
  const make = issueFactory({ lang, source: schedule.source });
  const from = options.from ?? schedule.horizon?.from;
  const to = options.to ?? schedule.horizon?.to;
  if (from === undefined || to === undefined) return make("bad-horizon", ["horizon"], "no-horizon");
  const first = parseWall(from);
  const last = parseWall(to);
  if (!first?.dateOnly || !last?.dateOnly) {
    return make("bad-horizon", ["horizon"], "invalid-value", { found: `${from} … ${to}`, expected: { what: "dates" } });
  }
  if (!isSupportedWall(first.wall) || !isSupportedWall(last.wall)) {
    return make("bad-horizon", ["horizon"], "date-out-of-range", {
      found: isSupportedWall(first.wall) ? to : from,
      first: FIRST_YEAR,
      last: LAST_YEAR,
    });
  }
  if (last.wall < first.wall) return make("bad-horizon", ["horizon", "to"], "bad-horizon", { from, to });
  if ((last.wall - first.wall) / DAY + 1 > MAX_HORIZON_DAYS) {
    return make("bad-horizon", ["horizon", "to"], "horizon-too-long", { from, to, max: MAX_HORIZON_DAYS });
  }
  const clock = (options.clockFor ?? zoneClocks())(scheduleZone(schedule));
  return { from, to, start: clock.toInstant(first.wall), end: clock.toInstant(last.wall + DAY) };
}

function expandSeries(
  series: Series,
  horizon: Horizon,
  adjust: ExpandOptions["adjust"],
  max: number,
  resolve: AttendeeResolver,
): Occurrence[] | "too-many" {
  const { meeting, clock, span } = series;
  const toInstant = clock.toInstant;
  // An occurrence a day-off policy moves may come from just outside the horizon.
  // (next-working-day reaches back, previous-working-day forward).
  const policy = adjust && meeting.onDayOff !== undefined && meeting.onDayOff !== "keep" ? adjust : undefined;
  const before = policy && meeting.onDayOff === "next-working-day" ? DAY_OFF_REACH : 0;
  const after = policy && meeting.onDayOff === "previous-working-day" ? DAY_OFF_REACH : 0;
  // A day of margin on each side covers any zone's shift between wall and instant (DST gaps,
  // Samoa's skipped day).
  const fromWall = clock.toWall(horizon.start) - (span.days + 1) * DAY - span.ms - before;
  const toWall = clock.toWall(horizon.end) + DAY + after;
  const changeCount = meeting.changes?.length ?? 0;
  // The window is wider than the horizon: the cap on its starts grows with it.
  const widened = Math.ceil((max * (toWall - fromWall)) / (horizon.end - horizon.start));
  const starts = originalStarts(series, fromWall, toWall, widened + 2 * changeCount + 64);
  if (!starts) return "too-many";
  const changes =
    changeCount === 0 ? new Map<number, SeriesChange>() : resolveChanges(series, { from: fromWall, to: toWall, starts }).changes;
  const bodies = meeting.bodies ?? (meeting.body === undefined ? [] : [meeting.body]);
  // Bodies among the attendees stand for their members: occurrences list people only. A list
  // whose members change with the date is resolved at each occurrence's start, any other once.
  // The chair attends too.
  const listed = listedAttendees(meeting);
  const attendees = resolve.fixed(listed);
  const attendeesOn = attendees === undefined ? resolve.onDates(listed) : () => attendees;
  const tags = meeting.tags ?? [];
  const out: Occurrence[] = [];
  // Every occurrence is built by this one literal, so they all share one hidden class.
  const push = (
    recurrenceId: number,
    start: number,
    end: number,
    allDay: boolean,
    title: string,
    room: string | undefined,
    people: readonly string[],
    status: Occurrence["status"],
    change: number | undefined,
    withdrawn: Occurrence["withdrawn"],
  ) => {
    if (start < horizon.end && end > horizon.start) {
      out.push({
        meeting: meeting.id,
        recurrenceId,
        start,
        end,
        allDay,
        zone: clock.zone,
        title,
        bodies,
        attendees: people,
        room,
        tags,
        status,
        change,
        withdrawn,
      });
    }
  };
  const twice = series.closeStarts ? startsTwice(starts, clock) : undefined;
  for (const original of starts) {
    if (changes.size > 0 && changes.has(original)) continue;
    if (twice?.has(original)) continue;
    let wall = original;
    if (policy) {
      const moved = policy(meeting, original, series.allDay);
      if (moved === null) continue;
      wall = moved;
    }
    const start = toInstant(wall);
    const end = span.days === 0 ? start + span.ms : addSpan(wall, span, toInstant);
    const people = attendees ?? attendeesOn(wall);
    push(
      original,
      start,
      end,
      series.allDay,
      meeting.title,
      meeting.room,
      people,
      wall === original ? "scheduled" : "moved",
      undefined,
      undefined,
    );
  }
  for (const change of changes.values()) {
    if (change.cancelled) continue;
    const start = toInstant(change.startWall);
    const end = change.endWall !== undefined ? toInstant(change.endWall) : addSpan(change.startWall, change.span, toInstant);
    const moved = change.startWall !== change.original || change.endWall !== undefined || change.span !== span;
    push(
      change.original,
      start,
      end,
      change.allDay,
      change.title ?? meeting.title,
      change.room ?? meeting.room,
      change.attendees
        ? resolve(listedAttendees(meeting, change.attendees), change.startWall)
        : (attendees ?? attendeesOn(change.startWall)),
      moved ? "moved" : "changed",
      change.index,
      change.withdrawn,
    );
  }
  return out.length > max ? "too-many" : out;
}

/**
 * The starts in a DST gap that, moved forward by the gap (RFC 5545 §3.3.5), fall on the instant of
 * another start of the series: an HOURLY rule's 02:00 on a spring-forward night lands on its
 * 03:00. Each would be the same meeting twice; the start whose local time exists is kept (as RFC
 * 5545 §3.3.10 ignores a nonexistent one).
 */
function startsTwice(starts: readonly number[], clock: ZoneClock): Set<number> | undefined {
  let inGap: number[] | undefined;
  const taken = new Set<number>();
  for (const wall of starts) {
    const instant = clock.toInstant(wall);
    if (clock.toWall(instant) === wall) taken.add(instant);
    else (inGap ??= []).push(wall);
  }
  if (!inGap) return undefined;
  const twice = new Set<number>();
  for (const wall of inGap) if (taken.has(clock.toInstant(wall))) twice.add(wall);
  return twice;
}

/**
 * {@link safeExpandSchedule}, with the order the sort put the occurrences in: `order[k]` is the
 * place of the k-th in (meeting id, original start) order, undefined when the comparator sorted
 * (see {@link sortOccurrences}). Detection reads the objects in that order, the order they lie
 * in memory, when it builds its columns.
 */
export function expandOccurrences(
  schedule: Schedule,
  options: ExpandRunOptions = {},
): { ok: true; horizon: Horizon; occurrences: Occurrence[]; order: Int32Array | undefined } | { ok: false; issues: Issue[] } {
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const clockFor = options.clockFor ?? zoneClocks();
  const horizon = resolveHorizon(schedule, { ...options, clockFor }, lang);
  if ("code" in horizon) return { ok: false, issues: [horizon] };
  const make = issueFactory({ lang, source: schedule.source });
  // lichhop's own callers pass `adjust`, built with the calendar's issues worded (`load/calendar.ts`);
  // the calendar of a validated schedule always builds.
  let adjust = options.adjust;
  if (adjust === undefined && schedule.meetings.some((m) => m.onDayOff !== undefined && m.onDayOff !== "keep")) {
    adjust = dayOffAdjuster(workCalendar(schedule.calendar ?? {}));
  }
  const fileZone = scheduleZone(schedule);
  const limits = resolveLimits(options.limits);
  const budget = stepBudget(limits.ruleSteps);
  const resolve = attendeeResolver(schedule);
  const issues: Issue[] = [];
  const lists: Occurrence[][] = [];
  let total = 0;
  for (const [index, meeting] of schedule.meetings.entries()) {
    const clock: ZoneClock = clockFor(meeting.timezone ?? fileZone);
    let occurrences: Occurrence[] | "too-many";
    try {
      occurrences = expandSeries(compileSeries(meeting, clock, budget), horizon, adjust, limits.occurrencesPerSeries, resolve);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // The budget is shared: the rules after this one are not walked either.
      issues.push(make("runaway-rule", ["meetings", index, "repeat"], "runaway-rule", { max: limits.ruleSteps }));
      break;
    }
    if (occurrences === "too-many") {
      issues.push(
        make("too-many-occurrences", ["meetings", index, "repeat"], "too-many-occurrences", { max: limits.occurrencesPerSeries }),
      );
      continue;
    }
    total += occurrences.length;
    if (total > limits.occurrences) {
      issues.push(make("too-many-occurrences", ["meetings", index], "too-many-occurrences-total", { max: limits.occurrences }));
      break;
    }
    lists[index] = occurrences;
  }
  if (issues.length > 0) return { ok: false, issues };
  // In (meeting id, original start) order first: the sort by times then keeps ties in it.
  const byId = schedule.meetings
    .map((meeting, index) => ({ id: meeting.id, index }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byMeeting: Occurrence[] = [];
  for (const { index } of byId) {
    const list = lists[index] ?? [];
    for (let k = 1; k < list.length; k++) {
      if ((list[k - 1] as Occurrence).recurrenceId > (list[k] as Occurrence).recurrenceId) {
        list.sort((a, b) => a.recurrenceId - b.recurrenceId);
        break;
      }
    }
    for (const occurrence of list) byMeeting.push(occurrence);
  }
  const { sorted, order } = sortOccurrences(byMeeting);
  return { ok: true, horizon, occurrences: sorted, order };
}
