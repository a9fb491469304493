import { CalendarError } from "./errors";
import { dayNumberOfIso, MAX_YEAR, MIN_YEAR } from "./internal/date";
import { dayNumber, isoFromDayNumber } from "../time/date";

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch). `year` is the lunar year, numbered like
 * the Gregorian year in which it begins (Tết); `leap` marks a leap month (tháng nhuận), which
 * repeats the number of the month before it.
 *
 * @example
 * ```ts
 * const hungKings2024: LunarDate = { day: 10, month: 3, year: 2024, leap: false };
 * ```
 */
export interface LunarDate {
  /** Day of the lunar month, 1–30. */
  readonly day: number;
  /** Lunar month, 1–12. */
  readonly month: number;
  /** Lunar year (the Gregorian year in which its 1st day of month 1 falls). */
  readonly year: number;
  /** `true` for a leap month. */
  readonly leap: boolean;
}

/**
 * The calendar's time zone in hours east of UTC. Vietnam computes its lunar calendar at UTC+7
 * (since 1968; before that the North used UTC+8, which you can pass to reproduce old almanacs).
 */
const VIETNAM_TIME_ZONE = 7;

// The algorithm below is Hồ Ngọc Đức's "Âm lịch Việt Nam" (new moons by Jean Meeus'
// "Astronomical Algorithms", sun longitude, month 11 holds the winter solstice, a leap month is
// the first month of a 13-month year without a major solar term). Its constants are kept as
// published so results match the calendars printed in Vietnam.

const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695; // the new moon of 1900-01-01 in Julian days

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, in [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.00029 * Math.sin(dr * 3 * m);
  const l = (l0 + dl) * dr;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** Index 0–11 of the 30° sector the sun is in at the start of local day `dayNo`. */
function sunSector(dayNo: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNo - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Local day number on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Day number on which lunar month 11 (the month of the winter solstice) of Gregorian `year` begins. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = dayNumber(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset, in months after month 11 starting at `a11`, of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function checkTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || timeZone < -12 || timeZone > 14) {
    throw new CalendarError("out-of-range", `Invalid time zone: expected hours east of UTC between -12 and 14, got ${timeZone}`);
  }
}

function lunarFromDayNumber(dayNo: number, timeZone: number): LunarDate {
  // The published code tries new moons k+1 then k; mean and true new moons can differ by more
  // than the slack this leaves (e.g. around 2062-04), so keep stepping back until one precedes.
  let k = Math.floor((dayNo - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k, timeZone);
  while (monthStart > dayNo) {
    k -= 1;
    monthStart = newMoonDay(k, timeZone);
  }
  const gregorianYear = isoFromDayNumber(dayNo).slice(0, 4);
  const yy = Number(gregorianYear);
  let a11 = lunarMonth11(yy, timeZone);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1, timeZone);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1, timeZone);
  }
  const day = dayNo - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * Converts a Gregorian date to the Vietnamese lunar calendar.
 *
 * @param date - Gregorian date `YYYY-MM-DD`, 1900-01-01 to 2100-12-31.
 * @param timeZone - Hours east of UTC at which new moons and solar terms are dated; Vietnam uses 7
 *   (the default). China uses 8, which gives different dates in some years (e.g. Tết 1985, 2007, 2030).
 * @throws {@link CalendarError} `invalid-date` or `out-of-range`.
 *
 * @example
 * ```ts
 * toLunar("2024-04-18"); // { day: 10, month: 3, year: 2024, leap: false } (Giỗ Tổ Hùng Vương)
 * toLunar("2030-02-02"); // { day: 1, month: 1, year: 2030, leap: false } (Tết; in China it is 3 Feb)
 * ```
 */
export function toLunar(date: string, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  checkTimeZone(timeZone);
  return lunarFromDayNumber(dayNumberOfIso(date), timeZone);
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date `YYYY-MM-DD`.
 *
 * @param day - Day of the lunar month, 1–30 (a month has 29 or 30 days).
 * @param month - Lunar month, 1–12.
 * @param year - Lunar year; the result must fall within 1900-01-01 to 2100-12-31.
 * @param leap - `true` for the leap month of that number; it must exist in that year.
 * @param timeZone - Hours east of UTC of the calendar, 7 for Vietnam (the default).
 * @throws {@link CalendarError} `no-such-lunar-date` for a date that does not exist (a leap month the
 *   year does not have, day 30 of a 29-day month), `out-of-range` outside the supported range.
 *
 * @example
 * ```ts
 * fromLunar(1, 1, 2030);        // "2030-02-02" (Tết Canh Tuất)
 * fromLunar(10, 3, 2026);       // "2026-04-26" (Giỗ Tổ Hùng Vương)
 * fromLunar(1, 2, 2023, true);  // "2023-03-22" (the leap 2nd month of 2023)
 * fromLunar(1, 5, 2024, true);  // throws CalendarError: no leap 5th month in 2024
 * ```
 */
export function fromLunar(day: number, month: number, year: number, leap = false, timeZone: number = VIETNAM_TIME_ZONE): string {
  checkTimeZone(timeZone);
  const what = `lunar date ${day}/${month}${leap ? " (leap)" : ""}/${year}`;
  if (!Number.isInteger(year) || year < MIN_YEAR - 1 || year > MAX_YEAR) {
    throw new CalendarError("out-of-range", `Date out of range: ${what} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new CalendarError("no-such-lunar-date", `No such ${what}: expected day 1–30 and month 1–12`);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    // The month at offset leapOff repeats the number of the month before it (offset 0 is month 11).
    const leapMonth = ((leapOff + 9) % 12) + 1;
    if (leap && month !== leapMonth) {
      throw new CalendarError("no-such-lunar-date", `No such ${what}: the leap month of that year is month ${leapMonth}`);
    }
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new CalendarError("no-such-lunar-date", `No such ${what}: that lunar year has no leap month`);
  }
  const monthStart = newMoonDay(k + off, timeZone);
  const monthLength = newMoonDay(k + off + 1, timeZone) - monthStart;
  if (day > monthLength) {
    throw new CalendarError("no-such-lunar-date", `No such ${what}: that month has ${monthLength} days`);
  }
  const result = isoFromDayNumber(monthStart + day - 1);
  const resultYear = Number(result.slice(0, 4));
  if (resultYear < MIN_YEAR || resultYear > MAX_YEAR) {
    throw new CalendarError("out-of-range", `Date out of range: ${what} is ${result}, outside ${MIN_YEAR}-01-01–${MAX_YEAR}-12-31`);
  }
  // Guard against the algorithm's edge cases (leap month 11 or 12): the answer must convert back.
  const back = lunarFromDayNumber(monthStart + day - 1, timeZone);
  if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    throw new CalendarError("no-such-lunar-date", `No such ${what}`);
  }
  return result;
}

const STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"] as const;
const BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"] as const;

/**
 * The Vietnamese sexagenary (can chi) name of a lunar year: heavenly stem + earthly branch.
 * Vietnamese names differ from Chinese ones in places (Mão = Cat for 卯, Sửu = Buffalo).
 *
 * @param year - A lunar year (any integer).
 *
 * @example
 * ```ts
 * canChi(2024); // "Giáp Thìn"
 * canChi(2026); // "Bính Ngọ"
 * ```
 */
export function canChi(year: number): string {
  if (!Number.isInteger(year)) {
    throw new CalendarError("out-of-range", `Invalid lunar year: expected an integer, got ${year}`);
  }
  const stem = STEMS[(((year + 6) % 10) + 10) % 10];
  const branch = BRANCHES[(((year + 8) % 12) + 12) % 12];
  return `${stem} ${branch}`;
}

/**
 * Writes a lunar date the way Vietnamese calendars do, or in English.
 *
 * @param lunar - The lunar date (as returned by {@link toLunar}).
 * @param lang - `"vi"` (the default) or `"en"`.
 *
 * @example
 * ```ts
 * formatLunar({ day: 10, month: 3, year: 2024, leap: false });       // "ngày 10 tháng 3 năm Giáp Thìn"
 * formatLunar({ day: 1, month: 2, year: 2023, leap: true });         // "ngày 1 tháng 2 nhuận năm Quý Mão"
 * formatLunar({ day: 10, month: 3, year: 2024, leap: false }, "en"); // "day 10 of month 3, year Giáp Thìn (lunar)"
 * ```
 */
export function formatLunar(lunar: LunarDate, lang: "vi" | "en" = "vi"): string {
  const yearName = canChi(lunar.year);
  if (lang === "en") {
    return `day ${lunar.day} of ${lunar.leap ? "leap " : ""}month ${lunar.month}, year ${yearName} (lunar)`;
  }
  return `ngày ${lunar.day} tháng ${lunar.month}${lunar.leap ? " nhuận" : ""} năm ${yearName}`;
}
