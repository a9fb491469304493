import { ScheduleError, UsageError } from "../errors";
import { workCalendar, type WorkCalendar } from "../calendar/work-calendar";
import { inert } from "../internal/inert";
import { safeScheduleCalendar } from "../load/calendar";
import { clockTime, DAYS_OFF_TEXT, message, periodsText, WEEKDAY_NAMES, type Lang } from "../messages";
import { formatDmy } from "../time/wall-text";
import type { Output } from "./io";
import { loadScheduleFile } from "./load";

/** Options of `lichhop days-off`. */
export interface DaysOffOptions {
  /** The Gregorian year, as typed; when absent, the years of FILE's horizon, else the current year. */
  readonly year?: string | undefined;
  readonly format: string;
  readonly lang?: Lang | undefined;
  /** A schedule file whose `calendar:` section is used instead of the default calendar. */
  readonly file?: string | undefined;
  /** The current year, read from the clock by the caller. */
  readonly currentYear: number;
  /** The largest schedule file read, in bytes (`--max-size`). */
  readonly maxSize?: number | undefined;
}

/** The years from `from` to `to` (dates YYYY-MM-DD), in order. */
function yearsOf(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4));
  const last = Math.max(first, Number(to.slice(0, 4)));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * `lichhop days-off [FILE] --year YYYY`: lists the days off of a year (holidays, substitute days,
 * decision days and the file's own `daysOff`), with the make-up working days in text form and
 * the file's seasons of working hours, if any. Without `--year`, FILE's horizon gives the years
 * (each year's list, in order); without a horizon either, the current year.
 */
export function runDaysOff(options: DaysOffOptions, out: Output): number {
  const yearText = options.year ?? String(options.currentYear);
  // The file's locale is not known before the arguments are checked: --lang or Vietnamese.
  const argLang = options.lang ?? "vi";
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    throw new UsageError(message(argLang, "year-out-of-range", { found: yearText }));
  }
  if (options.format !== "text" && options.format !== "json") {
    throw new UsageError(message(argLang, "bad-format", { found: options.format, formats: ["text", "json"] }));
  }
  const schedule = options.file === undefined ? undefined : loadScheduleFile(options.file, options);
  const horizon = options.year === undefined ? schedule?.horizon : undefined;
  const years = horizon ? yearsOf(horizon.from, horizon.to) : [Number(yearText)];
  const [only] = years;
  const lang: Lang = options.lang ?? schedule?.locale ?? "vi";
  let calendar: WorkCalendar = workCalendar();
  if (schedule) {
    const built = safeScheduleCalendar(schedule, lang);
    if (!built.ok) throw new ScheduleError(built.issues);
    calendar = built.calendar;
  }
  const { periods: defaultPeriods, seasons } = calendar.workingHours;
  if (options.format === "json") {
    const daysOff = (year: number) =>
      calendar.daysOff(year).map((day) => ({
        date: day.date,
        name: day.name[lang],
        kind: day.kind,
        source: day.source,
        ...(day.note ? { note: day.note[lang] } : {}),
        ...(day.default ? { default: true } : {}),
      }));
    const seasonList = seasons.map((season) => ({
      ...(season.name === undefined ? {} : { name: season.name }),
      from: season.from,
      to: season.to,
      periods: season.periods.map(([start, end]) => `${clockTime(start)}-${clockTime(end)}`),
    }));
    const lists =
      years.length === 1 && only !== undefined
        ? { year: only, daysOff: daysOff(only) }
        : { years: years.map((year) => ({ year, daysOff: daysOff(year) })) };
    out.stdout(`${JSON.stringify({ version: 1, ...lists, ...(seasons.length > 0 ? { seasons: seasonList } : {}) }, null, 2)}\n`);
    return 0;
  }
  const weekday = (date: string) => WEEKDAY_NAMES[lang][new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
  // "T5 18/04/2024": the weekday, then the date as the province writes it.
  const dayText = (date: string) => `${weekday(date)} ${formatDmy(date)}`;
  const dayMonth = (monthDay: string) => `${monthDay.slice(3)}/${monthDay.slice(0, 2)}`;
  const cited = (source: string, note: { readonly vi: string; readonly en: string } | undefined) =>
    inert(note ? `${source}: ${note[lang]}` : source);
  const text = DAYS_OFF_TEXT[lang];
  const lines: string[] = [];
  for (const year of years) {
    const days = calendar.daysOff(year);
    if (lines.length > 0) lines.push("");
    lines.push(text.heading(year), "");
    for (const entry of days) {
      const kind = `${text.kinds[entry.kind]}${entry.default ? `, ${text.default}` : ""}`;
      lines.push(`${dayText(entry.date)}  ${inert(entry.name[lang])}  [${inert(kind)}; ${cited(entry.source, entry.note)}]`);
    }
    const makeUp = calendar.makeUpDays(year);
    if (makeUp.length > 0) {
      lines.push("", text.makeUp, "");
      for (const entry of makeUp) lines.push(`${dayText(entry.date)}  ${inert(entry.name[lang])}  [${cited(entry.source, entry.note)}]`);
    }
    // One year keeps its total last, after the seasons; several close each year with its own.
    if (years.length > 1) lines.push("", text.total(days.length));
  }
  if (seasons.length > 0) {
    const words = text.seasons;
    const hours = (periods: readonly (readonly [number, number])[]) => (periods.length > 0 ? periodsText(periods) : words.none);
    lines.push("", words.title, "");
    for (const season of seasons) {
      lines.push(
        `${dayMonth(season.from)} – ${dayMonth(season.to)}  ${season.name === undefined ? "" : `${inert(season.name)}  `}${hours(season.periods)}`,
      );
    }
    lines.push(`${words.rest}: ${hours(defaultPeriods)}`);
  }
  if (years.length === 1 && only !== undefined) lines.push("", text.total(calendar.daysOff(only).length));
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
