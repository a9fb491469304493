import { UsageError } from "../errors";
import { CalendarError } from "../calendar/errors";
import { canChi, formatLunar, fromLunar, toLunar, type LunarDate } from "../calendar/lunar";
import { inert } from "../internal/inert";
import { FIRST_YEAR, LAST_YEAR } from "../limits";
import { message, type Lang } from "../messages";
import type { Output } from "./io";

/** Options of `lichhop lunar`. */
export interface LunarOptions {
  readonly format: string;
  readonly lang?: Lang | undefined;
  /** The lunar year of a lunar `D/M` (the Gregorian year in which it begins), as typed. */
  readonly year?: string | undefined;
  /** `--leap`: the lunar `D/M` is in the leap month of that number. */
  readonly leap?: boolean | undefined;
}

/**
 * `lichhop lunar DATE`: the Vietnamese lunar date of a Gregorian date (UTC+7); `lichhop lunar D/M
 * --year YYYY [--leap]`: the Gregorian date of a lunar day and month of that lunar year.
 */
export function runLunar(date: string | undefined, options: LunarOptions, out: Output): number {
  const lang: Lang = options.lang ?? "vi";
  if (date === undefined) throw new UsageError(message(lang, "lunar-date-needed"));
  if (options.format !== "text" && options.format !== "json") {
    throw new UsageError(message(lang, "bad-format", { found: options.format, formats: ["text", "json"] }));
  }
  const lunarDayMonth = /^(\d{1,2})\/(\d{1,2})$/.exec(date);
  if (lunarDayMonth) return solarOf(Number(lunarDayMonth[1]), Number(lunarDayMonth[2]), options, lang, out);
  if (options.year !== undefined || options.leap) throw new UsageError(message(lang, "lunar-day-month", { found: date }));
  let lunar: LunarDate;
  try {
    lunar = toLunar(date);
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new UsageError(
        error.code === "out-of-range"
          ? message(lang, "date-out-of-range", { found: date, first: FIRST_YEAR, last: LAST_YEAR })
          : message(lang, "lunar-bad-date", { found: date }),
      );
    }
    throw error;
  }
  const text = formatLunar(lunar, lang);
  if (options.format === "json") {
    const body = { version: 1, date, lunar: { ...lunar }, yearName: canChi(lunar.year), text };
    out.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    out.stdout(`${inert(text)}\n`);
  }
  return 0;
}

/** The Gregorian date of lunar `day`/`month` of `--year`, in the leap month with `--leap`. */
function solarOf(day: number, month: number, options: LunarOptions, lang: Lang, out: Output): number {
  const yearText = options.year;
  if (yearText === undefined) throw new UsageError(message(lang, "lunar-year-needed", { found: `${day}/${month}` }));
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    throw new UsageError(message(lang, "year-out-of-range", { found: yearText }));
  }
  const lunar: LunarDate = { day, month, year: Number(yearText), leap: options.leap === true };
  let date: string;
  try {
    date = fromLunar(lunar.day, lunar.month, lunar.year, lunar.leap);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    const leapMonth = lunar.leap ? leapMonthOf(lunar.year) : undefined;
    throw new UsageError(
      lunar.leap && leapMonth !== lunar.month
        ? message(lang, "no-leap-month", { month: lunar.month, year: lunar.year, leapMonth })
        : message(lang, "no-such-lunar-date", { day, month, year: lunar.year, leap: lunar.leap }),
    );
  }
  const text = formatLunar(lunar, lang);
  if (options.format === "json") {
    const body = { version: 1, date, lunar: { ...lunar }, yearName: canChi(lunar.year), text };
    out.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    out.stdout(`${message(lang, "lunar-to-solar", { lunar: inert(text), date })}\n`);
  }
  return 0;
}

/** The leap month of lunar `year`, if it has one: the month whose first day `toLunar` marks leap. */
function leapMonthOf(year: number): number | undefined {
  for (let month = 1; month <= 12; month++) {
    try {
      fromLunar(1, month, year, true);
      return month;
    } catch {
      // no leap month of this number
    }
  }
  return undefined;
}
