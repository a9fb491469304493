/**
 * The baselines the benchmark runs beside lichhop:
 *
 * - {@link rruleAlone}: rrule.js enumerating every rule in floating mode over the same windows
 *   lichhop expands — the floor lichhop's expansion cannot go below without its own engine.
 * - {@link straightforward}: what a user would write without lichhop — rrule with `tzid`, a luxon
 *   DateTime per occurrence, `except`/`extra`/`changes` by ISO strings, and all-pairs overlap.
 * - {@link sortFloor}: a plain numeric sort of as many interval starts — the floor for detection.
 */
import { performance } from "node:perf_hooks";
import { DateTime, Duration } from "luxon";
import { RRule } from "../test/helpers/rrule";
import { normalizeRRule } from "../src/recurrence/rrule-text";
import type { Schedule } from "../src/schema/model";

const DAY = 86_400_000;

/** Floating ms of `YYYY-MM-DD[THH:MM]`: the UTC fields hold the wall time. */
function floating(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text}:00Z`);
}

/**
 * Enumerates every recurring meeting's rule with rrule.js alone, in floating mode (DTSTART as
 * floating ms, no `tzid`), over the horizon padded as lichhop pads it. Returns the number of
 * dates produced (before `except`, `changes` and the day-off policy).
 */
export function rruleAlone(schedule: Schedule): number {
  const horizon = schedule.horizon;
  if (!horizon) throw new Error("the generated schedule has a horizon");
  const fromWall = floating(horizon.from) - 3 * DAY;
  const toWall = floating(horizon.to) + 2 * DAY;
  let count = 0;
  for (const meeting of schedule.meetings) {
    if (meeting.repeat === undefined) {
      count += 1;
      continue;
    }
    const options = RRule.parseString(normalizeRRule(meeting.repeat));
    const rule = new RRule({ ...options, dtstart: new Date(floating(meeting.start)), tzid: null }, true);
    count += rule.between(new Date(fromWall), new Date(toWall), true).length;
  }
  return count;
}

interface NaiveOccurrence {
  readonly meeting: string;
  readonly start: number;
  readonly end: number;
  readonly attendees: readonly string[];
  readonly room: string | undefined;
  /** Half-day block [start, end) in the file's zone, for rules with `scope: half-day`. */
  readonly block: readonly [number, number] | undefined;
}

/** The result of the straightforward implementation. */
export interface NaiveResult {
  readonly occurrences: number;
  /** Time spent expanding, and in the all-pairs loop (ms): the parts that grow as n and n². */
  readonly expandMs: number;
  readonly pairsMs: number;
  /** Pair conflicts: rule, attendee and room. */
  readonly conflicts: number;
}

/**
 * The straightforward implementation: rrule with `tzid`, luxon per occurrence, all pairs.
 * It applies `except`, `extra` and `changes` but not the working calendar (`onDayOff`), and
 * checks the same pair conflicts as lichhop's sweep (no-overlap rules with gap and half-day
 * scope, a person twice, a room twice). Expects `TZ=UTC` (rrule's `tzid` depends on it).
 */
export function straightforward(schedule: Schedule): NaiveResult {
  const fileZone = schedule.timezone ?? "Asia/Ho_Chi_Minh";
  const horizon = schedule.horizon;
  if (!horizon) throw new Error("the generated schedule has a horizon");
  const horizonStart = DateTime.fromISO(horizon.from, { zone: fileZone });
  const horizonEnd = DateTime.fromISO(horizon.to, { zone: fileZone }).plus({ days: 1 });
  const needBlocks = schedule.rules.some((rule) => rule.kind === "no-overlap" && rule.scope === "half-day");

  const halfDay = (start: DateTime, end: DateTime): [number, number] => {
    const s = start.setZone(fileZone);
    const e = end.setZone(fileZone);
    const first = s.startOf("day").plus({ hours: s.hour < 12 ? 0 : 12 });
    const endDay = e.startOf("day");
    const hours = e.diff(endDay, "hours").hours;
    const last = endDay.plus({ hours: Math.ceil(hours / 12) * 12 });
    return [first.toMillis(), Math.max(last.toMillis(), first.plus({ hours: 12 }).toMillis())];
  };

  const t0 = performance.now();
  const occurrences: NaiveOccurrence[] = [];
  for (const meeting of schedule.meetings) {
    const zone = meeting.timezone ?? fileZone;
    const allDay = meeting.start.length === 10;
    const first = DateTime.fromISO(meeting.start, { zone });
    const duration = meeting.duration
      ? Duration.fromISO(meeting.duration)
      : meeting.end
        ? allDay
          ? Duration.fromObject({ days: DateTime.fromISO(meeting.end, { zone }).diff(first, "days").days + 1 })
          : DateTime.fromISO(meeting.end, { zone }).diff(first)
        : Duration.fromObject({ days: 1 });
    let starts: DateTime[];
    if (meeting.repeat) {
      const rule = new RRule({
        ...RRule.parseString(normalizeRRule(meeting.repeat)),
        dtstart: new Date(Date.UTC(first.year, first.month - 1, first.day, first.hour, first.minute)),
        tzid: zone,
      });
      starts = rule
        .between(horizonStart.minus({ days: 3 }).toJSDate(), horizonEnd.plus({ days: 2 }).toJSDate(), true)
        .map((date) => DateTime.fromJSDate(date, { zone: "utc" }).setZone(zone, { keepLocalTime: true }));
    } else {
      starts = [first];
    }
    for (const extra of meeting.extra ?? []) {
      starts.push(DateTime.fromISO(extra.length === 10 ? `${extra}T${first.toFormat("HH:mm")}` : extra, { zone }));
    }
    for (const start of starts) {
      const day = start.toISODate();
      if (meeting.except?.some((text) => (text.length === 10 ? text === day : DateTime.fromISO(text, { zone }).equals(start)))) continue;
      const change = meeting.changes?.find((c) =>
        c.occurrence.length === 10 ? c.occurrence === day : DateTime.fromISO(c.occurrence, { zone }).equals(start),
      );
      if (change?.cancelled) continue;
      const realStart = change?.start ? DateTime.fromISO(change.start, { zone }) : start;
      const realEnd = change?.end
        ? DateTime.fromISO(change.end, { zone })
        : realStart.plus(change?.duration ? Duration.fromISO(change.duration) : duration);
      if (realEnd <= horizonStart || realStart >= horizonEnd) continue;
      occurrences.push({
        meeting: meeting.id,
        start: realStart.toMillis(),
        end: realEnd.toMillis(),
        attendees: change?.attendees ?? meeting.attendees ?? [],
        room: change?.room ?? meeting.room,
        block: needBlocks ? halfDay(realStart, realEnd) : undefined,
      });
    }
  }

  // The rules' sides per meeting, as a user would precompute them.
  const groupsOf = new Map(schedule.bodies.map((body) => [body.id, body.groups ?? []]));
  const rules = schedule.rules.flatMap((rule) => {
    if (rule.kind !== "no-overlap") return [];
    const side = (index: 0 | 1) =>
      new Set(
        schedule.meetings
          .filter((meeting) => {
            const selector = rule.between[index];
            const bodies = meeting.bodies ?? (meeting.body ? [meeting.body] : []);
            return (
              selector.meetings?.includes(meeting.id) ||
              meeting.tags?.some((tag) => selector.tags?.includes(tag)) ||
              bodies.some((body) => selector.bodies?.includes(body)) ||
              bodies.some((body) => groupsOf.get(body)?.some((group) => selector.groups?.includes(group)))
            );
          })
          .map((meeting) => meeting.id),
      );
    const gap = rule.minGap ? Duration.fromISO(rule.minGap).toMillis() : 0;
    return [{ a: side(0), b: side(1), gap, halfDay: rule.scope === "half-day" }];
  });

  const t1 = performance.now();
  let conflicts = 0;
  for (let i = 0; i < occurrences.length; i++) {
    const x = occurrences[i] as NaiveOccurrence;
    for (let j = i + 1; j < occurrences.length; j++) {
      const y = occurrences[j] as NaiveOccurrence;
      const overlap = x.start < y.end && y.start < x.end;
      if (overlap) {
        if (x.attendees.some((person) => y.attendees.includes(person))) conflicts++;
        if (x.room !== undefined && x.room === y.room) conflicts++;
      }
      for (const rule of rules) {
        const paired = (rule.a.has(x.meeting) && rule.b.has(y.meeting)) || (rule.b.has(x.meeting) && rule.a.has(y.meeting));
        if (!paired) continue;
        let clash = x.start < y.end + rule.gap && y.start < x.end + rule.gap;
        if (!clash && rule.halfDay && x.block && y.block) clash = x.block[0] < y.block[1] && y.block[0] < x.block[1];
        if (clash) conflicts++;
      }
    }
  }
  return { occurrences: occurrences.length, conflicts, expandMs: t1 - t0, pairsMs: performance.now() - t1 };
}

/** A plain numeric sort of `starts` (copied first): the floor of any sort-and-sweep. */
export function sortFloor(starts: Float64Array): number {
  const copy = starts.slice();
  copy.sort();
  return copy[0] ?? 0;
}
