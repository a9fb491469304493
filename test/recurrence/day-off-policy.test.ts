import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workCalendar } from "../../src/calendar";
import { dayOffAdjuster } from "../../src/recurrence/day-off-policy";
import { expandSchedule } from "../../src/expand";
import type { Meeting } from "../../src/schema/schedule";
import { local, schedule } from "../helpers/checks";
import { runs } from "../helpers/runs";

const calendar = workCalendar();
const adjust = dayOffAdjuster(calendar);
const meeting = (onDayOff: Meeting["onDayOff"]): Meeting => ({
  id: "m",
  title: "M",
  start: "2024-01-01T08:00",
  ...(onDayOff ? { onDayOff } : {}),
});
const wall = (text: string): number => Date.parse(`${text}Z`);
const show = (value: number | null): string | null => (value === null ? null : new Date(value).toISOString().slice(0, 16));

describe("the onDayOff policy of one occurrence", () => {
  it.each([
    ["keep", "2024-02-12T08:00", "2024-02-12T08:00", "kept on a Tết day"],
    [undefined, "2024-02-12T08:00", "2024-02-12T08:00", "keep is the default"],
    ["skip", "2024-02-12T08:00", null, "dropped on a Tết day"],
    ["skip", "2024-02-15T08:00", "2024-02-15T08:00", "a working day is never touched"],
    ["next-working-day", "2024-02-12T08:00", "2024-02-15T08:00", "Tết 2024 → Thursday 15/02, same time"],
    ["previous-working-day", "2024-02-12T08:00", "2024-02-07T08:00", "Tết 2024 → Wednesday 07/02"],
    ["next-working-day", "2024-06-15T07:30", "2024-06-17T07:30", "Saturday → Monday"],
    ["next-working-day", "2024-04-30T07:30", "2024-05-02T07:30", "30/4 → Thursday 2/5"],
    ["next-working-day", "2024-04-27T14:00", "2024-05-02T14:00", "the swapped break 27/4–1/5"],
    ["previous-working-day", "2024-04-29T14:00", "2024-04-26T14:00", "swapped Monday 29/4 → Friday 26/4"],
    ["previous-working-day", "2024-05-05T09:00", "2024-05-04T09:00", "the make-up Saturday is a working day"],
    ["next-working-day", "2026-04-26T08:00", "2026-04-28T08:00", "Hùng Kings on Sunday, substitute Monday → Tuesday"],
    ["next-working-day", "2024-02-12T00:00", "2024-02-15T00:00", "all-day keeps its midnight"],
  ] as const)("%s: %s → %s (%s)", (policy, from, to, _why) => {
    expect(show(adjust(meeting(policy), wall(from), from.endsWith("00:00")))).toBe(to);
  });

  it("leaves dates outside 1900–2100 alone", () => {
    expect(show(adjust(meeting("skip"), wall("2101-01-01T08:00"), false))).toBe("2101-01-01T08:00");
  });

  it("leaves the start alone when the calendar has no working day to move to", () => {
    const never = dayOffAdjuster(workCalendar({ workingHours: { days: [], periods: ["07:30-11:30"] } }));
    expect(show(never(meeting("next-working-day"), wall("2024-03-04T08:00"), false))).toBe("2024-03-04T08:00");
  });

  const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => Date.UTC(2022, 0, 1) + n * 86_400_000);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it("next-working-day always lands on a working day and never skips one", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 23 * 60 }), (start, minutes) => {
        const original = start + minutes * 60_000;
        const moved = adjust(meeting("next-working-day"), original, false);
        expect(moved).not.toBeNull();
        const target = moved as number;
        expect(calendar.isWorkingDay(iso(target))).toBe(true);
        expect(target - Math.floor(target / 86_400_000) * 86_400_000).toBe(minutes * 60_000);
        // Every day from the original up to the target (exclusive) is a day off.
        for (let d = start; d < Math.floor(target / 86_400_000) * 86_400_000; d += 86_400_000) {
          expect(calendar.isWorkingDay(iso(d))).toBe(false);
        }
        if (calendar.isWorkingDay(iso(start))) expect(target).toBe(original);
      }),
      { numRuns: runs(500) },
    );
  });

  it("previous-working-day always lands on a working day and never skips one", () => {
    fc.assert(
      fc.property(day, (start) => {
        const target = adjust(meeting("previous-working-day"), start, true) as number;
        expect(calendar.isWorkingDay(iso(target))).toBe(true);
        for (let d = target + 86_400_000; d <= start; d += 86_400_000) expect(calendar.isWorkingDay(iso(d))).toBe(false);
        if (calendar.isWorkingDay(iso(start))) expect(target).toBe(start);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("expansion applies onDayOff by default", () => {
  const reception = (policy: string, extra = "") => `meetings:
  - id: tiep-dan
    title: Tiếp công dân
    body: ubnd
    start: 2024-01-15T07:30
    end: 2024-01-15T11:30
    repeat: FREQ=MONTHLY;BYMONTHDAY=15
    onDayOff: ${policy}
${extra}`;

  it("moves a day-off occurrence to the next working day, keeping its occurrence id", () => {
    const occurrences = expandSchedule(schedule(reception("next-working-day")));
    const june = occurrences.find((o) => local(o.start).startsWith("2024-06"));
    expect(june && local(june.start)).toBe("2024-06-17T07:30");
    expect(june && new Date(june.recurrenceId).toISOString().slice(0, 16)).toBe("2024-06-15T07:30");
    expect(june?.status).toBe("moved");
    expect(june && june.end - june.start).toBe(4 * 3_600_000);
    expect(occurrences.filter((o) => o.status === "moved").map((o) => local(o.start).slice(0, 10))).toEqual([
      "2024-06-17",
      "2024-09-16",
      "2024-12-16",
    ]);
  });

  it("drops day-off occurrences with skip", () => {
    const occurrences = expandSchedule(schedule(reception("skip")));
    expect(occurrences).toHaveLength(9);
    expect(occurrences.every((o) => o.status === "scheduled")).toBe(true);
  });

  it("moves to the previous working day", () => {
    const occurrences = expandSchedule(schedule(reception("previous-working-day")));
    expect(occurrences.filter((o) => o.status === "moved").map((o) => local(o.start).slice(0, 10))).toEqual([
      "2024-06-14",
      "2024-09-13",
      "2024-12-13",
    ]);
  });

  it("keeps everything with keep, and an explicit adjust option wins", () => {
    expect(expandSchedule(schedule(reception("keep"))).every((o) => o.status === "scheduled")).toBe(true);
    const untouched = expandSchedule(schedule(reception("next-working-day")), { adjust: (_meeting, original) => original });
    expect(untouched.every((o) => o.status === "scheduled")).toBe(true);
  });

  it("honours the file's calendar: a custom day off moves the occurrence too", () => {
    const occurrences = expandSchedule(schedule(`calendar: { daysOff: [2024-03-15] }\n${reception("next-working-day")}`));
    expect(occurrences.find((o) => local(o.start).startsWith("2024-03"))?.start).toBeDefined();
    expect(local((occurrences.find((o) => local(o.start).startsWith("2024-03")) as { start: number }).start)).toBe("2024-03-18T07:30");
  });

  it("moves an all-day occurrence to the next working day's midnight", () => {
    const occurrences = expandSchedule(
      schedule(`meetings:
  - { id: ngay, title: Ngày làm việc, body: ubnd, start: 2024-02-12, repeat: FREQ=DAILY;COUNT=1, onDayOff: next-working-day }
`),
    );
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]?.allDay).toBe(true);
    expect(local(occurrences[0]?.start as number)).toBe("2024-02-15T00:00");
    expect(local(occurrences[0]?.end as number)).toBe("2024-02-16T00:00");
  });

  it("brings in an occurrence from before the horizon that a policy moves into it", () => {
    const occurrences = expandSchedule(
      schedule(
        `meetings:
  - { id: cuoi-thang, title: Họp cuối tháng, body: ubnd, start: 2023-12-30T08:00, end: 2023-12-30T10:00, repeat: FREQ=MONTHLY;BYMONTHDAY=30, onDayOff: next-working-day }
`,
        "{ from: 2024-01-01, to: 2024-01-31 }",
      ),
    );
    // 30/12/2023 is a Saturday, 1/1 a holiday: the December occurrence is held on 2/1/2024.
    expect(occurrences.map((o) => local(o.start))).toEqual(["2024-01-02T08:00", "2024-01-30T08:00"]);
  });

  it("leaves changed occurrences (changes[]) to their change", () => {
    const occurrences = expandSchedule(
      schedule(
        reception("next-working-day", `    changes:\n      - { occurrence: 2024-06-15, start: 2024-06-15T08:00, end: 2024-06-15T10:00 }\n`),
      ),
    );
    const june = occurrences.find((o) => local(o.start).startsWith("2024-06"));
    expect(june && local(june.start)).toBe("2024-06-15T08:00");
  });
});
