import { describe, expect, it } from "vitest";
import { safeParseSchedule } from "../../src/load/parse";
import { checkEntries } from "../../src/report/formats/checks";
import { formatGithub, formatIssuesGithub } from "../../src/report/formats/github";
import { formatIssuesJunit, formatJunit } from "../../src/report/formats/junit";
import { formatIssuesSarif, formatSarif } from "../../src/report/formats/sarif";
import { checked, fixture, parse } from "../helpers/ci";

const FILE = "test/fixtures/ci/schedules/small.yaml";
const schedule = parse(fixture("small.yaml"), FILE);
const report = checked(schedule);
const checks = checkEntries(schedule, "en");

const broken = safeParseSchedule(fixture("broken.yaml"), { filename: "test/fixtures/ci/schedules/broken.yaml", lang: "en" });
const issues = broken.ok ? [] : broken.issues;

/** Element names of an XML document must open and close in order. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name as string);
  }
  return stack.length === 0;
}

describe("golden outputs of the CI formats", () => {
  it("junit names a finding's test case by its meetings' titles, never by a hash", () => {
    const xml = formatJunit(report, { schedule, lang: "en" });
    expect(xml).toContain('name="rule/hdnd-khong-trung-ubnd: Giao ban Thường trực HĐND × UBND tiếp công dân"');
    expect(xml).not.toMatch(/name="[^"]*[0-9a-f]{16}/);
  });

  it("the fixture has one conflict of each sort", () => {
    expect(report.conflicts.map((c) => `${c.kind}:${c.severity}`).sort()).toEqual([
      "attendee:error",
      "room:warning",
      "rule:error",
      "rule:error",
    ]);
  });

  it("github", async () => {
    await expect(formatGithub(report)).toMatchFileSnapshot("../fixtures/ci/golden/small.github.txt");
  });

  it("junit", async () => {
    const xml = formatJunit(report, { schedule, lang: "en" });
    expect(balanced(xml)).toBe(true);
    expect(xml).toContain('<testsuites name="lichhop" tests="5" failures="4"');
    await expect(xml).toMatchFileSnapshot("../fixtures/ci/golden/small.junit.xml");
  });

  it("sarif", async () => {
    const text = formatSarif(report, { schedule, toolVersion: "0.0.0-test", lang: "en" });
    const log = JSON.parse(text);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    await expect(text).toMatchFileSnapshot("../fixtures/ci/golden/small.sarif.json");
  });

  it("junit and sarif list every rule and check, passing ones too", () => {
    expect(checks.map((c) => c.id)).toEqual(["rule/hdnd-khong-trung-ubnd", "rule/ubnd-khong-trung-nhau", "check/attendee", "check/room"]);
    expect(formatJunit(report, { schedule })).toContain('name="rule/ubnd-khong-trung-nhau: no conflicts"');
  });

  it("an empty report is a passing JUnit run and an empty SARIF run", () => {
    const empty = {
      ...report,
      conflicts: [],
      findings: [],
      summary: { ...report.summary, conflicts: 0, errors: 0, warnings: 0, findings: 0 },
    };
    expect(formatJunit(empty, { schedule })).toContain('<testsuites name="lichhop" tests="4" failures="0"');
    expect(JSON.parse(formatSarif(empty, { schedule })).runs[0].results).toEqual([]);
    expect(formatGithub(empty)).toBe("lichhop: 3 meetings, 6 occurrences; 0 conflicts (0 errors, 0 warnings) in 0 findings\n");
  });

  it("schedule issues in each format", async () => {
    expect(issues.length).toBeGreaterThan(0);
    await expect(formatIssuesGithub(issues)).toMatchFileSnapshot("../fixtures/ci/golden/broken.github.txt");
    const xml = formatIssuesJunit(issues);
    expect(balanced(xml)).toBe(true);
    await expect(xml).toMatchFileSnapshot("../fixtures/ci/golden/broken.junit.xml");
    await expect(formatIssuesSarif(issues, { toolVersion: "0.0.0-test" })).toMatchFileSnapshot("../fixtures/ci/golden/broken.sarif.json");
  });
});
