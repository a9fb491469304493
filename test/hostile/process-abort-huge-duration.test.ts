// A duration of P999999999D in Europe/London looped in the zone offset table until V8 aborted at
// 3.8 GB; in Asia/Ho_Chi_Minh it exited 3, and P9999999W wrote DTEND:1936770621T080000 into the
// feeds. A schedule whose zone is changed after parsing aborted checkSchedule the same way.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { checkSchedule, ScheduleError, UsageError } from "../../src";
import { parseSchedule } from "../../src/load/parse";
import { zoneClock } from "../../src/time/zone";
import { jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const file = (zone: string, duration: string) => `version: 1
timezone: ${zone}
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-02T08:00, duration: ${duration} }
`;

describe("a meeting longer than a year is an error, positioned on its duration", () => {
  it.each([
    ["Europe/London", "P999999999D"],
    ["Asia/Ho_Chi_Minh", "P999999999D"],
    ["Asia/Ho_Chi_Minh", "P9999999W"],
    ["America/New_York", "P367D"],
  ])("%s, duration %s: exit 2 with invalid-value at meetings[0].duration", (zone, duration) => {
    const path = tempFile("long.yaml", file(zone, duration));
    const { code, signal, stdout } = runCli(["check", path, "--format", "json", "--lang", "en"]);
    expect(signal).toBeNull();
    expect(code).toBe(2);
    expect(jsonErrors(stdout)).toEqual([
      expect.objectContaining({
        code: "invalid-value",
        path: "meetings[0].duration",
        line: 6,
        message: expect.stringContaining("at most 366 days (P366D)"),
      }),
    ]);
  });

  it("accepts exactly 366 days, and writes a DTEND that is a real date", () => {
    const path = tempFile("year.yaml", file("Europe/London", "P366D"));
    expect(runCli(["check", path, "--format", "json"]).code).toBe(0);
    const out = join(path, "..", "feeds");
    expect(runCli(["ics", path, "--out", out]).code).toBe(0);
    const ics = readFileSync(join(out, "all.ics"), "utf8");
    expect(ics).toContain("DTEND;TZID=Europe/London:20250102T080000");
    expect(readdirSync(out)).toContain("all.ics");
  });

  it("refuses an end more than 366 days after the start, and a change that long", () => {
    const text = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-02T08:00, end: 2099-01-02T08:00 }
  - id: n
    title: N
    body: b
    start: 2024-01-03T08:00
    duration: PT1H
    repeat: FREQ=WEEKLY
    changes: [{ occurrence: 2024-01-10, end: 2030-01-01T00:00 }]
`;
    const { code, stdout } = runCli(["check", tempFile("end.yaml", text), "--format", "json"]);
    expect(code).toBe(2);
    expect(jsonErrors(stdout).map((e) => e.path)).toEqual(["meetings[0].end", "meetings[1].changes[0].end"]);
  });
});

describe("a schedule changed after parsing is validated again, never trusted", () => {
  const schedule = parseSchedule(file("Europe/London", "PT1H"), { filename: "x.yaml" });

  it("a parsed schedule is frozen: changing it fails where it is changed", () => {
    expect(() => {
      (schedule as { timezone?: string }).timezone = "Mars/Olympus_Mons";
    }).toThrow(TypeError);
  });

  it("a copy with an unknown zone gives unknown-zone, not an abort", () => {
    const copy = { ...schedule, timezone: "Mars/Olympus_Mons" };
    expect(() => checkSchedule(copy)).toThrow(ScheduleError);
    try {
      checkSchedule(copy);
    } catch (error) {
      expect((error as ScheduleError).issues).toEqual([expect.objectContaining({ code: "unknown-zone", path: ["timezone"] })]);
    }
  });

  it("a copy with a long duration gives its issue", () => {
    const copy = { ...schedule, meetings: schedule.meetings.map((m) => ({ ...m, duration: "P999999999D" })) };
    expect(() => checkSchedule(copy)).toThrow(/quá dài: tối đa 366 ngày$/m);
  });

  it("a zone clock refuses an unknown zone and an instant it cannot hold", () => {
    expect(() => zoneClock("Mars/Olympus_Mons")).toThrow(UsageError);
    expect(() => zoneClock("Europe/London").toInstant(Number.NaN)).toThrow(UsageError);
    expect(() => zoneClock("Europe/London").toInstant(1e18)).toThrow(UsageError);
  });
});
