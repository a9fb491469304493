import { describe, expect, it } from "vitest";
import { mergeSchedules, safeMergeSchedules, type ScheduleText } from "../../src/load/merge";
import { ScheduleError } from "../../src/errors";
import { checked, fixture } from "../helpers/ci";

const HDND: ScheduleText = { filename: "lich/hdnd.yaml", text: fixture("multi/hdnd.yaml") };
const UBND: ScheduleText = { filename: "lich/ubnd.yaml", text: fixture("multi/ubnd.yaml") };

function issuesOf(inputs: ScheduleText[]) {
  const result = safeMergeSchedules(inputs, { lang: "en" });
  if (result.ok) throw new Error("expected issues");
  return result.issues.map(({ code, file, line, column, path, message }) => ({ code, file, line, column, path, message }));
}

describe("a schedule kept in several files", () => {
  it("merges into one schedule whose references cross files", () => {
    const schedule = mergeSchedules([HDND, UBND]);
    expect(schedule.meetings.map((m) => m.id)).toEqual(["hdnd-giao-ban", "ubnd-chuyen-de"]);
    expect(schedule.people.map((p) => p.id)).toEqual(["hau", "thanh"]);
    const report = checked(schedule);
    expect(report.conflicts.map((c) => [c.kind, c.source]).sort()).toEqual([
      ["room", { file: "lich/hdnd.yaml", line: 15, column: 5 }],
      ["rule", { file: "lich/hdnd.yaml", line: 15, column: 5 }],
    ]);
    expect(report.conflicts[1]?.occurrences.map((o) => o.source)).toEqual([
      { file: "lich/hdnd.yaml", line: 15, column: 5 },
      { file: "lich/ubnd.yaml", line: 8, column: 5 },
    ]);
  });

  it("gives the same conflicts whatever the order of the files", () => {
    const ids = (inputs: ScheduleText[]) =>
      checked(mergeSchedules(inputs))
        .conflicts.map((c) => c.id)
        .sort();
    expect(ids([UBND, HDND])).toEqual(ids([HDND, UBND]));
  });

  it("settings that agree (in any key order) may be repeated", () => {
    expect(safeMergeSchedules([HDND, UBND]).ok).toBe(true);
  });

  it("settings that differ are an error naming both files", () => {
    const other = { ...UBND, text: UBND.text.replace("version: 1\n", "version: 1\ntimezone: Asia/Bangkok\n") };
    expect(issuesOf([HDND, other])).toEqual([
      {
        code: "conflicting-fields",
        file: "lich/ubnd.yaml",
        line: 4,
        column: 1,
        path: ["timezone"],
        message: '"timezone" differs between lich/hdnd.yaml (line 4) and lich/ubnd.yaml (line 4): give it once or the same in every file',
      },
    ]);
  });

  it("an id used in two files is an error on the second, naming the first", () => {
    const other = { ...UBND, text: UBND.text.replace("id: thanh", "id: hau").replace("attendees: [thanh]", "attendees: [hau]") };
    expect(issuesOf([HDND, other])).toEqual([
      {
        code: "duplicate-id",
        file: "lich/ubnd.yaml",
        line: 6,
        column: 7,
        path: ["people", 0, "id"],
        message: 'duplicate id "hau" (already used in lich/hdnd.yaml on line 11)',
      },
    ]);
  });

  it("an error in the second file names that file, its own path and line", () => {
    const other = {
      ...UBND,
      text: UBND.text.replace("room: phong-1", "room: phong-9").replace("title: UBND họp chuyên đề", "title: 5\n    colour: red"),
    };
    const issues = issuesOf([HDND, other]);
    expect(issues.map(({ code, file, line, path }) => ({ code, file, line, path }))).toEqual([
      { code: "wrong-type", file: "lich/ubnd.yaml", line: 9, path: ["meetings", 0, "title"] },
      { code: "unknown-field", file: "lich/ubnd.yaml", line: 10, path: ["meetings", 0, "colour"] },
    ]);
    const reference = { ...UBND, text: UBND.text.replace("room: phong-1", "room: phong-9") };
    expect(issuesOf([HDND, reference]).map(({ code, file, line, path }) => ({ code, file, line, path }))).toEqual([
      { code: "unknown-reference", file: "lich/ubnd.yaml", line: 14, path: ["meetings", 0, "room"] },
    ]);
  });

  it("a file that is no mapping, or lacks its version, is named", () => {
    expect(issuesOf([HDND, { filename: "x.yaml", text: "- a\n- b\n" }])).toMatchObject([{ code: "wrong-type", file: "x.yaml", line: 1 }]);
    expect(issuesOf([HDND, { ...UBND, text: UBND.text.replace("version: 1\n", "") }])).toMatchObject([
      { code: "missing-field", file: "lich/ubnd.yaml", path: [] },
    ]);
  });

  it("a YAML syntax error names its file", () => {
    expect(issuesOf([HDND, { filename: "bad.yaml", text: "version: 1\nmeetings: [\n" }])[0]).toMatchObject({
      code: "yaml-syntax",
      file: "bad.yaml",
    });
  });

  it("mergeSchedules throws a ScheduleError holding every issue", () => {
    expect(() => mergeSchedules([HDND, { filename: "x.yaml", text: "[]" }])).toThrow(ScheduleError);
  });
});
