import { describe, expect, it } from "vitest";
import { meetingChanges } from "../../src/diff/meetings";
import type { Meeting } from "../../src/schema/schedule";

const meeting = (fields: Partial<Meeting> & { id: string }): Meeting =>
  ({ title: "Họp", start: "2024-01-04T08:00", duration: "PT2H", ...fields }) as Meeting;

describe("meetingChanges", () => {
  it("names added meetings and the fields that differ, and leaves unchanged ones out", () => {
    const base = { meetings: [meeting({ id: "a", room: "r1" }), meeting({ id: "b" }), meeting({ id: "c", attendees: ["an"] })] };
    const proposed = {
      meetings: [
        meeting({ id: "c", attendees: ["an"] }),
        meeting({ id: "a", room: "r2", start: "2024-01-04T09:00" }),
        meeting({ id: "d" }),
      ],
    };
    expect(meetingChanges(base, proposed)).toEqual(
      new Map<string, unknown>([
        ["a", ["start", "room"]],
        ["d", "added"],
      ]),
    );
  });

  it("points at the changes entry that is new or differs", () => {
    const base = { meetings: [meeting({ id: "a", changes: [{ occurrence: "2024-02-01", room: "r1" }] })] };
    const proposed = {
      meetings: [
        meeting({
          id: "a",
          changes: [
            { occurrence: "2024-02-01", room: "r1" },
            { occurrence: "2024-03-07", start: "2024-03-08T08:00" },
          ],
        }),
      ],
    };
    expect(meetingChanges(base, proposed).get("a")).toEqual([["changes", 1]]);
    expect(meetingChanges(proposed, base).get("a")).toEqual(["changes"]);
  });

  it("compares values, not key order", () => {
    const a = meeting({ id: "a", room: "r1", attendees: ["an", "binh"] });
    const reordered = {
      attendees: ["an", "binh"],
      room: "r1",
      duration: "PT2H",
      start: "2024-01-04T08:00",
      title: "Họp",
      id: "a",
    } as Meeting;
    expect(meetingChanges({ meetings: [a] }, { meetings: [reordered] }).size).toBe(0);
  });
});
