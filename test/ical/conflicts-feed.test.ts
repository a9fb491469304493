import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { groupFindings } from "../../src/conflicts/finding";
import { UsageError } from "../../src/errors";
import { buildFeeds } from "../../src/ical/feeds";
import { parseSchedule } from "../../src/load/parse";
import type { Lang } from "../../src/messages";
import type { Schedule } from "../../src/schema/model";
import { zoneClocks } from "../../src/time/zone";
import { scheduleText } from "../helpers/schedule";

const STAMP = Date.UTC(2024, 0, 1);

/** One conflict of every kind at least, and four weekly clashes of one pair (one finding per kind). */
const text = (feeds = "") =>
  scheduleText({
    horizon: "{ from: 2024-03-01, to: 2024-04-30 }",
    bodies: [
      "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh, groups: [hdnd] }",
      "  - { id: ban-kt-ns, name: Ban Kinh tế - Ngân sách, groups: [hdnd] }",
      "  - { id: ubnd, name: UBND tỉnh, groups: [ubnd] }",
    ].join("\n"),
    people: "  - { id: hau, name: Đoàn Thị Hậu }",
    rooms: "  - { id: phong-1, name: Phòng họp số 1 }",
    rest: `meetings:
  - { id: tt, title: Phiên họp TT HĐND, body: tt-hdnd, start: 2024-03-04T08:00, duration: PT2H, repeat: FREQ=WEEKLY;COUNT=4, attendees: [hau], room: phong-1 }
  - { id: ubnd, title: Họp UBND, body: ubnd, start: 2024-03-04T09:00, duration: PT2H, repeat: FREQ=WEEKLY;COUNT=4, attendees: [hau], room: phong-1 }
  - { id: chu-nhat, title: Họp Chủ nhật, body: ubnd, start: 2024-03-10T08:00, duration: PT1H }
  - { id: som, title: Họp sớm, body: ubnd, start: 2024-03-12T06:00, duration: PT1H }
  - { id: tham-tra, title: Thẩm tra, body: ban-kt-ns, start: 2024-04-12T08:00, duration: PT2H, tags: [tham-tra] }
  - { id: ky-hop, title: Kỳ họp HĐND, body: ban-kt-ns, start: 2024-04-16, end: 2024-04-16, tags: [ky-hop] }
rules:
  - { id: hdnd-ubnd, title: HĐND không trùng UBND, kind: no-overlap, between: [{ groups: [hdnd] }, { groups: [ubnd] }] }
  - { id: moi-thang, title: TT HĐND họp mỗi tháng, kind: cadence, bodies: [tt-hdnd], per: month, min: 1 }
  - { id: tham-tra, title: Thẩm tra trước kỳ họp, kind: lead-time, before: { tags: [tham-tra] }, target: { tags: [ky-hop] }, min: P7D, max: P30D }
${feeds}`,
  });

function load(feeds = "") {
  const schedule = parseSchedule(text(feeds), { filename: "test.yaml" });
  const result = safeCheckSchedule(schedule);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join("\n"));
  return { schedule, result };
}

const { schedule, result } = load();

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((event) => ({
    id: String(event.getFirstPropertyValue("uid")).replace(/^conflict-|@.*$/g, ""),
    summary: String(event.getFirstPropertyValue("summary")),
    description: String(event.getFirstPropertyValue("description")),
    finding: String(event.getFirstPropertyValue("x-lichhop-finding")),
  }));
}

const conflictsFeed = (s: Schedule, lang: Lang) =>
  buildFeeds(s, result, { stamp: STAMP, lang }).find((feed) => feed.path === "conflicts.ics")?.ics ?? "";

describe("conflicts.ics: one event per conflict, titled by its kind, naming its finding", () => {
  it("has one VEVENT per conflict with a time, every kind among them", () => {
    expect(new Set(result.conflicts.map((c) => c.kind))).toEqual(
      new Set(["rule", "attendee", "room", "day-off", "working-hours", "cadence", "lead-time"]),
    );
    const timed = result.conflicts.filter((c) => c.occurrences.length > 0 || c.kind === "cadence");
    const seen = events(conflictsFeed(schedule, "vi"));
    expect(seen.map((e) => e.id).sort()).toEqual(timed.map((c) => c.id).sort());
    expect(seen).toHaveLength(result.report.conflicts.length);
  });

  it.each([
    ["vi", "attendee", "⚠ Trùng người dự họp: Phiên họp TT HĐND × Họp UBND"],
    ["vi", "room", "⚠ Trùng phòng họp: Phiên họp TT HĐND × Họp UBND"],
    ["vi", "rule", "⚠ Trùng lịch: Phiên họp TT HĐND × Họp UBND"],
    ["vi", "day-off", "⚠ Ngày nghỉ: Họp Chủ nhật"],
    ["vi", "working-hours", "⚠ Ngoài giờ làm việc: Họp sớm"],
    ["vi", "cadence", "⚠ Sai tần suất: TT HĐND họp mỗi tháng"],
    ["vi", "lead-time", "⚠ Thiếu thời gian chuẩn bị: Kỳ họp HĐND"],
    ["en", "attendee", "⚠ Attendee clash: Phiên họp TT HĐND × Họp UBND"],
    ["en", "room", "⚠ Room clash: Phiên họp TT HĐND × Họp UBND"],
    ["en", "rule", "⚠ Clash: Phiên họp TT HĐND × Họp UBND"],
    ["en", "day-off", "⚠ Day off: Họp Chủ nhật"],
    ["en", "working-hours", "⚠ Outside working hours: Họp sớm"],
    ["en", "cadence", "⚠ Wrong frequency: TT HĐND họp mỗi tháng"],
    ["en", "lead-time", "⚠ Too little lead time: Kỳ họp HĐND"],
  ] as const)("%s: a %s conflict is titled %j", (lang, kind, summary) => {
    const ids = new Set(result.conflicts.filter((c) => c.kind === kind).map((c) => c.id));
    const titled = events(conflictsFeed(schedule, lang)).filter((e) => ids.has(e.id));
    expect(titled.length).toBeGreaterThan(0);
    for (const event of titled) expect(event.summary).toBe(summary);
  });

  it("gives the conflicts of one finding the same X-LICHHOP-FINDING, also named in the description", () => {
    const seen = events(conflictsFeed(schedule, "vi"));
    const findings = groupFindings(result.conflicts, zoneClocks());
    expect(new Set(seen.map((e) => e.finding))).toEqual(new Set(findings.map((f) => f.id)));
    for (const finding of findings) {
      const grouped = seen.filter((e) => e.finding === finding.id);
      expect(grouped, finding.kind).toHaveLength(finding.count);
      for (const event of grouped) expect(event.description).toContain(`Nhóm xung đột: ${finding.id}`);
    }
    // The four Monday clashes of the pair are one finding per kind.
    const attendee = findings.find((f) => f.kind === "attendee");
    expect(attendee?.count).toBe(4);
  });
});

describe("feeds.conflictNotes", () => {
  // The heading of an event's conflict notes, in the unfolded text.
  const noted = (ics: string | undefined) => /⚠ Trùng lịch:\\n- /.test((ics ?? "").replace(/\r\n[ \t]/g, ""));
  const meetingFeeds = (feeds: ReturnType<typeof buildFeeds>) => feeds.filter((feed) => feed.path !== "conflicts.ics");

  it("notes conflicts in the meeting feeds' descriptions by default", () => {
    const feeds = buildFeeds(schedule, result, { stamp: STAMP });
    for (const path of ["all.ics", "person/hau.ics", "body/ubnd.ics", "room/phong-1.ics"]) {
      expect(noted(feeds.find((feed) => feed.path === path)?.ics), path).toBe(true);
    }
  });

  it.each([
    ["the option", "", false],
    ["the file", "feeds: { conflictNotes: false }\n", undefined],
    ["the option over the file", "feeds: { conflictNotes: true }\n", false],
  ] as const)("false in %s keeps the notes out of every feed but conflicts.ics", (_where, section, option) => {
    const loaded = load(section);
    const on = buildFeeds(loaded.schedule, loaded.result, { stamp: STAMP, conflictNotes: true });
    const off = buildFeeds(loaded.schedule, loaded.result, { stamp: STAMP, ...(option === undefined ? {} : { conflictNotes: option }) });
    for (const feed of meetingFeeds(off)) expect(noted(feed.ics), feed.path).toBe(false);
    expect(meetingFeeds(on).some((feed) => noted(feed.ics))).toBe(true);
    expect(off.at(-1)?.ics).toBe(on.at(-1)?.ics);
    expect(off.map((feed) => feed.events)).toEqual(on.map((feed) => feed.events));
  });

  it("keeps the notes when the file says false but the option says true", () => {
    const loaded = load("feeds: { conflictNotes: false }\n");
    const all = buildFeeds(loaded.schedule, loaded.result, { stamp: STAMP, conflictNotes: true })[0]?.ics ?? "";
    expect(noted(all)).toBe(true);
  });

  it("refuses a value that is not a boolean", () => {
    expect(() => buildFeeds(schedule, result, { stamp: STAMP, conflictNotes: "no" as never })).toThrow(UsageError);
    expect(() => parseSchedule(text('feeds: { conflictNotes: "no" }\n'), { filename: "test.yaml" })).toThrow(/conflictNotes/);
  });
});
