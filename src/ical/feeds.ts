import { ScheduleError, UsageError } from "../errors";
import { badArgument } from "../internal/args";
import { issueFactory } from "../source";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import type { Meeting } from "../schema/schedule";
import { conflictEvents } from "./conflict-events";
import { createContext, type FeedContext, type FeedOptions, type FeedSource, type Rendered } from "./context";
import { seriesEvents } from "./series-events";
import { escapeText, serializeLines, type Lines } from "./text";
import { generateVtimezone } from "./vtimezone";

/** One feed: every meeting, one body's, one person's, one room's, or the conflicts. */
export type FeedSelector =
  | { readonly kind: "all" }
  | { readonly kind: "body"; readonly id: string }
  | { readonly kind: "person"; readonly id: string }
  | { readonly kind: "room"; readonly id: string }
  | { readonly kind: "conflicts" };

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

function feedName(ctx: FeedContext, selector: FeedSelector): string {
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
function selectedOccurrences(ctx: FeedContext, selector: FeedSelector): readonly Occurrence[] {
  if (selector.kind === "all" || selector.kind === "conflicts") return ctx.source.occurrences;
  return ctx.byFeed.get(`${selector.kind}:${selector.id}`) ?? [];
}

/** Occurrences grouped by meeting, the groups in the meetings' file order. */
function groupByMeeting(ctx: FeedContext, occurrences: readonly Occurrence[]): [string, Occurrence[]][] {
  const lists = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = lists.get(o.meeting);
    if (list) list.push(o);
    else lists.set(o.meeting, [o]);
  }
  return [...lists].sort((a, b) => (ctx.meetingOrder.get(a[0]) ?? 0) - (ctx.meetingOrder.get(b[0]) ?? 0));
}

/** Renders a meeting's events as text; a meeting with all its occurrences is rendered once per context. */
function renderMeeting(ctx: FeedContext, meeting: Meeting, list: readonly Occurrence[]): Rendered {
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

/** The VTIMEZONE of a zone, once per context: the supplied one, else one generated for the horizon's years and one either side. */
function vtimezoneOf(ctx: FeedContext, zone: string): string {
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

/** One feed: its VCALENDAR header, the VTIMEZONE of every zone its events name, then the events. */
function buildOne(ctx: FeedContext, selector: FeedSelector): Feed {
  if (selector.kind !== "all" && selector.kind !== "conflicts" && !ctx.names.has(selector.id)) {
    throw new UsageError(`no ${selector.kind} with id "${selector.id}" in the schedule`);
  }
  const zones = new Set<string>();
  let body = "";
  let events = 0;
  if (selector.kind === "conflicts") {
    for (const event of conflictEvents(ctx)) {
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
  const selectors = feedSelectors(ctx.schedule);
  checkEventCount(ctx, selectors, options.maxEvents);
  return selectors.map((selector) => buildOne(ctx, selector));
}

/** The default of {@link FeedOptions.maxEvents}. */
export const DEFAULT_MAX_EVENTS = 150_000;

/**
 * Counts the events the feeds would hold before any is written (an occurrence each when
 * expanded, a series each otherwise, and the conflicts) and refuses more than `max`.
 */
function checkEventCount(ctx: FeedContext, selectors: readonly FeedSelector[], given: unknown): void {
  if (given !== undefined && !(Number.isSafeInteger(given) && (given as number) > 0))
    badArgument("buildFeeds: maxEvents", "a positive whole number", given);
  const max = (given as number | undefined) ?? DEFAULT_MAX_EVENTS;
  let total = 0;
  for (const selector of selectors) {
    if (selector.kind === "conflicts") {
      total += ctx.source.conflicts.length;
    } else if (ctx.expand) {
      total += selectedOccurrences(ctx, selector).length;
    } else {
      total += new Set(selectedOccurrences(ctx, selector).map((o) => o.meeting)).size;
    }
    if (total > max) {
      const make = issueFactory({ lang: ctx.lang, source: ctx.schedule.source });
      throw new ScheduleError([make("too-many-events", [], "too-many-events", { max, expand: ctx.expand })]);
    }
  }
}

/**
 * Builds one iCalendar feed of a checked schedule (see {@link buildFeeds}) and returns its text.
 * Throws a `UsageError` when the selector names no body, person or room of the schedule.
 *
 * @example
 * const ics = formatICalendar(schedule, result, { kind: "person", id: "doan-thi-hau" }, { stamp: 0 });
 */
export function formatICalendar(schedule: Schedule, source: FeedSource, selector: FeedSelector, options: FeedOptions): string {
  return buildOne(createContext(schedule, source, options), selector).ics;
}
