import ICAL from "ical.js";
import type { Occurrence } from "../../src/recurrence/occurrence";
import { zoneClock } from "../../src/time/zone";

/** One occurrence as an independent parser sees it: meeting id, start and end as comparable keys. */
export interface Seen {
  readonly meeting: string;
  readonly start: string;
  readonly end: string;
}

const key = (time: ICAL.Time): string => (time.isDate ? time.toString() : new Date(time.toJSDate().getTime()).toISOString());

/** Expands every VEVENT of a feed with ical.js (its own RRULE engine and the feed's VTIMEZONEs). */
export function expandWithIcalJs(ics: string, cap = 20_000): Seen[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const byUid = new Map<string, { master?: ICAL.Component; exceptions: ICAL.Component[] }>();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const uid = String(vevent.getFirstPropertyValue("uid"));
    const entry = byUid.get(uid) ?? { exceptions: [] };
    if (vevent.hasProperty("recurrence-id")) entry.exceptions.push(vevent);
    else entry.master = vevent;
    byUid.set(uid, entry);
  }
  const seen: Seen[] = [];
  for (const [uid, { master, exceptions }] of byUid) {
    if (!master) throw new Error(`override without master: ${uid}`);
    const meeting = uid.replace(/@.*$/, "").replace(/-\d{8}T\d{4}$/, "");
    // strictExceptions: without it ical.js relates every RECURRENCE-ID in the file, whatever its UID.
    const event = new ICAL.Event(master, { strictExceptions: true, exceptions });
    if (!event.isRecurring()) {
      seen.push({ meeting, start: key(event.startDate), end: key(event.endDate) });
      continue;
    }
    const iterator = event.iterator();
    let count = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++count > cap) throw new Error(`${uid}: more than ${cap} occurrences`);
      const details = event.getOccurrenceDetails(next);
      seen.push({ meeting, start: key(details.startDate), end: key(details.endDate) });
    }
  }
  return seen.sort(compareSeen);
}

/** The same keys for lichhop's own occurrences (all-day: local dates; else UTC instants). */
export function expected(occurrences: readonly Occurrence[]): Seen[] {
  return occurrences
    .map((o) => {
      if (!o.allDay) return { meeting: o.meeting, start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString() };
      const clock = zoneClock(o.zone);
      const date = (instant: number) => new Date(clock.toWall(instant)).toISOString().slice(0, 10);
      return { meeting: o.meeting, start: date(o.start), end: date(o.end) };
    })
    .sort(compareSeen);
}

export function compareSeen(a: Seen, b: Seen): number {
  return a.meeting < b.meeting
    ? -1
    : a.meeting > b.meeting
      ? 1
      : a.start < b.start
        ? -1
        : a.start > b.start
          ? 1
          : a.end < b.end
            ? -1
            : a.end > b.end
              ? 1
              : 0;
}
