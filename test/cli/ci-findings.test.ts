// The trial behind judging pull requests by finding: a room change six lines below `- id:` got ten
// annotations, all on the `- id:` line outside the diff, and retiming a series that already
// clashed by 30 minutes counted as "12 new, 12 fixed" and failed the pull request.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CLI, FIXTURES, lineOf } from "../helpers/ci";

vi.setConfig({ testTimeout: 60_000 });

const BASE = readFileSync(join(FIXTURES, "series.yaml"), "utf8");
const GOLDEN = join(__dirname, "../fixtures/ci/golden");

/** ubnd-giao-ban starts at 09:00, not 09:30: it still clashes with the HĐND meeting on the same twelve Mondays. */
const RETIMED = BASE.replace("    start: 2024-03-04T09:30\n", "    start: 2024-03-04T09:00\n");
/** hdnd-tiep-xuc moves to room phong-2 (six lines below its `- id:`), which UBND uses at the same time on ten Tuesdays. */
const ROOM_CHANGED = BASE.replace("    room: phong-1\n\nrules:", "    room: phong-2\n\nrules:");

/** Runs the built CLI in a directory holding the proposal as lich.yaml and the base as base.yaml. */
function checkAgainstBase(proposed: string, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-findings-"));
  writeFileSync(join(dir, "lich.yaml"), proposed);
  writeFileSync(join(dir, "base.yaml"), BASE);
  const summary = join(dir, "summary.md");
  const result = spawnSync(process.execPath, [CLI, "check", "lich.yaml", "--base", "base.yaml", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GITHUB_STEP_SUMMARY: summary },
  });
  let written = "";
  try {
    written = readFileSync(summary, "utf8");
  } catch {}
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: written };
}

function annotations(stdout: string): { level: string; line: number }[] {
  return [...stdout.matchAll(/^::(error|warning|notice) file=lich\.yaml,line=(\d+),/gm)].map((m) => ({
    level: m[1] as string,
    line: Number(m[2]),
  }));
}

describe("CI by finding (the built binary)", () => {
  it("the fixtures change what the cases say", () => {
    expect(RETIMED).not.toBe(BASE);
    expect(ROOM_CHANGED).not.toBe(BASE);
  });

  it("retiming a series that already clashed is one changed finding, 0 dates gained: a notice on the start line, exit 0", async () => {
    const { code, stdout, stderr, summary } = checkAgainstBase(RETIMED, "--format", "github");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(annotations(stdout)).toEqual([{ level: "notice", line: 27 }]);
    expect(lineOf(RETIMED, 27)).toBe("    start: 2024-03-04T09:00");
    expect(stdout).toContain("so với bản gốc: không thêm ngày nào");
    expect(stdout).toContain("against the base: 0 new, 1 changed, 0 fixed, 1 unchanged");
    expect(summary).toContain("0 xung đột mới (0 buổi), 1 thay đổi (thêm 0 ngày), 0 đã khắc phục, 1 không đổi.");
    await expect(stdout).toMatchFileSnapshot(join(GOLDEN, "retime.github.txt"));
  });

  it("a room change six lines below `- id:` is one annotation on the room line, exit 1", async () => {
    const { code, stdout, summary } = checkAgainstBase(ROOM_CHANGED, "--format", "github");
    expect(code).toBe(1);
    expect(annotations(stdout)).toEqual([{ level: "error", line: 48 }]);
    expect(lineOf(ROOM_CHANGED, 48)).toBe("    room: phong-2");
    expect(lineOf(ROOM_CHANGED, 42)).toBe("  - id: hdnd-tiep-xuc");
    // The message lists the dates.
    expect(stdout).toContain("10 buổi — 05/03/2024, 12/03/2024");
    expect(summary).toContain("1 xung đột mới (10 buổi), 0 thay đổi (thêm 0 ngày), 0 đã khắc phục, 2 không đổi.");
    await expect(stdout).toMatchFileSnapshot(join(GOLDEN, "room-change.github.txt"));
    await expect(summary).toMatchFileSnapshot(join(GOLDEN, "room-change.summary.md"));
  });

  it("--fail-on counts new findings and changed ones that gained dates, at or above the level", () => {
    expect(checkAgainstBase(ROOM_CHANGED, "--fail-on", "never").code).toBe(0);
    // The retimed series, moved to Tuesdays' 08:30 as well, gains a date: changed and failing.
    const gaining = RETIMED.replace(
      "    repeat: FREQ=WEEKLY;BYDAY=MO;COUNT=12\n    attendees: [thanh]",
      "    repeat: FREQ=WEEKLY;BYDAY=MO;COUNT=12\n    extra: [2024-03-06T09:00]\n    attendees: [thanh]",
    );
    const json = checkAgainstBase(
      gaining.replace("  - id: hdnd-giao-ban\n", "  - id: hdnd-giao-ban\n    extra: [2024-03-06T08:00]\n"),
      "--format",
      "json",
    );
    const report = JSON.parse(json.stdout);
    expect(report.summary).toMatchObject({ new: 0, changed: 1, fixed: 0, unchanged: 1 });
    expect(report.findings[0].diff).toMatchObject({ status: "changed", gained: ["2024-03-06"], gainedCount: 1, lost: [], lostCount: 0 });
    expect(json.code).toBe(1);
    expect(checkAgainstBase(RETIMED, "--format", "json", "--fail-on", "warning").code).toBe(0);
  });

  it("text and JUnit: only new and changed findings, the base line counts findings", () => {
    const text = checkAgainstBase(RETIMED, "--lang", "en");
    expect(text.stdout).toContain("Against the base: no dates gained");
    expect(text.stdout).toContain("Against the base: 0 new, 1 changed, 0 fixed, 1 unchanged.");
    const junit = checkAgainstBase(ROOM_CHANGED, "--format", "junit");
    expect(junit.stdout).toContain(
      'name="check/room: UBND tiếp công dân × Thường trực HĐND làm việc với các sở [phong-2]" file="lich.yaml" line="48"',
    );
    const sarif = JSON.parse(checkAgainstBase(ROOM_CHANGED, "--format", "sarif").stdout);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0].partialFingerprints["lichhopFinding/v1"]).toMatch(/^[0-9a-f]{16}$/);
    expect(results[0].locations[0].physicalLocation.region.startLine).toBe(48);
    expect(
      results[0].relatedLocations.map((r: { physicalLocation: { region: { startLine: number } } }) => r.physicalLocation.region.startLine),
    ).toEqual([33]);
  });
});
