import { entry, fmt, type Lang } from "./entry";
import { expected, type CadenceBounds, type CadencePeriod } from "./conflicts";

const PER_VI: Readonly<Record<CadencePeriod, string>> = { week: "tuần", month: "tháng", quarter: "quý", year: "năm" };

/** Dates, and how many more than those shown. */
function list(dates: readonly string[], count: number, lang: Lang): string {
  const more = count - dates.length;
  return `${dates.join(", ")}${more > 0 ? (lang === "vi" ? ` và ${fmt(more, "vi")} ngày khác` : ` and ${fmt(more, "en")} more`) : ""}`;
}

/**
 * The messages of findings, one per conflict kind: what clashes with what, in words a person
 * reads once for the whole series. `a` and `b` name the meetings with how they repeat
 * ("Phiên họp thường kỳ (T5 đầu tháng)"); the dates follow from `finding-dates`.
 */
export const FINDING_MESSAGES = {
  /** `how`: why the two count as a clash when they do not overlap ("cách nhau dưới 30 phút", "cùng buổi sáng"). */
  "finding-rule": entry<{ a: string; b: string; how?: string | undefined }>({
    vi: (p) => `${p.a} trùng lịch với ${p.b}${p.how ? ` (${p.how})` : ""}`,
    en: (p) => `${p.a} clashes with ${p.b}${p.how ? ` (${p.how})` : ""}`,
  }),
  "finding-attendee": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} được bố trí dự cùng lúc cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  "finding-room": entry<{ subjects: string; a: string; b: string }>({
    vi: (p) => `${p.subjects} được bố trí cho cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  }),
  /** `name`: the day off's name, when the finding has one day. */
  "finding-day-off": entry<{ a: string; name?: string | undefined }>({
    vi: (p) => `${p.a} trùng ngày nghỉ${p.name ? ` (${p.name})` : ""}`,
    en: (p) => `${p.a} falls on a day off${p.name ? ` (${p.name})` : ""}`,
  }),
  /** `hours`: the day's working periods, "07:30–11:30, 13:30–17:00". */
  "finding-working-hours": entry<{ a: string; hours: string }>({
    vi: (p) => `${p.a} diễn ra ngoài giờ làm việc (${p.hours})`,
    en: (p) => `${p.a} is outside working hours (${p.hours})`,
  }),
  "finding-cadence": entry<CadenceBounds & { per: CadencePeriod }>({
    vi: (p) => `Số buổi họp không đúng quy định (cần ${expected(p, "vi")} buổi mỗi ${PER_VI[p.per]})`,
    en: (p) => `Wrong number of meetings (expected ${expected(p, "en")} per ${p.per})`,
  }),
  /** `window`: where a `before` meeting should start, in words ("từ 7 đến 30 ngày"). */
  "finding-lead-time": entry<{ a: string; window: string }>({
    vi: (p) => `Không có buổi họp nào bắt đầu trước ${p.a} ${p.window}`,
    en: (p) => `No meeting starts ${p.window} before ${p.a}`,
  }),
  /** How many occurrences, on which dates (`dd/mm/yyyy`, some of them), and how many dates more. */
  "finding-dates": entry<{ count: number; dates: readonly string[]; more: number }>({
    vi: (p) => `${fmt(p.count, "vi")} buổi — ${p.dates.join(", ")}${p.more > 0 ? ` và ${fmt(p.more, "vi")} ngày khác` : ""}`,
    en: (p) =>
      `${fmt(p.count, "en")} ${p.count === 1 ? "occurrence" : "occurrences"} — ${p.dates.join(", ")}${p.more > 0 ? ` and ${fmt(p.more, "en")} more ${p.more === 1 ? "day" : "days"}` : ""}`,
  }),
  /** The periods a cadence finding names ("tháng 05/2024"), and how many more. */
  "finding-periods": entry<{ periods: readonly string[]; more: number }>({
    vi: (p) => `${p.periods.join(", ")}${p.more > 0 ? ` và ${fmt(p.more, "vi")} kỳ khác` : ""}`,
    en: (p) => `${p.periods.join(", ")}${p.more > 0 ? ` and ${fmt(p.more, "en")} more` : ""}`,
  }),
  /** How a finding changed against the base: the dates (`dd/mm/yyyy`, some of them) it gained and lost, and how many. */
  "finding-change": entry<{
    gained: readonly string[];
    gainedCount: number;
    lost: readonly string[];
    lostCount: number;
  }>({
    vi: (p) =>
      `so với bản gốc: ${p.gainedCount === 0 ? "không thêm ngày nào" : `thêm ${fmt(p.gainedCount, "vi")} ngày (${list(p.gained, p.gainedCount, "vi")})`}${p.lostCount === 0 ? "" : `, bớt ${fmt(p.lostCount, "vi")} ngày (${list(p.lost, p.lostCount, "vi")})`}`,
    en: (p) =>
      `against the base: ${p.gainedCount === 0 ? "no dates gained" : `${fmt(p.gainedCount, "en")} ${p.gainedCount === 1 ? "date" : "dates"} gained (${list(p.gained, p.gainedCount, "en")})`}${p.lostCount === 0 ? "" : `, ${fmt(p.lostCount, "en")} lost (${list(p.lost, p.lostCount, "en")})`}`,
  }),
  /** The reason a rule's clash counts without an overlap. */
  "near-gap": entry<{ gap: string }>({
    vi: (p) => `cách nhau dưới ${p.gap}`,
    en: (p) => `less than ${p.gap} apart`,
  }),
  "near-half-day": entry<{ afternoon: boolean }>({
    vi: (p) => `cùng buổi ${p.afternoon ? "chiều" : "sáng"}`,
    en: (p) => `the same ${p.afternoon ? "afternoon" : "morning"}`,
  }),
  /** `from`: the original day (`15/02`) or, moved within its day, the original time (`08:00`). */
  "moved-from": entry<{ from: string }>({
    vi: (p) => `dời từ ${p.from}`,
    en: (p) => `moved from ${p.from}`,
  }),
  "near-day": entry({
    vi: () => "cùng ngày",
    en: () => "the same day",
  }),
};
