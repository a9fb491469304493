import type { WorkCalendar } from "../calendar/work-calendar";
import { html } from "../internal/html";
import { inert } from "../internal/inert";
import { WEEK_TEXT, withdrawnWord, type Lang, type WeekText } from "../messages";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { Membership } from "../schema/schedule";
import type { Report } from "./report";
import { dayNumber, fromDayNumber, formatYmd, isoWeek, weekdayOf } from "../time/date";
import { formatDmy, isoDate } from "../time/wall-text";
import type { ZoneClock } from "../time/zone";

/** How the weekly work schedule is laid out, as provincial portals publish it. */
export type WeekLayout = "grid" | "table" | "list";
/** What the grid, the table and the list are grouped by: days, or leaders or bodies (the grid's rows). */
export type WeekGrouping = "day" | "person" | "body";
/** The formats `lichhop week` writes. */
export type WeekFormat = "html" | "text" | "md" | "csv";

/** The layouts, groupings and formats, for the command line's checks. */
export const WEEK_LAYOUTS: readonly WeekLayout[] = ["grid", "table", "list"];
export const WEEK_GROUPINGS: readonly WeekGrouping[] = ["day", "person", "body"];
export const WEEK_FORMATS: readonly WeekFormat[] = ["html", "text", "md", "csv"];

/** What changed in an entry since the base schedule (`--base`). */
export type WeekMark = "added" | "moved";

/** One occurrence as the weekly work schedule prints it. */
export interface WeekEntry {
  readonly meeting: string;
  /** Local date of its start, `YYYY-MM-DD`. */
  readonly date: string;
  /** Minutes from local midnight of its start and end (end on its own date; all-day: 0 and 1440). */
  readonly startMinutes: number;
  readonly endMinutes: number;
  readonly allDay: boolean;
  /** Morning (before noon), afternoon, or the whole day. */
  readonly period: "morning" | "afternoon" | "all-day";
  readonly title: string;
  /** The room's name, and its location when it has one. */
  readonly place: string | undefined;
  /** The chair, as printed ("PCTTT Nguyễn Văn Thi"), when the meeting names one who attends. */
  readonly chair: string | undefined;
  /** The chair's person id, when the meeting names one. */
  readonly chairId: string | undefined;
  /** The other people who attend, as printed, in the file's order of people. */
  readonly attendees: readonly string[];
  /** The person ids of the chair and the attendees (for grouping by person). */
  readonly people: readonly string[];
  /** The ids of its bodies. */
  readonly bodies: readonly string[];
  readonly invitees: string | undefined;
  readonly preparedBy: string | undefined;
  readonly followedBy: string | undefined;
  readonly note: string | undefined;
  readonly status: "postponed" | "cancelled" | undefined;
  /** The titles of the rules (or checks) its clashes break, sorted, without repeats. */
  readonly clashes: readonly string[];
  readonly mark: WeekMark | undefined;
}

/** A day of the week: its date, what kind of day it is, and its entries sorted by start. */
export interface WeekDay {
  readonly date: string;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** The day off's name (Tết, Giỗ Tổ, a weekend), when it is one. */
  readonly dayOff: string | undefined;
  /** The make-up working day's name, when it is one. */
  readonly makeUp: string | undefined;
  readonly entries: readonly WeekEntry[];
}

/** An occurrence of the base that the week no longer has (cancelled or moved out of the week). */
export interface WeekRemoved {
  readonly date: string;
  readonly startMinutes: number;
  readonly title: string;
}

/**
 * What changed since a base: the occurrences of `after` added or moved (by key, the meeting and
 * original start), and those of `before` that `after` no longer has, each on its local date.
 */
export function compareOccurrences(
  before: readonly Occurrence[],
  after: readonly Occurrence[],
  keyOf: (o: Occurrence) => string,
  clockFor: (zone: string) => ZoneClock,
): { marks: Map<string, WeekMark>; removed: WeekRemoved[] } {
  const old = new Map(before.map((o) => [keyOf(o), o]));
  const now = new Set(after.map(keyOf));
  const marks = new Map<string, WeekMark>();
  for (const o of after) {
    const key = keyOf(o);
    const was = old.get(key);
    if (!was) marks.set(key, "added");
    else if (was.start !== o.start || was.end !== o.end) marks.set(key, "moved");
  }
  const removed = before
    .filter((o) => !now.has(keyOf(o)))
    .map((o) => {
      // An all-day occurrence starts at local midnight: its wall time is its date.
      const wall = clockFor(o.zone).toWall(o.start);
      return { date: isoDate(wall), startMinutes: o.allDay ? 0 : Math.floor((wall % 86_400_000) / 60_000), title: o.title };
    });
  return { marks, removed };
}

/** The weekly work schedule of one ISO week, as plain data; the renderers only print it. */
export interface WeekView {
  readonly lang: Lang;
  /** ISO week-numbering year and week. */
  readonly year: number;
  readonly week: number;
  /** Monday and Sunday, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly revision: number | undefined;
  /** When the schedule was last updated, as a wall time (floating ms) of its zone. */
  readonly updated: number | undefined;
  readonly days: readonly WeekDay[];
  readonly removed: readonly WeekRemoved[];
  /** The names of people and bodies, for the groupings. */
  readonly names: ReadonlyMap<string, string>;
  /** The order of people, then bodies, in the file. */
  readonly order: readonly string[];
  /**
   * The leaders grouped by (`by: "person"`), in order: the people the week is filtered to, in the
   * order asked, else every person of the file in its order.
   */
  readonly people: readonly string[];
  /** The bodies grouped by (`by: "body"`): those the week is filtered to, in the order asked, else all of the file's. */
  readonly bodies: readonly string[];
}

/** What {@link weekView} takes besides the schedule and the week's occurrences. */
export interface WeekInput {
  readonly lang: Lang;
  /** Monday of the week, `YYYY-MM-DD`. */
  readonly monday: string;
  readonly clockFor: (zone: string) => ZoneClock;
  readonly calendar: WorkCalendar | undefined;
  /** The rule titles of the clashes of each occurrence, by {@link occurrenceKey}. */
  readonly clashes?: ReadonlyMap<string, readonly string[]> | undefined;
  /** Marks against a base, by {@link occurrenceKey}. */
  readonly marks?: ReadonlyMap<string, WeekMark> | undefined;
  readonly removed?: readonly WeekRemoved[] | undefined;
  /** Keep only occurrences a listed person chairs or attends. */
  readonly people?: readonly string[] | undefined;
  /** Keep only occurrences of a listed body. */
  readonly bodies?: readonly string[] | undefined;
  readonly revision?: number | undefined;
  /** Printed under the title, "(Cập nhật lần cuối 14:36 17/03/2025)": a wall time (floating ms) of the schedule's zone. */
  readonly updated?: number | undefined;
  /** The key of an occurrence (default: {@link occurrenceKey} of its meeting and {@link recurrenceText}). */
  readonly keyOf?: ((occurrence: Occurrence) => string) | undefined;
}

/** The key that names an occurrence across reports and schedules: its meeting and original local start. */
export function occurrenceKey(meeting: string, recurrenceId: string): string {
  return `${meeting}\u0000${recurrenceId}`;
}

/**
 * The titles of the rules (or built-in checks) each occurrence's clashes break, by
 * {@link occurrenceKey}: the findings' titles of the report's conflicts of two or more
 * occurrences, sorted, without repeats.
 */
export function clashTitles(report: Pick<Report, "conflicts" | "findings">): Map<string, readonly string[]> {
  const titles = new Map((report.findings ?? []).map((f) => [f.id, f.title]));
  const clashes = new Map<string, readonly string[]>();
  for (const conflict of report.conflicts) {
    if (conflict.occurrences.length < 2) continue;
    const title = (conflict.finding === undefined ? undefined : titles.get(conflict.finding)) ?? conflict.message;
    for (const o of conflict.occurrences) {
      const key = occurrenceKey(o.meeting, o.occurrence);
      const had = clashes.get(key) ?? [];
      if (!had.includes(title)) clashes.set(key, [...had, title].sort());
    }
  }
  return clashes;
}

/** The Monday (`YYYY-MM-DD`) of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = dayNumber(year, 1, 4);
  const monday = jan4 - ((weekdayOf(jan4) + 6) % 7) + (week - 1) * 7;
  return formatYmd(fromDayNumber(monday));
}

/** The Monday (`YYYY-MM-DD`) of the ISO week holding `date`. */
export function mondayOf(date: string): string {
  const jdn = dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  return formatYmd(fromDayNumber(jdn - ((weekdayOf(jdn) + 6) % 7)));
}

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  return formatYmd(fromDayNumber(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) + days));
}

/**
 * The weekly work schedule of a week: the occurrences of `occurrences` that start in it (the
 * caller expands the week), filtered by people or bodies, each with its chair, attendees, place,
 * notes, change status, clashes and marks; each day with its day off or make-up day.
 *
 * @example
 * const view = weekView(schedule, occurrences, { lang: "vi", monday: "2024-02-12", clockFor, calendar });
 * view.days[3].entries[0].title; // "Phiên họp thường kỳ Thường trực HĐND tỉnh"
 */
export function weekView(schedule: Schedule, occurrences: readonly Occurrence[], input: WeekInput): WeekView {
  const people = new Map(schedule.people.map((p) => [p.id, p]));
  const rooms = new Map(schedule.rooms.map((r) => [r.id, r]));
  const meetings = new Map(schedule.meetings.map((m) => [m.id, m]));
  const order = new Map(schedule.people.map((p, k) => [p.id, k]));
  const label = (id: string) => {
    const person = people.get(id);
    if (!person) return id;
    const before = person.short ?? person.title;
    return before === undefined ? person.name : `${before} ${person.name}`;
  };
  const wantPeople = input.people ? new Set(input.people) : undefined;
  const wantBodies = input.bodies ? new Set(input.bodies) : undefined;
  const dates = Array.from({ length: 7 }, (_, k) => addDays(input.monday, k));
  const byDate = new Map<string, WeekEntry[]>(dates.map((d) => [d, []]));
  for (const occurrence of occurrences) {
    const clock = input.clockFor(occurrence.zone);
    const startWall = clock.toWall(occurrence.start);
    const endWall = clock.toWall(occurrence.end);
    const meeting = meetings.get(occurrence.meeting);
    const change = meeting && occurrence.change !== undefined ? meeting.changes?.[occurrence.change] : undefined;
    const chairId = meeting?.chair;
    const ids = [...new Set([...(chairId ? [chairId] : []), ...occurrence.attendees])];
    if (wantPeople && !ids.some((id) => wantPeople.has(id))) continue;
    if (wantBodies && !occurrence.bodies.some((id) => wantBodies.has(id))) continue;
    const others = occurrence.attendees
      .filter((id) => id !== chairId)
      .slice()
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const room = occurrence.room === undefined ? undefined : rooms.get(occurrence.room);
    const key = input.keyOf ? input.keyOf(occurrence) : occurrenceKey(occurrence.meeting, recurrenceText(occurrence));
    const first = isoDate(startWall);
    // An all-day meeting of several days (a session) is on each of its days.
    const last = occurrence.allDay ? isoDate(endWall - 86_400_000) : first;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const list = byDate.get(date);
      if (!list) continue;
      const startMinutes = occurrence.allDay ? 0 : Math.floor((startWall % 86_400_000) / 60_000);
      const endMinutes = occurrence.allDay || isoDate(endWall) !== date ? 1440 : Math.floor((endWall % 86_400_000) / 60_000);
      list.push({
        meeting: occurrence.meeting,
        date,
        startMinutes,
        endMinutes,
        allDay: occurrence.allDay,
        period: occurrence.allDay ? "all-day" : startMinutes < 12 * 60 ? "morning" : "afternoon",
        title: occurrence.title,
        place: room ? (room.location ? `${room.name}, ${room.location}` : room.name) : undefined,
        chair: chairId === undefined ? undefined : label(chairId),
        chairId,
        attendees: others.map(label),
        people: ids,
        bodies: occurrence.bodies,
        invitees: meeting?.invitees,
        preparedBy: meeting?.preparedBy,
        followedBy: meeting?.followedBy,
        note: change?.note ?? meeting?.note,
        status: change?.status,
        clashes: input.clashes?.get(key) ?? [],
        mark: input.marks?.get(key),
      });
      if (date >= (dates[6] as string)) break;
    }
  }
  const days: WeekDay[] = dates.map((date) => {
    const off = input.calendar?.dayOff(date) ?? null;
    const makeUp = input.calendar?.makeUpDays(Number(date.slice(0, 4))).find((d) => d.date === date);
    const entries = (byDate.get(date) ?? []).slice().sort((a, b) => a.startMinutes - b.startMinutes || a.endMinutes - b.endMinutes);
    return {
      date,
      weekday: weekdayOf(dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))),
      dayOff: off ? off.name[input.lang] : undefined,
      makeUp: makeUp ? makeUp.name[input.lang] : undefined,
      entries,
    };
  });
  const names = new Map<string, string>();
  for (const p of schedule.people) names.set(p.id, label(p.id));
  for (const b of schedule.bodies) names.set(b.id, b.name);
  const { year, week } = isoWeek(input.monday);
  return {
    lang: input.lang,
    year,
    week,
    from: input.monday,
    to: dates[6] as string,
    revision: input.revision,
    updated: input.updated,
    days,
    removed: input.removed ?? [],
    names,
    order: [...schedule.people.map((p) => p.id), ...schedule.bodies.map((b) => b.id)],
    ...rowsOf(schedule, input, days, dates[6] as string),
  };
}

/**
 * The leaders and the bodies a week groups by: those asked for, in that order; else, when the
 * other kind is asked for, those that belong to it that week (a member of a listed body, a body
 * of a listed person) or appear in its entries; else all, in the file's order.
 */
function rowsOf(
  schedule: Schedule,
  input: WeekInput,
  days: readonly WeekDay[],
  sunday: string,
): { people: readonly string[]; bodies: readonly string[] } {
  const entries = days.flatMap((day) => day.entries);
  const during = (m: Membership) => typeof m === "string" || ((m.from ?? "") <= sunday && (m.to ?? "9999") >= input.monday);
  const bodyOf = (m: Membership) => (typeof m === "string" ? m : m.body);
  const wantBodies = input.bodies ? new Set(input.bodies) : undefined;
  const wantPeople = input.people ? new Set(input.people) : undefined;
  const people = input.people
    ? [...new Set(input.people)]
    : schedule.people
        .filter(
          (p) =>
            !wantBodies ||
            (p.bodies ?? []).some((m) => during(m) && wantBodies.has(bodyOf(m))) ||
            entries.some((e) => e.people.includes(p.id)),
        )
        .map((p) => p.id);
  const held = new Map(schedule.people.map((p) => [p.id, (p.bodies ?? []).filter(during).map(bodyOf)]));
  const bodies = input.bodies
    ? [...new Set(input.bodies)]
    : schedule.bodies
        .filter(
          (b) => !wantPeople || [...wantPeople].some((id) => held.get(id)?.includes(b.id)) || entries.some((e) => e.bodies.includes(b.id)),
        )
        .map((b) => b.id);
  return { people, bodies };
}

/** The occurrence's original local start as the JSON report names it (`2024-03-07T08:00`, a date for all-day). */
export function recurrenceText(occurrence: Pick<Occurrence, "recurrenceId" | "allDay">): string {
  const iso = new Date(occurrence.recurrenceId).toISOString();
  return occurrence.allDay ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** Minutes from midnight as `HH:MM`. */
export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** `08:00–11:30`, or the all-day word. */
function timeRange(entry: WeekEntry, t: WeekText): string {
  return entry.allDay ? t.allDay : `${hhmm(entry.startMinutes)}–${hhmm(entry.endMinutes)}`;
}

function dayTitle(day: WeekDay, t: WeekText): string {
  return `${t.weekdays[day.weekday]} ${formatDmy(day.date)}`;
}

function dayNote(day: WeekDay, t: WeekText): string | undefined {
  if (day.makeUp !== undefined) return `${t.makeUp}: ${day.makeUp}`;
  // "Ngày nghỉ hằng tuần" says it already: no "Ngày nghỉ: " before it.
  if (day.dayOff !== undefined)
    return day.dayOff.toLocaleLowerCase().startsWith(t.dayOff.toLocaleLowerCase()) ? day.dayOff : `${t.dayOff}: ${day.dayOff}`;
  return undefined;
}

/** A day off that is not made a working day: shaded in HTML. */
function isOff(day: WeekDay): boolean {
  return day.dayOff !== undefined && day.makeUp === undefined;
}

/** The leaders, the chair first: "PCTTT Nguyễn Văn Thi (chủ trì), CT Vi Văn Thành". */
function leadersText(entry: WeekEntry, t: WeekText): string {
  return [...(entry.chair === undefined ? [] : [`${entry.chair} (${t.chair})`]), ...entry.attendees].join(", ");
}

/** The marks before a title: the change status, what changed since the base. */
function marksText(entry: WeekEntry, t: WeekText): string {
  const marks = [
    ...(entry.status === undefined ? [] : [withdrawnWord(t, entry.status)]),
    ...(entry.mark === "added" ? [t.added] : entry.mark === "moved" ? [t.moved] : []),
  ];
  return marks.length === 0 ? "" : `[${marks.join(", ")}] `;
}

function clashText(entry: WeekEntry, t: WeekText): string | undefined {
  return entry.clashes.length === 0 ? undefined : `⚠ ${t.clash}: ${entry.clashes.join("; ")}`;
}

/** A note column: the note, who prepares, the clashes. */
function noteText(entry: WeekEntry, t: WeekText): string {
  return [entry.note, entry.preparedBy === undefined ? undefined : `${t.preparedBy}: ${entry.preparedBy}`, clashText(entry, t)]
    .filter((x): x is string => x !== undefined)
    .join(". ");
}

/**
 * A grid cell's text: "(8h30) Title. Leaders. Địa điểm: …. Thành phần: …. notes". In the row of a
 * leader (`row.by` "person") it is "(8h30) Title (chủ trì). Địa điểm: …. note. clashes", the row
 * naming the leader; in a row of either kind, and in a grid's Sáng cell, an all-day meeting
 * starts "(Cả ngày)". `marks` writes the marks after the time ({@link marksText}, or HTML's slot).
 */
function cellText(entry: WeekEntry, t: WeekText, options: CellOptions = {}): string {
  const { row, marks = marksText } = options;
  const allDayLead = options.allDayLead ?? row !== undefined;
  const start = entry.allDay ? (allDayLead ? `(${t.allDay}) ` : "") : `${t.timePrefix(entry.startMinutes)} `;
  const leader = row?.by === "person";
  const parts = [
    `${start}${marks(entry, t)}${entry.title}${leader && entry.chairId === row.id ? ` (${t.chairing})` : ""}`,
    leader ? "" : leadersText(entry, t),
    entry.place === undefined ? "" : `${t.columns.place}: ${entry.place}`,
    leader || entry.invitees === undefined ? "" : `${t.columns.invitees}: ${entry.invitees}`,
    leader ? [entry.note, clashText(entry, t)].filter((x) => x !== undefined).join(". ") : noteText(entry, t),
  ];
  return parts.filter((p) => p !== "").join(". ");
}

/** How a cell's text is written: the row it is in, whether an all-day meeting says so, its marks. */
interface CellOptions {
  readonly row?: { readonly by: WeekGrouping; readonly id: string } | undefined;
  readonly allDayLead?: boolean;
  readonly marks?: Marks;
}

/** Writes an entry's marks ("[HOÃN] "), where the text puts them: after the time, before the title. */
type Marks = (entry: WeekEntry, t: WeekText) => string;

/** A list bullet's prose: "8 giờ 30, PCTTT X chủ trì …. Địa điểm tại …". */
function proseText(entry: WeekEntry, t: WeekText, lang: Lang, day?: WeekDay, marks: Marks = marksText): string {
  const h = Math.floor(entry.startMinutes / 60);
  const m = entry.startMinutes % 60;
  const at = entry.allDay ? t.allDay : lang === "vi" ? `${h} giờ${m === 0 ? "" : ` ${m}`}` : hhmm(entry.startMinutes);
  const who =
    entry.chair !== undefined
      ? `${entry.chair} ${t.chair}`
      : entry.attendees.length > 0
        ? `${entry.attendees.join(", ")} ${entry.attendees.length > 1 ? t.attendMany : t.attend}`
        : "";
  const sentences = [
    `${day === undefined ? "" : `${dayTitle(day, t)}, `}${at}, ${marks(entry, t)}${who === "" ? "" : `${who} `}${entry.title}`,
    entry.chair !== undefined && entry.attendees.length > 0
      ? `${entry.attendees.join(", ")} ${entry.attendees.length > 1 ? t.attendMany : t.attend}`
      : undefined,
    entry.invitees === undefined ? undefined : `${t.columns.invitees}: ${entry.invitees}`,
    entry.place === undefined ? undefined : `${t.placeAt} ${entry.place}`,
    entry.preparedBy,
    entry.note,
    clashText(entry, t),
  ];
  return sentences.filter((s): s is string => s !== undefined).join(". ");
}

/** The day an entry is on, named in the list when the groups are not days. */
function dayFor(view: WeekView, by: WeekGrouping, entry: WeekEntry): WeekDay | undefined {
  return by === "day" ? undefined : view.days.find((day) => day.date === entry.date);
}

/**
 * The leaders or bodies grouped by, in the view's order (those asked for, else the file's), each
 * with its entries: those it chairs or attends, or holds (an entry is under each of its own).
 */
function rowGroups(
  view: WeekView,
  by: "person" | "body",
): { readonly id: string; readonly heading: string; readonly entries: readonly WeekEntry[] }[] {
  const all = view.days.flatMap((day) => day.entries);
  return (by === "person" ? view.people : view.bodies).map((id) => ({
    id,
    heading: view.names.get(id) ?? id,
    entries: all.filter((e) => (by === "person" ? e.people : e.bodies).includes(id)),
  }));
}

/** The groups of the table and the list: days, or the leaders or bodies that have an entry that week. */
function groups(
  view: WeekView,
  by: WeekGrouping,
): { readonly heading: string; readonly note?: string; readonly entries: readonly WeekEntry[] }[] {
  const t = WEEK_TEXT[view.lang];
  if (by === "day") {
    return view.days.map((day) => {
      const note = dayNote(day, t);
      return { heading: dayTitle(day, t), ...(note === undefined ? {} : { note }), entries: day.entries };
    });
  }
  return rowGroups(view, by).filter((group) => group.entries.length > 0);
}

/** A row group of the grid by person or body: its two half-days, each with a cell of entries per day, Monday first. */
interface GridRow {
  readonly by: WeekGrouping;
  readonly id: string;
  readonly heading: string;
  /** Nothing that week: the row says so. */
  readonly free: boolean;
  readonly periods: readonly { readonly name: string; readonly cells: readonly (readonly WeekEntry[])[] }[];
}

/**
 * The grid by person or body: a row group per leader (or body) in the view's order, even one
 * with nothing that week, split into Sáng and Chiều (an all-day meeting in Sáng, as in the day
 * grid), a cell per day.
 */
function gridRows(view: WeekView, by: "person" | "body"): GridRow[] {
  const t = WEEK_TEXT[view.lang];
  return rowGroups(view, by).map((group) => ({
    by,
    id: group.id,
    heading: group.heading,
    free: group.entries.length === 0,
    periods: (["morning", "afternoon"] as const).map((period) => ({
      name: period === "morning" ? t.morning : t.afternoon,
      cells: view.days.map((day) =>
        group.entries.filter((e) => e.date === day.date && (e.period === period || (e.period === "all-day" && period === "morning"))),
      ),
    })),
  }));
}

/** The table's rows: the eight columns of the common district layout, by person or body after the leader's or body's. */
function tableRows(view: WeekView, by: WeekGrouping): { readonly group: string; readonly cells: readonly string[] }[] {
  const t = WEEK_TEXT[view.lang];
  const dayOf = new Map(view.days.map((d) => [d.date, d]));
  return groups(view, by).flatMap((group) =>
    group.entries.map((entry) => ({
      group: group.heading,
      cells: [
        ...(by === "day" ? [group.heading] : [group.heading, dayTitle(dayOf.get(entry.date) as WeekDay, t)]),
        timeRange(entry, t),
        `${marksText(entry, t)}${entry.title}`,
        leadersText(entry, t),
        entry.place ?? "",
        entry.invitees ?? "",
        entry.followedBy ?? "",
        noteText(entry, t),
      ],
    })),
  );
}

function tableHeader(t: WeekText, by: WeekGrouping): string[] {
  const c = t.columns;
  const eight = [c.day, c.time, c.content, c.leaders, c.place, c.invitees, c.followedBy, c.note];
  return by === "day" ? eight : [by === "person" ? c.person : c.body, ...eight];
}

function titleLines(view: WeekView): string[] {
  const t = WEEK_TEXT[view.lang];
  const updated =
    view.updated === undefined ? [] : [t.updated(hhmm(Math.floor((view.updated % 86_400_000) / 60_000)), isoDate(view.updated))];
  // "(Điều chỉnh lần 2) (Cập nhật lần cuối 14:36 17/03/2025)", as the portals title a revision.
  const below = [...(view.revision === undefined ? [] : [t.revision(view.revision)]), ...updated];
  return [t.title(view.week, view.from, view.to), ...(below.length === 0 ? [] : [below.join(" ")])];
}

function removedLines(view: WeekView): string[] {
  const t = WEEK_TEXT[view.lang];
  return view.removed.map((r) => `${t.removed}: ${formatDmy(r.date)} ${hhmm(r.startMinutes)} ${r.title}`);
}

/** Options of {@link formatWeek}. */
export interface WeekFormatOptions {
  readonly layout?: WeekLayout | undefined;
  readonly by?: WeekGrouping | undefined;
  /** HTML only: links above the page (the server's week pages), hidden in print. */
  readonly nav?: WeekNav | undefined;
}

/** A link of a week page's navigation: its text and address; `current` for the page itself. */
export interface WeekLink {
  readonly text: string;
  readonly href: string;
  readonly rel?: "prev" | "next" | undefined;
  readonly current?: boolean | undefined;
}

/** A week page's navigation: groups of links separated by " · ", a group maybe labelled ("Bố cục: …"). */
export interface WeekNav {
  /** The navigation's accessible name. */
  readonly label: string;
  readonly groups: readonly { readonly label?: string | undefined; readonly links: readonly WeekLink[] }[];
}

const NAV_CSS = "nav.weeks{margin:0 0 1rem;font-family:system-ui,sans-serif;font-size:11pt}@media print{nav.weeks{display:none}}";

/** The navigation's HTML, every text and address escaped. */
function navHtml(nav: WeekNav): string {
  const link = (l: WeekLink) =>
    `<a${l.rel === undefined ? "" : ` rel="${l.rel}"`} href="${html(l.href)}"${l.current ? ' aria-current="page"' : ""}>${html(l.text)}</a>`;
  const groups = nav.groups.map((g) => `${g.label === undefined ? "" : `${html(g.label)}: `}${g.links.map(link).join(" · ")}`);
  return `<nav class="weeks" aria-label="${html(nav.label)}">${groups.join(" · ")}</nav>`;
}

/**
 * Renders a {@link WeekView} in a layout (grid, table, list) and a format (html, text, md, csv),
 * grouped by day or, with `by` "person" or "body", by leader or body: the grid then has a row
 * group per leader or body (Sáng and Chiều) by the seven days (text: each leader's days). The same view gives the same bytes; every text from the file is escaped for its format
 * (HTML entities, Markdown's `|` and `\`, CSV quotes and a leading `'` before `= + - @`) and made
 * inert (control and bidi characters as escapes). CSV is always the table: its eight columns, by
 * person or body after one naming the leader or body.
 *
 * @example
 * process.stdout.write(formatWeek(view, "html", { layout: "grid" }));
 */
export function formatWeek(view: WeekView, format: WeekFormat, options: WeekFormatOptions = {}): string {
  const layout = options.layout ?? "grid";
  const by = options.by ?? "day";
  switch (format) {
    case "csv":
      return weekCsv(view, by);
    case "md":
      return weekMarkdown(view, layout, by);
    case "html":
      return weekHtml(view, layout, by, options.nav);
    default:
      return weekText(view, layout, by);
  }
}

function weekText(view: WeekView, layout: WeekLayout, by: WeekGrouping): string {
  const t = WEEK_TEXT[view.lang];
  const lines = [...titleLines(view), ""];
  if (layout === "table") {
    lines.push(tableHeader(t, by).join(" | "));
    // A "|" of the file's text is written "\|", so it cannot pass for a column's edge.
    for (const row of tableRows(view, by)) lines.push(row.cells.map((c) => inert(c).replaceAll("|", "\\|")).join(" | "));
  } else if (layout === "list") {
    for (const group of groups(view, by)) {
      lines.push(inert(group.heading) + (group.note === undefined ? "" : ` — ${inert(group.note)}`));
      if (group.entries.length === 0) lines.push(`  ${t.nothing}`);
      for (const entry of group.entries) lines.push(`  - ${inert(proseText(entry, t, view.lang, dayFor(view, by, entry)))}`);
    }
  } else if (by !== "day") {
    // A terminal is too narrow for seven columns: each leader's days, each line with its half-day.
    for (const row of gridRows(view, by)) {
      lines.push(inert(row.heading));
      if (row.free) lines.push(`  ${t.nothing}`);
      for (const [k, day] of view.days.entries()) {
        const cells = row.periods.flatMap((period) =>
          (period.cells[k] ?? []).map((entry) => `    ${period.name}: ${inert(cellText(entry, t, { row }))}`),
        );
        if (cells.length === 0) continue;
        const note = dayNote(day, t);
        lines.push(`  ${dayTitle(day, t)}${note === undefined ? "" : ` — ${inert(note)}`}`, ...cells);
      }
    }
  } else {
    for (const day of view.days) {
      const note = dayNote(day, t);
      lines.push(dayTitle(day, t) + (note === undefined ? "" : ` — ${inert(note)}`));
      for (const [period, name] of periods(t)) {
        const entries = day.entries.filter((e) => e.period === period);
        if (entries.length === 0) continue;
        lines.push(`  ${name}:`);
        for (const entry of entries) lines.push(`    ${inert(cellText(entry, t))}`);
      }
    }
  }
  const removed = removedLines(view);
  if (removed.length > 0) lines.push("", ...removed.map(inert));
  return `${lines.join("\n")}\n`;
}

function periods(t: WeekText): readonly (readonly [WeekEntry["period"], string])[] {
  return [
    ["all-day", t.allDay],
    ["morning", t.morning],
    ["afternoon", t.afternoon],
  ];
}

/** Markdown text in a table cell or a line: `\`, `|` and the characters that start markup escaped. */
function md(text: string): string {
  return inert(text).replace(/[\\|*_`[\]<>#]/g, (c) => `\\${c}`);
}

/** A day's heading in a Markdown grid: its name and date in bold, and its day off or make-up day. */
function mdDayHead(day: WeekDay, t: WeekText): string {
  const note = dayNote(day, t);
  return `**${md(dayTitle(day, t))}**${note === undefined ? "" : `<br>_${md(note)}_`}`;
}

function weekMarkdown(view: WeekView, layout: WeekLayout, by: WeekGrouping): string {
  const t = WEEK_TEXT[view.lang];
  const [title, ...rest] = titleLines(view);
  const lines = [`# ${md(title as string)}`, ...rest.map((r) => `_${md(r)}_`), ""];
  if (layout === "table") {
    const header = tableHeader(t, by);
    lines.push(`| ${header.map(md).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
    for (const row of tableRows(view, by)) lines.push(`| ${row.cells.map(md).join(" | ")} |`);
  } else if (layout === "list") {
    for (const group of groups(view, by)) {
      lines.push(`## ${md(group.heading)}`, ...(group.note === undefined ? [] : [`_${md(group.note)}_`]), "");
      if (group.entries.length === 0) lines.push(t.nothing);
      for (const entry of group.entries) lines.push(`- ${md(proseText(entry, t, view.lang, dayFor(view, by, entry)))}`);
      lines.push("");
    }
  } else if (by !== "day") {
    // Markdown has no rowspan: the leader is named on the Sáng row, the Chiều row under it.
    lines.push(
      `| ${md(by === "person" ? t.columns.person : t.columns.body)} | ${md(t.columns.period)} | ${view.days.map((day) => mdDayHead(day, t)).join(" | ")} |`,
      `|${Array.from({ length: 9 }, () => "---").join("|")}|`,
    );
    for (const row of gridRows(view, by)) {
      for (const [k, period] of row.periods.entries()) {
        const who = k > 0 ? "" : `**${md(row.heading)}**${row.free ? `<br>_${md(t.nothing)}_` : ""}`;
        const cells = period.cells.map((entries) => entries.map((e) => md(cellText(e, t, { row }))).join("<br>"));
        lines.push(`| ${who} | ${md(period.name)} | ${cells.join(" | ")} |`);
      }
    }
  } else {
    lines.push(`| ${md(t.columns.day)} | ${md(t.morning)} | ${md(t.afternoon)} |`, "|---|---|---|");
    for (const day of view.days) {
      const head = mdDayHead(day, t);
      const cell = (p: WeekEntry["period"]) =>
        day.entries
          .filter((e) => e.period === p || (e.period === "all-day" && p === "morning"))
          .map((e) => md(cellText(e, t, { allDayLead: true })))
          .join("<br>");
      lines.push(`| ${head} | ${cell("morning")} | ${cell("afternoon")} |`);
    }
  }
  const removed = removedLines(view);
  if (removed.length > 0) lines.push("", ...removed.map((r) => `- ${md(r)}`));
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

/** A CSV field (RFC 4180): quoted when needed; a leading `= + - @` gets a `'` so a spreadsheet does not run it. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function weekCsv(view: WeekView, by: WeekGrouping): string {
  const t = WEEK_TEXT[view.lang];
  const rows = [tableHeader(t, by), ...tableRows(view, by).map((r) => r.cells.map((c) => inert(c)))];
  // A byte order mark: spreadsheets then read the Vietnamese as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

const WEEK_CSS = `
*{box-sizing:border-box}
body{font-family:"Times New Roman",Times,serif;color:#111;background:#fff;margin:1.5rem;font-size:13pt;line-height:1.35}
h1{font-size:15pt;text-align:center;margin:0 0 .25rem}
p.revision{text-align:center;font-style:italic;margin:0 0 1rem}
table{border-collapse:collapse;width:100%}
caption{font-weight:bold;text-align:left;padding:.25rem 0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{border:1px solid #444;padding:.3rem .4rem;vertical-align:top;text-align:left}
thead th{background:#e8e8e8}
th[scope=row]{background:#f4f4f4;white-space:nowrap}
tr.off th,tr.off td{background:#eee}
.day-note{display:block;font-weight:normal;font-style:italic;font-size:11pt}
.entry{margin:0 0 .35rem}
.status,.mark{font-weight:bold;color:#8a1c00}
.clash{color:#8a1c00;font-weight:bold}
.removed{color:#444;text-decoration:line-through}
section.day h2,section.group h2{font-size:13pt;margin:1rem 0 .25rem;border-bottom:1px solid #444}
@media print{body{margin:0;font-size:11pt}tr,li{break-inside:avoid}}
`;

/**
 * The grid and the table by person or body: the grid's fixed columns, its days off shaded down
 * their column, a leader's or body's name unshaded by a day off, a row group kept on one page.
 */
const BY_CSS = `table.by{table-layout:fixed}
table.by col.who{width:12%}
table.by col.period{width:9%}
table.by td,table.by th[scope=row]{font-size:11pt;overflow-wrap:anywhere}
table.by th.off,table.by td.off{background:#eee}
table.by th[scope=rowgroup]{background:#f4f4f4}
@media print{table.by tbody{break-inside:avoid}}
`;

/** A day's name and date, and its day off or make-up day under them. */
function htmlDayHead(day: WeekDay, t: WeekText): string {
  const note = dayNote(day, t);
  return `${html(dayTitle(day, t))}${note === undefined ? "" : `<span class="day-note">${html(note)}</span>`}`;
}

/**
 * The grid by person or body as a native table: the days as columns (`<th scope="col">`), each
 * leader or body a `<tbody>` row group headed by `<th scope="rowgroup">`, its Sáng and Chiều rows
 * by `<th scope="row">`; a day off's column shaded.
 */
function gridHtml(view: WeekView, by: "person" | "body", title: string): string[] {
  const t = WEEK_TEXT[view.lang];
  const off = (day: WeekDay) => (isOff(day) ? ' class="off"' : "");
  const lines = [
    '<table class="by">',
    `<caption class="vh">${html(title)}</caption>`,
    '<colgroup><col class="who"><col class="period"><col span="7"></colgroup>',
    `<thead><tr><th scope="col">${html(by === "person" ? t.columns.person : t.columns.body)}</th><th scope="col">${html(t.columns.period)}</th>${view.days
      .map((day) => `<th scope="col"${off(day)}>${htmlDayHead(day, t)}</th>`)
      .join("")}</tr></thead>`,
  ];
  for (const row of gridRows(view, by)) {
    lines.push("<tbody>");
    for (const [k, period] of row.periods.entries()) {
      const head =
        k > 0
          ? ""
          : `<th scope="rowgroup" rowspan="2">${html(row.heading)}${row.free ? `<span class="day-note">${html(t.nothing)}</span>` : ""}</th>`;
      const cells = period.cells.map(
        (entries, d) =>
          `<td${off(view.days[d] as WeekDay)}>${entries.map((e) => `<p class="entry">${entryHtml(e, t, (marks) => cellText(e, t, { row, marks }))}</p>`).join("")}</td>`,
      );
      lines.push(`<tr>${head}<th scope="row">${html(period.name)}</th>${cells.join("")}</tr>`);
    }
    lines.push("</tbody>");
  }
  lines.push("</table>");
  return lines;
}

/** Where an entry's text puts its marks, for HTML: a character no text before the marks has. */
const MARK_SLOT = "\uE000";

/** An entry's text in HTML, escaped, its marks in bold where the text puts them (after the time). */
function entryHtml(entry: WeekEntry, t: WeekText, write: (marks: Marks) => string): string {
  const text = write(() => MARK_SLOT);
  const at = text.indexOf(MARK_SLOT);
  if (at < 0) return html(text);
  const marks = marksText(entry, t).trim();
  const strong = marks === "" ? "" : `<strong class="mark">${html(marks)}</strong> `;
  return `${html(text.slice(0, at))}${strong}${html(text.slice(at + MARK_SLOT.length))}`;
}

function weekHtml(view: WeekView, layout: WeekLayout, by: WeekGrouping, nav?: WeekNav): string {
  const t = WEEK_TEXT[view.lang];
  const [title, ...rest] = titleLines(view);
  const body: string[] = [`<h1>${html(title as string)}</h1>`, ...rest.map((r) => `<p class="revision">${html(r)}</p>`)];
  if (layout === "table") {
    body.push(by === "day" ? "<table>" : '<table class="by">', `<caption class="vh">${html(title as string)}</caption>`, "<thead><tr>");
    body.push(
      tableHeader(t, by)
        .map((h) => `<th scope="col">${html(h)}</th>`)
        .join(""),
      by === "day" ? "</tr></thead><tbody>" : "</tr></thead>",
    );
    const dayOf = new Map(view.days.map((d) => [d.date, d]));
    for (const group of groups(view, by)) {
      // By person or body, each leader's or body's rows are a row group under its name.
      if (by !== "day") body.push("<tbody>");
      for (const [k, entry] of group.entries.entries()) {
        const day = dayOf.get(entry.date) as WeekDay;
        const first = by === "day" ? group.heading : dayTitle(day, t);
        const cells = [
          timeRange(entry, t),
          entryHtml(entry, t, (marks) => `${marks(entry, t)}${entry.title}`),
          html(leadersText(entry, t)),
          html(entry.place ?? ""),
          html(entry.invitees ?? ""),
          html(entry.followedBy ?? ""),
          html(noteText(entry, t)),
        ];
        const lead = by === "day" || k > 0 ? "" : `<th scope="rowgroup" rowspan="${group.entries.length}">${html(group.heading)}</th>`;
        body.push(
          `<tr${isOff(day) ? ' class="off"' : ""}>${lead}<th scope="row">${html(first)}</th><td>${cells[0] as string}</td>${cells
            .slice(1)
            .map((c) => `<td>${c}</td>`)
            .join("")}</tr>`,
        );
      }
      if (by !== "day") body.push("</tbody>");
    }
    body.push(by === "day" ? "</tbody></table>" : "</table>");
  } else if (layout === "list") {
    for (const group of groups(view, by)) {
      body.push(`<section class="${by === "day" ? "day" : "group"}">`, `<h2>${html(group.heading)}</h2>`);
      if (group.note !== undefined) body.push(`<p class="day-note">${html(group.note)}</p>`);
      if (group.entries.length === 0) body.push(`<p>${html(t.nothing)}</p>`);
      else
        body.push(
          `<ul>${group.entries.map((e) => `<li>${entryHtml(e, t, (marks) => proseText(e, t, view.lang, dayFor(view, by, e), marks))}</li>`).join("")}</ul>`,
        );
      body.push("</section>");
    }
  } else if (by !== "day") {
    body.push(...gridHtml(view, by, title as string));
  } else {
    body.push("<table>", `<caption class="vh">${html(title as string)}</caption>`);
    body.push(
      `<thead><tr><th scope="col">${html(t.columns.day)}</th><th scope="col">${html(t.columns.period)}</th><th scope="col">${html(t.columns.content)}</th></tr></thead>`,
    );
    // Each day is a row group of its own, so its header covers its two rows only.
    for (const day of view.days) {
      body.push("<tbody>");
      const off = isOff(day);
      const head = `<th scope="rowgroup" rowspan="2">${htmlDayHead(day, t)}</th>`;
      for (const [k, period] of (["morning", "afternoon"] as const).entries()) {
        const entries = day.entries.filter((e) => e.period === period || (e.period === "all-day" && period === "morning"));
        const cell = entries
          .map((e) => `<p class="entry">${entryHtml(e, t, (marks) => cellText(e, t, { allDayLead: true, marks }))}</p>`)
          .join("");
        body.push(
          `<tr${off ? ' class="off"' : ""}>${k === 0 ? head : ""}<th scope="row">${html(period === "morning" ? t.morning : t.afternoon)}</th><td>${cell}</td></tr>`,
        );
      }
      body.push("</tbody>");
    }
    body.push("</table>");
  }
  const removed = removedLines(view);
  if (removed.length > 0) body.push(`<ul class="removed-list">${removed.map((r) => `<li class="removed">${html(r)}</li>`).join("")}</ul>`);
  const page = layout === "grid" ? "A4 landscape" : "A4 portrait";
  return `<!doctype html>
<html lang="${view.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title as string)}</title>
<style>@page{size:${page};margin:12mm}${WEEK_CSS}${layout !== "list" && by !== "day" ? BY_CSS : ""}${nav === undefined ? "" : NAV_CSS}</style>
</head>
<body>
${nav === undefined ? "" : `${navHtml(nav)}\n`}<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}
