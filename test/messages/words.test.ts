import { describe, expect, it } from "vitest";
import { durationWords, elapsedWords, periodName, periodsText } from "../../src/messages/words";
import { isoWeek } from "../../src/time/date";
import { DAY, HOUR, MINUTE } from "../../src/time/date";

describe("durationWords", () => {
  it("writes durations in words, never ISO 8601", () => {
    expect(durationWords({ days: 0, ms: 30 * MINUTE }, "vi")).toBe("30 phút");
    expect(durationWords({ days: 0, ms: 90 * MINUTE }, "vi")).toBe("1 giờ 30 phút");
    expect(durationWords({ days: 7, ms: 0 }, "vi")).toBe("7 ngày");
    expect(durationWords({ days: 1, ms: HOUR + 1000 }, "en")).toBe("1 day 1 hour 1 second");
    expect(durationWords({ days: 30, ms: 2 * MINUTE }, "en")).toBe("30 days 2 minutes");
    expect(durationWords({ days: 0, ms: 0 }, "en")).toBe("0 minutes");
    expect(elapsedWords(2 * DAY + 15 * MINUTE, "vi")).toBe("2 ngày 15 phút");
  });
});

describe("periodName", () => {
  it("names a cadence period the way an office does", () => {
    expect(periodName("month", "2024-05-01", "vi")).toBe("tháng 05/2024");
    expect(periodName("quarter", "2024-04-01", "vi")).toBe("quý II/2024");
    expect(periodName("week", "2024-03-04", "vi")).toBe("tuần 10/2024");
    expect(periodName("year", "2024-01-01", "vi")).toBe("năm 2024");
    expect(periodName("month", "2024-05-01", "en")).toBe("May 2024");
    expect(periodName("quarter", "2024-10-01", "en")).toBe("Q4 2024");
    expect(periodName("week", "2024-03-04", "en")).toBe("week 10 of 2024");
  });

  it("counts ISO weeks across year ends", () => {
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeek("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeek("2026-01-01")).toEqual({ year: 2026, week: 1 });
  });
});

describe("periodsText", () => {
  it("lists working periods with the break between them", () => {
    expect(
      periodsText([
        [450, 690],
        [810, 1020],
      ]),
    ).toBe("07:30–11:30, 13:30–17:00");
  });
});
