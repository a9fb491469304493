import { describe, expect, it } from "vitest";
import { formatGithub, formatIssuesGithub } from "../../src/report/formats/github";
import type { Report } from "../../src/report/report";
import { safeMergeSchedules } from "../../src/load/merge";
import { addMeetings, BASE_TEXT, checked, lineOf, NEW_CLASHING_MEETING, parse } from "../helpers/ci";

const base = parse(BASE_TEXT);

function annotationLines(report: Report): number[] {
  return [...formatGithub(report).matchAll(/^::(?:error|warning|notice) file=[^,]*,line=(\d+),/gm)].map((m) => Number(m[1]));
}

/** The field a line of the new meeting's block holds: `room`, `body`… */
const NEW_MEETING_FIELD = /^ {4}(room|body|start|attendees): /;

describe("annotations land on the new or changed meeting", () => {
  const proposedText = addMeetings(BASE_TEXT, NEW_CLASHING_MEETING);

  it("puts each new finding on the new meeting's field that makes the clash: room, then body", () => {
    const report = checked(parse(proposedText, "lich.yaml"), base);
    const fields = (report.findings ?? []).map((finding) => `${finding.kind}:${lineOf(proposedText, finding.source?.line ?? 0).trim()}`);
    expect(fields.sort()).toEqual(["room:room: phong-hop-1", "room:room: phong-hop-1", "rule:body: ubnd", "rule:body: ubnd"]);
  });

  it("puts every new conflict on the new meeting, even when an old meeting starts first", () => {
    const report = checked(parse(proposedText, "lich.yaml"), base);
    expect(report.conflicts).toHaveLength(4);
    expect(report.conflicts.filter((c) => c.occurrences[0]?.meeting === "tt-hdnd-thuong-ky")).toHaveLength(2);
    for (const conflict of report.conflicts) {
      expect(conflict.source?.file).toBe("lich.yaml");
      expect(lineOf(proposedText, conflict.source?.line ?? 0)).toBe("  - id: ubnd-hop-moi");
      expect(conflict.source?.column).toBe(5);
    }
  });

  it.each([1, 7, 40])("still points at the meeting after %i lines are inserted above it", (count) => {
    const padding = Array.from({ length: count }, (_, i) => `  # note ${i + 1}`).join("\n");
    const edited = proposedText.replace("\nmeetings:\n", `\nmeetings:\n${padding}\n`);
    const before = annotationLines(checked(parse(proposedText), base));
    const after = annotationLines(checked(parse(edited), base));
    expect(after).toEqual(before.map((line) => line + count));
    for (const line of after) expect(lineOf(edited, line)).toMatch(NEW_MEETING_FIELD);
  });

  it("without a base, a conflict goes on its first occurrence's meeting", () => {
    const report = checked(base);
    for (const conflict of report.conflicts) {
      const first = conflict.occurrences[0];
      if (!first) continue;
      expect(conflict.source).toEqual(first.source);
      expect(lineOf(BASE_TEXT, first.source?.line ?? 0)).toMatch(new RegExp(`- id: ${first.meeting}$|occurrence:`));
    }
  });

  it("a moved occurrence points at its changes entry", () => {
    const moved = BASE_TEXT.replace(
      "      - { occurrence: 2024-05-02, cancelled: true }",
      "      - { occurrence: 2024-05-02, cancelled: true }\n      - { occurrence: 2024-08-01, start: 2024-08-01T08:00, end: 2024-08-01T11:30, room: hoi-truong-tinh }\n",
    );
    // …and a new one-off UBND meeting in the Hội trường that morning clashes with it.
    const proposed = addMeetings(
      moved,
      `
  - id: ubnd-hoi-nghi-thang-8
    title: Hội nghị UBND tỉnh tháng 8
    body: ubnd
    start: 2024-08-01T09:00
    end: 2024-08-01T10:00
    room: hoi-truong-tinh
`,
    );
    const report = checked(parse(proposed));
    const room = report.conflicts.find((c) => c.kind === "room" && c.occurrences.some((o) => o.meeting === "ubnd-hoi-nghi-thang-8"));
    const occurrence = room?.occurrences.find((o) => o.meeting === "tt-hdnd-thuong-ky");
    expect(occurrence?.status).toBe("moved");
    expect(lineOf(proposed, occurrence?.source?.line ?? 0)).toContain("occurrence: 2024-08-01");
    // Against the base both meetings changed; the first changed occurrence carries the annotation.
    const againstBase = checked(parse(proposed), base);
    const annotated = againstBase.conflicts.find((c) => c.id === room?.id);
    expect(annotated?.source).toEqual(annotated?.occurrences[0]?.source);
  });

  it("puts a new attendee clash on the attendees line that added the person", () => {
    const proposed = BASE_TEXT.replace(
      "    end: 2024-07-10T11:30\n    attendees: [chu-tich-ubnd, pho-chu-tich-ubnd]",
      "    end: 2024-07-10T11:30\n    attendees: [chu-tich-ubnd, pho-chu-tich-ubnd, doan-thi-hau]",
    );
    expect(proposed).not.toBe(BASE_TEXT);
    const report = checked(parse(proposed), base);
    const added = (report.findings ?? []).filter((finding) => finding.diff?.status === "new");
    expect(added.map((finding) => [finding.kind, finding.subjects, finding.dates])).toEqual([
      ["attendee", ["doan-thi-hau"], ["2024-07-10"]],
    ]);
    expect(lineOf(proposed, added[0]?.source?.line ?? 0)).toBe("    attendees: [chu-tich-ubnd, pho-chu-tich-ubnd, doan-thi-hau]");
  });

  it("puts new day-off findings on the onDayOff line that stopped moving the occurrences", () => {
    const proposed = BASE_TEXT.replace(
      "    tags: [tiep-cong-dan]\n    onDayOff: next-working-day\n\n  - id: tiep-cong-dan-hdnd",
      "    tags: [tiep-cong-dan]\n    onDayOff: keep\n\n  - id: tiep-cong-dan-hdnd",
    );
    expect(proposed).not.toBe(BASE_TEXT);
    const report = checked(parse(proposed), base);
    const dayOff = (report.findings ?? []).filter((finding) => finding.kind === "day-off" && finding.meetings[0] === "tiep-cong-dan-ubnd");
    expect(dayOff).toHaveLength(1);
    expect(dayOff[0]?.dates).toContain("2024-06-15");
    expect(lineOf(proposed, dayOff[0]?.source?.line ?? 0)).toBe("    onDayOff: keep");
  });

  it("puts a clash a new changes entry makes on that entry's line", () => {
    const proposed = BASE_TEXT.replace(
      "    repeat: FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2\n",
      "    repeat: FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2\n    changes:\n      - { occurrence: 2024-06-27, start: 2024-06-27T08:00, end: 2024-06-27T11:00 }\n",
    );
    expect(proposed).not.toBe(BASE_TEXT);
    const report = checked(parse(proposed), base);
    const added = (report.findings ?? []).filter((finding) => finding.diff?.status === "new");
    expect(added.map((finding) => [finding.kind, finding.meetings, finding.dates])).toEqual([
      ["rule", ["ban-kt-ns-tham-tra-giua-nam", "ubnd-thuong-ky"], ["2024-06-27"]],
    ]);
    expect(lineOf(proposed, added[0]?.source?.line ?? 0)).toBe(
      "      - { occurrence: 2024-06-27, start: 2024-06-27T08:00, end: 2024-06-27T11:00 }",
    );
  });

  it("names the right file when the schedule is merged from several files", () => {
    const hdnd = `version: 1
horizon: { from: 2024-03-01, to: 2024-03-31 }
bodies: [{ id: hdnd, name: HĐND, groups: [hdnd] }, { id: ubnd, name: UBND }]
rooms: [{ id: p1, name: Phòng 1 }]
meetings:
  - { id: a, title: Họp A, body: hdnd, start: 2024-03-04T08:00, end: 2024-03-04T10:00, room: p1 }
`;
    const ubnd = `version: 1
meetings:
  # an UBND meeting in the HĐND's room
  - { id: b, title: Họp B, body: ubnd, start: 2024-03-04T09:00, end: 2024-03-04T11:00, room: p1 }
`;
    const result = safeMergeSchedules([
      { filename: "schedules/hdnd.yaml", text: hdnd },
      { filename: "schedules/ubnd.yaml", text: ubnd },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const baseResult = safeMergeSchedules([{ filename: "schedules/hdnd.yaml", text: hdnd }]);
    if (!baseResult.ok) throw new Error("base");
    const report = checked(result.schedule, baseResult.schedule);
    expect(report.conflicts.map((c) => c.source)).toEqual([{ file: "schedules/ubnd.yaml", line: 4, column: 5 }]);
    expect(report.conflicts[0]?.occurrences.map((o) => o.source?.file)).toEqual(["schedules/hdnd.yaml", "schedules/ubnd.yaml"]);
  });
});

describe("GitHub workflow commands", () => {
  const report: Report = {
    version: 1,
    horizon: { from: "2024-01-01", to: "2024-01-31" },
    summary: { meetings: 2, occurrences: 2, conflicts: 2, errors: 1, warnings: 1 },
    conflicts: [
      {
        id: "0123456789abcdef",
        kind: "room",
        rule: null,
        severity: "error",
        subjects: ["p1"],
        message: "100% booked:\nline two\r",
        occurrences: [],
        overlap: null,
        source: { file: "./lịch, tỉnh: A.yaml", line: 3, column: 5 },
      },
      {
        id: "fedcba9876543210",
        kind: "rule",
        rule: "r",
        severity: "warning",
        subjects: [],
        message: "no source",
        occurrences: [],
        overlap: null,
      },
    ],
  };

  it("escapes properties and data as the GitHub toolkit does", () => {
    expect(formatGithub(report)).toBe(
      [
        "::error file=lịch%2C tỉnh%3A A.yaml,line=3,col=5,title=lichhop check/room::100%25 booked:%0Aline two%0D [0123456789abcdef]",
        "::warning title=lichhop rule/r::no source [fedcba9876543210]",
        "lichhop: 2 meetings, 2 occurrences; 2 conflicts (1 errors, 1 warnings)",
        "",
      ].join("\n"),
    );
  });

  it("renders schedule issues on their file and line", () => {
    expect(
      formatIssuesGithub([
        { code: "unknown-reference", message: "unknown room", path: ["meetings", 2, "room"], file: "a.yaml", line: 9, column: 11 },
        { code: "invalid-value", message: "bad", path: [] },
      ]),
    ).toBe(
      "::error file=a.yaml,line=9,col=11,title=lichhop unknown-reference::meetings[2].room: unknown room\n::error title=lichhop invalid-value::bad\n",
    );
  });
});
