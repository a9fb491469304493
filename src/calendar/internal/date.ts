import { FIRST_YEAR, LAST_YEAR } from "../../limits";
import { dayNumber, isIsoDate, isoFromDayNumber, type Ymd } from "../../time/date";
import { CalendarError } from "../errors";

/** First and last Gregorian years the calendar module supports (inclusive): those of schedules. */
export const MIN_YEAR = FIRST_YEAR;
export const MAX_YEAR = LAST_YEAR;

/** `true` when `text` is a real `YYYY-MM-DD` date within 1900–2100. */
export function isSupportedIsoDate(text: string): boolean {
  if (!isIsoDate(text)) return false;
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Parses `YYYY-MM-DD`; throws a {@link CalendarError} for anything else or a year outside 1900–2100. */
export function parseIsoDate(text: string): Ymd {
  if (typeof text !== "string" || !isIsoDate(text)) {
    throw new CalendarError("invalid-date", `Invalid date: expected a real date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  const ymd = { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
  checkYear(ymd.year, text);
  return ymd;
}

export function checkYear(year: number, what: string | number = year): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError("out-of-range", `Date out of range: ${what} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/** Day number of a `YYYY-MM-DD` string, validated (1900–2100). */
export function dayNumberOfIso(text: string): number {
  const { year, month, day } = parseIsoDate(text);
  return dayNumber(year, month, day);
}

/** `date` shifted by `days` (no range check). */
export function addDays(date: string, days: number): string {
  return isoFromDayNumber(dayNumberOfIso(date) + days);
}
