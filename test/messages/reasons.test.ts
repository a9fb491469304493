import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeParseSchedule } from "../../src/load/parse";
import { type FileFailure, type FileProblem, message, RRULE_PART_NAMES, type RRuleExpected } from "../../src/messages";
import { checkRRule } from "../../src/recurrence/rrule-text";
import { BARE_DURATION, ENGLISH } from "../helpers/english";

/** What follows the lead of a YAML reason lichhop has no wording for. */
const UNTRANSLATED = "lỗi chưa có bản dịch";

/** The reasons js-yaml's loader gives as one literal, read from its source: a new version's new reasons fail here. */
function jsYamlReasons(): string[] {
  const require = createRequire(import.meta.url);
  const loader = readFileSync(join(dirname(require.resolve("js-yaml/package.json")), "lib/loader.js"), "utf8");
  const literal = /(?:throwError\(state, |new YAMLException\()(?:'([^'\\]*)'|"([^"\\]*)")\s*\)/g;
  return [...loader.matchAll(literal)].map((match) => (match[1] ?? match[2]) as string);
}

/** The reasons that quote the file, as js-yaml builds them (lib/loader.js). */
const QUOTING = [
  'there is a previously declared suffix for "!e!" tag handle',
  "tag prefix is malformed: %ZZ",
  "merge keys exceeded maxTotalMergeKeys (10000)",
  "tag name cannot contain such characters: !<x y>",
  "tag name is malformed: %ZZ",
  'undeclared tag handle "!e!"',
  'unidentified alias "mac-dinh"',
  "nesting exceeded maxDepth (100)",
  'unacceptable node kind for !<?> tag; it should be "scalar", not "mapping"',
  "unknown tag !<tag:yaml.org,2002:timestamp>",
  'unacceptable node kind for !<tag:yaml.org,2002:str> tag; it should be "scalar", not "sequence"',
  "cannot resolve a node with !<tag:yaml.org,2002:int> explicit tag",
];

describe("YAML syntax errors in Vietnamese", () => {
  const reasons = jsYamlReasons();

  it("finds js-yaml's reasons in its source", () => {
    expect(reasons.length).toBeGreaterThan(40);
    expect(reasons).toContain("duplicated mapping key");
    expect(reasons).toContain("bad indentation of a mapping entry");
  });

  it.each([...reasons, ...QUOTING])("words %j in Vietnamese", (reason) => {
    const vi = message("vi", "yaml-syntax", { format: "YAML", detail: reason });
    expect(vi).not.toContain(UNTRANSLATED);
    expect(vi).not.toMatch(ENGLISH);
    expect(message("en", "yaml-syntax", { format: "YAML", detail: reason })).toBe(`YAML syntax error: ${reason}`);
  });

  it("quotes a reason it does not know after Vietnamese words", () => {
    const vi = message("vi", "yaml-syntax", { format: "YAML", detail: "something new went wrong" });
    expect(vi).toBe('Lỗi cú pháp YAML: lỗi chưa có bản dịch (nguyên văn: "something new went wrong")');
    expect(vi.replace(/"[^"]*"/g, "")).not.toMatch(ENGLISH);
  });

  it.each([
    ["version: 1\nmeetings:\n  - id: a\n   title: x\n", 4, 4, "thụt lề sai ở một phần tử danh sách"],
    ["version: 1\nversion: 2\n", 2, 1, "trùng khóa: một trường được khai báo hai lần"],
    ["version: 1\n  timezone: Asia/Ho_Chi_Minh\n", 2, 11, "thụt lề sai ở một trường"],
    ['version: 1\ntitle: "Họp\n', 3, 1, 'dấu nháy kép (") chưa được đóng'],
    ["version: 1\nmeetings: [a, b\n", 3, 1, "[ ] hoặc { } chưa được đóng"],
    ["version: 1\nmeetings: *nothing\n", 2, 19, 'bí danh "*nothing" không có neo "&nothing"'],
  ])("reads %j with its line and column, in Vietnamese", (text, line, column, words) => {
    const result = safeParseSchedule(text, { filename: "lich.yaml", lang: "vi" });
    expect(result.ok).toBe(false);
    const [issue] = result.ok ? [] : result.issues;
    expect(issue).toMatchObject({ code: "yaml-syntax", file: "lich.yaml", line, column });
    expect(issue?.message).toContain(words);
    expect(issue?.message).not.toMatch(ENGLISH);
    const en = safeParseSchedule(text, { filename: "lich.yaml", lang: "en" });
    expect(en.ok ? undefined : en.issues[0]?.message).toMatch(/^YAML syntax error: [a-z]/);
  });

  it("words a JSON file's syntax errors as JSON", () => {
    const result = safeParseSchedule('{"version": 1, "version": 2}', { filename: "lich.json", lang: "vi" });
    expect(result.ok ? "" : result.issues[0]?.message).toBe(
      "Lỗi cú pháp JSON: trùng khóa: một trường được khai báo hai lần trong cùng một ánh xạ",
    );
  });
});

describe("RRULE problems in Vietnamese", () => {
  const EXPECTED: readonly RRuleExpected[] = [
    ...RRULE_PART_NAMES.map((part) => ({ value: part })),
    ...RRULE_PART_NAMES.map((part) => ({ once: part })),
    { knownPart: RRULE_PART_NAMES },
    { noDtstart: true },
    { freq: true },
    { countOrUntil: true },
  ];

  it.each(EXPECTED)("words %j without English", (expected) => {
    const vi = message("vi", "bad-rrule", { part: "X", expected });
    const en = message("en", "bad-rrule", { part: "X", expected });
    expect(vi).not.toMatch(ENGLISH);
    expect(vi).not.toMatch(BARE_DURATION);
    expect(en).toMatch(/^bad RRULE at "X": expected /);
    expect(vi).not.toBe(en);
  });

  it.each([
    ["FREQ=MONTHLY;BYDAY=1XX", "BYDAY=1XX", "BYDAY=các thứ trong tuần như MO (thứ Hai)"],
    ["FREQ=DAYLY", "FREQ=DAYLY", "FREQ=DAILY (hằng ngày), WEEKLY (hằng tuần)"],
    ["FREQ=WEEKLY;COUNT=0", "COUNT=0", "COUNT=số buổi họp, một số nguyên dương"],
    ["FREQ=WEEKLY;UNTIL=31/12/2024", "UNTIL=31/12/2024", "ví dụ 20241231 (31/12/2024)"],
    ["FREQ=WEEKLY;FREQ=DAILY", "FREQ=DAILY", "FREQ chỉ một lần"],
    ["FREQ=WEEKLY;EVERY=2", "EVERY=2", "một trong các phần FREQ, UNTIL, COUNT"],
    ["DTSTART=20240101;FREQ=WEEKLY", "DTSTART=20240101", "bỏ DTSTART"],
    ["BYDAY=MO", "BYDAY=MO", "phần FREQ, ví dụ FREQ=WEEKLY (hằng tuần)"],
    ["FREQ=WEEKLY;COUNT=3;UNTIL=20241231", "FREQ=WEEKLY;COUNT=3;UNTIL=20241231", "COUNT hoặc UNTIL, không dùng cả hai"],
  ])("says what %s should have been", (rule, part, words) => {
    const [problem] = checkRRule(rule);
    expect(problem?.part).toBe(part);
    const vi = message("vi", "bad-rrule", { part, expected: (problem as { expected: RRuleExpected }).expected });
    expect(vi).toContain(words);
    expect(vi).not.toMatch(ENGLISH);
  });

  it("keeps the English wording", () => {
    const [problem] = checkRRule("FREQ=MONTHLY;BYDAY=1XX");
    expect(message("en", "bad-rrule", { part: "BYDAY=1XX", expected: (problem as { expected: RRuleExpected }).expected })).toBe(
      'bad RRULE at "BYDAY=1XX": expected BYDAY=weekdays such as MO, 1TH or -1FR, comma-separated',
    );
  });
});

describe("files that cannot be read or written, in Vietnamese", () => {
  const PROBLEMS: readonly FileProblem[] = [
    "missing",
    "missing-folder",
    "directory",
    "not-directory",
    "denied",
    "exists",
    "loop",
    "name-too-long",
    "too-many-open",
    "no-space",
    "read-only",
  ];
  const FAILURES: readonly FileFailure[] = [...PROBLEMS, { symlinkFolder: "feeds/body" }, { code: "EIO", detail: "EIO: i/o error, read" }];

  it.each(FAILURES)("words %j without English", (failure) => {
    for (const id of ["cannot-read", "cannot-write"] as const) {
      const vi = message("vi", id, { file: "lich.yaml", failure });
      expect(vi).not.toMatch(ENGLISH);
      expect(vi).not.toBe(message("en", id, { file: "lich.yaml", failure }));
    }
  });

  it("keeps the system's words in English, its code in Vietnamese", () => {
    const failure = { code: "EIO", detail: "EIO: i/o error, read" };
    expect(message("en", "cannot-read", { file: "lich.yaml", failure })).toBe("cannot read lich.yaml: EIO: i/o error, read");
    expect(message("vi", "cannot-read", { file: "lich.yaml", failure })).toBe("Không đọc được lich.yaml: lỗi hệ thống EIO");
  });

  it.each(["one-file", "at-most-one-file", "one-date", "none"] as const)("words too many arguments (%s)", (takes) => {
    for (const command of ["expand", "init"]) {
      const vi = message("vi", "too-many-arguments", { command, count: 2, takes });
      expect(vi).not.toMatch(ENGLISH);
      expect(vi).not.toBe(message("en", "too-many-arguments", { command, count: 2, takes }));
    }
  });
});
