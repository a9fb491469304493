import { badArgument } from "../internal/args";
import { FIRST_YEAR, LAST_YEAR } from "../limits";
import { zoneClock } from "../time/zone";
import { icalLocal, icalOffset } from "./text";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Supplies the VTIMEZONE component (`BEGIN:VTIMEZONE` … `END:VTIMEZONE`) of a zone, or nothing. */
export type VtimezoneSource = (zone: string) => string | null | undefined;

interface Transition {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

function transitions(zone: string, start: number, end: number): { base: number; list: Transition[] } {
  const clock = zoneClock(zone);
  const base = clock.offsetAt(start);
  const list: Transition[] = [];
  let previous = base;
  let previousTime = start;
  for (let t = start + DAY; previousTime < end; t += DAY) {
    const sample = Math.min(t, end);
    const offset = clock.offsetAt(sample);
    if (offset !== previous) {
      let lo = previousTime;
      let hi = sample;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (clock.offsetAt(mid) === previous) lo = mid;
        else hi = mid;
      }
      list.push({ at: hi, from: previous, to: offset });
      previous = offset;
    }
    previousTime = sample;
  }
  return { base, list };
}

/**
 * A VTIMEZONE for an IANA zone built from the runtime's own time-zone data (the same data the
 * expansion uses), covering the years `fromYear`…`toYear`: the offset in force on 1 January of
 * `fromYear`, then one STANDARD or DAYLIGHT sub-component per transition.
 * Pure and browser-safe; the lines are joined with CRLF, unfolded.
 *
 * @example
 * generateVtimezone("Asia/Ho_Chi_Minh", 2023, 2025);
 * // BEGIN:VTIMEZONE / TZID:Asia/Ho_Chi_Minh / BEGIN:STANDARD / DTSTART:20230101T000000 / …
 */
export function generateVtimezone(zone: string, fromYear: number, toYear: number): string {
  // The years bound the walk below (a sample a day): the supported years, one on each side.
  for (const [name, year] of [
    ["fromYear", fromYear],
    ["toYear", toYear],
  ] as const) {
    if (!Number.isInteger(year) || year < FIRST_YEAR - 1 || year > LAST_YEAR + 1) {
      badArgument(`generateVtimezone: ${name}`, `a year from ${FIRST_YEAR - 1} to ${LAST_YEAR + 1}`, year);
    }
  }
  if (toYear < fromYear) badArgument("generateVtimezone: toYear", `a year not before fromYear (${fromYear})`, toYear);
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const { base, list } = transitions(zone, start, end);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const baseWall = start + base * MINUTE;
  lines.push(
    "BEGIN:STANDARD",
    `DTSTART:${icalLocal(baseWall - (baseWall % DAY))}`,
    `TZOFFSETFROM:${icalOffset(base)}`,
    `TZOFFSETTO:${icalOffset(base)}`,
    "END:STANDARD",
  );
  // One sub-component per onset: ical.js reads only the first value of an RDATE and ignores the
  // DTSTART of a sub-component that has one, so explicit onsets are what every parser reads alike.
  for (const t of list) {
    const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // The onset is the local time just before the change, read with TZOFFSETFROM.
      `DTSTART:${icalLocal(t.at + t.from * MINUTE)}`,
      `TZOFFSETFROM:${icalOffset(t.from)}`,
      `TZOFFSETTO:${icalOffset(t.to)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
