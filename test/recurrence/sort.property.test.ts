import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOccurrences, sortOccurrences } from "../../src/recurrence/sort";
import type { Occurrence } from "../../src/recurrence/occurrence";
import { runs } from "../helpers/runs";

const occurrence = (meeting: string, start: number, end: number, recurrenceId: number): Occurrence => ({
  meeting,
  recurrenceId,
  start,
  end,
  allDay: false,
  zone: "Asia/Ho_Chi_Minh",
  title: meeting,
  bodies: [],
  attendees: [],
  room: undefined,
  tags: [],
  status: "scheduled",
  change: undefined,
});

// Few distinct starts, so runs of equal starts (ordered by end, meeting, original start) are common.
const startArb = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((n) => Date.UTC(2024, 0, 1) + n * 1_800_000),
  fc.integer({ min: -5, max: 5 }).map((n) => n * 60_000), // around 1970, negative too
  fc.constantFrom(Date.UTC(2200, 0, 1), Date.UTC(1700, 0, 1)), // beyond the keys' range
  fc.integer({ min: 0, max: 3 }).map((n) => Date.UTC(2024, 0, 1) + n * 250), // not whole seconds
);
const occurrenceArb = fc
  .record({
    meeting: fc.constantFrom("a", "b", "c"),
    start: startArb,
    length: fc.integer({ min: 0, max: 3 }).map((n) => n * 900_000),
    recurrenceId: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ meeting, start, length, recurrenceId }) => occurrence(meeting, start, start + length, recurrenceId));

describe("sortOccurrences", () => {
  it("orders exactly as the comparator does", () => {
    fc.assert(
      fc.property(fc.uniqueArray(occurrenceArb, { maxLength: 200, selector: (o) => `${o.meeting}@${o.recurrenceId}` }), (list) => {
        // Expansion hands them over in (meeting, original start) order.
        const byMeeting = [...list].sort((a, b) =>
          a.meeting < b.meeting ? -1 : a.meeting > b.meeting ? 1 : a.recurrenceId - b.recurrenceId,
        );
        const expected = [...list].sort(compareOccurrences);
        expect(sortOccurrences(byMeeting).sorted).toEqual(expected);
      }),
      { numRuns: runs(500) },
    );
  });

  it("keeps every occurrence object, ties in meeting order", () => {
    const list = [occurrence("a", 1000, 5000, 0), occurrence("a", 2000, 3000, 1), occurrence("b", 2000, 3000, 1)];
    const { sorted } = sortOccurrences([...list]);
    expect(sorted).toEqual(list);
    expect(new Set(sorted)).toEqual(new Set(list));
  });
});
