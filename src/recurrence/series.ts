import type { Meeting } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
import { DAY, HOUR, MINUTE, parseDuration, parseWall, startOfDay, type Span } from "../time/wall";
import { compileFastRule, type Recurrence } from "./engine";
import { RRule, type RRuleOptions } from "./rrule-lib";
import { normalizeRRule } from "./rrule-text";
import { lowerBound } from "../internal/search";
import type { StepBudget } from "../limits";

const FREQ_MS: Record<string, number> = {
  YEARLY: 366 * DAY,
  MONTHLY: 31 * DAY,
  WEEKLY: 7 * DAY,
  DAILY: DAY,
  HOURLY: HOUR,
  MINUTELY: MINUTE,
  SECONDLY: 1000,
};

/** Days rrule.js builds per period (its "day set") for the day-based frequencies. */
const DAYS_PER_PERIOD: Record<string, number> = { YEARLY: 366, MONTHLY: 31, WEEKLY: 7 };

/**
 * Budget steps rrule.js spends per period it walks through, per instant a period expands to, and
 * per start it returns (those are bounded by the occurrence limits besides): measured on Node 20,
 * a step of a walk is about a microsecond.
 */
const RRULE_PERIOD_STEPS = 3;
const RRULE_INSTANT_STEPS = 2;
const RRULE_RESULT_STEPS = 1;

/** One occurrence changed by `changes[]`: its original start and what replaces it. */
export interface SeriesChange {
  /** Index in `meeting.changes`. */
  readonly index: number;
  /** The original wall start this change names. */
  readonly original: number;
  readonly cancelled: boolean;
  readonly startWall: number;
  readonly allDay: boolean;
  /** The new end as a wall time, when the change gives `end`. */
  readonly endWall: number | undefined;
  readonly span: Span;
  readonly title: string | undefined;
  readonly room: string | undefined;
  readonly attendees: readonly string[] | undefined;
}

/** A meeting compiled for expansion: wall times as floating ms, its rule ready to iterate. */
export interface Series {
  readonly meeting: Meeting;
  readonly clock: ZoneClock;
  readonly allDay: boolean;
  readonly startWall: number;
  readonly span: Span;
  readonly rule: Recurrence | undefined;
  readonly exceptDays: ReadonlySet<number>;
  readonly exceptTimes: ReadonlySet<number>;
  readonly extra: readonly number[];
}

/** A `changes[]` entry that names no occurrence, or more than one. */
export interface ChangeProblem {
  readonly index: number;
  readonly found: number;
}

/** The duration of a meeting as calendar days plus elapsed time. */
export function meetingSpan(meeting: Pick<Meeting, "start" | "end" | "duration">): Span | undefined {
  const start = parseWall(meeting.start);
  if (!start) return undefined;
  if (meeting.duration !== undefined) return parseDuration(meeting.duration);
  if (meeting.end === undefined) return start.dateOnly ? { days: 1, ms: 0 } : undefined;
  const end = parseWall(meeting.end);
  if (!end) return undefined;
  return spanBetween(start.wall, end.wall, start.dateOnly);
}

/** The span from one wall time to another; for all-day values `end` is the last day, inclusive. */
export function spanBetween(start: number, end: number, dateOnly: boolean): Span {
  if (dateOnly) return { days: Math.round((end - start) / DAY) + 1, ms: 0 };
  let days = Math.round((startOfDay(end) - startOfDay(start)) / DAY);
  if (start + days * DAY > end) days -= 1;
  return { days, ms: end - (start + days * DAY) };
}

/** How many instants one period of a rule expands to in rrule.js (BYxxx parts finer than FREQ multiply). */
function instantsPerPeriod(options: Partial<RRuleOptions>, freq: string): number {
  const size = (value: unknown) => (Array.isArray(value) ? value.length : 1);
  const finer = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"].indexOf(freq);
  let instants = DAYS_PER_PERIOD[freq] ?? 1;
  if (finer < 4) instants *= size(options.byhour);
  if (finer < 5) instants *= size(options.byminute);
  if (finer < 6) instants *= size(options.bysecond);
  return instants;
}

/** True when a BYxxx part of the rule can leave one of its periods without an instant (BYMONTH, BYDAY, BYHOUR on an HOURLY rule…). */
function filters(options: Partial<RRuleOptions>, freq: string): boolean {
  const has = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  const rank = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"].indexOf(freq);
  return (
    has(options.bymonth) ||
    has(options.byweekno) ||
    has(options.byyearday) ||
    has(options.bymonthday) ||
    has(options.byweekday) ||
    has(options.bysetpos) ||
    (rank >= 4 && has(options.byhour)) ||
    (rank >= 5 && has(options.byminute)) ||
    (rank >= 6 && has(options.bysecond))
  );
}

/**
 * rrule.js behind the {@link Recurrence} interface, for the shapes the fast engine leaves to it.
 * rrule.js walks from DTSTART on every call: each call first spends the steps of that walk.
 */
function rruleRecurrence(
  options: Partial<RRuleOptions>,
  startWall: number,
  freq: string,
  periodMs: number,
  budget: StepBudget,
): Recurrence {
  const rule = new RRule({ ...options, dtstart: new Date(startWall), tzid: null }, true);
  const perPeriod = RRULE_PERIOD_STEPS + RRULE_INSTANT_STEPS * instantsPerPeriod(options, freq);
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const filtered = filters(options, freq);
  const periods = (from: number, to: number) => Math.max(0, Math.ceil((Math.min(to, until) - from) / periodMs));
  return {
    between(from, to, cap = Number.POSITIVE_INFINITY) {
      // The walk before the window, then the window's periods: all of them when a BYxxx part can
      // leave a period empty, else only up to the cap, where the walk stops.
      const inside = periods(Math.max(from, startWall), to) + 1;
      budget.spend((periods(startWall, from) + (filtered ? inside : Math.min(inside, cap + 1))) * perPeriod);
      let overflow = false;
      const dates = rule.between(new Date(from), new Date(to), true, (_date, length) => {
        if (length >= cap) {
          overflow = true;
          return false;
        }
        return true;
      });
      budget.spend(dates.length * RRULE_RESULT_STEPS);
      return overflow ? undefined : dates.map((date) => date.getTime());
    },
    after(wall, to) {
      budget.spend((periods(startWall, to) + 1) * perPeriod);
      const dates = rule.between(new Date(wall), new Date(to), false, (_date, length) => length < 1);
      return dates[0]?.getTime();
    },
  };
}

/** The own engine with its walks before a window (with COUNT it counts from DTSTART) spent from a budget. */
function meteredEngine(engine: Recurrence, startWall: number, counted: boolean, budget: StepBudget): Recurrence {
  return {
    between(from, to, cap) {
      if (counted) budget.spend(Math.max(0, Math.ceil((Math.min(from, to) - startWall) / DAY)));
      return engine.between(from, to, cap);
    },
    after(wall, to) {
      budget.spend(Math.max(0, Math.ceil((to - (counted ? startWall : wall)) / DAY)));
      return engine.after(wall, to);
    },
  };
}

/**
 * Compiles an RRULE for a DTSTART (floating ms): the fast engine for the common shapes, rrule.js
 * for the rest. UNTIL in UTC is read in the meeting's zone; a date UNTIL on a timed series
 * includes that whole local day. Every walk spends steps from `budget`.
 */
export function buildRecurrence(text: string, startWall: number, allDay: boolean, clock: ZoneClock, budget: StepBudget): Recurrence {
  const normalized = normalizeRRule(text);
  const options = RRule.parseString(normalized);
  const until = /(?:^|;)UNTIL=(\d{8})(T\d{6})?(Z)?/.exec(normalized);
  if (until && options.until) {
    const floating = options.until.getTime();
    if (until[3]) {
      options.until = new Date(clock.toWall(floating));
    } else if (!until[2] && !allDay) {
      options.until = new Date(floating + DAY - 1);
    }
  }
  const fast = compileFastRule(normalized, startWall, options.until?.getTime());
  if (fast) return meteredEngine(fast, startWall, /(?:^|;)COUNT=/.test(normalized), budget);
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(normalized)?.[1] ?? "DAILY";
  const interval = Number(/(?:^|;)INTERVAL=(\d+)/.exec(normalized)?.[1] ?? 1);
  return rruleRecurrence(options, startWall, freq, (FREQ_MS[freq] ?? DAY) * interval, budget);
}

/**
 * Compiles a validated meeting into a {@link Series} in its zone, its `changes` not yet resolved
 * (see {@link resolveChanges}). Throws only on input that validation rejects.
 */
export function compileSeries(meeting: Meeting, clock: ZoneClock, budget: StepBudget): Series {
  const start = parseWall(meeting.start);
  const span = meetingSpan(meeting);
  if (!start || !span) throw new RangeError(`meeting ${meeting.id}: invalid start or duration`);
  const rule = meeting.repeat === undefined ? undefined : buildRecurrence(meeting.repeat, start.wall, start.dateOnly, clock, budget);

  const exceptDays = new Set<number>();
  const exceptTimes = new Set<number>();
  for (const text of meeting.except ?? []) {
    const value = parseWall(text);
    if (!value) continue;
    (value.dateOnly ? exceptDays : exceptTimes).add(value.wall);
  }
  const extra = (meeting.extra ?? [])
    .map((text) => parseWall(text))
    .filter((value) => value !== undefined)
    .map((value) => (value.dateOnly && !start.dateOnly ? value.wall + (start.wall - startOfDay(start.wall)) : value.wall))
    .sort((a, b) => a - b);

  return {
    meeting,
    clock,
    allDay: start.dateOnly,
    startWall: start.wall,
    span,
    rule,
    exceptDays,
    exceptTimes,
    extra,
  };
}

/**
 * The original wall starts of a series in `[fromWall, toWall]`, sorted, after `except`.
 * Returns `undefined` when there are more than `cap`.
 */
export function originalStarts(series: Series, fromWall: number, toWall: number, cap = Infinity): number[] | undefined {
  let starts = series.rule
    ? series.rule.between(fromWall, toWall, cap)
    : series.startWall >= fromWall && series.startWall <= toWall
      ? [series.startWall]
      : [];
  if (!starts) return undefined;
  const extras = series.extra.filter((wall) => wall >= fromWall && wall <= toWall);
  if (extras.length > 0) starts = [...new Set([...starts, ...extras])].sort((a, b) => a - b);
  const { exceptDays, exceptTimes } = series;
  if (exceptDays.size > 0 || exceptTimes.size > 0) {
    starts = starts.filter((wall) => !exceptTimes.has(wall) && !exceptDays.has(startOfDay(wall)));
  }
  return starts.length > cap ? undefined : starts;
}

/**
 * The most starts the one walk over the days all changes name may hold (a list of numbers);
 * beyond it each change asks the rule for its own day, each walk spending from the budget.
 */
const CHANGE_SPAN_STARTS = 200_000;

/** Original starts already enumerated over `[from, to]`, sorted: changes inside it are looked up there. */
export interface KnownStarts {
  readonly from: number;
  readonly to: number;
  readonly starts: readonly number[];
}

/** The starts in `[from, last]` from a sorted list, at most two (enough to tell one from several). */
function startsIn(starts: readonly number[], from: number, last: number): number[] {
  const out: number[] = [];
  for (let i = lowerBound(starts, from); i < starts.length && (starts[i] as number) <= last && out.length < 2; i++)
    out.push(starts[i] as number);
  return out;
}

/**
 * The starts over the days all of a series' changes name, enumerated in one walk of its rule
 * (instead of one walk per change); undefined when there are fewer than two changes or the
 * span holds too many starts.
 */
function spanOfChanges(series: Series, cap: number): KnownStarts | undefined {
  const keys = (series.meeting.changes ?? []).map((change) => parseWall(change.occurrence)).filter((key) => key !== undefined);
  if (keys.length < 2) return undefined;
  const from = Math.min(...keys.map((key) => key.wall));
  const to = Math.max(...keys.map((key) => (key.dateOnly ? key.wall + DAY - 1 : key.wall)));
  const starts = originalStarts(series, from, to, cap);
  return starts ? { from, to, starts } : undefined;
}

/**
 * Resolves `changes[].occurrence` to exact original starts, whatever the horizon. Keys inside
 * `known` are looked up in its starts; others ask the rule for that one day.
 */
export function resolveChanges(
  series: Series,
  known = spanOfChanges(series, CHANGE_SPAN_STARTS),
): { changes: Map<number, SeriesChange>; problems: ChangeProblem[] } {
  const changes = new Map<number, SeriesChange>();
  const problems: ChangeProblem[] = [];
  (series.meeting.changes ?? []).forEach((change, index) => {
    const key = parseWall(change.occurrence);
    if (!key) return;
    const last = key.dateOnly ? key.wall + DAY - 1 : key.wall;
    const matches =
      known && key.wall >= known.from && last <= known.to
        ? startsIn(known.starts, key.wall, last)
        : (originalStarts(series, key.wall, last, 1) ?? [Number.NaN, Number.NaN]);
    if (matches.length !== 1) {
      problems.push({ index, found: matches.length });
      return;
    }
    const original = matches[0] as number;
    const newStart = change.start === undefined ? undefined : parseWall(change.start);
    const startWall = newStart?.wall ?? original;
    const allDay = newStart?.dateOnly ?? series.allDay;
    const endValue = change.end === undefined ? undefined : parseWall(change.end);
    const duration = change.duration === undefined ? undefined : parseDuration(change.duration);
    changes.set(original, {
      index,
      original,
      cancelled: change.cancelled === true,
      startWall,
      allDay,
      endWall: endValue === undefined ? undefined : endValue.dateOnly ? endValue.wall + DAY : endValue.wall,
      span: duration ?? series.span,
      title: change.title,
      room: change.room,
      attendees: change.attendees,
    });
  });
  return { changes, problems };
}
