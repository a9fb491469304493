import type { Meeting } from "../schema/schedule";
import type { ZoneClock } from "../time/zone";
import { DAY, HOUR, MINUTE, parseDuration, parseWall, startOfDay, type Span } from "../time/wall";
import { compileFastRule, type Recurrence } from "./engine";
import { RRule, type RRuleOptions } from "./rrule-lib";
import { normalizeRRule } from "./rrule-text";
import { lowerBound } from "../internal/search";

/** The most occurrences one series may have inside the horizon. */
export const MAX_OCCURRENCES_PER_SERIES = 100_000;
/** The most recurrence periods a rule may walk through from its start to the horizon's end. */
export const MAX_RULE_PERIODS = 5_000_000;

const FREQ_MS: Record<string, number> = {
  YEARLY: 366 * DAY,
  MONTHLY: 31 * DAY,
  WEEKLY: 7 * DAY,
  DAILY: DAY,
  HOURLY: HOUR,
  MINUTELY: MINUTE,
  SECONDLY: 1000,
};

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
  /** Length in ms of one period of the rule's FREQ times its INTERVAL; 0 without a rule. */
  readonly periodMs: number;
  readonly count: number | undefined;
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

/** rrule.js behind the {@link Recurrence} interface, for the shapes the fast engine leaves to it. */
function rruleRecurrence(options: Partial<RRuleOptions>, startWall: number): Recurrence {
  const rule = new RRule({ ...options, dtstart: new Date(startWall), tzid: null }, true);
  return {
    between(from, to, cap = Number.POSITIVE_INFINITY) {
      let overflow = false;
      const dates = rule.between(new Date(from), new Date(to), true, (_date, length) => {
        if (length >= cap) {
          overflow = true;
          return false;
        }
        return true;
      });
      return overflow ? undefined : dates.map((date) => date.getTime());
    },
    after(wall) {
      return rule.after(new Date(wall), false)?.getTime();
    },
  };
}

/**
 * Compiles an RRULE for a DTSTART (floating ms): the fast engine for the common shapes, rrule.js
 * for the rest. UNTIL in UTC is read in the meeting's zone; a date UNTIL on a timed series
 * includes that whole local day.
 */
export function buildRecurrence(text: string, startWall: number, allDay: boolean, clock: ZoneClock): Recurrence {
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
  return compileFastRule(normalized, startWall, options.until?.getTime()) ?? rruleRecurrence(options, startWall);
}

/**
 * Compiles a validated meeting into a {@link Series} in its zone, its `changes` not yet resolved
 * (see {@link resolveChanges}). Throws only on input that validation rejects.
 */
export function compileSeries(meeting: Meeting, clock: ZoneClock): Series {
  const start = parseWall(meeting.start);
  const span = meetingSpan(meeting);
  if (!start || !span) throw new RangeError(`meeting ${meeting.id}: invalid start or duration`);
  const rule = meeting.repeat === undefined ? undefined : buildRecurrence(meeting.repeat, start.wall, start.dateOnly, clock);
  const normalized = meeting.repeat === undefined ? "" : normalizeRRule(meeting.repeat);
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(normalized)?.[1];
  const interval = Number(/(?:^|;)INTERVAL=(\d+)/.exec(normalized)?.[1] ?? 1);
  const count = /(?:^|;)COUNT=(\d+)/.exec(normalized)?.[1];

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
    periodMs: freq ? (FREQ_MS[freq] ?? DAY) * interval : 0,
    count: count === undefined ? undefined : Number(count),
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

/** True when walking the series' rule up to `toWall` would take more than {@link MAX_RULE_PERIODS} periods. */
export function isRunaway(series: Series, toWall: number): boolean {
  if (!series.rule || series.periodMs === 0) return false;
  let periods = (toWall - series.startWall) / series.periodMs;
  if (series.count !== undefined) periods = Math.min(periods, series.count * 366);
  return periods > MAX_RULE_PERIODS;
}

/** Original starts already enumerated over `[from, to]`, sorted: changes inside it are looked up there. */
export interface KnownStarts {
  readonly from: number;
  readonly to: number;
  readonly starts: readonly number[];
}

/** The starts in `[from, last]` from a sorted list, at most two (enough to tell one from several). */
function startsIn(starts: readonly number[], from: number, last: number): number[] {
  const out: number[] = [];
  for (let i = lowerBound(starts, from); i < starts.length && (starts[i] as number) <= last && out.length < 2; i++) out.push(starts[i] as number);
  return out;
}

/**
 * The starts over the days all of a series' changes name, enumerated in one walk of its rule
 * (instead of one walk per change); undefined when there are fewer than two changes or the
 * span holds too many starts.
 */
function spanOfChanges(series: Series): KnownStarts | undefined {
  const keys = (series.meeting.changes ?? []).map((change) => parseWall(change.occurrence)).filter((key) => key !== undefined);
  if (keys.length < 2) return undefined;
  const from = Math.min(...keys.map((key) => key.wall));
  const to = Math.max(...keys.map((key) => (key.dateOnly ? key.wall + DAY - 1 : key.wall)));
  const starts = originalStarts(series, from, to, 4096);
  return starts ? { from, to, starts } : undefined;
}

/**
 * Resolves `changes[].occurrence` to exact original starts, whatever the horizon. Keys inside
 * `known` are looked up in its starts; others ask the rule for that one day.
 */
export function resolveChanges(series: Series, known = spanOfChanges(series)): { changes: Map<number, SeriesChange>; problems: ChangeProblem[] } {
  const changes = new Map<number, SeriesChange>();
  const problems: ChangeProblem[] = [];
  (series.meeting.changes ?? []).forEach((change, index) => {
    const key = parseWall(change.occurrence);
    if (!key) return;
    const last = key.dateOnly ? key.wall + DAY - 1 : key.wall;
    const matches =
      known && key.wall >= known.from && last <= known.to
        ? startsIn(known.starts, key.wall, last)
        : originalStarts(series, key.wall, last, 1) ?? [Number.NaN, Number.NaN];
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
