import { workCalendar, type Period } from "../calendar/work-calendar";
import { nextPeriod, periodStart, selectorOf } from "../conflicts/cadence";
import { levelSeverity } from "../conflicts/conflict";
import { blockOf, compileRules, HALF_DAY } from "../conflicts/pairs";
import { selectorMembers } from "../conflicts/selectors";
import { ScheduleError, UsageError } from "../errors";
import { argLang, argLimits, argOptions, badArgument } from "../internal/args";
import type { Limits } from "../limits";
import { ensureSchedule } from "../load/guard";
import {
  clockTime,
  durationWords,
  elapsedWords,
  type HalfDay,
  type Lang,
  message,
  periodName,
  rangeWords,
  WEEKDAY_NAMES,
} from "../messages";
import { dayOffAdjuster } from "../recurrence/day-off-policy";
import { expandOccurrences } from "../recurrence/expand";
import { attendeeResolver } from "../recurrence/membership";
import { isHeld, type Occurrence } from "../recurrence/occurrence";
import { reportOccurrence, type ReportOccurrence } from "../report/report";
import { scheduleZone, type Schedule } from "../schema/model";
import type { Selector, Severity } from "../schema/schedule";
import { DAY, formatDate, formatInstant, MINUTE, parseDuration, parseWall, SUPPORTED_FROM, SUPPORTED_UNTIL, type Span } from "../time/wall";
import { formatDmy, weekday } from "../time/wall-text";
import { zoneClocks } from "../time/zone";
import { clipped, complementOf, holding, type Interval, unionOf } from "./intervals";
import { checkSlotRequest, parseTimes, type SlotRequest, type SlotRequestInput } from "./request";

/** Options for {@link findSlots}. */
export interface SlotOptions {
  /**
   * The present, as epoch milliseconds or a `Date`: no slot starts before it, and `minNotice`
   * counts working days from its local date. The library never reads the clock: without `now`
   * the whole window is searched, and `minNotice` is an error.
   */
  readonly now?: number | Date;
  /** The language of reasons and explanations; defaults to the file's `locale`, else Vietnamese. */
  readonly lang?: Lang;
  /** The bounds of the expansion behind the search (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits>;
}

/** What keeps a slot out, or what a slot would add as a warning. */
export type SlotBlockKind =
  | "day-off"
  | "notice"
  | "outside"
  | "short"
  | "busy"
  | "max-per-day"
  | "room"
  | "rule"
  | "cadence"
  | "lead-time"
  | "quorum";

/** One thing that blocks a time (or, on a slot, an optional attendee's meeting or a warning it adds). */
export interface SlotBlock {
  readonly kind: SlotBlockKind;
  /** The person (`busy`, `max-per-day`), room (`room`) or rule (`rule`, `cadence`, `lead-time`) id; null for the others. */
  readonly subject: string | null;
  /** The meeting occurrence in the way (`busy`, `room`, `rule`), as the report writes occurrences; null for the others. */
  readonly occurrence: ReportOccurrence | null;
  /** In words, in the language asked for: "Hồ Tiến Thiệu bận — Phiên họp UBND thường kỳ". */
  readonly message: string;
}

/** A time that fits: the new meeting placed there adds no conflict of severity error. */
export interface Slot {
  /** ISO 8601 with the zone's offset of that day, e.g. `2024-03-07T08:00:00+07:00`. */
  readonly start: string;
  /** Exclusive end, same form. */
  readonly end: string;
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The half of the working day: `sang` (a period starting before 12:00) or `chieu`. */
  readonly halfDay: HalfDay;
  /** The room chosen (the first free one of the request's list), or null when none was asked for. */
  readonly room: string | null;
  /** The people who can come: the required ones, then the optional ones who are free (bodies stand for their members that day). */
  readonly attendees: readonly string[];
  /** The optional attendees who are busy, each with the meeting in the way (`kind: "busy"`). */
  readonly optionalBusy: readonly SlotBlock[];
  /** The conflicts of severity warning the meeting would add there. */
  readonly warnings: readonly SlotBlock[];
  /** Why this slot, in words: "T5 07/03/2024, buổi sáng 08:00–10:00: trống sớm nhất; đủ người dự". */
  readonly reason: string;
}

/** What blocked a day of the window, or one of its half-days. */
export interface BlockedDay {
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The half-day, or null when the whole day is blocked (a day off, too early for the notice). */
  readonly halfDay: HalfDay | null;
  readonly blocks: readonly SlotBlock[];
  /** The line in words: "T4 16/04: Giỗ Tổ Hùng Vương", "T5 07/03 sáng: Hồ Tiến Thiệu bận — …". */
  readonly text: string;
}

/** What {@link findSlots} returns. */
export interface SlotsResult {
  /** Up to `count` slots, best first (by start, or by distance from `near`; ties by start, then room order). */
  readonly slots: readonly Slot[];
  /** When no slot fits: what blocked each day of the window (each half-day of a working day). Absent otherwise. */
  readonly whyNone?: readonly BlockedDay[];
  /**
   * Up to `count` times that add no error but miss the request's quorum of optional attendees
   * (or, with `avoidWarnings`, would add a warning), ranked as the slots are.
   */
  readonly nearMisses: readonly Slot[];
}

type BlockerKind = "busy" | "room" | "rule" | "cadence" | "lead-time";

/** The starts `[lo, hi)` one thing forbids the new meeting, and why. */
interface Blocker {
  readonly lo: number;
  readonly hi: number;
  readonly kind: BlockerKind;
  /** Error, warning, or off: an attendee busy while the attendee check is off still cannot come. */
  readonly severity: Severity | "off";
  readonly subject: string;
  readonly occurrence: Occurrence | null;
  /** A cadence period's first local date (`YYYY-MM-DD`). */
  readonly period?: string;
}

/** The blockers of one person, room or of the rules, and their unions by severity. */
interface Track {
  readonly raw: readonly Blocker[];
  readonly errors: readonly Interval[];
  readonly warnings: readonly Interval[];
  readonly any: readonly Interval[];
}

function trackOf(blockers: Blocker[]): Track {
  const raw = blockers.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  const span = (b: Blocker): Interval => [b.lo, b.hi];
  return {
    raw,
    errors: unionOf(raw.filter((b) => b.severity === "error").map(span)),
    warnings: unionOf(raw.filter((b) => b.severity === "warning").map(span)),
    any: unionOf(raw.map(span)),
  };
}

const NO_TRACK: Track = trackOf([]);

/** Raw blockers of a track holding `at` (of the severities given). */
function blockersAt(track: Track, at: number, severities: readonly (Severity | "off")[]): Blocker[] {
  const out: Blocker[] = [];
  for (const b of track.raw) {
    if (b.lo > at) break;
    if (b.hi > at && severities.includes(b.severity)) out.push(b);
  }
  return out;
}

/** Raw blockers of a track meeting `[lo, hi)` (of the severities given). */
function blockersIn(track: Track, lo: number, hi: number, severities: readonly (Severity | "off")[]): Blocker[] {
  const out: Blocker[] = [];
  for (const b of track.raw) {
    if (b.lo >= hi) break;
    if (b.hi > lo && severities.includes(b.severity)) out.push(b);
  }
  return out;
}

/** Where on a day new meetings may start: minutes from local midnight. */
interface StartRange {
  readonly part: HalfDay;
  /** The earliest start. */
  readonly lo: number;
  /** The latest start (inclusive). */
  readonly maxStart: number;
  /** The latest end. */
  readonly endLimit: number;
}

/** Why the starts of one half-day were turned down, as the scan met them. */
interface PartStats {
  /** Instants of the first and past the last start the ranges allow. */
  lo: number;
  hi: number;
  notice: boolean;
  hard: boolean;
  room: boolean;
  quorum: boolean;
  warning: boolean;
  /** The most optional attendees free at one start turned down for the quorum, and how many were needed. */
  bestFree: number;
  total: number;
  needed: number;
}

interface DayRecord {
  readonly date: string;
  readonly wall: number;
  readonly kind: "day-off" | "notice" | "max-per-day" | "outside" | "parts";
  readonly dayOff?: { readonly vi: string; readonly en: string };
  /** The required attendees who already have `maxPerDay` meetings that day (kind `max-per-day`). */
  readonly full?: readonly string[];
  readonly parts: Map<HalfDay, PartStats>;
  readonly required: readonly string[];
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly room: string | null;
  readonly part: HalfDay;
  readonly day: DayRecord;
  readonly optional: readonly string[];
  readonly busy: readonly string[];
}

const spanMs = (span: Span | undefined): number => (span ? span.days * DAY + span.ms : 0);

/**
 * Finds free times for a new meeting against every rule of the schedule: the no-overlap rules
 * its bodies and tags fall under (with their `minGap` and `scope`), its attendees' and room's
 * other meetings, days off, working hours, cadence maxima and lead times. A slot is offered when
 * the new meeting, placed there (a one-off in the schedule's zone, with the required attendees
 * and the optional ones who are free), adds no conflict of severity error; the warnings it
 * would add are listed on it.
 *
 * Slots lie on working days (the file's calendar: holidays, decisions, make-up Saturdays,
 * `daysOff`, `workingDays`), inside one working period of that date's season (or, with
 * `acrossBreaks`, starting in one and ending by the day's last), whatever the levels of the
 * `dayOff` and `workingHours` checks; `halfDay` and `times` narrow them further. Starts are
 * multiples of `align` minutes from local midnight (default 30), or with `align: "half-day"`
 * the periods' starts. `minNotice` working days after the local date of `options.now`: the
 * meeting is on that working day or later (2 from a Friday: Tuesday).
 *
 * The occurrences are expanded once; the busy time of each required attendee, room and rule
 * side becomes intervals of forbidden starts (widened by the meeting's length, `minGap`,
 * `buffer` and the half-day or day blocks of a rule's scope), and the aligned starts are
 * stepped through what is left, jumping over each busy interval: the cost follows the
 * occurrences and the window, never their product.
 *
 * Throws a {@link UsageError} for a bad request (naming each field and what was expected) and a
 * {@link ScheduleError} for a schedule that cannot be expanded.
 *
 * @example
 * const { slots, whyNone } = findSlots(schedule, {
 *   duration: "PT2H", from: "2024-03-04", to: "2024-03-08",
 *   body: "tt-hdnd", attendees: { required: ["tt-hdnd"] }, room: ["phong-hop-1", "phong-hop-2"],
 * });
 * slots[0]?.start; // "2024-03-04T07:30:00+07:00"
 */
export function findSlots(schedule: Schedule, request: SlotRequestInput, options: SlotOptions = {}): SlotsResult {
  const where = "findSlots";
  const given = argOptions(options, where) as SlotOptions;
  argLang(given.lang, where);
  argLimits(given.limits, where);
  let now: number | undefined;
  if (given.now !== undefined) {
    now = given.now instanceof Date ? given.now.getTime() : given.now;
    if (typeof now !== "number" || !Number.isFinite(now))
      badArgument(`${where}: now`, "an instant: epoch milliseconds or a Date", given.now);
  }
  const valid = ensureSchedule(schedule, `${where}: schedule`, given.lang);
  const req = checkSlotRequest(request, valid, where);
  if (req.minNotice !== undefined && now === undefined) {
    throw new UsageError(
      `${where}: request.minNotice: expected options.now as well, the instant the notice counts from (the library never reads the clock)`,
    );
  }
  const lang: Lang = given.lang ?? valid.locale ?? "vi";
  return search(valid, req, lang, now, given.limits);
}

function search(
  schedule: Schedule,
  req: SlotRequest,
  lang: Lang,
  now: number | undefined,
  limits: Partial<Limits> | undefined,
): SlotsResult {
  const clockFor = zoneClocks();
  const clock = clockFor(scheduleZone(schedule));
  const calendar = workCalendar(schedule.calendar ?? {});
  const duration = spanMs(parseDuration(req.duration));
  const before = spanMs(req.buffer?.before === undefined ? undefined : parseDuration(req.buffer.before));
  const after = spanMs(req.buffer?.after === undefined ? undefined : parseDuration(req.buffer.after));
  const fromWall = (parseWall(req.from) as { wall: number }).wall;
  const toWall = (parseWall(req.to) as { wall: number }).wall;
  const count = req.count ?? 5;
  const align = req.align ?? 30;
  const part = req.halfDay === undefined ? undefined : req.halfDay.startsWith("s") ? "sang" : "chieu";
  const times = (req.times ?? []).map((text) => parseTimes(text) as readonly [number, number]);

  // The earliest start the notice allows.
  let noticeStart: number | undefined;
  let firstDayWall = fromWall;
  if (now !== undefined) {
    const today = Math.floor(clock.toWall(now) / DAY) * DAY;
    firstDayWall = Math.max(fromWall, today);
    let date = formatDate(today);
    for (let k = 0; k < (req.minNotice ?? 0); k++) date = calendar.nextWorkingDay(date);
    noticeStart = Math.max(now, clock.toInstant((parseWall(date) as { wall: number }).wall));
  }

  // The new meeting's bodies, groups and tags decide the rules it falls under.
  const bodies = req.bodies ?? (req.body === undefined ? [] : [req.body]);
  const groups = new Set(schedule.bodies.filter((b) => bodies.includes(b.id)).flatMap((b) => b.groups ?? []));
  const tags = new Set(req.tags ?? []);
  const matchesNew = (s: Selector) =>
    (s.bodies ?? []).some((b) => bodies.includes(b)) ||
    (s.groups ?? []).some((g) => groups.has(g)) ||
    (s.tags ?? []).some((t) => tags.has(t));
  const rules = compileRules(schedule)
    .map((rule) => ({ rule, bits: (matchesNew(rule.rule.between[0]) ? 1 : 0) | (matchesNew(rule.rule.between[1]) ? 2 : 0) }))
    .filter(({ bits }) => bits !== 0);
  const cadences = schedule.rules.filter(
    (r): r is Extract<typeof r, { kind: "cadence" }> => r.kind === "cadence" && r.max !== undefined && matchesNew(selectorOf(r)),
  );
  const leads = schedule.rules.filter((r): r is Extract<typeof r, { kind: "lead-time" }> => r.kind === "lead-time" && matchesNew(r.target));

  // What to expand: the window, widened by every reach a rule or buffer has, whole cadence periods, lead windows.
  const reach = Math.max(0, ...rules.map(({ rule }) => rule.gap)) + before + after + duration + 2 * DAY;
  let expandFrom = fromWall - Math.ceil(reach / DAY) * DAY;
  let expandTo = toWall + Math.ceil(reach / DAY) * DAY;
  for (const rule of leads) expandFrom = Math.min(expandFrom, fromWall - (Math.ceil(spanMs(parseDuration(rule.max)) / DAY) + 1) * DAY);
  for (const rule of cadences) {
    expandFrom = Math.min(expandFrom, periodStart(fromWall, rule.per));
    expandTo = Math.max(expandTo, nextPeriod(periodStart(toWall, rule.per), rule.per) - DAY);
  }
  expandFrom = Math.max(expandFrom, SUPPORTED_FROM);
  expandTo = Math.min(expandTo, SUPPORTED_UNTIL - DAY);
  const expanded = expandOccurrences(schedule, {
    from: formatDate(expandFrom),
    to: formatDate(expandTo),
    lang,
    adjust: dayOffAdjuster(calendar),
    clockFor,
    ...(limits === undefined ? {} : { limits }),
  });
  if (!expanded.ok) throw new ScheduleError(expanded.issues);
  // A postponed or cancelled occurrence leaves its time free.
  const occurrences = expanded.occurrences.filter(isHeld);
  const rangeStart = clock.toInstant(expandFrom);
  const rangeEnd = clock.toInstant(expandTo + DAY);

  // The attendees of each day: bodies stand for their members on that date.
  const resolver = attendeeResolver(schedule);
  const requiredOn = resolver.onDates(req.attendees?.required ?? []);
  const optionalOn = resolver.onDates(req.attendees?.optional ?? []);
  const peopleOn = (wall: number) => {
    const required = requiredOn(wall);
    const optional = optionalOn(wall).filter((p) => !required.includes(p));
    return { required, optional };
  };
  const interesting = new Set<string>();
  for (let wall = fromWall; wall <= toWall; wall += DAY) {
    const { required, optional } = peopleOn(wall);
    for (const p of required) interesting.add(p);
    for (const p of optional) interesting.add(p);
  }
  const rooms = req.room === undefined ? [] : typeof req.room === "string" ? [req.room] : req.room;
  const roomSet = new Set(rooms);

  // maxPerDay: each attendee's meetings per local day of the window (a meeting counts on every day it touches).
  const perDay = new Map<string, Map<number, number>>();
  if (req.maxPerDay !== undefined) {
    for (const o of occurrences) {
      const first = Math.max(fromWall, Math.floor(clock.toWall(o.start) / DAY) * DAY);
      const last = Math.min(toWall, Math.floor((clock.toWall(Math.max(o.start + 1, o.end)) - 1) / DAY) * DAY);
      if (first > last) continue;
      for (const p of o.attendees) {
        if (!interesting.has(p)) continue;
        let days = perDay.get(p);
        if (!days) perDay.set(p, (days = new Map()));
        for (let w = first; w <= last; w += DAY) days.set(w, (days.get(w) ?? 0) + 1);
      }
    }
  }
  const meetingsOn = (p: string, wall: number) => perDay.get(p)?.get(wall) ?? 0;
  const full = (p: string, wall: number) => req.maxPerDay !== undefined && meetingsOn(p, wall) >= req.maxPerDay;

  // Busy time as forbidden starts: [o.start − duration − after, o.end + before) meets o.
  const attendeeSeverity = levelSeverity(schedule.checks?.attendee, "error") ?? "off";
  const roomSeverity = levelSeverity(schedule.checks?.room, "error") ?? "off";
  const personBlockers = new Map<string, Blocker[]>();
  const roomBlockers = new Map<string, Blocker[]>();
  const general: Blocker[] = [];
  const push = (map: Map<string, Blocker[]>, key: string, blocker: Blocker) => {
    const list = map.get(key);
    if (list) list.push(blocker);
    else map.set(key, [blocker]);
  };
  const scopeSize = (scope: string) => (scope === "day" ? DAY : scope === "half-day" ? HALF_DAY : 0);
  for (const o of occurrences) {
    const lo = o.start - duration - after + 1;
    const hi = o.end + before;
    for (const p of o.attendees) {
      if (interesting.has(p)) push(personBlockers, p, { lo, hi, kind: "busy", severity: attendeeSeverity, subject: p, occurrence: o });
    }
    if (o.room !== undefined && roomSet.has(o.room)) {
      push(roomBlockers, o.room, { lo, hi, kind: "room", severity: roomSeverity, subject: o.room, occurrence: o });
    }
    for (const { rule, bits } of rules) {
      const other = rule.sides.get(o.meeting) ?? 0;
      if (!((bits & 1 && other & 2) || (bits & 2 && other & 1))) continue;
      const subject = rule.rule.id;
      general.push({ lo: lo - rule.gap, hi: hi + rule.gap, kind: "rule", severity: rule.severity, subject, occurrence: o });
      const size = scopeSize(rule.scope);
      if (size !== 0) {
        // Blocks meet when the new meeting starts before o's block ends and ends after it begins.
        const [c1, c2] = blockOf(o, size, clock);
        general.push({ lo: c1 - duration + 1, hi: c2, kind: "rule", severity: rule.severity, subject, occurrence: o });
      }
    }
  }
  // Cadence: a period that already has its most meetings (as checkSchedule judges: periods wholly inside the horizon).
  const members = selectorMembers(schedule);
  const horizonFrom = schedule.horizon ? parseWall(schedule.horizon.from)?.wall : undefined;
  const horizonTo = schedule.horizon ? parseWall(schedule.horizon.to)?.wall : undefined;
  for (const rule of cadences) {
    const ids = members(selectorOf(rule));
    const counts = new Map<number, number>();
    for (const o of occurrences) {
      if (!ids.has(o.meeting)) continue;
      const key = periodStart(Math.floor(o.recurrenceId / DAY) * DAY, rule.per);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (let start = periodStart(fromWall, rule.per); start <= toWall; start = nextPeriod(start, rule.per)) {
      const next = nextPeriod(start, rule.per);
      if (horizonFrom !== undefined && horizonTo !== undefined && (start < horizonFrom || next - DAY > horizonTo)) continue;
      if ((counts.get(start) ?? 0) + 1 <= (rule.max as number)) continue;
      general.push({
        lo: clock.toInstant(start),
        hi: clock.toInstant(next),
        kind: "cadence",
        severity: rule.severity ?? "error",
        subject: rule.id,
        occurrence: null,
        period: formatDate(start),
      });
    }
  }
  // Lead time: the new meeting is a target, so a `before` meeting must start min to max before it.
  const plus = (instant: number, span: Span) => clock.toInstant(clock.toWall(instant + span.ms) + span.days * DAY);
  for (const rule of leads) {
    const min = parseDuration(rule.min) as Span;
    const max = parseDuration(rule.max) as Span;
    const ids = members(rule.before);
    const allowed = unionOf(
      occurrences.filter((o) => ids.has(o.meeting)).map((o): Interval => [plus(o.start, min), plus(o.start, max) + 1]),
    );
    for (const [lo, hi] of complementOf(allowed, rangeStart, rangeEnd)) {
      general.push({ lo, hi, kind: "lead-time", severity: rule.severity ?? "error", subject: rule.id, occurrence: null });
    }
  }
  const people = new Map([...personBlockers].map(([p, list]) => [p, trackOf(list)]));
  const roomTracks = new Map(rooms.map((r) => [r, trackOf(roomBlockers.get(r) ?? [])]));
  const rulesTrack = trackOf(general);
  const personTrack = (p: string) => people.get(p) ?? NO_TRACK;
  const roomTrack = (r: string) => roomTracks.get(r) ?? NO_TRACK;

  // Step through the window, day by day, in time order.
  const alignMs = align === "half-day" ? 0 : align * MINUTE;
  const accepted: Candidate[] = [];
  const near: Candidate[] = [];
  const days: DayRecord[] = [];
  const nearest = req.prefer === "nearest";
  const quorum = req.attendees?.quorum ?? 0;
  scan: for (let wall = fromWall; wall <= toWall; wall += DAY) {
    const date = formatDate(wall);
    const { required, optional } = peopleOn(wall);
    const dayOff = calendar.dayOff(date);
    const dayStart = clock.toInstant(wall);
    const dayEnd = clock.toInstant(wall + DAY);
    if (dayOff) {
      days.push({ date, wall, kind: "day-off", dayOff: dayOff.name, parts: new Map(), required });
      continue;
    }
    if (noticeStart !== undefined && dayEnd <= noticeStart) {
      days.push({ date, wall, kind: "notice", parts: new Map(), required });
      continue;
    }
    const fullRequired = required.filter((p) => full(p, wall));
    if (fullRequired.length > 0) {
      days.push({ date, wall, kind: "max-per-day", parts: new Map(), required, full: fullRequired });
      continue;
    }
    const ranges = startRanges(calendar.periods(date), req.acrossBreaks === true, part, times, duration);
    const record: DayRecord = { date, wall, kind: ranges.length === 0 ? "outside" : "parts", parts: new Map(), required };
    days.push(record);
    const hard = unionOf([
      ...required.flatMap((p) => clipped(personTrack(p).errors, dayStart, dayEnd)),
      ...clipped(rulesTrack.errors, dayStart, dayEnd),
    ]);
    let last = Number.NEGATIVE_INFINITY;
    for (const range of ranges) {
      const lowest = wall + range.lo * MINUTE;
      const latest = Math.min(wall + range.maxStart * MINUTE, wall + range.endLimit * MINUTE - duration);
      let stats = record.parts.get(range.part);
      if (!stats) {
        stats = {
          lo: Infinity,
          hi: -Infinity,
          notice: false,
          hard: false,
          room: false,
          quorum: false,
          warning: false,
          bestFree: -1,
          total: 0,
          needed: 0,
        };
        record.parts.set(range.part, stats);
      }
      stats.lo = Math.min(stats.lo, clock.toInstant(lowest));
      stats.hi = Math.max(stats.hi, clock.toInstant(Math.max(lowest, latest)) + 1);
      const alignedFrom = (w: number) => (alignMs === 0 ? w : wall + Math.ceil((w - wall) / alignMs) * alignMs);
      let at = alignedFrom(Math.max(lowest, alignMs === 0 ? lowest : last + 1));
      if (alignMs === 0 && lowest <= last) continue;
      while (at <= latest) {
        const start = clock.toInstant(at);
        const end = start + duration;
        if (clock.toWall(end) > wall + range.endLimit * MINUTE) break;
        last = at;
        // A rejected start jumps to the next aligned start after what rejected it; with half-day alignment a range has one start.
        const jump = (instant: number) => (alignMs === 0 ? Number.POSITIVE_INFINITY : alignedFrom(Math.max(at + 1, clock.toWall(instant))));
        if (noticeStart !== undefined && start < noticeStart) {
          stats.notice = true;
          at = jump(noticeStart);
          continue;
        }
        const hit = holding(hard, start);
        if (hit) {
          stats.hard = true;
          at = jump(hit[1]);
          continue;
        }
        at = alignMs === 0 ? Number.POSITIVE_INFINITY : at + alignMs;
        let room: string | null = null;
        if (rooms.length > 0) {
          room = rooms.find((r) => !holding(roomTrack(r).errors, start)) ?? null;
          if (room === null) {
            stats.room = true;
            continue;
          }
        }
        const busy = optional.filter((p) => full(p, wall) || holding(personTrack(p).any, start) !== undefined);
        const candidate: Candidate = { start, end, room, part: range.part, day: record, optional, busy };
        const needed = Math.ceil(quorum * optional.length - 1e-9);
        const free = optional.length - busy.length;
        const warns =
          required.some((p) => holding(personTrack(p).warnings, start)) ||
          (room !== null && holding(roomTrack(room).warnings, start) !== undefined) ||
          holding(rulesTrack.warnings, start) !== undefined;
        if (free < needed || (warns && req.avoidWarnings === true)) {
          if (free < needed) {
            stats.quorum = true;
            if (free > stats.bestFree) Object.assign(stats, { bestFree: free, total: optional.length, needed });
          } else stats.warning = true;
          if (nearest || near.length < count) near.push(candidate);
          continue;
        }
        accepted.push(candidate);
        if (!nearest && accepted.length >= count) break scan;
      }
    }
  }

  const nearInstant = req.near === undefined ? undefined : clock.toInstant((parseWall(req.near) as { wall: number }).wall);
  const ranked = (list: Candidate[]) =>
    nearInstant === undefined
      ? list.slice(0, count)
      : [...list].sort((a, b) => Math.abs(a.start - nearInstant) - Math.abs(b.start - nearInstant) || a.start - b.start).slice(0, count);

  const names = new Map<string, string>();
  for (const list of [schedule.bodies, schedule.people, schedule.rooms]) for (const item of list) names.set(item.id, item.name);
  const titles = new Map<string, string>(schedule.rules.map((r) => [r.id, r.title]));
  const report = (o: Occurrence | null) => (o === null ? null : reportOccurrence(o, clockFor));
  const blockOfBlocker = (b: Blocker): SlotBlock => ({
    kind: b.kind,
    subject: b.subject,
    occurrence: report(b.occurrence),
    message: blockerText(b, lang, names, titles, schedule),
  });
  const dedupe = (list: Blocker[]) => {
    const seen = new Set<string>();
    return list.filter((b) => {
      const key = `${b.kind}\n${b.subject}\n${b.occurrence?.meeting ?? ""}\n${b.occurrence?.recurrenceId ?? b.lo}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const firstDay = now === undefined ? fromWall : firstDayWall;
  const maxPerDayBlock = (p: string, wall: number): SlotBlock => ({
    kind: "max-per-day",
    subject: p,
    occurrence: null,
    message: message(lang, "block-max-per-day", { person: names.get(p) ?? p, count: meetingsOn(p, wall), max: req.maxPerDay ?? 0 }),
  });
  const slotOf = (c: Candidate, rank: number): Slot => {
    const startWall = clock.toWall(c.start);
    const endWall = clock.toWall(c.end);
    const warnings = dedupe([
      ...c.day.required.flatMap((p) => blockersAt(personTrack(p), c.start, ["warning"])),
      ...(c.room === null ? [] : blockersAt(roomTrack(c.room), c.start, ["warning"])),
      ...blockersAt(rulesTrack, c.start, ["warning"]),
    ]).map(blockOfBlocker);
    const optionalBusy = c.busy.map((p) => {
      const blocker = blockersAt(personTrack(p), c.start, ["error", "warning", "off"])[0];
      return blocker ? blockOfBlocker(blocker) : maxPerDayBlock(p, c.day.wall);
    });
    const offBy =
      nearInstant === undefined ? undefined : c.start === nearInstant ? "" : elapsedWords(Math.abs(c.start - nearInstant), lang);
    return {
      start: formatInstant(c.start, clock.offsetAt(c.start)),
      end: formatInstant(c.end, clock.offsetAt(c.end)),
      date: c.day.date,
      halfDay: c.part,
      room: c.room,
      attendees: [...c.day.required, ...c.optional.filter((p) => !c.busy.includes(p))],
      optionalBusy,
      warnings,
      reason: message(lang, "slot-reason", {
        day: dayLabel(c.day.wall, lang, true),
        part: c.part,
        first: rank === 0,
        time: `${clockTime(Math.round((startWall - c.day.wall) / MINUTE))}–${clockTime(Math.round((endWall - c.day.wall) / MINUTE))}`,
        after: Math.max(0, Math.round((c.day.wall - firstDay) / DAY)),
        missing: c.busy.length,
        offBy,
      }),
    };
  };
  const slots = ranked(accepted).map(slotOf);
  const nearMisses = ranked(near).map(slotOf);
  if (slots.length > 0) return { slots, nearMisses };

  // Nothing fits: say what blocked each day, and each half-day of a working day.
  const whyNone: BlockedDay[] = [];
  const line = (date: string, wall: number, halfDay: HalfDay | null, blocks: SlotBlock[]) =>
    whyNone.push({
      date,
      halfDay,
      blocks,
      text: message(lang, "slot-why", {
        day: dayLabel(wall, lang, false),
        part: halfDay ?? undefined,
        blocks: blocks.map((b) => b.message),
      }),
    });
  const plain = (kind: SlotBlockKind, text: string): SlotBlock => ({ kind, subject: null, occurrence: null, message: text });
  const notice = () => plain("notice", message(lang, "block-notice", { days: req.minNotice ?? 0 }));
  for (const day of days) {
    if (day.kind === "day-off")
      line(day.date, day.wall, null, [
        plain("day-off", message(lang, "block-day-off", { name: day.dayOff as { vi: string; en: string } })),
      ]);
    else if (day.kind === "notice") line(day.date, day.wall, null, [notice()]);
    else if (day.kind === "max-per-day")
      line(
        day.date,
        day.wall,
        null,
        (day.full ?? []).map((p) => maxPerDayBlock(p, day.wall)),
      );
    else if (day.kind === "outside") line(day.date, day.wall, null, [plain("outside", message(lang, "block-outside"))]);
    else {
      for (const [halfDay, stats] of [...day.parts].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
        const blockers: Blocker[] = [];
        if (stats.hard) {
          for (const p of day.required) blockers.push(...blockersIn(personTrack(p), stats.lo, stats.hi, ["error"]));
          blockers.push(...blockersIn(rulesTrack, stats.lo, stats.hi, ["error"]));
        }
        if (stats.room) for (const r of rooms) blockers.push(...blockersIn(roomTrack(r), stats.lo, stats.hi, ["error"]));
        if (stats.warning) {
          for (const p of day.required) blockers.push(...blockersIn(personTrack(p), stats.lo, stats.hi, ["warning"]));
          blockers.push(...blockersIn(rulesTrack, stats.lo, stats.hi, ["warning"]));
        }
        const blocks = dedupe(blockers).slice(0, 5).map(blockOfBlocker);
        if (stats.quorum) {
          blocks.push(
            plain("quorum", message(lang, "block-quorum", { free: Math.max(0, stats.bestFree), total: stats.total, needed: stats.needed })),
          );
        }
        if (stats.notice) blocks.unshift(notice());
        if (blocks.length === 0) blocks.push(plain("short", message(lang, "block-short", { duration: elapsedWords(duration, lang) })));
        line(day.date, day.wall, halfDay, blocks);
      }
    }
  }
  return { slots, whyNone, nearMisses };
}

/** The ranges of starts of a working day: its periods, narrowed by the half-day and the times asked for. */
function startRanges(
  periods: readonly Period[],
  acrossBreaks: boolean,
  part: HalfDay | undefined,
  times: readonly (readonly [number, number])[],
  duration: number,
): StartRange[] {
  const last = periods[periods.length - 1];
  const ranges: StartRange[] = [];
  for (const [from, to] of periods) {
    const rangePart: HalfDay = from < 12 * 60 ? "sang" : "chieu";
    if (part !== undefined && rangePart !== part) continue;
    // Across breaks a meeting starts inside a period and ends by the day's last.
    const base: StartRange = acrossBreaks
      ? { part: rangePart, lo: from, maxStart: to - 1, endLimit: (last as Period)[1] }
      : { part: rangePart, lo: from, maxStart: to, endLimit: to };
    const windows = times.length === 0 ? [[0, 24 * 60] as const] : times;
    for (const [w0, w1] of windows) {
      const range = { ...base, lo: Math.max(base.lo, w0), endLimit: Math.min(base.endLimit, w1) };
      if (range.lo <= range.maxStart && range.lo * MINUTE + duration <= range.endLimit * MINUTE) ranges.push(range);
    }
  }
  return ranges.sort((a, b) => a.lo - b.lo || a.endLimit - b.endLimit);
}

/** "T5 07/03/2024" (with the year) or "T5 07/03". */
function dayLabel(wall: number, lang: Lang, year: boolean): string {
  const dmy = formatDmy(formatDate(wall));
  return `${WEEKDAY_NAMES[lang][weekday(wall)]} ${year ? dmy : dmy.slice(0, 5)}`;
}

function blockerText(
  b: Blocker,
  lang: Lang,
  names: ReadonlyMap<string, string>,
  titles: ReadonlyMap<string, string>,
  schedule: Schedule,
): string {
  const meeting = b.occurrence?.title ?? "";
  switch (b.kind) {
    case "busy":
      return message(lang, "block-busy", { person: names.get(b.subject) ?? b.subject, meeting });
    case "room":
      return message(lang, "block-room", { room: names.get(b.subject) ?? b.subject, meeting });
    case "rule":
      return message(lang, "block-rule", { rule: titles.get(b.subject) ?? b.subject, meeting });
    case "cadence": {
      const rule = schedule.rules.find((r) => r.id === b.subject);
      const per = rule?.kind === "cadence" ? rule.per : "month";
      const max = rule?.kind === "cadence" ? (rule.max ?? 0) : 0;
      return message(lang, "block-cadence", {
        rule: titles.get(b.subject) ?? b.subject,
        period: periodName(per, b.period ?? "", lang),
        max,
      });
    }
    case "lead-time": {
      const rule = schedule.rules.find((r) => r.id === b.subject);
      const window =
        rule?.kind === "lead-time"
          ? rangeWords(parseDuration(rule.min) as Span, parseDuration(rule.max) as Span, lang)
          : durationWords({ days: 0, ms: 0 }, lang);
      return message(lang, "block-lead-time", { rule: titles.get(b.subject) ?? b.subject, window });
    }
  }
}
