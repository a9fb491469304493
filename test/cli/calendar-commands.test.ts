import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// These run the built CLI (`npx tsup` first), as users do.
const CLI = join(__dirname, "../../dist/cli.js");

function run(args: readonly string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), "lichhop-calendar-"));

describe("lichhop days-off", () => {
  it("writes the JSON contract: version, year and one entry per day off", () => {
    const { code, stdout } = run(["days-off", "--year", "2026", "--format", "json"]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual(["version", "year", "daysOff"]);
    expect(body.version).toBe(1);
    expect(body.year).toBe(2026);
    const dates = body.daysOff.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual(expect.arrayContaining(["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-22", "2026-04-27", "2026-09-02"]));
    for (const day of body.daysOff) {
      expect(["holiday", "substitute", "decision", "custom"]).toContain(day.kind);
      expect(typeof day.name).toBe("string");
      expect(typeof day.source).toBe("string");
    }
    expect(body.daysOff.find((d: { date: string }) => d.date === "2026-02-16")).toMatchObject({
      kind: "decision",
      name: "Tết Nguyên đán (ngày cuối năm âm lịch)",
    });
    expect(body.daysOff.find((d: { date: string }) => d.date === "2026-04-27")).toMatchObject({ kind: "substitute" });
    // National Day 2026 (Thông báo 9441/TB-BNV): Monday 31/8 is a day off, no day is a default.
    expect(body.daysOff.find((d: { date: string }) => d.date === "2026-08-31")).toMatchObject({ kind: "decision" });
    expect(body.daysOff.find((d: { date: string }) => d.date === "2026-09-01")).toMatchObject({ kind: "decision" });
    expect(body.daysOff.some((d: { default?: boolean }) => d.default)).toBe(false);
  });

  it("writes names in the --lang language", () => {
    const body = JSON.parse(run(["days-off", "--year", "2024", "--format", "json", "--lang", "en"]).stdout);
    expect(body.daysOff[0]).toEqual({
      date: "2024-01-01",
      name: "New Year's Day",
      kind: "holiday",
      source: "Bộ luật Lao động 2019, Điều 112",
    });
  });

  it("lists a day both statutory and in a decision once, as decision", () => {
    const body = JSON.parse(run(["days-off", "--year", "2024", "--format", "json"]).stdout);
    const september = body.daysOff.filter((d: { date: string }) => d.date.startsWith("2024-09"));
    expect(september.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`)).toEqual([
      "2024-09-01 decision",
      "2024-09-02 decision",
      "2024-09-03 decision",
    ]);
  });

  it("prints text with the make-up days, and uses a schedule file's calendar", () => {
    const text = run(["days-off", "--year", "2024"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("T5 18/04/2024  Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    expect(text.stdout).toContain("Ngày làm bù");
    expect(text.stdout).toContain(
      "T7 04/05/2024  Làm bù (Nghỉ lễ 30/4 – 1/5)  [Công văn 2450/VPCP-KGVX (12/4/2024): hoán đổi thứ Hai 29/4 với thứ Bảy 4/5]",
    );
    const dir = tempDir();
    const file = join(dir, "s.yaml");
    writeFileSync(file, "version: 1\ncalendar: { daysOff: [2024-11-25] }\n");
    const custom = JSON.parse(run(["days-off", file, "--year", "2024", "--format", "json"]).stdout);
    expect(custom.daysOff.find((d: { date: string }) => d.date === "2024-11-25")).toMatchObject({
      kind: "custom",
      source: "schedule file",
    });
  });

  it("shows a file's seasons of working hours, in text and JSON; nothing without seasons", () => {
    const file = join(tempDir(), "s.yaml");
    writeFileSync(
      file,
      [
        "version: 1",
        "calendar:",
        "  workingHours:",
        "    days: [MO, TU, WE, TH, FR]",
        '    periods: ["07:30-11:30", "13:30-17:00"]',
        "    seasons:",
        '      - { name: Giờ mùa hè, from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] }',
        '      - { from: "12-20", to: "01-10", periods: [] }',
        "",
      ].join("\n"),
    );
    const text = run(["days-off", file, "--year", "2026"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "\nGiờ làm việc theo mùa\n\n15/04 – 14/10  Giờ mùa hè  07:00–11:30, 13:30–17:00\n20/12 – 10/01  không có giờ làm việc\nNgoài các mùa: 07:30–11:30, 13:30–17:00\n\n",
    );
    const en = run(["days-off", file, "--year", "2026", "--lang", "en"]).stdout;
    expect(en).toContain(
      "\nSeasonal working hours\n\n15/04 – 14/10  Giờ mùa hè  07:00–11:30, 13:30–17:00\n20/12 – 10/01  no working hours\nOutside the seasons: 07:30–11:30, 13:30–17:00\n",
    );
    const body = JSON.parse(run(["days-off", file, "--year", "2026", "--format", "json"]).stdout);
    expect(Object.keys(body)).toEqual(["version", "year", "daysOff", "seasons"]);
    expect(body.seasons).toEqual([
      { name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] },
      { from: "12-20", to: "01-10", periods: [] },
    ]);
    expect(run(["days-off", "--year", "2026"]).stdout).not.toContain("Giờ làm việc theo mùa");
  });

  it.each([
    ["--year", "1899"],
    ["--year", "abc"],
    ["--format", "junit"],
  ])("rejects %s %s with exit 2", (flag, value) => {
    expect(run(["days-off", "--year", "2024", flag, value]).code).toBe(2);
  });

  it("says what year it expects in the language asked for (Vietnamese by default)", () => {
    expect(run(["days-off", "--year", "1899"]).stderr).toBe("--year 1899: cần một năm từ 1900 đến 2100 [bad-argument]\n");
    expect(run(["days-off", "--year", "1899", "--lang", "en"]).stderr).toBe(
      "--year 1899: expected a year from 1900 to 2100 [bad-argument]\n",
    );
  });
});

describe("adding a year's decision in the schedule file (docs/calendar.md)", () => {
  const ROOT = join(__dirname, "../..");
  const docs = readFileSync(join(ROOT, "docs/calendar.md"), "utf8");
  const block = /<!-- decision-example:[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(docs)?.[1];

  it("the documented example passes lichhop check and takes effect", () => {
    expect(block, "the decision example of docs/calendar.md").toBeDefined();
    const dir = tempDir();
    const file = join(dir, "schedule.yaml");
    writeFileSync(file, block ?? "");
    const check = run(["check", file, "--format", "json", "--fail-on", "warning"]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).conflicts).toEqual([]);
    const body = JSON.parse(run(["days-off", file, "--year", "2027", "--format", "json"]).stdout);
    expect(body.daysOff.find((d: { date: string }) => d.date === "2027-02-12")).toMatchObject({ kind: "custom", source: "schedule file" });
    // Without the file's workingDays, the meeting on Saturday 20/2/2027 is on a day off.
    writeFileSync(file, (block ?? "").replace(/^ {2}workingDays:.*\n/m, ""));
    const without = JSON.parse(run(["check", file, "--format", "json", "--fail-on", "never"]).stdout);
    expect(without.conflicts.map((c: { kind: string }) => c.kind)).toEqual(["day-off"]);
  });

  it("README shows the same entries as the documented example", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(block).toContain("daysOff: [2027-02-12]");
    expect(block).toContain("workingDays: [2027-02-20]");
    expect(readme).toContain("`daysOff: [2027-02-12]`");
    expect(readme).toContain("`workingDays: [2027-02-20]`");
  });
});

describe("lichhop days-off FILE without --year", () => {
  it("lists each year of the file's horizon, in order", () => {
    const file = join(tempDir(), "h.yaml");
    writeFileSync(file, "version: 1\nhorizon: { from: 2025-11-01, to: 2026-03-31 }\n");
    const text = run(["days-off", file]).stdout;
    expect(text.match(/^Ngày nghỉ năm \d{4}$/gm)).toEqual(["Ngày nghỉ năm 2025", "Ngày nghỉ năm 2026"]);
    expect(text).toContain("T3 17/02/2026  Tết Nguyên đán (mùng 1)");
    // No English and no ISO date in the Vietnamese text.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|swapped|make-up|no make-up/);
    const body = JSON.parse(run(["days-off", file, "--format", "json"]).stdout);
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    expect(body.years[1].daysOff).toEqual(JSON.parse(run(["days-off", "--year", "2026", "--format", "json"]).stdout).daysOff);
    expect(JSON.parse(run(["days-off", file, "--year", "2027", "--format", "json"]).stdout).year).toBe(2027);
  });
});

describe("lichhop lunar", () => {
  it.each([
    ["2024-04-18", "ngày 10 tháng 3 năm Giáp Thìn"],
    ["2030-02-02", "ngày 1 tháng 1 năm Canh Tuất"],
    ["2024-02-10", "ngày 1 tháng 1 năm Giáp Thìn"],
    ["2023-03-22", "ngày 1 tháng 2 nhuận năm Quý Mão"],
  ])("%s is %s", (date, text) => {
    const result = run(["lunar", date]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${text}\n`);
  });

  it("writes JSON", () => {
    const body = JSON.parse(run(["lunar", "2024-04-18", "--format", "json"]).stdout);
    expect(body).toEqual({
      version: 1,
      date: "2024-04-18",
      lunar: { day: 10, month: 3, year: 2024, leap: false },
      yearName: "Giáp Thìn",
      text: "ngày 10 tháng 3 năm Giáp Thìn",
    });
  });

  it.each([
    [["10/3", "--year", "2026"], "ngày 10 tháng 3 năm Bính Ngọ (âm lịch) là ngày 26/04/2026 (dương lịch)"],
    [["10/3", "--year", "2026", "--lang", "en"], "day 10 of month 3, year Bính Ngọ (lunar) is 2026-04-26"],
    [["1/2", "--year", "2023", "--leap"], "ngày 1 tháng 2 nhuận năm Quý Mão (âm lịch) là ngày 22/03/2023 (dương lịch)"],
    [["1/2", "--year", "2023"], "ngày 1 tháng 2 năm Quý Mão (âm lịch) là ngày 20/02/2023 (dương lịch)"],
  ])("converts the lunar %j back to its solar date", (args, text) => {
    const result = run(["lunar", ...args]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${text}\n`);
  });

  it("writes the solar date of a lunar date as JSON", () => {
    const body = JSON.parse(run(["lunar", "10/3", "--year", "2026", "--format", "json"]).stdout);
    expect(body).toEqual({
      version: 1,
      date: "2026-04-26",
      lunar: { day: 10, month: 3, year: 2026, leap: false },
      yearName: "Bính Ngọ",
      text: "ngày 10 tháng 3 năm Bính Ngọ",
    });
    expect(run(["lunar", body.date]).stdout).toBe(`${body.text}\n`);
  });

  it.each([
    [["1/5", "--year", "2024", "--leap"], "Năm âm lịch 2024 không có tháng 5 nhuận; năm này không có tháng nhuận"],
    [["1/5", "--year", "2025", "--leap"], "Năm âm lịch 2025 không có tháng 5 nhuận; tháng nhuận của năm này là tháng 6"],
    [["1/5", "--year", "2025", "--leap", "--lang", "en"], "the lunar year 2025 has no leap month 5; its leap month is month 6"],
    [["10/3"], "lichhop lunar 10/3: cần năm âm lịch, ví dụ --year 2026"],
  ])("refuses the lunar %j in the language asked", (args, text) => {
    const result = run(["lunar", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${text} [bad-argument]\n`);
  });

  it.each([
    [["lunar"]],
    [["lunar", "2024-02-30"]],
    [["lunar", "2101-01-01"]],
    [["lunar", "18/04/2024"]],
    [["lunar", "31/5", "--year", "2025"]],
  ])("rejects %j with exit 2", (args) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe("");
  });
});

describe("lichhop init", () => {
  it("writes schedule.yaml by default, and check passes on it as written", () => {
    const dir = tempDir();
    const init = run(["init", "--province", "Lạng Sơn"], dir);
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, "schedule.yaml"), "utf8");
    expect(text).toContain("UBND tỉnh Lạng Sơn");
    expect(text).toContain("scope: half-day");
    expect(text).toContain("holidays: vn");
    const check = run(["check", "schedule.yaml"], dir);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(run(["check", "schedule.yaml", "--fail-on", "warning"], dir).code).toBe(0);
  });

  it("writes to --out and refuses to overwrite (exit 2, file untouched)", () => {
    const dir = tempDir();
    const out = join(dir, "lich.yaml");
    expect(run(["init", "--out", out, "--year", "2026"]).code).toBe(0);
    expect(run(["check", out, "--format", "json"]).code).toBe(0);
    writeFileSync(out, "# mine\n");
    const again = run(["init", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(out);
    expect(readFileSync(out, "utf8")).toBe("# mine\n");
  });

  it("rejects a missing directory and a bad year with exit 2", () => {
    const dir = tempDir();
    expect(run(["init", "--out", join(dir, "no", "such", "dir.yaml")]).code).toBe(2);
    expect(run(["init", "--year", "20x6"], dir).code).toBe(2);
    expect(existsSync(join(dir, "schedule.yaml"))).toBe(false);
  });
});
