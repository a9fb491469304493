import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { buildFeeds, formatICalendar } from "../../src/ical/feeds";
import { escapeText, foldLine } from "../../src/ical/text";
import { parseSchedule, validateSchedule } from "../../src/load/parse";
import type { Schedule } from "../../src/schema/model";
import { expandWithIcalJs, expected } from "../helpers/ical";

const EXAMPLE = "examples/lang-son-2024.yaml";
const STAMP = Date.UTC(2024, 0, 1, 0, 0, 0);
const GOLDEN = "test/fixtures/ical/lang-son-2024";

function checked(schedule: Schedule) {
  const result = safeCheckSchedule(schedule);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

const example = parseSchedule(readFileSync(EXAMPLE, "utf8"), { filename: EXAMPLE });
const exampleResult = checked(example);

/** Logical lines: unfolded, without the CRLF. */
const unfold = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);

describe("golden feeds of the example", () => {
  // UPDATE_GOLDEN=1 npx vitest run test/ical rewrites them after an intended change.
  it.each([
    ["series", false, ["all.ics", "conflicts.ics", "person/doan-thi-hau.ics", "room/hoi-truong-tinh.ics"]],
    ["expanded", true, ["all.ics"]],
  ] as const)("%s feeds match the golden .ics byte for byte", (mode, expand, paths) => {
    const feeds = buildFeeds(example, exampleResult, { stamp: STAMP, expand });
    for (const path of paths) {
      const feed = feeds.find((f) => f.path === path);
      expect(feed, path).toBeDefined();
      const file = join(GOLDEN, mode, path);
      // A missing golden file fails: it is written only on request (UPDATE_GOLDEN=1), and reviewed.
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, feed?.ics ?? "");
      }
      expect(existsSync(file), `${file} is missing: run the test with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(feed?.ics, file).toBe(readFileSync(file, "utf8"));
    }
  });

  it("writes every feed: all, one per body, person and room, and conflicts", () => {
    const paths = buildFeeds(example, exampleResult, { stamp: STAMP }).map((f) => f.path);
    expect(paths[0]).toBe("all.ics");
    expect(paths.at(-1)).toBe("conflicts.ics");
    for (const body of example.bodies) expect(paths).toContain(`body/${body.id}.ics`);
    for (const person of example.people) expect(paths).toContain(`person/${person.id}.ics`);
    for (const room of example.rooms) expect(paths).toContain(`room/${room.id}.ics`);
  });

  it("gives byte-identical feeds for the same input and stamp, and only DTSTAMP changes with the stamp", () => {
    const a = buildFeeds(example, exampleResult, { stamp: STAMP });
    const b = buildFeeds(example, checked(parseSchedule(readFileSync(EXAMPLE, "utf8"), { filename: EXAMPLE })), { stamp: new Date(STAMP) });
    expect(b.map((f) => f.ics)).toEqual(a.map((f) => f.ics));
    const c = buildFeeds(example, exampleResult, { stamp: STAMP + 86_400_000 + 1234 });
    expect(c[0]?.ics.replace(/DTSTAMP:\d{8}T\d{6}Z/g, "")).toBe(a[0]?.ics.replace(/DTSTAMP:\d{8}T\d{6}Z/g, ""));
    expect(c[0]?.ics).toContain("DTSTAMP:20240102T000001Z");
    const d = buildFeeds(example, exampleResult, { stamp: new Date(STAMP).toISOString() });
    expect(d.map((f) => f.ics)).toEqual(a.map((f) => f.ics));
    expect(() => buildFeeds(example, exampleResult, { stamp: "2024-01-01T00:00" })).toThrow(/ISO instant/);
  });

  it("renders a meeting the same in every feed that holds all its occurrences", () => {
    const feeds = buildFeeds(example, exampleResult, { stamp: STAMP });
    const uid = (ics: string) => ics.match(/BEGIN:VEVENT\r\nUID:tt-hdnd-thuong-ky@[\s\S]*?END:VEVENT\r\n/g) ?? [];
    const all = uid(feeds.find((f) => f.path === "all.ics")?.ics ?? "");
    const body = uid(feeds.find((f) => f.path === "body/tt-hdnd.ics")?.ics ?? "");
    expect(all.length).toBeGreaterThan(0);
    expect(body).toEqual(all);
  });

  it("every occurrence of the example reaches all.ics at the same instant (ical.js), series and expanded", () => {
    for (const expand of [false, true]) {
      const [all] = buildFeeds(example, exampleResult, { stamp: STAMP, expand });
      expect(expandWithIcalJs(all?.ics ?? "")).toEqual(expected(exampleResult.occurrences));
    }
  });
});

describe("iCalendar form", () => {
  const feeds = buildFeeds(example, exampleResult, { stamp: STAMP });
  const all = feeds[0]?.ics ?? "";

  it("uses CRLF, folds at 75 octets without splitting a UTF-8 character, and is NFC", () => {
    for (const feed of feeds) {
      expect(feed.ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(feed.ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of feed.ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(feed.ics).toBe(feed.ics.normalize("NFC"));
    }
  });

  it("writes UNTIL in UTC, DTSTAMP in UTC, a VTIMEZONE for each zone used, and the calendar properties", () => {
    const lines = unfold(all);
    for (const rrule of lines.filter((l) => l.startsWith("RRULE:"))) expect(rrule).toMatch(/UNTIL=\d{8}T\d{6}Z(;|$)/);
    for (const stamp of lines.filter((l) => l.startsWith("DTSTAMP:"))) expect(stamp).toBe("DTSTAMP:20240101T000000Z");
    expect(lines).toContain("TZID:Asia/Ho_Chi_Minh");
    expect(lines).toContain("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(lines.filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(1);
    expect(lines.indexOf("X-PUBLISHED-TTL:PT1H")).toBeLessThan(lines.indexOf("BEGIN:VTIMEZONE"));
  });

  it("gives stable UIDs: <meeting>@<domain>, and with expand <meeting>-<yyyymmddThhmm>@<domain>", () => {
    const uids = new Set(unfold(all).filter((l) => l.startsWith("UID:")));
    expect(uids).toContain("UID:tt-hdnd-thuong-ky@lichhop.invalid");
    const expandedAll = formatICalendar(
      example,
      exampleResult,
      { kind: "all" },
      { stamp: STAMP, expand: true, uidDomain: "hdnd.langson.gov.vn" },
    );
    expect(unfold(expandedAll)).toContain("UID:tt-hdnd-thuong-ky-20240104T0800@hdnd.langson.gov.vn");
    const withFileDomain = { ...example, feeds: { uidDomain: "lich.example.vn" } };
    expect(formatICalendar(withFileDomain, exampleResult, { kind: "all" }, { stamp: STAMP })).toContain(
      "UID:tt-hdnd-thuong-ky@lich.example.vn",
    );
  });

  it("writes cancelled occurrences as EXDATE and moved ones as RECURRENCE-ID overrides", () => {
    const lines = unfold(all);
    expect(lines).toContain("EXDATE;TZID=Asia/Ho_Chi_Minh:20240201T080000,20240502T080000");
    expect(lines).toContain("RDATE;TZID=Asia/Ho_Chi_Minh:20240215T080000");
    const i = lines.indexOf("RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20240404T080000");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe("DTSTART;TZID=Asia/Ho_Chi_Minh:20240405T140000");
  });

  it("parses back with ical.js: summary, location, attendees with names, bodies as categories, conflicts noted", () => {
    const calendar = new ICAL.Component(ICAL.parse(all));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Lịch họp (tất cả)");
    const master = calendar
      .getAllSubcomponents("vevent")
      .find((e) => e.getFirstPropertyValue("uid") === "tt-hdnd-thuong-ky@lichhop.invalid" && !e.hasProperty("recurrence-id"));
    expect(master?.getFirstPropertyValue("summary")).toBe("Phiên họp thường kỳ Thường trực HĐND tỉnh");
    expect(master?.getFirstPropertyValue("location")).toBe("Phòng họp số 1 - Trụ sở HĐND tỉnh");
    expect(master?.getFirstPropertyValue("categories")).toBe("Thường trực HĐND tỉnh");
    const attendees = master?.getAllProperties("attendee") ?? [];
    expect(attendees.map((a) => [a.getParameter("cn"), a.getFirstValue()])).toEqual([
      ["Đoàn Thị Hậu", "mailto:hau@hdnd.example"],
      ["Hoàng Văn Nam", "mailto:nam@hdnd.example"],
    ]);
    expect(String(master?.getFirstPropertyValue("description"))).toContain("⚠ Trùng lịch:\n- ");
    const joint = calendar
      .getAllSubcomponents("vevent")
      .find((e) => e.getFirstPropertyValue("uid") === "tiep-cong-dan-hdnd@lichhop.invalid");
    expect(joint?.getFirstProperty("categories")?.getValues()).toEqual(["Thường trực HĐND tỉnh", "Đoàn ĐBQH tỉnh Lạng Sơn"]);
  });

  it("titles conflict events '⚠ Trùng lịch: A × B' over the overlap, with the rule and meetings described", () => {
    const conflicts = new ICAL.Component(ICAL.parse(feeds.at(-1)?.ics ?? ""));
    const events = conflicts.getAllSubcomponents("vevent");
    expect(events).toHaveLength(exampleResult.conflicts.length);
    const title = "⚠ Trùng lịch: Chủ tịch UBND tỉnh tiếp công dân định kỳ × Phiên họp thường kỳ Thường trực HĐND tỉnh";
    const first = events.find((e) => e.getFirstPropertyValue("summary") === title);
    expect(first).toBeDefined();
    expect(String(first?.getFirstPropertyValue("dtstart"))).toBe("2024-02-15T08:00:00");
    expect(String(first?.getFirstPropertyValue("dtend"))).toBe("2024-02-15T11:30:00");
    expect(String(first?.getFirstPropertyValue("description"))).toContain("Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh");
    // A minGap conflict has no overlap: it spans its occurrences.
    const gap = events.find((e) =>
      String(e.getFirstPropertyValue("summary")).includes("Hội nghị trực tuyến của Chính phủ với các địa phương × "),
    );
    expect(String(gap?.getFirstPropertyValue("dtstart"))).toBe("2024-09-05T07:00:00");
    expect(String(gap?.getFirstPropertyValue("dtend"))).toBe("2024-09-05T11:30:00");
  });
});

describe("escaping: no text can inject a property", () => {
  const hostile = validateSchedule({
    version: 1,
    timezone: "Asia/Ho_Chi_Minh",
    horizon: { from: "2024-03-01", to: "2024-03-31" },
    bodies: [{ id: "b", name: "Ban A\r\nX-INJECTED:1;\\,x" }],
    people: [{ id: "p", name: 'Nguyễn "Tèo"\nEND:VEVENT', email: "teo@example.vn" }],
    rooms: [{ id: "r", name: "Phòng 1\nBEGIN:VALARM" }],
    meetings: [
      {
        id: "m",
        title: "Họp\r\nATTENDEE:mailto:evil@example.com",
        description: "dòng 1\ndòng 2; a, b \\ c",
        body: "b",
        start: "2024-03-05T08:00",
        duration: "PT1H",
        attendees: ["p"],
        room: "r",
      },
    ],
  });
  const result = checked(hostile);
  const feeds = buildFeeds(hostile, result, { stamp: STAMP, title: "Lịch\nX-EVIL:1" });

  it("escapes titles, names, locations, categories and calendar names (X-WR-CALNAME too)", () => {
    for (const feed of feeds) {
      const names = unfold(feed.ics).map((l) => l.split(/[;:]/)[0]);
      for (const bad of ["X-INJECTED", "X-EVIL", "END", "BEGIN", "ATTENDEE"]) {
        const legit = unfold(feed.ics).filter((l) => l.startsWith(`${bad}:`) || l.startsWith(`${bad};`));
        if (bad === "X-INJECTED" || bad === "X-EVIL") expect(names).not.toContain(bad);
        for (const line of legit) expect(line).not.toMatch(/evil|VALARM|INJECTED/);
      }
    }
    const body = feeds.find((f) => f.path === "body/b.ics")?.ics ?? "";
    const calendar = new ICAL.Component(ICAL.parse(body));
    // ical.js leaves X- properties raw: compare the escaped line itself.
    expect(unfold(body)).toContain("X-WR-CALNAME:Lịch\\nX-EVIL:1: Ban A\\nX-INJECTED:1\\;\\\\\\,x");
    expect(unfold(body)).toContain("NAME:Lịch\\nX-EVIL:1: Ban A\\nX-INJECTED:1\\;\\\\\\,x");
    const event = calendar.getFirstSubcomponent("vevent");
    expect(event?.getFirstPropertyValue("summary")).toBe("Họp\nATTENDEE:mailto:evil@example.com");
    expect(event?.getFirstPropertyValue("location")).toBe("Phòng 1\nBEGIN:VALARM");
    expect(event?.getAllSubcomponents()).toHaveLength(0);
    expect(event?.getAllProperties("attendee").map((a) => a.getFirstValue())).toEqual(["mailto:teo@example.vn"]);
    expect(event?.getFirstProperty("attendee")?.getParameter("cn")).toBe('Nguyễn "Tèo"\nEND:VEVENT');
  });

  it("escapes TEXT per RFC 5545 §3.3.11 and removes control characters", () => {
    expect(escapeText("a;b,c\\d\r\ne\rf\ng\u0007")).toBe("a\\;b\\,c\\\\d\\ne\\nf\\ng");
    expect(escapeText("Ho\u0300a")).toBe("Hòa");
  });

  it("folds by octets and never inside a character", () => {
    const line = `SUMMARY:${"Đoàn Thị Hậu 🎉 ".repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});

describe("all-day and DST", () => {
  it("writes all-day series with DATE values (RECURRENCE-ID and EXDATE too) and UNTIL as a date", () => {
    const schedule = validateSchedule({
      version: 1,
      timezone: "Europe/Berlin",
      horizon: { from: "2024-01-01", to: "2024-12-31" },
      bodies: [{ id: "b", name: "B" }],
      meetings: [
        {
          id: "hop-ngay",
          body: "b",
          title: "Cả ngày",
          start: "2024-03-04",
          end: "2024-03-05",
          repeat: "FREQ=WEEKLY;COUNT=5",
          except: ["2024-03-11"],
          changes: [
            { occurrence: "2024-03-18", start: "2024-03-19" },
            { occurrence: "2024-03-25", cancelled: true },
          ],
        },
      ],
    });
    const result = checked(schedule);
    const ics = formatICalendar(schedule, result, { kind: "all" }, { stamp: STAMP });
    const lines = unfold(ics);
    expect(lines).toContain("DTSTART;VALUE=DATE:20240304");
    expect(lines).toContain("DTEND;VALUE=DATE:20240306");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;UNTIL=20240401");
    expect(lines).toContain("EXDATE;VALUE=DATE:20240311,20240325");
    expect(lines).toContain("RECURRENCE-ID;VALUE=DATE:20240318");
    expect(expandWithIcalJs(ics)).toEqual(expected(result.occurrences));
  });

  it("keeps 08:00 at 08:00 across DST and overrides an occurrence whose wall time falls in the DST gap", () => {
    const schedule = validateSchedule({
      version: 1,
      timezone: "Europe/Berlin",
      horizon: { from: "2024-03-01", to: "2024-04-30" },
      bodies: [{ id: "b", name: "B" }],
      meetings: [
        { id: "sang", body: "b", title: "Sáng", start: "2024-03-25T08:00", duration: "PT1H", repeat: "FREQ=DAILY;COUNT=10" },
        { id: "dem", body: "b", title: "Đêm", start: "2024-03-24T02:30", duration: "PT1H", repeat: "FREQ=WEEKLY;COUNT=3" },
      ],
    });
    const result = checked(schedule);
    const ics = formatICalendar(schedule, result, { kind: "all" }, { stamp: STAMP });
    const lines = unfold(ics);
    // The generated VTIMEZONE covers the horizon's years ± 1: one DAYLIGHT onset per year.
    expect(lines.filter((l) => l.startsWith("BEGIN:DAYLIGHT"))).toHaveLength(3);
    // 2024-03-31 02:30 does not exist in Berlin: the occurrence is at 03:30 CEST, said explicitly.
    const i = lines.indexOf("RECURRENCE-ID;TZID=Europe/Berlin:20240331T023000");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe("DTSTART;TZID=Europe/Berlin:20240331T033000");
    // 08:00 stays 08:00 across the change: no override for the morning meeting.
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20240325T080000");
    expect(lines.filter((l) => l.startsWith("RECURRENCE-ID"))).toHaveLength(1);
    expect(expandWithIcalJs(ics)).toEqual(expected(result.occurrences));
  });
});

describe("onDayOff moves", () => {
  it("writes an occurrence moved by the working calendar (status moved, no change) as an override", () => {
    const moved = exampleResult.occurrences.find((o) => o.status === "moved" && o.change === undefined);
    expect(moved).toBeDefined();
    const all = unfold(buildFeeds(example, exampleResult, { stamp: STAMP })[0]?.ics ?? "");
    const wall = new Date((moved as { recurrenceId: number }).recurrenceId).toISOString().replace(/[-:]/g, "").slice(0, 15);
    expect(all).toContain(`RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:${wall}`);
  });
});
