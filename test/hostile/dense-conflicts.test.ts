import { describe, expect, it } from "vitest";
import { gatherCheck } from "../../src/check";
import { findingFold } from "../../src/conflicts/finding";
import { parseSchedule } from "../../src/load/parse";
import { CLI, jsonErrors, runCli, tempFile } from "../helpers/cli";
import { spawnSync } from "node:child_process";

/**
 * `meetings` daily series at 08:00 spread over `rooms` rooms for `days` days: every two series of
 * a room clash every day, so conflicts grow with the square of a room's meetings and findings
 * with the pairs of series.
 */
function dense(meetings: number, rooms: number, days: number): string {
  const to = `2024-01-${String(days).padStart(2, "0")}`;
  const lines = Array.from(
    { length: meetings },
    (_, i) =>
      `  - { id: m${i}, title: Họp ${i}, body: ubnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY, room: r${i % rooms} }`,
  );
  return `version: 1
timezone: Asia/Ho_Chi_Minh
checks: { dayOff: off, workingHours: off }
bodies: [{ id: ubnd, name: UBND tỉnh }]
horizon: { from: 2024-01-01, to: ${to} }
rooms:
${Array.from({ length: rooms }, (_, i) => `  - { id: r${i}, name: Phòng ${i} }`).join("\n")}
meetings:
${lines.join("\n")}
`;
}

// 120 series in 4 rooms over January: 30 a room, 435 pairs a room a day, 53,940 conflicts
// (past the default listing bound of 50,000) in 1,740 findings of 31 conflicts each.
const TEXT = dense(120, 4, 31);
const CONFLICTS = 4 * 435 * 31;
const FINDINGS = 4 * 435;

describe("a dense schedule: conflicts grow with the square of a room's meetings", () => {
  it("the fold keeps one conflict a finding, never the conflicts it is given", () => {
    const schedule = parseSchedule(TEXT, { filename: "dense.yaml" });
    let received = 0;
    const result = gatherCheck(schedule, { limits: { findings: 10_000 } }, "none");
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.held).toBeUndefined();
    expect(result.frame.tally).toEqual({ conflicts: CONFLICTS, errors: CONFLICTS, warnings: 0 });
    expect(result.frame.findings).toHaveLength(FINDINGS);
    // The same fold, instrumented: it is given every conflict and holds one per finding.
    const fold = findingFold(result.context.clockFor);
    const held = gatherCheck(schedule, {}, "all");
    expect(held.ok).toBe(false);
    const all = gatherCheck(schedule, { limits: { conflicts: CONFLICTS } }, "all");
    if (!all.ok) throw new Error(JSON.stringify(all.issues));
    for (const conflict of all.held ?? []) {
      received++;
      fold.add(conflict);
      if (received % 1000 === 0) expect(fold.heldConflicts).toBeLessThanOrEqual(fold.size);
    }
    expect(received).toBe(CONFLICTS);
    expect(fold.size).toBe(FINDINGS);
    expect(fold.heldConflicts).toBe(FINDINGS);
    expect(fold.findings().map((f) => f.id)).toEqual(result.frame.findings.map((f) => f.id));
    expect(fold.findings().every((f) => f.count === 31 && f.conflicts.length === 31 && f.dateCount === 31)).toBe(true);
    // Folded without their ids, findings keep their first conflict's.
    expect(result.frame.findings.every((f, k) => f.conflicts.length === 1 && f.conflicts[0] === fold.findings()[k]?.conflicts[0])).toBe(
      true,
    );
  }, 120_000);

  it("text prints every finding past the conflicts bound; json, which lists them, stops at it", () => {
    const file = tempFile("dense.yaml", TEXT);
    const text = runCli(["check", file, "--lang", "en"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`${CONFLICTS.toLocaleString("en")} conflicts`);
    expect(text.stdout.match(/^\d+\. \[/gm)).toHaveLength(FINDINGS);
    const json = runCli(["check", file, "--format", "json"]);
    expect(json.code).toBe(2);
    expect(jsonErrors(json.stdout).map((error) => error.code)).toEqual(["too-many-conflicts"]);
  }, 120_000);

  it("text keeps within a heap that could not hold the conflicts", () => {
    // 300 series in 3 rooms over January: 460,350 conflicts in 14,850 findings; held, the
    // conflicts' objects alone would need more than this heap.
    const file = tempFile("denser.yaml", dense(300, 3, 31));
    const run = spawnSync(process.execPath, ["--max-old-space-size=128", CLI, "check", file, "--lang", "en"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${(3 * 4950 * 31).toLocaleString("en")} conflicts`);
    // The same in JSON, which would list them, does not fit that heap.
    const json = spawnSync(
      process.execPath,
      ["--max-old-space-size=128", CLI, "check", file, "--format", "json", "--max-conflicts", "10000000"],
      { encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
    );
    expect(json.status).not.toBe(0);
    expect(json.status).not.toBe(1);
  }, 240_000);

  it("--max-findings bounds the findings: exit 2 with too-many-findings at the meeting that crossed it", () => {
    const file = tempFile("dense.yaml", TEXT);
    const run = runCli(["check", file, "--format", "json", "--max-findings", "1000", "--max-conflicts", "1000000", "--lang", "en"]);
    expect(run.code).toBe(2);
    const [error] = jsonErrors(run.stdout);
    expect(error).toMatchObject({ code: "too-many-findings", message: expect.stringContaining("more than 1,000 findings") });
    expect(error?.path).toMatch(/^meetings\[\d+\]$/);
    const text = runCli(["check", file, "--max-findings", "1000"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("[too-many-findings]");
  }, 120_000);
});
