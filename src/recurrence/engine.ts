import { DAY, daysInMonth, epochDay, weekdayOfEpochDay as weekdayOf } from "../time/date";

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

/** The last year any rule is walked to (as rrule.js does). */
const MAX_YEAR = 9999;
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** RFC 5545's default week start, Monday. */
const MONDAY = 1;
const FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"] as const;
type Freq = (typeof FREQS)[number];

/** A rule of the shapes {@link compileFastRule} handles, its defaults filled in. */
interface FastRule {
  readonly freq: Freq;
  readonly interval: number;
  readonly count: number | undefined;
  /** Floating ms, inclusive; `Infinity` without UNTIL. */
  readonly until: number;
  /** Week start, 0 = Sunday (as every weekday here). */
  readonly wkst: number;
  /** `byMonth[m]` for months 1–12, or undefined for any month. */
  readonly byMonth: readonly boolean[] | undefined;
  /** `[day of month 1–31]` and `[days before the month's end, 1 = last day]`, or undefined. */
  readonly byMonthDay: { readonly plus: readonly boolean[]; readonly minus: readonly boolean[] } | undefined;
  /** Weekdays without an ordinal, 0 = Sunday, or undefined. */
  readonly byWeekday: readonly boolean[] | undefined;
  /** Weekdays with an ordinal (`1TH`, `-1FR`) as `[weekday, n]`, or undefined. */
  readonly byNthWeekday: readonly (readonly [number, number])[] | undefined;
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

/**
 * Compiles an RRULE (normalized: upper case, no `RRULE:` prefix, already checked by
 * `checkRRule`) for a DTSTART, when it is of a shape this engine handles: FREQ DAILY, WEEKLY,
 * MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL, WKST, BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS,
 * the times of day taken from DTSTART. Returns `undefined` for any other shape (BYHOUR,
 * BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO, sub-daily FREQ, BYDAY ordinals outside MONTHLY and
 * YEARLY or mixed with plain weekdays, BYMONTHDAY or BYSETPOS with WEEKLY); the caller then uses
 * rrule.js. The results are those of rrule.js for the same rule, found without walking from
 * DTSTART: a window late in a long rule starts at its own period.
 *
 * @param untilWall UNTIL as a floating wall time (the caller converts a UTC UNTIL to the zone).
 */
export function compileFastRule(rule: string, startWall: number, untilWall: number | undefined): Recurrence | undefined {
  const parts = new Map<string, string>();
  for (const part of rule.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const freq = parts.get("FREQ") as Freq | undefined;
  if (freq === undefined || !FREQS.includes(freq)) return undefined;
  for (const key of ["BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO"]) if (parts.has(key)) return undefined;
  const byDayText = parts.get("BYDAY");
  const monthDayText = parts.get("BYMONTHDAY");
  const setPosText = parts.get("BYSETPOS");
  if (freq === "WEEKLY" && (monthDayText !== undefined || setPosText !== undefined)) return undefined;

  const plain: number[] = [];
  const nth: [number, number][] = [];
  for (const item of byDayText?.split(",") ?? []) {
    const match = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!match) return undefined;
    const weekday = WEEKDAYS.indexOf(match[2] as (typeof WEEKDAYS)[number]);
    if (match[1] === undefined) plain.push(weekday);
    else nth.push([weekday, Number(match[1])]);
  }
  if (nth.length > 0 && (plain.length > 0 || freq === "DAILY" || freq === "WEEKLY")) return undefined;

  const startDay = Math.floor(startWall / DAY);
  const start = new Date(startDay * DAY);
  let months = parts.has("BYMONTH") ? ints(parts.get("BYMONTH") as string) : undefined;
  let monthDays = monthDayText === undefined ? undefined : ints(monthDayText);
  // RFC 5545 defaults, as rrule.js fills them: the rule repeats DTSTART's day.
  if (monthDays === undefined && byDayText === undefined) {
    if (freq === "YEARLY") {
      months ??= [start.getUTCMonth() + 1];
      monthDays = [start.getUTCDate()];
    } else if (freq === "MONTHLY") {
      monthDays = [start.getUTCDate()];
    } else if (freq === "WEEKLY") {
      plain.push(weekdayOf(startDay));
    }
  }
  const wkstText = parts.get("WKST");
  const fast: FastRule = {
    freq,
    interval: Number(parts.get("INTERVAL") ?? 1),
    count: parts.has("COUNT") ? Number(parts.get("COUNT")) : undefined,
    until: untilWall ?? Number.POSITIVE_INFINITY,
    wkst: wkstText === undefined ? MONDAY : WEEKDAYS.indexOf(wkstText as (typeof WEEKDAYS)[number]),
    byMonth: months && flags(13, months),
    byMonthDay: monthDays && {
      plus: flags(
        32,
        monthDays.filter((day) => day > 0),
      ),
      minus: flags(
        32,
        monthDays.filter((day) => day < 0).map((day) => -day),
      ),
    },
    byWeekday: plain.length > 0 ? flags(7, plain) : undefined,
    byNthWeekday: nth.length > 0 ? nth : undefined,
    bySetPos: setPosText === undefined ? undefined : ints(setPosText),
  };
  return {
    between(from, to, cap = Number.POSITIVE_INFINITY) {
      const out: number[] = [];
      let overflow = false;
      walk(fast, startWall, from, to, (wall) => {
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
      let found: number | undefined;
      walk(fast, startWall, wall + 1, to, (next) => {
        found = next;
        return false;
      });
      return found;
    },
  };
}

/** The days `[weekday, n]` names inside `[first, end)` (a month or a year), added to `into`. */
function nthWeekdays(rule: FastRule, first: number, end: number, into: Set<number>): void {
  for (const [weekday, n] of rule.byNthWeekday ?? []) {
    const day =
      n > 0
        ? first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7
        : end - 1 - ((weekdayOf(end - 1) - weekday + 7) % 7) + (n + 1) * 7;
    if (day >= first && day < end) into.add(day);
  }
}

/**
 * Visits the starts in `[from, to]` in order until `visit` returns false. Periods are those of
 * RFC 5545 (a day, a week from WKST, a month, a year, every INTERVAL); without COUNT the walk
 * starts at the period holding `from`.
 */
function walk(rule: FastRule, startWall: number, from: number, to: number, visit: (wall: number) => boolean): void {
  const { freq, interval, until, count, byMonth, byMonthDay, byWeekday, byNthWeekday, bySetPos } = rule;
  const startDay = Math.floor(startWall / DAY);
  const timeOfDay = startWall - startDay * DAY;
  const start = new Date(startDay * DAY);
  const startMonth = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const firstWeek = startDay - ((weekdayOf(startDay) - rule.wkst + 7) % 7);
  const last = Math.min(to, until);

  let period = 0;
  if (count === undefined && from > startWall) {
    const fromDay = Math.floor(from / DAY);
    const fromDate = new Date(fromDay * DAY);
    const elapsed =
      freq === "DAILY"
        ? fromDay - startDay
        : freq === "WEEKLY"
          ? Math.floor((fromDay - firstWeek) / 7)
          : freq === "MONTHLY"
            ? fromDate.getUTCFullYear() * 12 + fromDate.getUTCMonth() - startMonth
            : fromDate.getUTCFullYear() - start.getUTCFullYear();
    period = Math.max(0, Math.floor(elapsed / interval));
  }

  const days: number[] = [];
  const nth = new Set<number>();
  let emitted = 0;
  for (; ; period++) {
    // The period's days: [first, end).
    let first: number;
    let end: number;
    if (freq === "DAILY") {
      first = startDay + period * interval;
      end = first + 1;
    } else if (freq === "WEEKLY") {
      first = firstWeek + period * interval * 7;
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
    if (first * DAY + timeOfDay > last || first >= END_OF_YEARS) return;

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
        (byNthWeekday === undefined || nth.has(day))
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

    const chosen = bySetPos ? setPositions(days, bySetPos) : days;
    for (const day of chosen) {
      const wall = day * DAY + timeOfDay;
      if (wall < startWall) continue;
      if (wall > last) return;
      if (wall >= from && !visit(wall)) return;
      if (count !== undefined && ++emitted >= count) return;
    }
  }
}

/** The days at BYSETPOS positions of a period's sorted days, sorted and without repeats. */
function setPositions(days: readonly number[], positions: readonly number[]): number[] {
  const out: number[] = [];
  for (const position of positions) {
    const day = position > 0 ? days[position - 1] : days[days.length + position];
    if (day !== undefined && !out.includes(day)) out.push(day);
  }
  return out.sort((a, b) => a - b);
}
