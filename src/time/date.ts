// Civil-date arithmetic on the proleptic Gregorian calendar, shared by time/, recurrence/ and
// calendar/: day numbers, months, weekdays and the units of time. One weekday convention for the
// whole library: 0 = Sunday … 6 = Saturday, as `Date#getUTCDay` counts.

/** Milliseconds in a minute, an hour and a day. */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The Julian Day Number of 1970-01-01: epoch days count from it. */
export const EPOCH_JDN = 2_440_588;

/** A Gregorian calendar date as numbers (month 1–12). */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
export function epochDay(year: number, month: number, day: number): number {
  return dayNumber(year, month, day) - EPOCH_JDN;
}

export function formatYmd({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isoFromDayNumber(jdn: number): string {
  return formatYmd(fromDayNumber(jdn));
}

/** Day of the week of a Julian Day Number: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(jdn: number): number {
  return (((jdn + 1) % 7) + 7) % 7;
}

/** Day of the week of an epoch day (days since 1970-01-01): 0 = Sunday … 6 = Saturday. */
export function weekdayOfEpochDay(day: number): number {
  return weekdayOf(day + EPOCH_JDN);
}

/** The ISO 8601 week (Monday first; week 1 holds the year's first Thursday) of a local date. */
export function isoWeek(date: string): { readonly year: number; readonly week: number } {
  const jdn = dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const mondayBased = (weekdayOf(jdn) + 6) % 7;
  const thursday = jdn - mondayBased + 3;
  const year = fromDayNumber(thursday).year;
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}
