import { BudgetExceeded, stepBudget, type StepBudget } from "../limits";
import { buildRecurrence, spanBetween } from "../recurrence/series";
import { checkRRule, normalizeRRule } from "../recurrence/rrule-text";
import { DAY, formatDate, formatDuration, formatWall, parseDuration, parseWall, startOfDay } from "../time/wall";
import { isValidZone, zoneClocks, type ZoneClock } from "../time/zone";
import type { IcsComponent, IcsProperty } from "./content";
import { normalizeTzid, zoneResolver } from "./zones";

/** A warning of the conversion, as data: the catalogue words it (see `import/index.ts`). */
export type EventWarning =
  | { readonly kind: "unknown-zone"; readonly line: number; readonly zone: string; readonly fallback: string }
  | { readonly kind: "approximate-zone"; readonly line: number; readonly zone: string; readonly iana: string }
  | { readonly kind: "range-future"; readonly line: number }
  | { readonly kind: "component"; readonly line: number; readonly component: string }
  | { readonly kind: "rrule"; readonly line: number; readonly part: string }
  | { readonly kind: "no-start"; readonly line: number }
  | { readonly kind: "zero-length"; readonly line: number }
  | { readonly kind: "bad-value"; readonly line: number; readonly property: string; readonly value: string }
  | { readonly kind: "date-with-z"; readonly line: number; readonly value: string }
  | { readonly kind: "duplicate-override"; readonly line: number; readonly first: number }
  | { readonly kind: "holidays"; readonly line: number; readonly count: number }
  | { readonly kind: "free"; readonly line: number; readonly count: number }
  | { readonly kind: "cancelled"; readonly line: number; readonly count: number }
  | { readonly kind: "unknown-people"; readonly line: number; readonly emails: readonly string[]; readonly more: number }
  | { readonly kind: "unknown-locations"; readonly line: number; readonly locations: readonly string[]; readonly more: number };

/** What the conversion needs besides the file: the schedule's people and rooms, the source's settings. */
export interface ConvertOptions {
  readonly body?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly attendees?: readonly string[] | undefined;
  readonly room?: string | undefined;
  /** `all`: transparent and free events block too (default `busy`: they are left out). */
  readonly blocking?: "busy" | "all" | undefined;
  /** The zone of floating times without X-WR-TIMEZONE, and of TZIDs lichhop cannot resolve. */
  readonly timezone: string;
  readonly people?: readonly { readonly id: string; readonly email?: string | undefined }[] | undefined;
  readonly rooms?: readonly { readonly id: string; readonly name: string; readonly location?: string | undefined }[] | undefined;
  /** Meeting ids already in use: new ids avoid them (and are added). */
  readonly taken: Set<string>;
  /** The title of an event without SUMMARY. */
  readonly untitled: string;
  /** Steps the rule walks of this conversion may take (checking DTSTART against its RRULE). */
  readonly ruleSteps: number;
}

/** A meeting of the schedule file's shape, and the line of each of its fields (`""` the VEVENT's). */
export interface ConvertedMeeting {
  readonly meeting: Record<string, unknown>;
  readonly lines: Record<string, number>;
}

/** A date-time or date of the file: floating ms of its wall time, and how to read it. */
type IcsTime =
  | { readonly kind: "date"; readonly wall: number }
  | { readonly kind: "utc"; readonly wall: number }
  | { readonly kind: "zoned"; readonly wall: number; readonly zone: string }
  | { readonly kind: "floating"; readonly wall: number };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T::)?$/;

/** Floating ms of a wall time (setUTCFullYear, since Date.UTC reads years 0–99 as 1900–1999). */
function wallOf(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s));
  date.setUTCFullYear(y);
  return date.getTime();
}

/** FNV-1a of a text, 8 hex digits: a short stable suffix for ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * A meeting id from a UID: its part before `@`, lower-cased, accents and `đ` folded, anything else
 * a `-`; a long or empty one is cut and given a hash of the whole UID, so ids stay short, valid and
 * the same on every import.
 */
export function idFromUid(uid: string): string {
  const local = uid.split("@")[0] || uid;
  let slug = local
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/đ/g, "d")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > 40 || slug === "") slug = `${slug.slice(0, 24).replace(/-+$/, "")}-${hash(uid)}`.replace(/^-+/, "");
  return slug;
}

/** `id`, or `id-2`, `id-3`… the first not taken; the chosen one is taken. */
function uniqueId(id: string, taken: Set<string>): string {
  let chosen = id;
  for (let n = 2; taken.has(chosen); n++) chosen = `${id.slice(0, 60)}-${n}`;
  taken.add(chosen);
  return chosen;
}

const first = (component: IcsComponent, name: string): IcsProperty | undefined => component.properties.find((p) => p.name === name);
const all = (component: IcsComponent, name: string): IcsProperty[] => component.properties.filter((p) => p.name === name);
const text = (component: IcsComponent, name: string): string | undefined => {
  const value = first(component, name)?.values[0];
  return typeof value === "string" ? value : undefined;
};
const param = (property: IcsProperty, name: string): string | undefined => {
  const value = property.params[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Reads iCalendar events into meetings of the schedule file's shape. */
export function convertEvents(
  calendars: readonly IcsComponent[],
  options: ConvertOptions,
): { meetings: ConvertedMeeting[]; warnings: EventWarning[] } {
  const warnings: EventWarning[] = [];
  const clockFor = zoneClocks();
  const budget: StepBudget = stepBudget(options.ruleSteps);
  const components = calendars.flatMap((calendar) => calendar.components);
  const resolve = zoneResolver(
    components.filter((c) => c.name === "vtimezone"),
    [options.timezone],
  );
  const warnedZones = new Set<string>();
  const calendarZone = (() => {
    for (const calendar of calendars) {
      const wr = text(calendar, "x-wr-timezone");
      if (wr === undefined) continue;
      const zone = resolve(wr, 2000)?.zone;
      if (zone !== undefined) return zone;
    }
    return undefined;
  })();
  const floatingZone = calendarZone ?? options.timezone;
  const calendarName = calendars.map((c) => text(c, "x-wr-calname") ?? "").join(" ");
  const holidayCalendar = /holiday|ngày lễ|ngày nghỉ|feiertag|праздник|fériés|festivos/i.test(calendarName);

  const emails = new Map<string, string>();
  for (const person of options.people ?? []) if (person.email) emails.set(person.email.toLowerCase(), person.id);
  const places = new Map<string, string>();
  for (const room of options.rooms ?? []) {
    places.set(room.name.normalize("NFC").trim().toLowerCase(), room.id);
    if (room.location) places.set(room.location.normalize("NFC").trim().toLowerCase(), room.id);
  }
  const unknownEmails = new Map<string, number>();
  const unknownPlaces = new Map<string, number>();
  let holidays = 0;
  let holidayLine = 0;
  let free = 0;
  let freeLine = 0;
  let dropped = 0;
  let droppedLine = 0;

  for (const component of components) {
    if (component.name === "vtodo" || component.name === "vjournal") {
      warnings.push({ kind: "component", line: component.line, component: component.name.toUpperCase() });
    }
  }

  /** A DTSTART-like value (the `index`-th of the property), or undefined when unreadable (warned). */
  const readTime = (property: IcsProperty, index = 0): IcsTime | undefined => {
    const value = property.values[index];
    const raw = property.raw.split(",")[index]?.trim() ?? "";
    if (typeof value !== "string") {
      warnings.push({ kind: "bad-value", line: property.line, property: property.name.toUpperCase(), value: raw });
      return undefined;
    }
    if (/^\d{8}Z$/.test(raw)) warnings.push({ kind: "date-with-z", line: property.line, value: raw });
    const date = DATE.exec(value);
    if (date) return { kind: "date", wall: wallOf(Number(date[1]), Number(date[2]), Number(date[3])) };
    const m = DATE_TIME.exec(value);
    if (!m) {
      warnings.push({ kind: "bad-value", line: property.line, property: property.name.toUpperCase(), value: raw });
      return undefined;
    }
    const wall = wallOf(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    if (m[7] === "Z") return { kind: "utc", wall };
    const tzid = param(property, "tzid");
    if (tzid === undefined) return { kind: "floating", wall };
    const resolved = resolve(tzid, Number(m[1]));
    const name = normalizeTzid(tzid);
    if (!resolved) {
      if (!warnedZones.has(name)) {
        warnedZones.add(name);
        warnings.push({ kind: "unknown-zone", line: property.line, zone: name, fallback: options.timezone });
      }
      return { kind: "zoned", wall, zone: options.timezone };
    }
    if (resolved.approximate && !warnedZones.has(name)) {
      warnedZones.add(name);
      warnings.push({ kind: "approximate-zone", line: property.line, zone: name, iana: resolved.zone });
    }
    return { kind: "zoned", wall, zone: resolved.zone };
  };

  // Floating times are read in X-WR-TIMEZONE (else the source's zone); inside an event whose
  // DTSTART has a TZID, in that zone (Mozilla writes a zoned DTSTART with a floating DTEND).
  let eventFloating = floatingZone;
  const instantOf = (time: Exclude<IcsTime, { kind: "date" }>): number =>
    time.kind === "utc" ? time.wall : clockFor(time.kind === "zoned" ? time.zone : eventFloating).toInstant(time.wall);

  /** The wall time of `time` in the meeting's zone; a date stays a date, whatever the zones. */
  const wallIn = (time: IcsTime, clock: ZoneClock): number => (time.kind === "date" ? time.wall : clock.toWall(instantOf(time)));

  /** An all-day series names its occurrences by their local date, as the value wrote it. */
  const dayKey = (time: IcsTime): number => startOfDay(time.wall);

  const isFree = (event: IcsComponent): boolean =>
    text(event, "transp")?.toUpperCase() === "TRANSPARENT" || text(event, "x-microsoft-cdo-busystatus")?.toUpperCase() === "FREE";
  const blocks = (event: IcsComponent): boolean => options.blocking === "all" || !isFree(event);
  const cancelled = (event: IcsComponent): boolean => text(event, "status")?.toUpperCase() === "CANCELLED";

  const peopleOf = (event: IcsComponent): string[] => {
    const ids: string[] = [];
    for (const property of [...all(event, "organizer"), ...all(event, "attendee")]) {
      if (param(property, "partstat")?.toUpperCase() === "DECLINED") continue;
      const value = property.values[0];
      if (typeof value !== "string") continue;
      const email = value
        .replace(/^mailto:/i, "")
        .trim()
        .toLowerCase();
      if (!email) continue;
      const id = emails.get(email);
      if (id !== undefined) {
        if (!ids.includes(id)) ids.push(id);
      } else if (!unknownEmails.has(email)) unknownEmails.set(email, property.line);
    }
    return ids;
  };

  const roomOf = (event: IcsComponent): string | undefined => {
    const location = first(event, "location");
    const value = typeof location?.values[0] === "string" ? (location.values[0] as string).normalize("NFC").trim() : "";
    if (!value || !location) return undefined;
    const id = places.get(value.toLowerCase());
    if (id === undefined && !unknownPlaces.has(value)) unknownPlaces.set(value, location.line);
    return id;
  };

  const format = (wall: number, allDay: boolean): string => (allDay ? formatDate(wall) : formatWall(wall));

  /** The end of an event as the file's `end` (inclusive last day when all-day) or `duration`; undefined when it has none or none that lasts. */
  const endOf = (
    event: IcsComponent,
    start: IcsTime,
    clock: ZoneClock,
  ): { end?: string; duration?: string; line?: number; zero?: boolean } => {
    const dtend = first(event, "dtend");
    const duration = first(event, "duration");
    const allDay = start.kind === "date";
    if (dtend) {
      const end = readTime(dtend);
      if (!end) return {};
      if (allDay) {
        const last = (end.kind === "date" ? end.wall : startOfDay(wallIn(end, clock))) - DAY;
        return last > start.wall ? { end: formatDate(last), line: dtend.line } : {};
      }
      if (end.kind === "date") return { zero: true };
      const startWall = wallIn(start, clock);
      const endWall = wallIn(end, clock);
      if (instantOf(end) <= instantOf(start as Exclude<IcsTime, { kind: "date" }>)) return { zero: true };
      return {
        end: formatWall(endWall > startWall ? endWall : startWall + (instantOf(end) - instantOf(start as never))),
        line: dtend.line,
      };
    }
    if (duration && typeof duration.values[0] === "string") {
      const value = (duration.values[0] as string).replace(/^\+/, "");
      const span = parseDuration(value);
      if (!span) {
        warnings.push({ kind: "bad-value", line: duration.line, property: "DURATION", value: duration.raw });
        return allDay ? {} : { zero: true };
      }
      if (span.days === 0 && span.ms === 0) return allDay ? {} : { zero: true };
      return { duration: value, line: duration.line };
    }
    return allDay ? {} : { zero: true };
  };

  const uidOf = (event: IcsComponent): string => text(event, "uid")?.trim() || `ics-${event.line}`;

  const events = components.filter((c) => c.name === "vevent");
  const masters = new Map<string, IcsComponent>();
  const overrides = new Map<string, IcsComponent[]>();
  const order: { uid: string; event: IcsComponent; master: boolean }[] = [];
  for (const event of events) {
    const uid = uidOf(event);
    if (first(event, "recurrence-id")) {
      const list = overrides.get(uid) ?? [];
      list.push(event);
      overrides.set(uid, list);
      order.push({ uid, event, master: false });
    } else if (!masters.has(uid)) {
      masters.set(uid, event);
      order.push({ uid, event, master: true });
    } else {
      // A second event with a UID already used: its own meeting.
      order.push({ uid: `${uid}#${event.line}`, event, master: true });
    }
  }

  const meetings: ConvertedMeeting[] = [];

  /** The meeting of one event (a master, or an override without one), with its overrides as changes. */
  const convert = (uid: string, event: IcsComponent, own: readonly IcsComponent[], idSuffix = ""): void => {
    if (cancelled(event)) {
      dropped++;
      droppedLine ||= event.line;
      return;
    }
    if (!blocks(event)) {
      free++;
      freeLine ||= event.line;
      return;
    }
    const dtstart = first(event, "dtstart");
    if (!dtstart) {
      warnings.push({ kind: "no-start", line: event.line });
      return;
    }
    const start = readTime(dtstart);
    if (!start) return;
    const allDay = start.kind === "date";
    eventFloating = start.kind === "zoned" ? start.zone : floatingZone;
    if (allDay && holidayCalendar) {
      holidays++;
      holidayLine ||= event.line;
      return;
    }
    const rrule = idSuffix === "" ? first(event, "rrule") : undefined;
    const rdates = idSuffix === "" ? all(event, "rdate") : [];
    const recurring = rrule !== undefined || rdates.length > 0;
    const zone = start.kind === "zoned" ? start.zone : start.kind === "utc" ? (recurring ? "UTC" : floatingZone) : floatingZone;
    const clock = clockFor(isValidZone(zone) ? zone : "UTC");
    const lines: Record<string, number> = { "": event.line, start: dtstart.line, timezone: dtstart.line };
    let startWall = wallIn(start, clock);
    const end = endOf(event, start, clock);
    if (end.zero) {
      warnings.push({ kind: "zero-length", line: event.line });
      return;
    }
    const meeting: Record<string, unknown> = {
      id: uniqueId(idFromUid(uid.split("#")[0] as string) + idSuffix, options.taken),
      title: text(event, "summary")?.trim() || options.untitled,
    };
    const uidProperty = first(event, "uid");
    if (uidProperty) lines.id = uidProperty.line;
    const summary = first(event, "summary");
    if (summary) lines.title = summary.line;
    if (options.body !== undefined) meeting.body = options.body;
    meeting.start = format(startWall, allDay);
    if (end.end !== undefined) meeting.end = end.end;
    if (end.duration !== undefined) meeting.duration = end.duration;
    if (end.line !== undefined) lines[end.end !== undefined ? "end" : "duration"] = end.line;

    const extra: { wall: number; line: number; end?: string; duration?: string }[] = [];
    for (const property of rdates) {
      for (let i = 0; i < property.values.length; i++) {
        const value = property.values[i];
        if (Array.isArray(value)) {
          // A PERIOD: an added occurrence with its own end or duration.
          const [from, to] = value as [string, string];
          const periodStart = readTime({ ...property, values: [from] });
          if (!periodStart || periodStart.kind === "date") continue;
          const wall = allDay ? startOfDay(wallIn(periodStart, clock)) : wallIn(periodStart, clock);
          const toTime = DATE_TIME.test(to) ? readTime({ ...property, values: [to] }) : undefined;
          if (toTime && toTime.kind !== "date") extra.push({ wall, line: property.line, end: formatWall(wallIn(toTime, clock)) });
          else extra.push({ wall, line: property.line, duration: to.replace(/^\+/, "") });
          continue;
        }
        const time = readTime(property, i);
        if (!time) continue;
        const wall = allDay ? dayKey(time) : time.kind === "date" ? time.wall + (startWall - startOfDay(startWall)) : wallIn(time, clock);
        extra.push({ wall, line: property.line });
      }
    }

    if (rrule) {
      const problems = checkRRule(rrule.raw);
      if (problems.length > 0) {
        warnings.push({ kind: "rrule", line: rrule.line, part: problems[0]?.part ?? rrule.raw });
      } else {
        let repeat = normalizeRRule(rrule.raw);
        // An all-day series ends on the date UNTIL writes (Exchange gives a UTC time, whose date
        // ical.js and python-dateutil take as it is written, never shifted to a zone).
        if (allDay) repeat = repeat.replace(/(^|;)UNTIL=(\d{8})T\d{6}Z?/, "$1UNTIL=$2");
        // DTSTART is the first occurrence whether or not the rule yields it (RFC 5545 §3.8.5.3)
        // and counts towards COUNT; lichhop's start must be one of the rule's, so an off-rule
        // DTSTART becomes an added occurrence and the rule starts at its first own occurrence.
        try {
          const rule = buildRecurrence(repeat, startWall, allDay, clock, budget);
          const inRule = rule.between(startWall, startWall, 1);
          if (!inRule || inRule.length === 0) {
            const count = /(?:^|;)COUNT=(\d+)/.exec(repeat);
            const next = rule.after(startWall, Date.UTC(2101, 0, 1));
            extra.push({ wall: startWall, line: dtstart.line });
            if (next === undefined || (count && Number(count[1]) <= 1)) {
              repeat = "";
            } else {
              if (count) repeat = repeat.replace(/(^|;)COUNT=\d+/, `$1COUNT=${Number(count[1]) - 1}`);
              const shift = next - startWall;
              startWall = next;
              meeting.start = format(startWall, allDay);
              if (meeting.end !== undefined) {
                // The end moves with the start: kept as the duration it gave.
                const endWall = parseWall(meeting.end as string)?.wall ?? startWall;
                meeting.duration = formatDuration(spanBetween(startWall - shift, endWall, allDay));
                delete meeting.end;
                if (lines.end !== undefined) lines.duration = lines.end;
                delete lines.end;
              }
            }
          }
          if (repeat !== "") {
            meeting.repeat = repeat;
            lines.repeat = rrule.line;
          }
        } catch (error) {
          if (!(error instanceof BudgetExceeded)) throw error;
          warnings.push({ kind: "rrule", line: rrule.line, part: rrule.raw });
        }
      }
    }

    const except: { value: string; line: number }[] = [];
    for (const property of idSuffix === "" ? all(event, "exdate") : []) {
      for (let i = 0; i < property.values.length; i++) {
        const time = readTime(property, i);
        if (!time) continue;
        if (allDay) except.push({ value: formatDate(dayKey(time)), line: property.line });
        else if (time.kind === "date") except.push({ value: formatDate(time.wall), line: property.line });
        else except.push({ value: formatWall(wallIn(time, clock)), line: property.line });
      }
    }
    if (except.length > 0) {
      meeting.except = except.map((e) => e.value);
      except.forEach((e, i) => {
        lines[`except.${i}`] = e.line;
      });
    }
    const extraSeen = new Set<number>([startWall]);
    const extras = extra.filter((e) => !extraSeen.has(e.wall) && extraSeen.add(e.wall));
    if (extras.length > 0) {
      meeting.extra = extras.map((e) => format(e.wall, allDay));
      extras.forEach((e, i) => {
        lines[`extra.${i}`] = e.line;
      });
    }

    const changes: Record<string, unknown>[] = [];
    const changeLines: number[] = [];
    for (const e of extras) {
      if (e.end === undefined && e.duration === undefined) continue;
      changes.push({ occurrence: format(e.wall, allDay), ...(e.end !== undefined ? { end: e.end } : { duration: e.duration }) });
      changeLines.push(e.line);
    }
    const byKey = new Map<string, number>();
    const seriesLength =
      !allDay && meeting.end !== undefined
        ? (parseWall(meeting.end as string)?.wall ?? 0) - (parseWall(meeting.start as string)?.wall ?? 0)
        : undefined;
    const baseAttendees = peopleOf(event);
    const baseRoom = roomOf(event);
    for (const override of own) {
      const rid = first(override, "recurrence-id") as IcsProperty;
      if (param(rid, "range")?.toUpperCase() === "THISANDFUTURE") warnings.push({ kind: "range-future", line: rid.line });
      const key = readTime(rid);
      if (!key) continue;
      const occurrence = allDay || key.kind === "date" ? formatDate(allDay ? dayKey(key) : key.wall) : formatWall(wallIn(key, clock));
      const change: Record<string, unknown> = { occurrence };
      if (cancelled(override) || !blocks(override)) {
        change.cancelled = true;
      } else {
        const overrideStart = first(override, "dtstart");
        const time = overrideStart ? readTime(overrideStart) : undefined;
        if (time) {
          const newStart = format(wallIn(time, clock), time.kind === "date");
          if (newStart !== occurrence) change.start = newStart;
          const overrideEnd = endOf(override, time, clock);
          // The series' own length (Outlook repeats DTEND in every override) changes nothing.
          const sameLength =
            change.start === undefined &&
            overrideEnd.end !== undefined &&
            time.kind !== "date" &&
            key.kind !== "date" &&
            seriesLength !== undefined &&
            (parseWall(overrideEnd.end)?.wall ?? 0) - wallIn(time, clock) === seriesLength;
          if (sameLength) {
            // nothing to change
          } else if (overrideEnd.end !== undefined) change.end = overrideEnd.end;
          else if (overrideEnd.duration !== undefined) change.duration = overrideEnd.duration;
          else if (time.kind === "date" && !allDay) change.end = newStart;
        }
        const title = text(override, "summary")?.trim();
        if (title && title !== meeting.title) change.title = title;
        const room = roomOf(override);
        if (room !== undefined && room !== baseRoom) change.room = room;
        const people = peopleOf(override);
        if (people.length > 0 && people.join() !== baseAttendees.join())
          change.attendees = [...new Set([...(options.attendees ?? []), ...people])];
      }
      // An override that repeats its occurrence as it is (Outlook, Lotus) changes nothing.
      if (Object.keys(change).length === 1) continue;
      const earlier = byKey.get(occurrence);
      if (earlier !== undefined) {
        warnings.push({ kind: "duplicate-override", line: override.line, first: changeLines[earlier] as number });
        changes[earlier] = change;
        changeLines[earlier] = override.line;
        continue;
      }
      byKey.set(occurrence, changes.length);
      changes.push(change);
      changeLines.push(override.line);
    }
    if (changes.length > 0) {
      meeting.changes = changes;
      changeLines.forEach((line, i) => {
        lines[`changes.${i}`] = line;
      });
    }
    const attendees = [...new Set([...(options.attendees ?? []), ...baseAttendees])];
    if (attendees.length > 0) meeting.attendees = attendees;
    const attendee = first(event, "attendee") ?? first(event, "organizer");
    if (attendee) lines.attendees = attendee.line;
    const room = baseRoom ?? options.room;
    if (room !== undefined) meeting.room = room;
    const location = first(event, "location");
    if (location) lines.room = location.line;
    meeting.timezone = clock.zone;
    if (options.tags && options.tags.length > 0) meeting.tags = [...options.tags];
    const description = text(event, "description")?.trim();
    if (description) meeting.description = description;
    meetings.push({ meeting, lines });
  };

  for (const { uid, event, master } of order) {
    if (master) {
      convert(uid, event, uid.includes("#") ? [] : (overrides.get(uid) ?? []));
    } else if (!masters.has(uid)) {
      // An override without its master (a shared instance, a Google birthday): a one-off event.
      const rid = first(event, "recurrence-id") as IcsProperty;
      const key = typeof rid.values[0] === "string" ? (rid.values[0] as string).replace(/[^0-9]/g, "").slice(0, 12) : String(rid.line);
      convert(uid, event, [], `-${key}`);
    }
  }
  if (holidays > 0) warnings.push({ kind: "holidays", line: holidayLine, count: holidays });
  if (free > 0) warnings.push({ kind: "free", line: freeLine, count: free });
  if (dropped > 0) warnings.push({ kind: "cancelled", line: droppedLine, count: dropped });
  const firstOf = (found: Map<string, number>) => [...found.keys()].slice(0, 5);
  if (unknownEmails.size > 0) {
    warnings.push({
      kind: "unknown-people",
      line: [...unknownEmails.values()][0] as number,
      emails: firstOf(unknownEmails),
      more: Math.max(0, unknownEmails.size - 5),
    });
  }
  if (unknownPlaces.size > 0 && options.room === undefined) {
    warnings.push({
      kind: "unknown-locations",
      line: [...unknownPlaces.values()][0] as number,
      locations: firstOf(unknownPlaces),
      more: Math.max(0, unknownPlaces.size - 5),
    });
  }
  return { meetings, warnings };
}
