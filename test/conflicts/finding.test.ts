import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatherCheck, safeCheckSchedule } from "../../src/check";
import { dayOffAdjuster } from "../../src/recurrence/day-off-policy";
import { workCalendar } from "../../src/calendar/work-calendar";
import { detectConflicts } from "../../src/conflicts/detect";
import { pairConflictId, type PairConflict } from "../../src/conflicts/pairs";
import { expandOccurrences } from "../../src/recurrence/expand";
import type { Conflict } from "../../src/conflicts/conflict";
import { conflictDate, findingFold, findingKey, groupFindings, MAX_FINDING_CONFLICTS } from "../../src/conflicts/finding";
import { parseSchedule } from "../../src/load/parse";
import { zoneClocks } from "../../src/time/zone";
import { runs } from "../helpers/runs";
import { scheduleFrom } from "../helpers/schedule";

const clockFor = zoneClocks();

function conflictsOf(text: string): readonly Conflict[] {
  const result = safeCheckSchedule(parseSchedule(text, { filename: "lich.yaml" }));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.conflicts;
}

const example = readFileSync(resolve(__dirname, "../../examples/lang-son-2024.yaml"), "utf8");

/** Two monthly series that clash on the 7th whenever the 7th is the first Thursday, plus a shared room. */
function clashing(hdndStart: string, hdndEnd: string): readonly Conflict[] {
  const result = safeCheckSchedule(
    scheduleFrom(
      [
        `  - { id: tt, title: TT HĐND, body: hdnd, start: "${hdndStart}", end: "${hdndEnd}", repeat: FREQ=MONTHLY;BYDAY=1TH, room: r1, attendees: [an] }`,
        `  - { id: ub, title: UBND, body: ubnd, start: 2024-01-07T08:00, end: 2024-01-07T11:00, repeat: FREQ=MONTHLY;BYMONTHDAY=7, room: r1, attendees: [an] }`,
      ].join("\n"),
      "rules:\n  - { id: r, title: HĐND không trùng UBND, kind: no-overlap, between: [{ bodies: [hdnd] }, { bodies: [ubnd] }] }\nchecks: { dayOff: off, workingHours: off }\n",
    ),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.conflicts;
}

describe("findings", () => {
  it("group the conflicts of one clash of two series into one finding per kind", () => {
    const conflicts = clashing("2024-01-04T08:00", "2024-01-04T11:30");
    const findings = groupFindings(conflicts, clockFor);
    // The 7th is the first Thursday in March and November 2024: rule, room and attendee clash each time.
    expect(conflicts).toHaveLength(6);
    expect(findings.map((f) => [f.kind, f.count, f.dates]).sort()).toEqual([
      ["attendee", 2, ["2024-03-07", "2024-11-07"]],
      ["room", 2, ["2024-03-07", "2024-11-07"]],
      ["rule", 2, ["2024-03-07", "2024-11-07"]],
    ]);
    for (const finding of findings) expect(finding.meetings).toEqual(["tt", "ub"]);
  });

  it("keep their ids when a series is retimed and still clashes", () => {
    const before = groupFindings(clashing("2024-01-04T08:00", "2024-01-04T11:30"), clockFor);
    const after = groupFindings(clashing("2024-01-04T09:00", "2024-01-04T10:00"), clockFor);
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    // The conflicts name the occurrences by their original starts, which the retiming changed.
    expect(after.flatMap((f) => f.conflicts)).not.toEqual(before.flatMap((f) => f.conflicts));
  });

  it("partition the conflicts, whatever order they come in", () => {
    const conflicts = conflictsOf(example);
    const sorted = groupFindings(conflicts, clockFor);
    fc.assert(
      fc.property(fc.shuffledSubarray([...conflicts], { minLength: conflicts.length }), (shuffled) => {
        const findings = groupFindings(shuffled, clockFor);
        expect(findings).toEqual(sorted);
        expect(findings.reduce((sum, f) => sum + f.count, 0)).toBe(conflicts.length);
        const ids = findings.flatMap((f) => f.conflicts);
        expect(new Set(ids).size).toBe(conflicts.length);
        expect([...ids].sort()).toEqual(conflicts.map((c) => c.id).sort());
        for (const finding of findings) {
          const mine = conflicts.filter((c) => finding.conflicts.includes(c.id));
          const dates = [...new Set(mine.map((c) => conflictDate(c, clockFor)))].sort();
          expect(finding.dates).toEqual(dates);
          expect(finding.dateCount).toBe(dates.length);
          expect([finding.first, finding.last]).toEqual([dates[0], dates[dates.length - 1]]);
        }
        for (const conflict of conflicts) {
          const owner = findings.filter((f) => f.conflicts.includes(conflict.id));
          expect(owner).toHaveLength(1);
          expect(owner[0]?.kind).toBe(conflict.kind);
          expect(owner[0]?.meetings.every((m) => conflict.kind === "cadence" || conflict.occurrences.some((o) => o.meeting === m))).toBe(
            true,
          );
        }
      }),
      { numRuns: runs(50) },
    );
  });

  it("sort errors first, then by first date, then id", () => {
    const findings = groupFindings(conflictsOf(example), clockFor);
    const severities = findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
    for (let k = 1; k < findings.length; k++) {
      const [a, b] = [findings[k - 1], findings[k]];
      if (a?.severity === b?.severity) expect(`${a?.first} ${a?.id}` <= `${b?.first} ${b?.id}`).toBe(true);
    }
  });

  it("keep a bounded list of conflict ids and dates, and count them all", () => {
    const conflicts = clashingDaily();
    const fold = findingFold(clockFor);
    for (const conflict of [...conflicts].reverse()) fold.add(conflict);
    const [finding] = fold.findings();
    expect(finding?.count).toBe(conflicts.length);
    expect(finding?.conflicts).toHaveLength(MAX_FINDING_CONFLICTS);
    expect(finding?.conflicts).toEqual(conflicts.slice(0, MAX_FINDING_CONFLICTS).map((c) => c.id));
    expect(finding?.dates).toHaveLength(100);
    expect(finding?.dateCount).toBe(conflicts.length);
    expect(finding?.first).toBe("2024-01-01");
    expect(finding?.last).toBe("2024-12-31");
  });

  it("key pairs by both meetings, single kinds by their meeting, cadence by its rule", () => {
    for (const conflict of conflictsOf(example)) {
      const { key, meetings } = findingKey(conflict);
      expect(key.startsWith(`${conflict.kind}\u001f`)).toBe(true);
      if (conflict.kind === "cadence") expect(meetings).toEqual([]);
      else if (conflict.kind === "day-off" || conflict.kind === "working-hours" || conflict.kind === "lead-time")
        expect(meetings).toHaveLength(1);
      else expect(meetings.length).toBeGreaterThanOrEqual(1);
    }
  });
});

function clashingDaily(): readonly Conflict[] {
  const result = safeCheckSchedule(
    scheduleFrom(
      [
        "  - { id: a, title: A, body: hdnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY, room: r1 }",
        "  - { id: b, title: B, body: ubnd, start: 2024-01-01T08:30, duration: PT1H, repeat: FREQ=DAILY, room: r1 }",
      ].join("\n"),
      "checks: { dayOff: off, workingHours: off }\n",
    ),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return [...result.conflicts].sort((x, y) => (x.occurrences[0]?.start ?? 0) - (y.occurrences[0]?.start ?? 0) || (x.id < y.id ? -1 : 1));
}

describe("findings of conflicts whose ids detection deferred", () => {
  const schedule = parseSchedule(example, { filename: "lich.yaml" });

  function detected(deferIds: boolean): Conflict[] {
    const gathered = gatherCheck(schedule, {}, "all");
    if (!gathered.ok) throw new Error(JSON.stringify(gathered.issues));
    const { frame, context } = gathered;
    const expanded = expandOccurrences(schedule, {
      clockFor: context.clockFor,
      adjust: dayOffAdjuster(workCalendar(schedule.calendar ?? {})),
    });
    if (!expanded.ok) throw new Error(JSON.stringify(expanded.issues));
    const found: Conflict[] = [];
    detectConflicts(schedule, expanded.occurrences, {
      horizon: frame.horizon,
      calendar: workCalendar(schedule.calendar ?? {}),
      clockFor: context.clockFor,
      clock: context.clock,
      order: expanded.order,
      emit: (conflict) => void found.push(conflict),
      deferIds,
    });
    return found;
  }

  it("have the ids detection would have given them", () => {
    const eager = detected(false);
    const deferred = detected(true);
    expect(deferred).toHaveLength(eager.length);
    const pairs = deferred.filter((c) => c.kind === "rule" || c.kind === "attendee" || c.kind === "room");
    expect(pairs.length).toBeGreaterThan(3);
    expect(pairs.every((c) => c.id === "")).toBe(true);
    deferred.forEach((conflict, k) => {
      const id = conflict.id === "" ? pairConflictId(conflict as PairConflict) : conflict.id;
      expect(id).toBe(eager[k]?.id);
    });
  });

  it("fold into the same findings, each sample carrying its id, in any order", () => {
    const eager = findingFold(clockFor, { keepIds: false });
    for (const conflict of detected(false)) eager.add(conflict);
    const expected = eager.findings();
    const deferred = detected(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(deferred, { minLength: deferred.length }), (shuffled) => {
        const fold = findingFold(clockFor, { keepIds: false });
        for (const conflict of shuffled) fold.add(conflict);
        const findings = fold.findings();
        expect(findings.map((f) => [f.id, f.count, f.dates, f.conflicts])).toEqual(
          expected.map((f) => [f.id, f.count, f.dates, f.conflicts]),
        );
        expect(findings.map((f) => f.sample)).toEqual(expected.map((f) => f.sample));
        // The fold keeps copies: never an object detection made, so none of them outlives its sweep.
        const given = new Set<Conflict>(shuffled);
        expect(findings.some((f) => given.has(f.sample))).toBe(false);
      }),
      { numRuns: runs(20) },
    );
  });
});
