// One weekly New York meeting over the horizon 1000–9999 took 12.4 s; 86,400 occurrences in a
// one-day horizon were refused as "more than 100,000" (the margin around the horizon counted);
// conflicts grew with the square of what overlaps until memory ran out. Cost now follows what
// the file yields, within stated limits.
import { describe, expect, it, vi } from "vitest";
import { safeCheckSchedule, safeParseSchedule } from "../../src";
import { DEFAULT_LIMITS, MAX_HORIZON_DAYS } from "../../src/limits";
import { jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const weekly = (horizon: string) => `version: 1
timezone: America/New_York
horizon: ${horizon}
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2015-01-06T08:00, duration: PT1H, repeat: FREQ=WEEKLY }
`;

describe("the horizon is bounded", () => {
  it("refuses the horizon 1000–9999 (years outside 1900–2100), positioned", () => {
    const { code, stdout } = runCli([
      "check",
      tempFile("ny.yaml", weekly("{ from: 1000-01-01, to: 9999-12-31 }")),
      "--format",
      "json",
      "--lang",
      "en",
    ]);
    expect(code).toBe(2);
    expect(jsonErrors(stdout).map((e) => [e.code, e.path])).toEqual([
      ["invalid-value", "horizon.from"],
      ["invalid-value", "horizon.to"],
    ]);
  });

  it(`refuses a horizon longer than ${MAX_HORIZON_DAYS} days, in the file and from --from/--to`, () => {
    const path = tempFile("ny.yaml", weekly("{ from: 1990-01-01, to: 2100-12-31 }"));
    const inFile = runCli(["check", path, "--format", "json", "--lang", "en"]);
    expect(inFile.code).toBe(2);
    expect(jsonErrors(inFile.stdout)[0]).toMatchObject({
      code: "bad-horizon",
      path: "horizon.to",
      message: expect.stringContaining("at most 3,660 days"),
    });
    const flags = runCli([
      "check",
      tempFile("ny.yaml", weekly("{ from: 2024-01-01, to: 2024-12-31 }")),
      "--from",
      "1900-01-01",
      "--to",
      "2100-12-31",
      "--format",
      "json",
    ]);
    expect(flags.code).toBe(2);
    expect(jsonErrors(flags.stdout)[0]).toMatchObject({ code: "bad-horizon" });
  });

  it("checks ten years of a weekly New York meeting", () => {
    const { code, stdout } = runCli(["check", tempFile("ny.yaml", weekly("{ from: 2015-01-01, to: 2024-12-31 }")), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.occurrences).toBe(522);
  });
});

describe("occurrences are counted inside the horizon only", () => {
  it("expands 86,400 one-second occurrences of a one-day horizon", () => {
    const text = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-01 }
checks: { workingHours: off, dayOff: off }
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-01T00:00, duration: PT1S, repeat: FREQ=SECONDLY }
`;
    const { code, stdout } = runCli(["check", tempFile("seconds.yaml", text), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ occurrences: 86_400, conflicts: 0 });
  });

  it(`refuses more than ${DEFAULT_LIMITS.occurrences} occurrences in all, naming the meeting that crossed it; --max-occurrences raises it`, () => {
    const meetings = Array.from(
      { length: 3 },
      (_, i) =>
        `  - { id: m${i}, title: M, body: b, start: 2024-01-01T00:00, duration: PT1M, repeat: "FREQ=MINUTELY;INTERVAL=2;COUNT=90000" }`,
    ).join("\n");
    const path = tempFile(
      "many.yaml",
      `version: 1\nhorizon: { from: 2024-01-01, to: 2024-12-31 }\nchecks: { workingHours: off, dayOff: off }\nbodies: [{ id: b, name: B }]\nmeetings:\n${meetings}\n`,
    );
    const refused = runCli(["check", path, "--format", "json", "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(jsonErrors(refused.stdout)).toEqual([
      expect.objectContaining({
        code: "too-many-occurrences",
        path: "meetings[2]",
        line: 8,
        message: expect.stringContaining("more than 200,000 occurrences"),
      }),
    ]);
    const raised = runCli(["check", path, "--format", "json", "--max-occurrences", "300000"]);
    expect(raised.code).toBe(0);
    expect(JSON.parse(raised.stdout).summary.occurrences).toBe(270_000);
  });
});

describe("conflicts are bounded", () => {
  const crowded = (meetings: number) => `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
checks: { workingHours: off, dayOff: off }
bodies: [{ id: b, name: B }]
rooms: [{ id: r, name: R }]
meetings:
${Array.from({ length: meetings }, (_, i) => `  - { id: m${i}, title: M${i}, body: b, start: 2024-01-01T08:00, duration: PT2H, repeat: FREQ=DAILY, room: r }`).join("\n")}
`;

  it("stops at the conflict limit with too-many-conflicts at the meeting that crossed it (exit 2)", () => {
    // 400 meetings in one room every day: 79,800 clashes a day.
    const { code, stdout } = runCli(["check", tempFile("crowded.yaml", crowded(400)), "--format", "json", "--lang", "en"]);
    expect(code).toBe(2);
    const [error] = jsonErrors(stdout);
    expect(error).toMatchObject({ code: "too-many-conflicts", message: expect.stringContaining("more than 50,000 conflicts") });
    expect(error?.path).toMatch(/^meetings\[\d+\]$/);
  });

  it("reports every conflict below the limit, and a raised limit through the library", () => {
    const parsed = safeParseSchedule(crowded(20));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.report.summary.conflicts).toBe(31 * 190);
    expect(safeCheckSchedule(parsed.schedule, { limits: { conflicts: 100 } }).ok).toBe(false);
  });

  it("a rule whose one side overlaps itself costs nothing: only pairs across the sides are compared", () => {
    const text = `version: 1
horizon: { from: 2024-01-01, to: 2024-12-31 }
checks: { workingHours: off, dayOff: off }
bodies: [{ id: a, name: A }, { id: z, name: Z }]
meetings:
${Array.from({ length: 300 }, (_, i) => `  - { id: a${i}, title: A, body: a, start: 2024-01-01T08:00, duration: PT8H, repeat: FREQ=DAILY }`).join("\n")}
  - { id: z0, title: Z, body: z, start: 2024-01-01T20:00, duration: PT1H, repeat: FREQ=DAILY }
rules:
  - { id: r, title: R, kind: no-overlap, between: [{ bodies: [a] }, { bodies: [z] }] }
`;
    const parsed = safeParseSchedule(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.report.summary).toMatchObject({ occurrences: 301 * 366, conflicts: 0 });
  });
});
