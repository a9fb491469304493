import { DAY } from "../time/date";

/** Options for {@link initTemplate}. */
export interface InitTemplateOptions {
  /** The province's name, e.g. `"Lạng Sơn"`; without it the names read "tỉnh" alone. */
  readonly province?: string | undefined;
  /** The year the file's horizon and first meetings fall in (1900–2100). */
  readonly year: number;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date of the first `weekday` (0 = Sunday) of January of `year`. */
function firstInJanuary(year: number, weekday: number): string {
  const first = Date.UTC(year, 0, 1);
  return isoDay(first + ((weekday - new Date(first).getUTCDay() + 7) % 7) * DAY);
}

/** The date of the last `weekday` (0 = Sunday) of January of `year`. */
function lastInJanuary(year: number, weekday: number): string {
  const last = Date.UTC(year, 0, 31);
  return isoDay(last - ((new Date(last).getUTCDay() - weekday + 7) % 7) * DAY);
}

/** The n-th `weekday` of January (n ≥ 1). */
function nthInJanuary(year: number, weekday: number, n: number): string {
  return isoDay(Date.parse(`${firstInJanuary(year, weekday)}T00:00:00Z`) + (n - 1) * 7 * DAY);
}

/**
 * The commented starting schedule that `lichhop init` writes: the standard bodies of a province
 * (Đoàn ĐBQH, Thường trực HĐND, the HĐND committees, UBND, Ban Thường trực UBMTTQ) with their
 * groups, their statutory recurring meetings, the HĐND-vs-UBND rule at half-day scope, cadence
 * rules and the `vn` calendar, for one year. People, rooms and times are placeholders; the file
 * passes `lichhop check` without a conflict as written.
 *
 * @example
 * const yaml = initTemplate({ province: "Lạng Sơn", year: 2026 });
 */
export function initTemplate(options: InitTemplateOptions): string {
  const { year } = options;
  const province = options.province?.trim() ?? "";
  const of = province === "" ? "tỉnh" : `tỉnh ${province}`;
  // JSON strings are valid YAML double-quoted scalars, whatever the province's name holds.
  const q = (text: string): string => JSON.stringify(text);
  const header = province === "" ? "Lịch họp tỉnh" : `Lịch họp tỉnh ${province}`;
  const ttHdnd = firstInJanuary(year, 4);
  const ubnd = lastInJanuary(year, 5);
  const mttq = nthInJanuary(year, 1, 2);
  return `# ${header} năm ${year} — tạo bằng \`lichhop init\`; sửa các chỗ ghi "(điền …)" cho đúng thực tế.
# ${header} ${year}: a starting schedule written by \`lichhop init\`. Edit the placeholders, then run
#   lichhop check schedule.yaml
# Format: version 1. Times are local wall times in \`timezone\`; \`end\` of an all-day item is its
# last day. Ids: lowercase letters, digits and '-'.
version: 1
timezone: Asia/Ho_Chi_Minh
locale: vi                      # vi | en: language of the report
horizon: { from: ${year}-01-01, to: ${year}-12-31 }   # the period checked (inclusive dates)

# Lịch làm việc của cán bộ, công chức: ngày lễ, ngày nghỉ bù và các quyết định nghỉ Tết, nghỉ lễ
# của Chính phủ (holidays: vn); thứ Hai–thứ Sáu, 07:30–11:30 và 13:30–17:00.
# \`lichhop days-off --year ${year}\` lists every day off.
calendar:
  holidays: vn
  daysOff: []                   # ngày nghỉ thêm; 24/11 (Ngày Văn hóa Việt Nam) là ngày lễ quốc gia đang bàn, chưa có trong luật
  workingDays: []               # ngày làm bù chưa có trong bảng quyết định, e.g. [${year}-05-09]
  workingHours:
    days: [MO, TU, WE, TH, FR]
    periods: ["07:30-11:30", "13:30-17:00"]
    # Giờ làm việc theo mùa (nếu tỉnh đổi giờ mùa hè/mùa đông): từ MM-DD đến MM-DD, tính cả hai ngày, hằng năm.
    # Seasonal hours: each season's periods from one month-day to another, inclusive, every year.
    # seasons:
    #   - { name: Giờ mùa hè, from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] }

# Các cơ quan. \`groups\` gom các cơ quan để viết quy định (hdnd = Thường trực HĐND và các Ban).
bodies:
  - { id: doan-dbqh, name: ${q(`Đoàn ĐBQH ${of}`)}, groups: [dbqh] }
  - { id: tt-hdnd, name: ${q(`Thường trực HĐND ${of}`)}, groups: [hdnd] }
  - { id: ban-phap-che, name: ${q(`Ban Pháp chế HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }
  - { id: ban-kt-ns, name: ${q(`Ban Kinh tế - Ngân sách HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }
  - { id: ban-vh-xh, name: ${q(`Ban Văn hóa - Xã hội HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }
  - { id: ban-dan-toc, name: ${q(`Ban Dân tộc HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }   # nơi có Ban Dân tộc
  - { id: ubnd, name: ${q(`UBND ${of}`)}, groups: [ubnd] }
  - { id: ubmttq, name: ${q(`Ban Thường trực UBMTTQ ${of}`)}, groups: [mttq] }

# Lãnh đạo (điền họ tên; \`email\` is optional and used by the iCal feeds).
people:
  - { id: chu-tich-hdnd, name: "(điền họ tên) Chủ tịch HĐND", title: ${q(`Chủ tịch HĐND ${of}`)}, bodies: [tt-hdnd] }
  - { id: pho-chu-tich-hdnd, name: "(điền họ tên) Phó Chủ tịch HĐND", title: ${q(`Phó Chủ tịch HĐND ${of}`)}, bodies: [tt-hdnd] }
  - { id: pho-truong-doan-dbqh, name: "(điền họ tên) Phó Trưởng Đoàn ĐBQH", title: "Phó Trưởng Đoàn ĐBQH chuyên trách", bodies: [doan-dbqh] }
  - { id: chu-tich-ubnd, name: "(điền họ tên) Chủ tịch UBND", title: ${q(`Chủ tịch UBND ${of}`)}, bodies: [ubnd] }
  - { id: pho-chu-tich-ubnd, name: "(điền họ tên) Phó Chủ tịch UBND", title: ${q(`Phó Chủ tịch UBND ${of}`)}, bodies: [ubnd] }
  - { id: chu-tich-ubmttq, name: "(điền họ tên) Chủ tịch UBMTTQ", title: ${q(`Chủ tịch UBMTTQ Việt Nam ${of}`)}, bodies: [ubmttq] }

rooms:
  - { id: phong-hop-hdnd, name: "Phòng họp HĐND tỉnh (điền tên phòng)" }
  - { id: phong-hop-ubnd, name: "Phòng họp UBND tỉnh (điền tên phòng)" }
  - { id: tru-so-tiep-dan, name: ${q(`Trụ sở Tiếp công dân ${of}`)} }

# Các cuộc họp định kỳ. \`repeat\` is an RFC 5545 RRULE; \`start\` is the first occurrence.
# onDayOff: keep | skip | next-working-day | previous-working-day — what happens to an
# occurrence that falls on a day off (moved at the same time; it still counts for its month).
# HĐND meetings are in the morning and UBND ones in the afternoon, so a meeting moved off a
# day off never lands in the other side's half-day. \`attendees\` lists people for the
# person-conflict check; a body's regular meeting leaves it out here (add its members if wanted).
meetings:
  # Thường trực HĐND: phiên họp thường kỳ mỗi tháng một lần (thứ Năm đầu tháng, buổi sáng).
  - id: tt-hdnd-thuong-ky
    title: Phiên họp thường kỳ Thường trực HĐND tỉnh
    body: tt-hdnd
    start: ${ttHdnd}T08:00
    end: ${ttHdnd}T11:30
    repeat: FREQ=MONTHLY;BYDAY=1TH
    room: phong-hop-hdnd
    tags: [thuong-ky]
    onDayOff: next-working-day

  # UBND: họp thường kỳ mỗi tháng một lần (Luật Tổ chức chính quyền địa phương, Điều 113);
  # thứ Sáu cuối tháng, buổi chiều; gặp ngày nghỉ thì họp vào ngày làm việc liền trước.
  - id: ubnd-thuong-ky
    title: Phiên họp UBND tỉnh thường kỳ
    body: ubnd
    start: ${ubnd}T14:00
    end: ${ubnd}T17:00
    repeat: FREQ=MONTHLY;BYDAY=-1FR
    room: phong-hop-ubnd
    tags: [thuong-ky]
    onDayOff: previous-working-day

  # Tiếp công dân định kỳ (Luật Tiếp công dân 2013, Điều 12): Chủ tịch UBND ít nhất 1 ngày mỗi
  # tháng (ngày 15, buổi chiều), Thường trực HĐND cùng Đoàn ĐBQH (ngày 20, buổi sáng). Gặp ngày
  # nghỉ thì chuyển sang ngày làm việc kế tiếp. (A day 29–31 would skip short months: add those
  # months' dates in \`extra\`.)
  - id: tiep-cong-dan-ubnd
    title: Chủ tịch UBND tỉnh tiếp công dân định kỳ
    body: ubnd
    start: ${year}-01-15T13:30
    end: ${year}-01-15T17:00
    repeat: FREQ=MONTHLY;BYMONTHDAY=15
    attendees: [chu-tich-ubnd]
    room: tru-so-tiep-dan
    tags: [tiep-cong-dan]
    onDayOff: next-working-day

  - id: tiep-cong-dan-hdnd
    title: Thường trực HĐND tỉnh và Đoàn ĐBQH tiếp công dân
    bodies: [tt-hdnd, doan-dbqh]
    start: ${year}-01-20T07:30
    end: ${year}-01-20T11:30
    repeat: FREQ=MONTHLY;BYMONTHDAY=20
    attendees: [pho-chu-tich-hdnd, pho-truong-doan-dbqh]
    room: tru-so-tiep-dan
    tags: [tiep-cong-dan]
    onDayOff: next-working-day

  # Ban Thường trực UBMTTQ: giao ban thứ Hai tuần thứ hai hằng tháng.
  - id: ubmttq-giao-ban
    title: Giao ban Ban Thường trực UBMTTQ tỉnh
    body: ubmttq
    start: ${mttq}T14:00
    duration: PT2H30M
    repeat: FREQ=MONTHLY;BYDAY=2MO
    attendees: [chu-tich-ubmttq]
    onDayOff: next-working-day

  # Kỳ họp HĐND (cả ngày; \`end\` là ngày cuối). Điền ngày rồi bỏ dấu # ở đây và ở các quy định
  # hdnd-hai-ky-hop-moi-nam, tham-tra-truoc-ky-hop bên dưới.
  # - id: hdnd-ky-hop-giua-nam
  #   title: Kỳ họp thường lệ giữa năm ${year} HĐND tỉnh
  #   bodies: [tt-hdnd, ban-phap-che, ban-kt-ns, ban-vh-xh, ban-dan-toc]
  #   start: ${year}-07-08
  #   end: ${year}-07-10
  #   tags: [ky-hop]
  # - id: ban-kt-ns-tham-tra-giua-nam
  #   title: Ban Kinh tế - Ngân sách thẩm tra dự thảo nghị quyết kỳ họp giữa năm
  #   body: ban-kt-ns
  #   start: ${year}-06-25T08:00
  #   end: ${year}-06-25T11:30
  #   tags: [tham-tra]

rules:
  # Lịch họp của Thường trực HĐND và các Ban không trùng buổi (sáng / chiều) với lịch họp UBND.
  - id: hdnd-khong-trung-ubnd
    title: Lịch họp Thường trực HĐND và các Ban không trùng buổi với lịch họp UBND tỉnh
    kind: no-overlap
    between: [{ groups: [hdnd] }, { bodies: [ubnd] }]
    scope: half-day             # exact | half-day | day
    severity: error

  - id: ubnd-hop-moi-thang-mot-lan
    title: UBND tỉnh họp thường kỳ mỗi tháng một lần
    kind: cadence
    meetings: [ubnd-thuong-ky]
    per: month                  # week | month | quarter | year
    min: 1
    max: 1

  - id: tt-hdnd-hop-moi-thang-mot-lan
    title: Thường trực HĐND tỉnh họp thường kỳ mỗi tháng một lần
    kind: cadence
    meetings: [tt-hdnd-thuong-ky]
    per: month
    min: 1
    max: 1

  - id: chu-tich-ubnd-tiep-dan-hang-thang
    title: Chủ tịch UBND tỉnh tiếp công dân ít nhất một ngày mỗi tháng
    kind: cadence
    meetings: [tiep-cong-dan-ubnd]
    per: month
    min: 1

  - id: hdnd-tiep-dan-hang-thang
    title: Thường trực HĐND tỉnh tiếp công dân ít nhất một ngày mỗi tháng
    kind: cadence
    meetings: [tiep-cong-dan-hdnd]
    per: month
    min: 1

  # - id: hdnd-hai-ky-hop-moi-nam
  #   title: HĐND tỉnh họp thường lệ ít nhất hai kỳ mỗi năm
  #   kind: cadence
  #   tags: [ky-hop]
  #   per: year
  #   min: 2
  # - id: tham-tra-truoc-ky-hop
  #   title: Các Ban HĐND thẩm tra dự thảo nghị quyết từ 7 đến 30 ngày trước kỳ họp
  #   kind: lead-time
  #   before: { tags: [tham-tra] }
  #   target: { tags: [ky-hop] }
  #   min: P7D
  #   max: P30D

# Mức độ của các kiểm tra tự động: error | warning | off.
checks: { attendee: error, room: error, dayOff: warning, workingHours: warning }
`;
}
