import { describe, expect, it } from "vitest";
import { diffReports, reportAgainstBase } from "../../src/diff/diff";
import { changedMeetings } from "../../src/diff/meetings";
import {
  addMeetings,
  BASE_TEXT,
  checked,
  meetingBlocks,
  NEW_CLASHING_MEETING,
  parse,
  QUY_HOACH_AFTERNOON,
  replaceMeeting,
} from "../helpers/ci";

const base = parse(BASE_TEXT, "lich.yaml");
const baseReport = checked(base);
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id).sort();

describe("diff against the base (the Lạng Sơn example)", () => {
  it("the base has conflicts to diff against", () => {
    expect(baseReport.summary.conflicts).toBe(10);
  });

  it("counts new, fixed and unchanged when a meeting is added and another moved out of its clash", () => {
    const proposedText = replaceMeeting(addMeetings(BASE_TEXT, NEW_CLASHING_MEETING), "ubnd-chuyen-de-quy-hoach", QUY_HOACH_AFTERNOON);
    const proposed = parse(proposedText);
    const diff = diffReports(baseReport, checked(proposed));
    // The new UBND meeting: the room and the HĐND/UBND rule, against both the 06/06 Thường trực
    // meeting and Ban Pháp chế.
    expect(
      diff.new
        .map(
          (c) =>
            `${c.kind} ${c.occurrences
              .map((o) => o.meeting)
              .sort()
              .join(" ")}`,
        )
        .sort(),
    ).toEqual([
      "room ban-phap-che-lam-viec ubnd-hop-moi",
      "room tt-hdnd-thuong-ky ubnd-hop-moi",
      "rule ban-phap-che-lam-viec ubnd-hop-moi",
      "rule tt-hdnd-thuong-ky ubnd-hop-moi",
    ]);
    expect(diff.fixed.map((c) => c.occurrences.map((o) => o.meeting).sort())).toEqual([["tt-hdnd-thuong-ky", "ubnd-chuyen-de-quy-hoach"]]);
    expect(diff.unchanged).toHaveLength(9);

    const report = checked(proposed, base);
    expect(report.summary).toMatchObject({ conflicts: 4, errors: 4, warnings: 0, new: 4, fixed: 1, unchanged: 9 });
    expect(ids(report.conflicts)).toEqual(ids(diff.new));
  });

  it("an unchanged proposal has no new conflicts", () => {
    const report = checked(parse(BASE_TEXT), base);
    expect(report.summary).toMatchObject({ conflicts: 0, errors: 0, warnings: 0, new: 0, fixed: 0, unchanged: 10 });
    expect(report.conflicts).toEqual([]);
  });

  it("reordering the meetings changes no fingerprint", () => {
    const { head, blocks, tail } = meetingBlocks(BASE_TEXT);
    const reversed =
      head +
      [...blocks]
        .reverse()
        .map((b) => b.trimEnd())
        .join("\n\n") +
      tail;
    const report = checked(parse(reversed));
    expect(ids(report.conflicts)).toEqual(ids(baseReport.conflicts));
    expect(changedMeetings(base, parse(reversed)).size).toBe(0);
  });

  it("adding or removing a meeting changes no other conflict's fingerprint", () => {
    const added = addMeetings(
      BASE_TEXT,
      `
  - id: ban-vh-xh-khao-sat
    title: Ban Văn hóa - Xã hội khảo sát trường học
    body: ban-vh-xh
    start: 2024-04-16T14:00
    end: 2024-04-16T16:00
`,
    );
    expect(ids(checked(parse(added)).conflicts)).toEqual(ids(baseReport.conflicts));
    const removed = replaceMeeting(BASE_TEXT, "ubmttq-giao-ban", "");
    const others = baseReport.conflicts.filter((c) => !c.occurrences.some((o) => o.meeting === "ubmttq-giao-ban"));
    expect(others.length).toBe(baseReport.conflicts.length - 1);
    expect(ids(checked(parse(removed)).conflicts)).toEqual(ids(others));
  });

  it("moving a clashing occurrence to a time where it still clashes keeps the conflict", () => {
    const roomClash = baseReport.conflicts.find(
      (c) => c.kind === "room" && c.occurrences.some((o) => o.meeting === "ban-phap-che-lam-viec"),
    );
    expect(roomClash).toBeDefined();
    // Thường trực HĐND on 06/06 moves from 08:00–11:30 to 09:30–11:30: still in room 1 with Ban Pháp chế (09:00–10:30).
    const moved = BASE_TEXT.replace(
      "      - { occurrence: 2024-05-02, cancelled: true }",
      "      - { occurrence: 2024-05-02, cancelled: true }\n      - { occurrence: 2024-06-06, start: 2024-06-06T09:30, end: 2024-06-06T11:30 }",
    );
    expect(moved).not.toBe(BASE_TEXT);
    const proposed = parse(moved);
    const report = checked(proposed);
    const same = report.conflicts.find((c) => c.id === roomClash?.id);
    expect(same?.occurrences.find((o) => o.meeting === "tt-hdnd-thuong-ky")).toMatchObject({
      status: "moved",
      start: "2024-06-06T09:30:00+07:00",
    });
    expect(checked(proposed, base).summary).toMatchObject({ new: 0, fixed: 0 });
    expect(changedMeetings(base, proposed)).toEqual(new Set(["tt-hdnd-thuong-ky"]));
  });

  it("reportAgainstBase keeps its inputs unchanged", () => {
    const proposed = checked(parse(addMeetings(BASE_TEXT, NEW_CLASHING_MEETING)));
    const before = JSON.stringify([proposed, baseReport]);
    const report = reportAgainstBase(proposed, baseReport);
    expect(JSON.stringify([proposed, baseReport])).toBe(before);
    expect(report.summary.new).toBe(4);
    expect(report.version).toBe(1);
  });

  it("changedMeetings ignores key order and sees any changed field", () => {
    const a = { meetings: [{ id: "m", title: "T", start: "2024-01-01T08:00", duration: "PT1H" }] } as never;
    const reordered = { meetings: [{ duration: "PT1H", start: "2024-01-01T08:00", title: "T", id: "m" }] } as never;
    const retitled = { meetings: [{ id: "m", title: "T2", start: "2024-01-01T08:00", duration: "PT1H" }] } as never;
    expect(changedMeetings(a, reordered)).toEqual(new Set());
    expect(changedMeetings(a, retitled)).toEqual(new Set(["m"]));
    expect(changedMeetings({ meetings: [] }, a)).toEqual(new Set(["m"]));
  });
});
