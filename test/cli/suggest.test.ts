import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkSchedule, parseSchedule } from "../../src";
import { runCli } from "../helpers/cli";
import { ENGLISH, withoutForms } from "../helpers/english";

const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");
const NOW = ["--now", "2024-01-01"];
const schedule = parseSchedule(readFileSync(EXAMPLE, "utf8"), { filename: EXAMPLE });
const report = checkSchedule(schedule);
const findingOn = (date: string, kind: string) => {
  const finding = report.findings?.find((f) => f.first === date && f.kind === kind);
  if (!finding) throw new Error(`no ${kind} finding on ${date}`);
  return finding;
};

interface JsonMove {
  readonly meeting: string;
  readonly change: Record<string, unknown>;
  readonly resolves: readonly string[];
  readonly adds: readonly string[];
}
interface JsonResult {
  readonly finding: string;
  readonly conflict: string;
  readonly sides: readonly { readonly meeting: string; readonly occurrence: string; readonly moves: readonly JsonMove[] }[];
}

/** The schedule file's text with a `changes` entry added to one meeting (as a secretariat would paste it). */
function pasted(text: string, meeting: string, entry: Record<string, unknown>): string {
  const file = load(text, { schema: CORE_SCHEMA }) as { meetings: { id: string; changes?: unknown[] }[] };
  for (const m of file.meetings) if (m.id === meeting) m.changes = [...(m.changes ?? []), entry];
  return JSON.stringify(file);
}

describe("lichhop suggest", { timeout: 60_000 }, () => {
  it("prints moves for one finding, each a changes entry that parses as YAML, in Vietnamese", () => {
    const finding = findingOn("2024-03-07", "rule");
    const result = runCli(["suggest", EXAMPLE, "--finding", finding.id, "--count", "1", ...NOW]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Gợi ý dời lịch cho 1 phát hiện",
        "",
        `1. [LỖI] ${finding.message}`,
        "   Xung đột ngày T5 07/03/2024",
        `   Dời "Phiên họp thường kỳ Thường trực HĐND tỉnh" (buổi T5 07/03/2024 08:00; ${EXAMPLE}:47):`,
        "     1) T5 07/03/2024, buổi chiều 13:30–17:00: trống sớm nhất; đủ người dự",
        "        Giải quyết 1 phát hiện; không phát sinh phát hiện mới",
        "        Thêm vào changes của cuộc họp (thay mục có cùng occurrence, nếu có):",
        '          - { occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" }',
        `   Dời "UBND tỉnh họp chuyên đề quy hoạch" (buổi T5 07/03/2024 09:00; ${EXAMPLE}:76):`,
        "     1) T5 07/03/2024, buổi chiều 13:30–15:30: trống sớm nhất; đủ người dự",
        "        Giải quyết 1 phát hiện; không phát sinh phát hiện mới",
        "        Thêm vào changes của cuộc họp (thay mục có cùng occurrence, nếu có):",
        '          - { occurrence: "2024-03-07T09:00", start: "2024-03-07T13:30", end: "2024-03-07T15:30" }',
        `   id: ${finding.id}`,
        "",
      ].join("\n"),
    );
    // What is printed to paste is the entry the JSON gives, read back by a YAML parser.
    const json = JSON.parse(runCli(["suggest", EXAMPLE, "--finding", finding.id, "--count", "1", "--format", "json", ...NOW]).stdout);
    const printed = result.stdout
      .split("\n")
      .filter((line) => line.trim().startsWith("- {"))
      .map((line) => (load(line.trim()) as unknown[])[0]);
    expect(printed).toEqual(json.suggestions[0].sides.map((side: JsonResult["sides"][number]) => side.moves[0]?.change));
  });

  it("offers, for every finding, moves that pasted into the file remove the clash and add no error", () => {
    const result = runCli(["suggest", EXAMPLE, "--format", "json", ...NOW]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { version: number; suggestions: JsonResult[]; more: number; skipped: number };
    expect(json.version).toBe(1);
    expect(json.more).toBe(0);
    const movable = (report.findings ?? []).filter((f) => !["cadence", "lead-time"].includes(f.kind));
    expect(json.suggestions.map((s) => s.finding)).toEqual(movable.map((f) => f.id));
    expect(json.skipped).toBe((report.findings?.length ?? 0) - movable.length);
    const text = readFileSync(EXAMPLE, "utf8");
    let tried = 0;
    for (const suggestion of json.suggestions) {
      for (const side of suggestion.sides) {
        const move = side.moves[0];
        if (!move) continue;
        tried++;
        const after = checkSchedule(parseSchedule(pasted(text, move.meeting, move.change), { filename: "moved.json" }));
        expect(after.conflicts.map((c) => c.id)).not.toContain(suggestion.conflict);
        const before = new Set(report.conflicts.map((c) => c.id));
        expect(after.conflicts.filter((c) => !before.has(c.id) && c.severity === "error")).toEqual([]);
        expect(move.resolves).toContain(suggestion.finding);
      }
    }
    expect(tried).toBeGreaterThan(8);
  });

  it("speaks English with --lang en, and takes a conflict id", () => {
    const conflict = report.conflicts.find((c) => c.kind === "room");
    const result = runCli(["suggest", EXAMPLE, "--conflict", conflict?.id ?? "", "--count", "1", "--lang", "en", ...NOW]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Suggested moves for 1 finding\n/);
    expect(result.stdout).toContain("   The clash of Thu 06/06/2024\n");
    expect(result.stdout).toContain('   Move "Phiên họp thường kỳ Thường trực HĐND tỉnh" (the one of Thu 06/06/2024 08:00;');
    expect(result.stdout).toContain("Add to the meeting's changes (replacing the entry for the same occurrence, if any):");
    expect(result.stdout).not.toMatch(/Giải quyết|Dời|Xung đột/);
  });

  it("writes no English word in the Vietnamese text", () => {
    const result = runCli(["suggest", EXAMPLE, ...NOW]);
    for (const line of result.stdout.split("\n")) expect(withoutForms(line)).not.toMatch(ENGLISH);
  });

  it("exits 1 when a clash has no move on either side (both all-day)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-suggest-"));
    const file = join(dir, "lich.yaml");
    writeFileSync(
      file,
      [
        "version: 1",
        "timezone: Asia/Ho_Chi_Minh",
        "horizon: { from: 2024-03-01, to: 2024-03-31 }",
        "bodies: [{ id: ubnd, name: UBND tỉnh }]",
        "rooms: [{ id: hoi-truong, name: Hội trường }]",
        "meetings:",
        "  - { id: a, title: Hội nghị A, start: 2024-03-05, body: ubnd, room: hoi-truong }",
        "  - { id: b, title: Hội nghị B, start: 2024-03-05, body: ubnd, room: hoi-truong }",
        "",
      ].join("\n"),
    );
    const result = runCli(["suggest", file, ...NOW]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("     Cuộc họp cả ngày: không tự động dời\n");
  });

  it("does not move what is past, and a clash wholly past exits 0", () => {
    const past = findingOn("2024-02-15", "rule");
    const result = runCli(["suggest", EXAMPLE, "--finding", past.id, "--now", "2024-03-01T08:00"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((line) => line.includes("Buổi họp đã qua: không dời"))).toHaveLength(2);
    const check = runCli(["check", EXAMPLE, "--suggest", "--fail-on", "never", "--now", "2024-03-01T08:00", "--lang", "en"]);
    const block = check.stdout.slice(check.stdout.indexOf(past.id) - 300, check.stdout.indexOf(past.id));
    expect(block).toContain("   Suggestion: none, the meetings are past\n");
  });

  it("refuses an unknown id, a cadence finding, both ids and out-of-range numbers (exit 2)", () => {
    const unknown = runCli(["suggest", EXAMPLE, "--finding", "khong-co"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--finding: báo cáo không có mã "khong-co"');
    const cadence = report.findings?.find((f) => f.kind === "cadence" || f.kind === "lead-time");
    const notMovable = runCli(["suggest", EXAMPLE, "--finding", cadence?.id ?? "", "--lang", "en"]);
    expect(notMovable.code).toBe(2);
    expect(notMovable.stderr).toContain(`--finding: "${cadence?.id}" is a cadence or lead-time clash`);
    const both = runCli(["suggest", EXAMPLE, "--finding", "a", "--conflict", "b"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Chỉ dùng một trong --finding và --conflict");
    expect(runCli(["suggest", EXAMPLE, "--days", "367"]).code).toBe(2);
    expect(runCli(["suggest", EXAMPLE, "--count", "101"]).code).toBe(2);
    expect(runCli(["suggest", EXAMPLE, "--count", "0"]).code).toBe(2);
  });
});

describe("lichhop check --suggest", { timeout: 60_000 }, () => {
  const finding = findingOn("2024-03-07", "rule");

  it("puts the top move of each side under each finding, in the text with and without --detail", () => {
    for (const detail of [[], ["--detail"]]) {
      const result = runCli(["check", EXAMPLE, "--suggest", "--fail-on", "never", ...detail, ...NOW]);
      expect(result.code).toBe(0);
      const block = result.stdout.slice(result.stdout.indexOf(finding.message));
      const lines = block.slice(0, block.indexOf(`   id: ${finding.id}`)).split("\n");
      expect(lines).toContain(
        '   Gợi ý: dời "Phiên họp thường kỳ Thường trực HĐND tỉnh" (buổi T5 07/03/2024 08:00) sang T5 07/03/2024 13:30–17:00',
      );
      expect(lines).toContain(
        '     Thêm vào changes: - { occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" }',
      );
    }
    // Without --suggest, nothing of it.
    expect(runCli(["check", EXAMPLE, "--fail-on", "never"]).stdout).not.toContain("Gợi ý");
  });

  it("adds suggestions to the JSON findings that have a move, and leaves the others without the field", () => {
    const result = runCli(["check", EXAMPLE, "--suggest", "--format", "json", "--fail-on", "never", ...NOW]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { findings: { id: string; kind: string; suggestions?: JsonMove[] }[] };
    const plain = JSON.parse(runCli(["check", EXAMPLE, "--format", "json", "--fail-on", "never"]).stdout) as typeof json;
    expect(json.findings.map(({ suggestions: _, ...rest }) => rest)).toEqual(plain.findings);
    const rule = json.findings.find((f) => f.id === finding.id);
    expect(rule?.suggestions?.map((move) => move.change)).toEqual([
      { occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" },
      { occurrence: "2024-03-07T09:00", start: "2024-03-07T13:30", end: "2024-03-07T15:30" },
    ]);
    for (const f of json.findings) expect("suggestions" in f).toBe(!["cadence", "lead-time"].includes(f.kind));
  });

  it("refuses --suggest with the CI formats", () => {
    const result = runCli(["check", EXAMPLE, "--suggest", "--format", "sarif", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--suggest works with --format text or json (not sarif)");
  });
});
