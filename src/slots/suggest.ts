import { type CheckOptions, safeCheckSchedule } from "../check";
import type { Conflict, ConflictKind } from "../conflicts/conflict";
import { conflictDate } from "../conflicts/finding";
import { ScheduleError, UsageError } from "../errors";
import { argLang, argLimits, argOptions, badArgument } from "../internal/args";
import type { Limits } from "../limits";
import { ensureSchedule } from "../load/guard";
import { safeValidateSchedule, validateSchedule } from "../load/parse";
import { type Lang, message } from "../messages";
import type { Occurrence } from "../recurrence/occurrence";
import type { Move, MoveChange, Report, SeriesEdit, SeriesMove } from "../report/report";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Change, ScheduleFile } from "../schema/schedule";
import { DAY, formatDate, formatWall, MINUTE, parseWall } from "../time/wall";
import { zoneClocks } from "../time/zone";
import { findSlots, type Slot } from "./find";
import { MAX_SLOT_COUNT } from "./request";

/** Options for {@link suggestMoves}. */
export interface SuggestOptions {
  /** The present, epoch milliseconds or a `Date`: no move starts before it (as `findSlots`'s `now`). */
  readonly now?: number | Date;
  /** The language of the slots' reasons; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
  /** The bounds of the expansions behind the search and the checks (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
  /** How many moves per side, at most (default 3, at most 100). */
  readonly count?: number;
  /** How many days are searched from the clashing occurrence's date, that day included (default 14, at most 366). */
  readonly days?: number;
}

export type { Move, MoveChange, SeriesEdit, SeriesMove } from "../report/report";

/** The moves for one occurrence of the clash. */
export interface MoveSide {
  readonly meeting: string;
  /** The original local start that names the occurrence (`YYYY-MM-DDTHH:MM`, or a date when all-day). */
  readonly occurrence: string;
  /** Best first (the order of `findSlots`: earliest start). Empty when not moved: see `notMoved`. */
  readonly moves: readonly Move[];
  /**
   * Why `moves` is empty: `all-day` (an all-day or multi-day occurrence is not moved), `past`
   * (it starts before `options.now`), `no-time` (nothing fits in the days searched).
   */
  readonly notMoved?: "all-day" | "past" | "no-time";
  /**
   * When the meeting repeats and the finding has more than one date: new times of day for the
   * whole series (its `start`, and what names its occurrences, edited), best first, each checked
   * like a move. Absent otherwise; empty when no time of the clash's day frees every date.
   */
  readonly series?: readonly SeriesMove[];
}

/** What {@link suggestMoves} returns. */
export interface MovesResult {
  /** The finding the clash belongs to. */
  readonly finding: string;
  /** The conflict moves are suggested for: the one asked for, or the finding's first on its first date. */
  readonly conflict: string;
  readonly kind: ConflictKind;
  /** The conflict's local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** One per occurrence of the conflict, in its order (by start): two for a pair, one for a day-off or working-hours conflict. */
  readonly sides: readonly MoveSide[];
}

const MOVABLE: ReadonlySet<ConflictKind> = new Set(["rule", "attendee", "room", "day-off", "working-hours"]);
const DEFAULT_COUNT = 3;
const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;
/** Slots asked for beyond `count`, so that a slot the full check turns down does not leave the side short. */
const SPARE = 5;

/**
 * Suggests new times for either side of a clash: given the id of a finding or of a conflict of
 * `checkSchedule(schedule)` (kinds `rule`, `attendee`, `room`, and `day-off` or `working-hours`
 * for one meeting), each occurrence of the clash is searched a new time with {@link findSlots}
 * (its duration, attendees, room, bodies and tags; the occurrence itself left out), from its
 * local date over `days` days, within the file's horizon. A finding spanning many dates is
 * handled through its first conflict on its first date.
 *
 * Each move is a `changes` entry ready to paste, checked by applying it to a copy of the schedule
 * and checking that copy: `resolves` and `adds` name the findings it removes and adds. A move is
 * offered only when it removes the clash and adds no conflict of severity error. All-day
 * occurrences are not moved. The order is deterministic: sides by start, moves by start.
 *
 * Throws a {@link UsageError} for an id that is neither a finding's nor a conflict's, or for a
 * cadence or lead-time clash, and a {@link ScheduleError} for a schedule that cannot be checked.
 *
 * @example
 * const report = checkSchedule(schedule);
 * const { sides } = suggestMoves(schedule, report.findings[1].id); // the example's 07/03 rule finding
 * sides[0]?.moves[0]?.change; // { occurrence: "2024-03-07T08:00", start: "2024-03-07T13:30", end: "2024-03-07T17:00" }
 */
export function suggestMoves(schedule: Schedule, id: string, options: SuggestOptions = {}): MovesResult {
  const where = "suggestMoves";
  const given = argOptions(options, where) as SuggestOptions;
  argLang(given.lang, where);
  argLimits(given.limits, where);
  if (typeof id !== "string") badArgument(`${where}: id`, "a finding id or conflict id (a string)", id);
  const count = given.count ?? DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SLOT_COUNT) {
    badArgument(`${where}: count`, `a whole number from 1 to ${MAX_SLOT_COUNT}`, given.count);
  }
  const days = given.days ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    badArgument(`${where}: days`, `a whole number from 1 to ${MAX_DAYS}`, given.days);
  const valid = ensureSchedule(schedule, `${where}: schedule`, given.lang);
  const planner = movePlanner(valid, given);
  const target = planner.clash(id);
  if (typeof target === "string") throw new UsageError(`${where}: id: ${target}`);
  return planner.moves(target, count, days);
}

/** A clash moves are searched for: the conflict, its finding and its local date. */
export interface Clash {
  readonly finding: string;
  readonly conflict: Conflict;
  readonly date: string;
}

/** Searches moves against one check of a schedule, shared by every clash asked about. */
export interface MovePlanner {
  /** The schedule's report (the one finding and conflict ids refer to). */
  readonly report: Report;
  /** The clash an id names, or why it names none (in English, for a developer). */
  clash(id: string): Clash | string;
  /** Up to `count` moves per side of the clash, searched over `days` days from its date. */
  moves(clash: Clash, count: number, days: number): MovesResult;
}

/** What {@link movePlanner} checks with: {@link SuggestOptions}' and the check's horizon, as `checkSchedule` takes it. */
export interface PlannerOptions extends Omit<SuggestOptions, "count" | "days"> {
  readonly from?: string;
  readonly to?: string;
}

/**
 * Checks a (valid) schedule once, for moves to be searched for any of its clashes: `suggestMoves`
 * for one, `lichhop suggest` and `check --suggest` for each finding. Throws a
 * {@link ScheduleError} for a schedule that cannot be checked.
 */
export function movePlanner(valid: Schedule, options: PlannerOptions = {}): MovePlanner {
  const checkOptions = {
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  const before = checked(valid, checkOptions);
  const clock = zoneClocks()(scheduleZone(valid));
  const horizonTo = before.report.horizon.to;
  const now = options.now === undefined ? undefined : Number(options.now);
  /** Whole-series moves of `o`'s meeting to the times of day of the slots found on `o`'s date. */
  const seriesMoves = (o: Occurrence, slots: readonly Slot[], count: number, clash: Clash): SeriesMove[] | undefined => {
    const meeting = valid.meetings.find((m) => m.id === o.meeting);
    if (!meeting?.repeat || !/T\d\d:\d\d$/.test(meeting.start)) return undefined;
    const zoneClock = zoneClocks()(o.zone);
    const date = formatDate(zoneClock.toWall(o.start));
    const found: SeriesMove[] = [];
    let tried = 0;
    for (const slot of slots) {
      if (found.length >= count || tried >= count + SPARE) break;
      const start = formatWall(zoneClock.toWall(Date.parse(slot.start)));
      if (start.slice(0, 10) !== date) continue;
      const edit = seriesEdit(meeting, start.slice(11, 16), Date.parse(slot.end) - Date.parse(slot.start));
      if (!edit) continue;
      tried++;
      const after = safeChecked(withSeries(valid, meeting.id, edit), checkOptions);
      const judgement = after && judged(before, after, clash.conflict.id);
      if (!judgement?.resolves.includes(clash.finding)) continue;
      const to = formatWall(zoneClock.toWall(Date.parse(slot.end))).slice(11, 16);
      found.push({
        meeting: meeting.id,
        edit,
        from: start.slice(11, 16),
        to,
        reason: seriesReason(start.slice(11, 16), to, lang),
        ...judgement,
      });
    }
    return found;
  };
  const lang = options.lang ?? valid.locale ?? "vi";
  const moves = (target: Clash, count: number, days: number): MovesResult => {
    const manyDates = (before.report.findings?.find((f) => f.id === target.finding)?.dateCount ?? 1) > 1;
    const sides = target.conflict.occurrences.map((o): MoveSide => {
      const side = { meeting: o.meeting, occurrence: o.allDay ? formatDate(o.recurrenceId) : formatWall(o.recurrenceId) };
      if (o.allDay || o.end - o.start > DAY) return { ...side, moves: [], notMoved: "all-day" };
      if (now !== undefined && o.start < now) return { ...side, moves: [], notMoved: "past" };
      const from = formatDate(clock.toWall(o.start));
      const last = formatDate((parseWall(from) as { wall: number }).wall + (days - 1) * DAY);
      const to = [last, horizonTo].sort()[0] as string;
      if (to < from) return { ...side, moves: [], notMoved: "no-time" };
      const found = findSlots(
        withChange(valid, o, { cancelled: true }),
        {
          duration: `PT${Math.round((o.end - o.start) / MINUTE)}M`,
          from,
          to,
          ...(o.bodies.length > 0 ? { bodies: [...o.bodies] } : {}),
          ...(o.tags.length > 0 ? { tags: [...o.tags] } : {}),
          ...(o.attendees.length > 0 ? { attendees: { required: [...o.attendees] } } : {}),
          ...(o.room === undefined ? {} : { room: o.room }),
          count: Math.min(MAX_SLOT_COUNT, count + SPARE),
        },
        {
          ...(options.now === undefined ? {} : { now: options.now }),
          ...(options.lang === undefined ? {} : { lang: options.lang }),
          ...(options.limits === undefined ? {} : { limits: options.limits }),
        },
      );
      const zoneClock = zoneClocks()(o.zone);
      const moves: Move[] = [];
      for (const slot of found.slots) {
        if (moves.length >= count) break;
        const start = formatWall(zoneClock.toWall(Date.parse(slot.start)));
        const end = formatWall(zoneClock.toWall(Date.parse(slot.end)));
        const entry = withChange(valid, o, { start, end });
        const after = checked(entry, checkOptions);
        const move = judged(before, after, target.conflict.id);
        if (!move) continue;
        const change = changeFor(valid, o, { start, end });
        moves.push({ meeting: o.meeting, change, start: slot.start, end: slot.end, reason: slot.reason, ...move });
      }
      const series = manyDates ? seriesMoves(o, found.slots, count, target) : undefined;
      const sideResult = moves.length > 0 ? { ...side, moves } : { ...side, moves, notMoved: "no-time" as const };
      return series === undefined ? sideResult : { ...sideResult, series };
    });
    return { finding: target.finding, conflict: target.conflict.id, kind: target.conflict.kind, date: target.date, sides };
  };
  // Built once: `lichhop suggest` and `check --suggest` look up a clash for each finding.
  const byId = new Map(before.conflicts.map((c) => [c.id, c]));
  return { report: before.report, clash: (id) => clashOf(before, byId, id), moves };
}

/** Whether moves are searched for a finding or conflict of this kind. */
export function isMovable(kind: ConflictKind): boolean {
  return MOVABLE.has(kind);
}

interface Checked {
  readonly report: Report;
  readonly conflicts: readonly Conflict[];
}

function checked(schedule: Schedule, options: CheckOptions): Checked {
  const result = safeCheckSchedule(schedule, options);
  if (!result.ok) throw new ScheduleError(result.issues);
  return { report: result.report, conflicts: result.conflicts };
}

/** The conflict a finding or conflict id names (a finding's first conflict, in report order, on its first date), or why none. */
function clashOf(before: Checked, byId: ReadonlyMap<string, Conflict>, id: string): Clash | string {
  const { report } = before;
  const clockFor = zoneClocks();
  const dateOf = (conflictId: string): string => {
    const conflict = byId.get(conflictId);
    return conflict ? conflictDate(conflict, clockFor) : "";
  };
  const finding = (report.findings ?? []).find((f) => f.id === id);
  const listed = finding
    ? report.conflicts.find((c) => c.finding === id && dateOf(c.id) === finding.first)
    : report.conflicts.find((c) => c.id === id);
  if (!listed) {
    return `expected the id of a finding or conflict of checkSchedule(schedule), got "${id}" (the report has ${(report.findings ?? []).length} findings and ${report.conflicts.length} conflicts)`;
  }
  if (!MOVABLE.has(listed.kind)) {
    return `"${id}" is a ${listed.kind} ${finding ? "finding" : "conflict"}; moves are suggested for rule, attendee, room, day-off and working-hours clashes`;
  }
  const conflict = byId.get(listed.id) as Conflict;
  return { finding: finding?.id ?? listed.finding ?? "", conflict, date: dateOf(listed.id) };
}

/** Whether a change entry names the occurrence (its original local start). */
function names(change: Change, o: Occurrence): boolean {
  return parseWall(change.occurrence)?.wall === o.recurrenceId;
}

/** The entry for an occurrence: the file's own entry for it (title, room, attendees kept), with the new fields. */
function changeFor(schedule: Schedule, o: Occurrence, fields: { start: string; end: string }): MoveChange {
  const meeting = schedule.meetings.find((m) => m.id === o.meeting);
  const own = meeting?.changes?.find((c) => names(c, o));
  return {
    occurrence: own?.occurrence ?? formatWall(o.recurrenceId),
    ...(own?.title === undefined ? {} : { title: own.title }),
    ...(own?.room === undefined ? {} : { room: own.room }),
    ...(own?.attendees === undefined ? {} : { attendees: own.attendees }),
    ...fields,
  };
}

/** A copy of the schedule with the occurrence cancelled, or moved, validated again. */
function withChange(schedule: Schedule, o: Occurrence, fields: { cancelled: true } | { start: string; end: string }): Schedule {
  const { source: _source, ...file } = schedule;
  const meetings = file.meetings.map((meeting) => {
    if (meeting.id !== o.meeting) return meeting;
    const entry: Change =
      "cancelled" in fields
        ? { occurrence: changeFor(schedule, o, { start: "", end: "" }).occurrence, cancelled: true }
        : changeFor(schedule, o, fields);
    const others = (meeting.changes ?? []).filter((c) => !names(c, o));
    return { ...meeting, changes: [...others, entry] };
  });
  return validateSchedule({ ...file, meetings } satisfies ScheduleFile);
}

/** What a move resolves and adds; undefined when it leaves the clash or adds an error. */
function judged(
  before: Checked,
  after: Checked,
  clash: string,
): Pick<Move, "resolves" | "adds" | "resolvedConflicts" | "addedConflicts"> | undefined {
  const beforeIds = new Set(before.report.conflicts.map((c) => c.id));
  const afterIds = new Set(after.report.conflicts.map((c) => c.id));
  if (afterIds.has(clash)) return undefined;
  const added = after.report.conflicts.filter((c) => !beforeIds.has(c.id));
  if (added.some((c) => c.severity === "error")) return undefined;
  const afterFindings = new Set((after.report.findings ?? []).map((f) => f.id));
  const beforeFindings = new Set((before.report.findings ?? []).map((f) => f.id));
  const adds = new Set<string>();
  for (const f of after.report.findings ?? []) if (!beforeFindings.has(f.id)) adds.add(f.id);
  for (const c of added) if (c.finding !== undefined) adds.add(c.finding);
  return {
    resolves: (before.report.findings ?? []).filter((f) => !afterFindings.has(f.id)).map((f) => f.id),
    adds: (after.report.findings ?? []).filter((f) => adds.has(f.id)).map((f) => f.id),
    resolvedConflicts: before.report.conflicts.filter((c) => !afterIds.has(c.id)).map((c) => c.id),
    addedConflicts: added.map((c) => c.id),
  };
}

/** "the whole series at 13:30–17:00", in words. */
function seriesReason(from: string, to: string, lang: Lang): string {
  return message(lang, "suggest-series-reason", { from, to });
}

/**
 * The fields of a series moved to `time` (`HH:MM`) with the same duration: `start` on its own
 * date, `end` shifted alike when it is a time, and the `except`, `extra` and `changes` entries
 * that name occurrences at the old time of day renamed to the new one. Undefined when the series
 * starts on a date alone (all-day).
 */
function seriesEdit(meeting: Schedule["meetings"][number], time: string, length: number): SeriesEdit | undefined {
  const old = meeting.start.slice(11, 16);
  if (old === "" || old === time) return undefined;
  const at = (local: string) => (local.length > 10 && local.slice(11, 16) === old ? `${local.slice(0, 11)}${time}` : local);
  const start = `${meeting.start.slice(0, 11)}${time}`;
  const edit: { -readonly [K in keyof SeriesEdit]: SeriesEdit[K] } = { start };
  if (meeting.end !== undefined) {
    if (meeting.end.length === 10) return undefined;
    const wall = parseWall(start) as { wall: number };
    edit.end = formatWall(wall.wall + length);
  }
  if (meeting.except?.some((e) => at(e) !== e)) edit.except = meeting.except.map(at);
  if (meeting.extra?.some((e) => at(e) !== e)) edit.extra = meeting.extra.map(at);
  if (meeting.changes?.some((c) => at(c.occurrence) !== c.occurrence)) {
    edit.changes = meeting.changes.map((c) => ({ ...c, occurrence: at(c.occurrence) }));
  }
  return edit;
}

/** A copy of the schedule with a meeting's fields replaced, validated again; undefined when invalid. */
function withSeries(schedule: Schedule, id: string, edit: SeriesEdit): Schedule | undefined {
  const { source: _source, ...file } = schedule;
  const meetings = file.meetings.map((meeting) => (meeting.id === id ? { ...meeting, ...edit } : meeting));
  const result = safeValidateSchedule({ ...file, meetings });
  return result.ok ? result.schedule : undefined;
}

/** {@link checked} of a schedule that may be missing or fail its check: undefined then. */
function safeChecked(schedule: Schedule | undefined, options: CheckOptions): Checked | undefined {
  if (!schedule) return undefined;
  const result = safeCheckSchedule(schedule, options);
  return result.ok ? { report: result.report, conflicts: result.conflicts } : undefined;
}
