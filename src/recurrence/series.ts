import type { Meeting } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
import { DAY, parseDuration, parseWall, startOfDay, type Span } from "../time/wall";
import { compileRule, type Recurrence } from "./engine";
import { normalizeRRule } from "./rrule-text";
import { lowerBound } from "../internal/search";
import type { StepBudget } from "../limits";

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
  /** The change's `status`: the occurrence is listed, marked, but not held at its time. */
  readonly withdrawn: "postponed" | "cancelled" | undefined;
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
  /**
   * True when the rule may give two starts less than a DST gap apart (a sub-daily FREQ, or
   * BYHOUR, BYMINUTE or BYSECOND): one moved forward out of a gap may then fall on another.
   */
  readonly closeStarts: boolean;
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

/**
 * UNTIL as a floating wall time in the meeting's zone: a UTC UNTIL (ending in `Z`) is read in
 * the zone, a local one as it is, and a date UNTIL on a timed series includes that whole local
 * day; `undefined` without UNTIL.
 */
function untilWall(rule: string, allDay: boolean, clock: ZoneClock): number | undefined {
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?(Z)?(?:;|$)/.exec(rule);
  if (!until) return undefined;
  const [, year, month, day, hour, minute, second, utc] = until;
  const floating = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0));
  if (utc) return clock.toWall(floating);
  return hour === undefined && !allDay ? floating + DAY - 1 : floating;
}

/**
 * Compiles an RRULE for a DTSTART (floating ms) with the own engine. UNTIL in UTC is read in the
 * meeting's zone; a date UNTIL on a timed series includes that whole local day. Every walk
 * spends steps from `budget`.
 */
export function buildRecurrence(text: string, startWall: number, allDay: boolean, clock: ZoneClock, budget: StepBudget): Recurrence {
  const normalized = normalizeRRule(text);
  return compileRule(normalized, startWall, untilWall(normalized, allDay, clock), budget);
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
    closeStarts: meeting.repeat !== undefined && /FREQ=(HOURLY|MINUTELY|SECONDLY)|BY(HOUR|MINUTE|SECOND)=/i.test(meeting.repeat),
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
      withdrawn: change.status,
    });
  });
  return { changes, problems };
}
