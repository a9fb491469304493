import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { columnsOf } from "../../src/conflicts/columns";
import { detectPairConflicts } from "../../src/conflicts/pairs";
import { validateSchedule } from "../../src/load/parse";
import type { Occurrence } from "../../src/recurrence/occurrence";
import { compareOccurrences } from "../../src/recurrence/sort";
import { zoneClock } from "../../src/time/zone";
import { runs } from "../helpers/runs";

// Slow on purpose (property tests against brute force): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const MINUTE = 60_000;
const BASE = Date.UTC(2024, 0, 1, 0, 0) - 7 * 3_600_000;
const PEOPLE = ["p1", "p2", "p3", "p4"];
const ROOMS = ["r1", "r2"];
const MEETINGS = ["m0", "m1", "m2", "m3", "m4", "m5"];

const schedule = (gap: number, scope: "exact" | "half-day" | "day") =>
  validateSchedule({
    version: 1,
    horizon: { from: "2024-01-01", to: "2024-01-10" },
    bodies: [
      { id: "hdnd", name: "HĐND", groups: ["hdnd"] },
      { id: "ubnd", name: "UBND" },
    ],
    people: PEOPLE.map((id) => ({ id, name: id })),
    rooms: ROOMS.map((id) => ({ id, name: id })),
    meetings: MEETINGS.map((id, i) => ({
      id,
      title: id,
      ...(i === 5 ? { bodies: ["hdnd", "ubnd"] } : { body: i % 2 ? "ubnd" : "hdnd" }),
      start: "2024-01-01T08:00",
      duration: "PT1H",
    })),
    rules: [{ id: "r", title: "R", kind: "no-overlap", between: [{ groups: ["hdnd"] }, { bodies: ["ubnd"] }], minGap: `PT${gap}M`, scope }],
  });

const occurrenceArb = fc.record({
  meeting: fc.integer({ min: 0, max: MEETINGS.length - 1 }),
  start: fc.integer({ min: 0, max: 6 * 24 * 60 }),
  length: fc.integer({ min: 1, max: 600 }),
  attendees: fc.subarray(PEOPLE),
  room: fc.option(fc.constantFrom(...ROOMS), { nil: undefined }),
});

interface Raw {
  meeting: number;
  start: number;
  length: number;
  attendees: string[];
  room: string | undefined;
}

function toOccurrence(o: Raw, index: number): Occurrence {
  const meeting = MEETINGS[o.meeting] as string;
  return {
    meeting,
    recurrenceId: Date.UTC(2024, 0, 1) + index * MINUTE,
    start: BASE + o.start * MINUTE,
    end: BASE + (o.start + o.length) * MINUTE,
    allDay: false,
    zone: "Asia/Ho_Chi_Minh",
    title: meeting,
    bodies: o.meeting === 5 ? ["hdnd", "ubnd"] : [o.meeting % 2 ? "ubnd" : "hdnd"],
    attendees: o.attendees,
    room: o.room,
    tags: [],
    status: "scheduled",
    change: undefined,
  };
}

/** Brute force: every pair, checked directly against the definitions. */
function bruteForce(occurrences: Occurrence[], gap: number, scope: "exact" | "half-day" | "day"): string[] {
  const side = (o: Occurrence) => ({ a: o.bodies.includes("hdnd"), b: o.bodies.includes("ubnd") });
  const clock = zoneClock("Asia/Ho_Chi_Minh");
  const block = (o: Occurrence, size: number) => {
    const s = clock.toWall(o.start);
    const e = clock.toWall(o.end);
    return [Math.floor(s / size) * size, Math.max(Math.ceil(e / size) * size, Math.floor(s / size) * size + size)] as const;
  };
  const out: string[] = [];
  for (let i = 0; i < occurrences.length; i++) {
    for (let j = i + 1; j < occurrences.length; j++) {
      const x = occurrences[i] as Occurrence;
      const y = occurrences[j] as Occurrence;
      const key = (kind: string, subjects: string[]) =>
        `${kind}|${subjects.join(",")}|${[x.recurrenceId, y.recurrenceId].sort().join(",")}`;
      const overlaps = x.start < y.end && y.start < x.end;
      const shared = x.attendees.filter((p) => y.attendees.includes(p)).sort();
      if (overlaps && shared.length) out.push(key("attendee", shared));
      if (overlaps && x.room && x.room === y.room) out.push(key("room", [x.room]));
      const sx = side(x);
      const sy = side(y);
      if ((sx.a && sy.b) || (sx.b && sy.a)) {
        let clash = x.start < y.end + gap * MINUTE && y.start < x.end + gap * MINUTE;
        if (scope !== "exact") {
          const size = scope === "day" ? 86_400_000 : 43_200_000;
          const [bx0, bx1] = block(x, size);
          const [by0, by1] = block(y, size);
          clash ||= bx0 < by1 && by0 < bx1;
        }
        if (clash) out.push(key("rule", []));
      }
    }
  }
  return out.sort();
}

describe("the sweep finds exactly what a brute-force pairwise check finds", () => {
  it.each(["exact", "half-day", "day"] as const)("with scope %s", (scope) => {
    fc.assert(
      fc.property(fc.array(occurrenceArb, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), (raw, gap) => {
        const occurrences = raw.map(toOccurrence).sort(compareOccurrences);
        const found = detectPairConflicts(schedule(gap, scope), occurrences, columnsOf(occurrences), {
          clock: zoneClock("Asia/Ho_Chi_Minh"),
        }).map(
          (c) =>
            `${c.kind}|${c.subjects.join(",")}|${c.occurrences
              .map((o) => o.recurrenceId)
              .sort()
              .join(",")}`,
        );
        expect(found.sort()).toEqual(bruteForce(occurrences, gap, scope));
      }),
      { numRuns: runs(300) },
    );
  });

  it("treats back-to-back occurrences as not overlapping", () => {
    const a = toOccurrence({ meeting: 0, start: 60, length: 60, attendees: ["p1"], room: "r1" }, 0);
    const b = toOccurrence({ meeting: 1, start: 120, length: 60, attendees: ["p1"], room: "r1" }, 1);
    expect(detectPairConflicts(schedule(0, "exact"), [a, b], columnsOf([a, b]), { clock: zoneClock("Asia/Ho_Chi_Minh") })).toEqual([]);
  });
});
