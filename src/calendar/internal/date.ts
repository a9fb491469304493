import { CalendarError } from "../errors";

/** First and last Gregorian dates the calendar module supports (inclusive). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A Gregorian calendar date as numbers (month 1–12). */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `true` when `text` is a real Gregorian date written `YYYY-MM-DD` (any year). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

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

/** Julian Day Number of a proleptic Gregorian date (an integer; 2000-01-01 is 2451545). */
export function dayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** Inverse of {@link dayNumber}. */
export function fromDayNumber(jdn: number): Ymd {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

export function formatYmd({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isoFromDayNumber(jdn: number): string {
  return formatYmd(fromDayNumber(jdn));
}

/** Day number of a `YYYY-MM-DD` string, validated (1900–2100). */
export function dayNumberOfIso(text: string): number {
  const { year, month, day } = parseIsoDate(text);
  return dayNumber(year, month, day);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(jdn: number): number {
  return (jdn + 1) % 7;
}

/** `date` shifted by `days` (no range check). */
export function addDays(date: string, days: number): string {
  return isoFromDayNumber(dayNumberOfIso(date) + days);
}
