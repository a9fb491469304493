import type { z } from "zod";
import type { Issue, IssuePath } from "../errors";
import { compileSeries, meetingSpan, originalStarts, resolveChanges } from "../recurrence/series";
import { checkRRule } from "../recurrence/rrule-text";
import { scheduleZone, sealSchedule, type Schedule } from "../schema/model";
import { issueFactory, locate, type IssueContext } from "../source";
import { scheduleFileSchema, type ScheduleFile, type Selector } from "../schema/schedule";
import { BudgetExceeded, FIRST_YEAR, LAST_YEAR, MAX_DURATION_DAYS, MAX_HINT_CELLS, MAX_HORIZON_DAYS, MAX_ISSUES, MAX_RRULE_LENGTH, resolveLimits, stepBudget, type Limits } from "../limits";
import { DAY, formatDate, formatWall, isSupportedWall, parseDuration, parseWall, type Span } from "../time/wall";
import { isValidZone, zoneClocks } from "../time/zone";

/** What validation needs besides the value: where it came from and the language of messages. */
export interface ValidateContext extends IssueContext {
  /** Bounds on the rule walks validation makes (default `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits> | undefined;
}

/** The outcome of reading a schedule: the schedule, or every issue found. */
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; issues: Issue[] };

type AnySchema = z.core.$ZodType;

/** The schema that validates the value at `path`, following the data through unions. */
function schemaAt(schema: AnySchema, path: IssuePath, data: unknown): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  let value = data;
  for (let i = 0; i <= path.length && current; ) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") {
      current = def.innerType as AnySchema;
      continue;
    }
    if (def.type === "union") {
      const kind = (value as { kind?: unknown } | undefined)?.kind;
      current = (def.options as AnySchema[]).find((option) => {
        const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
        const literal = shape?.kind?._zod.def as unknown as { values?: unknown[] } | undefined;
        return literal?.values?.includes(kind);
      });
      continue;
    }
    if (i === path.length) break;
    const key = path[i] as string | number;
    if (def.type === "object") current = (def.shape as Record<string, AnySchema>)[key];
    else if (def.type === "array") current = def.element as AnySchema;
    else if (def.type === "tuple") current = (def.items as AnySchema[])[key as number];
    else return undefined;
    value = (value as Record<string | number, unknown> | undefined)?.[key];
    i++;
  }
  return current;
}

function keysAt(path: IssuePath, data: unknown): string[] {
  const schema = schemaAt(scheduleFileSchema, path, data);
  const def = schema?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  tuple: "a list",
};

/** Validates the shape once: the parsed file, or the issues found. */
function checkShape(data: unknown, context: ValidateContext): { file: ScheduleFile; issues?: never } | { file?: never; issues: Issue[] } {
  const result = scheduleFileSchema.safeParse(data);
  if (result.success) return { file: result.data };
  const make = issueFactory(context);
  const issues: Issue[] = [];
  for (const zodIssue of result.error.issues) {
    const path = zodIssue.path as (string | number)[];
    const found = valueAt(data, path);
    if (zodIssue.code === "unrecognized_keys") {
      for (const key of zodIssue.keys) {
        issues.push(make("unknown-field", [...path, key], "unknown-field", { field: key, allowed: keysAt(path, data).join(", ") }));
      }
    } else if (zodIssue.code === "invalid_type" && found === undefined) {
      const expected = TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected;
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_type") {
      const expected = TYPE_NAMES[zodIssue.expected] ?? zodIssue.expected;
      issues.push(make("wrong-type", path, "wrong-type", { expected, found: describe(found) }));
    } else if (zodIssue.code === "invalid_union" && (zodIssue as { note?: string }).note === "No matching discriminator") {
      const kindPath = path[path.length - 1] === "kind" ? path : [...path, "kind"];
      const kind = valueAt(data, kindPath);
      issues.push(
        kind === undefined
          ? make("missing-field", path, "missing-field", { field: "kind", expected: "no-overlap, cadence or lead-time" })
          : make("invalid-value", kindPath, "invalid-value", { found: describe(kind), expected: "no-overlap, cadence or lead-time" }),
      );
    } else if (zodIssue.code === "invalid_value" && found === undefined) {
      const expected = zodIssue.values.map((v) => JSON.stringify(v)).join(", ");
      issues.push(make("missing-field", path, "missing-field", { field: String(path[path.length - 1] ?? ""), expected }));
    } else if (zodIssue.code === "invalid_value") {
      const expected = zodIssue.values.map((v) => JSON.stringify(v)).join(", ");
      issues.push(make("invalid-value", path, "invalid-value", { found: describe(found), expected: `one of ${expected}` }));
    } else {
      issues.push(make("invalid-value", path, "invalid-value", { found: describe(found), expected: zodIssue.message }));
    }
  }
  return { issues };
}

/** Cells of edit-distance tables still to fill for hints: every "did you mean" spends from it. */
interface HintBudget {
  cells: number;
}

/** The known id closest to `word` within a third of its length, or "" (also once the budget is spent). */
function closest(word: string, candidates: Iterable<string>, budget: HintBudget): string {
  let best = "";
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    budget.cells -= (word.length + 1) * (candidate.length + 1);
    if (budget.cells < 0) return best;
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

function semanticIssues(file: ScheduleFile, context: ValidateContext): Issue[] {
  const make = issueFactory(context);
  const issues: Issue[] = [];
  const hints: HintBudget = { cells: MAX_HINT_CELLS };
  const limits = resolveLimits(context.limits);
  const budget = stepBudget(limits.ruleSteps);
  let walked = true;

  const ids = (kind: "bodies" | "people" | "rooms" | "meetings" | "rules") => {
    const seen = new Map<string, number>();
    file[kind].forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) {
        seen.set(item.id, index);
        return;
      }
      const line = locate(context.source, [kind, first]).line ?? "?";
      issues.push(make("duplicate-id", [kind, index, "id"], "duplicate-id", { id: item.id, line }));
    });
    return new Set(seen.keys());
  };
  const bodies = ids("bodies");
  const people = ids("people");
  const rooms = ids("rooms");
  const meetings = ids("meetings");
  ids("rules");
  const groups = new Set(file.bodies.flatMap((body) => body.groups ?? []));
  const tags = new Set(file.meetings.flatMap((meeting) => meeting.tags ?? []));

  const KIND_NAMES: Record<string, { vi: string; en: string }> = {
    body: { vi: "cơ quan", en: "body" },
    person: { vi: "người", en: "person" },
    room: { vi: "phòng họp", en: "room" },
    meeting: { vi: "cuộc họp", en: "meeting" },
    group: { vi: "nhóm", en: "group" },
    tag: { vi: "nhãn", en: "tag" },
  };
  const reference = (known: Set<string>, kind: keyof typeof KIND_NAMES, id: string | undefined, path: IssuePath) => {
    if (id === undefined || known.has(id)) return;
    const names = KIND_NAMES[kind] as { vi: string; en: string };
    issues.push(make("unknown-reference", path, "unknown-reference", { kind: names[context.lang], id, hint: closest(id, known, hints) }));
  };
  const references = (known: Set<string>, kind: keyof typeof KIND_NAMES, list: readonly string[] | undefined, path: IssuePath) =>
    list?.forEach((id, index) => reference(known, kind, id, [...path, index]));

  file.people.forEach((person, index) => references(bodies, "body", person.bodies, ["people", index, "bodies"]));

  const selector = (value: Selector, path: IssuePath) => {
    const lists = [value.bodies, value.groups, value.meetings, value.tags].filter((list) => list !== undefined);
    if (lists.length === 0 || lists.every((list) => list.length === 0)) {
      issues.push(make("empty-selector", path, "empty-selector"));
    }
    references(bodies, "body", value.bodies, [...path, "bodies"]);
    references(groups, "group", value.groups, [...path, "groups"]);
    references(meetings, "meeting", value.meetings, [...path, "meetings"]);
    references(tags, "tag", value.tags, [...path, "tags"]);
  };
  const tooLong = (span: Span) => span.days * DAY + span.ms > MAX_DURATION_DAYS * DAY;
  const duration = (text: string | undefined, path: IssuePath, positive: boolean) => {
    if (text === undefined) return;
    const span = parseDuration(text);
    if (!span || (positive && span.days === 0 && span.ms === 0)) {
      issues.push(make("invalid-value", path, "invalid-value", { found: JSON.stringify(text), expected: "a positive ISO 8601 duration such as PT1H30M" }));
    } else if (tooLong(span)) {
      issues.push(make("invalid-value", path, "duration-too-long", { found: text, max: MAX_DURATION_DAYS }));
    }
  };
  const supported = <T extends { wall: number }>(value: T | undefined, text: string, path: IssuePath): T | undefined => {
    if (value === undefined || isSupportedWall(value.wall)) return value;
    issues.push(make("invalid-value", path, "date-out-of-range", { found: text, first: FIRST_YEAR, last: LAST_YEAR }));
    return undefined;
  };
  file.rules.forEach((rule, index) => {
    const path = ["rules", index];
    if (rule.kind === "no-overlap") {
      rule.between.forEach((side, sideIndex) => selector(side, [...path, "between", sideIndex]));
      duration(rule.minGap, [...path, "minGap"], false);
    } else if (rule.kind === "cadence") {
      const { bodies: b, groups: g, meetings: m, tags: t } = rule;
      selector({ ...(b && { bodies: b }), ...(g && { groups: g }), ...(m && { meetings: m }), ...(t && { tags: t }) }, path);
      if (rule.min === undefined && rule.max === undefined) {
        issues.push(make("missing-field", path, "missing-field", { field: "min", expected: "min, max or both" }));
      }
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
        issues.push(make("invalid-value", [...path, "max"], "invalid-value", { found: rule.max, expected: `at least min (${rule.min})` }));
      }
    } else {
      selector(rule.before, [...path, "before"]);
      selector(rule.target, [...path, "target"]);
      duration(rule.min, [...path, "min"], false);
      duration(rule.max, [...path, "max"], false);
      const min = parseDuration(rule.min);
      const max = parseDuration(rule.max);
      if (min && max && min.days * DAY + min.ms > max.days * DAY + max.ms) {
        issues.push(make("invalid-value", [...path, "max"], "invalid-value", { found: rule.max, expected: `at least min (${rule.min})` }));
      }
    }
  });

  if (file.horizon && file.horizon.to < file.horizon.from) {
    issues.push(make("bad-horizon", ["horizon", "to"], "bad-horizon", { from: file.horizon.from, to: file.horizon.to }));
  }
  const horizon: (number | undefined)[] = [];
  for (const key of ["from", "to"] as const) {
    const text = file.horizon?.[key];
    if (text === undefined) continue;
    const value = parseWall(text);
    if (!value) issues.push(make("invalid-value", ["horizon", key], "invalid-value", { found: JSON.stringify(text), expected: "a date that exists" }));
    horizon.push(supported(value, text, ["horizon", key])?.wall);
  }
  const [horizonFrom, horizonTo] = horizon;
  if (horizonFrom !== undefined && horizonTo !== undefined && (horizonTo - horizonFrom) / DAY + 1 > MAX_HORIZON_DAYS) {
    issues.push(make("bad-horizon", ["horizon", "to"], "horizon-too-long", { from: file.horizon?.from ?? "", to: file.horizon?.to ?? "", max: MAX_HORIZON_DAYS }));
  }
  const validZones = new Map<string, boolean>();
  const zoneOk = (zone: string | undefined, path: IssuePath) => {
    if (zone === undefined) return true;
    let valid = validZones.get(zone);
    if (valid === undefined) {
      valid = isValidZone(zone);
      validZones.set(zone, valid);
    }
    if (valid) return true;
    issues.push(make("unknown-zone", path, "unknown-zone", { zone }));
    return false;
  };
  const fileZoneOk = zoneOk(file.timezone, ["timezone"]);
  const clockFor = zoneClocks();

  file.meetings.forEach((meeting, index) => {
    const path = ["meetings", index];
    const before = issues.length;
    if (meeting.body !== undefined && meeting.bodies !== undefined) {
      issues.push(make("conflicting-fields", [...path, "bodies"], "conflicting-fields", { fields: '"body" and "bodies"' }));
    } else if (meeting.body === undefined && meeting.bodies === undefined) {
      issues.push(make("missing-field", path, "missing-field", { field: "body", expected: "a body id, or bodies: a list of body ids" }));
    }
    reference(bodies, "body", meeting.body, [...path, "body"]);
    references(bodies, "body", meeting.bodies, [...path, "bodies"]);
    references(people, "person", meeting.attendees, [...path, "attendees"]);
    reference(rooms, "room", meeting.room, [...path, "room"]);
    const zoneValid = zoneOk(meeting.timezone, [...path, "timezone"]);

    const start = parseWall(meeting.start);
    const exists = (text: string | undefined, field: IssuePath) => {
      if (text === undefined) return undefined;
      const value = parseWall(text);
      if (!value) issues.push(make("invalid-value", field, "invalid-value", { found: JSON.stringify(text), expected: "a date or time that exists" }));
      return supported(value, text, field);
    };
    exists(meeting.start, [...path, "start"]);
    const end = exists(meeting.end, [...path, "end"]);
    meeting.except?.forEach((text, i) => exists(text, [...path, "except", i]));
    meeting.extra?.forEach((text, i) => exists(text, [...path, "extra", i]));
    if (meeting.end !== undefined && meeting.duration !== undefined) {
      issues.push(make("conflicting-fields", [...path, "duration"], "conflicting-fields", { fields: '"end" and "duration"' }));
    }
    duration(meeting.duration, [...path, "duration"], true);
    if (start && !start.dateOnly && meeting.end === undefined && meeting.duration === undefined) {
      issues.push(make("missing-field", path, "missing-field", { field: "end", expected: "end (a local time) or duration (e.g. PT2H)" }));
    }
    if (start && end) {
      if (end.dateOnly !== start.dateOnly) {
        issues.push(make("wrong-type", [...path, "end"], "wrong-type", { expected: start.dateOnly ? "a date, like start" : "a local time, like start", found: JSON.stringify(meeting.end) }));
      } else if (start.dateOnly ? end.wall < start.wall : end.wall <= start.wall) {
        issues.push(make("end-before-start", [...path, "end"], "end-before-start", { start: meeting.start, end: meeting.end ?? "" }));
      } else if (end.wall - start.wall + (start.dateOnly ? DAY : 0) > MAX_DURATION_DAYS * DAY) {
        issues.push(make("invalid-value", [...path, "end"], "end-too-late", { found: meeting.end ?? "", max: MAX_DURATION_DAYS }));
      }
    }
    if (start?.dateOnly && meeting.duration !== undefined && (parseDuration(meeting.duration)?.ms ?? 0) !== 0) {
      issues.push(make("invalid-value", [...path, "duration"], "invalid-value", { found: JSON.stringify(meeting.duration), expected: "whole days (e.g. P2D) for an all-day meeting" }));
    }
    if (meeting.repeat !== undefined && meeting.repeat.length > MAX_RRULE_LENGTH) {
      issues.push(make("bad-rrule", [...path, "repeat"], "rrule-too-long", { length: meeting.repeat.length, max: MAX_RRULE_LENGTH }));
    } else if (meeting.repeat !== undefined) {
      for (const problem of checkRRule(meeting.repeat)) {
        issues.push(make("bad-rrule", [...path, "repeat"], "bad-rrule", { ...problem }));
      }
    }
    meeting.changes?.forEach((change, i) => {
      const changePath = [...path, "changes", i];
      exists(change.occurrence, [...changePath, "occurrence"]);
      const changeStart = exists(change.start, [...changePath, "start"]);
      const changeEnd = exists(change.end, [...changePath, "end"]);
      reference(rooms, "room", change.room, [...changePath, "room"]);
      references(people, "person", change.attendees, [...changePath, "attendees"]);
      if (change.cancelled && (change.start ?? change.end ?? change.duration ?? change.title ?? change.room ?? change.attendees) !== undefined) {
        issues.push(make("conflicting-fields", [...changePath, "cancelled"], "conflicting-fields", { fields: '"cancelled" and new details' }));
      }
      if (change.end !== undefined && change.duration !== undefined) {
        issues.push(make("conflicting-fields", [...changePath, "duration"], "conflicting-fields", { fields: '"end" and "duration"' }));
      }
      duration(change.duration, [...changePath, "duration"], true);
      const from = changeStart ?? parseWall(change.occurrence);
      const changeEndWall = changeEnd && (changeEnd.dateOnly ? changeEnd.wall + DAY : changeEnd.wall);
      if (from && changeEndWall !== undefined && changeEndWall <= from.wall) {
        issues.push(make("end-before-start", [...changePath, "end"], "end-before-start", { start: change.start ?? change.occurrence, end: change.end ?? "" }));
      } else if (from && changeEndWall !== undefined && changeEndWall - from.wall > MAX_DURATION_DAYS * DAY) {
        issues.push(make("invalid-value", [...changePath, "end"], "end-too-late", { found: change.end ?? "", max: MAX_DURATION_DAYS }));
      }
    });
    if (issues.length > before || !zoneValid || !fileZoneOk || !walked) return;

    // The meeting is well formed: check its start against its rule and its changes against its occurrences.
    try {
      walked = walkMeeting(meeting, index);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // The budget is shared by every rule: the meetings after this one are not walked either.
      issues.push(make("runaway-rule", [...path, "repeat"], "runaway-rule", { max: limits.ruleSteps }));
      walked = false;
    }
  });
  return issues;

  /** Checks a well-formed meeting's start against its rule and its changes against its occurrences. */
  function walkMeeting(meeting: ScheduleFile["meetings"][number], index: number): boolean {
    const path = ["meetings", index];
    const series = compileSeries(meeting, clockFor(meeting.timezone ?? scheduleZone(file)), budget);
    if (series.rule && !meetingSpan(meeting)) return true;
    if (series.rule) {
      const first = originalStarts({ ...series, extra: [], exceptDays: new Set(), exceptTimes: new Set() }, series.startWall, series.startWall, 1);
      if (first?.length !== 1) {
        // The hint looks a year ahead: a rule that gives nothing sooner gets none.
        const next = series.rule.after(series.startWall, series.startWall + MAX_DURATION_DAYS * DAY);
        const show = (wall: number) => (series.allDay ? formatDate(wall) : formatWall(wall));
        issues.push(
          make("start-not-in-rule", [...path, "start"], "start-not-in-rule", {
            start: meeting.start,
            rule: meeting.repeat ?? "",
            first: next === undefined ? "" : show(next),
          }),
        );
        return true;
      }
    }
    for (const problem of resolveChanges(series).problems) {
      const change = meeting.changes?.[problem.index];
      issues.push(
        make("no-such-occurrence", [...path, "changes", problem.index, "occurrence"], "no-such-occurrence", {
          occurrence: change?.occurrence ?? "",
          found: problem.found,
        }),
      );
    }
    return true;
  }
}

/** Issues in file order (a stable sort: issues without a position keep their place at the end). */
function byPosition(issues: Issue[]): Issue[] {
  const key = (issue: Issue) => (issue.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (issue.column ?? 0);
  return [...issues].sort((a, b) => key(a) - key(b));
}

/**
 * The first {@link MAX_ISSUES} issues, then one that counts the rest: a file with a million
 * mistakes gets a readable answer of bounded size.
 */
export function capIssues(issues: Issue[], context: Pick<ValidateContext, "lang" | "source">): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  const make = issueFactory(context);
  return [...issues.slice(0, MAX_ISSUES), make("too-many-issues", [], "too-many-issues", { shown: MAX_ISSUES, more: rest })];
}

/**
 * Validates a parsed schedule value (the object a YAML or JSON file gives) and returns the
 * schedule, or every issue found with its position when the context knows positions.
 */
export function validateValue(data: unknown, context: ValidateContext): ScheduleResult {
  const shape = checkShape(data, context);
  if (shape.issues) return { ok: false, issues: capIssues(byPosition(shape.issues), context) };
  const { file } = shape;
  const semantic = semanticIssues(file, context);
  if (semantic.length > 0) return { ok: false, issues: capIssues(byPosition(semantic), context) };
  return { ok: true, schedule: sealSchedule({ ...file, source: context.source }) };
}
