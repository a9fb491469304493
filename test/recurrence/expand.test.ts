import { describe, expect, it } from "vitest";
import { expandSchedule, safeExpandSchedule } from "../../src/expand";
import { reportOccurrence } from "../../src/report/report";
import { zoneClocks } from "../../src/time/zone";
import { scheduleFrom } from "../helpers/schedule";

const clocks = zoneClocks();
const starts = (yaml: string, options = {}) => expandSchedule(scheduleFrom(yaml), options).map((o) => reportOccurrence(o, clocks).start);

describe("expansion of one series", () => {
  it("gives the first Thursday of every month at the same local time", () => {
    const result = starts(
      `  - { id: m, title: M, body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30, repeat: FREQ=MONTHLY;BYDAY=1TH }`,
    );
    expect(result).toHaveLength(12);
    expect(result.slice(0, 3)).toEqual(["2024-01-04T08:00:00+07:00", "2024-02-01T08:00:00+07:00", "2024-03-07T08:00:00+07:00"]);
  });

  it("judges weekdays on the local date, not the UTC date (Monday 06:00 in Hà Nội is Sunday in UTC)", () => {
    const result = starts(
      `  - { id: m, title: M, body: hdnd, start: 2024-01-01T06:00, duration: PT1H, repeat: FREQ=WEEKLY;BYDAY=MO;COUNT=3 }`,
    );
    expect(result).toEqual(["2024-01-01T06:00:00+07:00", "2024-01-08T06:00:00+07:00", "2024-01-15T06:00:00+07:00"]);
  });

  it("applies except (a date removes that day's occurrence), extra and changes", () => {
    const yaml = `  - id: m
    title: M
    body: hdnd
    start: 2024-01-04T08:00
    end: 2024-01-04T11:30
    repeat: FREQ=MONTHLY;BYDAY=1TH;COUNT=5
    except: [2024-02-01]
    extra: [2024-02-15T08:00]
    changes:
      - { occurrence: 2024-04-04, start: 2024-04-05T14:00, end: 2024-04-05T17:00, room: r1, title: Moved }
      - { occurrence: 2024-05-02T08:00, cancelled: true }`;
    const occurrences = expandSchedule(scheduleFrom(yaml));
    expect(occurrences.map((o) => reportOccurrence(o, clocks))).toEqual([
      {
        meeting: "m",
        title: "M",
        start: "2024-01-04T08:00:00+07:00",
        end: "2024-01-04T11:30:00+07:00",
        occurrence: "2024-01-04T08:00",
        status: "scheduled",
      },
      {
        meeting: "m",
        title: "M",
        start: "2024-02-15T08:00:00+07:00",
        end: "2024-02-15T11:30:00+07:00",
        occurrence: "2024-02-15T08:00",
        status: "scheduled",
      },
      {
        meeting: "m",
        title: "M",
        start: "2024-03-07T08:00:00+07:00",
        end: "2024-03-07T11:30:00+07:00",
        occurrence: "2024-03-07T08:00",
        status: "scheduled",
      },
      {
        meeting: "m",
        title: "Moved",
        start: "2024-04-05T14:00:00+07:00",
        end: "2024-04-05T17:00:00+07:00",
        occurrence: "2024-04-04T08:00",
        status: "moved",
      },
    ]);
    expect(occurrences[3]?.room).toBe("r1");
  });

  it("counts COUNT before except", () => {
    const result = starts(
      `  - { id: m, title: M, body: hdnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;COUNT=3, except: [2024-01-02] }`,
    );
    expect(result).toEqual(["2024-01-01T08:00:00+07:00", "2024-01-03T08:00:00+07:00"]);
  });

  it("reads UNTIL ending in Z as UTC and a date UNTIL as including that day", () => {
    // 2024-01-03T01:00Z is 08:00 in Hà Nội: the occurrence at 08:00 that day is included.
    const utc = starts(
      `  - { id: m, title: M, body: hdnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;UNTIL=20240103T010000Z }`,
    );
    expect(utc).toHaveLength(3);
    const utcBefore = starts(
      `  - { id: m, title: M, body: hdnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;UNTIL=20240103T005959Z }`,
    );
    expect(utcBefore).toHaveLength(2);
    const date = starts(`  - { id: m, title: M, body: hdnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;UNTIL=20240103 }`);
    expect(date).toHaveLength(3);
  });

  it("expands all-day meetings as [midnight, midnight N days later) with an inclusive end", () => {
    const [session] = expandSchedule(scheduleFrom(`  - { id: s, title: Session, body: hdnd, start: 2024-07-09, end: 2024-07-11 }`));
    expect(session && reportOccurrence(session, clocks)).toMatchObject({ start: "2024-07-09", end: "2024-07-12" });
    expect(session && (session.end - session.start) / 3_600_000).toBe(72);
  });

  it("keeps an occurrence that starts before the horizon and overlaps it, and stops infinite rules at its end", () => {
    const result = starts(`  - { id: m, title: M, body: hdnd, start: 2023-12-31T22:00, duration: PT4H, repeat: FREQ=DAILY }`, {
      from: "2024-01-01",
      to: "2024-01-03",
    });
    expect(result).toEqual([
      "2023-12-31T22:00:00+07:00",
      "2024-01-01T22:00:00+07:00",
      "2024-01-02T22:00:00+07:00",
      "2024-01-03T22:00:00+07:00",
    ]);
  });

  it("excludes back-to-back occurrences at the horizon's edges (half-open)", () => {
    const result = starts(`  - { id: m, title: M, body: hdnd, start: 2023-12-31T22:00, duration: PT2H, repeat: FREQ=DAILY;COUNT=1 }`, {
      from: "2024-01-01",
      to: "2024-01-01",
    });
    expect(result).toEqual([]);
  });

  it("keeps a multi-day duration in calendar days and hours in elapsed time", () => {
    const [o] = expandSchedule(scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 2024-03-01T08:00, duration: P1DT2H }`));
    expect(o && reportOccurrence(o, clocks).end).toBe("2024-03-02T10:00:00+07:00");
  });

  it("matches a change moved into the horizon from outside it", () => {
    const yaml = `  - id: m
    title: M
    body: hdnd
    start: 2023-12-28T08:00
    duration: PT1H
    repeat: FREQ=WEEKLY;COUNT=2
    changes: [{ occurrence: 2023-12-28, start: 2024-01-02T08:00 }]`;
    expect(starts(yaml)).toEqual(["2024-01-02T08:00:00+07:00", "2024-01-04T08:00:00+07:00"]);
  });

  it("reports a series with more than 100,000 occurrences in the horizon", () => {
    const result = safeExpandSchedule(
      scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 2024-01-01T00:00, duration: PT1M, repeat: FREQ=MINUTELY }`),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({ code: "too-many-occurrences", path: ["meetings", 0, "repeat"], file: "test.yaml" });
  });

  it("starts a rule without COUNT at the horizon, however long before it the series began", () => {
    const schedule = scheduleFrom(`  - { id: m, title: M, body: hdnd, start: 1990-01-01T00:00, duration: PT1S, repeat: FREQ=SECONDLY }`);
    const started = performance.now();
    const result = safeExpandSchedule(schedule, { from: "2024-01-01", to: "2024-01-01" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.occurrences).toHaveLength(86_400);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("stops a runaway rule (COUNT walks from the first occurrence) started long before the horizon", () => {
    const schedule = scheduleFrom(
      `  - { id: m, title: M, body: hdnd, start: 1990-01-01T00:00, duration: PT1S, repeat: "FREQ=SECONDLY;COUNT=999999999" }`,
    );
    const started = performance.now();
    const result = safeExpandSchedule(schedule);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe("runaway-rule");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("asks for a horizon when neither the file nor the options give one", () => {
    const schedule = { ...scheduleFrom(`  []`), horizon: undefined };
    const result = safeExpandSchedule(schedule);
    expect(!result.ok && result.issues[0]?.code).toBe("bad-horizon");
  });

  it("returns the occurrences of every meeting sorted by start, then meeting id", () => {
    const occurrences = expandSchedule(
      scheduleFrom(`  - { id: b, title: B, body: hdnd, start: 2024-01-02T08:00, duration: PT1H, repeat: FREQ=DAILY;COUNT=3 }
  - { id: a, title: A, body: ubnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY;COUNT=3 }`),
    );
    expect(occurrences.map((o) => o.meeting)).toEqual(["a", "a", "b", "a", "b", "b"]);
  });
});
