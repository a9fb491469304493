// Every cadence and lead-time rule reads every occurrence, and every no-overlap rule those of
// its sides: 100 lead-time rules over ten years of 50 daily meetings (19 KB) took 19.5 s, 500 of
// them ran past a minute. The occurrences the rules would look at are counted before any rule
// runs, and bounded.
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits";
import { safeCheckSchedule, safeParseSchedule } from "../../src";
import { CLI, jsonErrors, runCli, tempFile } from "../helpers/cli";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const RULES = {
  lead: (i: number) => `{ id: l${i}, title: L, kind: lead-time, before: { groups: [g] }, target: { groups: [g] }, min: P1D, max: P366D }`,
  cadence: (i: number) => `{ id: c${i}, title: C, kind: cadence, tags: [t], per: week, min: 1 }`,
  overlap: (i: number) => `{ id: r${i}, title: R, kind: no-overlap, between: [{ groups: [g] }, { groups: [g] }] }`,
};

const file = (kind: keyof typeof RULES, rules: number, years = 10) => `version: 1
horizon: { from: ${2025 - years}-01-01, to: 2024-12-31 }
checks: { dayOff: off, workingHours: off }
bodies:
${Array.from({ length: 50 }, (_, i) => `  - { id: b${i}, name: B${i}, groups: [g] }`).join("\n")}
meetings:
${Array.from({ length: 50 }, (_, i) => `  - { id: m${i}, title: M, body: b${i}, start: ${2025 - years}-01-01T${String(i % 24).padStart(2, "0")}:${String(Math.floor(i / 24) * 20).padStart(2, "0")}, duration: PT10M, repeat: FREQ=DAILY, tags: [t] }`).join("\n")}
rules:
${Array.from({ length: rules }, (_, i) => `  - ${RULES[kind](i)}`).join("\n")}
`;

describe("the work of rules is bounded", () => {
  it.each<[keyof typeof RULES, number]>([
    ["lead", 100],
    ["cadence", 900],
    ["overlap", 900],
  ])("%s × %i over 182,650 occurrences: exit 2, too-many-rule-checks at the rule that crossed the bound", (kind, rules) => {
    const { code, stdout } = runCli(["check", tempFile(`${kind}.yaml`, file(kind, rules)), "--format", "json", "--lang", "en"]);
    expect(code).toBe(2);
    const [error] = jsonErrors(stdout);
    expect(error).toMatchObject({ code: "too-many-rule-checks", message: expect.stringContaining("more than 5,000,000 occurrences") });
    expect(error?.path).toMatch(/^rules\[\d+\]$/);
  });

  it("checks the same rules over a year", () => {
    const parsed = safeParseSchedule(file("lead", 20, 1));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const checked = safeCheckSchedule(parsed.schedule);
    expect(checked.ok).toBe(true);
    expect(safeCheckSchedule(parsed.schedule, { limits: { ruleChecks: 100_000 } }).ok).toBe(false);
    expect(DEFAULT_LIMITS.ruleChecks).toBe(5_000_000);
  });
});

describe("a reader that goes away", () => {
  it("ends the output quietly: no stack trace when stdout closes early", () => {
    const path = tempFile("lead.yaml", file("lead", 1, 10));
    const result = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${CLI}" expand "${path}" | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("0");
  });
});
