import ICAL from "ical.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { buildFeeds } from "../../src/ical/feeds";
import { safeParseSchedule } from "../../src/load/parse";
import { attendeeResolver } from "../../src/recurrence/membership";
import type { Schedule } from "../../src/schema/model";
import { buildSchedule, scheduleText } from "../helpers/schedule";

const STAMP = Date.UTC(2024, 0, 1);

const BODIES = "  - { id: tt-hdnd, name: Thường trực HĐND tỉnh }\n  - { id: ubnd, name: UBND tỉnh }";
const PEOPLE = [
  "  - { id: hau, name: Đoàn Thị Hậu, bodies: [tt-hdnd], email: hau@hdnd.example }",
  "  - { id: tuan, name: Hoàng Minh Tuấn, bodies: [tt-hdnd, ubnd] }",
  "  - { id: thanh, name: Lê Văn Thành, bodies: [ubnd] }",
].join("\n");

function membershipSchedule(meetings: string): Schedule {
  return buildSchedule({ locale: "en", bodies: BODIES, people: PEOPLE, rest: `meetings:\n${meetings}\n` });
}

function checked(schedule: Schedule) {
  const result = safeCheckSchedule(schedule);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** The summaries and attendee addresses of a feed, as ical.js reads it. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({
    summary: String(vevent.getFirstPropertyValue("summary")),
    attendees: vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue())),
    description: String(vevent.getFirstPropertyValue("description") ?? ""),
  }));
}

const PLENARY = `  - id: phien-hop
    title: Phiên họp thường kỳ Thường trực HĐND
    body: tt-hdnd
    start: 2024-01-04T08:00
    end: 2024-01-04T11:30
    repeat: FREQ=MONTHLY;BYDAY=1TH
    attendees: [tt-hdnd]`;

describe("membership in person feeds and attendee conflicts", () => {
  it("a member of a body gets the plenary meetings naming the body in her person feed", () => {
    const schedule = membershipSchedule(PLENARY);
    const result = checked(schedule);
    expect(result.occurrences[0]?.attendees).toEqual(["hau", "tuan"]);
    const feeds = buildFeeds(schedule, result, { stamp: STAMP });
    const hau = feeds.find((f) => f.path === "person/hau.ics");
    expect(hau).toBeDefined();
    const events = eventsOf(hau?.ics ?? "");
    expect(events.map((e) => e.summary)).toEqual(["Phiên họp thường kỳ Thường trực HĐND"]);
    expect(events[0]?.attendees).toEqual(["mailto:hau@hdnd.example"]);
    expect(events[0]?.description).toContain("Đoàn Thị Hậu, Hoàng Minh Tuấn");
    // Not a member: no plenary in his feed.
    expect(eventsOf(feeds.find((f) => f.path === "person/thanh.ics")?.ics ?? "")).toEqual([]);
  });

  it("a change naming the body resolves it too, and the series needs no override where nothing else changed", () => {
    const schedule = membershipSchedule(
      `${PLENARY.replace("attendees: [tt-hdnd]", "attendees: [hau, tuan]")}\n    changes:\n      - { occurrence: 2024-02-01, attendees: [ubnd] }`,
    );
    const result = checked(schedule);
    const february = result.occurrences.find((o) => o.recurrenceId === Date.UTC(2024, 1, 1, 8));
    expect(february?.attendees).toEqual(["tuan", "thanh"]);
    const thanh = buildFeeds(schedule, result, { stamp: STAMP }).find((f) => f.path === "person/thanh.ics");
    expect(eventsOf(thanh?.ics ?? "")).toHaveLength(1);

    const same = membershipSchedule(PLENARY);
    const sameFeed = buildFeeds(same, checked(same), { stamp: STAMP }).find((f) => f.path === "person/hau.ics");
    expect(sameFeed?.ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("an attendee conflict between a meeting naming her and one naming her body names her", () => {
    const schedule = membershipSchedule(
      `${PLENARY.replace("    repeat: FREQ=MONTHLY;BYDAY=1TH\n", "")}
  - { id: tiep-dan, title: Tiếp công dân, body: ubnd, start: 2024-01-04T09:00, duration: PT1H, attendees: [hau] }`,
    );
    const result = safeCheckSchedule(schedule);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const attendee = result.conflicts.filter((c) => c.kind === "attendee");
    expect(attendee).toHaveLength(1);
    expect(attendee[0]?.subjects).toEqual(["hau"]);
    const [finding] = result.report.conflicts.filter((c) => c.kind === "attendee");
    expect(finding?.message).toContain("Đoàn Thị Hậu");
    expect(finding?.message).not.toContain("Hoàng Minh Tuấn");
  });

  it("two meetings naming bodies with a member in common conflict on that member only", () => {
    const schedule = membershipSchedule(
      `${PLENARY.replace("    repeat: FREQ=MONTHLY;BYDAY=1TH\n", "")}
  - { id: ubnd-hop, title: Họp UBND, body: ubnd, start: 2024-01-04T10:00, duration: PT2H, attendees: [ubnd] }`,
    );
    const result = checked(schedule);
    expect(result.conflicts.filter((c) => c.kind === "attendee").map((c) => c.subjects)).toEqual([["tuan"]]);
  });

  it("refuses an attendee id that is both a body and a person, at the reference", () => {
    const text = scheduleText({
      locale: "en",
      bodies: BODIES,
      people: `${PEOPLE}\n  - { id: ubnd, name: Someone }`,
      rest: "meetings:\n  - { id: m, title: M, body: ubnd, start: 2024-01-04T08:00, duration: PT1H, attendees: [hau, ubnd] }\n",
    });
    const result = safeParseSchedule(text, { filename: "ambiguous.yaml" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const ambiguous = result.issues.filter((issue) => issue.code === "ambiguous-reference");
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({ path: ["meetings", 0, "attendees", 1], file: "ambiguous.yaml", line: 14 });
    expect(ambiguous[0]?.column).toBeGreaterThan(1);
    expect(ambiguous[0]?.message).toBe(
      '"ubnd" is both a body (line 7) and a person (line 12): an attendee must name one; rename one of them',
    );
  });

  it("an unknown attendee is neither a person nor a body, with the closest of both as a hint", () => {
    const result = safeParseSchedule(
      scheduleText({
        locale: "en",
        bodies: BODIES,
        people: PEOPLE,
        rest: "meetings:\n  - { id: m, title: M, body: ubnd, start: 2024-01-04T08:00, duration: PT1H, changes: [{ occurrence: 2024-01-04, attendees: [tt-hnd] }] }\n",
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ code: "unknown-reference", path: ["meetings", 0, "changes", 0, "attendees", 0] });
      expect(result.issues[0]?.message).toBe('unknown person or body "tt-hnd"; did you mean "tt-hdnd"?');
    }
  });

  it("the people a list resolves to are the people it names plus the members of the bodies it names", () => {
    const bodies = ["b0", "b1", "b2"];
    const people = ["p0", "p1", "p2", "p3", "p4"];
    fc.assert(
      fc.property(
        fc.array(fc.subarray(bodies), { minLength: people.length, maxLength: people.length }),
        fc.uniqueArray(fc.constantFrom(...bodies, ...people), { maxLength: 8 }),
        (memberships, references) => {
          const schedule = {
            bodies: bodies.map((id) => ({ id, name: id })),
            people: people.map((id, i) => ({ id, name: id, bodies: memberships[i] as string[] })),
          };
          const resolved = attendeeResolver(schedule)(references, 0);
          const expected = new Set(
            references.flatMap((ref) => (bodies.includes(ref) ? people.filter((_, i) => memberships[i]?.includes(ref)) : [ref])),
          );
          expect(new Set(resolved)).toEqual(expected);
          expect(resolved).toHaveLength(expected.size);
        },
      ),
    );
  });
});
