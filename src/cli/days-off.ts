import { UsageError } from "../errors";
import { CalendarError } from "../calendar/errors";
import { workCalendar, type WorkCalendar } from "../calendar/work-calendar";
import { inert } from "../internal/inert";
import { WEEKDAY_NAMES, type Lang } from "../messages";
import type { Output } from "./io";
import { loadScheduleFile } from "./load";

/** Options of `lichhop days-off`. */
export interface DaysOffOptions {
  /** The Gregorian year, as typed; the current year when absent. */
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

const KINDS: Record<Lang, Record<string, string>> = {
  vi: { holiday: "ngày lễ", substitute: "nghỉ bù", decision: "quyết định", custom: "tự khai báo" },
  en: { holiday: "holiday", substitute: "substitute", decision: "decision", custom: "custom" },
};

/**
 * `lichhop days-off [FILE] --year YYYY`: lists the days off of a year (holidays, substitute days,
 * decision days and the file's own `daysOff`), with the make-up working days in text form.
 */
export function runDaysOff(options: DaysOffOptions, out: Output): number {
  const yearText = options.year ?? String(options.currentYear);
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    throw new UsageError(`--year ${yearText}: expected a year from 1900 to 2100`);
  }
  if (options.format !== "text" && options.format !== "json") {
    throw new UsageError(`--format ${options.format}: expected text or json`);
  }
  const year = Number(yearText);
  const schedule = options.file === undefined ? undefined : loadScheduleFile(options.file, options);
  const lang: Lang = options.lang ?? schedule?.locale ?? "vi";
  let calendar: WorkCalendar;
  try {
    calendar = workCalendar(schedule?.calendar ?? {});
  } catch (error) {
    if (error instanceof CalendarError) throw new UsageError(error.message);
    throw error;
  }
  const days = calendar.daysOff(year);
  if (options.format === "json") {
    const daysOff = days.map((day) => ({
      date: day.date,
      name: day.name[lang],
      kind: day.kind,
      source: day.source,
      ...(day.default ? { default: true } : {}),
    }));
    out.stdout(`${JSON.stringify({ version: 1, year, daysOff }, null, 2)}\n`);
    return 0;
  }
  const weekday = (date: string) => WEEKDAY_NAMES[lang][new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
  const mark = lang === "vi" ? "mặc định" : "default";
  const lines = [lang === "vi" ? `Ngày nghỉ năm ${year}` : `Days off in ${year}`, ""];
  for (const day of days) {
    const kind = `${KINDS[lang][day.kind] ?? day.kind}${day.default ? `, ${mark}` : ""}`;
    lines.push(`${day.date}  ${weekday(day.date).padEnd(3)}  ${inert(day.name[lang])}  [${inert(kind)}; ${inert(day.source)}]`);
  }
  const makeUp = calendar.makeUpDays(year);
  if (makeUp.length > 0) {
    lines.push("", lang === "vi" ? "Ngày làm bù" : "Make-up working days", "");
    for (const day of makeUp) lines.push(`${day.date}  ${weekday(day.date).padEnd(3)}  ${inert(day.name[lang])}  [${inert(day.source)}]`);
  }
  lines.push("", lang === "vi" ? `${days.length} ngày nghỉ` : `${days.length} days off`);
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
