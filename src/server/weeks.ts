import { safeScheduleCalendar } from "../load/calendar";
import { message, PAGE_TEXT, type Lang } from "../messages";
import type { Occurrence } from "../recurrence/occurrence";
import { reportOccurrence, type Report } from "../report/report";
import {
  addDays,
  clashTitles,
  formatWeek,
  isoWeekMonday,
  mondayOf,
  occurrenceKey,
  weekView,
  WEEK_GROUPINGS,
  WEEK_LAYOUTS,
  type WeekGrouping,
  type WeekLayout,
  type WeekNav,
} from "../report/week";
import { scheduleZone, type Schedule } from "../schema/model";
import { isoWeek } from "../time/date";
import { isoDate } from "../time/wall-text";
import { zoneClocks } from "../time/zone";
import { commaList } from "../cli/options";

/**
 * What the week pages are drawn from, on request, as plain data: it crosses from the reload
 * worker by structured clone.
 */
export interface WeekSource {
  /**
   * The schedule as the week view reads it: its people, bodies, rooms, calendar and the meetings
   * of `occurrences`; its source positions are left out.
   */
  readonly schedule: Schedule;
  /** The occurrences of the horizon. */
  readonly occurrences: readonly Occurrence[];
  /** The ISO weeks of the horizon (`2024-W07`), first to last: `/week/<id>` each. */
  readonly weeks: readonly string[];
  /**
   * When the schedule was last updated, epoch ms (its files' latest modification time, or the
   * feeds' fixed stamp): each page says so under its title, "(Cập nhật lần cuối 14:36 17/03/2025)".
   */
  readonly updated?: number | undefined;
}

/** How a week page is laid out and filtered: the `lichhop week` options of the same names. */
export interface WeekQuery {
  readonly layout?: WeekLayout | undefined;
  readonly by?: WeekGrouping | undefined;
  readonly people?: readonly string[] | undefined;
  readonly bodies?: readonly string[] | undefined;
}

/** The query parameters a week page takes. */
const PARAMETERS = ["layout", "by", "people", "bodies"] as const;

/** The most week pages one build keeps drawn; the least recently asked for is dropped first. */
export const WEEK_PAGE_CACHE = 32;

/** A week page drawn: its bytes and their strong ETag. */
export interface WeekPage {
  readonly body: Buffer;
  readonly etag: string;
}

/** The week pages of one build, each drawn when first asked for. */
export interface WeekPages {
  readonly weeks: readonly string[];
  /**
   * Reads a week page's query string (without `?`): its choices, checked as `lichhop week` checks
   * its options, with the canonical query that links keep (`layout=table&people=a,b`); else the
   * message saying what was expected, in the schedule's language.
   */
  read(search: string): { ok: true; query: WeekQuery; text: string } | { ok: false; message: string };
  /** The page of week `id` (one of `weeks`) as `query` asks, drawn or from the cache. */
  page(id: string, query: WeekQuery, text: string): WeekPage;
}

/** The query string of a {@link WeekQuery}, parameters in a fixed order, ids encoded. */
export function weekQueryText(query: WeekQuery): string {
  const parts: string[] = [];
  if (query.layout !== undefined) parts.push(`layout=${query.layout}`);
  if (query.by !== undefined) parts.push(`by=${query.by}`);
  for (const name of ["people", "bodies"] as const) {
    const ids = query[name];
    if (ids !== undefined) parts.push(`${name}=${ids.map(encodeURIComponent).join(",")}`);
  }
  return parts.join("&");
}

/** The links of a week page: the index, the weeks before and after and the other layouts, keeping the query. */
function navFor(id: string, weeks: readonly string[], query: WeekQuery, lang: Lang): WeekNav {
  const t = PAGE_TEXT[lang];
  const at = weeks.indexOf(id);
  const href = (week: string, q: WeekQuery) => {
    const text = weekQueryText(q);
    return text === "" ? week : `${week}?${text}`;
  };
  const before = weeks[at - 1];
  const after = weeks[at + 1];
  const current = query.layout ?? "grid";
  return {
    label: t.weekLinks,
    groups: [
      {
        links: [
          { text: t.title, href: "../" },
          ...(before === undefined ? [] : [{ text: `← ${t.previousWeek}`, href: href(before, query), rel: "prev" as const }]),
          ...(after === undefined ? [] : [{ text: `${t.nextWeek} →`, href: href(after, query), rel: "next" as const }]),
        ],
      },
      {
        label: t.layout,
        links: WEEK_LAYOUTS.map((layout) =>
          layout === current
            ? { text: t.layouts[layout], href: href(id, query), current: true }
            : { text: t.layouts[layout], href: href(id, { ...query, layout }) },
        ),
      },
    ],
  };
}

/**
 * The week pages of a checked schedule: the occurrences are bucketed by week, and the calendar and
 * the clashes worked out, at the first request; each page is drawn when asked for and kept among
 * the last {@link WEEK_PAGE_CACHE}.
 */
export function weekPages(source: WeekSource, report: Report, lang: Lang, etagOf: (body: Uint8Array) => string): WeekPages {
  const { schedule, weeks } = source;
  const people = schedule.people.map((person) => person.id);
  const bodies = schedule.bodies.map((body) => body.id);
  let drawn: ((monday: string, query: WeekQuery, nav: WeekNav) => string) | undefined;
  const cache = new Map<string, WeekPage>();

  /** Prepares what every page needs, once. */
  const prepare = (): ((monday: string, query: WeekQuery, nav: WeekNav) => string) => {
    const clockFor = zoneClocks();
    const built = safeScheduleCalendar(schedule, lang);
    const calendar = built.ok ? built.calendar : undefined;
    const clashes = clashTitles(report);
    const keyOf = (o: Occurrence) => occurrenceKey(o.meeting, reportOccurrence(o, clockFor).occurrence);
    // Each occurrence in the week of each of its days (a session of several days may cross a week).
    const byWeek = new Map<string, Occurrence[]>();
    for (const o of source.occurrences) {
      const clock = clockFor(o.zone);
      const first = isoDate(clock.toWall(o.start));
      const last = isoDate(clock.toWall(o.end - 1));
      let previous = "";
      for (let date = first, k = 0; date <= last && k < 31; date = addDays(date, 1), k++) {
        const monday = mondayOf(date);
        if (monday === previous) continue;
        previous = monday;
        const list = byWeek.get(monday) ?? [];
        list.push(o);
        byWeek.set(monday, list);
      }
    }
    const updated = source.updated === undefined ? undefined : clockFor(scheduleZone(schedule)).toWall(source.updated);
    return (monday, query, nav) => {
      const view = weekView(schedule, byWeek.get(monday) ?? [], {
        lang,
        monday,
        updated,
        clockFor,
        calendar,
        clashes,
        keyOf,
        people: query.people,
        bodies: query.bodies,
      });
      return formatWeek(view, "html", { layout: query.layout ?? "grid", by: query.by ?? "day", nav });
    };
  };

  const read = (search: string): { ok: true; query: WeekQuery; text: string } | { ok: false; message: string } => {
    const params = new URLSearchParams(search);
    const seen = new Set<string>();
    for (const [name] of params) {
      if (!(PARAMETERS as readonly string[]).includes(name)) {
        return { ok: false, message: message(lang, "week-query-unknown", { name, names: PARAMETERS }) };
      }
      if (seen.has(name)) return { ok: false, message: message(lang, "week-query-twice", { name }) };
      seen.add(name);
    }
    for (const [name, choices] of [
      ["layout", WEEK_LAYOUTS],
      ["by", WEEK_GROUPINGS],
    ] as const) {
      const value = params.get(name);
      if (value !== null && !(choices as readonly string[]).includes(value)) {
        return { ok: false, message: message(lang, "week-query-value", { name, found: value, choices }) };
      }
    }
    if (params.has("people") && params.has("bodies")) return { ok: false, message: message(lang, "week-query-people-and-bodies") };
    const lists: { people?: string[]; bodies?: string[] } = {};
    for (const [name, known] of [
      ["people", people],
      ["bodies", bodies],
    ] as const) {
      const ids = commaList(params.get(name) ?? undefined);
      const missing = ids?.find((id) => !known.includes(id));
      if (missing !== undefined) return { ok: false, message: message(lang, "week-query-value", { name, found: missing, choices: known }) };
      if (ids !== undefined) lists[name] = ids;
    }
    const query: WeekQuery = {
      ...(params.has("layout") ? { layout: params.get("layout") as WeekLayout } : {}),
      ...(params.has("by") ? { by: params.get("by") as WeekGrouping } : {}),
      ...lists,
    };
    return { ok: true, query, text: weekQueryText(query) };
  };

  const page = (id: string, query: WeekQuery, text: string): WeekPage => {
    const key = `${id}?${text}`;
    const kept = cache.get(key);
    if (kept) {
      // Asked for again: now the most recent.
      cache.delete(key);
      cache.set(key, kept);
      return kept;
    }
    drawn ??= prepare();
    const monday = isoWeekMonday(Number(id.slice(0, 4)), Number(id.slice(6)));
    const body = Buffer.from(drawn(monday, query, navFor(id, weeks, query, lang)), "utf8");
    const fresh = { body, etag: etagOf(body) };
    cache.set(key, fresh);
    if (cache.size > WEEK_PAGE_CACHE) cache.delete(cache.keys().next().value as string);
    return fresh;
  };

  return { weeks, read, page };
}

/** The id (`2024-W07`) of the ISO week holding `date` (`YYYY-MM-DD`). */
export function weekId(date: string): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}
