import type { Lang } from "./entry";

/** The parts of an RRULE lichhop reads (RFC 5545, section 3.3.10). */
export type RRulePartName =
  | "FREQ"
  | "UNTIL"
  | "COUNT"
  | "INTERVAL"
  | "BYSECOND"
  | "BYMINUTE"
  | "BYHOUR"
  | "BYDAY"
  | "BYMONTHDAY"
  | "BYYEARDAY"
  | "BYWEEKNO"
  | "BYMONTH"
  | "BYSETPOS"
  | "WKST";

/**
 * What a bad part of an RRULE should have been, as the issue `bad-rrule` says it: a value of
 * `part`'s form, a part named only once, a known part, no DTSTART, a FREQ, not both COUNT and UNTIL.
 */
export type RRuleExpected =
  | { readonly value: RRulePartName }
  | { readonly once: RRulePartName }
  | { readonly knownPart: readonly RRulePartName[] }
  | { readonly noDtstart: true }
  | { readonly freq: true }
  | { readonly countOrUntil: true };

/** The form of each part's value, per language (the part's name comes before it: `COUNT=…`). */
const VALUE_FORMS: Readonly<Record<Lang, Readonly<Record<RRulePartName, string>>>> = {
  vi: {
    FREQ: "DAILY (hằng ngày), WEEKLY (hằng tuần), MONTHLY (hằng tháng), YEARLY (hằng năm), HOURLY (hằng giờ), MINUTELY (hằng phút) hoặc SECONDLY (hằng giây)",
    UNTIL: "ngày viết liền năm tháng ngày, ví dụ 20241231 (31/12/2024), hoặc kèm giờ, ví dụ 20241231T170000 (thêm Z nếu là giờ UTC)",
    COUNT: "số buổi họp, một số nguyên dương",
    INTERVAL: "khoảng cách giữa hai lần lặp, một số nguyên dương",
    BYSECOND: "các giây từ 0 đến 60, cách nhau bằng dấu phẩy",
    BYMINUTE: "các phút từ 0 đến 59, cách nhau bằng dấu phẩy",
    BYHOUR: "các giờ từ 0 đến 23, cách nhau bằng dấu phẩy",
    BYDAY: "các thứ trong tuần như MO (thứ Hai), 1TH (thứ Năm đầu tiên) hoặc -1FR (thứ Sáu cuối cùng), cách nhau bằng dấu phẩy",
    BYMONTHDAY: "các ngày trong tháng từ 1 đến 31 (số âm đếm từ cuối tháng), cách nhau bằng dấu phẩy",
    BYYEARDAY: "các ngày trong năm từ 1 đến 366 (số âm đếm từ cuối năm), cách nhau bằng dấu phẩy",
    BYWEEKNO: "các tuần trong năm từ 1 đến 53 (số âm đếm từ cuối năm), cách nhau bằng dấu phẩy",
    BYMONTH: "các tháng từ 1 đến 12, cách nhau bằng dấu phẩy",
    BYSETPOS: "các vị trí từ 1 đến 366 (số âm đếm từ cuối), cách nhau bằng dấu phẩy",
    WKST: "một thứ trong tuần như MO (thứ Hai)",
  },
  en: {
    FREQ: "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY",
    UNTIL: "a date YYYYMMDD or a time YYYYMMDDTHHMMSS[Z]",
    COUNT: "a positive whole number",
    INTERVAL: "a positive whole number",
    BYSECOND: "seconds 0–60, comma-separated",
    BYMINUTE: "minutes 0–59, comma-separated",
    BYHOUR: "hours 0–23, comma-separated",
    BYDAY: "weekdays such as MO, 1TH or -1FR, comma-separated",
    BYMONTHDAY: "days of the month ±1–31, comma-separated",
    BYYEARDAY: "days of the year ±1–366, comma-separated",
    BYWEEKNO: "weeks ±1–53, comma-separated",
    BYMONTH: "months 1–12, comma-separated",
    BYSETPOS: "positions ±1–366, comma-separated",
    WKST: "a weekday such as MO",
  },
};

/** Every part name, in the order RFC 5545 lists them. */
export const RRULE_PART_NAMES = Object.keys(VALUE_FORMS.en) as readonly RRulePartName[];

/** An {@link RRuleExpected} in words: `COUNT=số buổi họp, một số nguyên dương` / `COUNT=a positive whole number`. */
export function rruleExpectedText(expected: RRuleExpected, lang: Lang): string {
  const vi = lang === "vi";
  if ("value" in expected) return `${expected.value}=${VALUE_FORMS[lang][expected.value]}`;
  if ("once" in expected) return vi ? `${expected.once} chỉ một lần` : `${expected.once} only once`;
  if ("knownPart" in expected) {
    return vi ? `một trong các phần ${expected.knownPart.join(", ")}` : `one of ${expected.knownPart.join(", ")}`;
  }
  if ("noDtstart" in expected) {
    return vi
      ? "bỏ DTSTART: thời điểm bắt đầu (start) của cuộc họp là lần họp đầu tiên"
      : "no DTSTART: the meeting's `start` is the first occurrence";
  }
  if ("freq" in expected) return vi ? "phần FREQ, ví dụ FREQ=WEEKLY (hằng tuần)" : "a FREQ part, e.g. FREQ=WEEKLY";
  return vi ? "COUNT hoặc UNTIL, không dùng cả hai" : "COUNT or UNTIL, not both";
}
