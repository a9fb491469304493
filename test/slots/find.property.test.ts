import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { workCalendar } from "../../src/calendar/work-calendar";
import { checkSchedule } from "../../src/check";
import { expandSchedule, reportOccurrences } from "../../src/expand";
import { validateSchedule } from "../../src/load/parse";
import type { Schedule } from "../../src/schema/model";
import type { ScheduleFileInput, Selector } from "../../src/schema/schedule";
import { findSlots } from "../../src/slots/find";
import type { SlotRequestInput } from "../../src/slots/request";
import { runs } from "../helpers/runs";

// Slow on purpose (every aligned start of the window is checked by checkSchedule): a longer timeout.
vi.setConfig({ testTimeout: 120_000 });

const PEOPLE = ["p1", "p2", "p3", "p4"];
const BODIES = ["b1", "b2", "b3"];
const NEW = "zz-new";

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const dayOf = (offset: number) => {
  const date = new Date(Date.UTC(2024, 2, 4 + offset));
  return date.toISOString().slice(0, 10);
};

const meetingArb = fc.record({
  body: fc.constantFrom(...BODIES),
  day: fc.integer({ min: -2, max: 9 }),
  start: fc.integer({ min: 6 * 4, max: 17 * 4 }).map((q) => q * 15),
  length: fc.integer({ min: 1, max: 16 }).map((q) => q * 15),
  repeat: fc.constantFrom(undefined, "FREQ=DAILY;COUNT=3", "FREQ=WEEKLY;COUNT=2"),
  allDay: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  attendees: fc.subarray([...PEOPLE, "b1"], { maxLength: 3 }),
  room: fc.constantFrom(undefined, "r1", "r2"),
  tag: fc.boolean(),
});

const SELECTORS: readonly Selector[] = [{ groups: ["g1"] }, { bodies: ["b2"] }, { tags: ["t1"] }, { bodies: ["b3"] }];
const selectorArb = fc.constantFrom(...SELECTORS);

const ruleArb = fc.record({
  a: selectorArb,
  b: selectorArb,
  minGap: fc.constantFrom(undefined, "PT15M", "PT1H"),
  scope: fc.constantFrom(undefined, "exact", "half-day", "day"),
  severity: fc.constantFrom("error", "warning"),
});

const level = fc.constantFrom("error", "warning", "off");

const caseArb = fc.record({
  zone: fc.constantFrom("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh", "Europe/London"),
  memberships: fc.array(fc.subarray(BODIES, { maxLength: 2 }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  meetings: fc.array(meetingArb, { maxLength: 7 }),
  rules: fc.array(ruleArb, { maxLength: 2 }),
  checks: fc.record({ attendee: level, room: level }),
  dayOff: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  request: fc.record({
    duration: fc.constantFrom("PT30M", "PT1H", "PT1H30M", "PT2H", "PT3H"),
    days: fc.integer({ min: 0, max: 3 }),
    body: fc.constantFrom(...BODIES),
    tag: fc.boolean(),
    required: fc.subarray([...PEOPLE, "b1", "b2"], { maxLength: 2 }),
    optional: fc.subarray(PEOPLE, { maxLength: 2 }),
    room: fc.constantFrom(undefined, "r1", ["r1", "r2"]),
    align: fc.constantFrom(30, 15, 60),
    count: fc.integer({ min: 1, max: 6 }),
    maxPerDay: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function scheduleOf(c: Case): Schedule {
  const file: ScheduleFileInput = {
    version: 1,
    timezone: c.zone,
    horizon: { from: "2024-02-26", to: "2024-03-24" },
    bodies: BODIES.map((id, i) => ({ id, name: id.toUpperCase(), groups: [i === 1 ? "g2" : "g1"] })),
    people: PEOPLE.map((id, i) => ({ id, name: id.toUpperCase(), bodies: c.memberships[i] ?? [] })),
    rooms: [
      { id: "r1", name: "R1" },
      { id: "r2", name: "R2" },
    ],
    meetings: [
      // Rules may select the tag: it must exist (this meeting lies before every window).
      { id: "tagged", title: "Tagged", body: "b2", start: "2024-02-27T08:00", duration: "PT1H", tags: ["t1"] },
      ...c.meetings.map((m, i) => {
        const date = dayOf(m.day);
        return {
          id: `m${i}`,
          title: `Meeting ${i}`,
          body: m.body,
          ...(m.allDay ? { start: date } : { start: `${date}T${clock(m.start)}`, duration: `PT${m.length}M` }),
          ...(m.repeat ? { repeat: m.repeat } : {}),
          ...(m.attendees.length ? { attendees: m.attendees } : {}),
          ...(m.room ? { room: m.room } : {}),
          ...(m.tag ? { tags: ["t1"] } : {}),
        };
      }),
    ],
    rules: c.rules.map((r, i) => ({
      id: `rule-${i}`,
      title: `Rule ${i}`,
      kind: "no-overlap" as const,
      between: [r.a, r.b] as [Selector, Selector],
      ...(r.minGap ? { minGap: r.minGap } : {}),
      ...(r.scope ? { scope: r.scope } : {}),
      severity: r.severity,
    })),
    checks: c.checks,
    ...(c.dayOff === undefined ? {} : { calendar: { daysOff: [dayOf(c.dayOff)] } }),
  };
  return validateSchedule(file);
}

function requestOf(c: Case): SlotRequestInput {
  const r = c.request;
  return {
    duration: r.duration,
    from: dayOf(0),
    to: dayOf(r.days),
    body: r.body,
    ...(r.tag ? { tags: ["t1"] } : {}),
    attendees: { required: r.required, optional: r.optional.filter((p) => !r.required.includes(p)) },
    ...(r.room === undefined ? {} : { room: r.room }),
    align: r.align,
    count: r.count,
    ...(r.maxPerDay === undefined ? {} : { maxPerDay: r.maxPerDay }),
  };
}

/** The people a list of attendees names (bodies stand for their members; memberships here carry no dates). */
function people(schedule: Schedule, refs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const ref of refs) {
    if (schedule.people.some((p) => p.id === ref)) out.add(ref);
    else for (const p of schedule.people) if ((p.bodies ?? []).includes(ref)) out.add(p.id);
  }
  return [...out];
}

/** The oracle: does the new meeting, placed at [start, end) local, add a conflict of severity error? */
function addsError(
  schedule: Schedule,
  request: SlotRequestInput,
  start: string,
  end: string,
  attendees: string[],
  room: string | null,
): boolean {
  const { source: _source, ...file } = schedule;
  const meeting = {
    id: NEW,
    title: "New",
    body: request.body,
    start,
    end,
    ...(attendees.length ? { attendees } : {}),
    ...(room ? { room } : {}),
    ...(request.tags ? { tags: request.tags } : {}),
  };
  const report = checkSchedule(validateSchedule({ ...file, meetings: [...schedule.meetings, meeting] }));
  return report.conflicts.some((c) => c.severity === "error" && c.occurrences.some((o) => o.meeting === NEW));
}

/** Every aligned start of the window inside one working period, in order, each with the first room that adds no error (brute force). */
function bruteForce(
  schedule: Schedule,
  request: SlotRequestInput,
  c: Case,
  count = c.request.count,
): { start: string; room: string | null }[] {
  const calendar = workCalendar(schedule.calendar ?? {});
  const length = { PT30M: 30, PT1H: 60, PT1H30M: 90, PT2H: 120, PT3H: 180 }[c.request.duration] as number;
  const rooms: (string | null)[] = request.room === undefined ? [null] : typeof request.room === "string" ? [request.room] : request.room;
  const required = people(schedule, c.request.required);
  const found: { start: string; room: string | null }[] = [];
  // maxPerDay: each person's meetings touching a local day, read from the expansion's local times.
  const occurrences = expandSchedule(schedule);
  const local = reportOccurrences(occurrences);
  const meetingsOn = (person: string, date: string) =>
    occurrences.filter(
      (o, i) =>
        o.attendees.includes(person) &&
        (local[i]?.start.slice(0, 16) ?? "") < `${date}T24:00` &&
        (local[i]?.end.slice(0, 16) ?? "") > `${date}T00:00`,
    ).length;
  const max = c.request.maxPerDay;
  for (let d = 0; d <= c.request.days; d++) {
    const date = dayOf(d);
    if (!calendar.isWorkingDay(date)) continue;
    if (max !== undefined && required.some((p) => meetingsOn(p, date) >= max)) continue;
    for (const [from, to] of calendar.periods(date)) {
      const first = Math.ceil(from / c.request.align) * c.request.align;
      for (let m = first; m + length <= to; m += c.request.align) {
        const start = `${date}T${clock(m)}`;
        const end = `${date}T${clock(m + length)}`;
        const room = rooms.find((r) => !addsError(schedule, request, start, end, required, r));
        if (room !== undefined) found.push({ start, room });
        if (found.length >= count) return found;
      }
    }
  }
  return found;
}

describe("findSlots against checkSchedule", () => {
  it("offers only slots that add no error, skips no earlier valid aligned start, and explains itself exactly when it offers none", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const schedule = scheduleOf(c);
        const request = requestOf(c);
        const result = findSlots(schedule, request);
        for (const slot of result.slots) {
          expect(addsError(schedule, request, slot.start.slice(0, 16), slot.end.slice(0, 16), [...slot.attendees], slot.room)).toBe(false);
        }
        const expected = bruteForce(schedule, request, c);
        expect(result.slots.map((s) => ({ start: s.start.slice(0, 16), room: s.room }))).toEqual(expected);
        expect(result.whyNone !== undefined && result.whyNone.length > 0).toBe(result.slots.length === 0);
      }),
      { numRuns: runs(40) },
    );
  });

  it("ranks by distance from near with prefer: nearest, as the brute force sorts every valid start", () => {
    const wallMs = (local: string) => Date.parse(`${local}:00Z`);
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 3 * 48 }), (c, half) => {
        const schedule = scheduleOf(c);
        const near = `${dayOf(Math.floor(half / 48))}T${clock((half % 48) * 30 + 15)}`;
        const request: SlotRequestInput = { ...requestOf(c), prefer: "nearest", near };
        const result = findSlots(schedule, request);
        const all = bruteForce(schedule, request, c, Number.POSITIVE_INFINITY);
        const target = wallMs(near);
        const expected = [...all]
          .sort((a, b) => Math.abs(wallMs(a.start) - target) - Math.abs(wallMs(b.start) - target) || wallMs(a.start) - wallMs(b.start))
          .slice(0, c.request.count);
        expect(result.slots.map((s) => ({ start: s.start.slice(0, 16), room: s.room }))).toEqual(expected);
      }),
      { numRuns: runs(15) },
    );
  });
});
