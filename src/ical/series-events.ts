import type { Occurrence } from "../recurrence/occurrence";
import { listedAttendees } from "../recurrence/membership";
import { resolveChanges, type Series } from "../recurrence/series";
import { normalizeRRule } from "../recurrence/rrule-text";
import type { Meeting } from "../schema/schedule";
import { addSpan, DAY, formatDuration } from "../time/wall";
import type { FeedContext } from "./context";
import { conflictNotes, contentLines, occurrenceContent } from "./internal/event-content";
import { dateTimeProp, isExactWall, latestInstant, wallLabel, wallList } from "./internal/times";
import { icalDate, icalLocal, icalUtc, type Lines } from "./text";

/** VEVENT lines of one occurrence with its own times. */
function occurrenceEvent(
  ctx: FeedContext,
  meeting: Meeting,
  series: Series,
  o: Occurrence,
  uid: string,
  recurrenceId: string | undefined,
): Lines {
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
export function seriesEvents(ctx: FeedContext, meeting: Meeting, occurrences: readonly Occurrence[]): Lines[] {
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
  // The master lists the people of its first occurrence; others whose people differ get an override.
  const attendees = ctx.attendees(listedAttendees(meeting), dtstart);
  const changes = meeting.changes?.length ? resolveChanges(series).changes : undefined;
  const cancelled = changes ? exdates.filter((wall) => changes.get(wall)?.cancelled === true) : [];
  const masterNotes = conflictNotes(
    ctx,
    ids.map((id) => `${meeting.id}|${id}`),
  );
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
      o.withdrawn === undefined &&
      !atRisk(id, o.start, o.end);
    if (same) continue;
    const recurrenceId = allDay ? `RECURRENCE-ID;VALUE=DATE:${icalDate(id)}` : `RECURRENCE-ID;TZID=${clock.zone}:${icalLocal(id)}`;
    events.push(occurrenceEvent(ctx, meeting, series, o, uid, recurrenceId));
  }
  return events;
}
