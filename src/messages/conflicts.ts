import { entry, type Lang } from "./entry";

/** A `cadence` rule's period. */
export type CadencePeriod = "week" | "month" | "quarter" | "year";

/** A cadence's bounds; at least one is given. */
export interface CadenceBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** "exactly 1", "at least 2", "at most 3", "between 1 and 2" from a cadence's min and max. */
export function expected({ min, max }: CadenceBounds, lang: Lang): string {
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
  /** `how`: why the two clash when they do not overlap (a `near-…` message: "cách nhau dưới 30 phút", "cùng buổi sáng"). */
  "conflict-rule": entry<{ rule: string; a: string; b: string; how?: string | undefined }>({
    vi: (p) => `Vi phạm quy định "${p.rule}": ${p.a} trùng lịch với ${p.b}${p.how ? ` (${p.how})` : ""}`,
    en: (p) => `breaks "${p.rule}": ${p.a} clashes with ${p.b}${p.how ? ` (${p.how})` : ""}`,
  }),
  "conflict-attendee": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} được bố trí dự cùng lúc cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  "conflict-room": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} được bố trí cho cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  /** `date` is `dd/mm/yyyy`; `name` is the day off's name in both languages. */
  "conflict-day-off": entry<{ a: string; date: string; name: Readonly<Record<Lang, string>> }>({
    vi: (p) => `${p.a} trùng ngày nghỉ: ${p.name.vi} (${p.date})`,
    en: (p) => `${p.a} falls on a day off: ${p.name.en} (${p.date})`,
  }),
  /** `hours`: the day's working periods, "07:30–11:30, 13:30–17:00". */
  "conflict-working-hours": entry<{ a: string; hours: string }>({
    vi: (p) => `${p.a} diễn ra ngoài giờ làm việc (${p.hours})`,
    en: (p) => `${p.a} is outside working hours (${p.hours})`,
  }),
  /** `period`: the period's name ("tháng 05/2024", "quý II/2024", "May 2024"). */
  "conflict-cadence": entry<CadenceBounds & { rule: string; count: number; period: string }>({
    vi: (p) => `Vi phạm quy định "${p.rule}": ${p.period} có ${p.count} buổi họp, cần ${expected(p, "vi")} buổi`,
    en: (p) =>
      `breaks "${p.rule}": ${p.count} ${p.count === 1 ? "occurrence" : "occurrences"} in ${p.period}; expected ${expected(p, "en")}`,
  }),
  /** `from` and `to`: the window, `dd/mm/yyyy HH:MM`; `window`: the rule's bounds in words ("từ 7 đến 30 ngày"). */
  "conflict-lead-time": entry<{ rule: string; a: string; window: string; from: string; to: string }>({
    vi: (p) => `Vi phạm quy định "${p.rule}": không có buổi họp nào bắt đầu trước ${p.a} ${p.window} (trong khoảng ${p.from} – ${p.to})`,
    en: (p) => `breaks "${p.rule}": no meeting starts ${p.window} before ${p.a} (between ${p.from} and ${p.to})`,
  }),
};
