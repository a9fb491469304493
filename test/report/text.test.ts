import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatherCheck, renderContext, safeCheckSchedule } from "../../src/check";
import { parseSchedule } from "../../src/load/parse";
import { formatReportText, writeFindingsText } from "../../src/report/text";
import type { Occurrence } from "../../src/recurrence/occurrence";
import { WEEKDAY_NAMES, type Lang } from "../../src/messages";
import { buildReport, conflictMessage, describeTime, findingsReport, findingsStream, reportOccurrence } from "../../src/report/report";
import { formatDmy, isoDate, isoDateTime, weekday } from "../../src/time/wall-text";
import { formatDate, formatInstant, formatWall } from "../../src/time/wall";
import type { ZoneClock } from "../../src/time/zone";
import { scheduleFrom } from "../helpers/schedule";
import { runs } from "../helpers/runs";

/** 0000-01-01 and 10000-01-01 (UTC): where `toISOString` switches to six-digit years. */
const YEAR_0 = -62_167_219_200_000;
const YEAR_10000 = 253_402_300_800_000;

const viaDate = {
  date: (wall: number) => new Date(wall).toISOString().slice(0, 10),
  dateTime: (wall: number) => new Date(wall).toISOString().slice(0, 19),
  weekday: (wall: number) => new Date(wall).getUTCDay(),
};

describe("wall time text without Date", () => {
  const edges = [
    0,
    -1,
    1,
    YEAR_0,
    YEAR_0 - 1,
    YEAR_10000 - 1,
    YEAR_10000,
    Date.UTC(1000, 0, 1) - 1,
    Date.UTC(2000, 1, 29, 23, 59, 59, 999),
    Date.UTC(2100, 1, 28, 12),
    Date.UTC(2024, 11, 31, 23, 59, 30),
    Date.UTC(1969, 11, 31, 0, 0, 1),
    -8.64e15,
    8.64e15,
    0.5,
    -0.5,
    Date.UTC(2024, 2, 7, 8) + 0.25,
  ];

  it("matches toISOString and getUTCDay at the edges", () => {
    for (const wall of edges) {
      expect([isoDate(wall), isoDateTime(wall), weekday(wall)], String(wall)).toEqual([
        viaDate.date(wall),
        viaDate.dateTime(wall),
        viaDate.weekday(wall),
      ]);
    }
  });

  it("matches toISOString and getUTCDay for any time Date can hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (wall) => {
        expect([isoDate(wall), isoDateTime(wall), weekday(wall)]).toEqual([
          viaDate.date(wall),
          viaDate.dateTime(wall),
          viaDate.weekday(wall),
        ]);
      }),
      { numRuns: runs(5000) },
    );
    fc.assert(
      fc.property(fc.integer({ min: YEAR_0 - 86_400_000, max: YEAR_10000 + 86_400_000 }), (wall) => {
        expect([isoDate(wall), isoDateTime(wall), weekday(wall)]).toEqual([
          viaDate.date(wall),
          viaDate.dateTime(wall),
          viaDate.weekday(wall),
        ]);
      }),
      { numRuns: runs(5000) },
    );
  });

  it("throws as Date does for a time that is not one", () => {
    for (const wall of [Number.NaN, 8.64e15 + 1, Number.POSITIVE_INFINITY]) {
      expect(() => isoDate(wall)).toThrow(RangeError);
      expect(() => isoDateTime(wall)).toThrow(RangeError);
    }
  });

  it.each([
    ["2024-03-07", "07/03/2024"],
    ["2024-12-31T23:59", "31/12/2024"],
    ["0999-01-02", "02/01/0999"],
  ])("writes %s as day/month/year: %s", (iso, dmy) => {
    expect(formatDmy(iso)).toBe(dmy);
  });
});

/** The report's texts as they were first written, through Date and the time helpers. */
const reference = {
  occurrence: (o: Occurrence, clock: ZoneClock) => {
    const iso = (instant: number) => (o.allDay ? formatDate(clock.toWall(instant)) : formatInstant(instant, clock.offsetAt(instant)));
    return {
      meeting: o.meeting,
      title: o.title,
      start: iso(o.start),
      end: iso(o.end),
      occurrence: o.allDay ? formatDate(o.recurrenceId) : formatWall(o.recurrenceId),
      status: o.status,
    };
  },
  describe: (o: Occurrence, clock: ZoneClock, lang: Lang) => {
    const startWall = clock.toWall(o.start);
    const endWall = clock.toWall(o.end);
    const day = (wall: number) => {
      const iso = formatDate(wall);
      return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    };
    const weekdayName = WEEKDAY_NAMES[lang][new Date(startWall).getUTCDay()];
    if (o.allDay) {
      const last = endWall - 1;
      return formatDate(last) === formatDate(startWall)
        ? `${weekdayName} ${day(startWall)}`
        : `${weekdayName} ${day(startWall)}–${day(last)}`;
    }
    const time = (wall: number) => formatWall(wall).slice(11, 16);
    const sameDay = formatDate(startWall) === formatDate(endWall);
    return `${weekdayName} ${day(startWall)} ${time(startWall)}–${sameDay ? "" : `${day(endWall)} `}${time(endWall)}`;
  },
};

describe("the report's occurrences and messages", () => {
  // Across the DST changes of Europe/Berlin, over midnight, with seconds, all-day and repeated.
  const meetings = `  - { id: a, title: A, body: hdnd, start: 2024-03-30T23:30, end: 2024-03-31T04:00, attendees: [an], room: r1 }
  - { id: b, title: B, body: hdnd, start: 2024-03-31T01:00:30, duration: PT2H, attendees: [an], room: r1 }
  - { id: c, title: C, body: ubnd, start: 2024-10-27T02:15, duration: PT1H, attendees: [binh], repeat: FREQ=DAILY;COUNT=3 }
  - { id: d, title: D, body: ubnd, start: 2024-10-27T01:45, duration: PT3H, attendees: [binh] }
  - { id: e, title: E, body: ubnd, start: 2024-10-26, end: 2024-10-28, attendees: [binh] }
  - { id: f, title: F, body: ubnd, start: 2024-10-27, attendees: [binh], room: r2 }
  - { id: g, title: G, body: hdnd, start: 2024-10-27T00:00, duration: P1D, room: r2 }`;

  for (const lang of ["vi", "en"] as const) {
    it(`are written as Date writes them (${lang})`, () => {
      const schedule = scheduleFrom(meetings, "", "Europe/Berlin");
      const result = safeCheckSchedule(schedule, { lang });
      if (!result.ok) throw new Error("the schedule does not check");
      const context = renderContext(schedule, lang);
      const report = buildReport(result.horizon, schedule.meetings.length, result.occurrences.length, result.conflicts, context);
      expect(report.conflicts.length).toBeGreaterThan(4);
      const byId = new Map(result.conflicts.map((conflict) => [conflict.id, conflict]));
      for (const written of report.conflicts) {
        const conflict = byId.get(written.id);
        if (!conflict) throw new Error(`no conflict ${written.id}`);
        expect(written.message).toBe(conflictMessage(conflict, context));
        expect(written.occurrences).toEqual(conflict.occurrences.map((o) => reference.occurrence(o, context.clockFor(o.zone))));
        expect(written.overlap).toEqual(
          conflict.overlap && {
            start: formatInstant(conflict.overlap.start, context.clock.offsetAt(conflict.overlap.start)),
            end: formatInstant(conflict.overlap.end, context.clock.offsetAt(conflict.overlap.end)),
          },
        );
      }
      for (const o of result.occurrences) {
        const clock = context.clockFor(o.zone);
        expect(describeTime(o, clock, lang)).toBe(reference.describe(o, clock, lang));
        expect(reportOccurrence(o, context.clockFor)).toEqual(reference.occurrence(o, clock));
      }
    });
  }
});

describe("findings text written as a stream", () => {
  const example = readFileSync(resolve(__dirname, "../../examples/lang-son-2024.yaml"), "utf8");

  it("is byte for byte the text of the findings report, in both languages", () => {
    const schedule = parseSchedule(example, { filename: "examples/lang-son-2024.yaml" });
    for (const lang of ["vi", "en"] as const) {
      const gathered = gatherCheck(schedule, { lang }, "none");
      if (!gathered.ok) throw new Error(JSON.stringify(gathered.issues));
      const { frame, context, locator } = gathered;
      expect(frame.findings.length).toBeGreaterThan(5);
      const chunks: string[] = [];
      writeFindingsText(findingsStream(frame, context, locator), lang, (text) => void chunks.push(text));
      // One write for the title, one a finding, one for the summary: never the whole text at once.
      expect(chunks).toHaveLength(frame.findings.length + 2);
      expect(chunks.join("")).toBe(formatReportText(findingsReport(frame, context, locator), lang));
    }
  });

  it("says there is nothing to report when there are no findings", () => {
    const schedule = scheduleFrom("  - { id: a, title: A, body: hdnd, start: 2024-03-05T08:00, duration: PT1H }");
    const gathered = gatherCheck(schedule, { lang: "en" }, "none");
    if (!gathered.ok) throw new Error(JSON.stringify(gathered.issues));
    const chunks: string[] = [];
    writeFindingsText(findingsStream(gathered.frame, gathered.context, gathered.locator), "en", (text) => void chunks.push(text));
    const report = findingsReport(gathered.frame, gathered.context, gathered.locator);
    expect(report.findings).toEqual([]);
    expect(chunks.join("")).toBe(formatReportText(report, "en"));
  });
});
