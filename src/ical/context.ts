import type { CheckResult } from "../check";
import { UsageError } from "../errors";
import { argLang, argOptions, argReport, badArgument, isRecord } from "../internal/args";
import { UNBOUNDED } from "../limits";
import { ensureSchedule } from "../load/guard";
import type { Lang } from "../messages";
import { attendeeResolver, type AttendeeResolver } from "../recurrence/membership";
import type { Occurrence } from "../recurrence/occurrence";
import { compileSeries, type Series } from "../recurrence/series";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Meeting } from "../schema/schedule";
import { DAY, formatDuration, parseDuration } from "../time/wall";
import { zoneClocks, type ZoneClock } from "../time/zone";
import { FEED_LABELS, type FeedLabels } from "../messages";
import { icalUtc } from "./text";
import type { VtimezoneSource } from "./vtimezone";

/** The default UID domain when neither the option nor `feeds.uidDomain` gives one. */
export const DEFAULT_UID_DOMAIN = "lichhop.invalid";

/** What feeds are built from: a successful check (`safeCheckSchedule`'s ok result). */
export type FeedSource = Pick<CheckResult, "report" | "horizon" | "occurrences" | "conflicts">;

/** Options for {@link buildFeeds} and {@link formatICalendar}. */
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
  /**
   * Whether the events of the meeting feeds (all, body, person, room) list their occurrences'
   * conflicts in their DESCRIPTION; defaults to the file's `feeds.conflictNotes`, else true.
   * conflicts.ics is written either way.
   */
  readonly conflictNotes?: boolean | undefined;
  /**
   * The most events all the feeds of one build may hold together (default 150,000): every
   * person, body and room feed repeats the occurrences it selects, so expanded feeds grow with
   * feeds × occurrences. Past it, {@link buildFeeds} throws a `ScheduleError` (`too-many-events`).
   */
  readonly maxEvents?: number | undefined;
}

/** Everything one build of feeds shares: the checked options, lookups and indexes, and caches. */
export interface FeedContext {
  readonly schedule: Schedule;
  readonly source: FeedSource;
  readonly lang: Lang;
  readonly labels: FeedLabels;
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
  /** The people a list of attendees names (bodies stand for their members), as expansion resolved them. */
  readonly attendees: AttendeeResolver;
  /** Conflict messages per occurrence, keyed `meeting|recurrenceId`; empty when conflict notes are off. */
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
export interface Rendered {
  readonly text: string;
  readonly events: number;
  readonly zones: readonly string[];
}

function toMs(stamp: string | number | Date): number {
  const ms =
    typeof stamp === "number"
      ? stamp
      : typeof stamp === "string"
        ? /(Z|[+-]\d{2}:\d{2})$/.test(stamp)
          ? Date.parse(stamp)
          : Number.NaN
        : stamp instanceof Date
          ? stamp.getTime()
          : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(
      `stamp: expected an ISO instant with an offset (2024-01-01T00:00:00Z), epoch milliseconds or a Date, got ${String(stamp)}`,
    );
  }
  return Math.floor(ms / 1000) * 1000;
}

/** Checks the arguments of a feed build and indexes what every feed of it reads. */
export function createContext(given: Schedule, source: FeedSource, options: FeedOptions): FeedContext {
  argLang(argOptions(options, "buildFeeds").lang, "buildFeeds");
  const schedule = ensureSchedule(given, "buildFeeds: schedule", options.lang);
  if (!isRecord(source) || !Array.isArray(source.occurrences) || !Array.isArray(source.conflicts)) {
    badArgument("buildFeeds: source", "the result of safeCheckSchedule (occurrences, conflicts, report)", source);
  }
  argReport(source.report, "buildFeeds: source.report");
  const lang: Lang = options.lang ?? schedule.locale ?? "vi";
  const labels = FEED_LABELS[lang];
  const domain = options.uidDomain ?? schedule.feeds?.uidDomain ?? DEFAULT_UID_DOMAIN;
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new UsageError(`uidDomain ${JSON.stringify(domain)}: expected a domain name`);
  const refresh = options.refresh ?? "PT1H";
  const span = parseDuration(refresh);
  if (!span || span.days * DAY + span.ms <= 0)
    throw new UsageError(`refresh ${JSON.stringify(refresh)}: expected an ISO 8601 duration such as PT1H`);
  const clockFor = zoneClocks();
  const names = new Map<string, string>();
  for (const list of [schedule.bodies, schedule.people, schedule.rooms]) for (const item of list) names.set(item.id, item.name);
  if (options.conflictNotes !== undefined && typeof options.conflictNotes !== "boolean")
    badArgument("buildFeeds: conflictNotes", "true or false", options.conflictNotes);
  const messages = new Map(source.report.conflicts.map((conflict) => [conflict.id, conflict.message]));
  const notes = new Map<string, string[]>();
  const withNotes = options.conflictNotes ?? schedule.feeds?.conflictNotes ?? true;
  for (const conflict of withNotes ? source.conflicts : []) {
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
    attendees: attendeeResolver(schedule),
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
