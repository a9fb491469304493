import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchedule, safeCheckSchedule } from "../../src/check";
import { buildFeeds } from "../../src/ical/feeds";
import { attendeeResolver } from "../../src/recurrence/membership";
import type { Schedule } from "../../src/schema/model";
import type { Membership } from "../../src/schema/schedule";
import { expandWithIcalJs } from "../helpers/ical";
import { buildSchedule } from "../helpers/schedule";

const STAMP = Date.UTC(2024, 0, 1);
const BODIES = "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh }\n  - { id: ubnd, name: UBND tỉnh }";

/** A schedule of the first half of 2024 whose people are given as YAML list items. */
function scheduleWith(people: string, meetings: string, zone?: string): Schedule {
  return buildSchedule({
    locale: "en",
    ...(zone ? { zone } : {}),
    horizon: "{ from: 2024-01-01, to: 2024-06-30 }",
    bodies: BODIES,
    people,
    rest: `meetings:\n${meetings}\n`,
  });
}

function checked(schedule: Schedule) {
  const result = safeCheckSchedule(schedule);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** Local `YYYY-MM-DD` of an instant in Asia/Ho_Chi_Minh (UTC+7, no DST). */
const localDate = (instant: number) => new Date(instant + 7 * 3_600_000).toISOString().slice(0, 10);

// The plenary of Thường trực HĐND on the first Thursday of each month, naming the body.
const PLENARY = `  - id: phien-hop
    title: Phiên họp Thường trực HĐND
    body: tt-hdnd
    start: 2024-01-04T08:00
    end: 2024-01-04T11:30
    repeat: FREQ=MONTHLY;BYDAY=1TH
    attendees: [tt-hdnd]`;

// A monthly reception of citizens that names Hậu herself, in the middle of the plenary.
const RECEPTION = `  - { id: tiep-dan, title: Tiếp công dân, body: ubnd, start: 2024-01-04T09:00, duration: PT1H, repeat: FREQ=MONTHLY;BYDAY=1TH, attendees: [hau] }`;

describe("dated membership: a body stands for its members on the occurrence's date", () => {
  it("a member who joins mid-horizon clashes with the body's meetings only from the day she joins", () => {
    const schedule = scheduleWith(
      [
        "  - { id: hau, name: Đoàn Thị Hậu, bodies: [{ body: tt-hdnd, from: 2024-03-01 }] }",
        "  - { id: tuan, name: Hoàng Minh Tuấn, bodies: [tt-hdnd] }",
      ].join("\n"),
      `${PLENARY}\n${RECEPTION}`,
    );
    const result = checked(schedule);
    const plenary = result.occurrences.filter((o) => o.meeting === "phien-hop");
    expect(plenary.map((o) => [localDate(o.start), o.attendees])).toEqual([
      ["2024-01-04", ["tuan"]],
      ["2024-02-01", ["tuan"]],
      ["2024-03-07", ["hau", "tuan"]],
      ["2024-04-04", ["hau", "tuan"]],
      ["2024-05-02", ["hau", "tuan"]],
      ["2024-06-06", ["hau", "tuan"]],
    ]);
    const clashes = result.conflicts.filter((c) => c.kind === "attendee");
    expect(clashes.map((c) => localDate(c.occurrences[0]?.start ?? 0))).toEqual(["2024-03-07", "2024-04-04", "2024-05-02", "2024-06-06"]);
    expect(clashes.every((c) => c.subjects.length === 1 && c.subjects[0] === "hau")).toBe(true);

    const report = checkSchedule(schedule);
    const [finding] = (report.findings ?? []).filter((f) => f.kind === "attendee");
    expect(finding).toMatchObject({ subjects: ["hau"], first: "2024-03-07", last: "2024-06-06", dateCount: 4 });
    expect(finding?.message).toContain("Đoàn Thị Hậu");
  });

  it("the occurrences of a stretch with the same members share one frozen array", () => {
    const schedule = scheduleWith(
      [
        "  - { id: hau, name: Đoàn Thị Hậu, bodies: [{ body: tt-hdnd, from: 2024-03-01 }] }",
        "  - { id: tuan, name: Hoàng Minh Tuấn, bodies: [tt-hdnd, { body: ubnd, to: 2024-04-30 }] }",
      ].join("\n"),
      PLENARY,
    );
    const plenary = checked(schedule).occurrences.filter((o) => o.meeting === "phien-hop");
    const [jan, feb, mar, apr, may] = plenary;
    expect(feb?.attendees).toBe(jan?.attendees);
    expect(apr?.attendees).toBe(mar?.attendees);
    // The end of his UBND membership changes nothing for a list that does not name UBND.
    expect(may?.attendees).toBe(mar?.attendees);
    expect(mar?.attendees).not.toBe(jan?.attendees);
    expect(Object.isFrozen(mar?.attendees)).toBe(true);
  });

  it("a person feed holds the body's meetings only while she is a member", () => {
    const schedule = scheduleWith(
      [
        "  - { id: hau, name: Đoàn Thị Hậu, email: hau@hdnd.example, bodies: [{ body: tt-hdnd, from: 2024-02-01, to: 2024-04-04 }] }",
        "  - { id: tuan, name: Hoàng Minh Tuấn, bodies: [tt-hdnd] }",
      ].join("\n"),
      PLENARY,
    );
    const result = checked(schedule);
    for (const expand of [false, true]) {
      const feeds = buildFeeds(schedule, result, { stamp: STAMP, expand });
      const hau = feeds.find((f) => f.path === "person/hau.ics")?.ics ?? "";
      // `to` is inclusive: 4 April is her last day and its plenary is hers.
      expect(expandWithIcalJs(hau).map((seen) => seen.start)).toEqual([
        "2024-02-01T01:00:00.000Z",
        "2024-03-07T01:00:00.000Z",
        "2024-04-04T01:00:00.000Z",
      ]);
      expect(hau).toContain("mailto:hau@hdnd.example");
      // One series event: its master lists the people of her first plenary, and so needs no override.
      expect(hau.match(/BEGIN:VEVENT/g)).toHaveLength(expand ? 3 : 1);
      const tuan = feeds.find((f) => f.path === "person/tuan.ics")?.ics ?? "";
      expect(expandWithIcalJs(tuan)).toHaveLength(6);
      // The body's feed lists her as attendee of the plenaries of her term only.
      const body = feeds.find((f) => f.path === "body/tt-hdnd.ics")?.ics ?? "";
      expect(expandWithIcalJs(body)).toHaveLength(6);
      expect(body.match(/mailto:hau@hdnd\.example/g)).toHaveLength(3);
    }
  });

  it("reads membership by the local date of the occurrence's start, in the meeting's zone", () => {
    // 00:30 on 1 March in Hà Nội is still 29 February in UTC; 23:00 on 29 February runs into 1 March.
    const schedule = scheduleWith(
      "  - { id: hau, name: Đoàn Thị Hậu, bodies: [{ body: tt-hdnd, from: 2024-03-01 }] }",
      [
        "  - { id: dem, title: Họp đêm, body: tt-hdnd, start: 2024-03-01T00:30, duration: PT1H, attendees: [tt-hdnd] }",
        "  - { id: qua-dem, title: Họp qua đêm, body: tt-hdnd, start: 2024-02-29T23:00, duration: PT3H, attendees: [tt-hdnd] }",
        "  - { id: ca-ngay, title: Hội nghị, body: tt-hdnd, start: 2024-02-29, end: 2024-03-02, attendees: [tt-hdnd] }",
      ].join("\n"),
    );
    const byMeeting = new Map(checked(schedule).occurrences.map((o) => [o.meeting, o.attendees]));
    expect(byMeeting.get("dem")).toEqual(["hau"]);
    // An occurrence that spans days counts its first day.
    expect(byMeeting.get("qua-dem")).toEqual([]);
    expect(byMeeting.get("ca-ngay")).toEqual([]);
  });

  it("an occurrence a day off moves counts the date it moves to", () => {
    // Saturday 30 March moves to Monday 1 April, her first day.
    const schedule = scheduleWith(
      "  - { id: hau, name: Đoàn Thị Hậu, bodies: [{ body: tt-hdnd, from: 2024-04-01 }] }",
      "  - { id: sat, title: Họp, body: tt-hdnd, start: 2024-03-30T08:00, duration: PT1H, onDayOff: next-working-day, attendees: [tt-hdnd] }",
    );
    const [moved] = checked(schedule).occurrences;
    expect(moved).toMatchObject({ status: "moved", attendees: ["hau"] });
    expect(localDate(moved?.start ?? 0)).toBe("2024-04-01");
  });

  it("a change naming the body resolves it on the changed occurrence's new date", () => {
    const schedule = scheduleWith(
      "  - { id: hau, name: Đoàn Thị Hậu, bodies: [{ body: ubnd, from: 2024-02-05 }] }",
      `${PLENARY.replace("attendees: [tt-hdnd]", "attendees: []")}
    changes:
      - { occurrence: 2024-02-01, attendees: [ubnd] }
      - { occurrence: 2024-03-07, start: 2024-03-04T08:00, end: 2024-03-04T11:30, attendees: [ubnd] }`,
    );
    const plenary = checked(schedule).occurrences.filter((o) => o.meeting === "phien-hop");
    expect(plenary.map((o) => [localDate(o.start), o.attendees])).toEqual([
      ["2024-01-04", []],
      ["2024-02-01", []],
      ["2024-03-04", ["hau"]],
      ["2024-04-04", []],
      ["2024-05-02", []],
      ["2024-06-06", []],
    ]);
  });
});

describe("attendeeResolver with dates", () => {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

  it("without dated membership it resolves a list once, whatever the date", () => {
    const resolve = attendeeResolver({
      bodies: [{ id: "b", name: "B" }],
      people: [
        { id: "p", name: "P", bodies: ["b"] },
        { id: "q", name: "Q", bodies: [{ body: "b" }] },
      ],
    });
    const list = ["b"];
    expect(resolve.fixed(list)).toEqual(["p", "q"]);
    expect(resolve(list, day("2024-01-01"))).toEqual(["p", "q"]);
    expect(resolve(list, day("2099-01-01"))).toBe(resolve(list, day("2024-01-01")));
    const people = ["p"];
    expect(resolve(people, 0)).toBe(people);
  });

  it("gives the same array again when the members come back to the same set", () => {
    const resolve = attendeeResolver({
      bodies: [{ id: "b", name: "B" }],
      people: [
        {
          id: "p",
          name: "P",
          bodies: [
            { body: "b", to: "2024-01-31" },
            { body: "b", from: "2024-03-01" },
          ],
        },
        { id: "q", name: "Q", bodies: ["b"] },
      ],
    });
    const list = ["b"];
    expect(resolve.fixed(list)).toBeUndefined();
    const q = ["q"];
    expect(resolve.fixed(q)).toBe(q);
    const january = resolve(list, day("2024-01-31") + 23 * 3_600_000);
    const february = resolve(list, day("2024-02-01"));
    expect(january).toEqual(["p", "q"]);
    expect(february).toEqual(["q"]);
    expect(resolve(list, day("2024-03-01"))).toBe(january);
    // Another list naming the same body shares the arrays too.
    expect(resolve(["b"], day("2024-01-15"))).toBe(january);
    expect(resolve(list, day("2024-02-29") + 86_399_999)).toBe(february);
  });

  it("the people a list names on a date are the people it names plus the members of its bodies on that date", () => {
    const bodies = ["b0", "b1", "b2"];
    const people = ["p0", "p1", "p2", "p3"];
    const dates = ["2024-01-01", "2024-01-10", "2024-02-01", "2024-02-29", "2024-03-15"];
    const membership = fc.oneof(
      fc.constantFrom(...bodies),
      fc.record(
        { body: fc.constantFrom(...bodies), from: fc.constantFrom(...dates), to: fc.constantFrom(...dates) },
        { requiredKeys: ["body"] },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(membership, { maxLength: 4 }), { minLength: people.length, maxLength: people.length }),
        fc.uniqueArray(fc.constantFrom(...bodies, ...people), { maxLength: 6 }),
        fc.array(fc.integer({ min: day("2023-12-30"), max: day("2024-03-20") }), { minLength: 1, maxLength: 8 }),
        (memberships, references, walls) => {
          const schedule = {
            bodies: bodies.map((id) => ({ id, name: id })),
            people: people.map((id, i) => ({ id, name: id, bodies: memberships[i] as Membership[] })),
          };
          const resolve = attendeeResolver(schedule);
          for (const wall of walls) {
            const date = new Date(wall).toISOString().slice(0, 10);
            const covers = (m: Membership, body: string) =>
              typeof m === "string" ? m === body : m.body === body && (m.from ?? "") <= date && date <= (m.to ?? "9999");
            const expected = [
              ...new Set(
                references.flatMap((ref) =>
                  bodies.includes(ref) ? people.filter((_, i) => memberships[i]?.some((m) => covers(m, ref))) : [ref],
                ),
              ),
            ];
            expect(resolve(references, wall)).toEqual(expected);
          }
        },
      ),
    );
  });
});
