// `lichhop ics --expand` grew as feeds × occurrences: every person feed repeats each occurrence,
// so a 5.4 KB file (24 daily series over ten years, 20 people at every meeting) took 69 s, 3.5 GB
// and wrote 605 MB. The events of all feeds are counted before any is written.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildFeeds, parseSchedule, safeCheckSchedule, ScheduleError, UsageError } from "../../src";
import { jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const people = 20;
const TEXT = `version: 1
horizon: { from: 2015-01-01, to: 2024-12-31 }
checks: { dayOff: off, workingHours: off, attendee: off }
bodies: [{ id: b, name: B }]
people:
${Array.from({ length: people }, (_, i) => `  - { id: p${i}, name: P${i} }`).join("\n")}
meetings:
${Array.from({ length: 24 }, (_, i) => `  - { id: m${i}, title: M${i}, body: b, start: 2015-01-01T${String(i).padStart(2, "0")}:00, duration: PT30M, repeat: FREQ=DAILY, attendees: [${Array.from({ length: people }, (_, p) => `p${p}`).join(", ")}] }`).join("\n")}
`;

describe("the events of all feeds are bounded", () => {
  it("refuses expanded feeds of more than 150,000 events before writing any (exit 2, too-many-events)", () => {
    const path = tempFile("att20.yaml", TEXT);
    const out = join(path, "..", "feeds");
    const { code, stdout } = runCli(["ics", path, "--out", out, "--expand", "--format", "json", "--lang", "en"]);
    expect(code).toBe(2);
    expect(jsonErrors(stdout)).toEqual([
      expect.objectContaining({
        code: "too-many-events",
        file: path,
        message: expect.stringContaining("more than 150,000 events (every person, body and room feed repeats its meetings); drop --expand"),
      }),
    ]);
    expect(() => readFileSync(join(out, "all.ics"))).toThrow();
  });

  it("writes the same schedule as series feeds: one event per series and feed", () => {
    const path = tempFile("att20.yaml", TEXT);
    const { code, stdout } = runCli(["ics", path, "--out", join(path, "..", "feeds"), "--format", "json"]);
    expect(code).toBe(0);
    const feeds = JSON.parse(stdout).feeds as { events: number }[];
    expect(feeds.reduce((sum, feed) => sum + feed.events, 0)).toBe(24 * (1 + 1 + people));
  });

  it("the library takes maxEvents, and checks it", () => {
    const schedule = parseSchedule(TEXT);
    const result = safeCheckSchedule(schedule);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(() => buildFeeds(schedule, result, { stamp: 0, maxEvents: 100 })).toThrow(ScheduleError);
    expect(() => buildFeeds(schedule, result, { stamp: 0, maxEvents: -1 })).toThrow(UsageError);
    expect(buildFeeds(schedule, result, { stamp: 0, maxEvents: 1_000 }).length).toBe(1 + 1 + people + 1);
  });
});
