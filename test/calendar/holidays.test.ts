import { describe, expect, it } from "vitest";
import { DECISIONS, defaultNationalDayExtra, statutoryHolidays, vietnamDaysOff, vietnamMakeUpDays } from "../../src/calendar";
import type { DayOff } from "../../src/calendar";

const dates = (days: readonly { readonly date: string }[]): string[] => days.map((day) => day.date);
const find = (year: number, date: string): DayOff | undefined => vietnamDaysOff(year).find((day) => day.date === date);

describe("statutory holidays (Labour Code 2019 Art. 112)", () => {
  it("lists the 11 days of 2030 with Tết and the second National Day day marked default", () => {
    const days = statutoryHolidays(2030);
    expect(dates(days)).toEqual([
      "2030-01-01",
      "2030-02-01",
      "2030-02-02",
      "2030-02-03",
      "2030-02-04",
      "2030-02-05",
      "2030-04-12",
      "2030-04-30",
      "2030-05-01",
      "2030-09-02",
      "2030-09-03",
    ]);
    expect(days.filter((day) => day.default).map((day) => day.date)).toEqual([
      "2030-02-01",
      "2030-02-02",
      "2030-02-03",
      "2030-02-04",
      "2030-02-05",
      "2030-09-03",
    ]);
    expect(days.every((day) => day.kind === "holiday" && day.source === "Bộ luật Lao động 2019, Điều 112")).toBe(true);
  });

  it.each([
    [2021, "Thursday", "2021-09-03"],
    [2022, "Friday", "2022-09-01"],
    [2023, "Saturday", "2023-09-01"],
    [2024, "Monday", "2024-09-03"],
    [2025, "Tuesday", "2025-09-01"],
    [2026, "Wednesday", "2026-09-01"],
    [2029, "Sunday", "2029-09-03"],
  ])("the default second National Day day of %i (2/9 a %s) is %s", (year, _weekday, date) => {
    expect(defaultNationalDayExtra(year)).toBe(date);
  });

  it("names holidays in Vietnamese and English", () => {
    const hungKings = statutoryHolidays(2024).find((day) => day.occasion === "hung-kings");
    expect(hungKings?.name).toEqual({
      vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
      en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month)",
    });
  });

  it("covers every year 1900–2100 with 11 distinct-occasion days", () => {
    for (let year = 1900; year <= 2100; year++) expect(statutoryHolidays(year)).toHaveLength(11);
  });
});

describe("substitute days (Art. 111(3))", () => {
  it.each([
    ["Hùng Kings on Sunday 26 April 2026", 2026, "2026-04-27"],
    ["1 May on Saturday 2027", 2027, "2027-05-03"],
    ["Tết days 1 and 2 on the 2027 weekend (first)", 2027, "2027-02-10"],
    ["Tết days 1 and 2 on the 2027 weekend (second)", 2027, "2027-02-11"],
    ["New Year on Saturday 2028", 2028, "2028-01-03"],
    ["2 September on Sunday 2029, after the 3rd", 2029, "2029-09-04"],
  ])("%s gives a substitute day on %s", (_what, year, date) => {
    expect(find(year, date)).toMatchObject({ date, kind: "substitute", source: "Bộ luật Lao động 2019, Điều 111(3)" });
  });

  it("marks a substitute for a default day as default", () => {
    expect(find(2027, "2027-02-10")?.default).toBe(true);
    expect(find(2027, "2027-05-03")?.default).toBeUndefined();
  });

  it("names the substitute after its holiday", () => {
    expect(find(2026, "2026-04-27")?.name).toEqual({
      vi: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)",
      en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month) (substitute day)",
    });
  });

  it("gives a substitute when two holidays fall on one date (Hùng Kings on 30 April 1947)", () => {
    const days = vietnamDaysOff(1947);
    expect(days.filter((day) => day.date === "1947-04-30")).toHaveLength(1);
    expect(days.find((day) => day.kind === "substitute" && day.date === "1947-05-02")).toBeDefined();
  });

  it("never puts a substitute on a weekend or on another day off", () => {
    for (let year = 1990; year <= 2100; year++) {
      const days = vietnamDaysOff(year);
      expect(new Set(dates(days)).size).toBe(days.length);
      for (const day of days.filter((d) => d.kind === "substitute")) {
        const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6, `${day.date} is a weekend`).toBe(false);
      }
    }
  });

  it("without decisions, Tết 2024 falls on the law's days with two substitutes", () => {
    const tet = vietnamDaysOff(2024, []).filter((day) => day.occasion === "tet");
    expect(dates(tet)).toEqual(["2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15"]);
  });
});

describe("government decisions for public servants", () => {
  it.each([
    ["2024-02-08", "Tết 2024 (29 tháng Chạp)"],
    ["2024-02-09", "Tết 2024"],
    ["2024-02-12", "Tết 2024"],
    ["2024-02-14", "Tết 2024 (mùng 5)"],
    ["2024-04-29", "the swapped Monday before 30/4 2024"],
    ["2024-05-01", "1 May 2024"],
    ["2024-09-03", "National Day 2024"],
    ["2025-01-27", "Tết 2025 (28 tháng Chạp)"],
    ["2025-01-31", "Tết 2025 (mùng 3)"],
    ["2025-05-02", "the swapped Friday after 1/5 2025"],
    ["2025-09-01", "National Day 2025"],
    ["2026-01-02", "the swapped Friday after New Year 2026"],
    ["2026-02-16", "Tết 2026"],
    ["2026-02-20", "Tết 2026"],
  ])("%s is a decision day off (%s)", (date, _what) => {
    expect(find(Number(date.slice(0, 4)), date)).toMatchObject({ date, kind: "decision" });
  });

  it("lists a day that is both statutory and decided once, as decision, with its statutory name", () => {
    const days = vietnamDaysOff(2024).filter((day) => day.date === "2024-02-10");
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({
      kind: "decision",
      name: { vi: "Tết Nguyên đán (mùng 1)" },
      source: "Thông báo 5015/TB-LĐTBXH (22/11/2023)",
    });
  });

  it("replaces the default days: Tết 2024 is 8–14 Feb and 15 Feb is not off", () => {
    const tet = vietnamDaysOff(2024).filter((day) => day.occasion === "tet");
    expect(dates(tet)).toEqual(["2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14"]);
    expect(tet.some((day) => day.default)).toBe(false);
  });

  it.each([
    [2024, ["2024-05-04"]],
    [2025, ["2025-04-26"]],
    [2026, ["2026-01-10", "2026-08-22"]],
    [2027, []],
  ])("make-up working days of %i: %j", (year, expected) => {
    expect(dates(vietnamMakeUpDays(year))).toEqual(expected);
  });

  it("cites a document number for every decision and keeps each break within its year", () => {
    for (const decision of DECISIONS) {
      expect(decision.source).toMatch(/^(Công văn|Thông báo) \d+\/[A-ZĐ-]+ \(\d{1,2}\/\d{1,2}\/\d{4}\)/);
      expect(decision.source).not.toMatch(/not verified/);
      expect(decision.daysOff.from.startsWith(`${decision.year}-`)).toBe(true);
      expect(decision.daysOff.to.startsWith(`${decision.year}-`)).toBe(true);
      expect(decision.daysOff.from <= decision.daysOff.to).toBe(true);
    }
  });

  it("the default National Day rule agrees with the decisions of 2024, 2025 and 2026", () => {
    expect(find(2024, defaultNationalDayExtra(2024))?.kind).toBe("decision");
    expect(find(2025, defaultNationalDayExtra(2025))?.kind).toBe("decision");
    expect(find(2026, defaultNationalDayExtra(2026))?.kind).toBe("decision");
  });

  it("encodes National Day 2026 (Thông báo 9441/TB-BNV): 29/8–2/9 off, Monday 31/8 made up on Saturday 22/8", () => {
    expect(find(2026, "2026-08-31")).toMatchObject({ kind: "decision", name: { vi: "Nghỉ lễ Quốc khánh" } });
    expect(find(2026, "2026-08-31")?.source).toContain("9441/TB-BNV");
    expect(find(2026, "2026-09-01")).toMatchObject({ kind: "decision", name: { vi: "Quốc khánh (ngày liền kề)" } });
    expect(find(2026, "2026-09-01")?.default).toBeUndefined();
    expect(dates(vietnamDaysOff(2026).filter((day) => day.date.startsWith("2026-08") || day.date.startsWith("2026-09")))).toEqual([
      "2026-08-29",
      "2026-08-30",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]);
  });

  it("cannot be mutated", () => {
    expect(Object.isFrozen(DECISIONS)).toBe(true);
    expect(Object.isFrozen(DECISIONS[0]?.daysOff)).toBe(true);
  });
});
