/// <reference path="../../node_modules/date-chinese/types/index.d.ts" />
import { CalendarChinese, CalendarVietnamese } from "date-chinese";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarError, canChi, formatLunar, fromLunar, toLunar } from "../../src/calendar";
import { LichhopError } from "../../src/errors";
import { runs } from "../helpers/runs";

const iso = (g: { year: number; month: number; day: number }): string =>
  `${g.year}-${String(g.month).padStart(2, "0")}-${String(g.day).padStart(2, "0")}`;

/** Tết and Hùng Kings (10/3) by date-chinese's CalendarVietnamese, an independent implementation at UTC+7. */
function oracle(year: number): { tet: string; hungKings: string } {
  const cal = new CalendarVietnamese();
  cal.fromJDE(cal.newYear(year));
  const [cycle = 0, yearInCycle = 0] = cal.get();
  const tet = iso(cal.toGregorian(year));
  const hungKings = iso(new CalendarVietnamese(cycle, yearInCycle, 3, 0, 10).toGregorian(year));
  return { tet, hungKings };
}

function chineseNewYear(year: number): string {
  const cal = new CalendarChinese();
  cal.fromJDE(cal.newYear(year));
  return iso(cal.toGregorian(year));
}

describe("lunar calendar (Hồ Ngọc Đức's algorithm at UTC+7)", () => {
  it.each([
    [2024, "2024-02-10", "2024-04-18"],
    [2025, "2025-01-29", "2025-04-07"],
    [2026, "2026-02-17", "2026-04-26"],
    [2027, "2027-02-06", "2027-04-16"],
    [2028, "2028-01-26", "2028-04-04"],
    [2029, "2029-02-13", "2029-04-23"],
    [2030, "2030-02-02", "2030-04-12"],
  ])("in %i Tết is %s and Hùng Kings' day (10/3) is %s", (year, tet, hungKings) => {
    expect(fromLunar(1, 1, year)).toBe(tet);
    expect(fromLunar(10, 3, year)).toBe(hungKings);
    expect(toLunar(tet)).toEqual({ day: 1, month: 1, year, leap: false });
    expect(toLunar(hungKings)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it.each([
    [1985, "1985-01-21", "1985-02-20"],
    [2007, "2007-02-17", "2007-02-18"],
    [2030, "2030-02-02", "2030-02-03"],
    [2053, "2053-02-18", "2053-02-19"],
  ])("in %i Vietnam's Tết (%s) differs from China's (%s)", (year, vietnam, china) => {
    expect(fromLunar(1, 1, year)).toBe(vietnam);
    expect(fromLunar(1, 1, year, false, 8)).toBe(china);
    expect(chineseNewYear(year)).toBe(china);
  });

  it.each([
    [2050, "2050-04-01"],
    [2083, "2083-04-26"],
  ])("Hùng Kings' day %i is %s, as date-chinese computes at UTC+7", (year, date) => {
    expect(fromLunar(10, 3, year)).toBe(date);
    expect(oracle(year).hungKings).toBe(date);
  });

  it("agrees with date-chinese's CalendarVietnamese on Tết and 10/3 for every year 1968–2100", () => {
    const mismatches: string[] = [];
    for (let year = 1968; year <= 2100; year++) {
      const expected = oracle(year);
      const actual = { tet: fromLunar(1, 1, year), hungKings: fromLunar(10, 3, year) };
      if (actual.tet !== expected.tet || actual.hungKings !== expected.hungKings) {
        mismatches.push(`${year}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("converts every date 1968–2100 to lunar and back to the same date", () => {
    const start = Date.UTC(1968, 0, 1);
    const end = Date.UTC(2100, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (end - start) / 86_400_000 }), (offset) => {
        const date = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const lunar = toLunar(date);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(fromLunar(lunar.day, lunar.month, lunar.year, lunar.leap)).toBe(date);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("knows leap months: the leap 2nd month of 2023 starts on 22 March", () => {
    expect(fromLunar(1, 2, 2023, true)).toBe("2023-03-22");
    expect(toLunar("2023-03-22")).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(fromLunar(1, 2, 2023)).toBe("2023-02-20");
  });

  it("puts 2033's leap month after month 11, as Hồ Ngọc Đức's calendar does", () => {
    expect(toLunar("2033-12-22")).toEqual({ day: 1, month: 11, year: 2033, leap: true });
    expect(fromLunar(1, 11, 2033)).toBe("2033-11-22");
    expect(fromLunar(1, 12, 2033)).toBe("2034-01-20");
  });

  it("dates the last day of a month whose new moon is late (2062-04-09 is 30/2, never day 0)", () => {
    expect(toLunar("2062-04-09")).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it("converts the ends of the supported range", () => {
    expect(toLunar("1900-01-01")).toEqual({ day: 1, month: 12, year: 1899, leap: false });
    expect(fromLunar(1, 12, 1899)).toBe("1900-01-01");
    expect(toLunar("2100-12-31").year).toBe(2100);
  });

  it.each([
    ["a leap month the year does not have", () => fromLunar(1, 5, 2024, true), "no-such-lunar-date"],
    ["a leap month number other than the year's", () => fromLunar(1, 3, 2023, true), "no-such-lunar-date"],
    ["day 31", () => fromLunar(31, 1, 2024), "no-such-lunar-date"],
    ["month 13", () => fromLunar(1, 13, 2024), "no-such-lunar-date"],
    ["a lunar year after 2100", () => fromLunar(1, 1, 2101), "out-of-range"],
    ["a Gregorian date after 2100", () => toLunar("2101-01-01"), "out-of-range"],
    ["a date that is not YYYY-MM-DD", () => toLunar("2024-2-1"), "invalid-date"],
    ["30 February", () => toLunar("2024-02-30"), "invalid-date"],
  ])("rejects %s", (_what, call, code) => {
    expect(call).toThrow(CalendarError);
    expect(call).toThrow(expect.objectContaining({ code }));
  });

  it("rejects day 30 of a 29-day month (month 1 of Giáp Thìn, 10 Feb – 9 Mar 2024)", () => {
    expect(toLunar("2024-03-09")).toEqual({ day: 29, month: 1, year: 2024, leap: false });
    expect(toLunar("2024-03-10")).toEqual({ day: 1, month: 2, year: 2024, leap: false });
    expect(() => fromLunar(30, 1, 2024)).toThrow(expect.objectContaining({ code: "no-such-lunar-date" }));
    expect(fromLunar(30, 12, 2023)).toBe("2024-02-09");
  });
});

describe("can chi and formatting", () => {
  it.each([
    [1985, "Ất Sửu"],
    [2000, "Canh Thìn"],
    [2023, "Quý Mão"],
    [2024, "Giáp Thìn"],
    [2025, "Ất Tỵ"],
    [2026, "Bính Ngọ"],
    [2030, "Canh Tuất"],
  ])("lunar year %i is %s", (year, name) => {
    expect(canChi(year)).toBe(name);
  });

  it.each([
    [{ day: 10, month: 3, year: 2024, leap: false }, "vi", "ngày 10 tháng 3 năm Giáp Thìn"],
    [{ day: 10, month: 3, year: 2024, leap: true }, "vi", "ngày 10 tháng 3 nhuận năm Giáp Thìn"],
    [{ day: 10, month: 3, year: 2024, leap: false }, "en", "day 10 of month 3, year Giáp Thìn (lunar)"],
    [{ day: 1, month: 2, year: 2023, leap: true }, "en", "day 1 of leap month 2, year Quý Mão (lunar)"],
  ] as const)("formats %o in %s as %s", (lunar, lang, text) => {
    expect(formatLunar(lunar, lang)).toBe(text);
  });
});

describe("errors", () => {
  it("a calendar error belongs to the LichhopError family and carries a code", () => {
    try {
      fromLunar(1, 5, 2024, true);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LichhopError);
      expect(error).toBeInstanceOf(CalendarError);
      expect(error).toMatchObject({ name: "CalendarError", code: "no-such-lunar-date" });
      expect((error as Error).message).toMatch(/leap/);
    }
  });
});
