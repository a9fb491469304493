// A FREQ=HOURLY series started in 2000 with 21 changes took 13.7 s (each change walked the rule
// again); FREQ=MINUTELY;BYSECOND=0,…,59 from 2020 ran past 30 s (the 5,000,000-period limit
// counted periods, not the instants BYSECOND multiplies them into); FREQ=HOURLY from 1500 took
// 13.8 s. Every walk now spends from one budget of steps per validation or expansion. The own
// engine, which expands every rule since, starts a rule without COUNT at the horizon: only a
// COUNT makes it walk from the first occurrence.
import { describe, expect, it, vi } from "vitest";
import { safeCheckSchedule, safeParseSchedule } from "../../src";
import { DEFAULT_LIMITS } from "../../src/limits";
import { jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const schedule = (meetings: string, horizon = "{ from: 2024-01-01, to: 2024-01-31 }") => `version: 1
horizon: ${horizon}
bodies: [{ id: b, name: B }]
meetings:
${meetings}`;

const hourlyWithChanges = (changes: number) =>
  schedule(`  - id: m
    title: M
    body: b
    start: 2000-01-01T08:00
    duration: PT30M
    repeat: FREQ=HOURLY
    changes:
${Array.from({ length: changes }, (_, i) => `      - { occurrence: 2024-01-${String(i + 2).padStart(2, "0")}T08:00, start: 2024-01-${String(i + 2).padStart(2, "0")}T09:00 }`).join("\n")}
`);

describe("rule walks are bounded by one budget of steps", () => {
  it("resolves 21 changes of an hourly series started in 2000 in one walk, and checks it", () => {
    const parsed = safeParseSchedule(hourlyWithChanges(21));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule, { lang: "en" });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.occurrences.filter((o) => o.status === "moved")).toHaveLength(21);
  });

  it("resolves 200 changes of the same series in one walk too", () => {
    const text = schedule(
      `  - id: m
    title: M
    body: b
    start: 2000-01-01T08:00
    duration: PT30M
    repeat: FREQ=HOURLY
    changes:
${Array.from({ length: 200 }, (_, i) => `      - { occurrence: 2024-01-${String((i % 28) + 2).padStart(2, "0")}T${String(8 + Math.floor(i / 28)).padStart(2, "0")}:00, cancelled: true }`).join("\n")}
`,
      "{ from: 2024-01-01, to: 2024-02-29 }",
    );
    const parsed = safeParseSchedule(text);
    expect(parsed.ok).toBe(true);
  });

  it("refuses MINUTELY;COUNT=…;BYSECOND=0,…,59 started four years before a one-day horizon: runaway-rule, naming the budget", () => {
    const seconds = Array.from({ length: 60 }, (_, i) => i).join(",");
    const path = tempFile(
      "seconds.yaml",
      schedule(
        `  - { id: m, title: M, body: b, start: 2020-01-01T08:00, duration: PT1S, repeat: "FREQ=MINUTELY;COUNT=999999999;BYSECOND=${seconds}" }\n`,
        "{ from: 2024-01-01, to: 2024-01-01 }",
      ),
    );
    const { code, stdout } = runCli(["check", path, "--format", "json", "--lang", "en"]);
    expect(code).toBe(2);
    expect(jsonErrors(stdout)).toEqual([
      expect.objectContaining({
        code: "runaway-rule",
        path: "meetings[0].repeat",
        line: 5,
        message: expect.stringContaining("2,000,000 steps"),
      }),
    ]);
  });

  it("checks FREQ=HOURLY from 1900 with a one-day horizon in 2024 at once: the walk starts at the horizon", () => {
    const parsed = safeParseSchedule(
      schedule(
        `  - { id: m, title: M, body: b, start: 1900-01-01T08:00, duration: PT30M, repeat: FREQ=HOURLY }\n`,
        "{ from: 2024-01-01, to: 2024-01-01 }",
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule, { limits: { ruleSteps: 1000 } });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.occurrences).toHaveLength(24);
  });

  it("refuses FREQ=HOURLY;COUNT=… from 1900 with a one-day horizon in 2024 (a million periods to walk)", () => {
    const path = tempFile(
      "hourly.yaml",
      schedule(
        `  - { id: m, title: M, body: b, start: 1900-01-01T08:00, duration: PT30M, repeat: "FREQ=HOURLY;COUNT=999999999" }\n`,
        "{ from: 2024-01-01, to: 2024-01-01 }",
      ),
    );
    const { code, stdout } = runCli(["check", path, "--format", "json"]);
    expect(code).toBe(2);
    expect(jsonErrors(stdout)[0]).toMatchObject({ code: "runaway-rule", path: "meetings[0].repeat" });
  });

  it("shares the budget: many rules that each walk far add up to one runaway, not minutes", () => {
    const meetings = Array.from(
      { length: 40 },
      (_, i) =>
        `  - { id: m${i}, title: M, body: b, start: 2015-01-01T08:00, duration: PT30M, repeat: "FREQ=HOURLY;COUNT=100000;BYHOUR=8" }`,
    ).join("\n");
    const parsed = safeParseSchedule(schedule(`${meetings}\n`, "{ from: 2024-01-01, to: 2024-01-07 }"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.issues).toHaveLength(1);
      expect(checked.issues[0]).toMatchObject({ code: "runaway-rule", path: ["meetings", expect.any(Number), "repeat"] });
    }
  });

  it("a raised budget lets the same schedule through (limits are options, not constants)", () => {
    const text = schedule(`  - { id: m, title: M, body: b, start: 2023-06-01T08:00, duration: PT30M, repeat: FREQ=HOURLY }\n`);
    const parsed = safeParseSchedule(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(safeCheckSchedule(parsed.schedule, { limits: { ruleSteps: 1000 } }).ok).toBe(false);
    expect(safeCheckSchedule(parsed.schedule, { limits: { ruleSteps: DEFAULT_LIMITS.ruleSteps } }).ok).toBe(true);
  });
});
