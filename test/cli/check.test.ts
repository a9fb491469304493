import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const CLI = join(__dirname, "../../dist/cli.js");
const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-cli-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: hdnd, name: HĐND, groups: [hdnd] }, { id: ubnd, name: UBND }]
people: [{ id: an, name: An }]
meetings:
  - { id: a, title: Họp A, body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30, attendees: [an] }
  - { id: b, title: Họp B, body: ubnd, start: 2024-01-04T09:00, end: 2024-01-04T10:00, attendees: [an] }
rules:
  - { id: r, title: Không trùng, kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }], severity: warning }
checks: { attendee: warning }
`;

describe("lichhop check (the built binary)", () => {
  it("reports the example's conflicts as JSON and exits 1", () => {
    const { code, stdout } = run("check", EXAMPLE, "--format", "json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.horizon).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(report.summary.conflicts).toBe(report.conflicts.length);
    const kinds = new Set(report.conflicts.map((c: { kind: string }) => c.kind));
    expect(kinds).toContain("rule");
    expect(kinds).toContain("attendee");
    expect(kinds).toContain("room");
  });

  it("prints readable text: one block per finding, with titles, repeats, dates and local times", () => {
    const { stdout } = run("check", EXAMPLE, "--fail-on", "never");
    expect(stdout).toContain("Kiểm tra lịch họp từ 01/01/2024 đến 31/12/2024");
    expect(stdout).toContain(
      "Phiên họp thường kỳ Thường trực HĐND tỉnh (T5 đầu tháng) trùng lịch với UBND tỉnh họp chuyên đề quy hoạch: 1 buổi — 07/03/2024",
    );
    expect(stdout).toContain("Thời gian trùng: T5 07/03/2024 09:00–11:00");
    expect(stdout).toMatch(/10 xung đột \(7 lỗi, 3 cảnh báo\) thuộc 10 vấn đề/);
    expect(stdout).not.toMatch(/\d{4}-\d{2}-\d{2}|PT\d|P\d+D/);
    // --detail lists every conflict under its finding.
    const detail = run("check", EXAMPLE, "--fail-on", "never", "--detail").stdout;
    expect(detail).toContain('"Phiên họp thường kỳ Thường trực HĐND tỉnh" (T5 07/03/2024 08:00–11:30)');
  });

  it("gives byte-identical JSON for the same input", () => {
    expect(run("check", EXAMPLE, "--format", "json").stdout).toBe(run("check", EXAMPLE, "--format", "json").stdout);
  });

  it.each([
    [["--fail-on", "error"], 0],
    [["--fail-on", "warning"], 1],
    [["--fail-on", "never"], 0],
  ])("exits by --fail-on %j: %i", (args, expected) => {
    const file = tempFile("s.yaml", GOOD);
    expect(run("check", file, ...args).code).toBe(expected);
  });

  it("narrows the horizon with --from and --to", () => {
    const file = tempFile("s.yaml", GOOD);
    const report = JSON.parse(run("check", file, "--format", "json", "--from", "2024-01-05", "--to", "2024-01-31").stdout);
    expect(report.summary).toMatchObject({ occurrences: 0, conflicts: 0 });
  });

  it("speaks English with --lang en", () => {
    const file = tempFile("s.yaml", GOOD);
    const { stdout } = run("check", file, "--lang", "en");
    expect(stdout).toContain("An booked for both");
  });

  it.each([
    ["invalid YAML", "version: 1\nmeetings: [\n", "yaml-syntax"],
    ["an unknown field", GOOD.replace("horizon:", "colour: red\nhorizon:"), "unknown-field"],
    ["a missing field", GOOD.replace("title: Họp A, ", ""), "missing-field"],
    ["a wrong type", GOOD.replace("attendees: [an] }\n  - { id: b", "attendees: an }\n  - { id: b"), "wrong-type"],
    ["an unknown reference", GOOD.replace("body: ubnd,", "body: ubndd,"), "unknown-reference"],
    ["a duplicate id", GOOD.replace("id: b,", "id: a,"), "duplicate-id"],
    ["a bad RRULE", GOOD.replace("end: 2024-01-04T10:00,", "end: 2024-01-04T10:00, repeat: FREQ=SOMETIMES,"), "bad-rrule"],
    ["an unknown zone", `timezone: Mars/Olympus\n${GOOD}`, "unknown-zone"],
    ["an end before the start", GOOD.replace("end: 2024-01-04T10:00", "end: 2024-01-04T08:00"), "end-before-start"],
    [
      "a change for no occurrence",
      GOOD.replace(
        "attendees: [an] }\n  - { id: b",
        "attendees: [an], repeat: FREQ=WEEKLY, changes: [{ occurrence: 2024-01-05, cancelled: true }] }\n  - { id: b",
      ),
      "no-such-occurrence",
    ],
    ["a horizon ending before it starts", GOOD.replace("to: 2024-01-31", "to: 2023-01-31"), "bad-horizon"],
    [
      "a runaway rule",
      GOOD.replace(
        "start: 2024-01-04T09:00, end: 2024-01-04T10:00,",
        "start: 1990-01-01T09:00, duration: PT1S, repeat: FREQ=SECONDLY;COUNT=999999999,",
      ),
      "runaway-rule",
    ],
    [
      "too many occurrences",
      GOOD.replace("start: 2024-01-04T09:00, end: 2024-01-04T10:00,", "start: 2024-01-01T09:00, duration: PT1S, repeat: FREQ=SECONDLY,"),
      "too-many-occurrences",
    ],
  ])("rejects %s with exit 2 and a located JSON error", (_name, text, code) => {
    const file = tempFile("bad.yaml", text);
    const result = run("check", file, "--format", "json");
    expect(result.code).toBe(2);
    const { version, errors } = JSON.parse(result.stdout);
    expect(version).toBe(1);
    expect(errors[0]).toMatchObject({ code, file });
    expect(errors[0].line).toBeGreaterThan(0);
    expect(errors[0].column).toBeGreaterThan(0);
    expect(typeof errors[0].path).toBe("string");
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace
  });

  it("rejects a YAML alias bomb quickly", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
      ["g", "f"],
      ["h", "g"],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const result = run("check", tempFile("bomb.yaml", lines.join("\n")));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("too-many-aliases");
  });

  it("prints text errors with file:line:column and the field path on stderr", () => {
    const file = tempFile("bad.yaml", GOOD.replace("body: ubnd,", "body: ubndd,"));
    const { code, stderr } = run("check", file, "--lang", "en");
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:7:`);
    expect(stderr).toContain("meetings[1].body");
    expect(stderr).toContain('unknown body "ubndd"');
  });

  it("counts a body's member among its attendees only from the date her membership begins", () => {
    const dated = GOOD.replace(
      "people: [{ id: an, name: An }]",
      "people: [{ id: an, name: An, bodies: [{ body: hdnd, from: 2024-01-11 }] }]",
    )
      .replace("end: 2024-01-04T11:30, attendees: [an]", "end: 2024-01-04T11:30, repeat: FREQ=WEEKLY, attendees: [hdnd]")
      .replace("end: 2024-01-04T10:00, attendees: [an]", "end: 2024-01-04T10:00, repeat: FREQ=WEEKLY, attendees: [an]");
    // The file makes its checks warnings: exit 0.
    const { code, stdout } = run("check", tempFile("dated.yaml", dated), "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const attendee = report.findings.filter((f: { kind: string }) => f.kind === "attendee");
    expect(attendee).toHaveLength(1);
    expect(attendee[0]).toMatchObject({ subjects: ["an"], first: "2024-01-11", last: "2024-01-25", dateCount: 3 });

    const backwards = GOOD.replace(
      "people: [{ id: an, name: An }]",
      "people: [{ id: an, name: An, bodies: [{ body: hdnd, from: 2024-01-11, to: 2024-01-10 }] }]",
    );
    const bad = run("check", tempFile("backwards.yaml", backwards), "--lang", "en");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'backwards.yaml:4:71: people[0].bodies[0].to: the membership of "hdnd" ends (to 2024-01-10) before it begins (from 2024-01-11)',
    );
  });

  it.each([
    [["check"], "lichhop check: cần một tệp lịch họp"],
    [["check", "nope.yaml"], "Không đọc được nope.yaml: tệp không tồn tại"],
    [["check", "nope.yaml", "--lang", "en"], "cannot read nope.yaml: no such file"],
    [["check", EXAMPLE, "--format", "xml"], "--format xml"],
    [["check", EXAMPLE, "--fail-on", "sometimes"], "--fail-on sometimes"],
    [["check", EXAMPLE, "--from", "1/1/2024"], "--from 1/1/2024"],
    [["check", EXAMPLE, "--bogus"], "bogus"],
    [["frobnicate"], 'Lệnh không hợp lệ "frobnicate"; xem lichhop --help'],
  ])("exits 2 on bad arguments %j", (args, text) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
  });

  it("prints help and the version", () => {
    expect(run("--help").stdout).toContain("lichhop check FILE");
    expect(run("--version").stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("lichhop expand", () => {
  it("lists every occurrence, sorted, with ISO times carrying the offset", () => {
    const { code, stdout } = run("expand", EXAMPLE, "--format", "json", "--from", "2024-03-01", "--to", "2024-03-31");
    expect(code).toBe(0);
    const { version, occurrences } = JSON.parse(stdout);
    expect(version).toBe(1);
    expect(occurrences.length).toBeGreaterThan(3);
    const starts = occurrences.map((o: { start: string }) => Date.parse(o.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(occurrences[0]).toMatchObject({
      meeting: expect.any(String),
      title: expect.any(String),
      start: expect.stringMatching(/\+07:00$/),
    });
  });

  it("writes all-day occurrences as dates", () => {
    const { stdout } = run("expand", EXAMPLE, "--format", "json", "--from", "2024-07-09", "--to", "2024-07-09");
    const session = JSON.parse(stdout).occurrences.find((o: { meeting: string }) => o.meeting === "hdnd-ky-hop-giua-nam");
    expect(session).toMatchObject({ start: "2024-07-09", end: "2024-07-12" });
  });

  it("prints a text line per occurrence", () => {
    const { stdout } = run("expand", EXAMPLE, "--from", "2024-03-07", "--to", "2024-03-07");
    expect(stdout).toContain("T5 07/03/2024 08:00–11:30  Phiên họp thường kỳ Thường trực HĐND tỉnh");
  });
});
