import { entry, fmt } from "./entry";

/** `a@x.vn, b@x.vn và 3 địa chỉ khác` / `a@x.vn, b@x.vn and 3 more`. */
const listed = (items: readonly string[], more: number, lang: "vi" | "en"): string =>
  `${items.join(", ")}${more > 0 ? (lang === "vi" ? ` và ${fmt(more, lang)} mục khác` : ` and ${fmt(more, lang)} more`) : ""}`;

/**
 * The messages of .ics sources (`sources:` of a schedule, `lichhop import`): the errors that stop
 * a file, and the warnings for what lichhop reads differently or leaves out, each at its line.
 */
export const IMPORT_MESSAGES = {
  "ics-not-calendar": entry({
    vi: () => "Tệp không phải lịch iCalendar (.ics): dòng đầu phải là BEGIN:VCALENDAR",
    en: () => "not an iCalendar (.ics) file: expected BEGIN:VCALENDAR first",
  }),
  "ics-truncated": entry<{ component: string; begun: number }>({
    vi: (p) => `Tệp .ics bị cắt cụt: hết tệp khi ${p.component} mở ở dòng ${p.begun} chưa có END:${p.component}`,
    en: (p) => `truncated .ics file: it ends inside the ${p.component} begun at line ${p.begun}, with no END:${p.component}`,
  }),
  "ics-end-mismatch": entry<{ found: string; expected: string }>({
    vi: (p) => `END:${p.found} không khớp: ${p.expected ? `cần END:${p.expected}` : "không có thành phần nào đang mở"}`,
    en: (p) => `END:${p.found} out of place: ${p.expected ? `expected END:${p.expected}` : "no component is open"}`,
  }),
  "too-many-source-events": entry<{ max: number }>({
    vi: (p) => `Các tệp .ics của lịch có hơn ${fmt(p.max, "vi")} sự kiện (VEVENT), vượt giới hạn; hãy xuất một khoảng thời gian ngắn hơn`,
    en: (p) => `the schedule's .ics sources hold more than ${fmt(p.max, "en")} events (VEVENT), over the limit; export a shorter period`,
  }),
  "source-not-given": entry<{ file: string }>({
    vi: (p) => `Không có nội dung của tệp nguồn ${p.file}: chương trình gọi thư viện phải đọc tệp và truyền vào "sources"`,
    en: (p) => `no text given for the source ${p.file}: the caller reads the file and passes it in "sources"`,
  }),
  /** `detail` is ical.js's reason, in English (the Vietnamese text words the usual one instead). */
  "ics-bad-line": entry<{ detail: string }>({
    vi: () => "Bỏ qua dòng không đọc được theo cú pháp iCalendar (thiếu dấu hai chấm hoặc tham số sai)",
    en: (p) => `line skipped, it cannot be read (${p.detail})`,
  }),
  "ics-repaired-tzid": entry({
    vi: () => `Giá trị nằm trong dấu ngoặc kép của TZID (lỗi của Exchange): đã đọc như TZID="…":giá-trị`,
    en: () => `the value stands inside the quoted TZID (an Exchange bug): read as TZID="…":value`,
  }),
  "ics-unknown-zone": entry<{ zone: string; fallback: string }>({
    vi: (p) => `Không nhận ra múi giờ "${p.zone}" (không phải tên IANA hay Windows, không có VTIMEZONE): đọc theo ${p.fallback}`,
    en: (p) => `unknown time zone "${p.zone}" (no IANA or Windows name, no VTIMEZONE): read as ${p.fallback}`,
  }),
  "ics-approximate-zone": entry<{ zone: string; iana: string }>({
    vi: (p) => `Quy tắc giờ mùa hè của VTIMEZONE "${p.zone}" không khớp hẳn múi giờ IANA nào: dùng ${p.iana}, gần đúng nhất`,
    en: (p) => `the VTIMEZONE "${p.zone}" matches no IANA zone exactly: read as ${p.iana}, the closest`,
  }),
  "ics-range-future": entry({
    vi: () => "RANGE=THISANDFUTURE (sửa từ buổi này trở đi) chưa được hỗ trợ: chỉ áp dụng cho buổi này",
    en: () => "RANGE=THISANDFUTURE (this and later occurrences) is not supported: applied to this occurrence only",
  }),
  "ics-component": entry<{ component: string }>({
    vi: (p) => `${p.component} không phải cuộc họp: không nhập`,
    en: (p) => `${p.component} is not a meeting: not imported`,
  }),
  "ics-rrule": entry<{ part: string }>({
    vi: (p) => `RRULE có phần lichhop không hỗ trợ (${p.part}): chỉ nhập buổi đầu và các RDATE`,
    en: (p) => `the RRULE has a part lichhop does not support (${p.part}): only the first occurrence and the RDATEs are imported`,
  }),
  "ics-no-start": entry({
    vi: () => "Sự kiện không có DTSTART: không nhập",
    en: () => "event without DTSTART: not imported",
  }),
  "ics-zero-length": entry({
    vi: () => "Sự kiện không có thời lượng (không có DTEND/DURATION, hoặc kết thúc không sau bắt đầu): không phải cuộc họp, không nhập",
    en: () => "event without length (no DTEND or DURATION, or an end not after its start): not a meeting, not imported",
  }),
  "ics-bad-value": entry<{ property: string; value: string }>({
    vi: (p) => `Giá trị ${p.property} không đọc được "${p.value}": bỏ qua`,
    en: (p) => `${p.property} value "${p.value}" cannot be read: skipped`,
  }),
  "ics-date-with-z": entry<{ value: string }>({
    vi: (p) => `"${p.value}" là ngày có hậu tố Z (không hợp lệ, Google hay viết): đọc như ngày`,
    en: (p) => `"${p.value}" is a date with a Z suffix (invalid, as Google writes it): read as a date`,
  }),
  "ics-duplicate-override": entry<{ first: number }>({
    vi: (p) => `Buổi này đã được sửa ở dòng ${p.first} (cùng RECURRENCE-ID): dùng bản sau`,
    en: (p) => `this occurrence is already overridden at line ${p.first} (the same RECURRENCE-ID): the later one is used`,
  }),
  "ics-holidays": entry<{ count: number }>({
    vi: (p) => `${fmt(p.count, "vi")} sự kiện cả ngày của lịch ngày lễ không phải cuộc họp: không nhập (ngày nghỉ lấy từ calendar:)`,
    en: (p) => `${fmt(p.count, "en")} all-day events of a holiday calendar are not meetings: not imported (days off come from calendar:)`,
  }),
  "ics-free": entry<{ count: number }>({
    vi: (p) =>
      `${fmt(p.count, "vi")} sự kiện đánh dấu rảnh (TRANSP:TRANSPARENT hoặc BUSYSTATUS:FREE) không chiếm lịch: không nhập (blocking: all để nhập)`,
    en: (p) =>
      `${fmt(p.count, "en")} events marked free (TRANSP:TRANSPARENT or BUSYSTATUS:FREE) do not block: not imported (blocking: all imports them)`,
  }),
  "ics-cancelled": entry<{ count: number }>({
    vi: (p) => `${fmt(p.count, "vi")} sự kiện đã hủy (STATUS:CANCELLED): không nhập`,
    en: (p) => `${fmt(p.count, "en")} cancelled events (STATUS:CANCELLED): not imported`,
  }),
  "ics-unknown-people": entry<{ emails: readonly string[]; more: number }>({
    vi: (p) => `Địa chỉ e-mail không có trong people[].email, không tính là người dự: ${listed(p.emails, p.more, "vi")}`,
    en: (p) => `e-mail addresses not in people[].email, not counted as attendees: ${listed(p.emails, p.more, "en")}`,
  }),
  "ics-unknown-locations": entry<{ locations: readonly string[]; more: number }>({
    vi: (p) => `LOCATION không khớp name hay location của phòng nào (thêm room: cho nguồn nếu cần): ${listed(p.locations, p.more, "vi")}`,
    en: (p) => `LOCATION matches no room's name or location (give the source a room: if needed): ${listed(p.locations, p.more, "en")}`,
  }),
  /** `reason` is the issue lichhop found in what it made of the event, already worded. */
  "ics-event-dropped": entry<{ reason: string }>({
    vi: (p) => `Không nhập sự kiện: ${p.reason}`,
    en: (p) => `event not imported: ${p.reason}`,
  }),
  "ics-change-dropped": entry<{ reason: string }>({
    vi: (p) => `Bỏ qua thay đổi của một buổi: ${p.reason}`,
    en: (p) => `occurrence change skipped: ${p.reason}`,
  }),
  "import-header": entry<{ file: string; count: number }>({
    vi: (p) => `Nhập từ ${p.file}: ${fmt(p.count, "vi")} cuộc họp (lichhop import)`,
    en: (p) => `Imported from ${p.file}: ${fmt(p.count, "en")} meeting${p.count === 1 ? "" : "s"} (lichhop import)`,
  }),
  "import-no-body": entry({
    vi: () => "Chưa có body: thêm body: cho từng cuộc họp, hoặc chạy lại với --body",
    en: () => "No body yet: add body: to each meeting, or run again with --body",
  }),
  "ics-untitled": entry({
    vi: () => "(không có tiêu đề)",
    en: () => "(untitled)",
  }),
};
