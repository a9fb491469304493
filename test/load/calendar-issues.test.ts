// A `calendar:` section the working calendar refuses is worded as the file's other issues are:
// at its field, with file and line, in the language asked for; never the calendar's English.
import { describe, expect, it } from "vitest";
import { workCalendar } from "../../src/calendar/work-calendar";
import { CalendarError } from "../../src/calendar/errors";
import { safeScheduleCalendar } from "../../src/load/calendar";
import { calendarIssues } from "../../src/load/shape";
import { parseSchedule } from "../../src/load/parse";
import type { Schedule } from "../../src/schema/model";
import { ENGLISH, withoutForms } from "../helpers/english";

const TEXT = `version: 1
timezone: Asia/Ho_Chi_Minh
horizon: { from: 2024-01-01, to: 2024-01-31 }
calendar:
  daysOff: [2024-01-15]
  workingHours:
    days: [MO, TU, WE, TH, FR]
    periods: ["07:30-11:30", "13:30-17:00"]
bodies: [{ id: hdnd, name: HĐND }]
meetings:
  - { id: a, title: Họp, body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30, onDayOff: next-working-day }
`;

const schedule = parseSchedule(TEXT, { filename: "lich.yaml" });

/** The schedule with another calendar section, its positions kept (as a changed copy would be). */
function withCalendar(calendar: unknown): Schedule {
  return { ...schedule, calendar } as Schedule;
}

const OVERLAPPING = {
  ...schedule.calendar,
  workingHours: { days: ["MO", "TU", "WE", "TH", "FR"], periods: ["07:30-11:30", "11:00-17:00"] },
};
const BAD_DAY_OFF = { ...schedule.calendar, daysOff: ["2024-02-30"] };

describe("the issues of a calendar section", () => {
  it("builds the calendar of a valid section", () => {
    const built = safeScheduleCalendar(schedule, "vi");
    expect(built.ok && built.calendar.isWorkingDay("2024-01-15")).toBe(false);
  });

  it("is what the calendar itself refuses", () => {
    expect(() => workCalendar(OVERLAPPING as never)).toThrow(CalendarError);
    expect(() => workCalendar(BAD_DAY_OFF as never)).toThrow(CalendarError);
  });

  it.each([
    [
      "overlapping working periods",
      OVERLAPPING,
      "calendar.workingHours.periods",
      8,
      "Giá trị không hợp lệ một danh sách: cần các khoảng giờ làm việc không chồng lên nhau",
      "invalid value a list: expected working periods that do not overlap",
    ],
    [
      "a day off that does not exist",
      BAD_DAY_OFF,
      "calendar.daysOff.0",
      5,
      'Giá trị không hợp lệ "2024-02-30": cần một ngày có thật từ 01/01/1900 đến 31/12/2100',
      'invalid value "2024-02-30": expected a real date between 1900-01-01 and 2100-12-31',
    ],
  ])("words %s in both languages, at its field and line", (_, calendar, path, line, vi, en) => {
    for (const [lang, text] of [
      ["vi", vi],
      ["en", en],
    ] as const) {
      const built = safeScheduleCalendar(withCalendar(calendar), lang);
      expect(built.ok).toBe(false);
      const issues = built.ok ? [] : built.issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "invalid-value", file: "lich.yaml", line, message: text });
      expect(issues[0]?.path.join(".")).toBe(path);
      if (lang === "vi") expect(withoutForms(issues[0]?.message ?? "")).not.toMatch(ENGLISH);
    }
  });

  it("names an unknown field with the nearest one, as the file's check does", () => {
    const issues = calendarIssues({ holiday: "vn" }, { lang: "vi", source: schedule.source });
    expect(issues).toEqual([
      expect.objectContaining({
        code: "unknown-field",
        path: ["calendar", "holiday"],
        message: expect.stringContaining('Trường không hợp lệ "holiday" (có phải "holidays"?)'),
      }),
    ]);
  });

  it("finds nothing in a valid section", () => {
    expect(calendarIssues(schedule.calendar, { lang: "en", source: schedule.source })).toEqual([]);
    expect(calendarIssues(undefined, { lang: "en", source: schedule.source })).toEqual([]);
  });
});
