import { entry, fmt, type Lang } from "./entry";
import { REFERENCE_KINDS } from "./labels";
import { EXPECTED_WORDS } from "./expected";

/** A half of the working day: the morning (`sang`, periods starting before noon) or the afternoon (`chieu`). */
export type HalfDay = "sang" | "chieu";

const HALF: Readonly<Record<Lang, Readonly<Record<HalfDay, string>>>> = {
  vi: { sang: "sáng", chieu: "chiều" },
  en: { sang: "morning", chieu: "afternoon" },
};

/** "sáng", "afternoon": a half-day's name. */
export function halfDayName(part: HalfDay, lang: Lang): string {
  return HALF[lang][part];
}

/** The kinds of value a field of a free-slot request expects, each worded in every language (see {@link REQUEST_WORDS}). */
export type RequestWord =
  | "text"
  | "number"
  | "int"
  | "boolean"
  | "list"
  | "mapping"
  | "non-empty-list"
  | "id"
  | "date"
  | "real-date"
  | "supported-date"
  | "duration"
  | "meeting-duration"
  | "buffer"
  | "times"
  | "room"
  | "align"
  | "local-time"
  | "real-local-time"
  | "body-or-bodies"
  | "near";

/**
 * What a field of a free-slot request expects: a kind of value, one of some values, a bound, a
 * date on or after `from`, or a window of at most `days` days.
 */
export type RequestExpected =
  | { readonly what: RequestWord }
  | { readonly oneOf: readonly string[] }
  | { readonly atLeast: number }
  | { readonly atMost: number }
  | { readonly onOrAfter: string }
  | { readonly window: { readonly days: number; readonly from: string } };

/** The words a request shares with a schedule file's fields: one wording for both. */
const SHARED_WORDS = ["text", "number", "int", "boolean", "list", "mapping", "id", "date"] as const;
const fileWords = (lang: Lang) =>
  Object.fromEntries(SHARED_WORDS.map((word) => [word, EXPECTED_WORDS[lang][word]])) as Record<(typeof SHARED_WORDS)[number], string>;

/** The words of every {@link RequestWord}, per language; field names and values stay as written. */
export const REQUEST_WORDS: Readonly<Record<Lang, Readonly<Record<RequestWord, string>>>> = {
  vi: {
    ...fileWords("vi"),
    "non-empty-list": "một danh sách không rỗng",
    "real-date": "một ngày có thật dạng YYYY-MM-DD",
    "supported-date": "một ngày từ năm 1900 đến năm 2100",
    duration: "thời lượng theo chuẩn ISO 8601, ví dụ PT2H (2 giờ) hoặc PT1H30M (1 giờ 30 phút)",
    "meeting-duration": "thời lượng lớn hơn 0 và không quá 24 giờ, ví dụ PT2H (2 giờ) hoặc PT1H30M (1 giờ 30 phút)",
    buffer: "khoảng đệm không quá 24 giờ, ví dụ PT15M (15 phút)",
    times: "khung giờ HH:MM-HH:MM trong ngày, giờ bắt đầu trước giờ kết thúc",
    room: "mã một phòng họp hoặc danh sách mã phòng họp không rỗng",
    align: "số phút từ 1 đến 720, hoặc half-day",
    "local-time": "giờ địa phương dạng YYYY-MM-DDTHH:MM",
    "real-local-time": "một thời điểm có thật dạng YYYY-MM-DDTHH:MM",
    "body-or-bodies": "body hoặc bodies, không dùng cả hai",
    near: "giờ địa phương YYYY-MM-DDTHH:MM khi prefer là nearest",
  },
  en: {
    ...fileWords("en"),
    "non-empty-list": "a non-empty list",
    "real-date": "a real date YYYY-MM-DD",
    "supported-date": "a date in the years 1900–2100",
    duration: "an ISO 8601 duration such as PT2H or PT1H30M",
    "meeting-duration": "a duration above zero and at most 24 hours (PT2H, PT1H30M)",
    buffer: "a buffer of at most 24 hours, such as PT15M",
    times: "a time of day window HH:MM-HH:MM with its start before its end",
    room: "a room id or a non-empty list of room ids",
    align: "minutes from 1 to 720, or half-day",
    "local-time": "a local time YYYY-MM-DDTHH:MM",
    "real-local-time": "a real local time YYYY-MM-DDTHH:MM",
    "body-or-bodies": "body or bodies, not both",
    near: "a local time YYYY-MM-DDTHH:MM when prefer is nearest",
  },
};

/** A {@link RequestExpected} in words. */
export function requestExpectedText(expected: RequestExpected, lang: Lang): string {
  const vi = lang === "vi";
  if ("what" in expected) return REQUEST_WORDS[lang][expected.what];
  if ("atLeast" in expected) return vi ? `một số không nhỏ hơn ${expected.atLeast}` : `a number of at least ${expected.atLeast}`;
  if ("atMost" in expected) return vi ? `một số không lớn hơn ${expected.atMost}` : `a number of at most ${expected.atMost}`;
  if ("onOrAfter" in expected)
    return vi ? `một ngày không sớm hơn ngày bắt đầu (${expected.onOrAfter})` : `a date on or after from (${expected.onOrAfter})`;
  if ("window" in expected) {
    const { days, from } = expected.window;
    return vi ? `khoảng tìm kiếm tối đa ${fmt(days, "vi")} ngày kể từ ${from}` : `a window of at most ${fmt(days, "en")} days from ${from}`;
  }
  const values = expected.oneOf.map((value) => JSON.stringify(value));
  if (values.length === 1) return values[0] as string;
  const last = values.pop() as string;
  return vi ? `một trong các giá trị ${values.join(", ")} hoặc ${last}` : `one of ${values.join(", ")} or ${last}`;
}

/**
 * The messages of the free-slot search (`findSlots`): why a slot was chosen, and what blocked a
 * day or half-day of the window. `day` is the short day label ("T5 07/03/2024", "T4 16/04"),
 * `meeting` a meeting's title, `person`, `room` and `rule` names or titles.
 */
export const SLOT_MESSAGES = {
  /**
   * Why a slot is offered: its half-day, time and rank. `first`: the best one; `after`: whole days
   * from the first day searched; `missing`: optional attendees who cannot come; `offBy`: how far
   * from the time asked for, in words ("30 phút"; "" when exactly there), when the search
   * prefers the nearest.
   */
  "slot-reason": entry<{
    day: string;
    part: HalfDay;
    time: string;
    first: boolean;
    after: number;
    missing: number;
    offBy?: string | undefined;
  }>({
    vi: (p) =>
      `${p.day}, buổi ${HALF.vi[p.part]} ${p.time}: ${p.offBy === undefined ? (p.first ? "trống sớm nhất" : "trống") : p.offBy === "" ? "đúng thời điểm mong muốn" : `${p.first ? "gần thời điểm mong muốn nhất" : "gần thời điểm mong muốn"} (lệch ${p.offBy})`}${
        p.after > 0 ? `, sau ${fmt(p.after, "vi")} ngày` : ""
      }${p.missing > 0 ? `; vắng ${fmt(p.missing, "vi")} người dự không bắt buộc` : "; đủ người dự"}`,
    en: (p) =>
      `${p.day}, ${HALF.en[p.part]} ${p.time}: ${p.offBy === undefined ? (p.first ? "the earliest free time" : "free") : p.offBy === "" ? "at the time asked for" : `${p.first ? "the nearest to" : "near"} the time asked for (${p.offBy} away)`}${
        p.after > 0 ? `, ${fmt(p.after, "en")} ${p.after === 1 ? "day" : "days"} on` : ""
      }${p.missing > 0 ? `; ${fmt(p.missing, "en")} optional ${p.missing === 1 ? "attendee" : "attendees"} cannot come` : "; everyone can come"}`,
  }),
  /** One line of `whyNone`: a day, or one of its half-days, and what blocked it. */
  "slot-why": entry<{ day: string; part?: HalfDay | undefined; blocks: readonly string[] }>({
    vi: (p) => `${p.day}${p.part ? ` ${HALF.vi[p.part]}` : ""}: ${p.blocks.join("; ")}`,
    en: (p) => `${p.day}${p.part ? ` ${HALF.en[p.part]}` : ""}: ${p.blocks.join("; ")}`,
  }),
  /** A required attendee (or an optional one, on a slot) is in another meeting. */
  "block-busy": entry<{ person: string; meeting: string }>({
    vi: (p) => `${p.person} bận — ${p.meeting}`,
    en: (p) => `${p.person} is busy — ${p.meeting}`,
  }),
  "block-room": entry<{ room: string; meeting: string }>({
    vi: (p) => `${p.room} đã có lịch — ${p.meeting}`,
    en: (p) => `${p.room} is taken — ${p.meeting}`,
  }),
  /** A no-overlap rule keeps the new meeting apart from `meeting`. */
  "block-rule": entry<{ rule: string; meeting: string }>({
    vi: (p) => `quy định "${p.rule}" — trùng ${p.meeting}`,
    en: (p) => `rule "${p.rule}" — clashes with ${p.meeting}`,
  }),
  /** `name`: the day off's name in both languages. */
  "block-day-off": entry<{ name: Readonly<Record<Lang, string>> }>({
    vi: (p) => p.name.vi,
    en: (p) => p.name.en,
  }),
  /** Too early to send the invitations: `days` working days of notice are needed. */
  "block-notice": entry<{ days: number }>({
    vi: (p) => (p.days === 0 ? "đã qua" : `chưa đủ ${fmt(p.days, "vi")} ngày làm việc báo trước`),
    en: (p) => (p.days === 0 ? "already past" : `less than ${fmt(p.days, "en")} working ${p.days === 1 ? "day" : "days"} of notice`),
  }),
  /** No free stretch as long as the meeting (`duration` in words) is left. */
  "block-short": entry<{ duration: string }>({
    vi: (p) => `không còn khoảng trống ${p.duration} liền`,
    en: (p) => `no free stretch of ${p.duration}`,
  }),
  /** A person already has `count` meetings that day, `max` at most (the request's `maxPerDay`, the new meeting included). */
  "block-max-per-day": entry<{ person: string; count: number; max: number }>({
    vi: (p) => `${p.person} đã có ${fmt(p.count, "vi")} cuộc họp trong ngày (tối đa ${fmt(p.max, "vi")} kể cả cuộc họp mới)`,
    en: (p) =>
      `${p.person} already has ${fmt(p.count, "en")} ${p.count === 1 ? "meeting" : "meetings"} that day (at most ${fmt(p.max, "en")}, the new one included)`,
  }),
  /** Too few optional attendees free: `free` of `total`, `needed` at least. */
  "block-quorum": entry<{ free: number; total: number; needed: number }>({
    vi: (p) => `chỉ ${fmt(p.free, "vi")}/${fmt(p.total, "vi")} người dự không bắt buộc rảnh, cần ${fmt(p.needed, "vi")}`,
    en: (p) => `only ${fmt(p.free, "en")} of ${fmt(p.total, "en")} optional attendees free, ${fmt(p.needed, "en")} needed`,
  }),
  /** A cadence rule's period (`period`: "tháng 05/2024") already has its most meetings. */
  "block-cadence": entry<{ rule: string; period: string; max: number }>({
    vi: (p) => `quy định "${p.rule}": ${p.period} đã đủ ${fmt(p.max, "vi")} buổi`,
    en: (p) => `rule "${p.rule}": ${p.period} already has ${fmt(p.max, "en")}`,
  }),
  /** A lead-time rule: no `before` meeting starts in the window before this time. */
  "block-lead-time": entry<{ rule: string; window: string }>({
    vi: (p) => `quy định "${p.rule}": chưa có cuộc họp nào ${p.window} trước đó`,
    en: (p) => `rule "${p.rule}": no meeting ${p.window} before`,
  }),
  /** `lichhop free`: the heading; `duration` in words, `from` and `to` as `dd/mm/yyyy`. */
  "free-heading": entry<{ duration: string; from: string; to: string }>({
    vi: (p) => `Thời gian trống cho cuộc họp ${p.duration}, từ ${p.from} đến ${p.to}`,
    en: (p) => `Free times for a meeting of ${p.duration}, ${p.from} to ${p.to}`,
  }),
  /** `lichhop free`: a slot's room, optional attendees who cannot come, a warning; and the headings of near misses and of what blocked the window. */
  "free-label": entry<{ label: "room" | "busy" | "warning" | "near" | "none" }>({
    vi: (p) =>
      ({
        room: "Phòng",
        busy: "Vắng",
        warning: "Cảnh báo",
        near: "Gần được (thiếu người dự không bắt buộc hoặc có cảnh báo)",
        none: "Không có thời gian trống. Lý do từng ngày",
      })[p.label],
    en: (p) =>
      ({
        room: "Room",
        busy: "Cannot come",
        warning: "Warning",
        near: "Near misses (optional attendees short, or a warning)",
        none: "No free time. What blocked each day",
      })[p.label],
  }),
  /** `lichhop free` without `--duration`. */
  "free-needs-duration": entry({
    vi: () => "lichhop free: cần --duration, thời lượng cuộc họp theo ISO 8601, ví dụ PT2H (2 giờ)",
    en: () => "lichhop free: expected --duration, the meeting's length in ISO 8601 (e.g. PT2H)",
  }),
  /** `--half-day` other than sang or chieu. */
  "bad-half-day": entry<{ found: string }>({
    vi: (p) => `--half-day ${p.found}: cần sang (buổi sáng) hoặc chieu (buổi chiều)`,
    en: (p) => `--half-day ${p.found}: expected sang (morning) or chieu (afternoon)`,
  }),
  /** `--now` that is no local time. */
  "bad-now": entry<{ found: string }>({
    vi: (p) => `--now ${p.found}: cần ngày YYYY-MM-DD hoặc giờ địa phương YYYY-MM-DDTHH:MM`,
    en: (p) => `--now ${p.found}: expected a date YYYY-MM-DD or a local time YYYY-MM-DDTHH:MM`,
  }),
  /** The request's half-day or times leave nothing of the day's working periods. */
  "block-outside": entry({
    vi: () => "ngoài khung giờ yêu cầu",
    en: () => "outside the times asked for",
  }),
  /**
   * A field of a free-slot request with a wrong value: `path` as `request.attendees.required[0]`,
   * `found` the value as JSON (undefined: nothing there).
   */
  "request-invalid": entry<{ path: string; expected: RequestExpected; found?: string | undefined }>({
    vi: (p) => `${p.path}: cần ${requestExpectedText(p.expected, "vi")}, nhận được ${p.found ?? "giá trị rỗng"}`,
    en: (p) => `${p.path}: expected ${requestExpectedText(p.expected, "en")}, got ${p.found ?? "nothing"}`,
  }),
  /** A field a free-slot request does not have; `hint`, the nearest one. */
  "request-unknown-field": entry<{ path: string; field: string; hint?: string | undefined }>({
    vi: (p) => `${p.path}: không có trường "${p.field}"${p.hint ? `; có phải "${p.hint}"?` : ""}`,
    en: (p) => `${p.path}: unknown field "${p.field}"${p.hint ? `; did you mean "${p.hint}"?` : ""}`,
  }),
  /** A body, person or room of a free-slot request that the schedule does not have. */
  "request-unknown-reference": entry<{ path: string; kind: "body" | "attendee" | "room"; id: string; hint?: string | undefined }>({
    vi: (p) => `${p.path}: không tìm thấy ${REFERENCE_KINDS.vi[p.kind]} "${p.id}"${p.hint ? `; có phải "${p.hint}"?` : ""}`,
    en: (p) => `${p.path}: unknown ${REFERENCE_KINDS.en[p.kind]} "${p.id}"${p.hint ? `; did you mean "${p.hint}"?` : ""}`,
  }),
  /** `lichhop free`: the request built from the command line is refused; `problems`, each worded by the messages above. */
  "free-bad-request": entry<{ problems: readonly string[] }>({
    vi: (p) => `lichhop free: yêu cầu không hợp lệ: ${p.problems.join("; ")}`,
    en: (p) => `lichhop free: bad request: ${p.problems.join("; ")}`,
  }),
  /** `lichhop suggest`: the heading, over `count` findings whose clashes were searched. */
  "suggest-heading": entry<{ count: number }>({
    vi: (p) => `Gợi ý dời lịch cho ${p.count} phát hiện`,
    en: (p) => `Suggested moves for ${p.count} finding${p.count === 1 ? "" : "s"}`,
  }),
  /** `lichhop suggest`: the report has no clash that can be moved. */
  "suggest-nothing": entry({
    vi: () => "Không có xung đột nào cần dời lịch.",
    en: () => "No clash to move.",
  }),
  /** `lichhop suggest`: the clash searched, by the local date of the conflict moves are for. */
  "suggest-date": entry<{ date: string }>({
    vi: (p) => `Xung đột ngày ${p.date}`,
    en: (p) => `The clash of ${p.date}`,
  }),
  /** One side of a clash: the occurrence that may move, and where its meeting is in the file. */
  "suggest-side": entry<{ title: string; occurrence: string; place?: string | undefined }>({
    vi: (p) => `Dời "${p.title}" (buổi ${p.occurrence}${p.place ? `; ${p.place}` : ""})`,
    en: (p) => `Move "${p.title}" (the one of ${p.occurrence}${p.place ? `; ${p.place}` : ""})`,
  }),
  /** What a move does to the report: findings it resolves, warnings it adds (a move never adds an error). */
  "suggest-effects": entry<{ resolves: number; adds: number }>({
    vi: (p) => `Giải quyết ${p.resolves} phát hiện; ${p.adds === 0 ? "không phát sinh phát hiện mới" : `phát sinh ${p.adds} cảnh báo`}`,
    en: (p) =>
      `Resolves ${p.resolves} finding${p.resolves === 1 ? "" : "s"}; ${p.adds === 0 ? "adds none" : `adds ${p.adds} warning${p.adds === 1 ? "" : "s"}`}`,
  }),
  /** Above the `changes` entry to paste. */
  "suggest-paste": entry({
    vi: () => "Thêm vào changes của cuộc họp (thay mục có cùng occurrence, nếu có):",
    en: () => "Add to the meeting's changes (replacing the entry for the same occurrence, if any):",
  }),
  /** A side no time was found for, searched over `days` days from `from`. */
  "suggest-no-move": entry<{ days: number; from: string }>({
    vi: (p) => `Không tìm được thời gian khác trong ${p.days} ngày từ ${p.from}`,
    en: (p) => `No other time within ${p.days} days from ${p.from}`,
  }),
  /** A side that is an all-day (or multi-day) occurrence: not moved. */
  "suggest-all-day": entry({
    vi: () => "Cuộc họp cả ngày: không tự động dời",
    en: () => "All-day meeting: not moved automatically",
  }),
  /** A side that starts before now: not moved. */
  "suggest-past": entry({
    vi: () => "Buổi họp đã qua: không dời",
    en: () => "Already past: not moved",
  }),
  /** Findings of kinds that are not moved (cadence, lead time). */
  "suggest-skipped": entry<{ count: number }>({
    vi: (p) => `${p.count} phát hiện về số lần họp hoặc thời hạn chuẩn bị không dời tự động được`,
    en: (p) => `${p.count} cadence or lead-time finding${p.count === 1 ? " is" : "s are"} not moved automatically`,
  }),
  /** Moves were searched for the first `shown` findings only. */
  "suggest-more": entry<{ shown: number; more: number }>({
    vi: (p) => `Chỉ gợi ý cho ${p.shown} phát hiện đầu; còn ${p.more} phát hiện: dùng lichhop suggest FILE --finding ID`,
    en: (p) => `Moves are suggested for the first ${p.shown} findings only; ${p.more} more: use lichhop suggest FILE --finding ID`,
  }),
  /** `check --suggest`: the top move of one side, under its finding. */
  "suggest-line": entry<{ title: string; occurrence: string; when: string }>({
    vi: (p) => `Gợi ý: dời "${p.title}" (buổi ${p.occurrence}) sang ${p.when}`,
    en: (p) => `Suggestion: move "${p.title}" (the one of ${p.occurrence}) to ${p.when}`,
  }),
  /** The reason of a whole-series move: its new time of day. */
  "suggest-series-reason": entry<{ from: string; to: string }>({
    vi: (p) => `cả chuỗi sang ${p.from}–${p.to}, các ngày giữ nguyên`,
    en: (p) => `the whole series at ${p.from}–${p.to}, on the same days`,
  }),
  /** `lichhop suggest`: above a side's whole-series moves, `dates` the finding's dates. */
  "suggest-series-heading": entry<{ dates: number }>({
    vi: (p) => `Hoặc dời cả chuỗi (trùng ${p.dates} buổi):`,
    en: (p) => `Or move the whole series (${p.dates} clashing dates):`,
  }),
  /** Above a series move's fields. */
  "suggest-series-paste": entry({
    vi: () => "Thay các trường này của cuộc họp:",
    en: () => "Replace these fields of the meeting:",
  }),
  /** `check --suggest`: the top whole-series move of a side. */
  "suggest-series-line": entry<{ title: string; when: string; edit: string }>({
    vi: (p) => `Gợi ý: dời cả chuỗi "${p.title}" sang ${p.when}; thay: ${p.edit}`,
    en: (p) => `Suggestion: move the whole series "${p.title}" to ${p.when}; replace: ${p.edit}`,
  }),
  /** `check --suggest`: the entry of a move, as one line to paste into the meeting's `changes`. */
  "suggest-paste-line": entry<{ entry: string }>({
    vi: (p) => `Thêm vào changes: ${p.entry}`,
    en: (p) => `Add to changes: ${p.entry}`,
  }),
  /** `check --suggest`: no side of the finding's clash has a move (`past`: every side is past or all-day). */
  "suggest-line-none": entry<{ days: number; past: boolean }>({
    vi: (p) =>
      p.past ? "Gợi ý: không dời được, các buổi họp đã qua" : `Gợi ý: không tìm được thời gian khác trong ${p.days} ngày cho bên nào`,
    en: (p) => (p.past ? "Suggestion: none, the meetings are past" : `Suggestion: no other time within ${p.days} days for either side`),
  }),
  /** `--finding`/`--conflict` names nothing of the report. */
  "suggest-unknown-id": entry<{ option: string; id: string; findings: number }>({
    vi: (p) => `${p.option}: báo cáo không có mã "${p.id}" (có ${p.findings} phát hiện; mã nằm ở dòng "id:" của lichhop check)`,
    en: (p) => `${p.option}: the report has no id "${p.id}" (it has ${p.findings} findings; ids are on the "id:" lines of lichhop check)`,
  }),
  /** `--finding`/`--conflict` names a cadence or lead-time clash. */
  "suggest-not-movable": entry<{ option: string; id: string }>({
    vi: (p) => `${p.option}: "${p.id}" là phát hiện về số lần họp hoặc thời hạn chuẩn bị, không dời tự động được`,
    en: (p) => `${p.option}: "${p.id}" is a cadence or lead-time clash, which is not moved automatically`,
  }),
  /** Both `--finding` and `--conflict`. */
  "suggest-one-id": entry({
    vi: () => "Chỉ dùng một trong --finding và --conflict",
    en: () => "Give --finding or --conflict, not both",
  }),
  /** `--suggest` with a format that has no place for it. */
  "suggest-format": entry<{ format: string }>({
    vi: (p) => `--suggest chỉ dùng với --format text hoặc json (không dùng với ${p.format})`,
    en: (p) => `--suggest works with --format text or json (not ${p.format})`,
  }),
};
