import { describe, expect, it } from "vitest";
import { safeParseSchedule } from "../../src/load/parse";

/** A file whose only person is a member of the bodies given as block items under `bodies:` (line 10 on). */
function withMemberships(...items: string[]): string {
  return [
    "version: 1",
    "locale: en",
    "horizon: { from: 2024-01-01, to: 2024-12-31 }",
    "bodies:",
    "  - { id: ubnd, name: UBND tỉnh }",
    "people:",
    "  - id: hau",
    "    name: Đoàn Thị Hậu",
    "    bodies:",
    ...items.map((item) => `      - ${item}`),
    "",
  ].join("\n");
}

function issuesOf(text: string, lang?: "vi" | "en") {
  const result = safeParseSchedule(text, { filename: "lich.yaml", ...(lang ? { lang } : {}) });
  if (result.ok) throw new Error("expected issues");
  return result.issues.map(({ code, path, file, line, column, message }) => ({ code, path, file, line, column, message }));
}

describe("dated membership in the file: people[].bodies", () => {
  it("accepts a body id, { body } and { body, from, to } with from on or before to (one day: from = to)", () => {
    const result = safeParseSchedule(
      withMemberships("ubnd", "{ body: ubnd }", "{ body: ubnd, from: 2024-03-07, to: 2024-03-07 }", "{ body: ubnd, to: 2024-01-31 }"),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.schedule.people[0]?.bodies?.[2]).toEqual({ body: "ubnd", from: "2024-03-07", to: "2024-03-07" });
  });

  it("refuses a membership that ends before it begins, at its `to`", () => {
    expect(issuesOf(withMemberships("ubnd", "{ body: ubnd, from: 2024-03-07, to: 2024-03-01 }"))).toEqual([
      {
        code: "end-before-start",
        path: ["people", 0, "bodies", 1, "to"],
        file: "lich.yaml",
        line: 11,
        column: 41,
        message:
          'the membership of "ubnd" ends (to 2024-03-01) before it begins (from 2024-03-07); both dates count, so a membership of one day has the same from and to',
      },
    ]);
    const [vi] = issuesOf(withMemberships("{ body: ubnd, from: 2024-03-07, to: 2024-03-01 }"), "vi");
    expect(vi?.message).toBe(
      'Thời gian là thành viên của "ubnd" không hợp lệ: ngày kết thúc 01/03/2024 trước ngày bắt đầu 07/03/2024; cả hai ngày đều được tính, nên thành viên trong một ngày thì ngày bắt đầu và ngày kết thúc trùng nhau',
    );
  });

  it("reports an unknown body in the mapping as in the plain id, at the body's id", () => {
    const issues = issuesOf(withMemberships("ubdn", "{ body: ubdn, from: 2024-03-01 }"));
    expect(issues).toEqual([
      {
        code: "unknown-reference",
        path: ["people", 0, "bodies", 0],
        file: "lich.yaml",
        line: 10,
        column: 9,
        message: 'unknown body "ubdn"; did you mean "ubnd"?',
      },
      {
        code: "unknown-reference",
        path: ["people", 0, "bodies", 1, "body"],
        file: "lich.yaml",
        line: 11,
        column: 11,
        message: 'unknown body "ubdn"; did you mean "ubnd"?',
      },
    ]);
  });

  it.each([
    [
      "a date that does not exist",
      "{ body: ubnd, from: 2024-02-30 }",
      "invalid-value",
      ["people", 0, "bodies", 0, "from"],
      23,
      'invalid value "2024-02-30": expected a date that exists',
    ],
    [
      "a year out of range",
      "{ body: ubnd, to: 1800-01-01 }",
      "invalid-value",
      ["people", 0, "bodies", 0, "to"],
      23,
      "the date 1800-01-01 is outside the supported years: expected a date from 1900-01-01 to 2100-12-31",
    ],
    [
      "a date-time",
      "{ body: ubnd, from: 2024-03-01T08:00 }",
      "invalid-value",
      ["people", 0, "bodies", 0, "from"],
      23,
      'invalid value "2024-03-01T08:00": expected a date YYYY-MM-DD',
    ],
    ["no body", "{ from: 2024-03-01 }", "missing-field", ["people", 0, "bodies", 0, "body"], 9, 'missing field "body" (expected a text)'],
    [
      "a misspelt field",
      "{ body: ubnd, form: 2024-03-01 }",
      "unknown-field",
      ["people", 0, "bodies", 0, "form"],
      23,
      'unknown field "form" (did you mean "from"?); expected one of: body, from, to',
    ],
    [
      "a number",
      "3",
      "wrong-type",
      ["people", 0, "bodies", 0],
      9,
      "wrong type: expected a body id, or { body, from, to } with the dates of the membership, found number 3",
    ],
    [
      "a bad id",
      "UBND",
      "invalid-value",
      ["people", 0, "bodies", 0],
      9,
      `invalid value "UBND": expected an id: lowercase letters, digits and '-', at most 64 characters`,
    ],
  ])("refuses %s with its place and what was expected", (_, item, code, path, column, message) => {
    expect(issuesOf(withMemberships(item))).toEqual([{ code, path, file: "lich.yaml", line: 10, column, message }]);
  });
});
