import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { calendarConfigSchema, workCalendar, type CalendarConfig } from "../../src/calendar/work-calendar";
import { safeParseSchedule } from "../../src/load/parse";

// Property tests over every date of a year: a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const WINTER = ["07:30-11:30", "13:30-17:00"];
const SUMMER = ["07:00-11:30", "13:30-17:00"];

const seasonal = (seasons: NonNullable<NonNullable<CalendarConfig["workingHours"]>["seasons"]>) =>
  workCalendar({ holidays: "none", workingHours: { days: [...DAYS], periods: WINTER, seasons } });

describe("seasons of working hours", () => {
  const summer = seasonal([{ name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: SUMMER }]);

  it.each([
    ["2024-04-14", 450, "the day before the season"],
    ["2024-04-15", 420, "its first day"],
    ["2024-07-02", 420, "midsummer"],
    ["2024-10-14", 420, "its last day"],
    ["2024-10-15", 450, "the day after it"],
    ["2025-04-15", 420, "its first day the next year"],
  ])("%s starts at minute %i (%s)", (date, start) => {
    expect(summer.periods(date)[0]?.[0]).toBe(start);
  });

  it("names the season of a date, and the calendar lists its seasons with the default periods", () => {
    expect(summer.season("2024-07-02")).toMatchObject({ name: "Giờ mùa hè", from: "04-15", to: "10-14" });
    expect(summer.season("2024-12-02")).toBeNull();
    expect(summer.workingHours).toEqual({
      days: [...DAYS],
      periods: [
        [450, 690],
        [810, 1020],
      ],
      seasons: [
        {
          name: "Giờ mùa hè",
          from: "04-15",
          to: "10-14",
          periods: [
            [420, 690],
            [810, 1020],
          ],
        },
      ],
    });
    expect(workCalendar().workingHours.seasons).toEqual([]);
  });

  it("runs a season across the year end", () => {
    const winter = seasonal([{ from: "10-15", to: "04-14", periods: ["08:00-11:30"] }]);
    expect(winter.periods("2024-12-31")).toEqual([[480, 690]]);
    expect(winter.periods("2025-01-01")).toEqual([[480, 690]]);
    expect(winter.periods("2025-04-14")).toEqual([[480, 690]]);
    expect(winter.periods("2025-04-15")[0]).toEqual([450, 690]);
    expect(winter.periods("2024-10-14")[0]).toEqual([450, 690]);
    expect(winter.periods("2024-10-15")).toEqual([[480, 690]]);
  });

  it("gives a day off no periods, whatever its season", () => {
    const calendar = workCalendar({
      workingHours: { days: ["MO", "TU", "WE", "TH", "FR"], periods: WINTER, seasons: [{ from: "01-01", to: "12-31", periods: SUMMER }] },
    });
    expect(calendar.periods("2024-09-02")).toEqual([]);
    expect(calendar.season("2024-09-02")).not.toBeNull();
  });

  it("takes 02-29 in leap years; other years start the season on 1 March", () => {
    const calendar = seasonal([{ from: "02-29", to: "03-31", periods: SUMMER }]);
    expect(calendar.periods("2024-02-29")[0]?.[0]).toBe(420);
    expect(calendar.periods("2024-02-28")[0]?.[0]).toBe(450);
    expect(calendar.periods("2025-02-28")[0]?.[0]).toBe(450);
    expect(calendar.periods("2025-03-01")[0]?.[0]).toBe(420);
  });

  it.each([
    ["a month-day that does not exist", [{ from: "02-30", to: "03-31", periods: SUMMER }]],
    ["a thirteenth month", [{ from: "13-01", to: "03-31", periods: SUMMER }]],
    ["a date instead of a month-day", [{ from: "2024-04-15", to: "10-14", periods: SUMMER }]],
    ["overlapping periods", [{ from: "04-15", to: "10-14", periods: ["07:00-11:30", "11:00-17:00"] }]],
    ["an unknown key", [{ from: "04-15", to: "10-14", periods: SUMMER, days: ["MO"] }]],
    [
      "overlapping seasons",
      [
        { from: "04-15", to: "10-14", periods: SUMMER },
        { from: "10-14", to: "04-14", periods: WINTER },
      ],
    ],
    [
      "a season inside a year-end one",
      [
        { from: "11-01", to: "03-31", periods: SUMMER },
        { from: "01-01", to: "01-31", periods: WINTER },
      ],
    ],
  ])("rejects %s", (_what, seasons) => {
    const config = { workingHours: { days: ["MO"], periods: WINTER, seasons } };
    expect(calendarConfigSchema.safeParse(config).success).toBe(false);
    expect(() => workCalendar(config as never)).toThrow(expect.objectContaining({ code: "invalid-config" }));
  });

  it("accepts seasons that meet end to start, a one-day season and a whole year", () => {
    const ok = (seasons: unknown) => calendarConfigSchema.safeParse({ workingHours: { days: ["MO"], periods: WINTER, seasons } }).success;
    expect(
      ok([
        { from: "04-15", to: "10-14", periods: SUMMER },
        { from: "10-15", to: "04-14", periods: WINTER },
      ]),
    ).toBe(true);
    expect(ok([{ from: "02-29", to: "02-29", periods: [] }])).toBe(true);
    expect(ok([{ from: "01-01", to: "12-31", periods: SUMMER }])).toBe(true);
  });
});

// An independent reading of the format: a month-day is in a season when it lies between `from`
// and `to` as text, or outside `to`..`from` for a season across the year end.
const holds = (season: { from: string; to: string }, monthDay: string): boolean =>
  season.from <= season.to ? season.from <= monthDay && monthDay <= season.to : monthDay >= season.from || monthDay <= season.to;

const datesOf = (year: number): string[] =>
  Array.from({ length: (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000 }, (_, i) =>
    new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10),
  );
const MONTH_DAYS = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(5, 10));
const monthDay = fc.constantFrom(...MONTH_DAYS);
const startMinute = fc.integer({ min: 0, max: 23 * 60 });
const seasonArbitrary = fc.record({
  from: monthDay,
  to: monthDay,
  periods: startMinute.map((start) => {
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    return [`${clock(start)}-${clock(start + 30)}`];
  }),
});

describe("every date has exactly one set of periods", () => {
  it("accepts exactly the seasons that share no day, and answers each date by its one season or the default", () => {
    fc.assert(
      fc.property(fc.array(seasonArbitrary, { maxLength: 4 }), fc.constantFrom(2023, 2024), (seasons, year) => {
        const sharing = MONTH_DAYS.some((md) => seasons.filter((season) => holds(season, md)).length > 1);
        const config = { holidays: "none" as const, workingHours: { days: [...DAYS], periods: WINTER, seasons } };
        expect(calendarConfigSchema.safeParse(config).success).toBe(!sharing);
        if (sharing) return;
        const calendar = workCalendar(config);
        const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        for (const date of datesOf(year)) {
          const owners = seasons.filter((season) => holds(season, date.slice(5)));
          const first = (owners[0]?.periods ?? WINTER)[0] as string;
          actual.push([date, owners.length <= 1, calendar.periods(date)[0]]);
          expected.push([date, true, [minutes(first), minutes(first.slice(6))]]);
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  // Seasons cut from the year at sorted points, some left out, so most runs have several seasons.
  const cutSeasons = fc
    .uniqueArray(fc.integer({ min: 0, max: 365 }), { minLength: 1, maxLength: 6 })
    .chain((cuts) =>
      fc.tuple(fc.constant([...cuts].sort((a, b) => a - b)), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), startMinute),
    )
    .map(([cuts, kept, start]) =>
      cuts.flatMap((cut, i) => {
        const next = cuts[(i + 1) % cuts.length] as number;
        const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const from = MONTH_DAYS[cut] as string;
        const to = MONTH_DAYS[(next + 365) % 366] as string;
        return kept[i] ? [{ from, to, periods: [`${clock(start + i)}-${clock(start + i + 30)}`] }] : [];
      }),
    );

  it("answers each date of a year cut into seasons by the season holding it", () => {
    fc.assert(
      fc.property(cutSeasons, fc.constantFrom(2023, 2024), (seasons, year) => {
        const calendar = workCalendar({ holidays: "none", workingHours: { days: [...DAYS], periods: WINTER, seasons } });
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        for (const date of datesOf(year)) {
          const owners = seasons.filter((season) => holds(season, date.slice(5)));
          actual.push([date, calendar.season(date)?.from, calendar.periods(date).length]);
          expected.push([date, owners.length <= 1 ? owners[0]?.from : "more than one season", owners.length === 1 ? 1 : 2]);
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("seasons in a schedule file", () => {
  const file = (seasons: string) => `version: 1
calendar:
  workingHours:
    days: [MO, TU, WE, TH, FR]
    periods: ["07:30-11:30", "13:30-17:00"]
    seasons:
${seasons}`;

  const issuesOf = (text: string) => {
    const result = safeParseSchedule(text, { filename: "lich.yaml", lang: "en" });
    if (result.ok) throw new Error("expected issues");
    return result.issues;
  };

  it.each([
    [
      "a month-day that does not exist",
      '      - { from: "02-30", to: "03-31", periods: ["07:00-11:30"] }\n',
      ["calendar", "workingHours", "seasons", 0, "from"],
      7,
      11,
      /"02-30".*real month-day/,
    ],
    [
      "a month-day that is no MM-DD",
      '      - { from: "04-15", to: "4-1", periods: ["07:00-11:30"] }\n',
      ["calendar", "workingHours", "seasons", 0, "to"],
      7,
      26,
      /"4-1".*MM-DD/,
    ],
    [
      "a season overlapping an earlier one (its start inside it)",
      '      - { name: Hè, from: "04-15", to: "10-14", periods: ["07:00-11:30"] }\n      - { name: Đông, from: "10-01", to: "04-14", periods: ["08:00-11:30"] }\n',
      ["calendar", "workingHours", "seasons", 1, "from"],
      8,
      23,
      /seasons\[0\] \(04-15 to 10-14\)/,
    ],
    [
      "a year-end season overlapping an earlier one (its end reaching into it)",
      '      - { from: "04-15", to: "10-14", periods: ["07:00-11:30"] }\n      - { from: "10-15", to: "04-15", periods: ["08:00-11:30"] }\n',
      ["calendar", "workingHours", "seasons", 1, "to"],
      8,
      26,
      /seasons\[0\] \(04-15 to 10-14\)/,
    ],
    [
      "overlapping periods in a season",
      '      - { from: "04-15", to: "10-14", periods: ["07:00-11:30", "11:00-17:00"] }\n',
      ["calendar", "workingHours", "seasons", 0, "periods"],
      7,
      39,
      /overlap/,
    ],
    [
      "an unknown field",
      '      - { from: "04-15", to: "10-14", periods: ["07:00-11:30"], days: [MO] }\n',
      ["calendar", "workingHours", "seasons", 0, "days"],
      7,
      65,
      /name, from, to, periods/,
    ],
  ])("%s is one issue at its field", (_what, seasons, path, line, column, message) => {
    const issues = issuesOf(file(seasons));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path, file: "lich.yaml", line, column });
    expect(issues[0]?.message).toMatch(message);
  });

  it("reads unquoted month-days and keeps the season's name", () => {
    const result = safeParseSchedule(file("      - { name: Giờ mùa hè, from: 04-15, to: 10-14, periods: [07:00-11:30] }\n"));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.schedule.calendar?.workingHours?.seasons).toEqual([
        { name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: ["07:00-11:30"] },
      ]);
  });
});
