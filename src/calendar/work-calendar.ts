import * as z from "zod";
import type { CalendarConfig } from "../schema/types";
import type { LocalizedText } from "./decisions";
import { CalendarError } from "./errors";
import { vietnamDaysOff, vietnamMakeUpDays } from "./holidays";
import type { DayOff, MakeUpDay } from "./holidays";
import { dayNumberOfIso, isSupportedIsoDate } from "./internal/date";
import { daysInMonth, isoFromDayNumber, weekdayOf } from "../time/date";

const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/**
 * A day of the week as in RFC 5545 (`MO` … `SU`).
 *
 * @example
 * ```ts
 * weekdaySchema.parse("MO"); // "MO"
 * ```
 */
export const weekdaySchema = z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]);

/**
 * A day of the week as in RFC 5545.
 *
 * @example
 * ```ts
 * const monday: Weekday = "MO";
 * ```
 */
export type Weekday = z.infer<typeof weekdaySchema>;

const PERIOD = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** `"07:30-11:30"` → `[450, 690]`; `undefined` unless 00:00 ≤ start < end ≤ 24:00. */
function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (m1 > 59 || m2 > 59) return undefined;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start < end && end <= 24 * 60 ? [start, end] : undefined;
}

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine(isSupportedIsoDate, "expected a real date between 1900-01-01 and 2100-12-31");

const periodSchema = z
  .string()
  .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, "expected a period HH:MM-HH:MM")
  .refine((text) => parsePeriod(text) !== undefined, "expected HH:MM-HH:MM with a start before the end, within 00:00-24:00");

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** `"04-15"` → its day of a leap year, 0 (`01-01`) to 365 (`12-31`); `undefined` for no such month-day. */
function monthDayIndex(text: string): number | undefined {
  const match = MONTH_DAY.exec(text);
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return undefined;
  let index = day - 1;
  for (let m = 1; m < month; m++) index += daysInMonth(2000, m);
  return index;
}

const monthDaySchema = z
  .string()
  .regex(MONTH_DAY, { message: "a month-day MM-DD", abort: true })
  .refine((text) => monthDayIndex(text) !== undefined, "a real month-day, 01-01 to 12-31 (02-29 included)");

const seasonSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'The season\'s name ("Giờ mùa hè").' }).optional(),
    from: monthDaySchema.meta({ description: "First day, MM-DD, every year." }),
    to: monthDaySchema.meta({ description: "Last day, MM-DD (may wrap past the new year)." }),
    periods: z.array(periodSchema).meta({ description: "Its working periods, HH:MM-HH:MM (07:00-11:30)." }),
  })
  .refine((season) => !overlaps(season.periods), { message: "working periods must not overlap", path: ["periods"] });

/** The days of a leap year (0–365) a season covers: `from` to `to` inclusive, across the year end when `to` comes first. */
function seasonDays(from: string, to: string): readonly number[] {
  const first = monthDayIndex(from);
  const last = monthDayIndex(to);
  if (first === undefined || last === undefined) return [];
  const days: number[] = [];
  for (let day = first; ; day = (day + 1) % 366) {
    days.push(day);
    if (day === last) return days;
  }
}

const workingHoursSchema = z
  .strictObject({
    days: z.array(weekdaySchema).meta({ description: "Working weekdays (MO … SU; default MO–FR)." }),
    periods: z.array(periodSchema).meta({ description: "Working periods, HH:MM-HH:MM (default 07:30-11:30, 13:30-17:00)." }),
    seasons: z
      .array(seasonSchema)
      .max(366, "at most 366 seasons (they share no day)")
      .meta({ description: "Seasons with their own periods (giờ làm việc mùa hè, mùa đông)." })
      .optional(),
  })
  .refine((hours) => !overlaps(hours.periods), { message: "working periods must not overlap", path: ["periods"] })
  .superRefine((hours, context) => {
    const owner = new Map<number, number>();
    (hours.seasons ?? []).forEach((season, i) => {
      const shared = seasonDays(season.from, season.to).find((day) => owner.has(day));
      if (shared !== undefined) {
        const other = owner.get(shared) as number;
        const earlier = hours.seasons?.[other];
        // The season's own start inside the other one is the clearest place to point at; else its end reaches into it.
        const field = seasonDays(earlier?.from ?? "", earlier?.to ?? "").includes(monthDayIndex(season.from) ?? -1) ? "from" : "to";
        context.addIssue({
          code: "custom",
          message: `a season that shares no day with seasons[${other}] (${earlier?.from} to ${earlier?.to})`,
          path: ["seasons", i, field],
        });
      }
      for (const day of seasonDays(season.from, season.to)) if (!owner.has(day)) owner.set(day, i);
    });
  });

function overlaps(periods: readonly string[]): boolean {
  const parsed = periods.map(parsePeriod).filter((p): p is Period => p !== undefined);
  const sorted = [...parsed].sort((a, b) => a[0] - b[0]);
  return sorted.some((period, i) => i > 0 && period[0] < (sorted[i - 1]?.[1] ?? 0));
}

/**
 * The `calendar:` section of a schedule file. Every field is optional:
 *
 * - `holidays`: `"vn"` (default) for Vietnam's public holidays, substitute days and government
 *   decisions; `"none"` for none.
 * - `daysOff`: extra days off (`YYYY-MM-DD`), e.g. a provincial holiday.
 * - `workingDays`: extra working days, e.g. a make-up Saturday not in the built-in table.
 * - `workingHours`: the working weekdays (default `MO`–`FR`) and periods
 *   (default `07:30-11:30`, `13:30-17:00`), local wall time, half-open; optional `seasons`, each
 *   with its own `periods` from one month-day (`MM-DD`) to another, inclusive, every year (a
 *   season may run across the year end; seasons must not share a day).
 *
 * @example
 * ```ts
 * calendarConfigSchema.parse({
 *   daysOff: ["2027-02-12"],
 *   workingHours: { days: ["MO", "TU", "WE", "TH", "FR"], periods: ["07:00-11:30", "13:30-17:00"] },
 * });
 * ```
 */
export const calendarConfigSchema = z.strictObject({
  holidays: z
    .enum(["vn", "none"])
    .meta({ description: "vn (default): Việt Nam's statutory and lunar holidays and the government's decisions; none." })
    .optional(),
  daysOff: z.array(dateSchema).meta({ description: "More days off of this province (ngày nghỉ), YYYY-MM-DD." }).optional(),
  workingDays: z.array(dateSchema).meta({ description: "More working days (ngày làm bù), YYYY-MM-DD." }).optional(),
  workingHours: workingHoursSchema.meta({ description: "Working days and hours (giờ làm việc)." }).optional(),
});

// The `calendar:` section's type is written from the schema with its fields' descriptions (npm run schema:types).
export type { CalendarConfig } from "../schema/types";

/**
 * A working period in minutes from local midnight, half-open: `[start, end)`.
 *
 * @example
 * ```ts
 * const morning: Period = [450, 690]; // 07:30–11:30
 * ```
 */
export type Period = readonly [start: number, end: number];

/**
 * A season of working hours (`workingHours.seasons`): its periods replace the year's default
 * periods from `from` to `to`, month-days `MM-DD`, both inclusive, every year. When `to` comes
 * before `from` the season runs across the year end (`10-15` to `04-14`). A season starting or
 * ending on `02-29` starts on 1 March or ends on 28 February in other years.
 *
 * @example
 * ```ts
 * const summer: WorkingSeason = { name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: [[420, 690], [810, 1020]] };
 * ```
 */
export interface WorkingSeason {
  /** The season's name as written in the file, when it has one. */
  readonly name?: string;
  readonly from: string;
  readonly to: string;
  /** The working periods of the season's working days, sorted. */
  readonly periods: readonly Period[];
}

/**
 * The working week and hours of a calendar, defaults filled in.
 *
 * @example
 * ```ts
 * workCalendar().workingHours; // { days: ["MO", "TU", "WE", "TH", "FR"], periods: [[450, 690], [810, 1020]], seasons: [] }
 * ```
 */
export interface WorkingHours {
  /** The weekly working days. */
  readonly days: readonly Weekday[];
  /** The periods of a working day outside every season, sorted. */
  readonly periods: readonly Period[];
  /** The seasons, in the order of the file. */
  readonly seasons: readonly WorkingSeason[];
}

/**
 * What {@link WorkCalendar.dayOff} returns for a non-working day that is no listed day off:
 * a weekly rest day (Saturday or Sunday by default, or any weekday left out of
 * `workingHours.days`).
 *
 * @example
 * ```ts
 * const saturday: WeeklyRestDay = { date: "2024-06-01", kind: "weekend", name: { vi: "Ngày nghỉ hằng tuần", en: "Weekly rest day" } };
 * ```
 */
export interface WeeklyRestDay {
  readonly date: string;
  readonly kind: "weekend";
  readonly name: LocalizedText;
}

/**
 * A working calendar: which days are worked and when. Dates are `YYYY-MM-DD` local dates,
 * 1900-01-01 to 2100-12-31; an invalid or out-of-range date throws a {@link CalendarError}.
 *
 * @example
 * ```ts
 * const calendar: WorkCalendar = workCalendar();
 * calendar.isWorkingDay("2024-05-04"); // true: a make-up Saturday
 * ```
 */
export interface WorkCalendar {
  /**
   * `true` when `date` is a working day: a weekday of `workingHours.days`, a `workingDays` date
   * or a decided make-up day — unless it is a holiday, a substitute day, a decision day or a
   * `daysOff` date (days off win).
   */
  isWorkingDay(date: string): boolean;
  /** The days off of a Gregorian year, sorted by date, plain weekly rest days left out. */
  daysOff(year: number): readonly DayOff[];
  /** The make-up working days decided for a year (empty with `holidays: "none"`). */
  makeUpDays(year: number): readonly MakeUpDay[];
  /** The day-off entry for `date`, a {@link WeeklyRestDay} for another non-working day, or `null` on a working day. */
  dayOff(date: string): DayOff | WeeklyRestDay | null;
  /** The working periods of `date`, sorted: those of its season, if any, else the default ones (empty when it is not a working day). */
  periods(date: string): readonly Period[];
  /** The season of working hours holding `date` (whether or not it is a working day), or `null` outside every season. */
  season(date: string): WorkingSeason | null;
  /** The working week and hours: weekdays, default periods and seasons. */
  readonly workingHours: WorkingHours;
  /** The first working day strictly after `date` (searches 60 days, then throws `no-working-day`). */
  nextWorkingDay(date: string): string;
  /** The last working day strictly before `date` (searches 60 days, then throws `no-working-day`). */
  previousWorkingDay(date: string): string;
}

const DEFAULT_DAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR"];
const DEFAULT_PERIODS: readonly string[] = ["07:30-11:30", "13:30-17:00"];
const SEARCH_DAYS = 60;
const WEEKLY_REST: LocalizedText = { vi: "Ngày nghỉ hằng tuần", en: "Weekly rest day" };
const CUSTOM_NAME: LocalizedText = { vi: "Ngày nghỉ theo lịch", en: "Day off (schedule file)" };

interface YearData {
  readonly byDate: ReadonlyMap<string, DayOff>;
  readonly list: readonly DayOff[];
  readonly makeUp: readonly MakeUpDay[];
  readonly makeUpDates: ReadonlySet<string>;
}

/**
 * Builds the working calendar of a schedule (pure; years are computed lazily and cached inside
 * the returned object).
 *
 * Defaults: `holidays: "vn"` (Labour Code 2019 Art. 111–112 and the decisions table for public
 * servants), working days Monday–Friday, periods 07:30–11:30 and 13:30–17:00.
 *
 * @param config - The `calendar:` section of the schedule file; validated here.
 * @throws {@link CalendarError} `invalid-config` when `config` does not match {@link calendarConfigSchema}.
 *
 * @example
 * ```ts
 * const calendar = workCalendar({ daysOff: ["2024-06-03"] });
 * calendar.isWorkingDay("2024-02-14");       // false: Tết 2024 (decision 8–14 Feb)
 * calendar.dayOff("2024-06-03")?.kind;       // "custom"
 * calendar.nextWorkingDay("2024-02-07");     // "2024-02-15"
 * calendar.periods("2024-02-15");            // [[450, 690], [810, 1020]]
 *
 * const seasonal = workCalendar({
 *   workingHours: {
 *     days: ["MO", "TU", "WE", "TH", "FR"],
 *     periods: ["07:30-11:30", "13:30-17:00"],
 *     seasons: [{ name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] }],
 *   },
 * });
 * seasonal.periods("2024-07-02");            // [[420, 690], [810, 1020]]
 * ```
 */
export function workCalendar(config: CalendarConfig = {}): WorkCalendar {
  const parsed = calendarConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${["calendar", ...issue.path].join(".")}: ${issue.message}`);
    throw new CalendarError("invalid-config", `Invalid calendar configuration: ${issues.join("; ")}`);
  }
  const { holidays = "vn", daysOff = [], workingDays = [], workingHours } = parsed.data;
  const days = Object.freeze([...(workingHours?.days ?? DEFAULT_DAYS)]);
  const weekdays = new Set(days.map((day) => WEEKDAYS.indexOf(day)));
  const periods = parsePeriods(workingHours?.periods ?? DEFAULT_PERIODS);
  const seasons: readonly WorkingSeason[] = Object.freeze(
    (workingHours?.seasons ?? []).map(({ name, from, to, periods: texts }) =>
      Object.freeze({ ...(name === undefined ? {} : { name }), from, to, periods: parsePeriods(texts) }),
    ),
  );
  const seasonByDay = new Map<number, WorkingSeason>();
  for (const season of seasons) for (const day of seasonDays(season.from, season.to)) seasonByDay.set(day, season);
  const seasonOf = (date: string): WorkingSeason | null => seasonByDay.get(monthDayIndex(date.slice(5)) ?? -1) ?? null;
  const hours: WorkingHours = Object.freeze({ days, periods, seasons });
  const extraWorking = new Set(workingDays);
  const customOff = [...new Set(daysOff)].sort();
  const years = new Map<number, YearData>();

  const yearData = (year: number): YearData => {
    const cached = years.get(year);
    if (cached) return cached;
    const byDate = new Map<string, DayOff>();
    for (const day of holidays === "vn" ? vietnamDaysOff(year) : []) byDate.set(day.date, day);
    for (const date of customOff) {
      if (date.startsWith(`${year}-`) && !byDate.has(date)) {
        byDate.set(date, { date, name: CUSTOM_NAME, kind: "custom", source: "schedule file" });
      }
    }
    const list = Object.freeze([...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)));
    const makeUp = Object.freeze(holidays === "vn" ? vietnamMakeUpDays(year) : []);
    const data: YearData = { byDate, list, makeUp, makeUpDates: new Set(makeUp.map((day) => day.date)) };
    years.set(year, data);
    return data;
  };

  const working = (jdn: number, date: string): boolean => {
    const data = yearData(Number(date.slice(0, 4)));
    if (data.byDate.has(date)) return false;
    return weekdays.has(weekdayOf(jdn)) || extraWorking.has(date) || data.makeUpDates.has(date);
  };

  const search = (date: string, step: 1 | -1): string => {
    const start = dayNumberOfIso(date);
    for (let i = 1; i <= SEARCH_DAYS; i++) {
      const jdn = start + step * i;
      const candidate = isoFromDayNumber(jdn);
      dayNumberOfIso(candidate); // range check: throws past 2100-12-31 or before 1900-01-01
      if (working(jdn, candidate)) return candidate;
    }
    const direction = step === 1 ? "after" : "before";
    throw new CalendarError(
      "no-working-day",
      `No working day within ${SEARCH_DAYS} days ${direction} ${date}: check calendar.workingHours.days and calendar.daysOff`,
    );
  };

  return Object.freeze({
    isWorkingDay: (date: string) => working(dayNumberOfIso(date), date),
    daysOff: (year: number) => yearData(checkedYear(year)).list,
    makeUpDays: (year: number) => yearData(checkedYear(year)).makeUp,
    dayOff: (date: string) => {
      const jdn = dayNumberOfIso(date);
      const entry = yearData(Number(date.slice(0, 4))).byDate.get(date);
      if (entry) return entry;
      return working(jdn, date) ? null : { date, kind: "weekend" as const, name: WEEKLY_REST };
    },
    periods: (date: string) => (working(dayNumberOfIso(date), date) ? (seasonOf(date)?.periods ?? periods) : []),
    season: (date: string) => {
      dayNumberOfIso(date);
      return seasonOf(date);
    },
    workingHours: hours,
    nextWorkingDay: (date: string) => search(date, 1),
    previousWorkingDay: (date: string) => search(date, -1),
  });
}

/** Parsed, sorted and frozen periods of valid `HH:MM-HH:MM` texts. */
function parsePeriods(texts: readonly string[]): readonly Period[] {
  return Object.freeze(
    texts
      .map((text) => parsePeriod(text) as Period)
      .sort((a, b) => a[0] - b[0])
      .map((period) => Object.freeze([period[0], period[1]] as const)),
  );
}

function checkedYear(year: number): number {
  dayNumberOfIso(`${String(year).padStart(4, "0")}-01-01`);
  return year;
}
