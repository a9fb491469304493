import type { Lang } from "../messages";
import { DAY, HOUR, MINUTE, dayNumber, fromDayNumber, weekdayOf } from "./date";
import type { Span } from "./wall";

/**
 * Times, durations and periods in words, as people read them: "30 phút", "1 giờ 30 phút",
 * "quý II/2024", "07:30–11:30, 13:30–17:00". Never ISO 8601 codes.
 */

const UNITS: Record<Lang, Record<"day" | "hour" | "minute" | "second", [one: string, many: string]>> = {
  vi: { day: ["ngày", "ngày"], hour: ["giờ", "giờ"], minute: ["phút", "phút"], second: ["giây", "giây"] },
  en: { day: ["day", "days"], hour: ["hour", "hours"], minute: ["minute", "minutes"], second: ["second", "seconds"] },
};

/** A count with thousands grouped as each language writes them: 100.000 (vi), 100,000 (en). */
export function formatCount(value: number, lang: Lang): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

/**
 * A duration in words: calendar days, then hours, minutes and seconds of elapsed time.
 *
 * @example
 * durationWords({ days: 0, ms: 30 * MINUTE }, "vi"); // "30 phút"
 * durationWords({ days: 1, ms: 90 * MINUTE }, "en"); // "1 day 1 hour 30 minutes"
 */
export function durationWords(span: Span, lang: Lang): string {
  const parts: string[] = [];
  const unit = (count: number, name: keyof (typeof UNITS)["vi"]) => {
    if (count > 0) parts.push(`${formatCount(count, lang)} ${UNITS[lang][name][count === 1 ? 0 : 1]}`);
  };
  let rest = span.ms;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  unit(span.days, "day");
  unit(hours, "hour");
  unit(minutes, "minute");
  unit(seconds, "second");
  return parts.length > 0 ? parts.join(" ") : lang === "vi" ? "0 phút" : "0 minutes";
}

/** A duration of elapsed milliseconds in words (whole days are written as days). */
export function elapsedWords(ms: number, lang: Lang): string {
  const days = Math.floor(ms / DAY);
  return durationWords({ days, ms: ms - days * DAY }, lang);
}

/** `07:30` for 450 minutes after midnight (`24:00` for 1440). */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Working periods as a list of ranges, the breaks between them left out: "07:30–11:30, 13:30–17:00". */
export function periodsText(periods: readonly (readonly [number, number])[]): string {
  return periods.map(([start, end]) => `${clockTime(start)}–${clockTime(end)}`).join(", ");
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The ISO 8601 week (Monday first; week 1 holds the year's first Thursday) of a local date. */
export function isoWeek(date: string): { readonly year: number; readonly week: number } {
  const jdn = dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
  const mondayBased = (weekdayOf(jdn) + 6) % 7;
  const thursday = jdn - mondayBased + 3;
  const year = fromDayNumber(thursday).year;
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/**
 * The name of a cadence period from its first local date.
 *
 * @example
 * periodName("quarter", "2024-04-01", "vi"); // "quý II/2024"
 * periodName("month", "2024-05-01", "en"); // "May 2024"
 */
export function periodName(per: "week" | "month" | "quarter" | "year", from: string, lang: Lang): string {
  const year = from.slice(0, 4);
  const month = Number(from.slice(5, 7));
  switch (per) {
    case "week": {
      const week = isoWeek(from);
      return lang === "vi" ? `tuần ${week.week}/${week.year}` : `week ${week.week} of ${week.year}`;
    }
    case "month":
      return lang === "vi" ? `tháng ${from.slice(5, 7)}/${year}` : `${MONTHS_EN[month - 1]} ${year}`;
    case "quarter": {
      const quarter = Math.floor((month - 1) / 3);
      return lang === "vi" ? `quý ${ROMAN[quarter]}/${year}` : `Q${quarter + 1} ${year}`;
    }
    case "year":
      return lang === "vi" ? `năm ${year}` : year;
  }
}
