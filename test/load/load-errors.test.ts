import { describe, expect, it } from "vitest";
import { parseSchedule, safeParseSchedule, validateSchedule } from "../../src/load/parse";
import { ScheduleError } from "../../src/errors";

const HEAD = `version: 1
locale: en
horizon: { from: 2024-01-01, to: 2024-12-31 }
bodies:
  - { id: ubnd, name: UBND }
people:
  - { id: an, name: An }
rooms:
  - { id: r1, name: Room 1 }
meetings:
`;

const meeting = (fields: string) => `${HEAD}  - id: m1
    title: Họp
    body: ubnd
${fields}`;

function issuesOf(text: string) {
  const result = safeParseSchedule(text, { filename: "lich.yaml" });
  if (result.ok) throw new Error("expected issues");
  return result.issues;
}

describe("bad input gives one clear issue with file, line, column and path", () => {
  it.each([
    ["invalid YAML", `${HEAD}  - id: [`, "yaml-syntax", []],
    [
      "an unknown field",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    colour: red\n"),
      "unknown-field",
      ["meetings", 0, "colour"],
    ],
    [
      "a missing title",
      `${HEAD}  - id: m1\n    body: ubnd\n    start: 2024-01-04T08:00\n    duration: PT1H\n`,
      "missing-field",
      ["meetings", 0, "title"],
    ],
    [
      "a wrong type",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    attendees: an\n"),
      "wrong-type",
      ["meetings", 0, "attendees"],
    ],
    [
      "a bad id",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    tags: [Bad_Tag]\n"),
      "invalid-value",
      ["meetings", 0, "tags", 0],
    ],
    [
      "an unknown reference",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    room: r2\n"),
      "unknown-reference",
      ["meetings", 0, "room"],
    ],
    [
      "a bad RRULE",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    repeat: FREQ=MONTHLY;BYDAY=1XX\n"),
      "bad-rrule",
      ["meetings", 0, "repeat"],
    ],
    [
      "an unknown zone",
      meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    timezone: Asia/Hanoi\n"),
      "unknown-zone",
      ["meetings", 0, "timezone"],
    ],
    [
      "an end before the start",
      meeting("    start: 2024-01-04T08:00\n    end: 2024-01-04T07:00\n"),
      "end-before-start",
      ["meetings", 0, "end"],
    ],
    [
      "an end equal to the start",
      meeting("    start: 2024-01-04T08:00\n    end: 2024-01-04T08:00\n"),
      "end-before-start",
      ["meetings", 0, "end"],
    ],
    [
      "a change for an occurrence that does not exist",
      meeting(
        "    start: 2024-01-04T08:00\n    duration: PT1H\n    repeat: FREQ=WEEKLY\n    changes:\n      - { occurrence: 2024-01-05, cancelled: true }\n",
      ),
      "no-such-occurrence",
      ["meetings", 0, "changes", 0, "occurrence"],
    ],
    [
      "a start outside its rule",
      meeting("    start: 2024-01-03T08:00\n    duration: PT1H\n    repeat: FREQ=MONTHLY;BYDAY=1TH\n"),
      "start-not-in-rule",
      ["meetings", 0, "start"],
    ],
    [
      "both end and duration",
      meeting("    start: 2024-01-04T08:00\n    end: 2024-01-04T09:00\n    duration: PT1H\n"),
      "conflicting-fields",
      ["meetings", 0, "duration"],
    ],
    [
      "a status beside cancelled: true, which drops the occurrence",
      meeting(
        "    start: 2024-01-04T08:00\n    duration: PT1H\n    repeat: FREQ=WEEKLY\n    changes:\n      - { occurrence: 2024-01-11, cancelled: true, status: postponed }\n",
      ),
      "conflicting-fields",
      ["meetings", 0, "changes", 0, "status"],
    ],
    [
      "a note beside cancelled: true",
      meeting(
        "    start: 2024-01-04T08:00\n    duration: PT1H\n    repeat: FREQ=WEEKLY\n    changes:\n      - { occurrence: 2024-01-11, cancelled: true, note: Bão }\n",
      ),
      "conflicting-fields",
      ["meetings", 0, "changes", 0, "note"],
    ],
    ["a date that does not exist", meeting("    start: 2024-02-30T08:00\n    duration: PT1H\n"), "invalid-value", ["meetings", 0, "start"]],
    ["a horizon ending before it starts", `${HEAD.replace("to: 2024-12-31", "to: 2023-12-31")}  []\n`, "bad-horizon", ["horizon", "to"]],
    ["an unknown rule kind", `${HEAD}  []\nrules:\n  - { id: r, title: R, kind: sometimes }\n`, "invalid-value", ["rules", 0, "kind"]],
  ])("%s", (_name, text, code, path) => {
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ code, path, file: "lich.yaml" });
    expect(issue?.line).toBeGreaterThan(0);
    expect(issue?.column).toBeGreaterThan(0);
    expect(issue?.message.length).toBeGreaterThan(10);
  });

  it("points at the line and column of the offending field", () => {
    const [issue] = issuesOf(meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    room: r2\n"));
    expect(issue).toMatchObject({ line: 16, column: 5 });
  });

  it("names the duplicate id and the line of its first use", () => {
    const text = `${HEAD}  - { id: m1, title: A, body: ubnd, start: 2024-01-04T08:00, duration: PT1H }\n  - { id: m1, title: B, body: ubnd, start: 2024-01-05T08:00, duration: PT1H }\n`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ code: "duplicate-id", path: ["meetings", 1, "id"], line: 12 });
    expect(issue?.message).toContain("line 11");
  });

  it("lists every problem at once, in file order", () => {
    const text = meeting("    start: 2024-01-04T08:00\n    end: 2024-01-04T07:00\n    room: r9\n    attendees: [nobody]\n");
    const issues = issuesOf(text);
    expect(issues.map((issue) => issue.code)).toEqual(["end-before-start", "unknown-reference", "unknown-reference"]);
    const lines = issues.map((issue) => issue.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("suggests the closest id for a typo", () => {
    const [issue] = issuesOf(meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    attendees: [ann]\n"));
    expect(issue?.message).toContain('did you mean "an"');
  });

  it("refuses a YAML alias bomb without expanding it", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
      ["g", "f"],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const [issue] = issuesOf(lines.join("\n"));
    expect(issue?.code).toBe("too-many-aliases");
  });

  it("reads JSON with the same shape and reports JSON syntax errors", () => {
    const json = JSON.stringify({ version: 1, bodies: [{ id: "ubnd", name: "UBND" }], meetings: [] });
    expect(parseSchedule(json, { filename: "lich.json" }).bodies).toHaveLength(1);
    const result = safeParseSchedule('{ "version": 1, ', { filename: "lich.json" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain("JSON");
  });

  it("writes messages in Vietnamese by default and in English on request", () => {
    const text = meeting("    start: 2024-01-04T08:00\n    duration: PT1H\n    room: r2\n").replace("locale: en\n", "");
    const vi = safeParseSchedule(text);
    const en = safeParseSchedule(text, { lang: "en" });
    expect(!vi.ok && vi.issues[0]?.message).toContain("Không tìm thấy phòng họp");
    expect(!en.ok && en.issues[0]?.message).toContain("unknown room");
  });

  it("throws one ScheduleError holding every issue", () => {
    expect(() => parseSchedule(meeting("    start: 2024-01-04T08:00\n"), { filename: "x.yaml" })).toThrow(ScheduleError);
    try {
      validateSchedule({ version: 2 });
    } catch (error) {
      expect(error).toBeInstanceOf(ScheduleError);
      expect((error as ScheduleError).issues[0]?.path).toEqual(["version"]);
    }
  });
});

describe("rules", () => {
  it("rejects a lead-time rule whose max is shorter than its min", () => {
    const text = `${HEAD}  []\nrules:\n  - { id: r, title: R, kind: lead-time, before: { bodies: [ubnd] }, target: { bodies: [ubnd] }, min: P30D, max: P7D }\n`;
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ code: "invalid-value", path: ["rules", 0, "max"], line: 13 });
  });
});
