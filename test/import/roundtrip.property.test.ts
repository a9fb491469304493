// Round trip: the feed `lichhop ics` writes, imported again as a source, gives the same
// occurrences — every instant decided by the same engine on both sides, DST zones included.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { expandSchedule, parseSchedule, safeCheckSchedule } from "../../src";
import { buildFeeds } from "../../src/ical/feeds";
import type { Occurrence } from "../../src/recurrence/occurrence";
import { generatedSchedule, scheduleArb } from "../helpers/generated-schedules";
import { runs } from "../helpers/runs";
import { formatDate } from "../../src/time/wall";
import { zoneClock } from "../../src/time/zone";

vi.setConfig({ testTimeout: 60_000 });

/** Timed occurrences by their instants; all-day ones by their local dates (an .ics date carries no zone). */
const keys = (occurrences: readonly Occurrence[], horizon: { from: string; to: string }) =>
  occurrences
    .map((o) => {
      if (!o.allDay) return `${new Date(o.start).toISOString()} ${new Date(o.end).toISOString()}`;
      const clock = zoneClock(o.zone);
      return `${formatDate(clock.toWall(o.start))} ${formatDate(clock.toWall(o.end))}`;
    })
    // An all-day meeting kept in another zone than the schedule's may overlap the horizon's
    // edge by a few hours; imported, its date is read in the schedule's zone: the edge days differ.
    .filter(
      (key) => key.includes("T") || (key.slice(0, 10) >= horizon.from && key.slice(0, 10) < horizon.to && key.slice(0, 10) > horizon.from),
    )
    .sort();

describe("lichhop ics, imported again", () => {
  it("gives the same occurrences (series feeds and expanded feeds)", () => {
    let checked = 0;
    fc.assert(
      fc.property(scheduleArb, fc.boolean(), ({ zone, horizon, meetings }, expand) => {
        const schedule = generatedSchedule(zone, horizon, meetings);
        if (!schedule) return;
        const result = safeCheckSchedule(schedule);
        if (!result.ok) return;
        const all = buildFeeds(schedule, result, { stamp: 0, expand }).find((feed) => feed.path === "all.ics");
        const { bodies, people, rooms } = schedule;
        const text = JSON.stringify({
          version: 1,
          timezone: zone,
          horizon,
          bodies,
          people,
          rooms,
          sources: [{ ics: "./all.ics", body: "b1", blocking: "all" }],
        });
        const again = parseSchedule(text, { filename: "lich.json", sources: { "./all.ics": all?.ics ?? "" } });
        expect(again.source.warnings ?? []).toEqual([]);
        expect(keys(expandSchedule(again), horizon)).toEqual(keys(result.occurrences, horizon));
        checked++;
      }),
      { numRuns: runs(25) },
    );
    expect(checked).toBeGreaterThan(runs(25) * 0.6);
  });
});
