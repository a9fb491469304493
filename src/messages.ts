import { formatDmy } from "./time/wall-text";

/** A language lichhop writes its messages in. */
export type Lang = "vi" | "en";

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

/** Every message lichhop writes, in Vietnamese and English. */
const MESSAGES = {
  "yaml-syntax": {
    vi: (p) => `Lỗi cú pháp ${p.format}: ${p.detail}`,
    en: (p) => `${p.format} syntax error: ${p.detail}`,
  },
  "too-many-aliases": {
    vi: () => "Tệp dùng quá nhiều bí danh YAML (*alias): tối đa 100 để tránh bùng nổ bộ nhớ",
    en: () => "too many YAML aliases (*alias): at most 100, to guard against alias bombs",
  },
  "unknown-field": {
    vi: (p) => `Trường không hợp lệ "${p.field}"; các trường được phép: ${p.allowed}`,
    en: (p) => `unknown field "${p.field}"; expected one of: ${p.allowed}`,
  },
  "missing-field": {
    vi: (p) => `Thiếu trường bắt buộc "${p.field}" (cần ${p.expected})`,
    en: (p) => `missing field "${p.field}" (expected ${p.expected})`,
  },
  "wrong-type": {
    vi: (p) => `Sai kiểu dữ liệu: cần ${p.expected}, nhận được ${p.found}`,
    en: (p) => `wrong type: expected ${p.expected}, found ${p.found}`,
  },
  "invalid-value": {
    vi: (p) => `Giá trị không hợp lệ ${p.found}: cần ${p.expected}`,
    en: (p) => `invalid value ${p.found}: expected ${p.expected}`,
  },
  "conflicting-fields": {
    vi: (p) => `Không được dùng đồng thời ${p.fields}: chỉ dùng một`,
    en: (p) => `${p.fields} cannot be used together: give only one`,
  },
  "unknown-reference": {
    vi: (p) => `Không tìm thấy ${p.kind} "${p.id}"${p.hint ? `; có phải "${p.hint}"?` : ""}`,
    en: (p) => `unknown ${p.kind} "${p.id}"${p.hint ? `; did you mean "${p.hint}"?` : ""}`,
  },
  "duplicate-id": {
    vi: (p) => `Mã "${p.id}" bị trùng (đã dùng ở dòng ${p.line})`,
    en: (p) => `duplicate id "${p.id}" (already used on line ${p.line})`,
  },
  "empty-selector": {
    vi: () => "Bộ chọn rỗng: cần ít nhất một danh sách bodies, groups, meetings hoặc tags",
    en: () => "empty selector: expected at least one of bodies, groups, meetings or tags",
  },
  "bad-rrule": {
    vi: (p) => `Quy tắc lặp (RRULE) không hợp lệ ở "${p.part}": cần ${p.expected}`,
    en: (p) => `bad RRULE at "${p.part}": expected ${p.expected}`,
  },
  "start-not-in-rule": {
    vi: (p) =>
      `Thời điểm bắt đầu ${p.start} không khớp quy tắc lặp ${p.rule}${p.first ? ` (lần đầu tiên theo quy tắc là ${p.first})` : ""}; dùng "extra" để thêm buổi họp ngoài quy tắc`,
    en: (p) =>
      `start ${p.start} is not an occurrence of ${p.rule}${p.first ? ` (its first is ${p.first})` : ""}; use "extra" for an occurrence outside the rule`,
  },
  "unknown-zone": {
    vi: (p) => `Múi giờ không tồn tại "${p.zone}": cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh`,
    en: (p) => `unknown time zone "${p.zone}": expected an IANA zone such as Asia/Ho_Chi_Minh`,
  },
  "end-before-start": {
    vi: (p) => `Thời điểm kết thúc ${p.end} phải sau thời điểm bắt đầu ${p.start}`,
    en: (p) => `end ${p.end} must be after start ${p.start}`,
  },
  "no-such-occurrence": {
    vi: (p) =>
      Number(p.found) === 0
        ? `Không có buổi họp nào của chuỗi vào ${p.occurrence}`
        : `${p.occurrence} chỉ tới nhiều buổi họp; ghi rõ giờ, ví dụ ${p.occurrence}T08:00`,
    en: (p) =>
      Number(p.found) === 0
        ? `the series has no occurrence at ${p.occurrence}`
        : `${p.occurrence} names several occurrences; give the time too, e.g. ${p.occurrence}T08:00`,
  },
  "bad-horizon": {
    vi: (p) =>
      p.missing
        ? "Thiếu khoảng thời gian kiểm tra: đặt horizon trong tệp hoặc --from/--to"
        : `Khoảng thời gian không hợp lệ: ngày kết thúc ${p.to} trước ngày bắt đầu ${p.from}`,
    en: (p) => (p.missing ? "no horizon: set horizon in the file or --from/--to" : `bad horizon: to ${p.to} is before from ${p.from}`),
  },
  "too-many-occurrences": {
    vi: (p) => `Chuỗi họp sinh quá ${fmt(p.max, "vi")} buổi trong khoảng thời gian kiểm tra`,
    en: (p) => `the series gives more than ${fmt(p.max, "en")} occurrences in the horizon`,
  },
  "too-many-occurrences-total": {
    vi: (p) =>
      `Lịch họp sinh quá ${fmt(p.max, "vi")} buổi trong khoảng thời gian kiểm tra (tính đến cuộc họp này); thu hẹp khoảng kiểm tra hoặc nâng giới hạn (--max-occurrences)`,
    en: (p) =>
      `the schedule gives more than ${fmt(p.max, "en")} occurrences in the horizon (counting up to this meeting); narrow the horizon or raise the limit (--max-occurrences)`,
  },
  "runaway-rule": {
    vi: (p) =>
      `Quy tắc lặp quá dày: việc duyệt các quy tắc lặp của lịch vượt quá ${fmt(p.max, "vi")} bước (tính từ ngày bắt đầu của mỗi chuỗi, kể cả các thời điểm BYHOUR/BYMINUTE/BYSECOND sinh ra); cho chuỗi bắt đầu gần khoảng kiểm tra hơn hoặc dùng tần suất thưa hơn`,
    en: (p) =>
      `runaway rule: walking the schedule's rules takes more than ${fmt(p.max, "en")} steps (counted from each series' start, with the instants BYHOUR/BYMINUTE/BYSECOND add); start the series closer to the horizon or use a coarser frequency`,
  },
  "date-out-of-range": {
    vi: (p) => `Ngày ${p.found} nằm ngoài phạm vi hỗ trợ: cần ngày từ 01/01/${p.first} đến 31/12/${p.last}`,
    en: (p) => `the date ${p.found} is outside the supported years: expected a date from ${p.first}-01-01 to ${p.last}-12-31`,
  },
  "duration-too-long": {
    vi: (p) => `Thời lượng ${p.found} quá dài: tối đa ${p.max} ngày (P${p.max}D)`,
    en: (p) => `the duration ${p.found} is too long: at most ${p.max} days (P${p.max}D)`,
  },
  "end-too-late": {
    vi: (p) => `Thời điểm kết thúc ${p.found} quá xa: cuộc họp kéo dài tối đa ${p.max} ngày`,
    en: (p) => `the end ${p.found} is too late: a meeting lasts at most ${p.max} days`,
  },
  "rrule-too-long": {
    vi: (p) => `Quy tắc lặp (RRULE) dài ${fmt(p.length, "vi")} ký tự: tối đa ${fmt(p.max, "vi")} ký tự`,
    en: (p) => `the RRULE has ${fmt(p.length, "en")} characters: at most ${fmt(p.max, "en")}`,
  },
  "too-many-conflicts": {
    vi: (p) =>
      `Lịch họp có hơn ${fmt(p.max, "vi")} xung đột (dừng kiểm tra tại cuộc họp này); sửa các xung đột lặp lại, thu hẹp khoảng kiểm tra hoặc nâng giới hạn (--max-conflicts)`,
    en: (p) =>
      `the schedule has more than ${fmt(p.max, "en")} conflicts (the check stopped at this meeting); fix the repeated clashes, narrow the horizon or raise the limit (--max-conflicts)`,
  },
  "too-many-events": {
    vi: (p) =>
      `Các lịch iCal sẽ có hơn ${fmt(p.max, "vi")} sự kiện (mỗi lịch theo người, cơ quan, phòng họp lặp lại các buổi họp của mình)${Number(p.expand) ? "; bỏ --expand để ghi mỗi chuỗi họp một sự kiện," : ";"} thu hẹp khoảng thời gian hoặc nâng giới hạn (--max-events)`,
    en: (p) =>
      `the feeds would hold more than ${fmt(p.max, "en")} events (every person, body and room feed repeats its meetings)${Number(p.expand) ? "; drop --expand to write one event per series," : ";"} narrow the horizon or raise the limit (--max-events)`,
  },
  "too-many-rule-checks": {
    vi: (p) =>
      `Các quy định của lịch phải xét hơn ${fmt(p.max, "vi")} lượt buổi họp (mỗi quy định cadence, lead-time xét mọi buổi họp; mỗi quy định no-overlap xét các buổi họp của hai bên; tính đến quy định này); gộp các quy định giống nhau hoặc thu hẹp khoảng thời gian kiểm tra`,
    en: (p) =>
      `the schedule's rules would look at more than ${fmt(p.max, "en")} occurrences (each cadence and lead-time rule reads every occurrence, each no-overlap rule those of its two sides; counting up to this rule); merge rules that repeat each other or narrow the horizon`,
  },
  "too-many-issues": {
    vi: (p) => `… và ${fmt(p.more, "vi")} lỗi khác (chỉ hiện ${fmt(p.shown, "vi")} lỗi đầu tiên)`,
    en: (p) => `… and ${fmt(p.more, "en")} more issues (only the first ${fmt(p.shown, "en")} are shown)`,
  },
  "horizon-too-long": {
    vi: (p) => `Khoảng thời gian kiểm tra ${dmy(p.from)}–${dmy(p.to)} quá dài: tối đa ${fmt(p.max, "vi")} ngày (10 năm)`,
    en: (p) => `the horizon ${p.from} … ${p.to} is too long: at most ${fmt(p.max, "en")} days (ten years)`,
  },
  "conflict-rule": {
    vi: (p) => `Vi phạm quy định "${p.rule}": ${p.a} trùng ${p.b}${p.gap ? ` (cách nhau dưới ${p.gap})` : ""}`,
    en: (p) => `breaks "${p.rule}": ${p.a} clashes with ${p.b}${p.gap ? ` (less than ${p.gap} apart)` : ""}`,
  },
  "conflict-attendee": {
    vi: (p) => `${p.subjects} cùng lúc dự ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  },
  "conflict-room": {
    vi: (p) => `${p.subjects} được xếp cho cả ${p.a} và ${p.b}`,
    en: (p) => `${p.subjects} booked for both ${p.a} and ${p.b}`,
  },
  "conflict-day-off": {
    vi: (p) => `${p.a} rơi vào ngày nghỉ: ${p.nameVi} (${p.date})`,
    en: (p) => `${p.a} falls on a day off: ${p.nameEn} (${p.date})`,
  },
  "conflict-working-hours": {
    vi: (p) => `${p.a} nằm ngoài giờ làm việc (${p.hours})`,
    en: (p) => `${p.a} is outside working hours (${p.hours})`,
  },
  "conflict-cadence": {
    vi: (p) =>
      `Vi phạm quy định "${p.rule}": ${p.count} buổi trong ${PERIOD_VI[String(p.per)] ?? p.per} ${dmy(p.from)}–${dmy(p.to)}, cần ${expected(p, "vi")}`,
    en: (p) =>
      `breaks "${p.rule}": ${p.count} ${Number(p.count) === 1 ? "occurrence" : "occurrences"} in the ${p.per} ${dmy(p.from)}–${dmy(p.to)}; expected ${expected(p, "en")}`,
  },
  "conflict-lead-time": {
    vi: (p) =>
      `Vi phạm quy định "${p.rule}": trước ${p.a} không có cuộc họp nào bắt đầu trong khoảng ${p.from} – ${p.to} (từ ${p.max} đến ${p.min} trước)`,
    en: (p) => `breaks "${p.rule}": no meeting before ${p.a} starts between ${p.from} and ${p.to} (${p.max} to ${p.min} ahead)`,
  },
  "setting-differs": {
    vi: (p) =>
      `"${p.field}" khác nhau giữa ${p.first} (dòng ${p.firstLine}) và ${p.second} (dòng ${p.secondLine}): hãy khai báo một lần hoặc giống nhau ở mọi tệp`,
    en: (p) =>
      `"${p.field}" differs between ${p.first} (line ${p.firstLine}) and ${p.second} (line ${p.secondLine}): give it once or the same in every file`,
  },
  "duplicate-across": {
    vi: (p) => `Mã "${p.id}" bị trùng (đã dùng ở ${p.file} dòng ${p.line})`,
    en: (p) => `duplicate id "${p.id}" (already used in ${p.file} on line ${p.line})`,
  },
  "bad-encoding": {
    vi: (p) =>
      `Tệp không phải mã UTF-8: byte ${p.byte} không hợp lệ trong UTF-8; tệp có vẻ được lưu bằng ${GUESS.vi[String(p.guess)] ?? p.guess}: hãy lưu lại bằng mã UTF-8`,
    en: (p) =>
      `not UTF-8: byte ${p.byte} is not valid UTF-8; the file looks like ${GUESS.en[String(p.guess)] ?? p.guess}: save it as UTF-8`,
  },
  "bad-encoding-utf16": {
    vi: (p) =>
      `Tệp được lưu bằng mã UTF-16 (${p.endian === "be" ? "big-endian" : "little-endian"}), không phải UTF-8: hãy lưu lại bằng mã UTF-8`,
    en: (p) => `not UTF-8: the file looks like UTF-16 (${p.endian === "be" ? "big-endian" : "little-endian"}): save it as UTF-8`,
  },
  "file-too-large": {
    vi: (p) =>
      `Tệp ${p.size === "" ? "có hơn" : `có ${p.size} byte, vượt`} giới hạn ${p.max} byte${megabytes(p.max)}; tách tệp hoặc nâng giới hạn bằng --max-size`,
    en: (p) =>
      `the file ${p.size === "" ? "has more than" : `has ${p.size} bytes, more than`} the limit of ${p.max} bytes${megabytes(p.max)}; split it or raise the limit with --max-size`,
  },
  "not-a-mapping": {
    vi: () => `Tệp lịch phải là một ánh xạ (version, meetings, …)`,
    en: () => `a schedule file must be a mapping (version, meetings, …)`,
  },
} satisfies Record<string, Record<Lang, Message>>;

/** A count with thousands grouped as each language writes them: 100.000 (vi), 100,000 (en). */
function fmt(value: string | number | undefined, lang: Lang): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value ?? "");
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

const PERIOD_VI: Record<string, string> = { week: "tuần", month: "tháng", quarter: "quý", year: "năm" };

/** What a file that is not UTF-8 looks like it was saved as (see `decodeScheduleBytes`). */
const GUESS: Record<Lang, Record<string, string>> = {
  vi: {
    "windows-1258": "bảng mã Windows-1258 (tiếng Việt)",
    "single-byte": "một bảng mã 1 byte (Windows-1252/Latin-1, TCVN3 hoặc VNI)",
  },
  en: {
    "windows-1258": "Windows-1258 (Vietnamese)",
    "single-byte": "a one-byte encoding (Windows-1252/Latin-1, TCVN3 or VNI)",
  },
};

/** ` (20 MB)` for 20971520 (MB of 1024 × 1024 bytes, as `--max-size` reads them); nothing below 1 MB. */
function megabytes(bytes: string | number | undefined): string {
  const mb = Number(bytes) / (1024 * 1024);
  return mb >= 1 ? ` (${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB)` : "";
}

/** `01/05/2024` for `2024-05-01`. */
function dmy(date: string | number | undefined): string {
  const text = String(date ?? "");
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDmy(text) : text;
}

/** "exactly 1", "at least 2", "at most 3", "between 1 and 2" from a cadence's min and max. */
function expected(p: Params, lang: Lang): string {
  const min = p.min === "" || p.min === undefined ? undefined : Number(p.min);
  const max = p.max === "" || p.max === undefined ? undefined : Number(p.max);
  const vi = lang === "vi";
  if (min !== undefined && max !== undefined) {
    if (min === max) return vi ? `đúng ${min}` : `exactly ${min}`;
    return vi ? `từ ${min} đến ${max}` : `between ${min} and ${max}`;
  }
  if (min !== undefined) return vi ? `ít nhất ${min}` : `at least ${min}`;
  return vi ? `nhiều nhất ${max}` : `at most ${max}`;
}

/** Short weekday names, Sunday first (as `Date#getUTCDay` counts): "T5" is Thursday (thứ Năm). */
export const WEEKDAY_NAMES: Readonly<Record<Lang, readonly string[]>> = Object.freeze({
  vi: Object.freeze(["CN", "T2", "T3", "T4", "T5", "T6", "T7"]),
  en: Object.freeze(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]),
});

/** The id of a message in the table. */
export type MessageId = keyof typeof MESSAGES;

/**
 * The text of a message in a language.
 *
 * @example
 * message("en", "unknown-zone", { zone: "Asia/Hanoi" });
 */
export function message(lang: Lang, id: MessageId, params: Params = {}): string {
  return (MESSAGES[id][lang] as Message)(params);
}
