import type { CheckResult } from "../check";
import type { Conflict } from "../conflicts/conflict";
import { UsageError } from "../errors";
import { UNBOUNDED } from "../limits";
import { compileSeries, resolveChanges, type Series } from "../recurrence/series";
import { normalizeRRule } from "../recurrence/rrule-text";
import type { Occurrence } from "../recurrence/occurrence";
import type { Lang } from "../messages";
import { describeTime } from "../report/report";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Meeting } from "../schema/schedule";
import { addSpan, DAY, formatDuration, parseDuration } from "../time/wall";
import { formatDmy } from "../time/wall-text";
import { zoneClocks, type ZoneClock } from "../time/zone";
import { escapeText, icalDate, icalLocal, icalUtc, paramValue, serializeLines } from "./text";
import { generateVtimezone, type VtimezoneSource } from "./vtimezone";
import { argLang, argOptions, argReport, badArgument, isRecord } from "../internal/args";
import { ensureSchedule } from "../load/guard";

const MINUTE = 60_000;

/** The default UID domain when neither the option nor `feeds.uidDomain` gives one. */
export const DEFAULT_UID_DOMAIN = "lichhop.invalid";

/** What feeds are built from: a successful check (`safeCheckSchedule`'s ok result). */
export type FeedSource = Pick<CheckResult, "report" | "horizon" | "occurrences" | "conflicts">;

/** One feed: every meeting, one body's, one person's, one room's, or the conflicts. */
export type FeedSelector =
  | { readonly kind: "all" }
  | { readonly kind: "body"; readonly id: string }
  | { readonly kind: "person"; readonly id: string }
  | { readonly kind: "room"; readonly id: string }
  | { readonly kind: "conflicts" };

/** Options for {@link buildFeeds} and {@link toICalendar}. */
export interface FeedOptions {
  /**
   * DTSTAMP of every event: an ISO 8601 instant with its offset or `Z` (`"2024-01-01T00:00:00Z"`),
   * epoch ms or a Date; whole seconds, UTC. Required: feeds never read the clock.
   */
  readonly stamp: string | number | Date;
  /** Domain of the UIDs; defaults to the file's `feeds.uidDomain`, else `lichhop.invalid`. */
  readonly uidDomain?: string | undefined;
  /** One VEVENT per occurrence instead of one per series (for clients with weak RRULE support). */
  readonly expand?: boolean | undefined;
  /** Language of the calendar names and notes; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang | undefined;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL as an ISO 8601 duration; default `PT1H`. */
  readonly refresh?: string | undefined;
  /** Calendar name prefix; default "Lịch họp" (vi) or "Meetings" (en). */
  readonly title?: string | undefined;
  /**
   * Supplies the VTIMEZONE of a zone (e.g. `getVtimezoneComponent` of `@touch4it/ical-timezones`);
   * when absent or when it returns nothing, one is generated from the runtime's zone data.
   */
  readonly vtimezone?: VtimezoneSource | undefined;
}

/** A built feed: where it goes and its bytes. */
export interface Feed {
  /** Relative path: `all.ics`, `body/<id>.ics`, `person/<id>.ics`, `room/<id>.ics`, `conflicts.ics`. */
  readonly path: string;
  readonly selector: FeedSelector;
  /** The calendar's name (X-WR-CALNAME), unescaped. */
  readonly name: string;
  /** How many VEVENTs it holds. */
  readonly events: number;
  /** The iCalendar text, CRLF line endings, folded, NFC. */
  readonly ics: string;
}

const LABELS = {
  vi: {
    title: "Lịch họp",
    all: "tất cả",
    conflicts: "Trùng lịch",
    conflictTitle: "⚠ Trùng lịch",
    desc: (from: string, to: string) => `Lịch họp từ ${from} đến ${to} (lichhop)`,
    attendees: "Thành phần",
    conflictNotes: "⚠ Trùng lịch",
    cancelled: "Các buổi đã hủy",
    original: "Lịch gốc",
    severity: { error: "lỗi", warning: "cảnh báo" },
    meetings: "Các cuộc họp",
    more: (n: number) => `… và ${n} xung đột khác (xem conflicts.ics)`,
  },
  en: {
    title: "Meetings",
    all: "all",
    conflicts: "Conflicts",
    conflictTitle: "⚠ Conflict",
    desc: (from: string, to: string) => `Meetings from ${from} to ${to} (lichhop)`,
    attendees: "Attendees",
    conflictNotes: "⚠ Conflicts",
    cancelled: "Cancelled",
    original: "Originally",
    severity: { error: "error", warning: "warning" },
    meetings: "Meetings",
    more: (n: number) => `… and ${n} more (see conflicts.ics)`,
  },
} as const;

type Lines = string[];

interface Context {
  readonly schedule: Schedule;
  readonly source: FeedSource;
  readonly lang: Lang;
  readonly labels: (typeof LABELS)[Lang];
  readonly domain: string;
  readonly stamp: string;
  readonly refresh: string;
  readonly title: string;
  readonly vtimezone: VtimezoneSource | undefined;
  readonly expand: boolean;
  readonly clockFor: (zone: string) => ZoneClock;
  readonly zone: string;
  readonly names: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, Schedule["people"][number]>;
  readonly rooms: ReadonlyMap<string, Schedule["rooms"][number]>;
  readonly meetings: ReadonlyMap<string, Meeting>;
  readonly series: (meeting: Meeting) => Series;
  /** Conflict messages per occurrence, keyed `meeting|recurrenceId`. */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  readonly messages: ReadonlyMap<string, string>;
  /** The rule's own starts (before except and extra) over all the meeting's occurrences, floating ms. */
  readonly ruleStarts: (meeting: Meeting) => readonly number[];
  /** VTIMEZONE text per zone, built once per context. */
  readonly vtimezones: Map<string, string>;
  /** Occurrences (in start order) per feed key (`body:<id>`, `person:<id>`, `room:<id>`), indexed once. */
  readonly byFeed: ReadonlyMap<string, readonly Occurrence[]>;
  /** Each meeting's position in the file: groups are written in file order. */
  readonly meetingOrder: ReadonlyMap<string, number>;
  /** How many occurrences each meeting has in all: a feed with all of them reuses its rendering. */
  readonly totals: ReadonlyMap<string, number>;
  /** The rendered events of a meeting with all its occurrences, built once and shared by feeds. */
  readonly rendered: Map<string, Rendered>;
}

/** A meeting's events as text, with their count and the zones they use. */
interface Rendered {
  readonly text: string;
  readonly events: number;
  readonly zones: readonly string[];
}

function toMs(stamp: string | number | Date): number {
  const ms =
    typeof stamp === "number"
      ? stamp
      : typeof stamp === "string"
        ? /(Z|[+-]\d{2}:\d{2})$/.test(stamp) ? Date.parse(stamp) : Number.NaN
        : stamp instanceof Date
          ? stamp.getTime()
          : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(`stamp: expected an ISO instant with an offset (2024-01-01T00:00:00Z), epoch milliseconds or a Date, got ${String(stamp)}`);
  }
  return Math.floor(ms / 1000) * 1000;
}

function createContext(given: Schedule, source: FeedSource, options: FeedOptions): Context {
  argLang(argOptions(options, "buildFeeds").lang, "buildFeeds");
  const schedule = ensureSchedule(given, "buildFeeds: schedule", options.lang);
  if (!isRecord(source) || !Array.isArray(source.occurrences) || !Array.isArray(source.conflicts)) {
    badArgument("buildFeeds: source", "the result of safeCheckSchedule (occurrences, conflicts, report)", source);
  }
  argReport(source.report, "buildFeeds: source.report");
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const labels = LABELS[lang];
  const domain = options.uidDomain ?? schedule.feeds?.uidDomain ?? DEFAULT_UID_DOMAIN;
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new UsageError(`uidDomain ${JSON.stringify(domain)}: expected a domain name`);
  const refresh = options.refresh ?? "PT1H";
  const span = parseDuration(refresh);
  if (!span || span.days * DAY + span.ms <= 0) throw new UsageError(`refresh ${JSON.stringify(refresh)}: expected an ISO 8601 duration such as PT1H`);
  const clockFor = zoneClocks();
  const names = new Map<string, string>();
  for (const list of [schedule.bodies, schedule.people, schedule.rooms]) for (const item of list) names.set(item.id, item.name);
  const messages = new Map(source.report.conflicts.map((conflict) => [conflict.id, conflict.message]));
  const notes = new Map<string, string[]>();
  for (const conflict of source.conflicts) {
    const text = messages.get(conflict.id);
    if (!text) continue;
    for (const o of conflict.occurrences) {
      const key = `${o.meeting}|${o.recurrenceId}`;
      const list = notes.get(key);
      if (!list) notes.set(key, [text]);
      else if (!list.includes(text)) list.push(text);
    }
  }
  const compiled = new Map<string, Series>();
  const range = new Map<string, [number, number]>();
  for (const o of source.occurrences) {
    const r = range.get(o.meeting);
    if (!r) range.set(o.meeting, [o.recurrenceId, o.recurrenceId]);
    else {
      if (o.recurrenceId < r[0]) r[0] = o.recurrenceId;
      if (o.recurrenceId > r[1]) r[1] = o.recurrenceId;
    }
  }
  const byFeed = new Map<string, Occurrence[]>();
  const totals = new Map<string, number>();
  const add = (key: string, o: Occurrence) => {
    const list = byFeed.get(key);
    if (!list) byFeed.set(key, [o]);
    else if (list[list.length - 1] !== o) list.push(o);
  };
  for (const o of source.occurrences) {
    totals.set(o.meeting, (totals.get(o.meeting) ?? 0) + 1);
    for (const body of o.bodies) add(`body:${body}`, o);
    for (const person of o.attendees) add(`person:${person}`, o);
    if (o.room !== undefined) add(`room:${o.room}`, o);
  }
  const starts = new Map<string, number[]>();
  const seriesOf = (meeting: Meeting): Series => {
    let found = compiled.get(meeting.id);
    if (!found) {
      // Validation walked these rules within the step budget already.
      found = compileSeries(meeting, clockFor(meeting.timezone ?? scheduleZone(schedule)), UNBOUNDED);
      compiled.set(meeting.id, found);
    }
    return found;
  };
  return {
    schedule,
    source,
    lang,
    labels,
    domain,
    stamp: icalUtc(toMs(options.stamp)),
    refresh: formatDuration(span),
    title: options.title ?? labels.title,
    vtimezone: options.vtimezone,
    expand: options.expand === true,
    clockFor,
    zone: scheduleZone(schedule),
    names,
    people: new Map(schedule.people.map((p) => [p.id, p])),
    rooms: new Map(schedule.rooms.map((r) => [r.id, r])),
    meetings: new Map(schedule.meetings.map((m) => [m.id, m])),
    series: seriesOf,
    ruleStarts: (meeting) => {
      let found = starts.get(meeting.id);
      if (!found) {
        const series = seriesOf(meeting);
        const [from, to] = range.get(meeting.id) ?? [0, -1];
        if (series.rule) found = series.rule.between(from, to) ?? [];
        else found = series.startWall >= from && series.startWall <= to ? [series.startWall] : [];
        starts.set(meeting.id, found);
      }
      return found;
    },
    notes,
    messages,
    vtimezones: new Map(),
    byFeed,
    meetingOrder: new Map(schedule.meetings.map((m, index) => [m.id, index])),
    totals,
    rendered: new Map(),
  };
}

/** True when a wall time names exactly one instant in the zone (not in a DST gap or overlap). */
function isExactWall(clock: ZoneClock, instant: number): boolean {
  const wall = clock.toWall(instant);
  for (const probe of [instant - DAY, instant + DAY]) {
    const other = wall - clock.offsetAt(probe) * MINUTE;
    if (other !== instant && clock.toWall(other) === wall) return false;
  }
  return clock.toInstant(wall) === instant;
}

/** The latest instant a wall time may be read as (a DST overlap's second reading). */
function latestInstant(clock: ZoneClock, wall: number): number {
  let latest = clock.toInstant(wall);
  for (const probe of [wall - DAY, wall + DAY]) {
    const candidate = wall - clock.offsetAt(probe) * MINUTE;
    if (clock.toWall(candidate) === wall) latest = Math.max(latest, candidate);
  }
  return latest;
}

function dateTimeProp(name: string, instant: number, allDay: boolean, clock: ZoneClock): string {
  if (allDay) return `${name};VALUE=DATE:${icalDate(clock.toWall(instant))}`;
  // A wall time in a DST gap or overlap is ambiguous to clients: give the instant in UTC.
  if (!isExactWall(clock, instant)) return `${name}:${icalUtc(instant)}`;
  return `${name};TZID=${clock.zone}:${icalLocal(clock.toWall(instant))}`;
}

function wallList(name: string, walls: readonly number[], allDay: boolean, zone: string): string {
  return allDay
    ? `${name};VALUE=DATE:${walls.map(icalDate).join(",")}`
    : `${name};TZID=${zone}:${walls.map(icalLocal).join(",")}`;
}

function dayLabel(wall: number): string {
  return formatDmy(new Date(wall).toISOString());
}

function wallLabel(wall: number, allDay: boolean): string {
  return allDay ? dayLabel(wall) : `${dayLabel(wall)} ${new Date(wall).toISOString().slice(11, 16)}`;
}

interface EventContent {
  readonly title: string;
  readonly room: string | undefined;
  readonly attendees: readonly string[];
  readonly bodies: readonly string[];
  readonly notes: readonly string[];
}

function contentLines(ctx: Context, meeting: Meeting, content: EventContent): Lines {
  const lines: Lines = [`SUMMARY:${escapeText(content.title)}`];
  if (content.room !== undefined) {
    const room = ctx.rooms.get(content.room);
    const location = room ? (room.location ? `${room.name}, ${room.location}` : room.name) : content.room;
    lines.push(`LOCATION:${escapeText(location)}`);
  }
  const description: string[] = [];
  if (meeting.description) description.push(meeting.description.trim());
  if (content.attendees.length > 0) {
    const people = content.attendees.map((id) => {
      const person = ctx.people.get(id);
      return person ? (person.title ? `${person.name} (${person.title})` : person.name) : id;
    });
    description.push(`${ctx.labels.attendees}: ${people.join(", ")}`);
  }
  description.push(...content.notes);
  if (description.length > 0) lines.push(`DESCRIPTION:${escapeText(description.join("\n\n"))}`);
  if (content.bodies.length > 0) {
    lines.push(`CATEGORIES:${content.bodies.map((id) => escapeText(ctx.names.get(id) ?? id)).join(",")}`);
  }
  for (const id of content.attendees) {
    const person = ctx.people.get(id);
    if (person?.email === undefined) continue;
    lines.push(`ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;RSVP=FALSE;CN=${paramValue(person.name)}:mailto:${person.email}`);
  }
  return lines;
}

/** The most conflict notes one event's DESCRIPTION lists; the rest are counted. */
const MAX_NOTES = 10;

function conflictNotes(ctx: Context, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const key of keys) for (const text of ctx.notes.get(key) ?? []) seen.add(text);
  if (seen.size === 0) return [];
  const list = [...seen];
  const shown = list.slice(0, MAX_NOTES).map((t) => `- ${t}`);
  if (list.length > MAX_NOTES) shown.push(ctx.labels.more(list.length - MAX_NOTES));
  return [`${ctx.labels.conflictNotes}:\n${shown.join("\n")}`];
}

function occurrenceContent(ctx: Context, o: Occurrence, series: Series): EventContent {
  const notes = conflictNotes(ctx, [`${o.meeting}|${o.recurrenceId}`]);
  if (o.status === "moved") notes.unshift(`${ctx.labels.original}: ${wallLabel(o.recurrenceId, series.allDay)}`);
  return { title: o.title, room: o.room, attendees: o.attendees, bodies: o.bodies, notes };
}

/** VEVENT lines of one occurrence with its own times. */
function occurrenceEvent(ctx: Context, meeting: Meeting, series: Series, o: Occurrence, uid: string, recurrenceId: string | undefined): Lines {
  const clock = series.clock;
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${ctx.stamp}`,
    ...(recurrenceId === undefined ? [] : [recurrenceId]),
    dateTimeProp("DTSTART", o.start, o.allDay, clock),
    dateTimeProp("DTEND", o.end, o.allDay, clock),
    ...contentLines(ctx, meeting, occurrenceContent(ctx, o, series)),
    "SEQUENCE:0",
    "END:VEVENT",
  ];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The RRULE of the series restricted to `last` (UNTIL in UTC, or a date for all-day series). */
function boundedRule(series: Series, last: number): string {
  const parts = normalizeRRule(series.meeting.repeat ?? "")
    .split(";")
    .filter((part) => part !== "" && !/^(COUNT|UNTIL)=/.test(part));
  const until = series.allDay ? icalDate(last) : icalUtc(latestInstant(series.clock, last));
  return `RRULE:${[...parts, `UNTIL=${until}`].join(";")}`;
}

/**
 * The VEVENTs of one meeting for the occurrences of a feed: a master with RRULE (bounded to the
 * feed's occurrences), RDATE and EXDATE, plus a RECURRENCE-ID override for every occurrence that
 * does not fall where and as the rule puts it (changed, moved by `changes` or `onDayOff`, or
 * across a DST change).
 */
function seriesEvents(ctx: Context, meeting: Meeting, occurrences: readonly Occurrence[]): Lines[] {
  const series = ctx.series(meeting);
  if (ctx.expand) {
    return occurrences.map((o) =>
      occurrenceEvent(ctx, meeting, series, o, `${meeting.id}-${icalLocal(o.recurrenceId).slice(0, 13)}@${ctx.domain}`, undefined),
    );
  }
  const uid = `${meeting.id}@${ctx.domain}`;
  const byId = new Map<number, Occurrence>();
  for (const o of occurrences) byId.set(o.recurrenceId, o);
  const ids = [...byId.keys()].sort((a, b) => a - b);
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (first === undefined || last === undefined) return [];

  let base = ctx.ruleStarts(meeting).filter((wall) => wall >= first && wall <= last);
  if (base.length === 1 && !byId.has(base[0] as number)) base = [];
  const dtstart = base[0] ?? first;
  const baseSet = new Set(base);
  const rdates = ids.filter((id) => !baseSet.has(id) && id !== dtstart);
  const exdates = base.filter((id) => !byId.has(id));

  const only = byId.get(dtstart);
  if (base.length <= 1 && rdates.length === 0 && only) {
    return [occurrenceEvent(ctx, meeting, series, only, uid, undefined)];
  }

  const { clock, span, allDay } = series;
  const natural = (wall: number) => {
    const start = clock.toInstant(wall);
    return { start, end: allDay ? clock.toInstant(wall + span.days * DAY) : addSpan(wall, span, clock.toInstant) };
  };
  // Clients differ on wall times in a DST gap or overlap and on durations across a DST change:
  // such occurrences get an override with explicit times.
  const atRisk = (wall: number, start: number, end: number) => {
    if (allDay) return false;
    const instant = clock.toInstant(wall);
    return (
      clock.toWall(instant) !== wall ||
      !isExactWall(clock, instant) ||
      clock.offsetAt(start) !== clock.offsetAt(end) ||
      !isExactWall(clock, start) ||
      !isExactWall(clock, end)
    );
  };

  const bodies = meeting.bodies ?? (meeting.body === undefined ? [] : [meeting.body]);
  const attendees = meeting.attendees ?? [];
  const changes = meeting.changes?.length ? resolveChanges(series).changes : undefined;
  const cancelled = changes ? exdates.filter((wall) => changes.get(wall)?.cancelled === true) : [];
  const masterNotes = conflictNotes(ctx, ids.map((id) => `${meeting.id}|${id}`));
  if (cancelled.length > 0) masterNotes.push(`${ctx.labels.cancelled}: ${cancelled.map((w) => wallLabel(w, allDay)).join(", ")}`);

  const head = natural(dtstart);
  const master: Lines = ["BEGIN:VEVENT", `UID:${uid}`, `DTSTAMP:${ctx.stamp}`];
  if (allDay) {
    master.push(`DTSTART;VALUE=DATE:${icalDate(dtstart)}`, `DTEND;VALUE=DATE:${icalDate(dtstart + span.days * DAY)}`);
  } else {
    master.push(`DTSTART;TZID=${clock.zone}:${icalLocal(dtstart)}`);
    // DTEND states an exact duration; when the first occurrence itself spans a DST change that
    // would differ from the meeting's, so DURATION (nominal days, exact time) is given instead.
    if (atRisk(dtstart, head.start, head.end) || span.days > 0) master.push(`DURATION:${formatDuration(span)}`);
    else master.push(`DTEND;TZID=${clock.zone}:${icalLocal(clock.toWall(head.end))}`);
  }
  if (base.length > 1) master.push(boundedRule(series, base[base.length - 1] as number));
  if (rdates.length > 0) {
    // Without an RRULE, parsers built on ical.js (Thunderbird among them) drop DTSTART from an
    // RDATE-only set; listing it again is harmless (RFC 5545 counts a repeated instance once).
    const listed = base.length > 1 ? rdates : [dtstart, ...rdates].sort((a, b) => a - b);
    master.push(wallList("RDATE", listed, allDay, clock.zone));
  }
  if (exdates.length > 0) master.push(wallList("EXDATE", exdates, allDay, clock.zone));
  master.push(
    ...contentLines(ctx, meeting, { title: meeting.title, room: meeting.room, attendees, bodies, notes: masterNotes }),
    "SEQUENCE:0",
    "END:VEVENT",
  );

  const events: Lines[] = [master];
  for (const id of ids) {
    const o = byId.get(id) as Occurrence;
    const n = natural(id);
    const same =
      o.start === n.start &&
      o.end === n.end &&
      o.allDay === allDay &&
      o.title === meeting.title &&
      o.room === meeting.room &&
      sameList(o.attendees, attendees) &&
      o.status === "scheduled" &&
      !atRisk(id, o.start, o.end);
    if (same) continue;
    const recurrenceId = allDay ? `RECURRENCE-ID;VALUE=DATE:${icalDate(id)}` : `RECURRENCE-ID;TZID=${clock.zone}:${icalLocal(id)}`;
    events.push(occurrenceEvent(ctx, meeting, series, o, uid, recurrenceId));
  }
  return events;
}

function conflictEvent(ctx: Context, conflict: Conflict): Lines | undefined {
  const clock = ctx.clockFor(ctx.zone);
  const titles = conflict.occurrences.map((o) => o.title);
  const rule = conflict.rule === null ? undefined : ctx.schedule.rules.find((r) => r.id === conflict.rule);
  const label = titles.length > 0 ? titles.join(" × ") : (rule?.title ?? conflict.kind);
  const lines: Lines = ["BEGIN:VEVENT", `UID:conflict-${conflict.id}@${ctx.domain}`, `DTSTAMP:${ctx.stamp}`];
  if (conflict.overlap || conflict.occurrences.length > 0) {
    const start = conflict.overlap?.start ?? Math.min(...conflict.occurrences.map((o) => o.start));
    const end = conflict.overlap?.end ?? Math.max(...conflict.occurrences.map((o) => o.end));
    const allDay =
      conflict.occurrences.length > 0 &&
      conflict.occurrences.every((o) => o.allDay) &&
      clock.toWall(start) % DAY === 0 &&
      clock.toWall(end) % DAY === 0;
    lines.push(dateTimeProp("DTSTART", start, allDay, clock), dateTimeProp("DTEND", end, allDay, clock));
  } else if (conflict.kind === "cadence") {
    const from = Date.parse(`${conflict.period.from}T00:00:00Z`);
    const to = Date.parse(`${conflict.period.to}T00:00:00Z`);
    lines.push(`DTSTART;VALUE=DATE:${icalDate(from)}`, `DTEND;VALUE=DATE:${icalDate(to + DAY)}`);
  } else {
    return undefined;
  }
  const description = [ctx.messages.get(conflict.id) ?? ""];
  if (rule) description.push(rule.title);
  if (conflict.occurrences.length > 0) {
    description.push(
      `${ctx.labels.meetings}:\n${conflict.occurrences
        .map((o) => `- ${o.title} (${describeTime(o, ctx.clockFor(o.zone), ctx.lang)}) [${o.meeting}]`)
        .join("\n")}`,
    );
  }
  description.push(`${ctx.labels.severity[conflict.severity]} · ${conflict.kind} · ${conflict.id}`);
  lines.push(
    `SUMMARY:${escapeText(`${ctx.labels.conflictTitle}: ${label}`)}`,
    `DESCRIPTION:${escapeText(description.filter(Boolean).join("\n\n"))}`,
    `CATEGORIES:${escapeText(ctx.labels.conflicts)},${escapeText(conflict.kind)}`,
    "TRANSP:TRANSPARENT",
    "SEQUENCE:0",
    "END:VEVENT",
  );
  return lines;
}

function feedName(ctx: Context, selector: FeedSelector): string {
  switch (selector.kind) {
    case "all":
      return `${ctx.title} (${ctx.labels.all})`;
    case "conflicts":
      return `${ctx.title}: ${ctx.labels.conflicts}`;
    default:
      return `${ctx.title}: ${ctx.names.get(selector.id) ?? selector.id}`;
  }
}

function feedPath(selector: FeedSelector): string {
  return selector.kind === "all" || selector.kind === "conflicts" ? `${selector.kind}.ics` : `${selector.kind}/${selector.id}.ics`;
}

/** The occurrences of one feed, in start order. */
function selectedOccurrences(ctx: Context, selector: FeedSelector): readonly Occurrence[] {
  if (selector.kind === "all" || selector.kind === "conflicts") return ctx.source.occurrences;
  return ctx.byFeed.get(`${selector.kind}:${selector.id}`) ?? [];
}

/** Occurrences grouped by meeting, the groups in the meetings' file order. */
function groupByMeeting(ctx: Context, occurrences: readonly Occurrence[]): [string, Occurrence[]][] {
  const lists = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = lists.get(o.meeting);
    if (list) list.push(o);
    else lists.set(o.meeting, [o]);
  }
  return [...lists].sort((a, b) => (ctx.meetingOrder.get(a[0]) ?? 0) - (ctx.meetingOrder.get(b[0]) ?? 0));
}

/** Renders a meeting's events as text; a meeting with all its occurrences is rendered once per context. */
function renderMeeting(ctx: Context, meeting: Meeting, list: readonly Occurrence[]): Rendered {
  const whole = list.length === ctx.totals.get(meeting.id);
  const cached = whole ? ctx.rendered.get(meeting.id) : undefined;
  if (cached) return cached;
  const zones = new Set<string>();
  let text = "";
  let events = 0;
  for (const event of seriesEvents(ctx, meeting, list)) {
    events++;
    text += serializeLines(event);
    for (const line of event) {
      const tz = /;TZID=([^:;]+)/.exec(line)?.[1];
      if (tz) zones.add(tz);
    }
  }
  const rendered = { text, events, zones: [...zones] };
  if (whole) ctx.rendered.set(meeting.id, rendered);
  return rendered;
}

function vtimezoneOf(ctx: Context, zone: string): string {
  let text = ctx.vtimezones.get(zone);
  if (text === undefined) {
    const supplied = ctx.vtimezone?.(zone);
    const { from, to } = ctx.source.horizon;
    text = (supplied ? supplied : generateVtimezone(zone, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4)) + 1))
      .replace(/\r\n|\r/g, "\n")
      .trim()
      .replace(/\n/g, "\r\n");
    ctx.vtimezones.set(zone, text);
  }
  return text;
}

function buildOne(ctx: Context, selector: FeedSelector): Feed {
  if (selector.kind !== "all" && selector.kind !== "conflicts" && !ctx.names.has(selector.id)) {
    throw new UsageError(`no ${selector.kind} with id "${selector.id}" in the schedule`);
  }
  const zones = new Set<string>();
  let body = "";
  let events = 0;
  if (selector.kind === "conflicts") {
    for (const conflict of [...ctx.source.conflicts].sort((a, b) => {
      const sa = a.overlap?.start ?? a.occurrences[0]?.start ?? 0;
      const sb = b.overlap?.start ?? b.occurrences[0]?.start ?? 0;
      return sa - sb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    })) {
      const event = conflictEvent(ctx, conflict);
      if (!event) continue;
      events++;
      body += serializeLines(event);
      if (event.some((line) => line.includes(";TZID="))) zones.add(ctx.zone);
    }
  } else {
    const selected = selectedOccurrences(ctx, selector);
    // Expanded: one event per occurrence in start order; else one group per meeting in file order.
    const groups: [string, Occurrence[]][] = ctx.expand ? selected.map((o) => [o.meeting, [o]]) : groupByMeeting(ctx, selected);
    for (const [id, list] of groups) {
      const meeting = ctx.meetings.get(id);
      if (!meeting) continue;
      const rendered = renderMeeting(ctx, meeting, list);
      events += rendered.events;
      body += rendered.text;
      for (const zone of rendered.zones) zones.add(zone);
    }
  }
  const name = feedName(ctx, selector);
  const { from, to } = ctx.source.horizon;
  const lines: Lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//lichhop//lichhop//${ctx.lang.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-CALDESC:${escapeText(ctx.labels.desc(from, to))}`,
    `X-WR-TIMEZONE:${ctx.zone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ctx.refresh}`,
    `X-PUBLISHED-TTL:${ctx.refresh}`,
  ];
  let text = serializeLines(lines);
  for (const zone of [...zones].sort()) text += `${vtimezoneOf(ctx, zone)}\r\n`;
  text += body;
  text += "END:VCALENDAR\r\n";
  return { path: feedPath(selector), selector, name, events, ics: text };
}

/** Every feed of a schedule, in the order {@link buildFeeds} writes them. */
export function feedSelectors(schedule: Schedule): FeedSelector[] {
  return [
    { kind: "all" },
    ...schedule.bodies.map((b) => ({ kind: "body", id: b.id }) as const),
    ...schedule.people.map((p) => ({ kind: "person", id: p.id }) as const),
    ...schedule.rooms.map((r) => ({ kind: "room", id: r.id }) as const),
    { kind: "conflicts" },
  ];
}

/**
 * Builds every iCalendar feed of a checked schedule: `all.ics`, `body/<id>.ics`,
 * `person/<id>.ics`, `room/<id>.ics` and `conflicts.ics`. Pure: the same input and `stamp` give
 * byte-identical feeds.
 *
 * @example
 * const result = safeCheckSchedule(schedule);
 * if (result.ok) for (const feed of buildFeeds(schedule, result, { stamp: Date.UTC(2024, 0, 1) })) {
 *   console.log(feed.path, feed.events);
 * }
 */
export function buildFeeds(schedule: Schedule, source: FeedSource, options: FeedOptions): Feed[] {
  const ctx = createContext(schedule, source, options);
  return feedSelectors(schedule).map((selector) => buildOne(ctx, selector));
}

/**
 * Builds one iCalendar feed of a checked schedule (see {@link buildFeeds}) and returns its text.
 * Throws a `UsageError` when the selector names no body, person or room of the schedule.
 *
 * @example
 * const ics = toICalendar(schedule, result, { kind: "person", id: "doan-thi-hau" }, { stamp: 0 });
 */
export function toICalendar(schedule: Schedule, source: FeedSource, selector: FeedSelector, options: FeedOptions): string {
  return buildOne(createContext(schedule, source, options), selector).ics;
}
