// A change's `status: postponed | cancelled` lists the occurrence, marked, but it is not held:
// no check counts it, its time is free, the feeds publish it cancelled. And a meeting's chair
// attends it.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { expandSchedule, reportOccurrences } from "../../src/expand";
import { buildFeeds } from "../../src/ical/feeds";
import type { Schedule } from "../../src/schema/model";
import { findSlots } from "../../src/slots/find";
import { buildSchedule } from "../helpers/schedule";

/** HĐND and UBND, two people with e-mail, one room, and a rule keeping HĐND out of UBND's meetings. */
function province(meetings: string, extra = ""): Schedule {
  return buildSchedule({
    horizon: "{ from: 2024-01-01, to: 2024-12-31 }",
    bodies: "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh, groups: [hdnd] }\n  - { id: ubnd, name: UBND tỉnh, groups: [ubnd] }",
    people: [
      "  - { id: hau, name: Đoàn Thị Hậu, title: Chủ tịch HĐND tỉnh, bodies: [tt-hdnd], email: hau@hdnd.example }",
      "  - { id: thanh, name: Vi Văn Thành, title: Chủ tịch UBND tỉnh, bodies: [ubnd], email: thanh@ubnd.example }",
    ].join("\n"),
    rooms: "  - { id: p1, name: Phòng họp số 1 }",
    rest: `meetings:\n${meetings}\nrules:\n  - { id: hdnd-ubnd, title: HĐND không trùng UBND, kind: no-overlap, between: [{ groups: [hdnd] }, { groups: [ubnd] }] }\n${extra}`,
  });
}

const UBND =
  "  - { id: ubnd-hop, title: Họp UBND, body: ubnd, start: 2024-03-07T08:00, end: 2024-03-07T10:00, attendees: [thanh], room: p1 }";
/** A monthly HĐND meeting whose 7 March occurrence lands on UBND's, in the same room, with the same person. */
const hdnd = (change: string) =>
  `  - id: hdnd-hop
    title: Phiên họp Thường trực HĐND
    body: tt-hdnd
    start: 2024-01-04T08:00
    end: 2024-01-04T10:00
    repeat: FREQ=MONTHLY;BYDAY=1TH
    attendees: [hau, thanh]
    room: p1
    changes:
      - { occurrence: 2024-03-07T08:00${change} }`;

function check(schedule: Schedule) {
  const result = safeCheckSchedule(schedule);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
  return result;
}

const clashesOn = (schedule: Schedule, date: string) =>
  check(schedule)
    .conflicts.filter((c) => c.occurrences.some((o) => new Date(o.start + 7 * 3_600_000).toISOString().startsWith(date)))
    .map((c) => c.kind)
    .sort();

describe("a postponed or cancelled occurrence is not held", () => {
  it("clashes by rule, person and room when held, and with nothing once postponed or cancelled", () => {
    expect(clashesOn(province(`${UBND}\n${hdnd(", note: Giữ nguyên")}`), "2024-03-07")).toEqual(["attendee", "room", "rule"]);
    for (const status of ["postponed", "cancelled"]) {
      expect(clashesOn(province(`${UBND}\n${hdnd(`, status: ${status}`)}`), "2024-03-07")).toEqual([]);
    }
  });

  it("sits on no day off", () => {
    const onTet = (change: string) =>
      province(
        `  - { id: tet, title: Họp mùng 3 Tết, body: ubnd, start: 2024-02-12T08:00, end: 2024-02-12T09:00, changes: [{ occurrence: 2024-02-12T08:00${change} }] }`,
      );
    expect(clashesOn(onTet(", note: x"), "2024-02-12")).toEqual(["day-off"]);
    expect(clashesOn(onTet(", status: postponed"), "2024-02-12")).toEqual([]);
  });

  it("fills no cadence: a postponed monthly meeting leaves its month short", () => {
    const cadence = "  - { id: thang, title: Họp hằng tháng, kind: cadence, meetings: [hdnd-hop], per: month, min: 1 }";
    const cadenceFindings = (change: string) =>
      check(province(`${hdnd(change)}`, cadence))
        .conflicts.filter((c) => c.kind === "cadence")
        .map((c) => (c.kind === "cadence" ? c.period.from : ""));
    expect(cadenceFindings(", note: x")).toEqual([]);
    expect(cadenceFindings(", status: postponed")).toEqual(["2024-03-01"]);
  });

  it("stays in the expansion, marked, and in the JSON occurrences", () => {
    const schedule = province(hdnd(", status: postponed, note: Chờ ý kiến Thường trực Tỉnh ủy"));
    const march = expandSchedule(schedule).filter((o) => o.recurrenceId === Date.UTC(2024, 2, 7, 8));
    expect(march).toHaveLength(1);
    expect(march[0]?.withdrawn).toBe("postponed");
    expect(reportOccurrences(march)[0]).toMatchObject({ occurrence: "2024-03-07T08:00", status: "changed", withdrawn: "postponed" });
    // An occurrence that takes place carries no such field: the JSON of existing files is unchanged.
    const april = expandSchedule(schedule).filter((o) => o.recurrenceId === Date.UTC(2024, 3, 4, 8));
    expect(Object.keys(reportOccurrences(april)[0] ?? {})).not.toContain("withdrawn");
  });

  it("leaves its time free for findSlots", () => {
    const request = { duration: "PT1H", from: "2024-03-07", to: "2024-03-07", attendees: { required: ["hau"] }, count: 1 };
    const first = (change: string) => findSlots(province(hdnd(change)), request).slots[0]?.start;
    expect(first(", note: x")).toBe("2024-03-07T10:00:00+07:00");
    expect(first(", status: cancelled")).toBe("2024-03-07T07:30:00+07:00");
  });
});

describe("the feeds of a postponed occurrence and of the meeting fields", () => {
  const schedule = province(
    `  - id: hdnd-hop
    title: Phiên họp Thường trực HĐND
    body: tt-hdnd
    start: 2024-01-04T08:00
    end: 2024-01-04T10:00
    repeat: FREQ=MONTHLY;BYDAY=1TH;COUNT=4
    chair: hau
    attendees: [thanh]
    invitees: Lãnh đạo các Ban HĐND tỉnh
    preparedBy: Văn phòng Đoàn ĐBQH và HĐND tỉnh
    followedBy: Chánh Văn phòng
    note: Mang theo tài liệu kỳ họp
    changes:
      - { occurrence: 2024-03-07T08:00, status: postponed, note: Chờ ý kiến Thường trực Tỉnh ủy }`,
  );
  const feeds = buildFeeds(schedule, check(schedule), { stamp: Date.UTC(2024, 0, 1) });
  const all = feeds.find((f) => f.path === "all.ics");
  const events = new ICAL.Component(ICAL.parse(all?.ics ?? "")).getAllSubcomponents("vevent");
  const text = (event: ICAL.Component, name: string) => String(event.getFirstPropertyValue(name) ?? "");
  const master = events.find((e) => !e.hasProperty("recurrence-id")) as ICAL.Component;
  const override = events.find((e) => e.hasProperty("recurrence-id")) as ICAL.Component;

  it("publishes the postponed occurrence as a cancelled override, marked and with its own note", () => {
    expect(events).toHaveLength(2);
    expect(override.getFirstPropertyValue("recurrence-id")?.toString()).toBe("2024-03-07T08:00:00");
    expect(text(override, "status")).toBe("CANCELLED");
    expect(text(override, "summary")).toBe("[HOÃN] Phiên họp Thường trực HĐND");
    expect(text(override, "description")).toContain("Ghi chú: Chờ ý kiến Thường trực Tỉnh ủy");
    expect(text(master, "status")).toBe("");
    expect(text(master, "summary")).toBe("Phiên họp Thường trực HĐND");
  });

  it("writes the chair, invitees, who prepares and follows, and the note into the description", () => {
    expect(text(master, "description").split("\n\n")).toEqual([
      "Chủ trì: Đoàn Thị Hậu (Chủ tịch HĐND tỉnh)",
      "Thành phần: Vi Văn Thành (Chủ tịch UBND tỉnh)",
      "Thành phần mời: Lãnh đạo các Ban HĐND tỉnh",
      "Chuẩn bị: Văn phòng Đoàn ĐBQH và HĐND tỉnh",
      "Lãnh đạo VP theo dõi: Chánh Văn phòng",
      "Ghi chú: Mang theo tài liệu kỳ họp",
    ]);
  });

  it("names the chair first as ATTENDEE with ROLE=CHAIR", () => {
    const attendees = master.getAllProperties("attendee").map((p) => [p.getParameter("role"), String(p.getFirstValue())]);
    expect(attendees).toEqual([
      ["CHAIR", "mailto:hau@hdnd.example"],
      ["REQ-PARTICIPANT", "mailto:thanh@ubnd.example"],
    ]);
  });
});

describe("the chair attends", () => {
  it("clashes with the chair's other meeting at the same time, though the attendees do not name them", () => {
    const schedule = province(
      [
        "  - { id: a, title: Họp A, body: tt-hdnd, start: 2024-03-05T08:00, end: 2024-03-05T09:00, chair: hau }",
        "  - { id: b, title: Họp B, body: tt-hdnd, start: 2024-03-05T08:30, end: 2024-03-05T09:30, attendees: [hau] }",
      ].join("\n"),
    );
    const clash = check(schedule).conflicts.filter((c) => c.kind === "attendee");
    expect(clash).toHaveLength(1);
    expect(clash[0]?.kind === "attendee" ? clash[0].subjects : []).toEqual(["hau"]);
  });
});
