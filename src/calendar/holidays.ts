import { DECISIONS, decisionsFor } from "./decisions";
import type { Decision, LocalizedText, Occasion } from "./decisions";
import { checkYear, dayNumberOfIso } from "./internal/date";
import { dayNumber, isoFromDayNumber, weekdayOf } from "../time/date";
import { fromLunar } from "./lunar";

/**
 * Why a day is off: a statutory holiday (Labour Code 2019 Art. 112), a `substitute` day for a
 * holiday on a weekly rest day (Art. 111(3)), a day of a government `decision` for public
 * servants, or a `custom` day off from the schedule file.
 *
 * @example
 * ```ts
 * const kind: DayOffKind = "substitute";
 * ```
 */
export type DayOffKind = "holiday" | "substitute" | "decision" | "custom";

/**
 * One day off.
 *
 * @example
 * ```ts
 * const hungKings: DayOff = {
 *   date: "2024-04-18",
 *   name: { vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month)" },
 *   kind: "holiday",
 *   source: "Bộ luật Lao động 2019, Điều 112",
 *   occasion: "hung-kings",
 * };
 * ```
 */
export interface DayOff {
  /** The date, `YYYY-MM-DD`. */
  readonly date: string;
  /** What the day is, in Vietnamese and English. */
  readonly name: LocalizedText;
  readonly kind: DayOffKind;
  /** The law article, the decision or `"schedule file"`. */
  readonly source: string;
  /** For a decision's day: what the decision arranges, in words. */
  readonly note?: LocalizedText;
  /**
   * `true` when the day comes from a default rule rather than a published decision: Tết days
   * without a decision, the second National Day day, and substitutes for such days.
   */
  readonly default?: boolean;
  /** The statutory occasion it belongs to (absent for custom days). */
  readonly occasion?: Occasion;
}

/**
 * A Saturday (or other rest day) made a working day by a decision, to pay back a swapped weekday.
 *
 * @example
 * ```ts
 * const makeUp: MakeUpDay = { date: "2024-05-04", name: { vi: "Làm bù (Nghỉ lễ 30/4 – 1/5)", en: "Make-up working day (30 April – 1 May break)" }, source: "Công văn 2450/VPCP-KGVX (12/4/2024)" };
 * ```
 */
export interface MakeUpDay {
  readonly date: string;
  readonly name: LocalizedText;
  /** The decision that makes it a working day. */
  readonly source: string;
  /** What the decision arranges, in words. */
  readonly note?: LocalizedText;
}

const ARTICLE_112 = "Bộ luật Lao động 2019, Điều 112";
const ARTICLE_111 = "Bộ luật Lao động 2019, Điều 111(3)";

const NAMES = {
  newYear: { vi: "Tết Dương lịch", en: "New Year's Day" },
  tetEve: { vi: "Tết Nguyên đán (ngày cuối năm âm lịch)", en: "Lunar New Year (last day of the lunar year)" },
  hungKings: { vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month)" },
  reunification: { vi: "Ngày Chiến thắng (30/4)", en: "Reunification Day (30 April)" },
  labourDay: { vi: "Ngày Quốc tế Lao động (1/5)", en: "International Labour Day (1 May)" },
  nationalDay: { vi: "Quốc khánh (2/9)", en: "National Day (2 September)" },
  nationalDayExtra: { vi: "Quốc khánh (ngày liền kề)", en: "National Day (adjacent day)" },
} as const satisfies Record<string, LocalizedText>;

const isWeekend = (jdn: number): boolean => {
  const weekday = weekdayOf(jdn);
  return weekday === 0 || weekday === 6;
};

/**
 * The default second day of National Day (Art. 112 allows 1 or 3 September; the Prime Minister
 * picks it each year). Rule: **3 September when 2 September is a Sunday, Monday or Thursday,
 * otherwise 1 September** — the neighbouring weekday that joins the break to a weekend, and
 * 1 September when neither does (Wednesday). It agrees with the decided days of 2024 (3 Sep),
 * 2025 (1 Sep) and 2026 (1 Sep, Thông báo 9441/TB-BNV).
 *
 * @param year - Gregorian year, 1900–2100.
 * @returns The date `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * defaultNationalDayExtra(2024); // "2024-09-03" (2/9 is a Monday)
 * defaultNationalDayExtra(2025); // "2025-09-01" (2/9 is a Tuesday)
 * ```
 */
export function defaultNationalDayExtra(year: number): string {
  checkYear(year);
  const second = dayNumber(year, 9, 2);
  const weekday = weekdayOf(second);
  const after = weekday === 0 || weekday === 1 || weekday === 4;
  return isoFromDayNumber(after ? second + 1 : second - 1);
}

/**
 * The public holidays of Labour Code 2019 Art. 112 for one year, by the law alone (no
 * government decision, no substitute days): 1 January; Tết — the last day of the lunar year
 * and days 1–4 of the 1st lunar month (marked `default`, since the Prime Minister fixes the
 * actual days); Hùng Kings on 10/3 lunar; 30 April; 1 May; 2 September and its adjacent day
 * (see {@link defaultNationalDayExtra}, marked `default`). Sorted by date.
 *
 * The current law is applied to every year 1900–2100; historical holidays differed.
 *
 * @param year - Gregorian year, 1900–2100.
 *
 * @example
 * ```ts
 * statutoryHolidays(2030).map((h) => h.date);
 * // ["2030-01-01", "2030-02-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05",
 * //  "2030-04-12", "2030-04-30", "2030-05-01", "2030-09-02", "2030-09-03"]
 * ```
 */
export function statutoryHolidays(year: number): DayOff[] {
  checkYear(year);
  const holiday = (date: string, name: LocalizedText, occasion: Occasion, isDefault = false): DayOff =>
    isDefault
      ? { date, name, kind: "holiday", source: ARTICLE_112, default: true, occasion }
      : { date, name, kind: "holiday", source: ARTICLE_112, occasion };
  const tet = dayNumberOfIso(fromLunar(1, 1, year));
  const days: DayOff[] = [
    holiday(`${year}-01-01`, NAMES.newYear, "new-year"),
    holiday(isoFromDayNumber(tet - 1), NAMES.tetEve, "tet", true),
  ];
  for (let i = 0; i < 4; i++) {
    const name = { vi: `Tết Nguyên đán (mùng ${i + 1})`, en: `Lunar New Year (day ${i + 1})` };
    days.push(holiday(isoFromDayNumber(tet + i), name, "tet", true));
  }
  days.push(
    holiday(fromLunar(10, 3, year), NAMES.hungKings, "hung-kings"),
    holiday(`${year}-04-30`, NAMES.reunification, "reunification"),
    holiday(`${year}-05-01`, NAMES.labourDay, "labour-day"),
    holiday(`${year}-09-02`, NAMES.nationalDay, "national-day"),
    holiday(defaultNationalDayExtra(year), NAMES.nationalDayExtra, "national-day", true),
  );
  return days.sort(byDate);
}

/**
 * Every day off of a year for public servants in Vietnam (Saturday and Sunday are their weekly
 * rest days), sorted by date, plain weekends left out:
 *
 * - the government decisions of that year ({@link DECISIONS}) replace the default days of the
 *   occasions they cover; every day of a published break is listed, as `decision`, named after
 *   the statutory day it is when it is one;
 * - the remaining statutory days (Art. 112) are listed as `holiday`;
 * - a statutory day on a Saturday or Sunday, or on another holiday, is taken on the next
 *   Monday–Friday that is not already off (Art. 111(3)), listed as `substitute`.
 *
 * @param year - Gregorian year, 1900–2100.
 * @param decisions - The decisions table; {@link DECISIONS} by default (pass `[]` for the law alone).
 *
 * @example
 * ```ts
 * vietnamDaysOff(2026).find((d) => d.date === "2026-04-27");
 * // { date: "2026-04-27", kind: "substitute", name: { vi: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", ... }, ... }
 * vietnamDaysOff(2024).filter((d) => d.occasion === "tet").map((d) => d.date);
 * // ["2024-02-08", ..., "2024-02-14"]
 * ```
 */
export function vietnamDaysOff(year: number, decisions: readonly Decision[] = DECISIONS): DayOff[] {
  const statutory = statutoryHolidays(year);
  const yearDecisions = decisionsFor(year, decisions);
  const replaced = new Set<Occasion>(yearDecisions.flatMap((decision) => decision.replaces));
  const byDay = new Map<string, DayOff>();

  for (const decision of yearDecisions) {
    const last = dayNumberOfIso(decision.daysOff.to);
    for (let jdn = dayNumberOfIso(decision.daysOff.from); jdn <= last; jdn++) {
      const date = isoFromDayNumber(jdn);
      if (byDay.has(date)) continue;
      const own = statutory.find((day) => day.date === date);
      const occasion = own?.occasion ?? decision.replaces[0];
      const entry: DayOff = { date, name: own?.name ?? decision.name, kind: "decision", source: decision.source, note: decision.note };
      byDay.set(date, occasion === undefined ? entry : { ...entry, occasion });
    }
  }

  // Holidays in date order; a second holiday on the same date needs a substitute like a weekend one.
  const needSubstitute: DayOff[] = [];
  for (const day of statutory) {
    if (day.occasion !== undefined && replaced.has(day.occasion)) continue;
    const jdn = dayNumberOfIso(day.date);
    if (byDay.has(day.date)) {
      if (byDay.get(day.date)?.kind === "holiday") needSubstitute.push(day);
      continue;
    }
    byDay.set(day.date, day);
    if (isWeekend(jdn)) needSubstitute.push(day);
  }

  for (const day of needSubstitute) {
    let jdn = dayNumberOfIso(day.date) + 1;
    while (isWeekend(jdn) || byDay.has(isoFromDayNumber(jdn))) jdn++;
    const date = isoFromDayNumber(jdn);
    const name = { vi: `Nghỉ bù ${day.name.vi}`, en: `${day.name.en} (substitute day)` };
    const entry: DayOff = { date, name, kind: "substitute", source: ARTICLE_111, ...(day.occasion ? { occasion: day.occasion } : {}) };
    byDay.set(date, day.default ? { ...entry, default: true } : entry);
  }

  return [...byDay.values()].filter((day) => day.date.startsWith(`${year}-`)).sort(byDate);
}

/**
 * The make-up working days (usually Saturdays) decided for a year, sorted by date.
 *
 * @param year - Gregorian year, 1900–2100.
 * @param decisions - The decisions table; {@link DECISIONS} by default.
 *
 * @example
 * ```ts
 * vietnamMakeUpDays(2024).map((d) => d.date); // ["2024-05-04"]
 * vietnamMakeUpDays(2030); // []
 * ```
 */
export function vietnamMakeUpDays(year: number, decisions: readonly Decision[] = DECISIONS): MakeUpDay[] {
  checkYear(year);
  return decisionsFor(year, decisions)
    .flatMap((decision) =>
      decision.workingDays.map((date) => ({
        date,
        name: { vi: `Làm bù (${decision.name.vi})`, en: `Make-up working day (${decision.name.en})` },
        source: decision.source,
        note: decision.note,
      })),
    )
    .sort(byDate);
}

function byDate(a: { readonly date: string }, b: { readonly date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
