/**
 * A name in Vietnamese and English.
 *
 * @example
 * ```ts
 * const name: LocalizedText = { vi: "Quốc khánh", en: "National Day" };
 * ```
 */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/**
 * The statutory occasions of Labour Code 2019 Art. 112; a {@link Decision} names the ones whose
 * default days it replaces.
 *
 * @example
 * ```ts
 * const occasion: Occasion = "tet";
 * ```
 */
export type Occasion = "new-year" | "tet" | "hung-kings" | "reunification" | "labour-day" | "national-day";

/**
 * One published government arrangement of a holiday break for public servants (công chức,
 * viên chức): the break's days and any make-up working Saturday (ngày làm bù).
 *
 * Within its year it replaces the default days (and their substitute days) of the occasions it
 * lists in `replaces`; statutory days of those occasions inside the break keep their own names.
 *
 * @example
 * ```ts
 * const tet2024: Decision = {
 *   year: 2024,
 *   replaces: ["tet"],
 *   name: { vi: "Nghỉ Tết Nguyên đán", en: "Lunar New Year break" },
 *   daysOff: { from: "2024-02-08", to: "2024-02-14" },
 *   workingDays: [],
 *   source: "Thông báo 5015/TB-LĐTBXH (22/11/2023)",
 *   note: { vi: "nghỉ từ 08/02 đến 14/02, không làm bù", en: "8–14 February off, no make-up day" },
 * };
 * ```
 */
export interface Decision {
  /** Gregorian year the decision applies to. */
  readonly year: number;
  /** Occasions whose default days this decision replaces. */
  readonly replaces: readonly Occasion[];
  /** Name given to days of the break that are not statutory days themselves. */
  readonly name: LocalizedText;
  /** The published break, both ends inclusive, weekends included. */
  readonly daysOff: { readonly from: string; readonly to: string };
  /** Make-up working days (usually Saturdays) that pay back a swapped weekday. */
  readonly workingDays: readonly string[];
  /** The document that fixes it, as cited by the government or the press. */
  readonly source: string;
  /** What the document arranges, in words (days, swaps, make-up days), in Vietnamese and English. */
  readonly note: LocalizedText;
}

const TET_BREAK: LocalizedText = { vi: "Nghỉ Tết Nguyên đán", en: "Lunar New Year break" };
const APRIL_MAY_BREAK: LocalizedText = { vi: "Nghỉ lễ 30/4 – 1/5", en: "30 April – 1 May break" };
const NATIONAL_DAY_BREAK: LocalizedText = { vi: "Nghỉ lễ Quốc khánh", en: "National Day break" };
const NEW_YEAR_BREAK: LocalizedText = { vi: "Nghỉ Tết Dương lịch", en: "New Year break" };

/**
 * The government's published holiday arrangements for public servants, 2024–2026. Every entry
 * names the document that fixes it (docs/calendar.md lists the press reports each was checked
 * against); a detail that could not be checked against a published text says so in `source`.
 * A schedule file adds a year's decision that is not here with `calendar.daysOff` and
 * `calendar.workingDays`, without waiting for a release.
 *
 * @example
 * ```ts
 * DECISIONS.filter((d) => d.year === 2024).map((d) => d.daysOff);
 * // [{ from: "2024-02-08", to: "2024-02-14" }, { from: "2024-04-27", to: "2024-05-01" }, ...]
 * ```
 */
export const DECISIONS: readonly Decision[] = deepFreeze([
  {
    year: 2024,
    replaces: ["tet"],
    name: TET_BREAK,
    daysOff: { from: "2024-02-08", to: "2024-02-14" },
    workingDays: [],
    source: "Thông báo 5015/TB-LĐTBXH (22/11/2023)",
    note: { vi: "nghỉ từ 08/02 đến 14/02, không làm bù", en: "8–14 February off, no make-up day" },
  },
  {
    year: 2024,
    replaces: ["reunification", "labour-day"],
    name: APRIL_MAY_BREAK,
    daysOff: { from: "2024-04-27", to: "2024-05-01" },
    workingDays: ["2024-05-04"],
    source: "Công văn 2450/VPCP-KGVX (12/4/2024)",
    note: { vi: "hoán đổi thứ Hai 29/4 với thứ Bảy 4/5", en: "Monday 29/4 swapped with Saturday 4/5" },
  },
  {
    year: 2024,
    replaces: ["national-day"],
    name: NATIONAL_DAY_BREAK,
    daysOff: { from: "2024-08-31", to: "2024-09-03" },
    workingDays: [],
    source: "Thông báo 5015/TB-LĐTBXH (22/11/2023)",
    note: { vi: "nghỉ từ 31/8 đến 3/9, không làm bù", en: "31 August – 3 September off, no make-up day" },
  },
  {
    year: 2025,
    replaces: ["tet"],
    name: TET_BREAK,
    daysOff: { from: "2025-01-25", to: "2025-02-02" },
    workingDays: [],
    source: "Công văn 8726/VPCP-KGVX (26/11/2024)",
    note: { vi: "các ngày Tết 27–31/1, không làm bù", en: "Tết days 27–31/1, no make-up day" },
  },
  {
    year: 2025,
    replaces: ["reunification", "labour-day"],
    name: APRIL_MAY_BREAK,
    daysOff: { from: "2025-04-30", to: "2025-05-04" },
    workingDays: ["2025-04-26"],
    source: "Công văn 8726/VPCP-KGVX (26/11/2024)",
    note: { vi: "hoán đổi thứ Sáu 2/5 với thứ Bảy 26/4", en: "Friday 2/5 swapped with Saturday 26/4" },
  },
  {
    year: 2025,
    replaces: ["national-day"],
    name: NATIONAL_DAY_BREAK,
    daysOff: { from: "2025-08-30", to: "2025-09-02" },
    workingDays: [],
    source: "Công văn 8726/VPCP-KGVX (26/11/2024), Thông báo 6150/TB-BLĐTBXH (2024)",
    note: { vi: "nghỉ 2/9 và thứ Hai 1/9, không làm bù", en: "2/9 and Monday 1/9, no make-up day" },
  },
  {
    year: 2026,
    replaces: ["new-year"],
    name: NEW_YEAR_BREAK,
    daysOff: { from: "2026-01-01", to: "2026-01-04" },
    workingDays: ["2026-01-10"],
    source: "Công văn 12729/VPCP-KGVX (25/12/2025)",
    note: { vi: "hoán đổi thứ Sáu 2/1 với thứ Bảy 10/1", en: "Friday 2/1 swapped with Saturday 10/1" },
  },
  {
    year: 2026,
    replaces: ["tet"],
    name: TET_BREAK,
    daysOff: { from: "2026-02-14", to: "2026-02-22" },
    workingDays: [],
    source: "Thông báo 9441/TB-BNV (16/10/2025)",
    note: { vi: "các ngày Tết 16–20/2, không làm bù", en: "Tết days 16–20/2, no make-up day" },
  },
  {
    year: 2026,
    replaces: ["national-day"],
    name: NATIONAL_DAY_BREAK,
    daysOff: { from: "2026-08-29", to: "2026-09-02" },
    workingDays: ["2026-08-22"],
    source: "Thông báo 9441/TB-BNV (16/10/2025)",
    note: {
      vi: "nghỉ 1/9 và 2/9, hoán đổi thứ Hai 31/8 với thứ Bảy 22/8 (ngày làm bù theo báo chí, chưa đối chiếu với văn bản)",
      en: "1/9 and 2/9, Monday 31/8 swapped with Saturday 22/8 (the make-up Saturday as reported, not checked against the notice's text)",
    },
  },
]);

/**
 * The decisions of one year, in table order (an empty list for years without one).
 *
 * @param year - Gregorian year.
 * @param decisions - The table to read; {@link DECISIONS} by default.
 *
 * @example
 * ```ts
 * decisionsFor(2026).map((d) => d.replaces); // [["new-year"], ["tet"], ["national-day"]]
 * decisionsFor(2030); // []
 * ```
 */
export function decisionsFor(year: number, decisions: readonly Decision[] = DECISIONS): readonly Decision[] {
  return decisions.filter((decision) => decision.year === year);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
