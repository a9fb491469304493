import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";
import { zoneClock } from "../../src/time/zone";

/** One occurrence as a comparable key: all-day ones as local dates, the rest as UTC instants. */
export type Key = string;

const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");

/**
 * Expands every VEVENT of an .ics text with ical.js alone: masters with their RECURRENCE-ID
 * overrides (same UID), overrides without a master as one-off events, cancelled ones left out.
 * Floating times are read in `floating`; TZIDs without a VTIMEZONE are given the IANA zone's
 * VTIMEZONE (from @touch4it/ical-timezones), as lichhop resolves them. Occurrences starting in
 * [from, to) instants, as sorted keys `start/end`.
 */
export function icalJsOccurrences(text: string, floating: string, from: number, to: number, cap = 50_000): Key[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents("vevent");
  for (const event of events) {
    for (const name of ["dtstart", "dtend", "exdate", "rdate", "recurrence-id"]) {
      for (const prop of event.getAllProperties(name)) {
        const tzid = prop.getParameter("tzid");
        if (typeof tzid === "string" && !ICAL.TimezoneService.has(tzid)) {
          const vtz = getVtimezoneComponent(tzid);
          if (vtz)
            ICAL.TimezoneService.register(
              new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${vtz}\r\nEND:VCALENDAR`)).getFirstSubcomponent(
                "vtimezone",
              ) as ICAL.Component,
            );
        }
      }
    }
  }
  const clock = zoneClock(floating);
  const instant = (time: ICAL.Time): number => {
    const zone = time.zone;
    if (!zone || zone.tzid === "floating") {
      return clock.toInstant(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
    }
    return time.toUnixTime() * 1000;
  };
  const key = (start: ICAL.Time, end: ICAL.Time): Key =>
    start.isDate ? `${start.toString()}/${end.toString()}` : `${iso(instant(start))}/${iso(instant(end))}`;
  const inWindow = (start: ICAL.Time): boolean => {
    const at = start.isDate ? clock.toInstant(Date.UTC(start.year, start.month - 1, start.day)) : instant(start);
    return at >= from && at < to;
  };
  const cancelled = (c: ICAL.Component) => String(c.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";
  const masters = new Map<string, ICAL.Component>();
  for (const event of events) if (!event.hasProperty("recurrence-id")) masters.set(String(event.getFirstPropertyValue("uid")), event);
  const out: Key[] = [];
  for (const component of events) {
    const uid = String(component.getFirstPropertyValue("uid"));
    const isOverride = component.hasProperty("recurrence-id");
    if (isOverride && masters.has(uid)) continue;
    if (cancelled(component)) continue;
    const exceptions = isOverride
      ? []
      : events.filter((e) => e !== component && e.hasProperty("recurrence-id") && String(e.getFirstPropertyValue("uid")) === uid);
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions });
    if (isOverride || !event.isRecurring()) {
      if (inWindow(event.startDate)) out.push(key(event.startDate, event.endDate));
      continue;
    }
    const iterator = event.iterator();
    let count = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++count > cap) throw new Error(`${uid}: more than ${cap} occurrences`);
      const details = event.getOccurrenceDetails(next);
      if (details.item !== event && cancelled(details.item.component)) continue;
      if (!next.isDate && instant(next) >= to && details.startDate.compare(next) >= 0) break;
      if (next.isDate && clock.toInstant(Date.UTC(next.year, next.month - 1, next.day)) >= to + 86_400_000 * 400) break;
      if (inWindow(details.startDate)) out.push(key(details.startDate, details.endDate));
    }
  }
  return out.sort();
}

/** The same keys for lichhop's occurrences. */
export function lichhopKeys(occurrences: readonly { start: number; end: number; allDay: boolean; zone: string }[]): Key[] {
  return occurrences
    .map((o) => {
      if (!o.allDay) return `${iso(o.start)}/${iso(o.end)}`;
      const clock = zoneClock(o.zone);
      const date = (ms: number) => new Date(clock.toWall(ms)).toISOString().slice(0, 10);
      return `${date(o.start)}/${date(o.end)}`;
    })
    .sort();
}
