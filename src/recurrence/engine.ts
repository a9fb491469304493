import { type StepBudget, UNBOUNDED } from "../limits";
import { DAY, HOUR, MINUTE, daysInMonth, epochDay, weekdayOfEpochDay as weekdayOf } from "../time/date";

/**
 * A recurrence rule compiled for one DTSTART, over floating wall times (epoch ms whose UTC
 * fields hold the local clock reading).
 */
export interface Recurrence {
  /**
   * The starts in `[from, to]` (both inclusive), ascending; `undefined` as soon as there are
   * more than `cap`.
   */
  between(from: number, to: number, cap?: number): number[] | undefined;
  /** The first start strictly after `wall` and not after `to`, or `undefined` when there is none. */
  after(wall: number, to: number): number | undefined;
}

/** The last year any rule is walked to. */
const MAX_YEAR = 9999;
const SECOND = 1000;
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** RFC 5545's default week start, Monday. */
const MONDAY = 1;
const FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"] as const;
type Freq = (typeof FREQS)[number];
/** The length of one period of the sub-daily frequencies, in (floating) ms. */
const UNIT: Readonly<Partial<Record<Freq, number>>> = { HOURLY: HOUR, MINUTELY: MINUTE, SECONDLY: SECOND };
/** Sub-daily walks spend their periods from the budget in batches of this many. */
const SPEND_BATCH = 1024;

/** A day-of-something list split by sign: `plus[n]` for n, `minus[n]` for -n (n counted from the end, 1 = last). */
interface SignedDays {
  readonly plus: readonly boolean[];
  readonly minus: readonly boolean[];
}

/** A rule compiled for the walks below, RFC 5545's defaults filled in from DTSTART. */
interface Rule {
  readonly freq: Freq;
  readonly interval: number;
  readonly count: number | undefined;
  /** Floating ms, inclusive; `Infinity` without UNTIL. */
  readonly until: number;
  /** Week start, 0 = Sunday (as every weekday here). */
  readonly wkst: number;
  /** `byMonth[m]` for months 1–12, or undefined for any month. */
  readonly byMonth: readonly boolean[] | undefined;
  /** Weeks of the year (ISO 8601 numbering from WKST), signed. */
  readonly byWeekNo: readonly number[] | undefined;
  /** Days of the year, signed (-1 = the last). */
  readonly byYearDay: readonly number[] | undefined;
  readonly byMonthDay: SignedDays | undefined;
  /** Weekdays without an ordinal, 0 = Sunday, or undefined. */
  readonly byWeekday: readonly boolean[] | undefined;
  /**
   * Weekdays with an ordinal (`1TH`, `-1FR`) as `[weekday, n]` (MONTHLY and YEARLY only), or
   * undefined; with them, plain weekdays are `[weekday, 0]` here (a day either names passes).
   */
  readonly byNthWeekday: readonly (readonly [number, number])[] | undefined;
  /** Limits on the hour, minute and second of a sub-daily period's start, or undefined. */
  readonly byHour: readonly boolean[] | undefined;
  readonly byMinute: readonly boolean[] | undefined;
  readonly bySecond: readonly boolean[] | undefined;
  /**
   * The times a period expands to, ascending: ms after midnight for the day-based frequencies,
   * after the hour's start for HOURLY, after the minute's start for MINUTELY; unused by SECONDLY.
   */
  readonly times: readonly number[];
  readonly bySetPos: readonly number[] | undefined;
}

/** The first day after the last year any rule is walked to. */
const END_OF_YEARS = epochDay(MAX_YEAR + 1, 1, 1);

function flags(size: number, values: readonly number[]): boolean[] {
  const out = new Array<boolean>(size).fill(false);
  for (const value of values) out[value] = true;
  return out;
}

const ints = (value: string): number[] => value.split(",").map(Number);

function signed(size: number, values: readonly number[] | undefined): SignedDays | undefined {
  if (values === undefined) return undefined;
  return {
    plus: flags(
      size,
      values.filter((n) => n > 0),
    ),
    minus: flags(
      size,
      values.filter((n) => n < 0).map((n) => -n),
    ),
  };
}

/** `a mod b` for b > 0, never negative (walls before 1970 are negative). */
const mod = (a: number, b: number): number => ((a % b) + b) % b;

/**
 * Compiles an RRULE (normalized: upper case, no `RRULE:` prefix, already checked by
 * `checkRRule`) for a DTSTART: every rule of RFC 5545 §3.3.10, FREQ from SECONDLY to YEARLY with
 * INTERVAL, COUNT, UNTIL, WKST and every BYxxx part, expanding or limiting as the RFC's table
 * says. What the rule leaves out comes from DTSTART (its time of day, its day of the month,
 * its weekday and month).
 *
 * Every period is a period of the local clock: HOURLY steps the clock's hour, as DAILY steps
 * its date, so 08:00 stays 08:00 across a DST change and a start is named by its wall time
 * alone (the caller converts it, moving a time in a DST gap forward by the gap). Days and
 * weeks of the year follow ISO 8601 from WKST, each day in its own week-based year. A BYSECOND
 * of 60 names a leap second, which civil time here does not have: it is no time of any period.
 * Walks before a window start at the window's period unless COUNT asks for a walk from DTSTART;
 * those walks, the instants that BYHOUR, BYMINUTE and BYSECOND multiply a day into, and every
 * period of a sub-daily rule spend steps from `budget`. Where rrule.js and python-dateutil depart
 * from RFC 5545 the engine follows the RFC (test/recurrence/engine.rfc-cases.test.ts names each
 * case).
 *
 * @param untilWall UNTIL as a floating wall time (the caller converts a UTC UNTIL to the zone).
 * @example
 * const rule = compileRule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", Date.UTC(2024, 0, 31, 8), undefined);
 * rule.between(Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 31)); // Jan 31, Feb 29, Mar 29 at 08:00
 */
export function compileRule(rule: string, startWall: number, untilWall: number | undefined, budget: StepBudget = UNBOUNDED): Recurrence {
  const compiled = parseRule(rule, startWall, untilWall);
  const subDaily = UNIT[compiled.freq] !== undefined;
  const walk = subDaily ? walkSubDaily : walkDays;
  const counted = compiled.count !== undefined;
  return {
    between(from, to, cap = Number.POSITIVE_INFINITY) {
      // A day-based walk before the window happens only with COUNT (it counts from DTSTART).
      if (!subDaily && counted) budget.spend(Math.max(0, Math.ceil((Math.min(from, to) - startWall) / DAY)));
      const out: number[] = [];
      let overflow = false;
      walk(compiled, startWall, from, to, budget, (wall) => {
        if (out.length >= cap) {
          overflow = true;
          return false;
        }
        out.push(wall);
        return true;
      });
      return overflow ? undefined : out;
    },
    after(wall, to) {
      if (!subDaily) budget.spend(Math.max(0, Math.ceil((to - (counted ? startWall : wall)) / DAY)));
      let found: number | undefined;
      walk(compiled, startWall, wall + 1, to, budget, (next) => {
        found = next;
        return false;
      });
      return found;
    },
  };
}

function parseRule(rule: string, startWall: number, untilWall: number | undefined): Rule {
  const parts = new Map<string, string>();
  for (const part of rule.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const freqText = parts.get("FREQ") ?? "";
  const freq: Freq = (FREQS as readonly string[]).includes(freqText) ? (freqText as Freq) : "DAILY";
  const rank = FREQS.indexOf(freq);
  const list = (key: string): number[] | undefined => {
    const text = parts.get(key);
    return text === undefined ? undefined : ints(text);
  };

  const byDayText = parts.get("BYDAY");
  const plain: number[] = [];
  const nth: [number, number][] = [];
  for (const item of byDayText?.split(",") ?? []) {
    const match = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) continue;
    const weekday = WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]);
    // An ordinal means something in a month or a year only: elsewhere it is the plain weekday
    // (RFC 5545 forbids it there; rrule.js and python-dateutil read it so).
    if (match[1] === undefined || (freq !== "MONTHLY" && freq !== "YEARLY")) plain.push(weekday);
    else nth.push([weekday, Number(match[1])]);
  }

  const startDay = Math.floor(startWall / DAY);
  const start = new Date(startDay * DAY);
  const byWeekNo = list("BYWEEKNO");
  const byYearDay = list("BYYEARDAY");
  let months = list("BYMONTH");
  let monthDays = list("BYMONTHDAY");
  // RFC 5545's defaults: a rule that names no day repeats DTSTART's.
  if (monthDays === undefined && byDayText === undefined && byWeekNo === undefined && byYearDay === undefined) {
    if (freq === "YEARLY") {
      months ??= [start.getUTCMonth() + 1];
      monthDays = [start.getUTCDate()];
    } else if (freq === "MONTHLY") {
      monthDays = [start.getUTCDate()];
    } else if (freq === "WEEKLY") {
      plain.push(weekdayOf(startDay));
    }
  }

  const timeOfDay = startWall - startDay * DAY;
  const startMs = timeOfDay % SECOND;
  const hours = list("BYHOUR");
  const minutes = list("BYMINUTE");
  const seconds = list("BYSECOND");
  // Parts finer than FREQ expand it (DTSTART's value when absent); coarser or equal ones limit it.
  const expandHours = rank < 4 ? (hours ?? [Math.floor(timeOfDay / HOUR)]) : [0];
  const expandMinutes = rank < 5 ? (minutes ?? [Math.floor(timeOfDay / MINUTE) % 60]) : [0];
  const expandSeconds = rank < 6 ? (seconds ?? [Math.floor(timeOfDay / SECOND) % 60]) : [0];
  const times: number[] = [];
  for (const h of expandHours)
    for (const m of expandMinutes) for (const s of expandSeconds) if (s < 60) times.push(h * HOUR + m * MINUTE + s * SECOND + startMs);
  times.sort((a, b) => a - b);

  const wkstText = parts.get("WKST");
  return {
    freq,
    interval: Number(parts.get("INTERVAL") ?? 1),
    count: parts.has("COUNT") ? Number(parts.get("COUNT")) : undefined,
    until: untilWall ?? Number.POSITIVE_INFINITY,
    wkst: wkstText === undefined ? MONDAY : WEEKDAYS.indexOf(wkstText as (typeof WEEKDAYS)[number]),
    byMonth: months && flags(13, months),
    byWeekNo,
    byYearDay,
    byMonthDay: signed(32, monthDays),
    // Plain weekdays beside ordinals name days too (RFC 5545): they join the ordinals as `[weekday, 0]`.
    byWeekday: plain.length > 0 && nth.length === 0 ? flags(7, plain) : undefined,
    byNthWeekday: nth.length > 0 ? [...nth, ...plain.map((weekday): [number, number] => [weekday, 0])] : undefined,
    byHour: rank >= 4 && hours ? flags(24, hours) : undefined,
    byMinute: rank >= 5 && minutes ? flags(60, minutes) : undefined,
    bySecond: rank >= 6 && seconds ? flags(61, seconds) : undefined,
    times: [...new Set(times)],
    bySetPos: list("BYSETPOS"),
  };
}

/** The days `[weekday, n]` names inside `[first, end)` (a month or a year; n = 0: every such weekday), added to `into`. */
function nthWeekdays(rule: Rule, first: number, end: number, into: Set<number>): void {
  for (const [weekday, n] of rule.byNthWeekday ?? []) {
    if (n === 0) {
      for (let day = first + ((weekday - weekdayOf(first) + 7) % 7); day < end; day += 7) into.add(day);
      continue;
    }
    const day =
      n > 0
        ? first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7
        : end - 1 - ((weekdayOf(end - 1) - weekday + 7) % 7) + (n + 1) * 7;
    if (day >= first && day < end) into.add(day);
  }
}

/** The first day of week 1 of a week-based year: the week from WKST holding at least four of its days (ISO 8601). */
function firstWeek(year: number, wkst: number): number {
  const january1 = epochDay(year, 1, 1);
  const before = (weekdayOf(january1) - wkst + 7) % 7;
  return before >= 4 ? january1 - before + 7 : january1 - before;
}

/** The days of `[first, end)` in the weeks BYWEEKNO names, each week in its own week-based year, added to `into`. */
function weekNoDays(rule: Rule, first: number, end: number, into: Set<number>): void {
  const firstYear = new Date(first * DAY).getUTCFullYear();
  const lastYear = new Date((end - 1) * DAY).getUTCFullYear();
  for (let year = firstYear - 1; year <= lastYear + 1; year++) {
    const week1 = firstWeek(year, rule.wkst);
    const weeks = (firstWeek(year + 1, rule.wkst) - week1) / 7;
    for (const n of rule.byWeekNo ?? []) {
      const week = n > 0 ? n : weeks + n + 1;
      if (week < 1 || week > weeks) continue;
      const weekStart = week1 + (week - 1) * 7;
      for (let day = Math.max(first, weekStart); day < Math.min(end, weekStart + 7); day++) into.add(day);
    }
  }
}

/**
 * The days of `[first, end)` that BYYEARDAY and BYWEEKNO allow (both, when both are given), in
 * `into`; false when the rule has neither and every day passes.
 */
function yearDays(rule: Rule, first: number, end: number, into: Set<number>, scratch: Set<number>): boolean {
  const { byYearDay, byWeekNo } = rule;
  if (!byYearDay && !byWeekNo) return false;
  into.clear();
  if (byWeekNo) weekNoDays(rule, first, end, into);
  if (byYearDay) {
    scratch.clear();
    const firstYear = new Date(first * DAY).getUTCFullYear();
    const lastYear = new Date((end - 1) * DAY).getUTCFullYear();
    for (let year = firstYear; year <= lastYear; year++) {
      const yearFirst = epochDay(year, 1, 1);
      const yearEnd = epochDay(year + 1, 1, 1);
      for (const n of byYearDay) {
        const day = n > 0 ? yearFirst + n - 1 : yearEnd + n;
        if (day >= yearFirst && day < yearEnd && day >= first && day < end) scratch.add(day);
      }
    }
    if (byWeekNo) {
      for (const day of into) if (!scratch.has(day)) into.delete(day);
    } else {
      for (const day of scratch) into.add(day);
    }
  }
  return true;
}

/** True when a day passes the day-level parts of a sub-daily rule (all of them limit it). */
function dayMatches(rule: Rule, day: number, allowed: Set<number>, scratch: Set<number>): boolean {
  const date = new Date(day * DAY);
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  const { byMonth, byMonthDay, byWeekday } = rule;
  if (byMonth && !byMonth[month]) return false;
  if (byWeekday && !byWeekday[weekdayOf(day)]) return false;
  if (byMonthDay && !byMonthDay.plus[dayOfMonth] && !byMonthDay.minus[daysInMonth(date.getUTCFullYear(), month) - dayOfMonth + 1])
    return false;
  return !yearDays(rule, day, day + 1, allowed, scratch) || allowed.has(day);
}

/**
 * Visits the starts in `[from, to]` of a DAILY, WEEKLY, MONTHLY or YEARLY rule in order until
 * `visit` returns false. Periods are those of RFC 5545 (a day, a week from WKST, a month, a
 * year, every INTERVAL); without COUNT the walk starts at the period holding `from`.
 */
function walkDays(rule: Rule, startWall: number, from: number, to: number, budget: StepBudget, visit: (wall: number) => boolean): void {
  const { freq, interval, until, count, byMonth, byMonthDay, byWeekday, byNthWeekday, bySetPos, times } = rule;
  if (times.length === 0) return;
  const startDay = Math.floor(startWall / DAY);
  const start = new Date(startDay * DAY);
  const startMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const firstWeekStart = startDay - ((weekdayOf(startDay) - rule.wkst + 7) % 7);
  const last = Math.min(to, until);
  const firstTime = times[0] as number;
  const oneTime = times.length === 1;

  let period = 0;
  if (count === undefined && from > startWall) {
    const fromDay = Math.floor(from / DAY);
    const fromDate = new Date(fromDay * DAY);
    const elapsed =
      freq === "DAILY"
        ? fromDay - startDay
        : freq === "WEEKLY"
          ? Math.floor((fromDay - firstWeekStart) / 7)
          : freq === "MONTHLY"
            ? fromDate.getUTCFullYear() * 12 + fromDate.getUTCMonth() - startMonth
            : fromDate.getUTCFullYear() - start.getUTCFullYear();
    period = Math.max(0, Math.floor(elapsed / interval));
  }

  const days: number[] = [];
  const walls: number[] = [];
  const nth = new Set<number>();
  const allowed = new Set<number>();
  const scratch = new Set<number>();
  let emitted = 0;
  for (; ; period++) {
    // The period's days: [first, end).
    let first: number;
    let end: number;
    if (freq === "DAILY") {
      first = startDay + period * interval;
      end = first + 1;
    } else if (freq === "WEEKLY") {
      first = firstWeekStart + period * interval * 7;
      end = first + 7;
    } else if (freq === "MONTHLY") {
      const month = startMonth + period * interval;
      const year = Math.floor(month / 12);
      first = epochDay(year, (month % 12) + 1, 1);
      end = first + daysInMonth(year, (month % 12) + 1);
    } else {
      const year = start.getUTCFullYear() + period * interval;
      first = epochDay(year, 1, 1);
      end = epochDay(year + 1, 1, 1);
    }
    if (first * DAY + firstTime > last || first >= END_OF_YEARS) return;

    if (byNthWeekday) {
      nth.clear();
      if (freq === "MONTHLY" || byMonth === undefined) {
        nthWeekdays(rule, first, end, nth);
      } else {
        const year = new Date(first * DAY).getUTCFullYear();
        for (let month = 1; month <= 12; month++) {
          if (!byMonth[month]) continue;
          const monthFirst = epochDay(year, month, 1);
          nthWeekdays(rule, monthFirst, monthFirst + daysInMonth(year, month), nth);
        }
      }
    }
    const limited = yearDays(rule, first, end, allowed, scratch);

    days.length = 0;
    const date = new Date(first * DAY);
    let year = date.getUTCFullYear();
    let month = date.getUTCMonth() + 1;
    let dayOfMonth = date.getUTCDate();
    let length = daysInMonth(year, month);
    for (let day = first; day < end; day++) {
      if (
        (byMonth === undefined || byMonth[month]) &&
        (byMonthDay === undefined || byMonthDay.plus[dayOfMonth] || byMonthDay.minus[length - dayOfMonth + 1]) &&
        (byWeekday === undefined || byWeekday[weekdayOf(day)]) &&
        (byNthWeekday === undefined || nth.has(day)) &&
        (!limited || allowed.has(day))
      ) {
        days.push(day);
      }
      if (++dayOfMonth > length) {
        dayOfMonth = 1;
        if (++month > 12) {
          month = 1;
          year++;
        }
        length = daysInMonth(year, month);
      }
    }

    // One time of day and no BYSETPOS (the common rules): each day is a start.
    if (oneTime && !bySetPos) {
      for (const day of days) {
        const wall = day * DAY + firstTime;
        if (wall < startWall) continue;
        if (wall > last) return;
        if (wall >= from && !visit(wall)) return;
        if (count !== undefined && ++emitted >= count) return;
      }
      continue;
    }
    walls.length = 0;
    for (const day of days) for (const time of times) walls.push(day * DAY + time);
    // The instants a day expands to beyond its first are work the days alone do not bound.
    if (!oneTime) budget.spend(walls.length);
    for (const wall of bySetPos ? setPositions(walls, bySetPos) : walls) {
      if (wall < startWall) continue;
      if (wall > last) return;
      if (wall >= from && !visit(wall)) return;
      if (count !== undefined && ++emitted >= count) return;
    }
  }
}

/**
 * Visits the starts in `[from, to]` of an HOURLY, MINUTELY or SECONDLY rule in order until
 * `visit` returns false. A period is an hour, a minute or a second of the local clock, every
 * INTERVAL from DTSTART's; a period whose day, hour or minute a BYxxx part rules out is
 * skipped with all the periods after it in that day, hour or minute.
 */
function walkSubDaily(rule: Rule, startWall: number, from: number, to: number, budget: StepBudget, visit: (wall: number) => boolean): void {
  const { freq, interval, until, count, byHour, byMinute, bySecond, bySetPos, times } = rule;
  const unit = UNIT[freq] as number;
  const step = unit * interval;
  const last = Math.min(to, until);
  const end = END_OF_YEARS * DAY;
  const limitsDays =
    rule.byMonth !== undefined ||
    rule.byWeekday !== undefined ||
    rule.byMonthDay !== undefined ||
    rule.byYearDay !== undefined ||
    rule.byWeekNo !== undefined;
  // No time of any period (BYSECOND=60 alone): nothing to walk.
  if (freq === "SECONDLY" ? bySecond !== undefined && !bySecond.slice(0, 60).includes(true) : times.length === 0) return;
  const allowed = new Set<number>();
  const scratch = new Set<number>();
  const walls: number[] = [];
  /** The first period at or after `wall`. */
  const periodAt = (wall: number) => Math.ceil((wall - startWall) / step);

  let period = count === undefined && from > startWall ? Math.max(0, Math.floor((from - startWall) / step)) : 0;
  let checkedDay = Number.NaN;
  let dayOk = true;
  let emitted = 0;
  let unspent = 0;
  try {
    for (;;) {
      const at = startWall + period * step;
      const periodStart = freq === "SECONDLY" ? at : at - mod(at, unit);
      if (periodStart > last || at >= end) return;
      if (++unspent >= SPEND_BATCH) {
        budget.spend(unspent);
        unspent = 0;
      }
      const day = Math.floor(at / DAY);
      if (limitsDays && day !== checkedDay) {
        checkedDay = day;
        dayOk = dayMatches(rule, day, allowed, scratch);
      }
      if (!dayOk) {
        period = Math.max(period + 1, periodAt((day + 1) * DAY));
        continue;
      }
      if (byHour && !byHour[mod(Math.floor(at / HOUR), 24)]) {
        period = Math.max(period + 1, periodAt((Math.floor(at / HOUR) + 1) * HOUR));
        continue;
      }
      if (byMinute && !byMinute[mod(Math.floor(at / MINUTE), 60)]) {
        period = Math.max(period + 1, periodAt((Math.floor(at / MINUTE) + 1) * MINUTE));
        continue;
      }
      if (bySecond && !bySecond[mod(Math.floor(at / SECOND), 60)]) {
        period++;
        continue;
      }
      walls.length = 0;
      if (freq === "SECONDLY") walls.push(at);
      else for (const time of times) walls.push(periodStart + time);
      unspent += walls.length;
      const chosen = bySetPos ? setPositions(walls, bySetPos) : walls;
      for (const wall of chosen) {
        if (wall < startWall) continue;
        if (wall > last) return;
        if (wall >= from && !visit(wall)) return;
        if (count !== undefined && ++emitted >= count) return;
      }
      period++;
    }
  } finally {
    budget.spend(unspent);
  }
}

/** The values at BYSETPOS positions of a period's sorted set, sorted and without repeats. */
function setPositions(values: readonly number[], positions: readonly number[]): number[] {
  const out: number[] = [];
  for (const position of positions) {
    const value = position > 0 ? values[position - 1] : values[values.length + position];
    if (value !== undefined && !out.includes(value)) out.push(value);
  }
  return out.sort((a, b) => a - b);
}
