// The real-world .ics files of /work/shared/fixtures/ics (exports of Exchange, Google, Apple,
// Thunderbird, DAVx5; see its README): each imports without a crash and expands, through
// lichhop's own engine, as ical.js expands it. Skipped where the folder is absent; none is copied
// into the project.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandSchedule, parseSchedule } from "../../src";
import { importCalendar } from "../../src/import";
import { zoneClock } from "../../src/time/zone";
import { icalJsOccurrences, lichhopKeys } from "../helpers/ical-reference";

const DIR = process.env.LICHHOP_ICS_FIXTURES ?? "/work/shared/fixtures/ics";
const present = existsSync(join(DIR, "README.md"));

/** A schedule whose only meetings are the file's events (every event blocking), over ten years from `from`. */
function imported(name: string, text: string, zone: string, from: string, to: string) {
  const yaml = `version: 1
timezone: ${zone}
horizon: { from: ${from}, to: ${to} }
bodies: [{ id: ubnd, name: UBND }]
sources: [{ ics: ./${name}, body: ubnd, blocking: all }]
`;
  return parseSchedule(yaml, { filename: "lich.yaml", lang: "en", sources: { [`./${name}`]: text } });
}

function compare(name: string, zone: string, from: string, to: string, reference = (text: string) => text) {
  const text = readFileSync(join(DIR, name), "utf8");
  const schedule = imported(name, text, zone, from, to);
  const clock = zoneClock(zone);
  const start = clock.toInstant(Date.parse(`${from}T00:00Z`));
  const end = clock.toInstant(Date.parse(`${to}T00:00Z`) + 86_400_000);
  const ours = lichhopKeys(expandSchedule(schedule).filter((o) => o.start >= start && o.start < end));
  const theirs = icalJsOccurrences(reference(text), zone, start, end);
  return { ours, theirs, schedule };
}

describe.skipIf(!present)("real-world .ics files expand as ical.js expands them", () => {
  it.each([
    // file, the zone of its floating times (its X-WR-TIMEZONE, else the schedule's), a window
    ["node-ical__exchange-custom-tz.ics", "Asia/Ho_Chi_Minh", "2019-01-01", "2019-12-31"],
    ["node-ical__tentative-apple-calendar.ics", "America/Vancouver", "2022-01-01", "2022-12-31"],
    ["python-recurring-ical-events__issue_18_cancel_status.ics", "Europe/Berlin", "2020-01-01", "2020-12-31"],
    ["python-recurring-ical-events__rdate_falls_on_rrule_until.ics", "Europe/Berlin", "2019-01-01", "2021-12-31"],
    ["ical.net__Language3.ics", "Europe/Moscow", "2010-01-01", "2019-12-31"],
    ["ical.js__google_birthday.ics", "America/Los_Angeles", "2010-01-01", "2019-12-31"],
  ])("%s", (name, zone, from, to) => {
    const { ours, theirs } = compare(name, zone, from, to);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  it("python-recurring-ical-events__issue_28_rrule_with_UTC_endinginZ.ics: Exchange's moved all-day occurrences (RECURRENCE-ID a date-time in a Windows zone) replace their dates, as python-recurring-ical-events does; ical.js, which compares a DATE-TIME key with DATE occurrences, keeps the originals", () => {
    const { ours, theirs } = compare(
      "python-recurring-ical-events__issue_28_rrule_with_UTC_endinginZ.ics",
      "Asia/Ho_Chi_Minh",
      "2020-01-01",
      "2021-12-31",
    );
    const moved = new Map([
      ["2020-04-16/2020-04-17", "2020-04-17/2020-04-18"],
      ["2020-05-28/2020-05-29", "2020-05-29/2020-05-30"],
      ["2020-09-03/2020-09-04", "2020-09-04/2020-09-05"],
    ]);
    expect(ours).toEqual(theirs.map((key) => moved.get(key) ?? key).sort());
    expect(ours).toHaveLength(24); // python-recurring-ical-events' count (shared/fixtures/ics/README.md)
  });

  it("node-ical__mixed-timezone-handling.ics: the implicit date DTSTART:20021028 is a date (ical.js throws on it: compared with VALUE=DATE written out)", () => {
    const explicit = (text: string) =>
      text.replace("DTSTART:20021028\n", "DTSTART;VALUE=DATE:20021028\n").replace("DTEND:20021029\n", "DTEND;VALUE=DATE:20021029\n");
    const { ours, theirs } = compare("node-ical__mixed-timezone-handling.ics", "US/Pacific", "2002-01-01", "2003-12-31", explicit);
    // TZID=America/New_York has no VTIMEZONE: lichhop reads the tz database (EST again since
    // 27 October 2002); the reference's VTIMEZONE (@touch4it/ical-timezones) carries only today's
    // US rules, an hour off in 2002. Every other event agrees.
    const newYork = "2002-10-28T06:20:30Z/2002-10-29T06:20:30Z";
    expect(ours).toContain(newYork);
    expect(ours.filter((key) => key !== newYork)).toEqual(theirs.filter((key) => key !== "2002-10-28T05:20:30Z/2002-10-29T05:20:30Z"));
    expect(ours.filter((key) => key === "2002-10-28/2002-10-29")).toHaveLength(2);
  });

  it("ical.net__MonthlyBySetPos2.ics: the 1987 rules of its US-Eastern VTIMEZONE are America/New_York's until 2006; its floating DTEND is read in DTSTART's zone (ical.js reads it as UTC, ending each occurrence three hours before it starts), so starts are compared", () => {
    const { ours, theirs } = compare("ical.net__MonthlyBySetPos2.ics", "Asia/Ho_Chi_Minh", "1997-01-01", "2006-12-31");
    const starts = (keys: string[]) => keys.map((key) => key.split("/")[0]);
    expect(starts(ours)).toEqual(starts(theirs));
    expect(ours[0]).toBe("1997-09-29T13:00:00Z/1997-09-29T14:00:00Z");
  });

  it("node-ical__ms_timezones.ics: the value Exchange put inside the quoted TZID is read, with a warning at its line; ical.js, which rejects the file, agrees once that line is corrected", () => {
    const fix = (text: string) =>
      text.replace('DTSTART;TZID="W. Europe Standard Time:20200609T090000"', 'DTSTART;TZID="W. Europe Standard Time":20200609T090000');
    expect(() => icalJsOccurrences(readFileSync(join(DIR, "node-ical__ms_timezones.ics"), "utf8"), "Europe/Berlin", 0, 1)).toThrow();
    const { ours, theirs, schedule } = compare("node-ical__ms_timezones.ics", "Europe/Berlin", "2020-01-01", "2021-12-31", fix);
    expect(ours).toEqual(theirs);
    expect(schedule.source.warnings?.map((w) => w.line)).toContain(152);
  });

  it("python-recurring-ical-events__issue_75_range_parameter.ics: RANGE=THISANDFUTURE is a warning at each override, applied to its own occurrence only", () => {
    const { ours, theirs, schedule } = compare(
      "python-recurring-ical-events__issue_75_range_parameter.ics",
      "UTC",
      "2024-01-01",
      "2025-12-31",
    );
    // ical.js shifts the rest of the series from each THISANDFUTURE override on; lichhop does
    // not, and says so: before the first one the two agree.
    const before = (keys: string[]) => keys.filter((key) => key < "2024-09-13T09");
    expect(before(ours).length).toBeGreaterThan(5);
    expect(before(ours)).toEqual(before(theirs));
    const range = schedule.source.warnings?.filter((w) => w.message.includes("THISANDFUTURE")) ?? [];
    expect(range.map((w) => w.line)).toEqual([16, 34]);
  });

  it("python-recurring-ical-events__issue_62_moved_event.ics: its series lasts no time (DTEND = DTSTART), so it is no meeting: a warning, where ical.js lists 110 instants", () => {
    const text = readFileSync(join(DIR, "python-recurring-ical-events__issue_62_moved_event.ics"), "utf8");
    const result = importCalendar(text, { filename: "moved.ics", blocking: "all", lang: "en" });
    expect(result.ok && result.meetings).toEqual([]);
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([[43, expect.stringContaining("without length")]]);
    // With a length, the moved instance (its override before its master, with no DTEND: it keeps
    // the series' length, where ical.js makes it last no time) is where Google moved it.
    const lasting = text
      .replace("DTEND;TZID=Europe/Berlin:20211126T213000", "DTEND;TZID=Europe/Berlin:20211126T233000")
      .replace(
        "RECURRENCE-ID;TZID=Europe/Berlin:20211231T213000",
        "RECURRENCE-ID;TZID=Europe/Berlin:20211231T213000\nDTEND;TZID=Europe/Berlin:20211217T233000",
      );
    const schedule = imported("moved.ics", lasting, "Europe/Berlin", "2021-11-01", "2022-12-31");
    const clock = zoneClock("Europe/Berlin");
    const start = clock.toInstant(Date.UTC(2021, 10, 1));
    const end = clock.toInstant(Date.UTC(2023, 0, 1));
    expect(lichhopKeys(expandSchedule(schedule))).toEqual(icalJsOccurrences(lasting, "Europe/Berlin", start, end));
  });

  it.each([
    "node-ical__ms_timezones.ics",
    "node-ical__exchange-custom-tz.ics",
    "python-recurring-ical-events__issue_28_rrule_with_UTC_endinginZ.ics",
    "python-recurring-ical-events__issue_62_moved_event.ics",
    "ical.js__google_birthday.ics",
    "node-ical__tentative-apple-calendar.ics",
    "node-ical__mixed-timezone-handling.ics",
    "ical.net__MonthlyBySetPos2.ics",
    "python-recurring-ical-events__issue_75_range_parameter.ics",
    "python-recurring-ical-events__issue_18_cancel_status.ics",
    "python-recurring-ical-events__rdate_falls_on_rrule_until.ics",
    "ical.net__Language3.ics",
  ])("%s imports from its bytes without a crash, every warning at a line", (name) => {
    const result = importCalendar(readFileSync(join(DIR, name)), { filename: name, body: "ubnd" });
    expect(result.ok).toBe(true);
    for (const warning of result.warnings) expect(warning).toMatchObject({ file: name, line: expect.any(Number), column: 1 });
  });
});
