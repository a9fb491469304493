// `lichhop week`: choosing the week, its options, and what it refuses.
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";

vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = "examples/lang-son-2024.yaml";
const FIXTURE = "test/fixtures/week/ubnd-tuan-12.yaml";

describe("lichhop week", () => {
  it("--date chooses the week that holds it, --week the ISO week: the same page", () => {
    const byDate = runCli(["week", EXAMPLE, "--date", "2024-02-15"]);
    const byWeek = runCli(["week", EXAMPLE, "--week", "2024-W07"]);
    expect(byDate.code).toBe(0);
    expect(byDate.stdout).toBe(byWeek.stdout);
    expect(byDate.stdout).toContain("LỊCH CÔNG TÁC TUẦN 07 (Từ ngày 12/02/2024 đến ngày 18/02/2024)");
    expect(byDate.stdout).toContain("Ngày nghỉ: Tết Nguyên đán (mùng 3)");
    expect(byDate.stdout).toContain("⚠ Trùng lịch: Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh");
  });

  it("marks a make-up Saturday", () => {
    const { stdout } = runCli(["week", EXAMPLE, "--date", "2024-05-04"]);
    expect(stdout).toContain("Thứ Bảy 04/05/2024 — Ngày làm bù");
  });

  it("--people keeps what they chair or attend; --by person groups the list by leader, each line naming its day", () => {
    const { code, stdout } = runCli(["week", FIXTURE, "--week", "2025-W12", "--people", "pct", "--layout", "list", "--by", "person"]);
    expect(code).toBe(0);
    expect(stdout).toContain("PCT Lê Đức Giang\n");
    expect(stdout).toContain("  - Thứ Ba 18/03/2025, 14 giờ 30, PCT Lê Đức Giang dự");
  });

  it("--layout grid --by person draws the leaders' grid in the order of --people, not the list", () => {
    const args = ["week", FIXTURE, "--week", "2025-W12", "--layout", "grid", "--by", "person", "--people", "pct,ct"];
    const page = runCli([...args, "--format", "html"]);
    expect(page.code).toBe(0);
    expect([...page.stdout.matchAll(/<th scope="rowgroup" rowspan="2">([^<]*)/g)].map((m) => m[1])).toEqual([
      "PCT Lê Đức Giang",
      "CT Đỗ Minh Tuấn",
    ]);
    expect(page.stdout).toContain('<th scope="col" class="off">Chủ nhật 23/03/2025');
    expect(page.stdout).not.toContain("<section");
    const text = runCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("PCT Lê Đức Giang\n  Thứ Hai 17/03/2025\n    Sáng: (8h30) Giao ban lãnh đạo UBND tỉnh. Địa điểm");
    const md = runCli([...args, "--format", "md", "--lang", "en"]);
    expect(md.stdout).toContain("| Leader | Period | **Monday 17/03/2025** |");
  });

  it("--format csv --by body names each row's body first", () => {
    const { code, stdout } = runCli(["week", FIXTURE, "--week", "2025-W12", "--by", "body", "--format", "csv"]);
    expect(code).toBe(0);
    expect(stdout.split("\r\n")[1]).toMatch(/^UBND tỉnh,Thứ Hai 17\/03\/2025,08:30–10:30,/);
  });

  it("--revision prints the revision under the title", () => {
    const { stdout } = runCli(["week", FIXTURE, "--week", "2025-W12", "--revision", "2"]);
    expect(stdout.split("\n")[1]).toBe("(Điều chỉnh lần 2)");
  });

  it("--updated prints the last update beside the revision, as portals title it, in HTML too and in English", () => {
    const text = runCli(["week", FIXTURE, "--week", "2025-W12", "--revision", "2", "--updated", "2025-03-17T14:36"]);
    expect(text.stdout.split("\n")[1]).toBe("(Điều chỉnh lần 2) (Cập nhật lần cuối 14:36 17/03/2025)");
    const page = runCli(["week", FIXTURE, "--week", "2025-W12", "--updated", "2025-03-17T14:36", "--format", "html", "--lang", "en"]);
    expect(page.stdout).toContain('<p class="revision">(Last updated 14:36 17/03/2025)</p>');
  });

  it("--updated now reads the clock in the schedule's zone", () => {
    // Hà Nội's wall clock, to the minute, read before and after the run.
    const wall = () => {
      const iso = new Date(Date.now() + 7 * 3_600_000).toISOString();
      return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    };
    const before = wall();
    const { code, stdout } = runCli(["week", FIXTURE, "--week", "2025-W12", "--updated", "now"]);
    const after = wall();
    expect(code).toBe(0);
    expect([`(Cập nhật lần cuối ${before})`, `(Cập nhật lần cuối ${after})`]).toContain(stdout.split("\n")[1]);
  });

  it("--base marks what was added and moved since the base, and lists what is gone", () => {
    const { code, stdout } = runCli(["week", FIXTURE, "--week", "2025-W12", "--base", "test/fixtures/week/ubnd-tuan-12.base.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toContain("[Thay đổi thời gian] Giao ban lãnh đạo UBND tỉnh");
    expect(stdout).toContain("[Bổ sung] Họp về giải ngân vốn đầu tư công");
    expect(stdout).toContain("Không tổ chức: 19/03/2025 08:00 Làm việc với Sở Tài chính");
  });

  it.each([
    [["--week", "2025-12"], "--week 2025-12: cần một tuần ISO 8601"],
    [["--week", "2025-W54"], "--week 2025-W54"],
    [["--week", "2025-W53"], "--week 2025-W53"],
    [["--week", "2025-W12", "--date", "2025-03-17"], "--week và --date"],
    [["--date", "17/03/2025"], "--date 17/03/2025"],
    [["--layout", "grille"], "--layout grille: cần grid, table hoặc list"],
    [["--by", "room"], "--by room"],
    [["--format", "xml"], "--format xml"],
    [["--people", "ct", "--bodies", "ubnd"], "--people và --bodies"],
    [["--people", "khong-co"], "--people khong-co"],
    [["--revision", "0"], "--revision"],
    [["--updated", "2025-03-17"], "--updated 2025-03-17: cần giờ địa phương YYYY-MM-DDTHH:MM"],
    [["--updated", "2025-02-30T10:00"], "--updated 2025-02-30T10:00"],
    [["--detail"], "--detail"],
  ])("refuses %j (exit 2)", (args, says) => {
    const { code, stderr } = runCli(["week", FIXTURE, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(says);
  });

  it("has its own help", () => {
    const { code, stdout } = runCli(["week", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--layout grid|table|list");
  });
});
