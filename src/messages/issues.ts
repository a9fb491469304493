import { dmy, entry, fmt, type Lang } from "./entry";
import { durationText, expectedText, foundText, type Expected, type Found } from "./expected";
import { REFERENCE_KINDS, type ReferenceKind } from "./labels";
import { rruleExpectedText, type RRuleExpected } from "./rrule";
import { yamlReasonText } from "./yaml";

/** `10/03/2024` for `2024-03-10`, `10/03/2024 08:00` for `2024-03-10T08:00`. */
const dmyTime = (text: string): string => (text.length > 10 ? `${dmy(text.slice(0, 10))} ${text.slice(11, 16)}` : dmy(text));

/** What a file that is not UTF-8 looks like it was saved as (see `decodeScheduleBytes`). */
export type EncodingGuess = "windows-1258" | "single-byte";

const GUESS: Readonly<Record<Lang, Readonly<Record<EncodingGuess, string>>>> = {
  vi: {
    "windows-1258": "bảng mã Windows-1258 (tiếng Việt)",
    "single-byte": "một bảng mã 1 byte (Windows-1252/Latin-1, TCVN3 hoặc VNI)",
  },
  en: {
    "windows-1258": "Windows-1258 (Vietnamese)",
    "single-byte": "a one-byte encoding (Windows-1252/Latin-1, TCVN3 or VNI)",
  },
};

/** ` (20 MB)` for 20971520 (MB of 1024 × 1024 bytes, as `--max-size` reads them), `(1,5 MB)` in Vietnamese; nothing below 1 MB. */
function megabytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return "";
  const text = Number.isInteger(mb) ? fmt(mb, lang) : `${fmt(Math.trunc(mb), lang)}${lang === "vi" ? "," : "."}${mb.toFixed(1).slice(-1)}`;
  return ` (${text} MB)`;
}

/** The messages of issues: what was found in a schedule file or argument, and what was expected. */
export const ISSUE_MESSAGES = {
  /** `detail` is the YAML reader's reason, in English (see `yamlReasonText`). */
  "yaml-syntax": entry<{ format: string; detail: string }>({
    vi: (p) => `Lỗi cú pháp ${p.format}: ${yamlReasonText(p.detail, "vi")}`,
    en: (p) => `${p.format} syntax error: ${p.detail}`,
  }),
  "too-many-aliases": entry({
    vi: () => "Tệp dùng quá nhiều bí danh YAML (*alias): tối đa 100 để tránh bùng nổ bộ nhớ",
    en: () => "too many YAML aliases (*alias): at most 100, to guard against alias bombs",
  }),
  /** `hint` is the allowed field nearest to `field`, when one is near. */
  "unknown-field": entry<{ field: string; allowed: string; hint?: string | undefined }>({
    vi: (p) => `Trường không hợp lệ "${p.field}"${p.hint ? ` (có phải "${p.hint}"?)` : ""}; các trường được phép: ${p.allowed}`,
    en: (p) => `unknown field "${p.field}"${p.hint ? ` (did you mean "${p.hint}"?)` : ""}; expected one of: ${p.allowed}`,
  }),
  "missing-field": entry<{ field: string; expected: Expected }>({
    vi: (p) => `Thiếu trường bắt buộc "${p.field}" (cần ${expectedText(p.expected, "vi")})`,
    en: (p) => `missing field "${p.field}" (expected ${expectedText(p.expected, "en")})`,
  }),
  "wrong-type": entry<{ expected: Expected; found: Found }>({
    vi: (p) => `Sai kiểu dữ liệu: cần ${expectedText(p.expected, "vi")}, nhận được ${foundText(p.found, "vi", true)}`,
    en: (p) => `wrong type: expected ${expectedText(p.expected, "en")}, found ${foundText(p.found, "en", true)}`,
  }),
  "invalid-value": entry<{ found: Found; expected: Expected }>({
    vi: (p) => `Giá trị không hợp lệ ${foundText(p.found, "vi")}: cần ${expectedText(p.expected, "vi")}`,
    en: (p) => `invalid value ${foundText(p.found, "en")}: expected ${expectedText(p.expected, "en")}`,
  }),
  /** Without `second`, `first` is given with the details of a change (start, end, title, …). */
  "conflicting-fields": entry<{ first: string; second?: string | undefined }>({
    vi: (p) =>
      `Không được dùng đồng thời "${p.first}" và ${p.second === undefined ? "các thông tin thay đổi khác (start, end, title…)" : `"${p.second}"`}: chỉ dùng một`,
    en: (p) => `"${p.first}" and ${p.second === undefined ? "new details" : `"${p.second}"`} cannot be used together: give only one`,
  }),
  /** `cancelled: true` beside a `status` or `note`, which the dropped occurrence would lose. */
  "cancelled-kept": entry<{ field: "status" | "note" }>({
    vi: (p) =>
      `"cancelled: true" loại bỏ hẳn buổi họp nên "${p.field}" sẽ không được hiển thị ở đâu; để giữ buổi họp trong lịch, có đánh dấu hủy hoặc hoãn và ghi chú, hãy dùng "status: cancelled" (hoặc "postponed") thay cho "cancelled: true"`,
    en: (p) =>
      `"cancelled: true" drops the occurrence, so its "${p.field}" would be shown nowhere: to keep it listed, marked and with its note, use "status: cancelled" (or "postponed") instead of "cancelled: true"`,
  }),
  "unknown-reference": entry<{ kind: ReferenceKind; id: string; hint?: string | undefined }>({
    vi: (p) => `Không tìm thấy ${REFERENCE_KINDS.vi[p.kind]} "${p.id}"${p.hint ? `; có phải "${p.hint}"?` : ""}`,
    en: (p) => `unknown ${REFERENCE_KINDS.en[p.kind]} "${p.id}"${p.hint ? `; did you mean "${p.hint}"?` : ""}`,
  }),
  /** An attendee id that is both a body's and a person's: which one it means is not known. */
  "ambiguous-reference": entry<{ id: string; bodyLine?: number | undefined; personLine?: number | undefined }>({
    vi: (p) =>
      `"${p.id}" vừa là mã cơ quan (dòng ${p.bodyLine ?? "?"}) vừa là mã người (dòng ${p.personLine ?? "?"}): thành phần dự họp phải chỉ rõ một; đổi mã của một trong hai`,
    en: (p) =>
      `"${p.id}" is both a body (line ${p.bodyLine ?? "?"}) and a person (line ${p.personLine ?? "?"}): an attendee must name one; rename one of them`,
  }),
  /** Without `line`, the first use's line is unknown and shown as "?". */
  "duplicate-id": entry<{ id: string; line?: number | undefined }>({
    vi: (p) => `Mã "${p.id}" bị trùng (đã dùng ở dòng ${p.line ?? "?"})`,
    en: (p) => `duplicate id "${p.id}" (already used on line ${p.line ?? "?"})`,
  }),
  "empty-selector": entry({
    vi: () => "Bộ chọn rỗng: cần ít nhất một danh sách bodies, groups, meetings hoặc tags",
    en: () => "empty selector: expected at least one of bodies, groups, meetings or tags",
  }),
  "bad-rrule": entry<{ part: string; expected: RRuleExpected }>({
    vi: (p) => `Quy tắc lặp (RRULE) không hợp lệ ở "${p.part}": cần ${rruleExpectedText(p.expected, "vi")}`,
    en: (p) => `bad RRULE at "${p.part}": expected ${rruleExpectedText(p.expected, "en")}`,
  }),
  "start-not-in-rule": entry<{ start: string; rule: string; first?: string | undefined }>({
    vi: (p) =>
      `Thời điểm bắt đầu ${dmyTime(p.start)} không khớp quy tắc lặp ${p.rule}${p.first ? ` (lần đầu tiên theo quy tắc là ${dmyTime(p.first)})` : ""}; dùng "extra" để thêm buổi họp ngoài quy tắc`,
    en: (p) =>
      `start ${p.start} is not an occurrence of ${p.rule}${p.first ? ` (its first is ${p.first})` : ""}; use "extra" for an occurrence outside the rule`,
  }),
  "unknown-zone": entry<{ zone: string }>({
    vi: (p) => `Múi giờ không tồn tại "${p.zone}": cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh`,
    en: (p) => `unknown time zone "${p.zone}": expected an IANA zone such as Asia/Ho_Chi_Minh`,
  }),
  "end-before-start": entry<{ start: string; end: string }>({
    vi: (p) => `Thời điểm kết thúc ${dmyTime(p.end)} phải sau thời điểm bắt đầu ${dmyTime(p.start)}`,
    en: (p) => `end ${p.end} must be after start ${p.start}`,
  }),
  /** A person's membership of `body` whose last date comes before its first (`from`, `to`: YYYY-MM-DD). */
  "membership-to-before-from": entry<{ body: string; from: string; to: string }>({
    vi: (p) =>
      `Thời gian là thành viên của "${p.body}" không hợp lệ: ngày kết thúc ${dmy(p.to)} trước ngày bắt đầu ${dmy(p.from)}; cả hai ngày đều được tính, nên thành viên trong một ngày thì ngày bắt đầu và ngày kết thúc trùng nhau`,
    en: (p) =>
      `the membership of "${p.body}" ends (to ${p.to}) before it begins (from ${p.from}); both dates count, so a membership of one day has the same from and to`,
  }),
  "no-such-occurrence": entry<{ occurrence: string; found: number }>({
    vi: (p) =>
      p.found === 0
        ? `Cuộc họp không có buổi nào vào ${dmyTime(p.occurrence)}`
        : `${p.occurrence} ứng với nhiều buổi họp; ghi rõ giờ, ví dụ ${p.occurrence}T08:00`,
    en: (p) =>
      p.found === 0
        ? `the series has no occurrence at ${p.occurrence}`
        : `${p.occurrence} names several occurrences; give the time too, e.g. ${p.occurrence}T08:00`,
  }),
  /** `original`: the rule's own date (or date-time) of the occurrence a day-off move put on `occurrence`. */
  "occurrence-moved-here": entry<{ occurrence: string; original: string }>({
    vi: (p) =>
      `Cuộc họp không có buổi nào vào ${dmyTime(p.occurrence)}: buổi họp ngày ${dmyTime(p.original)} được dời sang ngày này vì trùng ngày nghỉ (onDayOff); hãy ghi ngày gốc ${p.original}`,
    en: (p) =>
      `the series has no occurrence at ${p.occurrence}: the one of ${p.original} was moved there off a day off (onDayOff); name its original date, ${p.original}`,
  }),
  "no-horizon": entry({
    vi: () => "Thiếu khoảng thời gian kiểm tra: đặt horizon trong tệp hoặc --from/--to",
    en: () => "no horizon: set horizon in the file or --from/--to",
  }),
  "bad-horizon": entry<{ from: string; to: string }>({
    vi: (p) => `Khoảng thời gian không hợp lệ: ngày kết thúc ${dmy(p.to)} trước ngày bắt đầu ${dmy(p.from)}`,
    en: (p) => `bad horizon: to ${p.to} is before from ${p.from}`,
  }),
  "too-many-occurrences": entry<{ max: number }>({
    vi: (p) => `Cuộc họp có hơn ${fmt(p.max, "vi")} buổi trong khoảng thời gian kiểm tra`,
    en: (p) => `the series gives more than ${fmt(p.max, "en")} occurrences in the horizon`,
  }),
  "too-many-occurrences-total": entry<{ max: number }>({
    vi: (p) =>
      `Lịch họp có hơn ${fmt(p.max, "vi")} buổi trong khoảng thời gian kiểm tra (tính đến cuộc họp này); thu hẹp khoảng thời gian kiểm tra hoặc nâng giới hạn (--max-occurrences)`,
    en: (p) =>
      `the schedule gives more than ${fmt(p.max, "en")} occurrences in the horizon (counting up to this meeting); narrow the horizon or raise the limit (--max-occurrences)`,
  }),
  "runaway-rule": entry<{ max: number }>({
    vi: (p) =>
      `Quy tắc lặp quá dày: việc duyệt các quy tắc lặp của lịch vượt quá ${fmt(p.max, "vi")} bước (quy tắc có COUNT được duyệt từ ngày bắt đầu của cuộc họp; tính cả các thời điểm BYHOUR/BYMINUTE/BYSECOND sinh ra và từng giờ, phút, giây của quy tắc HOURLY, MINUTELY, SECONDLY); cho cuộc họp bắt đầu gần khoảng thời gian kiểm tra hơn, dùng UNTIL thay cho COUNT hoặc dùng tần suất thưa hơn`,
    en: (p) =>
      `runaway rule: walking the schedule's rules takes more than ${fmt(p.max, "en")} steps (a rule with COUNT is walked from its series' start; the instants BYHOUR/BYMINUTE/BYSECOND add and each period of an HOURLY, MINUTELY or SECONDLY rule count); start the series closer to the horizon, use UNTIL instead of COUNT, or use a coarser frequency`,
  }),
  "date-out-of-range": entry<{ found: string; first: number; last: number }>({
    vi: (p) => `Ngày ${dmyTime(p.found)} nằm ngoài phạm vi hỗ trợ: cần ngày từ 01/01/${p.first} đến 31/12/${p.last}`,
    en: (p) => `the date ${p.found} is outside the supported years: expected a date from ${p.first}-01-01 to ${p.last}-12-31`,
  }),
  "duration-too-long": entry<{ found: string; max: number }>({
    vi: (p) => `Thời lượng ${durationText(p.found, "vi")} quá dài: tối đa ${p.max} ngày`,
    en: (p) => `the duration ${p.found} is too long: at most ${p.max} days (P${p.max}D)`,
  }),
  "end-too-late": entry<{ found: string; max: number }>({
    vi: (p) => `Thời điểm kết thúc ${dmyTime(p.found)} quá xa: cuộc họp kéo dài tối đa ${p.max} ngày`,
    en: (p) => `the end ${p.found} is too late: a meeting lasts at most ${p.max} days`,
  }),
  "rrule-too-long": entry<{ length: number; max: number }>({
    vi: (p) => `Quy tắc lặp (RRULE) dài ${fmt(p.length, "vi")} ký tự: tối đa ${fmt(p.max, "vi")} ký tự`,
    en: (p) => `the RRULE has ${fmt(p.length, "en")} characters: at most ${fmt(p.max, "en")}`,
  }),
  "too-many-conflicts": entry<{ max: number }>({
    vi: (p) =>
      `Lịch họp có hơn ${fmt(p.max, "vi")} xung đột (dừng kiểm tra tại cuộc họp này); sửa các xung đột lặp lại, thu hẹp khoảng thời gian kiểm tra hoặc nâng giới hạn (--max-conflicts)`,
    en: (p) =>
      `the schedule has more than ${fmt(p.max, "en")} conflicts (the check stopped at this meeting); fix the repeated clashes, narrow the horizon or raise the limit (--max-conflicts)`,
  }),
  "too-many-findings": entry<{ max: number }>({
    vi: (p) =>
      `Lịch họp có hơn ${fmt(p.max, "vi")} vấn đề (mỗi vấn đề là hai cuộc họp trùng lịch với nhau, một cuộc họp trùng ngày nghỉ…; dừng kiểm tra tại cuộc họp này); sửa các xung đột lặp lại, thu hẹp khoảng thời gian kiểm tra hoặc nâng giới hạn (--max-findings)`,
    en: (p) =>
      `the schedule has more than ${fmt(p.max, "en")} findings (each a clash of two meeting series, a series on days off…; the check stopped at this meeting); fix the repeated clashes, narrow the horizon or raise the limit (--max-findings)`,
  }),
  "too-many-events": entry<{ max: number; expand: boolean }>({
    vi: (p) =>
      `Các lịch iCal sẽ có hơn ${fmt(p.max, "vi")} sự kiện (mỗi lịch theo người, cơ quan, phòng họp lặp lại các buổi họp của mình)${p.expand ? "; bỏ --expand để ghi mỗi cuộc họp một sự kiện," : ";"} thu hẹp khoảng thời gian kiểm tra hoặc nâng giới hạn (--max-events)`,
    en: (p) =>
      `the feeds would hold more than ${fmt(p.max, "en")} events (every person, body and room feed repeats its meetings)${p.expand ? "; drop --expand to write one event per series," : ";"} narrow the horizon or raise the limit (--max-events)`,
  }),
  "too-many-rule-checks": entry<{ max: number }>({
    vi: (p) =>
      `Các quy định của lịch phải xét hơn ${fmt(p.max, "vi")} lượt buổi họp (mỗi quy định cadence, lead-time xét mọi buổi họp; mỗi quy định no-overlap xét các buổi họp của hai bên; tính đến quy định này); gộp các quy định giống nhau hoặc thu hẹp khoảng thời gian kiểm tra`,
    en: (p) =>
      `the schedule's rules would look at more than ${fmt(p.max, "en")} occurrences (each cadence and lead-time rule reads every occurrence, each no-overlap rule those of its two sides; counting up to this rule); merge rules that repeat each other or narrow the horizon`,
  }),
  "too-many-issues": entry<{ shown: number; more: number }>({
    vi: (p) => `… và ${fmt(p.more, "vi")} lỗi khác (chỉ hiện ${fmt(p.shown, "vi")} lỗi đầu tiên)`,
    en: (p) => `… and ${fmt(p.more, "en")} more issues (only the first ${fmt(p.shown, "en")} are shown)`,
  }),
  "horizon-too-long": entry<{ from: string; to: string; max: number }>({
    vi: (p) => `Khoảng thời gian kiểm tra ${dmy(p.from)}–${dmy(p.to)} quá dài: tối đa ${fmt(p.max, "vi")} ngày (10 năm)`,
    en: (p) => `the horizon ${p.from} … ${p.to} is too long: at most ${fmt(p.max, "en")} days (ten years)`,
  }),
  /** `first` and `second` are file names; a line not known is shown as "?". */
  "setting-differs": entry<{
    field: string;
    first: string;
    firstLine?: number | undefined;
    second: string;
    secondLine?: number | undefined;
  }>({
    vi: (p) =>
      `"${p.field}" khác nhau giữa ${p.first} (dòng ${p.firstLine ?? "?"}) và ${p.second} (dòng ${p.secondLine ?? "?"}): hãy khai báo một lần hoặc giống nhau ở mọi tệp`,
    en: (p) =>
      `"${p.field}" differs between ${p.first} (line ${p.firstLine ?? "?"}) and ${p.second} (line ${p.secondLine ?? "?"}): give it once or the same in every file`,
  }),
  "duplicate-across": entry<{ id: string; file: string; line: number }>({
    vi: (p) => `Mã "${p.id}" bị trùng (đã dùng ở ${p.file} dòng ${p.line})`,
    en: (p) => `duplicate id "${p.id}" (already used in ${p.file} on line ${p.line})`,
  }),
  "bad-encoding": entry<{ byte: string; guess: EncodingGuess }>({
    vi: (p) =>
      `Tệp không phải mã UTF-8: byte ${p.byte} không hợp lệ trong UTF-8; tệp có vẻ được lưu bằng ${GUESS.vi[p.guess]}: hãy lưu lại bằng mã UTF-8`,
    en: (p) => `not UTF-8: byte ${p.byte} is not valid UTF-8; the file looks like ${GUESS.en[p.guess]}: save it as UTF-8`,
  }),
  "bad-encoding-utf16": entry<{ endian: "le" | "be" }>({
    vi: (p) =>
      `Tệp được lưu bằng mã UTF-16 (${p.endian === "be" ? "big-endian" : "little-endian"}), không phải UTF-8: hãy lưu lại bằng mã UTF-8`,
    en: (p) => `not UTF-8: the file looks like UTF-16 (${p.endian === "be" ? "big-endian" : "little-endian"}): save it as UTF-8`,
  }),
  "file-too-large": entry<{ size?: number | undefined; max: number }>({
    vi: (p) =>
      `Tệp ${p.size === undefined ? "có hơn" : `có ${fmt(p.size, "vi")} byte, vượt`} giới hạn ${fmt(p.max, "vi")} byte${megabytes(p.max, "vi")}; tách tệp hoặc nâng giới hạn bằng --max-size`,
    en: (p) =>
      `the file ${p.size === undefined ? "has more than" : `has ${fmt(p.size, "en")} bytes, more than`} the limit of ${fmt(p.max, "en")} bytes${megabytes(p.max, "en")}; split it or raise the limit with --max-size`,
  }),
  "not-a-mapping": entry({
    vi: () => `Tệp lịch phải là một ánh xạ (version, meetings, …)`,
    en: () => `a schedule file must be a mapping (version, meetings, …)`,
  }),
};
