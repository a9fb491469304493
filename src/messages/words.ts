import { DAY, dayNumber, HOUR, isoWeek, MINUTE, weekdayOf } from "../time/date";
import type { Span } from "../time/wall";
import { fmt, type Lang } from "./entry";
import { WEEKDAY_NAMES } from "./labels";

/**
 * Times, durations and periods in words, as people read them: "30 phút", "1 giờ 30 phút",
 * "quý II/2024", "07:30–11:30, 13:30–17:00". Never ISO 8601 codes.
 */

const UNITS: Record<Lang, Record<"day" | "hour" | "minute" | "second", [one: string, many: string]>> = {
  vi: { day: ["ngày", "ngày"], hour: ["giờ", "giờ"], minute: ["phút", "phút"], second: ["giây", "giây"] },
  en: { day: ["day", "days"], hour: ["hour", "hours"], minute: ["minute", "minutes"], second: ["second", "seconds"] },
};

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
    if (count > 0) parts.push(`${fmt(count, lang)} ${UNITS[lang][name][count === 1 ? 0 : 1]}`);
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

/**
 * A range of durations in words, the unit said once when both ends share it.
 *
 * @example
 * rangeWords({ days: 7, ms: 0 }, { days: 30, ms: 0 }, "vi"); // "từ 7 đến 30 ngày"
 * rangeWords({ days: 0, ms: HOUR }, { days: 2, ms: 0 }, "en"); // "1 hour to 2 days"
 */
export function rangeWords(min: Span, max: Span, lang: Lang): string {
  const low = durationWords(min, lang);
  const high = durationWords(max, lang);
  const single = /^(\S+) (\S+)$/;
  const a = single.exec(low);
  const b = single.exec(high);
  const sameUnit = a && b && (a[2] === b[2] || (lang === "en" && a[2]?.replace(/s$/, "") === b[2]?.replace(/s$/, "")));
  const from = sameUnit ? (a[1] as string) : low;
  return lang === "vi" ? `từ ${from} đến ${high}` : `${from} to ${high}`;
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

/**
 * How often a meeting repeats, in words: "T5 đầu tháng", "ngày 7 hằng tháng", "T2 hằng tuần";
 * "first Thursday of the month", "the 7th of every month", "every Monday". Undefined for a
 * meeting that does not repeat (its date says it all) and for rule shapes without a short
 * wording (hourly rules, BYSETPOS, BYWEEKNO…), which the caller then names by date alone.
 *
 * @example
 * repeatWords({ start: "2024-01-04T08:00", repeat: "FREQ=MONTHLY;BYDAY=1TH" }, "vi"); // "T5 đầu tháng"
 */
export function repeatWords(meeting: { readonly start: string; readonly repeat?: string | undefined }, lang: Lang): string | undefined {
  if (meeting.repeat === undefined) return undefined;
  const parts = new Map<string, string>();
  for (const part of meeting.repeat
    .trim()
    .replace(/^RRULE:/i, "")
    .toUpperCase()
    .split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const known = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY", "BYMONTHDAY", "BYMONTH"]);
  for (const key of parts.keys()) if (!known.has(key)) return undefined;
  const interval = Number(parts.get("INTERVAL") ?? "1");
  const start = meeting.start;
  const startDay = Number(start.slice(8, 10));
  const startMonth = Number(start.slice(5, 7));
  const startWeekday = weekdayOf(dayNumber(Number(start.slice(0, 4)), startMonth, startDay));
  const byDay = parts.get("BYDAY")?.split(",");
  const byMonthDay = parts.get("BYMONTHDAY")?.split(",").map(Number);
  const byMonth = parts.get("BYMONTH")?.split(",").map(Number);
  const w = WORDS[lang];
  switch (parts.get("FREQ")) {
    case "DAILY":
      if (byDay || byMonthDay || byMonth) return undefined;
      return w.every(interval, "day");
    case "WEEKLY": {
      if (byMonthDay || byMonth) return undefined;
      const days = byDay ?? [CODES[startWeekday] as string];
      if (days.some((day) => !/^(MO|TU|WE|TH|FR|SA|SU)$/.test(day))) return undefined;
      return w.weekly(
        days.map((day) => CODES.indexOf(day)),
        interval,
      );
    }
    case "MONTHLY": {
      if (byMonth) return undefined;
      if (byDay && byMonthDay) return undefined;
      if (byDay) {
        const nth = byDay.map((day) => /^([+-]?\d{1,2})(MO|TU|WE|TH|FR|SA|SU)$/.exec(day));
        if (nth.some((m) => m === null)) return undefined;
        const items = nth.map((m) => ({ n: Number((m as RegExpExecArray)[1]), day: CODES.indexOf((m as RegExpExecArray)[2] as string) }));
        if (items.some(({ n }) => n === 0 || n > 5 || n < -5)) return undefined;
        return w.monthly(w.list(items.map(({ n, day }) => w.nthWeekday(n, day))), interval);
      }
      const days = byMonthDay ?? [startDay];
      if (days.some((day) => !Number.isInteger(day) || day === 0 || day < -1)) return undefined;
      return w.monthly(w.monthDays(days), interval);
    }
    case "YEARLY": {
      if (byDay) return undefined;
      const months = byMonth ?? [startMonth];
      const days = byMonthDay ?? [startDay];
      if (months.length !== 1 || days.length !== 1 || (days[0] as number) < 1) return undefined;
      return w.yearly(days[0] as number, months[0] as number, interval);
    }
    default:
      return undefined;
  }
}

/** RRULE weekday codes, Sunday first (0 = Sunday, as `weekdayOf` counts). */
const CODES: readonly string[] = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

interface Words {
  every(interval: number, unit: "day"): string;
  weekly(days: readonly number[], interval: number): string;
  nthWeekday(n: number, day: number): string;
  monthDays(days: readonly number[]): string;
  monthly(what: string, interval: number): string;
  yearly(day: number, month: number, interval: number): string;
  list(items: readonly string[]): string;
}

const VI_DAYS = WEEKDAY_NAMES.vi;
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_NTH = ["", "first", "second", "third", "fourth", "fifth"];

const pad = (n: number) => String(n).padStart(2, "0");
const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

const WORDS: Record<Lang, Words> = {
  vi: {
    every: (interval) => (interval === 1 ? "hằng ngày" : `${interval} ngày một lần`),
    weekly: (days, interval) =>
      `${days.map((day) => VI_DAYS[day]).join(", ")} ${interval === 1 ? "hằng tuần" : `${interval} tuần một lần`}`,
    nthWeekday: (n, day) =>
      `${VI_DAYS[day]} ${n === 1 ? "đầu tháng" : n === -1 ? "cuối tháng" : n > 0 ? `tuần thứ ${n} của tháng` : `tuần thứ ${-n} tính từ cuối tháng`}`,
    monthDays: (days) => days.map((day) => (day === -1 ? "ngày cuối cùng" : `ngày ${day}`)).join(", "),
    monthly: (what, interval) =>
      interval === 1
        ? what.endsWith("tháng")
          ? what
          : `${what} hằng tháng`
        : `${what}${what.endsWith("tháng") ? "" : " trong tháng"}, ${interval} tháng một lần`,
    yearly: (day, month, interval) => `ngày ${pad(day)}/${pad(month)} ${interval === 1 ? "hằng năm" : `${interval} năm một lần`}`,
    list: (items) => items.join(", "),
  },
  en: {
    every: (interval) => (interval === 1 ? "daily" : `every ${interval} days`),
    weekly: (days, interval) => {
      const names = englishList(days.map((day) => EN_DAYS[day] as string));
      return interval === 1 ? `every ${names}` : `every ${interval} weeks on ${names}`;
    },
    nthWeekday: (n, day) => `${n === -1 ? "last" : n > 0 ? EN_NTH[n] : `${ordinal(-n)} to last`} ${EN_DAYS[day]}`,
    monthDays: (days) => `the ${englishList(days.map((day) => (day === -1 ? "last day" : ordinal(day))))}`,
    monthly: (what, interval) => (interval === 1 ? `${what} of every month` : `${what} of every ${interval} months`),
    yearly: (day, month, interval) =>
      interval === 1 ? `every ${day} ${MONTHS_EN[month - 1]}` : `${day} ${MONTHS_EN[month - 1]} every ${interval} years`,
    list: (items) => englishList(items),
  },
};

function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
