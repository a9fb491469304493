// One test per real-world quirk of calendars kept elsewhere (Outlook/Exchange, Google, Apple),
// each with its own small .ics, named after it.
import { describe, expect, it } from "vitest";
import { checkSchedule, expandSchedule } from "../../src";
import { importCalendar } from "../../src/import";
import { ics, importedMeetings, vevent, withSource } from "../helpers/sources";

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const only = (text: string, source?: string) => {
  const schedule = withSource(text, source);
  const meetings = importedMeetings(schedule);
  return { schedule, meetings, warnings: schedule.source.warnings ?? [] };
};

describe("Outlook and Exchange", () => {
  it("maps the Windows zone name 'SE Asia Standard Time' through CLDR's table", () => {
    const { meetings } = only(
      ics(
        vevent(
          "UID:a@x",
          "SUMMARY:Giao ban",
          "DTSTART;TZID=SE Asia Standard Time:20240304T080000",
          "DTEND;TZID=SE Asia Standard Time:20240304T093000",
        ),
      ),
    );
    expect(meetings[0]).toMatchObject({ start: "2024-03-04T08:00", end: "2024-03-04T09:30", timezone: "Asia/Bangkok" });
  });

  it("maps 'W. Europe Standard Time' to Europe/Berlin, so a weekly 09:00 stays 09:00 across DST", () => {
    const { schedule } = only(
      ics(
        vevent(
          "UID:w@x",
          "SUMMARY:Weekly",
          "DTSTART;TZID=W. Europe Standard Time:20240321T090000",
          "DTEND;TZID=W. Europe Standard Time:20240321T093000",
          "RRULE:FREQ=WEEKLY;COUNT=3",
        ),
      ),
    );
    expect(expandSchedule(schedule).map((o) => iso(o.start))).toEqual(["2024-03-21T08:00", "2024-03-28T08:00", "2024-04-04T07:00"]);
  });

  it("reads a 'Customized Time Zone' from its VTIMEZONE, choosing the schedule's zone when its offsets agree", () => {
    const vtimezone = [
      "BEGIN:VTIMEZONE",
      "TZID:Customized Time Zone",
      "BEGIN:STANDARD",
      "DTSTART:16010101T000000",
      "TZOFFSETFROM:+0700",
      "TZOFFSETTO:+0700",
      "END:STANDARD",
      "END:VTIMEZONE",
    ];
    const { meetings } = only(
      ics([
        ...vtimezone,
        ...vevent(
          "UID:c@x",
          "SUMMARY:Họp",
          "DTSTART;TZID=Customized Time Zone:20240304T140000",
          "DTEND;TZID=Customized Time Zone:20240304T160000",
        ),
      ]),
    );
    expect(meetings[0]).toMatchObject({ start: "2024-03-04T14:00", timezone: "Asia/Ho_Chi_Minh" });
  });

  it("matches '(UTC+07:00) Bangkok, Hanoi, Jakarta' quoted in DTSTART to its VTIMEZONE, whose commas are escaped", () => {
    const vtimezone = [
      "BEGIN:VTIMEZONE",
      "TZID:(UTC+07:00) Bangkok\\, Hanoi\\, Jakarta",
      "BEGIN:STANDARD",
      "DTSTART:16010101T000000",
      "TZOFFSETFROM:+0700",
      "TZOFFSETTO:+0700",
      "END:STANDARD",
      "END:VTIMEZONE",
    ];
    const tzid = '"(UTC+07:00) Bangkok, Hanoi, Jakarta"';
    const { meetings, warnings } = only(
      ics([
        ...vtimezone,
        ...vevent("UID:b@x", "SUMMARY:Họp", `DTSTART;TZID=${tzid}:20240304T090000`, `DTEND;TZID=${tzid}:20240304T120000`),
      ]),
    );
    expect(meetings[0]).toMatchObject({ start: "2024-03-04T09:00", end: "2024-03-04T12:00", timezone: "Asia/Ho_Chi_Minh" });
    expect(warnings).toEqual([]);
  });

  it("finds the zone of '(UTC+01:00) Amsterdam, Berlin, …' without a VTIMEZONE by a city it names", () => {
    const { meetings } = only(
      ics(vevent("UID:d@x", "SUMMARY:Họp", 'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern":20240704T090000', "DURATION:PT1H")),
    );
    expect(meetings[0]).toMatchObject({ timezone: "Europe/Amsterdam" });
  });

  it("warns about a TZID it cannot resolve and reads it in the source's timezone", () => {
    const { meetings, warnings } = only(
      ics(vevent("UID:e@x", "SUMMARY:Họp", "DTSTART;TZID=Giờ Hà Nội:20240304T080000", "DTEND;TZID=Giờ Hà Nội:20240304T090000")),
      "{ ics: ./ubnd.ics, body: ubnd, timezone: Asia/Bangkok }",
    );
    expect(meetings[0]).toMatchObject({ start: "2024-03-04T08:00", timezone: "Asia/Bangkok" });
    expect(warnings).toEqual([expect.objectContaining({ file: "ubnd.ics", line: 7, message: expect.stringContaining('"Giờ Hà Nội"') })]);
  });

  it("treats an override whose DTSTART equals its RECURRENCE-ID as harmless: no move", () => {
    const { schedule, meetings } = only(
      ics([
        ...vevent(
          "UID:o@x",
          "SUMMARY:Giao ban",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240304T090000",
          "RRULE:FREQ=WEEKLY;COUNT=2",
        ),
        ...vevent(
          "UID:o@x",
          "SUMMARY:Giao ban",
          "RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20240311T080000",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240311T080000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240311T090000",
        ),
      ]),
    );
    expect(meetings[0]?.changes).toBeUndefined();
    expect(expandSchedule(schedule).map((o) => [iso(o.start), o.status])).toEqual([
      ["2024-03-04T01:00", "scheduled"],
      ["2024-03-11T01:00", "scheduled"],
    ]);
  });

  it("leaves transparent and BUSYSTATUS:FREE events out (with a count), unless blocking: all", () => {
    const text = ics([
      ...vevent("UID:f1@x", "SUMMARY:Tentative hold", "DTSTART:20240304T010000Z", "DTEND:20240304T020000Z", "TRANSP:TRANSPARENT"),
      ...vevent("UID:f2@x", "SUMMARY:Free", "DTSTART:20240305T010000Z", "DTEND:20240305T020000Z", "X-MICROSOFT-CDO-BUSYSTATUS:FREE"),
      ...vevent("UID:f3@x", "SUMMARY:Busy", "DTSTART:20240306T010000Z", "DTEND:20240306T020000Z", "X-MICROSOFT-CDO-BUSYSTATUS:BUSY"),
    ]);
    const busy = only(text);
    expect(busy.meetings.map((m) => m.title)).toEqual(["Busy"]);
    expect(busy.warnings.map((w) => w.message)).toEqual([expect.stringContaining("2 events marked free")]);
    expect(only(text, "{ ics: ./ubnd.ics, body: ubnd, blocking: all }").meetings).toHaveLength(3);
  });
});

describe("Google Calendar", () => {
  it("reads UTC times in X-WR-TIMEZONE: a one-off at 01:00Z is 08:00 in Hà Nội", () => {
    const { meetings } = only(
      ics(vevent("UID:g@google.com", "SUMMARY:Họp", "DTSTART:20240304T010000Z", "DTEND:20240304T023000Z"), [
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
      ]),
    );
    expect(meetings[0]).toMatchObject({ id: "g", start: "2024-03-04T08:00", end: "2024-03-04T09:30", timezone: "Asia/Ho_Chi_Minh" });
  });

  it("moves an instance through a same-UID VEVENT with RECURRENCE-ID, the master unchanged and no EXDATE", () => {
    const { schedule } = only(
      ics([
        ...vevent(
          "UID:m@google.com",
          "SUMMARY:Giao ban",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240304T090000",
          "RRULE:FREQ=WEEKLY;COUNT=3",
        ),
        ...vevent(
          "UID:m@google.com",
          "SUMMARY:Giao ban (dời)",
          "RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20240311T080000",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240312T140000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240312T150000",
        ),
      ]),
    );
    expect(expandSchedule(schedule).map((o) => [iso(o.start), o.title, o.status])).toEqual([
      ["2024-03-04T01:00", "Giao ban", "scheduled"],
      ["2024-03-12T07:00", "Giao ban (dời)", "moved"],
      ["2024-03-18T01:00", "Giao ban", "scheduled"],
    ]);
  });

  it("reads floating times in X-WR-TIMEZONE, else the source's timezone, else the schedule's", () => {
    const event = vevent("UID:fl@x", "SUMMARY:Họp", "DTSTART:20240304T080000", "DTEND:20240304T090000");
    expect(only(ics(event, ["X-WR-TIMEZONE:Asia/Tokyo"])).meetings[0]?.timezone).toBe("Asia/Tokyo");
    expect(only(ics(event), "{ ics: ./ubnd.ics, body: ubnd, timezone: Asia/Bangkok }").meetings[0]?.timezone).toBe("Asia/Bangkok");
    expect(only(ics(event)).meetings[0]).toMatchObject({ start: "2024-03-04T08:00", timezone: "Asia/Ho_Chi_Minh" });
  });

  it("makes an override without its master (a shared instance) a one-off event", () => {
    const { meetings } = only(
      ics(
        vevent(
          "UID:orphan@google.com",
          "SUMMARY:Một buổi",
          "RECURRENCE-ID;VALUE=DATE:20240304",
          "DTSTART;VALUE=DATE:20240304",
          "DTEND;VALUE=DATE:20240305",
        ),
      ),
    );
    expect(meetings).toEqual([expect.objectContaining({ id: "orphan-20240304", start: "2024-03-04" })]);
    expect(meetings[0]?.repeat).toBeUndefined();
  });

  it("reads a date written with a Z (RDATE:20131210Z) as a date, with a warning", () => {
    const result = importCalendar(
      ics(vevent("UID:bd@x", "SUMMARY:Sinh nhật", "DTSTART;VALUE=DATE:20141210", "RRULE:FREQ=YEARLY;COUNT=1", "RDATE:20131210Z")),
      { lang: "en" },
    );
    expect(result.ok && result.meetings[0]?.meeting.extra).toEqual(["2013-12-10"]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('"20131210Z" is a date with a Z')]);
  });
});

describe("RECURRENCE-ID and EXDATE", () => {
  it("compares a RECURRENCE-ID in UTC with occurrences in the series' zone, as instants", () => {
    const { schedule } = only(
      ics([
        ...vevent(
          "UID:r@x",
          "SUMMARY:Họp",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240304T090000",
          "RRULE:FREQ=DAILY;COUNT=3",
        ),
        ...vevent("UID:r@x", "RECURRENCE-ID:20240305T010000Z", "STATUS:CANCELLED"),
      ]),
    );
    expect(expandSchedule(schedule).map((o) => iso(o.start))).toEqual(["2024-03-04T01:00", "2024-03-06T01:00"]);
  });

  it("removes with EXDATE in UTC, and with an EXDATE of type DATE that day's occurrence", () => {
    const { schedule, meetings } = only(
      ics(
        vevent(
          "UID:x@x",
          "SUMMARY:Họp",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000",
          "DURATION:PT1H",
          "RRULE:FREQ=DAILY;COUNT=4",
          "EXDATE:20240305T010000Z",
          "EXDATE;VALUE=DATE:20240306",
        ),
      ),
    );
    expect(meetings[0]?.except).toEqual(["2024-03-05T08:00", "2024-03-06"]);
    expect(expandSchedule(schedule).map((o) => iso(o.start))).toEqual(["2024-03-04T01:00", "2024-03-07T01:00"]);
  });

  it("names an all-day series' occurrence by the local date of its RECURRENCE-ID, even a date-time in another zone", () => {
    const { schedule } = only(
      ics([
        ...vevent("UID:ad@x", "SUMMARY:Trực", "DTSTART;VALUE=DATE:20240304", "DTEND;VALUE=DATE:20240305", "RRULE:FREQ=WEEKLY;COUNT=2"),
        ...vevent(
          "UID:ad@x",
          "SUMMARY:Trực",
          "RECURRENCE-ID;TZID=GMT Standard Time:20240311T000000",
          "DTSTART;VALUE=DATE:20240312",
          "DTEND;VALUE=DATE:20240313",
        ),
      ]),
    );
    expect(expandSchedule(schedule).map((o) => [o.allDay, iso(o.start)])).toEqual([
      [true, "2024-03-03T17:00"],
      [true, "2024-03-11T17:00"],
    ]);
  });

  it("keeps an RDATE with a PERIOD as an added occurrence with its own end", () => {
    const { schedule, meetings } = only(
      ics(
        vevent(
          "UID:p@x",
          "SUMMARY:Họp",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000",
          "DTEND;TZID=Asia/Ho_Chi_Minh:20240304T090000",
          "RDATE;VALUE=PERIOD:20240306T070000Z/PT3H",
        ),
      ),
    );
    expect(meetings[0]).toMatchObject({ extra: ["2024-03-06T14:00"], changes: [{ occurrence: "2024-03-06T14:00", duration: "PT3H" }] });
    expect(expandSchedule(schedule).map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ["2024-03-04T01:00", "2024-03-04T02:00"],
      ["2024-03-06T07:00", "2024-03-06T10:00"],
    ]);
  });

  it("counts an off-rule DTSTART as the first occurrence, as RFC 5545 does", () => {
    const { schedule } = only(
      ics(
        vevent(
          "UID:s@x",
          "SUMMARY:Họp",
          "DTSTART;TZID=Asia/Ho_Chi_Minh:20240305T080000",
          "DURATION:PT1H",
          "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3",
        ),
      ),
    );
    expect(expandSchedule(schedule).map((o) => iso(o.start))).toEqual(["2024-03-05T01:00", "2024-03-11T01:00", "2024-03-18T01:00"]);
  });
});

describe("Apple Calendar", () => {
  it("keeps floating all-day events as dates, never shifted by the host's zone", () => {
    const { meetings } = only(ics(vevent("UID:ap@x", "SUMMARY:Hội nghị", "DTSTART;VALUE=DATE:20240304", "DTEND;VALUE=DATE:20240306")));
    expect(meetings[0]).toMatchObject({ start: "2024-03-04", end: "2024-03-05" });
  });
});

describe("what lichhop reads from an event", () => {
  it("maps ATTENDEE and ORGANIZER e-mails to people (a declined one is left out) and LOCATION to a room's name or location", () => {
    const { meetings, warnings } = only(
      ics(
        vevent(
          "UID:at@x",
          "SUMMARY:Họp",
          "DTSTART:20240304T010000Z",
          "DTEND:20240304T020000Z",
          "ORGANIZER;CN=Chủ tịch:mailto:ChuTich@langson.gov.vn",
          "ATTENDEE;PARTSTAT=DECLINED:mailto:pct@langson.gov.vn",
          "ATTENDEE:mailto:khach@example.com",
          "LOCATION:Tầng 2\\, trụ sở UBND",
        ),
      ),
    );
    expect(meetings[0]).toMatchObject({ attendees: ["chu-tich"], room: "phong-hop-1" });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining("khach@example.com")]);
  });

  it("cites the .ics file and the line of the VEVENT where a report cites a meeting", () => {
    const schedule = withSource(
      ics([
        ...vevent(
          "UID:one@x",
          "SUMMARY:Họp A",
          "DTSTART:20240304T010000Z",
          "DTEND:20240304T030000Z",
          "ORGANIZER:mailto:chutich@langson.gov.vn",
        ),
        ...vevent(
          "UID:two@x",
          "SUMMARY:Họp B",
          "DTSTART:20240304T020000Z",
          "DTEND:20240304T040000Z",
          "ATTENDEE:mailto:chutich@langson.gov.vn",
        ),
      ]),
    );
    const report = checkSchedule(schedule, { lang: "en" });
    const attendee = report.findings?.find((f) => f.kind === "attendee");
    expect(attendee?.source).toEqual({ file: "ubnd.ics", line: 11, column: 1 });
  });

  it("gives ids made from UIDs, valid and stable, and resolves collisions in file order", () => {
    const text = ics([
      ...vevent("UID:Họp-Đặc biệt@x", "SUMMARY:A", "DTSTART:20240304T010000Z", "DURATION:PT1H"),
      ...vevent("UID:hop-dac-biet@y", "SUMMARY:B", "DTSTART:20240305T010000Z", "DURATION:PT1H"),
      ...vevent(
        "UID:040000008200E00074C5B7101A82E00800000000C9AB6E5A6AFED401000000000000000010000000",
        "SUMMARY:C",
        "DTSTART:20240306T010000Z",
        "DURATION:PT1H",
      ),
    ]);
    const ids = only(text).meetings.map((m) => m.id);
    expect(ids).toEqual(["hop-dac-biet", "hop-dac-biet-2", expect.stringMatching(/^040000008200e00074c5b710-[0-9a-f]{8}$/)]);
    expect(only(text).meetings.map((m) => m.id)).toEqual(ids);
  });

  it("warns about VTODO and VJOURNAL, an RRULE part it does not support, and a cancelled event, each at its line", () => {
    const result = importCalendar(
      ics([
        "BEGIN:VTODO",
        "UID:t@x",
        "END:VTODO",
        "BEGIN:VJOURNAL",
        "UID:j@x",
        "END:VJOURNAL",
        ...vevent("UID:r@x", "SUMMARY:Họp", "DTSTART:20240304T010000Z", "DURATION:PT1H", "RRULE:FREQ=FORTNIGHTLY"),
        ...vevent("UID:c@x", "SUMMARY:Hủy", "DTSTART:20240304T010000Z", "DURATION:PT1H", "STATUS:CANCELLED"),
      ]),
      { lang: "en", filename: "ubnd.ics" },
    );
    expect(result.warnings.map((w) => [w.line, w.message.split(":")[0]])).toEqual([
      [4, "VTODO is not a meeting"],
      [7, "VJOURNAL is not a meeting"],
      [15, "the RRULE has a part lichhop does not support (FREQ=FORTNIGHTLY)"],
      [17, "1 cancelled events (STATUS"],
    ]);
    expect(result.ok && result.meetings.map((m) => m.meeting.repeat)).toEqual([undefined]);
  });

  it("leaves the all-day events of a holiday calendar out: days off come from calendar:", () => {
    const result = importCalendar(
      ics(vevent("UID:h@x", "SUMMARY:Tết Dương lịch", "DTSTART;VALUE=DATE:20240101", "DTEND;VALUE=DATE:20240102"), [
        "X-WR-CALNAME:Ngày lễ ở Việt Nam",
      ]),
      { lang: "en" },
    );
    expect(result.ok && result.meetings).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining("holiday calendar")]);
  });
});
