import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { buildFeeds } from "../../src/ical/feeds";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { expandWithIcalJs, expected } from "../helpers/ical";
import { runs } from "../helpers/runs";
import { generatedSchedule, scheduleArb } from "../helpers/generated-schedules";

// Slow on purpose (ical.js expands every generated feed): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

describe("every occurrence reaches the feed", () => {
  it.each([
    ["generated VTIMEZONE", undefined],
    ["@touch4it/ical-timezones", getVtimezoneComponent],
  ] as const)("ical.js expands each feed to exactly lichhop's occurrences (series and expanded; %s)", (_label, vtimezone) => {
    let checked = 0;
    fc.assert(
      fc.property(scheduleArb, fc.boolean(), ({ zone, horizon, meetings: specs }, expand) => {
        const schedule = generatedSchedule(zone, horizon, specs);
        if (!schedule) return; // a runaway or too dense series: not this test's subject
        const result = safeCheckSchedule(schedule);
        if (!result.ok) return;
        const feeds = buildFeeds(schedule, result, { stamp: 0, expand, vtimezone });
        for (const feed of feeds) {
          if (!["all.ics", "body/b1.ics", "person/an.ics", "room/p2.ics"].includes(feed.path)) continue;
          const selector = feed.selector;
          const mine = result.occurrences.filter((o) => {
            switch (selector.kind) {
              case "body":
                return o.bodies.includes(selector.id);
              case "person":
                return o.attendees.includes(selector.id);
              case "room":
                return o.room === selector.id;
              default:
                return true;
            }
          });
          expect({ feed: feed.path, seen: expandWithIcalJs(feed.ics) }).toEqual({ feed: feed.path, seen: expected(mine) });
        }
        checked++;
      }),
      { numRuns: runs(20) },
    );
    expect(checked).toBeGreaterThan(runs(20) * 0.6);
  });
});
