// Generated schedules for the feed round trips: meetings of every rule shape lichhop writes, in
// DST zones and not, with except, extra and changes picked among their real occurrences.
import fc from "fast-check";
import { safeExpandSchedule } from "../../src/expand";
import { safeValidateSchedule } from "../../src/load/parse";
import type { ScheduleFileInput } from "../../src/schema/schedule";
import { formatDate, formatWall } from "../../src/time/wall";

export const ZONES = ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York"] as const;
const HORIZONS = [
  { from: "2024-01-01", to: "2024-12-31" },
  { from: "2023-10-15", to: "2024-04-15" },
  { from: "2024-03-01", to: "2024-11-30" },
] as const;
const WD = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
const RULES = ["none", "daily", "weekly2", "biweekly", "monthday", "nth", "last", "setpos", "yearly"] as const;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export const meetingArb = fc.record({
  allDay: fc.boolean(),
  zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  month: fc.integer({ min: 0, max: 15 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.constantFrom(0, 30),
  minutes: fc.integer({ min: 1, max: 20 }).map((n) => n * 15),
  days: fc.constantFrom(0, 0, 0, 1, 2),
  rule: fc.constantFrom(...RULES),
  interval: fc.integer({ min: 1, max: 3 }),
  limit: fc.constantFrom("none", "none", "count", "until", "untilZ"),
  count: fc.integer({ min: 1, max: 15 }),
  untilMonth: fc.integer({ min: 0, max: 15 }),
  onDayOff: fc.constantFrom(undefined, undefined, "skip", "next-working-day", "previous-working-day"),
  people: fc.subarray(["an", "binh"]),
  room: fc.option(fc.constantFrom("p1", "p2"), { nil: undefined }),
  body: fc.constantFrom("b1", "b2"),
  except: fc.array(fc.nat(), { maxLength: 2 }),
  exceptDay: fc.boolean(),
  cancel: fc.array(fc.nat(), { maxLength: 2 }),
  move: fc.array(fc.record({ at: fc.nat(), hours: fc.integer({ min: -50, max: 50 }).filter((h) => h !== 0), longer: fc.boolean() }), {
    maxLength: 2,
  }),
  retitle: fc.array(fc.nat(), { maxLength: 2 }),
  extra: fc.array(
    fc.record({ month: fc.integer({ min: 0, max: 14 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }) }),
    { maxLength: 2 },
  ),
});

export type MeetingSpec = typeof meetingArb extends fc.Arbitrary<infer T> ? T : never;

export function baseMeeting(spec: MeetingSpec, index: number): Record<string, unknown> {
  let start = new Date(Date.UTC(2023, 9 + spec.month, spec.day));
  const weekday = start.getUTCDay();
  let repeat: string | undefined;
  const interval = spec.interval > 1 ? `;INTERVAL=${spec.interval}` : "";
  switch (spec.rule) {
    case "daily":
      repeat = `FREQ=DAILY;INTERVAL=${spec.interval + 1}`;
      break;
    case "weekly2":
      repeat = `FREQ=WEEKLY;BYDAY=${WD[weekday]},${WD[(weekday + 2) % 7]}`;
      break;
    case "biweekly":
      repeat = `FREQ=WEEKLY;INTERVAL=2`;
      break;
    case "monthday":
      repeat = `FREQ=MONTHLY;BYMONTHDAY=${start.getUTCDate()}${interval}`;
      break;
    case "nth":
      repeat = `FREQ=MONTHLY;BYDAY=${Math.ceil(start.getUTCDate() / 7)}${WD[weekday]}`;
      break;
    case "last": {
      const last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
      last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7));
      start = last;
      repeat = `FREQ=MONTHLY;BYDAY=-1${WD[weekday]}`;
      break;
    }
    case "setpos": {
      const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
      let seen = 0;
      while (true) {
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && ++seen === 2) break;
        d.setUTCDate(d.getUTCDate() - 1);
      }
      start = d;
      repeat = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2";
      break;
    }
    case "yearly":
      repeat = "FREQ=YEARLY";
      break;
    default:
      repeat = undefined;
  }
  if (repeat && spec.limit === "count") repeat += `;COUNT=${spec.count}`;
  const until = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1 + (spec.untilMonth % 12), 10, 12));
  if (repeat && spec.limit === "until") repeat += `;UNTIL=${iso(until).replace(/-/g, "")}`;
  if (repeat && spec.limit === "untilZ") repeat += `;UNTIL=${iso(until).replace(/-/g, "")}T120000Z`;
  const date = iso(start);
  const meeting: Record<string, unknown> = {
    id: `m${index}`,
    title: `Họp số ${index}, phiên "A"; thử`,
    body: spec.body,
    start: spec.allDay ? date : `${date}T${pad(spec.hour)}:${pad(spec.minute)}`,
    attendees: spec.people,
  };
  if (spec.allDay) meeting.end = iso(new Date(start.getTime() + spec.days * 86_400_000));
  else meeting.duration = spec.days > 0 ? `P${spec.days}DT${Math.floor(spec.minutes / 60)}H${spec.minutes % 60}M` : `PT${spec.minutes}M`;
  if (repeat) meeting.repeat = repeat;
  if (spec.room) meeting.room = spec.room;
  if (spec.zone) meeting.timezone = spec.zone;
  if (spec.onDayOff) meeting.onDayOff = spec.onDayOff;
  return meeting;
}

export function file(zone: string, horizon: { from: string; to: string }, meetings: Record<string, unknown>[]): ScheduleFileInput {
  return {
    version: 1,
    timezone: zone,
    horizon,
    bodies: [
      { id: "b1", name: "Ban Một" },
      { id: "b2", name: "Ban Hai" },
    ],
    people: [
      { id: "an", name: "Nguyễn Văn An", email: "an@example.vn" },
      { id: "binh", name: "Trần Thị Bình" },
    ],
    rooms: [
      { id: "p1", name: "Phòng 1" },
      { id: "p2", name: "Phòng 2" },
    ],
    meetings: meetings as unknown as ScheduleFileInput["meetings"],
  } as ScheduleFileInput;
}

/** Adds except, extra and changes picked among the meeting's real original starts. */
export function decorate(meeting: Record<string, unknown>, spec: MeetingSpec, originals: readonly number[]): Record<string, unknown> {
  const allDay = spec.allDay;
  const name = (wall: number) => (allDay ? formatDate(wall) : formatWall(wall));
  const used = new Set<number>();
  const take = (n: number): number | undefined => {
    if (originals.length === 0) return undefined;
    const wall = originals[n % originals.length] as number;
    if (used.has(wall)) return undefined;
    used.add(wall);
    return wall;
  };
  const except: string[] = [];
  for (const n of spec.except) {
    const wall = take(n);
    if (wall !== undefined) except.push(spec.exceptDay || allDay ? formatDate(wall) : formatWall(wall));
  }
  const changes: Record<string, unknown>[] = [];
  for (const n of spec.cancel) {
    const wall = take(n);
    if (wall !== undefined) changes.push({ occurrence: name(wall), cancelled: true });
  }
  for (const m of spec.move) {
    const wall = take(m.at);
    if (wall === undefined) continue;
    const moved = allDay ? wall + Math.round(m.hours / 24) * 86_400_000 : wall + m.hours * 3_600_000;
    changes.push({ occurrence: name(wall), start: name(moved), ...(m.longer && !allDay ? { duration: "PT4H" } : {}) });
  }
  for (const n of spec.retitle) {
    const wall = take(n);
    if (wall !== undefined) changes.push({ occurrence: name(wall), title: "Đổi: họp\nbất thường", room: "p2", attendees: ["an"] });
  }
  const extra = spec.extra.map((e) => {
    const d = iso(new Date(Date.UTC(2023, 10 + e.month, e.day)));
    return allDay ? d : `${d}T${pad(e.hour)}:15`;
  });
  const out = { ...meeting };
  // A date in `except` removes every occurrence that day: keep only those not also changed.
  const changed = new Set(changes.map((c) => String(c.occurrence).slice(0, 10)));
  const kept = except.filter((e) => !changed.has(e.slice(0, 10)));
  if (kept.length > 0) out.except = kept;
  if (extra.length > 0) out.extra = extra;
  if (changes.length > 0) out.changes = changes;
  return out;
}

export const scheduleArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  horizon: fc.constantFrom(...HORIZONS),
  meetings: fc.array(meetingArb, { minLength: 1, maxLength: 4 }),
});

/**
 * The schedule of generated specs: validated, expanded once to pick except, extra and changes
 * among real occurrences, validated again. Undefined for a runaway or too dense series.
 */
export function generatedSchedule(zone: string, horizon: { from: string; to: string }, specs: readonly MeetingSpec[]) {
  const bases = specs.map(baseMeeting);
  const first = safeValidateSchedule(file(zone, horizon, bases));
  if (!first.ok) throw new Error(JSON.stringify(first.issues, null, 1));
  const raw = safeExpandSchedule(first.schedule);
  if (!raw.ok) return undefined;
  const decorated = bases.map((meeting, i) =>
    decorate(
      meeting,
      specs[i] as MeetingSpec,
      raw.occurrences.filter((o) => o.meeting === meeting.id).map((o) => o.recurrenceId),
    ),
  );
  const second = safeValidateSchedule(file(zone, horizon, decorated));
  if (!second.ok) throw new Error(JSON.stringify({ issues: second.issues, decorated }, null, 1));
  return second.schedule;
}
