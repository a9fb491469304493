import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { calendarConfigSchema, CalendarError, workCalendar } from "../../src/calendar";
import type { CalendarConfig, DayOff, WeeklyRestDay } from "../../src/calendar";
import { runs } from "../helpers/runs";

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the default Vietnamese working calendar", () => {
  const calendar = workCalendar();

  it.each([
    ["2024-02-07", true, "the Wednesday before Tết 2024"],
    ["2024-02-08", false, "Tết 2024 begins (decision)"],
    ["2024-02-14", false, "Tết 2024 ends (decision)"],
    ["2024-02-15", true, "back to work after Tết 2024 (no statutory substitute)"],
    ["2024-04-18", false, "Hùng Kings 2024"],
    ["2024-04-29", false, "swapped Monday 2024"],
    ["2024-05-04", true, "make-up Saturday 2024"],
    ["2024-05-11", false, "an ordinary Saturday"],
    ["2024-09-03", false, "National Day 2024"],
    ["2025-01-27", false, "Tết 2025"],
    ["2025-02-03", true, "back to work after Tết 2025"],
    ["2025-04-26", true, "make-up Saturday 2025"],
    ["2025-05-02", false, "swapped Friday 2025"],
    ["2025-09-01", false, "National Day 2025"],
    ["2026-01-02", false, "swapped Friday 2026"],
    ["2026-01-10", true, "make-up Saturday 2026"],
    ["2026-02-23", true, "back to work after Tết 2026"],
    ["2026-04-27", false, "Hùng Kings 2026 taken on Monday"],
    ["2026-04-28", true, "an ordinary Tuesday"],
  ])("%s is a working day: %s (%s)", (date, expected, _why) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it("names the holiday of a day off, marks a weekend, and returns null on a working day", () => {
    expect(calendar.dayOff("2026-04-27")).toMatchObject({ kind: "substitute", name: { vi: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)" } });
    expect(calendar.dayOff("2024-06-01")).toEqual({
      date: "2024-06-01",
      kind: "weekend",
      name: { vi: "Ngày nghỉ hằng tuần", en: "Weekly rest day" },
    });
    expect(calendar.dayOff("2024-05-04")).toBeNull();
  });

  it("lists the days off of a year sorted, without plain weekends", () => {
    const days = calendar.daysOff(2026);
    expect(days.map((day) => day.date)).toEqual([...days.map((day) => day.date)].sort());
    expect(days.some((day) => day.date === "2026-03-07")).toBe(false);
    expect(days.map((day) => day.kind)).toContain("substitute");
    expect(calendar.daysOff(2026)).toBe(days);
  });

  it("gives default working periods in minutes from midnight, none on a day off", () => {
    expect(calendar.periods("2024-05-04")).toEqual([
      [450, 690],
      [810, 1020],
    ]);
    expect(calendar.periods("2024-02-08")).toEqual([]);
  });

  it.each([
    ["2024-02-07", "2024-02-15", "2024-02-06"],
    ["2024-04-26", "2024-05-02", "2024-04-25"],
    ["2024-05-03", "2024-05-04", "2024-05-02"],
    ["2026-04-24", "2026-04-28", "2026-04-23"],
    ["2026-01-01", "2026-01-05", "2025-12-31"],
  ])("after %s the next working day is %s; before it the previous is %s", (date, next, previous) => {
    expect(calendar.nextWorkingDay(date)).toBe(next);
    expect(calendar.previousWorkingDay(date)).toBe(previous);
  });

  it("nextWorkingDay(d) is a working day with no working day strictly between", () => {
    const start = Date.UTC(1990, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (offset) => {
        const date = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const next = calendar.nextWorkingDay(date);
        expect(next > date).toBe(true);
        expect(calendar.isWorkingDay(next)).toBe(true);
        for (let d = addDays(date, 1); d < next; d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
        const previous = calendar.previousWorkingDay(next);
        if (calendar.isWorkingDay(date)) expect(previous).toBe(date);
        else expect(previous < date).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it("rejects invalid and out-of-range dates", () => {
    expect(() => calendar.isWorkingDay("2024-13-01")).toThrow(expect.objectContaining({ code: "invalid-date" }));
    expect(() => calendar.nextWorkingDay("2100-12-31")).toThrow(expect.objectContaining({ code: "out-of-range" }));
    expect(() => calendar.daysOff(2101)).toThrow(CalendarError);
  });
});

describe("a calendar configured by the schedule file", () => {
  it("adds custom days off, named and sourced from the schedule file", () => {
    const calendar = workCalendar({ daysOff: ["2025-11-24", "2024-02-09"] });
    expect(calendar.isWorkingDay("2025-11-24")).toBe(false);
    expect(calendar.dayOff("2025-11-24")).toEqual({
      date: "2025-11-24",
      kind: "custom",
      source: "schedule file",
      name: { vi: "Ngày nghỉ theo lịch", en: "Day off (schedule file)" },
    });
    expect(
      calendar
        .daysOff(2025)
        .filter((day) => day.kind === "custom")
        .map((day) => day.date),
    ).toEqual(["2025-11-24"]);
    expect(calendar.daysOff(2024).filter((day) => day.date === "2024-02-09")).toHaveLength(1);
  });

  it("adds working days, but a day off wins over a working day", () => {
    const calendar = workCalendar({ workingDays: ["2024-06-01", "2024-06-08"], daysOff: ["2024-06-08"] });
    expect(calendar.isWorkingDay("2024-06-01")).toBe(true);
    expect(calendar.isWorkingDay("2024-06-08")).toBe(false);
  });

  it("with holidays: none, only weekdays and the file's dates count", () => {
    const calendar = workCalendar({ holidays: "none" });
    expect(calendar.isWorkingDay("2024-02-12")).toBe(true);
    expect(calendar.isWorkingDay("2024-05-04")).toBe(false);
    expect(calendar.daysOff(2024)).toEqual([]);
    expect(calendar.makeUpDays(2024)).toEqual([]);
  });

  it("uses the configured weekdays and periods", () => {
    const calendar = workCalendar({
      workingHours: { days: ["MO", "TU", "WE", "TH", "FR", "SA"], periods: ["13:00-17:00", "07:00-11:30"] },
    });
    expect(calendar.isWorkingDay("2024-06-01")).toBe(true);
    expect(calendar.periods("2024-06-01")).toEqual([
      [420, 690],
      [780, 1020],
    ]);
    expect(calendar.isWorkingDay("2024-02-10")).toBe(false);
  });

  it("throws no-working-day when no working day lies within 60 days", () => {
    const calendar = workCalendar({ workingHours: { days: [], periods: [] } });
    expect(() => calendar.nextWorkingDay("2024-01-01")).toThrow(expect.objectContaining({ code: "no-working-day" }));
  });

  it.each([
    ["an unknown key", { weekends: ["SA"] }],
    ["an impossible date", { daysOff: ["2024-02-30"] }],
    ["a date before 1900", { workingDays: ["1899-12-30"] }],
    ["a bad period", { workingHours: { days: ["MO"], periods: ["7:30-11:30"] } }],
    ["a period ending before it starts", { workingHours: { days: ["MO"], periods: ["11:30-07:30"] } }],
    ["overlapping periods", { workingHours: { days: ["MO"], periods: ["07:30-11:30", "11:00-17:00"] } }],
    ["an unknown weekday", { workingHours: { days: ["MON"], periods: [] } }],
    ["an unknown holiday set", { holidays: "cn" }],
  ])("rejects %s", (_what, config) => {
    expect(calendarConfigSchema.safeParse(config).success).toBe(false);
    expect(() => workCalendar(config as never)).toThrow(expect.objectContaining({ code: "invalid-config" }));
  });

  it("accepts back-to-back periods and an empty section", () => {
    expect(calendarConfigSchema.safeParse({ workingHours: { days: ["MO"], periods: ["07:30-11:30", "11:30-17:00"] } }).success).toBe(true);
    expect(calendarConfigSchema.parse({})).toEqual({});
  });

  it("does not change the caller's config", () => {
    const config = {
      daysOff: ["2024-06-10", "2024-06-03"],
      workingHours: { days: ["MO" as const], periods: ["13:30-17:00", "07:30-11:30"] },
    };
    const copy = structuredClone(config);
    workCalendar(config).daysOff(2024);
    expect(config).toEqual(copy);
  });
});

describe("types", () => {
  it("infers the config type from the schema and types dayOff's result", () => {
    expectTypeOf<CalendarConfig["holidays"]>().toEqualTypeOf<"vn" | "none" | undefined>();
    expectTypeOf<CalendarConfig["daysOff"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf(workCalendar().dayOff).returns.toEqualTypeOf<DayOff | WeeklyRestDay | null>();
  });
});
