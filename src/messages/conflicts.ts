import { dmy, entry, type Lang } from "./entry";

/** A `cadence` rule's period. */
export type CadencePeriod = "week" | "month" | "quarter" | "year";

const PERIOD_VI: Readonly<Record<CadencePeriod, string>> = { week: "tuần", month: "tháng", quarter: "quý", year: "năm" };

/** A cadence's bounds; at least one is given. */
export interface CadenceBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** "exactly 1", "at least 2", "at most 3", "between 1 and 2" from a cadence's min and max. */
function expected({ min, max }: CadenceBounds, lang: Lang): string {
  const vi = lang === "vi";
  if (min !== undefined && max !== undefined) {
    if (min === max) return vi ? `đúng ${min}` : `exactly ${min}`;
    return vi ? `từ ${min} đến ${max}` : `between ${min} and ${max}`;
  }
  if (min !== undefined) return vi ? `ít nhất ${min}` : `at least ${min}`;
  return vi ? `nhiều nhất ${max}` : `at most ${max}`;
}

/**
 * The messages of conflicts, one per conflict kind. `a` and `b` are the occurrences as the report
 * labels them (`"title" (T5 07/03/2024 08:00–11:30)`); dates are `YYYY-MM-DD` unless said otherwise.
 */
export const CONFLICT_MESSAGES = {
  "conflict-rule": entry<{ rule: string; a: string; b: string; gap?: string | undefined }>({
    vi: (p) => `Vi phạm quy định "${p.rule}": ${p.a} trùng ${p.b}${p.gap ? ` (cách nhau dưới ${p.gap})` : ""}`,
    en: (p) => `breaks "${p.rule}": ${p.a} clashes with ${p.b}${p.gap ? ` (less than ${p.gap} apart)` : ""}`,
  }),
  "conflict-attendee": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} cùng lúc dự ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  "conflict-room": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} được xếp cho cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  /** `date` is `dd/mm/yyyy`; `name` is the day off's name in both languages. */
  "conflict-day-off": entry<{ a: string; date: string; name: Readonly<Record<Lang, string>> }>({
    vi: (p) => `${p.a} rơi vào ngày nghỉ: ${p.name.vi} (${p.date})`,
    en: (p) => `${p.a} falls on a day off: ${p.name.en} (${p.date})`,
  }),
  "conflict-working-hours": entry<{ a: string; hours: string }>({
    vi: (p) => `${p.a} nằm ngoài giờ làm việc (${p.hours})`,
    en: (p) => `${p.a} is outside working hours (${p.hours})`,
  }),
  "conflict-cadence": entry<CadenceBounds & { rule: string; per: CadencePeriod; count: number; from: string; to: string }>({
    vi: (p) =>
      `Vi phạm quy định "${p.rule}": ${p.count} buổi trong ${PERIOD_VI[p.per]} ${dmy(p.from)}–${dmy(p.to)}, cần ${expected(p, "vi")}`,
    en: (p) =>
      `breaks "${p.rule}": ${p.count} ${p.count === 1 ? "occurrence" : "occurrences"} in the ${p.per} ${dmy(p.from)}–${dmy(p.to)}; expected ${expected(p, "en")}`,
  }),
  /** `min` and `max` are the rule's ISO 8601 durations; `from` and `to` the window, `dd/mm/yyyy HH:MM`. */
  "conflict-lead-time": entry<{ rule: string; a: string; min: string; max: string; from: string; to: string }>({
    vi: (p) =>
      `Vi phạm quy định "${p.rule}": trước ${p.a} không có cuộc họp nào bắt đầu trong khoảng ${p.from} – ${p.to} (từ ${p.max} đến ${p.min} trước)`,
    en: (p) => `breaks "${p.rule}": no meeting before ${p.a} starts between ${p.from} and ${p.to} (${p.max} to ${p.min} ahead)`,
  }),
};
