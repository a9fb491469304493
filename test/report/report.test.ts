import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../src/check";
import { scheduleFrom } from "../helpers/schedule";

const RULE = `rules:
  - { id: r, title: HĐND không trùng UBND, kind: no-overlap, between: [{ groups: [hdnd] }, { bodies: [ubnd] }], minGap: PT30M }`;

describe("the conflict report", () => {
  it("reports a rule conflict with both occurrences and the overlap", () => {
    const report = checkSchedule(
      scheduleFrom(
        `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T11:30 }
  - { id: b, title: B, body: ubnd, start: 2024-03-07T09:00, end: 2024-03-07T11:00 }`,
        RULE,
      ),
    );
    expect(report.summary).toEqual({ meetings: 2, occurrences: 2, conflicts: 1, errors: 1, warnings: 0, findings: 1 });
    expect(report.conflicts[0]).toMatchObject({
      kind: "rule",
      rule: "r",
      severity: "error",
      subjects: [],
      occurrences: [
        { meeting: "a", start: "2024-03-07T08:00:00+07:00", end: "2024-03-07T11:30:00+07:00" },
        { meeting: "b", start: "2024-03-07T09:00:00+07:00", end: "2024-03-07T11:00:00+07:00" },
      ],
      overlap: { start: "2024-03-07T09:00:00+07:00", end: "2024-03-07T11:00:00+07:00" },
    });
    expect(report.conflicts[0]?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(report.conflicts[0]?.message).toContain("HĐND không trùng UBND");
  });

  it("reports a conflict made only by minGap with a null overlap", () => {
    const report = checkSchedule(
      scheduleFrom(
        `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T09:00 }
  - { id: b, title: B, body: ubnd, start: 2024-03-07T09:15, end: 2024-03-07T10:00 }
  - { id: c, title: C, body: ubnd, start: 2024-03-07T09:30, end: 2024-03-07T10:00 }`,
        RULE,
      ),
    );
    expect(report.conflicts.map((c) => [c.occurrences.map((o) => o.meeting), c.overlap])).toEqual([[["a", "b"], null]]);
    expect(report.conflicts[0]?.message).toContain("less than 30 minutes apart");
    expect(report.conflicts[0]?.message).not.toMatch(/PT\d/);
  });

  it("treats back-to-back meetings as no overlap for people and rooms", () => {
    const report = checkSchedule(
      scheduleFrom(`  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T09:00, attendees: [an], room: r1 }
  - { id: b, title: B, body: hdnd, start: 2024-03-07T09:00, end: 2024-03-07T10:00, attendees: [an], room: r1 }`),
    );
    expect(report.conflicts).toEqual([]);
  });

  it("lists every shared person in one attendee conflict, and the room in a room conflict", () => {
    const report = checkSchedule(
      scheduleFrom(`  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T09:00, attendees: [binh, an], room: r1 }
  - { id: b, title: B, body: hdnd, start: 2024-03-07T08:30, end: 2024-03-07T10:00, attendees: [an, binh], room: r1 }`),
    );
    expect(report.conflicts.map((c) => [c.kind, c.rule, c.subjects])).toEqual(
      expect.arrayContaining([
        ["attendee", null, ["an", "binh"]],
        ["room", null, ["r1"]],
      ]),
    );
    expect(report.conflicts).toHaveLength(2);
  });

  it("matches a joint meeting on every side it belongs to", () => {
    const report = checkSchedule(
      scheduleFrom(
        `  - { id: joint, title: Joint, bodies: [hdnd, ubnd], start: 2024-03-07T08:00, end: 2024-03-07T09:00 }
  - { id: h, title: H, body: hdnd, start: 2024-03-07T08:30, end: 2024-03-07T10:00 }
  - { id: u, title: U, body: ubnd, start: 2024-03-07T11:00, end: 2024-03-07T12:00 }`,
        RULE,
      ),
    );
    expect(report.conflicts.map((c) => c.occurrences.map((o) => o.meeting))).toEqual([["joint", "h"]]);
  });

  it("honours checks: off and warning", () => {
    const meetings = `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T09:00, attendees: [an], room: r1 }
  - { id: b, title: B, body: hdnd, start: 2024-03-07T08:30, end: 2024-03-07T10:00, attendees: [an], room: r1 }`;
    const report = checkSchedule(scheduleFrom(meetings, "checks: { attendee: warning, room: off }"));
    expect(report.conflicts.map((c) => [c.kind, c.severity])).toEqual([["attendee", "warning"]]);
    expect(checkSchedule(scheduleFrom(meetings, "checks: { attendee: false, room: false }")).conflicts).toEqual([]);
  });

  it("keeps a conflict's id when unrelated meetings are added or reordered, and when the clash moves", () => {
    const a = `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T11:30, repeat: FREQ=MONTHLY;BYDAY=1TH;COUNT=3 }`;
    const b = `  - { id: b, title: B, body: ubnd, start: 2024-03-07T09:00, end: 2024-03-07T10:00 }`;
    const other = `  - { id: z, title: Z, body: hdnd, start: 2024-06-03T09:00, end: 2024-06-03T10:00 }`;
    const ids = (yaml: string) => checkSchedule(scheduleFrom(yaml, RULE)).conflicts.map((c) => c.id);
    const base = ids(`${a}\n${b}`);
    expect(base).toHaveLength(1);
    expect(ids(`${b}\n${other}\n${a}`)).toEqual(base);
    const moved = `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T11:30, repeat: FREQ=MONTHLY;BYDAY=1TH;COUNT=3, changes: [{ occurrence: 2024-03-07, start: 2024-03-07T09:30 }] }`;
    expect(ids(`${moved}\n${b}`)).toEqual(base);
  });

  it("sorts conflicts by first start, then id, and gives byte-identical JSON", () => {
    const yaml = `  - { id: a, title: A, body: hdnd, start: 2024-03-07T08:00, end: 2024-03-07T09:00, attendees: [an], repeat: FREQ=WEEKLY;COUNT=4 }
  - { id: b, title: B, body: ubnd, start: 2024-03-07T08:30, end: 2024-03-07T10:00, attendees: [an], repeat: FREQ=WEEKLY;COUNT=4 }`;
    const first = JSON.stringify(checkSchedule(scheduleFrom(yaml, RULE)));
    const second = JSON.stringify(checkSchedule(scheduleFrom(yaml, RULE)));
    expect(first).toBe(second);
    const report = JSON.parse(first) as { conflicts: { id: string; occurrences: { start: string }[] }[] };
    const keys = report.conflicts.map((c) => `${Date.parse(c.occurrences[0]?.start ?? "")}|${c.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(report.conflicts).toHaveLength(8);
  });
});
