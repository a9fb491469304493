import { parseDuration } from "../time/wall";
import type { Lang } from "./entry";
import { durationWords } from "./words";

/** The descriptions of what a field expects, each worded in every language (see {@link EXPECTED_WORDS}). */
export type ExpectedWord =
  | "text"
  | "number"
  | "int"
  | "boolean"
  | "list"
  | "mapping"
  | "id"
  | "date"
  | "dates"
  | "date-or-time"
  | "duration"
  | "positive-duration"
  | "non-empty-text"
  | "email"
  | "domain"
  | "existing-date"
  | "existing-date-or-time"
  | "supported-date"
  | "period"
  | "period-in-day"
  | "month-day"
  | "existing-month-day"
  | "separate-periods"
  | "max-seasons"
  | "separate-seasons"
  | "min-or-max"
  | "body-or-bodies"
  | "membership"
  | "end-or-duration"
  | "date-like-start"
  | "time-like-start"
  | "whole-days"
  | "valid-value";

/**
 * What a field expects, as the issues `missing-field`, `wrong-type` and `invalid-value` say it:
 * a described kind of value, a list of allowed values, a bound, or a text shown as it is (a
 * value to write, such as `1`).
 */
export type Expected =
  | string
  | { readonly what: ExpectedWord }
  | { readonly oneOf: readonly (string | number | boolean)[] }
  | { readonly atLeastMin: number | string }
  /** A season of working hours apart from an earlier one, `seasons[index]` from `from` to `to` (MM-DD). */
  | { readonly apartFrom: { readonly index: number; readonly from: string; readonly to: string } };

/**
 * What was found where a field expected something else: a text (quoted by the caller), a
 * number, true or false, null, a list or a mapping.
 */
export type Found = string | number | boolean | null | { readonly shape: "list" | "mapping" };

/** The words of every {@link ExpectedWord}, per language. */
export const EXPECTED_WORDS: Readonly<Record<Lang, Readonly<Record<ExpectedWord, string>>>> = {
  vi: {
    text: "văn bản",
    number: "một số",
    int: "một số nguyên",
    boolean: "true hoặc false",
    list: "một danh sách",
    mapping: "một ánh xạ (các cặp tên: giá trị)",
    id: "một mã gồm chữ thường không dấu, chữ số và dấu '-', tối đa 64 ký tự",
    date: "ngày dạng YYYY-MM-DD",
    dates: "các ngày dạng YYYY-MM-DD",
    "date-or-time": "ngày dạng YYYY-MM-DD hoặc giờ địa phương dạng YYYY-MM-DDTHH:MM",
    duration: "thời lượng theo chuẩn ISO 8601, ví dụ PT1H30M (1 giờ 30 phút) hoặc P1D (1 ngày)",
    "positive-duration": "thời lượng lớn hơn 0 theo chuẩn ISO 8601, ví dụ PT1H30M (1 giờ 30 phút)",
    "non-empty-text": "văn bản không để trống",
    email: "một địa chỉ thư điện tử",
    domain: "một tên miền, ví dụ hdnd.langson.gov.vn",
    "existing-date": "một ngày có thật trong lịch",
    "existing-date-or-time": "một ngày hoặc thời điểm có thật trong lịch",
    "supported-date": "một ngày có thật từ 01/01/1900 đến 31/12/2100",
    period: "một khoảng giờ dạng HH:MM-HH:MM",
    "period-in-day": "khoảng giờ HH:MM-HH:MM trong ngày (00:00-24:00), giờ bắt đầu trước giờ kết thúc",
    "month-day": "ngày trong năm dạng MM-DD",
    "existing-month-day": "ngày trong năm có thật, từ 01-01 đến 12-31 (kể cả 02-29)",
    "separate-periods": "các khoảng giờ làm việc không chồng lên nhau",
    "max-seasons": "tối đa 366 mùa (không mùa nào trùng ngày với mùa khác)",
    "separate-seasons": "một mùa không trùng ngày nào với các mùa khác",
    "min-or-max": "min, max hoặc cả hai",
    "body-or-bodies": "mã một cơ quan, hoặc bodies: danh sách mã cơ quan",
    membership: "mã một cơ quan, hoặc { body: mã cơ quan, from: ngày bắt đầu, to: ngày kết thúc }",
    "end-or-duration": "end (giờ kết thúc) hoặc duration (thời lượng, ví dụ PT2H (2 giờ))",
    "date-like-start": "một ngày, giống start",
    "time-like-start": "giờ địa phương, giống start",
    "whole-days": "số ngày tròn cho cuộc họp cả ngày, ví dụ P2D (2 ngày)",
    "valid-value": "một giá trị hợp lệ cho trường này",
  },
  en: {
    text: "a text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    list: "a list",
    mapping: "a mapping",
    id: "an id: lowercase letters, digits and '-', at most 64 characters",
    date: "a date YYYY-MM-DD",
    dates: "dates YYYY-MM-DD",
    "date-or-time": "a date YYYY-MM-DD or a local time YYYY-MM-DDTHH:MM",
    duration: "an ISO 8601 duration such as PT1H30M or P1D",
    "positive-duration": "a positive ISO 8601 duration such as PT1H30M",
    "non-empty-text": "a non-empty text",
    email: "an e-mail address",
    domain: "a domain name such as hdnd.langson.gov.vn",
    "existing-date": "a date that exists",
    "existing-date-or-time": "a date or time that exists",
    "supported-date": "a real date between 1900-01-01 and 2100-12-31",
    period: "a period HH:MM-HH:MM",
    "period-in-day": "HH:MM-HH:MM with a start before the end, within 00:00-24:00",
    "month-day": "a month-day MM-DD",
    "existing-month-day": "a real month-day, 01-01 to 12-31 (02-29 included)",
    "separate-periods": "working periods that do not overlap",
    "max-seasons": "at most 366 seasons (they share no day)",
    "separate-seasons": "a season that shares no day with the others",
    "min-or-max": "min, max or both",
    "body-or-bodies": "a body id, or bodies: a list of body ids",
    membership: "a body id, or { body, from, to } with the dates of the membership",
    "end-or-duration": "end (a local time) or duration (e.g. PT2H)",
    "date-like-start": "a date, like start",
    "time-like-start": "a local time, like start",
    "whole-days": "whole days (e.g. P2D) for an all-day meeting",
    "valid-value": "a valid value for this field",
  },
};

/** An {@link Expected} in words: `một trong các giá trị "keep", "skip"` / `one of "keep", "skip"`. */
export function expectedText(expected: Expected, lang: Lang): string {
  if (typeof expected === "string") return expected;
  if ("what" in expected) return EXPECTED_WORDS[lang][expected.what];
  if ("apartFrom" in expected) {
    const { index, from, to } = expected.apartFrom;
    return lang === "vi"
      ? `một mùa không trùng ngày nào với seasons[${index}] (${from} đến ${to})`
      : `a season that shares no day with seasons[${index}] (${from} to ${to})`;
  }
  if ("atLeastMin" in expected) {
    const min = expected.atLeastMin;
    return lang === "vi"
      ? typeof min === "string"
        ? `không nhỏ hơn min, tức ${durationText(min, "vi")}`
        : `không nhỏ hơn min (${min})`
      : `at least min (${min})`;
  }
  const values = expected.oneOf.map((value) => (typeof value === "string" ? JSON.stringify(value) : String(value)));
  if (values.length === 1) return values[0] as string;
  const last = values.pop() as string;
  return lang === "vi" ? `một trong các giá trị ${values.join(", ")} hoặc ${last}` : `one of ${values.join(", ")} or ${last}`;
}

/** A {@link Found} in words; with `typed`, a number or true/false says its type (`số 5`, `number 5`). */
export function foundText(found: Found, lang: Lang, typed = false): string {
  if (found === null) return "null";
  if (typeof found === "object") {
    const words = { vi: { list: "một danh sách", mapping: "một ánh xạ" }, en: { list: "a list", mapping: "a mapping" } };
    return words[lang][found.shape];
  }
  if (typeof found === "string") return found;
  if (!typed) return String(found);
  if (typeof found === "number") return lang === "vi" ? `số ${found}` : `number ${found}`;
  return lang === "vi" ? `giá trị ${found}` : `boolean ${found}`;
}

/** `P400D (400 ngày)` for `P400D` in Vietnamese: a duration as the file writes it, then in words; as it is in English. */
export function durationText(text: string, lang: Lang): string {
  const span = lang === "vi" ? parseDuration(text) : undefined;
  return span ? `${text} (${durationWords(span, lang)})` : text;
}
