import type { Occurrence } from "../recurrence/occurrence";
import { locate } from "../source";
import type { Schedule } from "../schema/model";
import type { ConflictKind } from "../conflicts/conflict";
import type { Report, ReportFinding, ReportLocator, ReportOccurrence, ReportSource } from "./report";

/** A meeting field that can change: a top-level key, or one `changes` entry by index (as `meetingChanges` gives them). */
export type ChangedField = string | readonly ["changes", number];

/** What differs in each meeting against a base: `"added"`, or its differing fields (see `meetingChanges`). */
export type MeetingChanges = ReadonlyMap<string, "added" | readonly ChangedField[]>;

/**
 * Where a schedule's occurrences and conflicts are, for `buildReport`: an occurrence is at its
 * meeting (or at the `changes` entry that changed or moved it); a conflict is annotated on its
 * first occurrence of a meeting in `changed`, else on its first occurrence, and a conflict
 * without occurrences on its rule. A finding is annotated on the `start` line of the later of its
 * meetings in the file (preferring meetings in `changed`), else where its first conflict is.
 */
export function reportLocator(schedule: Schedule, changed: ReadonlySet<string> | undefined): ReportLocator {
  const meetingIndex = new Map(schedule.meetings.map((meeting, index) => [meeting.id, index]));
  const ruleIndex = new Map(schedule.rules.map((rule, index) => [rule.id, index]));
  // One source object per place, shared by every occurrence of a meeting: a report may name
  // the same meetings hundreds of thousands of times.
  const sources = new Map<string, ReportSource | undefined>();
  const sourceAt = (path: readonly (string | number)[]): ReportSource | undefined => {
    const key = path.join("/");
    if (sources.has(key)) return sources.get(key);
    const where = locate(schedule.source, path);
    const source: ReportSource | undefined =
      where.line === undefined || where.column === undefined
        ? undefined
        : where.file === undefined
          ? { line: where.line, column: where.column }
          : { file: where.file, line: where.line, column: where.column };
    sources.set(key, source);
    return source;
  };
  // The common case, an occurrence as its meeting gives it, is looked up by meeting id alone.
  const meetingSources = new Map<string, ReportSource | undefined>();
  return {
    occurrence(occurrence: Occurrence) {
      if (occurrence.change === undefined && meetingSources.has(occurrence.meeting)) return meetingSources.get(occurrence.meeting);
      const index = meetingIndex.get(occurrence.meeting);
      if (index === undefined) return undefined;
      if (occurrence.change !== undefined) return sourceAt(["meetings", index, "changes", occurrence.change]);
      const source = sourceAt(["meetings", index]);
      meetingSources.set(occurrence.meeting, source);
      return source;
    },
    conflict(occurrences: readonly ReportOccurrence[], rule: string | null) {
      const target =
        (changed && occurrences.find((occurrence) => changed.has(occurrence.meeting) && occurrence.source)) ??
        occurrences.find((occurrence) => occurrence.source);
      if (target) return target.source;
      const index = rule === null ? undefined : ruleIndex.get(rule);
      return index === undefined ? undefined : sourceAt(["rules", index]);
    },
    finding(meetings: readonly string[], fallback: ReportSource | undefined) {
      const known = meetings.filter((id) => meetingIndex.has(id));
      const preferred = changed ? known.filter((id) => changed.has(id)) : [];
      const candidates = preferred.length > 0 ? preferred : known;
      if (candidates.length === 0) return fallback;
      const index = Math.max(...candidates.map((id) => meetingIndex.get(id) as number));
      return sourceAt(["meetings", index, "start"]) ?? fallback;
    },
  };
}

const TIMING = ["start", "end", "duration", "repeat", "except", "extra"] as const;

/** The fields that make a clash of each kind, most telling first; a `changes` entry comes after the timing. */
const CLASH_FIELDS: Readonly<Record<ConflictKind, readonly string[]>> = {
  room: ["room", ...TIMING],
  attendee: ["attendees", ...TIMING],
  rule: ["body", "bodies", "tags", ...TIMING],
  "day-off": ["onDayOff", ...TIMING],
  "working-hours": TIMING,
  "lead-time": ["tags", ...TIMING],
  cadence: TIMING,
};

/**
 * A report against a base with each finding annotated on the line that changed: the first field,
 * in the order that makes a clash of its kind (`room`, `attendees`, `body`/`bodies`/`tags`,
 * `onDayOff`, then `start`, `end`, `duration`, `repeat`, `except`, `extra` and the `changes`
 * entry of a clashing occurrence), that differs from the base in either of its meetings (every
 * field of an added meeting differs), the later meeting in the file first; else the `id:` line of
 * a changed meeting of it; else where it is. Call it on the full report, before the diff drops
 * conflicts: a `changes` entry counts when one of the finding's conflicts has an occurrence
 * there. Returns a new report.
 */
export function placeFindings(report: Report, schedule: Schedule, changes: MeetingChanges): Report {
  if (report.findings === undefined) return report;
  const meetingIndex = new Map(schedule.meetings.map((meeting, index) => [meeting.id, index]));
  const at = (path: readonly (string | number)[]): ReportSource | undefined => {
    const where = locate(schedule.source, path);
    if (where.line === undefined || where.column === undefined) return undefined;
    return where.file === undefined
      ? { line: where.line, column: where.column }
      : { file: where.file, line: where.line, column: where.column };
  };
  const same = (a: ReportSource | undefined, b: ReportSource | undefined) =>
    a !== undefined && b !== undefined && a.line === b.line && a.file === b.file;
  // The places of each finding's occurrences: a `changes` entry is the clash's when one is there.
  const placesOf = new Map<string, ReportSource[]>();
  for (const conflict of report.conflicts) {
    if (conflict.finding === undefined) continue;
    let places = placesOf.get(conflict.finding);
    if (!places) placesOf.set(conflict.finding, (places = []));
    for (const occurrence of conflict.occurrences) {
      if (occurrence.status !== "scheduled" && occurrence.source && !places.some((p) => same(p, occurrence.source))) {
        places.push(occurrence.source);
      }
    }
  }
  const place = (finding: ReportFinding): ReportSource | undefined => {
    const meetings = finding.meetings
      .filter((id) => meetingIndex.has(id) && changes.has(id))
      .sort((a, b) => (meetingIndex.get(b) as number) - (meetingIndex.get(a) as number));
    if (meetings.length === 0) return finding.source;
    const differs = (id: string, field: string): boolean => {
      const fields = changes.get(id);
      if (fields === "added")
        return (schedule.meetings[meetingIndex.get(id) as number] as unknown as Record<string, unknown>)[field] !== undefined;
      return fields?.includes(field) === true;
    };
    for (const field of CLASH_FIELDS[finding.kind]) {
      for (const id of meetings) if (differs(id, field)) return at(["meetings", meetingIndex.get(id) as number, field]);
    }
    const places = placesOf.get(finding.id) ?? [];
    for (const id of meetings) {
      const index = meetingIndex.get(id) as number;
      const fields = changes.get(id);
      const count = schedule.meetings[index]?.changes?.length ?? 0;
      for (let k = 0; k < count; k++) {
        const entry =
          fields === "added" || fields?.some((f) => Array.isArray(f) && f[1] === k) ? at(["meetings", index, "changes", k]) : undefined;
        if (entry && places.some((p) => same(p, entry))) return entry;
      }
    }
    for (const id of meetings) if (differs(id, "changes")) return at(["meetings", meetingIndex.get(id) as number, "changes"]);
    return at(["meetings", meetingIndex.get(meetings[0] as string) as number]);
  };
  const findings = report.findings.map((finding) => {
    const source = place(finding);
    return source === undefined || same(source, finding.source) ? finding : { ...finding, source };
  });
  return { ...report, findings };
}

/**
 * A located report with its conflicts annotated on their first occurrence of a meeting in
 * `changed`, as if it had been located with `changed`: for when the changed meetings are known
 * only after the check. Findings keep their place (see {@link placeFindings}). Returns a new report.
 */
export function placeOnChanged(report: Report, changed: ReadonlySet<string>): Report {
  const conflicts = report.conflicts.map((conflict) => {
    const target = conflict.occurrences.find((occurrence) => changed.has(occurrence.meeting) && occurrence.source);
    return target?.source && target.source !== conflict.source ? { ...conflict, source: target.source } : conflict;
  });
  return { ...report, conflicts };
}
