import { DAY } from "../../time/wall";
import type { ZoneClock } from "../../time/zone";
import { icalDate, icalLocal, icalUtc } from "../text";
import { formatDmy } from "../../time/wall-text";

const MINUTE = 60_000;

/** True when a wall time names exactly one instant in the zone (not in a DST gap or overlap). */
export function isExactWall(clock: ZoneClock, instant: number): boolean {
  const wall = clock.toWall(instant);
  for (const probe of [instant - DAY, instant + DAY]) {
    const other = wall - clock.offsetAt(probe) * MINUTE;
    if (other !== instant && clock.toWall(other) === wall) return false;
  }
  return clock.toInstant(wall) === instant;
}

/** The latest instant a wall time may be read as (a DST overlap's second reading). */
export function latestInstant(clock: ZoneClock, wall: number): number {
  let latest = clock.toInstant(wall);
  for (const probe of [wall - DAY, wall + DAY]) {
    const candidate = wall - clock.offsetAt(probe) * MINUTE;
    if (clock.toWall(candidate) === wall) latest = Math.max(latest, candidate);
  }
  return latest;
}

export function dateTimeProp(name: string, instant: number, allDay: boolean, clock: ZoneClock): string {
  if (allDay) return `${name};VALUE=DATE:${icalDate(clock.toWall(instant))}`;
  // A wall time in a DST gap or overlap is ambiguous to clients: give the instant in UTC.
  if (!isExactWall(clock, instant)) return `${name}:${icalUtc(instant)}`;
  return `${name};TZID=${clock.zone}:${icalLocal(clock.toWall(instant))}`;
}

export function wallList(name: string, walls: readonly number[], allDay: boolean, zone: string): string {
  return allDay ? `${name};VALUE=DATE:${walls.map(icalDate).join(",")}` : `${name};TZID=${zone}:${walls.map(icalLocal).join(",")}`;
}

function dayLabel(wall: number): string {
  return formatDmy(new Date(wall).toISOString());
}

export function wallLabel(wall: number, allDay: boolean): string {
  return allDay ? dayLabel(wall) : `${dayLabel(wall)} ${new Date(wall).toISOString().slice(11, 16)}`;
}
