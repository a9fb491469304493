import { ScheduleError, UsageError } from "../errors";
import { safeCheckSchedule } from "../check";
import { safeScheduleCalendar } from "../load/calendar";
import { message, type Lang } from "../messages";
import { reportOccurrence } from "../report/report";
import {
  addDays,
  clashTitles,
  compareOccurrences,
  formatWeek,
  isoWeekMonday,
  mondayOf,
  occurrenceKey,
  weekView,
  WEEK_FORMATS,
  WEEK_GROUPINGS,
  WEEK_LAYOUTS,
  type WeekFormat,
  type WeekGrouping,
  type WeekLayout,
  type WeekMark,
  type WeekRemoved,
} from "../report/week";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import { isIsoDate } from "../time/date";
import { parseWall } from "../time/wall";
import { isoDate } from "../time/wall-text";
import { zoneClocks } from "../time/zone";
import { scheduleZone } from "../schema/model";
import { loadBase } from "./base";
import type { Output } from "./io";
import { loadSchedules } from "./load";
import { type CommonOptions, commaList } from "./options";
import { writeSourceWarnings } from "./sources";

/** The options of `lichhop week`. */
export interface WeekCommandOptions extends CommonOptions {
  readonly week?: string | undefined;
  readonly date?: string | undefined;
  readonly layout?: string | undefined;
  readonly by?: string | undefined;
  readonly people?: string | undefined;
  readonly bodies?: string | undefined;
  readonly revision?: number | undefined;
  /** `--updated`: a local YYYY-MM-DDTHH:MM, or `now` (the clock). */
  readonly updated?: string | undefined;
  readonly base?: readonly string[] | undefined;
  readonly baseRef?: string | undefined;
  /** The present, epoch ms: without --week or --date, its week; `--updated now`. */
  readonly clock: number;
}

/** `--updated` as a wall time of the schedule's zone: a local time, or `now` read off the clock. */
function updatedOption(value: string | undefined, schedule: Schedule, clock: number, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (value === "now") return zoneClocks()(scheduleZone(schedule)).toWall(clock);
  const wall = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? parseWall(value) : undefined;
  if (!wall) throw new UsageError(message(lang, "bad-updated", { found: value }));
  return wall.wall;
}

function choice<T extends string>(option: string, value: string | undefined, choices: readonly T[], lang: Lang): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(message(lang, "bad-choice", { option, found: value, choices }));
  return value as T;
}

/** The Monday of the week asked for: `--week 2025-W12`, the week of `--date`, else of today in the schedule's zone. */
function weekMonday(options: WeekCommandOptions, schedule: Schedule, lang: Lang): string {
  if (options.week !== undefined && options.date !== undefined) throw new UsageError(message(lang, "week-and-date"));
  if (options.week !== undefined) {
    const match = /^(\d{4})-?W(\d{2})$/.exec(options.week);
    const year = Number(match?.[1]);
    const week = Number(match?.[2]);
    const monday = match ? isoWeekMonday(year, week) : "";
    // Week 53 exists only in some years: it must still be a week of that year.
    if (!match || week < 1 || week > 53 || (week === 53 && isoWeekMonday(year + 1, 1) === monday)) {
      throw new UsageError(message(lang, "bad-week", { found: options.week }));
    }
    return monday;
  }
  if (options.date !== undefined) {
    if (!isIsoDate(options.date)) throw new UsageError(message(lang, "bad-date-option", { option: "--date", found: options.date }));
    return mondayOf(options.date);
  }
  const today = isoDate(zoneClocks()(scheduleZone(schedule)).toWall(options.clock));
  return mondayOf(today);
}

/**
 * `lichhop week FILE`: the weekly work schedule (lịch công tác tuần) of one week, in a portal's
 * layout, with each clash's rule, and against a base what was added, moved or removed.
 */
export function runWeek(paths: readonly string[], options: WeekCommandOptions, out: Output): number {
  const argLang: Lang = options.lang ?? "vi";
  const layout = choice<WeekLayout>("--layout", options.layout, WEEK_LAYOUTS, argLang) ?? "grid";
  const by = choice<WeekGrouping>("--by", options.by, WEEK_GROUPINGS, argLang) ?? "day";
  const format = choice<WeekFormat>("--format", options.format, WEEK_FORMATS, argLang) ?? "text";
  if (options.people !== undefined && options.bodies !== undefined) throw new UsageError(message(argLang, "people-and-bodies"));
  const schedule = loadSchedules(paths, options);
  writeSourceWarnings(schedule, out);
  const lang = options.lang ?? schedule.locale ?? "vi";
  const monday = weekMonday(options, schedule, lang);
  const updated = updatedOption(options.updated, schedule, options.clock, lang);
  const sunday = addDays(monday, 6);
  const people = commaList(options.people);
  const bodies = commaList(options.bodies);
  for (const [kind, ids, known] of [
    ["person", people, schedule.people],
    ["body", bodies, schedule.bodies],
  ] as const) {
    const missing = ids?.find((id) => !known.some((item) => item.id === id));
    if (missing !== undefined) {
      throw new UsageError(
        message(lang, "bad-choice", {
          option: kind === "person" ? "--people" : "--bodies",
          found: missing,
          choices: known.map((i) => i.id),
        }),
      );
    }
  }
  const result = safeCheckSchedule(schedule, { from: monday, to: sunday, lang, ...(options.limits ? { limits: options.limits } : {}) });
  if (!result.ok) throw new ScheduleError(result.issues);
  const calendar = safeScheduleCalendar(schedule, lang);
  if (!calendar.ok) throw new ScheduleError(calendar.issues);
  const clashes = clashTitles(result.report);
  const clockFor = zoneClocks();
  const keyOf = (o: Occurrence) => occurrenceKey(o.meeting, reportOccurrence(o, clockFor).occurrence);
  let marks: Map<string, WeekMark> | undefined;
  let removed: WeekRemoved[] | undefined;
  if (options.base !== undefined || options.baseRef !== undefined) {
    const base = loadBase(options, paths, lang, out);
    if (base !== undefined) {
      const before = safeCheckSchedule(base, { from: monday, to: sunday, lang });
      if (before.ok) ({ marks, removed } = compareOccurrences(before.occurrences, result.occurrences, keyOf, clockFor));
    }
  }
  const view = weekView(schedule, result.occurrences, {
    lang,
    monday,
    clockFor,
    calendar: calendar.calendar,
    clashes,
    marks,
    removed,
    people,
    bodies,
    revision: options.revision,
    updated,
    keyOf,
  });
  out.stdout(formatWeek(view, format, { layout, by }));
  return 0;
}
