// Bad .ics sources: each a positioned issue in the message catalogue, in bounded time and memory,
// never a crash.
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_EVENTS } from "../../src/limits";
import { importCalendar } from "../../src/import";
import { safeParseSchedule } from "../../src";
import { ics, tryWithSource, vevent } from "../helpers/sources";

const issuesOf = (result: ReturnType<typeof tryWithSource>) => (result.ok ? [] : result.issues);

/** An export of `count` one-hour events, one a day from 2024-01-01 (UTC). */
function manyEvents(count: number): string {
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//many//EN"];
  const day = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const stamp = new Date(day + (i % 3000) * 86_400_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
    lines.push("BEGIN:VEVENT", `UID:event-${i}@portal`, `SUMMARY:Họp ${i}`, `DTSTART:${stamp}Z`, "DURATION:PT1H", "END:VEVENT");
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

describe("a bad .ics source", () => {
  it("cut short: the line where the file ends and the component left open", () => {
    const text = ics(vevent("UID:a@x", "SUMMARY:Họp", "DTSTART:20240304T010000Z", "DURATION:PT1H"))
      .split("\r\n")
      .slice(0, 7)
      .join("\r\n");
    expect(issuesOf(tryWithSource(text))).toEqual([
      {
        code: "ics-syntax",
        message: "truncated .ics file: it ends inside the VEVENT begun at line 4, with no END:VEVENT",
        path: [],
        file: "ubnd.ics",
        line: 7,
        column: 1,
      },
    ]);
  });

  it("binary: not an iCalendar file, at line 1", () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(issuesOf(tryWithSource(bytes))).toEqual([expect.objectContaining({ code: "ics-syntax", file: "ubnd.ics", line: 1, column: 1 })]);
  });

  it("text that is not a calendar (an HTML error page saved as .ics)", () => {
    const issues = issuesOf(tryWithSource("<!DOCTYPE html>\n<html><body>404</body></html>\n"));
    expect(issues.map((i) => [i.code, i.file, i.line, i.message])).toEqual([
      ["ics-syntax", "ubnd.ics", 1, "not an iCalendar (.ics) file: expected BEGIN:VCALENDAR first"],
    ]);
  });

  it("saved in Windows-1258: the encoding issue at its first bad byte", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode(ics(vevent("UID:a@x", "SUMMARY:H"))).slice(0, 60), 0xd2, 0x0d, 0x0a]);
    expect(issuesOf(tryWithSource(bytes))).toEqual([expect.objectContaining({ code: "bad-encoding", file: "ubnd.ics" })]);
  });

  it("an END that closes the wrong component", () => {
    const text = ics(["BEGIN:VEVENT", "UID:a@x", "END:VTODO"]);
    expect(issuesOf(tryWithSource(text))).toEqual([
      expect.objectContaining({ code: "ics-syntax", line: 6, message: "END:VTODO out of place: expected END:VEVENT" }),
    ]);
  });

  it("not given by the caller: an issue at the schedule's ics: field", () => {
    const result = tryWithSource("", "{ ics: ./other.ics, body: ubnd }");
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({
        code: "unreadable-source",
        file: "lich.yaml",
        line: 9,
        column: 13,
        message: expect.stringContaining("other.ics"),
      }),
    ]);
  });

  it("a line ical.js cannot read is skipped with a warning at it; the rest imports", () => {
    const result = importCalendar(ics(vevent("UID:a@x", "SUMMARY:Họp", "DTSTART:20240304T010000Z", "DURATION:PT1H", "X-BROKEN;=:")), {
      lang: "en",
    });
    expect(result.ok && result.meetings).toHaveLength(1);
  });

  it(`more than ${MAX_SOURCE_EVENTS.toLocaleString("en")} events (a 100,000-event export): too-many-source-events at the event past the limit, quickly and in bounded memory`, () => {
    const text = manyEvents(100_000);
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = tryWithSource(text);
    const elapsed = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - before;
    expect(issuesOf(result)).toEqual([
      {
        code: "too-many-source-events",
        message: "the schedule's .ics sources hold more than 50,000 events (VEVENT), over the limit; export a shorter period",
        path: [],
        file: "ubnd.ics",
        line: 4 + 6 * MAX_SOURCE_EVENTS,
        column: 1,
      },
    ]);
    // Measured on the 2-core CI machine: about 1 s and under 200 MB; the bounds leave room.
    expect(elapsed).toBeLessThan(15_000);
    expect(grown).toBeLessThan(600 * 1024 * 1024);
  });

  it("the limit counts the events of all sources of a schedule together", () => {
    const half = manyEvents(30_000);
    const yaml = `version: 1
horizon: { from: 2024-01-01, to: 2024-12-31 }
bodies: [{ id: ubnd, name: UBND }]
sources: [{ ics: ./a.ics, body: ubnd }, { ics: ./b.ics, body: ubnd }]
`;
    const result = safeParseSchedule(yaml, { filename: "lich.yaml", lang: "en", sources: { "./a.ics": half, "./b.ics": half } });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ["too-many-source-events", "b.ics", 4 + 6 * 20_000],
    ]);
  });
});
