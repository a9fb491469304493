// A 1 MB RRULE of semicolons gave a million issues: 346 MB of JSON and 3.2 GB of memory. An RRULE
// has a length limit, and any file's issues are capped at 1,000 plus one that counts the rest.
import { describe, expect, it, vi } from "vitest";
import { safeParseSchedule, safeValidateSchedule } from "../../src";
import { MAX_ISSUES } from "../../src/limits";
import { jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

describe("issue lists are bounded", () => {
  it("an RRULE of a million semicolons is one bad-rrule issue naming the length limit", () => {
    const text = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-01 }
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: 2024-01-01T08:00, duration: PT1H, repeat: "FREQ=DAILY${";".repeat(1_000_000)}" }
`;
    const { code, stdout } = runCli(["check", tempFile("semicolons.yaml", text), "--format", "json", "--lang", "en"]);
    expect(code).toBe(2);
    expect(stdout.length).toBeLessThan(2_000);
    expect(jsonErrors(stdout)).toEqual([
      expect.objectContaining({
        code: "bad-rrule",
        path: "meetings[0].repeat",
        line: 5,
        message: expect.stringContaining("1,000,010 characters: at most 1,000"),
      }),
    ]);
  });

  it(`a file with 5,000 mistakes gives the first ${MAX_ISSUES} and one issue counting the rest`, () => {
    const meetings = Array.from(
      { length: 5_000 },
      (_, i) => `  - { id: m${i}, title: M, body: nobody, start: 2024-01-01T08:00, duration: PT1H }`,
    ).join("\n");
    const result = safeParseSchedule(
      `version: 1\nlocale: en\nhorizon: { from: 2024-01-01, to: 2024-01-01 }\nbodies: [{ id: b, name: B }]\nmeetings:\n${meetings}\n`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_ISSUES + 1);
    expect(result.issues[MAX_ISSUES - 1]).toMatchObject({ code: "unknown-reference", line: 1005 });
    expect(result.issues[MAX_ISSUES]).toMatchObject({
      code: "too-many-issues",
      message: "… and 4,000 more issues (only the first 1,000 are shown)",
    });
  });

  it("unknown fields are capped the same way, in Vietnamese too", () => {
    const value = { version: 1, ...Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`x${i}`, i])) };
    const result = safeValidateSchedule(value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_ISSUES + 1);
    expect(result.issues[MAX_ISSUES]?.message).toBe("… và 500 lỗi khác (chỉ hiện 1.000 lỗi đầu tiên)");
  });
});
