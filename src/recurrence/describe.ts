import type { Lang } from "../messages";
import type { Meeting } from "../schema/schedule";
import { dayNumber, weekdayOf } from "../time/date";
import { normalizeRRule } from "./rrule-text";

/**
 * How often a meeting repeats, in words: "T5 đầu tháng", "ngày 7 hằng tháng", "T2 hằng tuần";
 * "first Thursday of the month", "the 7th of every month", "every Monday". Undefined for a
 * meeting that does not repeat (its date says it all) and for rule shapes without a short
 * wording (hourly rules, BYSETPOS, BYWEEKNO…), which the caller then names by date alone.
 *
 * @example
 * repeatWords({ start: "2024-01-04T08:00", repeat: "FREQ=MONTHLY;BYDAY=1TH" }, "vi"); // "T5 đầu tháng"
 */
export function repeatWords(meeting: Pick<Meeting, "start" | "repeat">, lang: Lang): string | undefined {
  if (meeting.repeat === undefined) return undefined;
  const parts = new Map<string, string>();
  for (const part of normalizeRRule(meeting.repeat).split(";")) {
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

const VI_DAYS = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_MONTHS = [
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
      interval === 1 ? `every ${day} ${EN_MONTHS[month - 1]}` : `${day} ${EN_MONTHS[month - 1]} every ${interval} years`,
    list: (items) => englishList(items),
  },
};

function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
