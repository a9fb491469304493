import { DAY, EPOCH_JDN, fromDayNumber, weekdayOfEpochDay } from "./date";

/**
 * Text of floating wall times (epoch ms whose UTC fields hold the local clock reading), computed
 * from the number instead of through `Date#toISOString`: reports, fingerprints and feeds write
 * hundreds of thousands of them.
 * Each function gives exactly what the `Date` form gives; values it does not cover by arithmetic
 * (fractional ms, years outside 0000–9999 that `toISOString` writes with six digits, NaN that it
 * rejects) go through `Date` itself.
 */

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years `toISOString` writes with four digits. */
const FIRST = -62_167_219_200_000;
const LAST = 253_402_300_800_000;

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

const arithmetic = (wall: number): boolean => Number.isInteger(wall) && wall >= FIRST && wall < LAST;

/** `YYYY-MM-DD` of a day counted from 1970-01-01 (proleptic Gregorian). */
function civilDate(days: number): string {
  const { year, month, day } = fromDayNumber(days + EPOCH_JDN);
  const yyyy = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${yyyy}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** `YYYY-MM-DD`, as `new Date(wall).toISOString().slice(0, 10)`. */
export function isoDate(wall: number): string {
  if (!arithmetic(wall)) return new Date(wall).toISOString().slice(0, 10);
  return civilDate(Math.floor(wall / DAY));
}

/** `YYYY-MM-DDTHH:MM:SS`, as `new Date(wall).toISOString().slice(0, 19)`. */
export function isoDateTime(wall: number): string {
  if (!arithmetic(wall)) return new Date(wall).toISOString().slice(0, 19);
  const days = Math.floor(wall / DAY);
  const seconds = Math.floor((wall - days * DAY) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${civilDate(days)}T${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${TWO_DIGITS[seconds % 60]}`;
}

/**
 * `DD/MM/YYYY`, the way Vietnamese dates are written, from `YYYY-MM-DD` or anything starting with
 * it (a date-time).
 *
 * @example
 * formatDmy("2024-03-07"); // "07/03/2024"
 */
export function formatDmy(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** The day of the week, Sunday = 0, as `new Date(wall).getUTCDay()`. */
export function weekday(wall: number): number {
  if (!arithmetic(wall)) return new Date(wall).getUTCDay();
  return weekdayOfEpochDay(Math.floor(wall / DAY));
}
