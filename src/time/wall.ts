import { FIRST_YEAR, LAST_YEAR } from "../limits";
import { isoDate, isoDateTime } from "./wall-text";

import { DAY, HOUR, MINUTE } from "./date";

export { DAY, HOUR, MINUTE };

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A local date or date-time read from the schedule file. */
export interface WallTime {
  /** Floating epoch ms: the UTC fields hold the local clock reading. */
  readonly wall: number;
  /** True for a date without a time (an all-day value). */
  readonly dateOnly: boolean;
}

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` as a floating wall time; `undefined` when the
 * text is not such a value or names a day or time that does not exist (2024-02-30, 24:00).
 *
 * @example
 * parseWall("2024-03-07T08:00"); // { wall: Date.UTC(2024, 2, 7, 8), dateOnly: false }
 */
export function parseWall(text: string): WallTime | undefined {
  const m = WALL.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  // setUTCFullYear, since Date.UTC reads years 0–99 as 1900–1999.
  const check = new Date(Date.UTC(2000, (mo as number) - 1, d as number, h, mi, s));
  check.setUTCFullYear(y as number);
  const wall = check.getTime();
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== (mo as number) - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi
  ) {
    return undefined;
  }
  return { wall, dateOnly: m[4] === undefined };
}

/** True when a wall time lies within the years schedules may use ({@link FIRST_YEAR}–{@link LAST_YEAR}). */
export function isSupportedWall(wall: number): boolean {
  return wall >= SUPPORTED_FROM && wall < SUPPORTED_UNTIL;
}

/** The first supported wall time, and the first after the supported years. */
export const SUPPORTED_FROM = Date.UTC(FIRST_YEAR, 0, 1);
export const SUPPORTED_UNTIL = Date.UTC(LAST_YEAR + 1, 0, 1);

/** The start of the local day of a floating wall time. */
export function startOfDay(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` of a floating wall time. */
export function formatDate(wall: number): string {
  return isoDate(wall);
}

/** `YYYY-MM-DDTHH:MM` (with `:SS` when not zero) of a floating wall time. */
export function formatWall(wall: number): string {
  const iso = isoDateTime(wall);
  return iso.endsWith(":00") ? iso.slice(0, 16) : iso;
}

/** `+07:00` for an offset of 420 minutes. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** ISO 8601 with the offset, e.g. `2024-03-07T08:00:00+07:00`. */
export function formatInstant(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * MINUTE).toISOString().slice(0, 19) + formatOffset(offsetMinutes);
}

/** A duration split as RFC 5545 counts it: calendar days, then elapsed milliseconds. */
export interface Span {
  readonly days: number;
  readonly ms: number;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Reads an ISO 8601 duration of weeks, days, hours, minutes and seconds; `undefined` otherwise.
 *
 * @example
 * parseDuration("P1DT2H"); // { days: 1, ms: 7_200_000 }
 */
export function parseDuration(text: string): Span | undefined {
  const m = DURATION.exec(text);
  if (!m || text === "P" || text.endsWith("T")) return undefined;
  const [w = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
  return { days: w * 7 + d, ms: h * HOUR + mi * MINUTE + s * 1000 };
}

/** The ISO 8601 text of a {@link Span}, e.g. `P1DT2H`; `PT0S` for nothing. */
export function formatDuration(span: Span): string {
  let time = "";
  let rest = span.ms;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const mi = Math.floor(rest / MINUTE);
  rest -= mi * MINUTE;
  const s = Math.floor(rest / 1000);
  if (h) time += `${h}H`;
  if (mi) time += `${mi}M`;
  if (s) time += `${s}S`;
  const days = span.days ? `${span.days}D` : "";
  if (!days && !time) return "PT0S";
  return `P${days}${time ? `T${time}` : ""}`;
}

/** The end instant of an occurrence: calendar days on the wall clock, then elapsed time. */
export function addSpan(wallStart: number, span: Span, toInstant: (wall: number) => number): number {
  return toInstant(wallStart + span.days * DAY) + span.ms;
}
