import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const CLI = join(__dirname, "../../dist/cli.js");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-hostile-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// YAML double-quoted escapes: the loaded titles and names hold a raw newline, ESC, U+202E and CR.
const HOSTILE = String.raw`version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies:
  - { id: hdnd, name: "HĐND\u202Egnal", groups: [hdnd] }
  - { id: ubnd, name: "UBND\e[2J" }
people: [{ id: an, name: "An\r::error::pwned-by-name" }]
rooms: [{ id: p1, name: "Phòng\n::error file=x::pwned-by-room" }]
meetings:
  - { id: a, title: "Họp A\n::error::pwned", body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30, attendees: [an], room: p1 }
  - { id: b, title: "Họp B\e[2J\e]0;title\a\u202E\r\n::warning::pwned", body: ubnd, start: 2024-01-04T09:00, end: 2024-01-04T10:00, attendees: [an], room: p1 }
rules:
  - { id: r, title: "Không trùng\n::notice::pwned-by-rule", kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }], severity: error }
checks: { attendee: warning }
`;

/** Raw characters that must never reach a text output. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function expectInert(text: string, legit: RegExp | null = null): void {
  expect(text).not.toMatch(RAW);
  for (const line of text.split("\n")) {
    if (line.startsWith("::")) expect(legit && legit.test(line), `a line starts with "::": ${JSON.stringify(line)}`).toBe(true);
  }
}

describe("text outputs show control characters, line breaks and bidi overrides escaped", () => {
  const file = tempFile("lich.yaml", HOSTILE);

  it("check (text, the default) keeps each conflict on one line", () => {
    const { code, stdout, stderr } = run("check", file);
    expect(code).toBe(1);
    expectInert(stdout);
    expectInert(stderr);
    expect(stdout).toContain("Họp A\\n::error::pwned");
    expect(stdout).toContain("Họp B\\u001B[2J\\u001B]0;title\\u0007\\u202E\\r\\n::warning::pwned");
    expect(stdout).toContain("An\\r::error::pwned-by-name");
    expect(stdout).toContain("Không trùng\\n::notice::pwned-by-rule");
  });

  it("check in English and with --fail-on never is inert too", () => {
    const { stdout } = run("check", file, "--lang", "en", "--fail-on", "never");
    expectInert(stdout);
  });

  it("check --format github writes only its own workflow commands", () => {
    const { code, stdout, stderr } = run("check", file, "--format", "github");
    expect(code).toBe(1);
    const report = JSON.parse(run("check", file, "--format", "json").stdout);
    expectInert(stdout, /^::(error|warning) file=[^:]*,line=\d+,col=\d+,title=lichhop [^:]*::/);
    expectInert(stderr);
    const commands = stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(report.conflicts.length);
  });

  it("check --format junit writes well-formed XML characters", () => {
    const { stdout } = run("check", file, "--format", "junit");
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(stdout).toContain("Họp A&#10;::error::pwned");
  });

  it("check --format sarif and json keep the titles as written (JSON escapes them)", () => {
    const sarif = JSON.parse(run("check", file, "--format", "sarif").stdout);
    expect(JSON.stringify(sarif)).toContain("Họp A\\n::error::pwned");
    const { stdout } = run("check", file, "--format", "json");
    expect(stdout).not.toMatch(/\u001b|\r/);
    const report = JSON.parse(stdout);
    expect(report.conflicts.map((c: { message: string }) => c.message).join()).toContain("Họp A\n::error::pwned");
  });

  it("expand (text) writes one line per occurrence", () => {
    const { code, stdout, stderr } = run("expand", file);
    expect(code).toBe(0);
    expectInert(stdout);
    expectInert(stderr);
    expect(stdout.trimEnd().split("\n")).toHaveLength(2);
    expect(stdout).toContain("Họp A\\n::error::pwned  [a]");
  });

  it("expand --format json keeps the raw title", () => {
    const { stdout } = run("expand", file, "--format", "json");
    const titles = JSON.parse(stdout).occurrences.map((o: { title: string }) => o.title);
    expect(titles).toContain("Họp A\n::error::pwned");
  });

  it("days-off (text) with the hostile file is inert", () => {
    const { code, stdout, stderr } = run("days-off", file, "--year", "2024");
    expect(code).toBe(0);
    expectInert(stdout);
    expectInert(stderr);
  });

  it.each([["check"], ["expand"], ["days-off"]])("%s: issue lines on stderr quote the file's keys and name inertly", (command) => {
    const bad = tempFile("lich\n::error::pwned-by-filename\u202E.yaml", `${HOSTILE}"x\\n::error::pwned-by-key\\e[2J": 1\n`);
    const { code, stdout, stderr } = run(command, bad);
    expect(code).toBe(2);
    expectInert(stdout);
    expectInert(stderr);
    expect(stderr).toContain("pwned-by-key");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain("lich\\n::error::pwned-by-filename\\u202E.yaml");
  });

  it("--format json issues keep the raw key (JSON escapes it)", () => {
    const bad = tempFile("lich.yaml", `${HOSTILE}"x\\n::error::pwned-by-key": 1\n`);
    const { code, stdout } = run("check", bad, "--format", "json");
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors[0].message).toContain("x\n::error::pwned-by-key");
  });

  it("usage errors quote arguments inertly", () => {
    const { code, stderr } = run("lunar", "2024-13-01\n::error::pwned\u001b[2J");
    expect(code).toBe(2);
    expectInert(stderr);
  });

  it("init names a hostile --out inertly", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-hostile-"));
    const { code, stdout } = run("init", "--out", join(dir, "a\n::error::pwned\u001b[2J.yaml"));
    expect(code).toBe(0);
    expectInert(stdout);
  });
});
