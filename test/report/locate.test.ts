// `checkSchedule` alone did not add source positions: the CLI located its reports with
// `locateReport`, and gave the CI formats their rules with `checkEntries`. A check's report is
// now located, and the CI formats read the rules from the schedule, so the library's outputs
// are the CLI's, byte for byte.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { version } from "../../package.json";
import {
  changedMeetings,
  checkSchedule,
  expandSchedule,
  formatGithub,
  formatJunit,
  formatSarif,
  meetingChanges,
  reportAgainstBase,
  reportOccurrences,
  safeCheckSchedule,
} from "../../src";
import { addMeetings, BASE_TEXT, CLI, FIXTURES, fixture, lineOf, NEW_CLASHING_MEETING, parse, ROOT } from "../helpers/ci";

const SMALL = "test/fixtures/ci/schedules/small.yaml";
const small = parse(fixture("small.yaml"), SMALL);

function cli(args: readonly string[]): string {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" }).stdout;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe("a check's report is located in the file", () => {
  it("checkSchedule gives every conflict and each of its occurrences a source", () => {
    const report = checkSchedule(small);
    expect(report.conflicts.length).toBeGreaterThan(0);
    for (const conflict of report.conflicts) {
      expect(conflict.source).toMatchObject({ file: SMALL, line: expect.any(Number), column: expect.any(Number) });
      for (const occurrence of conflict.occurrences) {
        // A changed or moved occurrence points at its `changes` entry, any other at its meeting.
        const expected = occurrence.status === "scheduled" ? `id: ${occurrence.meeting}` : "- { occurrence: ";
        expect(lineOf(fixture("small.yaml"), occurrence.source?.line ?? 0)).toContain(expected);
      }
      expect(conflict.source).toEqual(conflict.occurrences[0]?.source);
    }
  });

  it("safeCheckSchedule's report is the same located report", () => {
    const result = safeCheckSchedule(small);
    expect(result.ok && result.report).toEqual(checkSchedule(small));
  });

  it("with changed, a conflict is placed on its occurrence of a changed meeting", () => {
    const proposedText = addMeetings(BASE_TEXT, NEW_CLASHING_MEETING);
    const proposed = parse(proposedText);
    const report = checkSchedule(proposed, { changed: changedMeetings(parse(BASE_TEXT), proposed) });
    const onNew = report.conflicts.filter((conflict) => conflict.occurrences.some((o) => o.meeting === "ubnd-hop-moi"));
    expect(onNew.length).toBeGreaterThan(0);
    for (const conflict of onNew) expect(lineOf(proposedText, conflict.source?.line ?? 0)).toBe("  - id: ubnd-hop-moi");
  });
});

describe("the library's outputs equal lichhop check's", () => {
  it("the JSON report", () => {
    expect(json(checkSchedule(small))).toBe(cli(["check", SMALL, "--format", "json"]));
  });

  it("github", () => {
    expect(formatGithub(checkSchedule(small))).toBe(cli(["check", SMALL, "--format", "github"]));
  });

  it("junit, from the report and the schedule", () => {
    expect(formatJunit(checkSchedule(small), { schedule: small })).toBe(cli(["check", SMALL, "--format", "junit"]));
  });

  it("sarif, from the report and the schedule", () => {
    const sarif = formatSarif(checkSchedule(small), { schedule: small, toolVersion: version });
    expect(sarif).toBe(cli(["check", SMALL, "--format", "sarif"]));
  });

  it("against a base: the report and its annotations", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-locate-"));
    const file = join(dir, "lich.yaml");
    const proposedText = addMeetings(BASE_TEXT, NEW_CLASHING_MEETING);
    writeFileSync(file, proposedText);
    const baseFile = join(FIXTURES, "lang-son-base.yaml");
    const proposed = parse(proposedText, file);
    const base = parse(BASE_TEXT, baseFile);
    const checked = checkSchedule(proposed, { changed: changedMeetings(base, proposed) });
    const report = reportAgainstBase(checked, checkSchedule(base, { from: checked.horizon.from, to: checked.horizon.to }), {
      changes: meetingChanges(base, proposed),
      schedule: proposed,
    });
    expect(report.summary).toMatchObject({ new: 4, changed: 0, unchanged: 10 });
    expect(json(report)).toBe(cli(["check", file, "--base", baseFile, "--format", "json"]));
    expect(formatGithub(report)).toBe(cli(["check", file, "--base", baseFile, "--format", "github"]));
  });

  it("reportOccurrences: the occurrences of lichhop expand", () => {
    const occurrences = reportOccurrences(expandSchedule(small));
    expect(json({ version: 1, occurrences })).toBe(cli(["expand", SMALL, "--format", "json"]));
  });
});
