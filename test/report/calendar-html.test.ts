// The calendar report (`check --format html`): its structure, every finding drawn, escaping, determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calendarReport } from "../../src/report/calendar-page";
import { parseSchedule } from "../../src/load/parse";

const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");
const FIXTURE = join(__dirname, "../fixtures/week/ubnd-tuan-12.yaml");
const load = (path: string) => parseSchedule(readFileSync(path, "utf8"), { filename: path });

describe("the calendar report of the example", () => {
  const schedule = load(EXAMPLE);
  const { page, report } = calendarReport(schedule, "vi", {});
  const findings = report.findings ?? [];

  it("is one page with inline style and script and nothing fetched", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="vi">')).toBe(true);
    expect(page).not.toMatch(/\bsrc=/);
    expect(page).not.toMatch(/href="(?!#)/);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link\b/);
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it("has a week for every week of the horizon, Monday first, each with Sáng and Chiều bands over a time axis", () => {
    const weeks = [...page.matchAll(/<section class="week(?: cur)?" id="w-(\d{4}-W\d{2})"/g)].map((m) => m[1]);
    expect(weeks[0]).toBe("2024-W01");
    expect(weeks.at(-1)).toBe("2025-W01");
    expect(weeks).toHaveLength(53);
    const w07 = page.slice(page.indexOf('id="w-2024-W07"'), page.indexOf('id="w-2024-W08"'));
    expect(w07).toContain('<th scope="col" class="off">T2 12/02<span class="dn">Tết Nguyên đán (mùng 3)</span></th>');
    expect(w07).toContain('<th scope="row">Sáng<span class="ax">06:00–12:00</span></th>');
    expect(w07).toContain('<th scope="row">Chiều<span class="ax">12:00–19:00</span></th>');
  });

  it("has a month for each month of the horizon, days off named, make-up Saturdays marked", () => {
    expect(page.match(/<section class="month" id="m-2024-\d\d"/g)).toHaveLength(12);
    expect(page).toContain("Giỗ Tổ Hùng Vương");
    expect(page).toContain("Ngày làm bù: ");
  });

  it("uses native tables with captions and header scopes, never role=grid", () => {
    const tables = page.match(/<table/g)?.length ?? 0;
    expect(page.match(/<caption>/g)?.length).toBe(tables);
    expect(page).not.toContain('role="grid"');
    expect(page).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
  });

  it("lists every finding once, grouped by kind and rule, each linking to the week of its first date", () => {
    for (const finding of findings) {
      expect(page.match(new RegExp(`<li id="f-${finding.id}"`, "g"))).toHaveLength(1);
    }
    expect(page).toContain('<a href="#w-2024-W07" data-week="w-2024-W07">xem tuần 07 (ngày 15/02/2024)</a>');
    expect(page).toContain("<h3>Trùng phòng họp</h3>");
  });

  it("draws every conflict of a pair on both meetings, each naming the rule and linking to its finding", () => {
    const pairs = report.conflicts.filter((c) => c.occurrences.length === 2 && c.finding !== undefined);
    expect(pairs.length).toBeGreaterThan(0);
    for (const conflict of pairs) {
      const drawn = [...page.matchAll(new RegExp(`<a class="ev [^"]*" href="#f-[0-9a-f]+" data-f="[^"]*${conflict.finding}`, "g"))];
      expect(drawn.length, conflict.id).toBeGreaterThanOrEqual(2);
    }
    expect(page).toContain('<span aria-hidden="true">⚠</span> Trùng lịch: Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh');
  });

  it("names each event link by day, time, title and place", () => {
    expect(page).toContain(
      '<span class="sr">Thứ Năm 15/02/2024, </span><span class="tm">08:00–11:30</span> <span class="ti">Phiên họp thường kỳ Thường trực HĐND tỉnh</span><span class="pl">, Phòng họp số 1 - Trụ sở HĐND tỉnh</span>',
    );
  });

  it("gives the same bytes for the same input", () => {
    expect(calendarReport(load(EXAMPLE), "vi", {}).page).toBe(page);
  });

  it("speaks English with --lang en", () => {
    const en = calendarReport(schedule, "en", {}).page;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Week 07 (12/02/2024 – 18/02/2024)");
    expect(en).toContain("Next week →");
  });
});

describe("the calendar report escapes the file's text", () => {
  const { page } = calendarReport(load(FIXTURE), "vi", {});

  it("a title with <script> and <img onerror> shows as text", () => {
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Tiếp công dân &lt;img src=x onerror=alert(2)&gt;");
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page.match(/<script>/g)).toHaveLength(1);
  });
});
