// The `sources:` field of a schedule: validation, positions, merged schedules.
import { describe, expect, it } from "vitest";
import { safeMergeSchedules, safeParseSchedule, sourcePath } from "../../src";
import { ics, importedMeetings, sourceYaml, tryWithSource, vevent, withSource } from "../helpers/sources";

const ONE = ics(
  vevent("UID:hop@ubnd", "SUMMARY:Họp", "DTSTART;TZID=Asia/Ho_Chi_Minh:20240304T080000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=2"),
);

describe("sources:", () => {
  it("adds the events after the file's meetings, with ids away from the file's, and drops sources: from the schedule", () => {
    const schedule = withSource(
      ONE,
      undefined,
      "meetings:\n  - { id: hop, title: Họp riêng, body: ubnd, start: 2024-03-05T08:00, duration: PT1H }\n",
    );
    expect(schedule.meetings.map((m) => m.id)).toEqual(["hop", "hop-2"]);
    expect(schedule.meetings[1]).toMatchObject({ body: "ubnd", repeat: "FREQ=WEEKLY;COUNT=2", timezone: "Asia/Ho_Chi_Minh" });
    expect("sources" in schedule).toBe(false);
    expect(schedule.source.positions["meetings.1"]).toEqual({ file: "ubnd.ics", path: "", line: 4, column: 1 });
  });

  it("gives every meeting the source's body, tags, attendees and room", () => {
    const schedule = withSource(ONE, "{ ics: ./ubnd.ics, body: ubnd, tags: [giao-ban], attendees: [chu-tich], room: phong-hop-1 }");
    expect(importedMeetings(schedule)[0]).toMatchObject({ tags: ["giao-ban"], attendees: ["chu-tich"], room: "phong-hop-1" });
  });

  it.each([
    ["an unknown body", "{ ics: ./ubnd.ics, body: ubdn }", "unknown-reference", ["sources", 0, "body"]],
    ["an unknown room", "{ ics: ./ubnd.ics, body: ubnd, room: phong-9 }", "unknown-reference", ["sources", 0, "room"]],
    ["an unknown zone", "{ ics: ./ubnd.ics, body: ubnd, timezone: Asia/Hanoi }", "unknown-zone", ["sources", 0, "timezone"]],
    ["an unknown field", "{ ics: ./ubnd.ics, body: ubnd, url: https://x }", "unknown-field", ["sources", 0, "url"]],
    ["a bad blocking", "{ ics: ./ubnd.ics, body: ubnd, blocking: some }", "invalid-value", ["sources", 0, "blocking"]],
  ])("reports %s at the source entry, not at each event", (_, source, code, path) => {
    const result = tryWithSource(ONE, source);
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path, i.file])).toEqual([[code, path, "lich.yaml"]]);
  });

  it("an event lichhop's checks refuse is left out with a warning at its line quoting the check", () => {
    const text = ics(vevent("UID:x@x", "SUMMARY:Họp", "DTSTART:18990304T010000Z", "DURATION:PT1H"));
    const schedule = withSource(text);
    expect(importedMeetings(schedule)).toEqual([]);
    expect(schedule.source.warnings).toEqual([
      expect.objectContaining({ file: "ubnd.ics", line: 7, message: expect.stringMatching(/^event not imported: .*1900/) }),
    ]);
  });

  it("a change naming no occurrence is dropped with a warning; the series stays", () => {
    const text = ics([
      ...vevent("UID:s@x", "SUMMARY:Họp", "DTSTART:20240304T010000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2"),
      ...vevent("UID:s@x", "RECURRENCE-ID:20240310T010000Z", "DTSTART:20240311T010000Z", "DURATION:PT1H"),
    ]);
    const schedule = withSource(text);
    expect(importedMeetings(schedule)).toEqual([expect.not.objectContaining({ changes: expect.anything() })]);
    expect(schedule.source.warnings?.map((w) => [w.line, w.message.split(":")[0]])).toEqual([[11, "occurrence change skipped"]]);
  });

  it("shows a source's path from the schedule's folder, tidied but never resolved", () => {
    expect(sourcePath("lich/2024/ubnd.yaml", "./ubnd.ics")).toBe("lich/2024/ubnd.ics");
    expect(sourcePath("lich/ubnd.yaml", "../chung/ubnd.ics")).toBe("chung/ubnd.ics");
    expect(sourcePath("ubnd.yaml", "../../chung/ubnd.ics")).toBe("../../chung/ubnd.ics");
    expect(sourcePath("/srv/lich/ubnd.yaml", "/data/ubnd.ics")).toBe("/data/ubnd.ics");
    expect(sourcePath(undefined, "ubnd.ics")).toBe("ubnd.ics");
  });

  it("a merged schedule may share one source: its events are read once", () => {
    const file = (name: string, extra: string) => ({
      filename: `lich/${name}.yaml`,
      text: sourceYaml(undefined, extra).replace(/^(bodies|people|rooms|horizon):.*\n( {2}- .*\n)*/gm, ""),
      sources: { "./ubnd.ics": ONE },
    });
    const first = { filename: "lich/chung.yaml", text: sourceYaml(), sources: { "./ubnd.ics": ONE } };
    const second = file("hdnd", "");
    const result = safeMergeSchedules([first, second], { lang: "en" });
    expect(result.ok, JSON.stringify(!result.ok && result.issues)).toBe(true);
    if (result.ok) expect(result.schedule.meetings.map((m) => m.id)).toEqual(["hop"]);
  });

  it("validateSchedule takes sources too, keyed by the path written", () => {
    const result = safeParseSchedule(sourceYaml(), { sources: { "./ubnd.ics": ONE } });
    expect(result.ok && result.schedule.meetings.map((m) => m.id)).toEqual(["hop"]);
  });
});
