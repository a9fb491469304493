import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../src/check";
import { UsageError } from "../../src/errors";
import { expandSchedule, reportOccurrences } from "../../src/expand";
import { parseSchedule, validateSchedule } from "../../src/load/parse";
import type { Report, ReportFinding } from "../../src/report/report";
import type { Schedule } from "../../src/schema/model";
import { suggestMoves, type Move } from "../../src/slots/suggest";
import { scheduleFrom } from "../helpers/schedule";

const schedule = parseSchedule(readFileSync(join(__dirname, "../../examples/lang-son-2024.yaml")), { filename: "lang-son-2024.yaml" });
const report = checkSchedule(schedule);
const findings = report.findings ?? [];

function findingOf(kind: string, meetings: readonly string[]): ReportFinding {
  const found = findings.find((f) => f.kind === kind && f.meetings.join(",") === meetings.join(","));
  if (!found) throw new Error(`no ${kind} finding for ${meetings.join(",")}`);
  return found;
}

/** The move pasted into the file: the meeting's entry for the occurrence replaced, or added. */
function applied(move: Move): Schedule {
  const { source: _source, ...file } = schedule;
  const meetings = file.meetings.map((m) =>
    m.id === move.meeting
      ? { ...m, changes: [...(m.changes ?? []).filter((c) => c.occurrence !== move.change.occurrence), move.change] }
      : m,
  );
  return validateSchedule({ ...file, meetings });
}

/** What the move must do: its finding's date gone, no error added, and `resolves`/`adds` as the two reports say. */
function expectSound(move: Move, finding: ReportFinding, after: Report): void {
  const afterFinding = (after.findings ?? []).find((f) => f.id === finding.id);
  expect(afterFinding?.dates ?? []).not.toContain(finding.first);
  const before = new Set(report.conflicts.map((c) => c.id));
  const added = after.conflicts.filter((c) => !before.has(c.id));
  expect(added.filter((c) => c.severity === "error")).toEqual([]);
  expect(added.map((c) => c.id)).toEqual(move.addedConflicts);
  const afterIds = new Set((after.findings ?? []).map((f) => f.id));
  expect(move.resolves).toEqual(findings.filter((f) => !afterIds.has(f.id)).map((f) => f.id));
  for (const id of move.adds) expect((after.findings ?? []).find((f) => f.id === id)?.severity).toBe("warning");
  const moved = reportOccurrences(expandSchedule(applied(move))).find(
    (o) => o.meeting === move.meeting && o.occurrence === move.change.occurrence,
  );
  expect(moved?.start).toBe(move.start);
  expect(moved?.end).toBe(move.end);
}

describe("suggestMoves on the bundled example", () => {
  it("moves either side of a rule finding (HĐND standing committee vs UBND planning meeting, 07/03)", () => {
    const finding = findingOf("rule", ["tt-hdnd-thuong-ky", "ubnd-chuyen-de-quy-hoach"]);
    const result = suggestMoves(schedule, finding.id);
    expect(result.finding).toBe(finding.id);
    expect(result.date).toBe("2024-03-07");
    expect(result.sides.map((s) => s.meeting).sort()).toEqual(["tt-hdnd-thuong-ky", "ubnd-chuyen-de-quy-hoach"]);
    const hdnd = result.sides.find((s) => s.meeting === "tt-hdnd-thuong-ky");
    expect(hdnd?.moves[0]?.change).toEqual({ occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" });
    expect(hdnd?.moves[0]?.resolves).toContain(finding.id);
    for (const side of result.sides) {
      expect(side.moves.length).toBeGreaterThan(0);
      for (const move of side.moves) expectSound(move, finding, checkSchedule(applied(move)));
    }
  });

  it("moves either side of a room finding (06/06), and a move keeps the room", () => {
    const finding = findingOf("room", ["ban-phap-che-lam-viec", "tt-hdnd-thuong-ky"]);
    const result = suggestMoves(schedule, finding.id);
    expect(result.kind).toBe("room");
    expect(result.date).toBe("2024-06-06");
    for (const side of result.sides) {
      expect(side.moves.length).toBeGreaterThan(0);
      for (const move of side.moves) {
        expect(move.change.room).toBeUndefined();
        expectSound(move, finding, checkSchedule(applied(move)));
      }
    }
  });

  it("takes a conflict id as well as a finding id, and gives the same answer twice", () => {
    const finding = findingOf("attendee", ["doan-dbqh-tiep-xuc-cu-tri", "tt-hdnd-thuong-ky"]);
    const byFinding = suggestMoves(schedule, finding.id);
    expect(suggestMoves(schedule, byFinding.conflict)).toEqual(byFinding);
    expect(suggestMoves(schedule, finding.id)).toEqual(byFinding);
  });

  it("leaves an all-day occurrence where it is, and still moves the other side", () => {
    const finding = findingOf("room", ["hdnd-ky-hop-giua-nam", "ubnd-so-ket-6-thang"]);
    const result = suggestMoves(schedule, finding.id);
    expect(result.sides.find((s) => s.meeting === "hdnd-ky-hop-giua-nam")).toMatchObject({ moves: [], notMoved: "all-day" });
    expect(result.sides.find((s) => s.meeting === "ubnd-so-ket-6-thang")?.moves.length).toBeGreaterThan(0);
  });

  it("offers nothing before options.now, at most count moves per side, and does not move a past side", () => {
    const finding = findingOf("rule", ["tt-hdnd-thuong-ky", "ubnd-chuyen-de-quy-hoach"]);
    const early = suggestMoves(schedule, finding.id, { now: Date.parse("2024-03-07T07:00:00+07:00"), count: 1 });
    expect(early.sides.map((side) => [side.moves.length, side.notMoved])).toEqual([
      [1, undefined],
      [1, undefined],
    ]);
    // 08:30: the HĐND meeting (08:00) has begun, the UBND one (09:00) not yet.
    const now = Date.parse("2024-03-07T08:30:00+07:00");
    const result = suggestMoves(schedule, finding.id, { now, count: 2 });
    expect(result.sides.map((side) => [side.meeting, side.notMoved])).toEqual([
      ["tt-hdnd-thuong-ky", "past"],
      ["ubnd-chuyen-de-quy-hoach", undefined],
    ]);
    expect(result.sides[0]?.moves).toEqual([]);
    expect(result.sides[1]?.moves.length).toBe(2);
    for (const move of result.sides[1]?.moves ?? []) expect(Date.parse(move.start)).toBeGreaterThanOrEqual(now);
  });

  it("refuses an unknown id with a UsageError naming it", () => {
    expect(() => suggestMoves(schedule, "0000000000000000")).toThrow(UsageError);
    expect(() => suggestMoves(schedule, "0000000000000000")).toThrow(/suggestMoves: id: .*"0000000000000000"/);
  });

  it("refuses a cadence finding: there is no one occurrence to move", () => {
    const cadence = findings.find((f) => f.kind === "cadence");
    expect(cadence).toBeDefined();
    expect(() => suggestMoves(schedule, cadence?.id ?? "")).toThrow(/is a cadence finding/);
  });

  it("refuses bad options", () => {
    const id = findings[0]?.id ?? "";
    expect(() => suggestMoves(schedule, id, { count: 0 })).toThrow(UsageError);
    expect(() => suggestMoves(schedule, id, { days: 400 })).toThrow(UsageError);
  });
});

describe("suggestMoves over every movable finding of the example", () => {
  const movable = findings.filter((f) => f.kind !== "cadence" && f.kind !== "lead-time");

  it("covers pair and one-meeting kinds", () => {
    expect(new Set(movable.map((f) => f.kind))).toEqual(new Set(["rule", "room", "attendee", "day-off", "working-hours"]));
  });

  it.each(movable.map((f) => [`${f.kind} ${f.meetings.join(" + ")} ${f.first}`, f] as const))(
    "%s: every move, pasted into the file, clears the finding's first date and adds no error",
    (_name, finding) => {
      const result = suggestMoves(schedule, finding.id);
      const listed = report.conflicts.find((c) => c.id === result.conflict);
      expect(listed?.finding).toBe(finding.id);
      expect(result.sides.length).toBe(finding.kind === "day-off" || finding.kind === "working-hours" ? 1 : 2);
      expect(result.sides.flatMap((s) => s.moves).length).toBeGreaterThan(0);
      for (const side of result.sides) {
        const starts = side.moves.map((m) => Date.parse(m.start));
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        for (const move of side.moves) {
          expect(move.meeting).toBe(side.meeting);
          expect(move.change.occurrence).toBe(side.occurrence);
          expect(move.resolvedConflicts).toContain(result.conflict);
          expectSound(move, finding, checkSchedule(applied(move)));
        }
      }
    },
  );
});

describe("suggestMoves on an occurrence the file already changes", () => {
  // 2024-03-07 is a Thursday; the weekly meeting's entry moves that week's occurrence onto the other meeting's room and time.
  const changed = scheduleFrom(
    [
      "  - id: weekly",
      "    title: Weekly",
      "    body: hdnd",
      "    start: 2024-03-05T08:00",
      "    duration: PT1H",
      "    repeat: FREQ=WEEKLY;COUNT=3",
      "    room: r1",
      "    attendees: [an]",
      "    changes:",
      "      - { occurrence: 2024-03-12T08:00, start: 2024-03-14T09:00, end: 2024-03-14T10:00, title: Weekly (moved), room: r2 }",
      "  - id: other",
      "    title: Other",
      "    body: ubnd",
      "    start: 2024-03-14T09:00",
      "    duration: PT1H",
      "    room: r2",
      "    attendees: [binh]",
    ].join("\n"),
  );

  it("replaces the file's entry, keeping its title and room, and the clash is gone", () => {
    const found = (checkSchedule(changed).findings ?? []).find((f) => f.kind === "room");
    expect(found).toBeDefined();
    const result = suggestMoves(changed, found?.id ?? "");
    const weekly = result.sides.find((s) => s.meeting === "weekly");
    expect(weekly?.occurrence).toBe("2024-03-12T08:00");
    const move = weekly?.moves[0];
    expect(move?.change).toEqual({
      occurrence: "2024-03-12T08:00",
      title: "Weekly (moved)",
      room: "r2",
      start: "2024-03-14T07:30",
      end: "2024-03-14T08:30",
    });
    const { source: _source, ...file } = changed;
    const meetings = file.meetings.map((m) => (m.id === "weekly" ? { ...m, changes: [move?.change] } : m));
    const after = checkSchedule(validateSchedule({ ...file, meetings }));
    expect(after.conflicts.filter((c) => c.severity === "error")).toEqual([]);
    expect(move?.resolves).toEqual([found?.id]);
  });
});

describe("suggestMoves on a finding over many dates", () => {
  const weekly = (id: string, body: string, who: string) =>
    [
      `  - id: ${id}`,
      `    title: ${id}`,
      `    body: ${body}`,
      "    start: 2024-03-05T08:00",
      "    duration: PT1H",
      "    repeat: FREQ=WEEKLY;COUNT=3",
      "    room: r1",
      `    attendees: [${who}]`,
    ].join("\n");
  const clashing = scheduleFrom(`${weekly("a", "hdnd", "an")}\n${weekly("b", "ubnd", "binh")}`);

  it("moves the first date's occurrences only: that date is gone, the others stay", () => {
    const finding = (checkSchedule(clashing).findings ?? []).find((f) => f.kind === "room");
    expect(finding?.dates).toEqual(["2024-03-05", "2024-03-12", "2024-03-19"]);
    const result = suggestMoves(clashing, finding?.id ?? "");
    expect(result.date).toBe("2024-03-05");
    expect(result.sides.map((s) => s.occurrence)).toEqual(["2024-03-05T08:00", "2024-03-05T08:00"]);
    for (const side of result.sides) {
      const move = side.moves[0];
      expect(move?.resolves).toEqual([]);
      expect(move?.resolvedConflicts).toEqual([result.conflict]);
      const { source: _source, ...file } = clashing;
      const meetings = file.meetings.map((m) => (m.id === side.meeting ? { ...m, changes: [move?.change] } : m));
      const after = (checkSchedule(validateSchedule({ ...file, meetings })).findings ?? []).find((f) => f.id === finding?.id);
      expect(after?.dates).toEqual(["2024-03-12", "2024-03-19"]);
    }
  });
});

describe("suggestMoves: a whole series", () => {
  const text = [
    "version: 1",
    "timezone: Asia/Ho_Chi_Minh",
    "horizon: { from: 2024-03-01, to: 2024-03-31 }",
    "bodies: [{ id: ubnd, name: UBND tỉnh }, { id: hdnd, name: HĐND tỉnh }]",
    "rooms: [{ id: p1, name: Phòng họp 1 }]",
    "meetings:",
    "  - { id: giao-ban-ubnd, title: Giao ban UBND, body: ubnd, start: 2024-03-04T08:00, end: 2024-03-04T10:00, repeat: FREQ=WEEKLY;BYDAY=MO, room: p1 }",
    "  - id: hdnd-tuan",
    "    title: Họp HĐND hằng tuần",
    "    body: hdnd",
    "    start: 2024-03-04T09:00",
    "    duration: PT2H",
    "    repeat: FREQ=WEEKLY;BYDAY=MO",
    "    except: [2024-03-18T09:00]",
    "    changes: [{ occurrence: 2024-03-25T09:00, title: Họp HĐND (mở rộng) }]",
    "    room: p1",
    "",
  ].join("\n");
  const series = parseSchedule(text, { filename: "series.yaml" });
  const finding = checkSchedule(series).findings?.[0] as ReportFinding;

  it("offers new times of day for each repeating side, whose edit frees every date", () => {
    expect(finding.dateCount).toBe(3);
    const result = suggestMoves(series, finding.id, { now: Date.parse("2024-03-01T00:00:00+07:00"), count: 1 });
    for (const side of result.sides) {
      const move = side.series?.[0];
      expect(move, side.meeting).toBeDefined();
      if (!move) continue;
      expect(move.from < move.to).toBe(true);
      const { source: _source, ...file } = series;
      const moved = validateSchedule({ ...file, meetings: file.meetings.map((m) => (m.id === move.meeting ? { ...m, ...move.edit } : m)) });
      const after = checkSchedule(moved);
      expect(after.findings?.map((f) => f.id)).not.toContain(finding.id);
      expect(after.conflicts.filter((c) => c.severity === "error")).toEqual([]);
      expect(move.resolves).toContain(finding.id);
    }
    // The occurrences the file names at the old time of day are renamed with the series.
    const hdnd = result.sides.find((side) => side.meeting === "hdnd-tuan")?.series?.[0];
    const time = hdnd?.from as string;
    expect(hdnd?.edit).toEqual({
      start: `2024-03-04T${time}`,
      except: [`2024-03-18T${time}`],
      changes: [{ occurrence: `2024-03-25T${time}`, title: "Họp HĐND (mở rộng)" }],
    });
    const ubnd = result.sides.find((side) => side.meeting === "giao-ban-ubnd")?.series?.[0];
    expect(ubnd?.edit.end?.slice(11)).toBe(ubnd?.to);
  });

  it("offers none for a finding of one date", () => {
    const one = checkSchedule(schedule).findings?.find((f) => f.dateCount === 1 && f.kind === "rule") as ReportFinding;
    for (const side of suggestMoves(schedule, one.id, { count: 1 }).sides) expect(side.series).toBeUndefined();
  });
});
