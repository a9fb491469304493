import { inert } from "../internal/inert";
import { DAY } from "../time/date";
import { type Committee, COMMITTEES, defaultCommittees, type ProvinceKind } from "./provinces";

/** Options for {@link initTemplate}. */
export interface InitTemplateOptions {
  /** The unit's name without its level, e.g. `"Lạng Sơn"`; without it the names read "tỉnh" alone. */
  readonly province?: string | undefined;
  /** A province (`tỉnh`, the default) or a centrally-run city (`thành phố`). */
  readonly kind?: ProvinceKind | undefined;
  /** The HĐND committees written; {@link defaultCommittees} of `kind` when absent. */
  readonly committees?: readonly Committee[] | undefined;
  /** The path the header's `lichhop check` line names; `schedule.yaml` when absent. */
  readonly file?: string | undefined;
  /**
   * The JSON Schema the first line's `yaml-language-server` modeline names (a path relative to
   * the file, or a URL); no modeline when absent.
   */
  readonly schema?: string | undefined;
  /** The year the file's horizon and first meetings fall in (1900–2100). */
  readonly year: number;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date of the n-th (n ≥ 1) `weekday` (0 = Sunday) of `month` (1–12) of `year`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = Date.UTC(year, month - 1, 1);
  return isoDay(first + (((weekday - new Date(first).getUTCDay() + 7) % 7) + (n - 1) * 7) * DAY);
}

/** The date of the last `weekday` (0 = Sunday) of January of `year`. */
function lastInJanuary(year: number, weekday: number): string {
  const last = Date.UTC(year, 0, 31);
  return isoDay(last - ((new Date(last).getUTCDay() - weekday + 7) % 7) * DAY);
}

/** `date` moved by `days` (negative: earlier). */
const addDays = (date: string, days: number): string => isoDay(Date.parse(`${date}T00:00:00Z`) + days * DAY);

/** The committees' ids and names in the file, in the order they are written. */
const COMMITTEE_BODIES: Readonly<Record<Committee, { readonly id: string; readonly name: string }>> = {
  "phap-che": { id: "ban-phap-che", name: "Ban Pháp chế" },
  "kt-ns": { id: "ban-kt-ns", name: "Ban Kinh tế - Ngân sách" },
  "vh-xh": { id: "ban-vh-xh", name: "Ban Văn hóa - Xã hội" },
  "dan-toc": { id: "ban-dan-toc", name: "Ban Dân tộc" },
  "do-thi": { id: "ban-do-thi", name: "Ban Đô thị" },
};

/** A path as one shell word: as is when plain, else single-quoted; never more than one line. */
function shellWord(path: string): string {
  const word = /^[\p{L}\p{N}._/:@%+=,-]+$/u.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
  return inert(word);
}

/**
 * The commented starting schedule that `lichhop init` writes: the bodies of a provincial-level
 * unit (Đoàn ĐBQH, Thường trực HĐND, the HĐND committees, UBND, Ban Thường trực UBMTTQ) with
 * their groups, their statutory recurring meetings and citizen-reception days, the HĐND-vs-UBND
 * rule at half-day scope, cadence rules and the `vn` calendar, for one year; a city's names read
 * "thành phố". The law cited is the one in force that year. People, rooms and times are
 * placeholders; the file passes `lichhop check` without a conflict as written, and so does every
 * commented-out block once uncommented as its comment says.
 *
 * @example
 * const yaml = initTemplate({ province: "Lạng Sơn", year: 2026 });
 * const city = initTemplate({ province: "Hải Phòng", kind: "city", year: 2026, file: "lich.yaml" });
 */
export function initTemplate(options: InitTemplateOptions): string {
  const { year } = options;
  const kind = options.kind ?? "province";
  const province = options.province?.trim() ?? "";
  const level = kind === "city" ? "thành phố" : "tỉnh";
  const of = province === "" ? level : `${level} ${province}`;
  const chosen = options.committees ?? defaultCommittees(kind);
  const committees = COMMITTEES.filter((c) => chosen.includes(c)).map((c) => COMMITTEE_BODIES[c]);
  const danToc = COMMITTEE_BODIES["dan-toc"];
  // JSON strings are valid YAML double-quoted scalars, whatever the province's name holds.
  const q = (text: string): string => JSON.stringify(text);
  const file = shellWord(options.file ?? "schedule.yaml");
  const ttHdnd = nthWeekday(year, 1, 4, 1);
  const ubnd = lastInJanuary(year, 5);
  const mttq = nthWeekday(year, 1, 1, 2);
  const hdndReception = lastInJanuary(year, 4);
  // Sessions from the first Tuesday of July and of December (Tuesday to Thursday), each verified
  // by a committee two weeks before: no holiday falls in either week.
  const midYear = nthWeekday(year, 7, 2, 1);
  const yearEnd = nthWeekday(year, 12, 2, 1);
  // The law in force: the 2015 law until the 2025 reform, Law 72/2025/QH15 from 2025 on.
  const law =
    year <= 2024
      ? { name: `Luật Tổ chức chính quyền địa phương 2015 (số 77/2015/QH13, còn hiệu lực năm ${year})`, ubnd: ", Điều 113" }
      : { name: "Luật Tổ chức chính quyền địa phương 2025 (số 72/2025/QH15)", ubnd: "" };
  const committeeLines = committees
    .map((c) => `  - { id: ${c.id}, name: ${q(`${c.name} HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }`)
    .join("\n");
  const danTocLine = chosen.includes("dan-toc")
    ? ""
    : `\n  # Ban Dân tộc: chỉ HĐND nơi có Ban Dân tộc (theo tiêu chí của Ủy ban Thường vụ Quốc hội); bỏ dấu # nếu tỉnh có,\n  # và thêm ban-dan-toc vào \`bodies\` của các kỳ họp. Only where the HĐND has one.\n  # - { id: ${danToc.id}, name: ${q(`${danToc.name} HĐND ${of}`)}, groups: [hdnd, ban-hdnd] }`;
  const sessionBodies = ["tt-hdnd", ...committees.map((c) => c.id)].join(", ");
  const verifier = committees.find((c) => c.id === "ban-kt-ns") ?? committees[0] ?? { id: "tt-hdnd", name: "Thường trực HĐND" };
  const amendment =
    year >= 2026 ? "\n  # Từ 01/7/2026 áp dụng Luật số 136/2025/QH15 sửa đổi Luật Tiếp công dân: đối chiếu lại điều, khoản." : "";
  const session = (id: string, name: string, start: string) => `  # - id: hdnd-ky-hop-${id}
  #   title: ${q(`Kỳ họp thường lệ ${name} năm ${year} HĐND ${level}`)}
  #   bodies: [${sessionBodies}]
  #   start: ${start}
  #   end: ${addDays(start, 2)}
  #   tags: [ky-hop]
  # - id: tham-tra-${id}
  #   title: ${q(`${verifier.name} thẩm tra dự thảo nghị quyết kỳ họp ${name}`)}
  #   body: ${verifier.id}
  #   start: ${addDays(start, -14)}T08:00
  #   end: ${addDays(start, -14)}T11:30
  #   tags: [tham-tra]`;
  const modeline = options.schema === undefined ? "" : `# yaml-language-server: $schema=${options.schema}\n`;
  return `${modeline}# Lịch họp ${of} năm ${year} — tạo bằng \`lichhop init\`; sửa các chỗ ghi "(điền …)" cho đúng thực tế.
# Meeting schedule of ${of} for ${year}: a starting file written by \`lichhop init\`. Edit the
# placeholders, then run
#   lichhop check ${file}
# Format: version 1. Times are local wall times in \`timezone\`; \`end\` of an all-day item is its
# last day. Ids: lowercase letters, digits and '-'. A block commented out with "# -" passes the
# check too once its lines are uncommented as its comment says.
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
# Các Ban của HĐND (${law.name}${year <= 2024 ? "" : ", Điều 29"}): Ban Pháp chế,
# Ban Kinh tế - Ngân sách, Ban Văn hóa - Xã hội; Ban Đô thị ở HĐND thành phố; Ban Dân tộc nơi có.
bodies:
  - { id: doan-dbqh, name: ${q(`Đoàn ĐBQH ${of}`)}, groups: [dbqh] }
  - { id: tt-hdnd, name: ${q(`Thường trực HĐND ${of}`)}, groups: [hdnd] }
${committeeLines}${danTocLine}
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
  - { id: phong-hop-hdnd, name: ${q(`Phòng họp HĐND ${level} (điền tên phòng)`)} }
  - { id: phong-hop-ubnd, name: ${q(`Phòng họp UBND ${level} (điền tên phòng)`)} }
  - { id: tru-so-tiep-dan, name: ${q(`Trụ sở Tiếp công dân ${of}`)} }

# Các cuộc họp định kỳ. \`repeat\` is an RFC 5545 RRULE; \`start\` is the first occurrence.
# onDayOff: keep | skip | next-working-day | previous-working-day — what happens to an
# occurrence that falls on a day off (moved at the same time; it still counts for its month).
# HĐND meetings are in the morning and UBND ones in the afternoon, so a meeting moved off a
# day off never lands in the other side's half-day. \`attendees\` lists people, or a body
# standing for its members (people[].bodies), for the person-conflict check and person feeds.
meetings:
  # Thường trực HĐND: phiên họp thường kỳ mỗi tháng một lần (thứ Năm đầu tháng, buổi sáng).
  - id: tt-hdnd-thuong-ky
    title: ${q(`Phiên họp thường kỳ Thường trực HĐND ${level}`)}
    body: tt-hdnd
    start: ${ttHdnd}T08:00
    end: ${ttHdnd}T11:30
    repeat: FREQ=MONTHLY;BYDAY=1TH
    attendees: [tt-hdnd]
    room: phong-hop-hdnd
    tags: [thuong-ky]
    onDayOff: next-working-day

  # UBND: họp thường kỳ mỗi tháng một lần (${law.name}${law.ubnd});
  # thứ Sáu cuối tháng, buổi chiều; gặp ngày nghỉ thì họp vào ngày làm việc liền trước.
  - id: ubnd-thuong-ky
    title: ${q(`Phiên họp UBND ${level} thường kỳ`)}
    body: ubnd
    start: ${ubnd}T14:00
    end: ${ubnd}T17:00
    repeat: FREQ=MONTHLY;BYDAY=-1FR
    attendees: [ubnd]
    room: phong-hop-ubnd
    tags: [thuong-ky]
    onDayOff: previous-working-day

  # Chủ tịch UBND tiếp công dân định kỳ ít nhất 01 ngày trong 01 tháng (Luật Tiếp công dân 2013,
  # số 42/2013/QH13, Điều 12): cả ngày, sáng và chiều. Ngày trong tháng do quy chế tiếp công dân
  # của ${level} quy định (điền; ở đây ngày 15); gặp ngày nghỉ thì sang ngày làm việc kế tiếp.${amendment}
  - id: tiep-cong-dan-ubnd
    title: ${q(`Chủ tịch UBND ${level} tiếp công dân định kỳ`)}
    body: ubnd
    start: ${year}-01-15T07:30
    end: ${year}-01-15T17:00
    repeat: FREQ=MONTHLY;BYMONTHDAY=15
    attendees: [chu-tich-ubnd]
    room: tru-so-tiep-dan
    tags: [tiep-cong-dan]
    onDayOff: next-working-day

  # Thường trực HĐND cùng Đoàn ĐBQH tiếp công dân (Nghị quyết 759/2014/UBTVQH13 và quy chế tiếp
  # công dân của HĐND ${level}: tần suất, ngày và người chủ trì do quy chế đó định — điền; ở đây
  # mỗi tháng một buổi sáng, thứ Năm cuối tháng; gặp ngày nghỉ thì sang ngày làm việc liền trước).
  - id: tiep-cong-dan-hdnd
    title: ${q(`Thường trực HĐND ${level} và Đoàn ĐBQH tiếp công dân`)}
    bodies: [tt-hdnd, doan-dbqh]
    start: ${hdndReception}T07:30
    end: ${hdndReception}T11:30
    repeat: FREQ=MONTHLY;BYDAY=-1TH
    attendees: [pho-chu-tich-hdnd, pho-truong-doan-dbqh]
    room: tru-so-tiep-dan
    tags: [tiep-cong-dan]
    onDayOff: previous-working-day

  # Ban Thường trực UBMTTQ: giao ban thứ Hai tuần thứ hai hằng tháng.
  - id: ubmttq-giao-ban
    title: ${q(`Giao ban Ban Thường trực UBMTTQ ${level}`)}
    body: ubmttq
    start: ${mttq}T14:00
    duration: PT2H30M
    repeat: FREQ=MONTHLY;BYDAY=2MO
    attendees: [chu-tich-ubmttq]
    onDayOff: next-working-day

  # Kỳ họp HĐND (cả ngày; \`end\` là ngày cuối) và các phiên thẩm tra hai tuần trước đó. Điền
  # ngày rồi bỏ dấu # ở cả hai kỳ họp và ở các quy định hdnd-hai-ky-hop-moi-nam,
  # tham-tra-truoc-ky-hop bên dưới (HĐND họp thường lệ ít nhất hai kỳ mỗi năm).
${session("giua-nam", "giữa năm", midYear)}
${session("cuoi-nam", "cuối năm", yearEnd)}

rules:
  # Lịch họp của Thường trực HĐND và các Ban không trùng buổi (sáng / chiều) với lịch họp UBND.
  - id: hdnd-khong-trung-ubnd
    title: ${q(`Lịch họp Thường trực HĐND và các Ban không trùng buổi với lịch họp UBND ${level}`)}
    kind: no-overlap
    between: [{ groups: [hdnd] }, { bodies: [ubnd] }]
    scope: half-day             # exact | half-day | day
    severity: error

  - id: ubnd-hop-moi-thang-mot-lan
    title: ${q(`UBND ${level} họp thường kỳ mỗi tháng một lần`)}
    kind: cadence
    meetings: [ubnd-thuong-ky]
    per: month                  # week | month | quarter | year
    min: 1
    max: 1

  - id: tt-hdnd-hop-moi-thang-mot-lan
    title: ${q(`Thường trực HĐND ${level} họp thường kỳ mỗi tháng một lần`)}
    kind: cadence
    meetings: [tt-hdnd-thuong-ky]
    per: month
    min: 1
    max: 1

  # Luật Tiếp công dân 2013, Điều 12: ít nhất một ngày mỗi tháng.
  - id: chu-tich-ubnd-tiep-dan-hang-thang
    title: ${q(`Chủ tịch UBND ${level} tiếp công dân ít nhất một ngày mỗi tháng`)}
    kind: cadence
    meetings: [tiep-cong-dan-ubnd]
    per: month
    min: 1

  # Theo quy chế tiếp công dân của HĐND ${level} (điền tần suất nếu khác).
  - id: hdnd-tiep-dan-hang-thang
    title: ${q(`Thường trực HĐND ${level} tiếp công dân mỗi tháng ít nhất một buổi`)}
    kind: cadence
    meetings: [tiep-cong-dan-hdnd]
    per: month
    min: 1

  # - id: hdnd-hai-ky-hop-moi-nam
  #   title: ${q(`HĐND ${level} họp thường lệ ít nhất hai kỳ mỗi năm`)}
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
