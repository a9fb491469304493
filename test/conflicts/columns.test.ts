import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchedule, sizeParams } from "../../bench/generate";
import { parseSchedule } from "../../src/load/parse";
import { columnsOf, sortedColumns, type Columns } from "../../src/conflicts/columns";
import { expandOccurrences } from "../../src/recurrence/expand";
import type { Occurrence } from "../../src/recurrence/occurrence";

/** Checks that every column describes the occurrence at its place. */
function expectColumnsOf(columns: Columns, occurrences: readonly Occurrence[]) {
  expect(columns.starts.length).toBe(occurrences.length);
  occurrences.forEach((o, k) => {
    expect(columns.starts[k]).toBe(o.start);
    expect(columns.ends[k]).toBe(o.end);
    expect(columns.meetings[columns.meeting[k] as number]).toBe(o.meeting);
    const room = columns.room[k] as number;
    expect(room === -1 ? undefined : columns.rooms[room]).toBe(o.room);
    expect(columns.attendeeLists[columns.attendees[k] as number]).toBe(o.attendees);
    expect(columns.zones[columns.zone[k] as number]).toBe(o.zone);
    expect(columns.allDay[k] === 1).toBe(o.allDay);
  });
}

describe("occurrence columns", () => {
  const schedules = {
    example: parseSchedule(readFileSync("examples/lang-son-2024.yaml", "utf8")),
    generated: parseSchedule(generateSchedule(sizeParams("1k") ?? (undefined as never)).text),
  };
  for (const [name, schedule] of Object.entries(schedules)) {
    it(`built through the expansion's sort order describe the sorted occurrences (${name})`, () => {
      const result = expandOccurrences(schedule);
      if (!result.ok) throw new Error("does not expand");
      expect(result.occurrences.length).toBeGreaterThan(50);
      expect(result.order).toBeDefined();
      expectColumnsOf(sortedColumns(result.occurrences, result.order), result.occurrences);
      expectColumnsOf(columnsOf(result.occurrences), result.occurrences);
    });
  }
});
