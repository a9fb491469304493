import { dmy, entry, fmt, type Lang } from "./entry";

/** What a listed day off is: a holiday, a substitute day, a decision's day or the file's own. */
export type DayOffKindName = "holiday" | "substitute" | "decision" | "custom";

/** The words of `lichhop days-off` in text form. */
export interface DaysOffText {
  readonly heading: (year: number) => string;
  readonly kinds: Readonly<Record<DayOffKindName, string>>;
  /** Marks a day off that the law gives by default (one a decision may move). */
  readonly default: string;
  readonly makeUp: string;
  readonly total: (days: number) => string;
  /** The seasons of working hours: their heading, the rest of the year, and a season without hours. */
  readonly seasons: { readonly title: string; readonly rest: string; readonly none: string };
}

/** `lichhop days-off` text, per language. */
export const DAYS_OFF_TEXT: Readonly<Record<Lang, DaysOffText>> = {
  vi: {
    heading: (year) => `Ngày nghỉ năm ${year}`,
    kinds: { holiday: "ngày lễ", substitute: "nghỉ bù", decision: "quyết định", custom: "tự khai báo" },
    default: "mặc định",
    makeUp: "Ngày làm bù",
    total: (days) => `${days} ngày nghỉ`,
    seasons: { title: "Giờ làm việc theo mùa", rest: "Ngoài các mùa", none: "không có giờ làm việc" },
  },
  en: {
    heading: (year) => `Days off in ${year}`,
    kinds: { holiday: "holiday", substitute: "substitute", decision: "decision", custom: "custom" },
    default: "default",
    makeUp: "Make-up working days",
    total: (days) => `${days} days off`,
    seasons: { title: "Seasonal working hours", rest: "Outside the seasons", none: "no working hours" },
  },
};

/** The words of `lichhop init`. */
export interface InitText {
  /** Said once the file is written; `path` is shown as given. */
  readonly wrote: (path: string) => string;
  /** `--province` names no unit; `suggestions` are the nearest names (maybe none). */
  readonly unknownProvince: (found: string, suggestions: readonly string[]) => string;
  /** `--province` names a former province, merged into `unit` (a city when `city`) on 1 July 2025. */
  readonly mergedProvince: (found: string, former: string, unit: string, city: boolean) => string;
  /** `--committees` holds an id that is not a committee; `known` lists the ids. */
  readonly unknownCommittee: (found: string, known: readonly string[]) => string;
  /** `--committees` asks for Ban Đô thị outside a city (only a city's HĐND has one). */
  readonly urbanOnlyInCity: string;
}

/** `lichhop init` text, per language. */
export const INIT_TEXT: Readonly<Record<Lang, InitText>> = {
  vi: {
    wrote: (path) => `Đã tạo ${path}; tiếp theo: lichhop check ${path}\n`,
    unknownProvince: (found, suggestions) =>
      `--province ${found}: không phải một trong 34 tỉnh, thành phố từ 01/7/2025` +
      (suggestions.length > 0 ? `; có phải ${suggestions.join(" hoặc ")}?` : ""),
    mergedProvince: (found, former, unit, city) =>
      `--province ${found}: tỉnh ${former} đã nhập vào ${city ? "thành phố" : "tỉnh"} ${unit} từ 01/7/2025; dùng --province "${unit}"`,
    unknownCommittee: (found, known) => `--committees: không có Ban "${found}"; cần một số trong ${known.join(", ")}`,
    urbanOnlyInCity: "--committees: Ban Đô thị chỉ có ở HĐND thành phố trực thuộc trung ương; --province không phải thành phố",
  },
  en: {
    wrote: (path) => `Wrote ${path}; next: lichhop check ${path}\n`,
    unknownProvince: (found, suggestions) =>
      `--province ${found}: not one of the 34 provinces and cities since 1 July 2025` +
      (suggestions.length > 0 ? `; did you mean ${suggestions.join(" or ")}?` : ""),
    mergedProvince: (found, former, unit, city) =>
      `--province ${found}: ${former} was merged into ${unit}${city ? " (city)" : ""} on 1 July 2025; use --province "${unit}"`,
    unknownCommittee: (found, known) => `--committees: no committee "${found}"; expected some of ${known.join(", ")}`,
    urbanOnlyInCity: "--committees: only the HĐND of a centrally-run city has a Ban Đô thị; --province is not a city",
  },
};

/** `a, b hoặc c` / `a, b or c`. */
export function orList(items: readonly string[], lang: Lang): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "vi" ? "hoặc" : "or"} ${items[items.length - 1]}`;
}

/** Why a file could not be read or written, from the system's error code (`fileFailure` in `cli/`). */
export type FileProblem =
  | "missing"
  | "missing-folder"
  | "directory"
  | "not-directory"
  | "denied"
  | "exists"
  | "loop"
  | "name-too-long"
  | "too-many-open"
  | "no-space"
  | "read-only";

/**
 * A {@link FileProblem}; a folder on the way to a feed that is a symbolic link (`lichhop ics`
 * refuses to write through it); or another system error, its code (`EIO`) and the system's words.
 */
export type FileFailure =
  | FileProblem
  | { readonly symlinkFolder: string }
  | { readonly code?: string | undefined; readonly detail: string };

const FILE_PROBLEMS: Readonly<Record<Lang, Readonly<Record<FileProblem, string>>>> = {
  vi: {
    missing: "tệp không tồn tại",
    "missing-folder": "thư mục chứa tệp không tồn tại",
    directory: "đây là một thư mục, không phải tệp",
    "not-directory": "một phần của đường dẫn không phải là thư mục",
    denied: "không có quyền truy cập",
    exists: "tệp đã tồn tại; chọn --out khác hoặc xóa tệp cũ trước",
    loop: "đường dẫn đi qua quá nhiều liên kết tượng trưng",
    "name-too-long": "tên tệp quá dài",
    "too-many-open": "đang mở quá nhiều tệp; hãy thử lại",
    "no-space": "ổ đĩa đã hết chỗ trống",
    "read-only": "ổ đĩa chỉ cho phép đọc",
  },
  en: {
    missing: "no such file",
    "missing-folder": "its folder does not exist",
    directory: "is a directory",
    "not-directory": "a part of the path is not a directory",
    denied: "permission denied",
    exists: "the file already exists; choose another --out or remove it first",
    loop: "too many symbolic links",
    "name-too-long": "the name is too long",
    "too-many-open": "too many open files; try again",
    "no-space": "no space left on the device",
    "read-only": "the file system is read-only",
  },
};

/** A {@link FileFailure} in words; an unknown system error keeps its code (Vietnamese) or its own words (English). */
function failureText(failure: FileFailure, lang: Lang): string {
  if (typeof failure === "string") return FILE_PROBLEMS[lang][failure];
  if ("symlinkFolder" in failure) {
    return lang === "vi"
      ? `${failure.symlinkFolder} là một liên kết tượng trưng; xóa liên kết đó hoặc chọn --out khác`
      : `${failure.symlinkFolder} is a symbolic link; remove it or choose another --out`;
  }
  if (lang === "en") return failure.detail;
  return failure.code ? `lỗi hệ thống ${failure.code}` : `lỗi hệ thống ("${failure.detail}")`;
}

/** The messages of argument errors of the commands that take a language. */
export const CLI_MESSAGES = {
  "year-out-of-range": entry<{ found: string }>({
    vi: (p) => `--year ${p.found}: cần một năm từ 1900 đến 2100`,
    en: (p) => `--year ${p.found}: expected a year from 1900 to 2100`,
  }),
  /** `hint` is the option nearest to the one typed, when one is near. */
  "unknown-option": entry<{ option: string; hint?: string | undefined }>({
    vi: (p) => `Tùy chọn không hợp lệ ${p.option}; ${p.hint ? `có phải ${p.hint}?` : "xem lichhop --help"}`,
    en: (p) => `unknown option ${p.option}; ${p.hint ? `did you mean ${p.hint}?` : "see lichhop --help"}`,
  }),
  /** `serve --public-url` that is no http(s) URL, or has a query, fragment or credentials. */
  /** `week --updated` that is no local time. */
  "bad-updated": entry<{ found: string }>({
    vi: (p) => `--updated ${p.found}: cần giờ địa phương YYYY-MM-DDTHH:MM (ví dụ 2025-03-17T14:36) hoặc now (bây giờ)`,
    en: (p) => `--updated ${p.found}: expected a local time YYYY-MM-DDTHH:MM (such as 2025-03-17T14:36) or now`,
  }),
  /** `check --format html` past MAX_CALENDAR_OCCURRENCES; `fitTo`: the last day of a window from `from` that fits. */
  "calendar-too-large": entry<{ count: number; max: number; from: string; to: string; fitTo?: string | undefined }>({
    vi: (p) =>
      `Báo cáo lịch dạng HTML chỉ hiển thị tối đa ${fmt(p.max, "vi")} buổi họp, nhưng từ ${dmy(p.from)} đến ${dmy(p.to)} có ${fmt(p.count, "vi")} buổi họp; hãy thu hẹp khoảng thời gian bằng --from và --to${
        p.fitTo === undefined ? "" : `, ví dụ từ ${dmy(p.from)} đến ${dmy(p.fitTo)}: --from ${p.from} --to ${p.fitTo}`
      }`,
    en: (p) =>
      `the calendar report shows at most ${fmt(p.max, "en")} occurrences, and ${dmy(p.from)} to ${dmy(p.to)} holds ${fmt(p.count, "en")}; narrow the window with --from and --to${
        p.fitTo === undefined ? "" : `, e.g. ${dmy(p.from)} to ${dmy(p.fitTo)}: --from ${p.from} --to ${p.fitTo}`
      }`,
  }),
  "bad-public-url": entry<{ found: string }>({
    vi: (p) =>
      `--public-url ${p.found}: cần một địa chỉ http:// hoặc https://, ví dụ https://lich.langson.gov.vn/feeds (không có ?, # hay tên đăng nhập)`,
    en: (p) =>
      `--public-url ${p.found}: expected an http:// or https:// address such as https://lich.langson.gov.vn/feeds (no ?, # or credentials)`,
  }),
  /** An option the command does not take (`lichhop lunar --port 9`). */
  "option-not-for-command": entry<{ option: string; command: string }>({
    vi: (p) => `Lệnh ${p.command} không dùng tùy chọn ${p.option}; xem lichhop ${p.command} --help`,
    en: (p) => `${p.option} does not apply to lichhop ${p.command}; see lichhop ${p.command} --help`,
  }),
  /** Two extra outputs, or an extra output and `-o`, name the same file. */
  "output-twice": entry<{ file: string }>({
    vi: (p) => `Tệp ${p.file} được chỉ định cho hai đầu ra; mỗi đầu ra cần một tệp riêng`,
    en: (p) => `${p.file} is named for two outputs; each output needs its own file`,
  }),
  "option-needs-value": entry<{ option: string }>({
    vi: (p) => `Tùy chọn ${p.option} cần một giá trị, ví dụ ${p.option} GIÁ_TRỊ`,
    en: (p) => `option ${p.option} needs a value, as in ${p.option} VALUE`,
  }),
  "option-takes-no-value": entry<{ option: string }>({
    vi: (p) => `Tùy chọn ${p.option} không nhận giá trị; bỏ phần sau dấu "="`,
    en: (p) => `option ${p.option} takes no value; leave out what follows "="`,
  }),
  /** Any other mistake on the command line; `detail` is Node's own account of it, shown as it is. */
  "bad-arguments": entry<{ detail: string }>({
    vi: (p) => `Dòng lệnh không hợp lệ (${p.detail}); xem lichhop --help`,
    en: (p) => `bad command line (${p.detail}); see lichhop --help`,
  }),
  /** `hint` is the command nearest to the one typed, when one is near. */
  "unknown-command": entry<{ command: string; hint?: string | undefined }>({
    vi: (p) => `Lệnh không hợp lệ "${p.command}"; ${p.hint ? `có phải lichhop ${p.hint}?` : "xem lichhop --help"}`,
    en: (p) => `unknown command "${p.command}"; ${p.hint ? `did you mean lichhop ${p.hint}?` : "see lichhop --help"}`,
  }),
  "lunar-date-needed": entry({
    vi: () => "lichhop lunar: cần một ngày dương lịch YYYY-MM-DD, hoặc ngày/tháng âm lịch kèm --year (ví dụ 10/3 --year 2026)",
    en: () => "lichhop lunar: expected a date YYYY-MM-DD, or a lunar day/month with --year (e.g. 10/3 --year 2026)",
  }),
  "lunar-day-month": entry<{ found: string }>({
    vi: (p) => `lichhop lunar ${p.found}: với --year hoặc --leap, cần ngày/tháng âm lịch, ví dụ 10/3`,
    en: (p) => `lichhop lunar ${p.found}: with --year or --leap, expected a lunar day/month such as 10/3`,
  }),
  "lunar-year-needed": entry<{ found: string }>({
    vi: (p) => `lichhop lunar ${p.found}: cần năm âm lịch, ví dụ --year 2026`,
    en: (p) => `lichhop lunar ${p.found}: expected the lunar year too, e.g. --year 2026`,
  }),
  /** `leapMonth` is the leap month of that year, if it has one. */
  "no-leap-month": entry<{ month: number; year: number; leapMonth?: number | undefined }>({
    vi: (p) =>
      `Năm âm lịch ${p.year} không có tháng ${p.month} nhuận${p.leapMonth === undefined ? "; năm này không có tháng nhuận" : `; tháng nhuận của năm này là tháng ${p.leapMonth}`}`,
    en: (p) =>
      `the lunar year ${p.year} has no leap month ${p.month}${p.leapMonth === undefined ? "; it has no leap month" : `; its leap month is month ${p.leapMonth}`}`,
  }),
  "no-such-lunar-date": entry<{ day: number; month: number; year: number; leap: boolean }>({
    vi: (p) =>
      `Không có ngày ${p.day} tháng ${p.month}${p.leap ? " nhuận" : ""} năm âm lịch ${p.year}: cần ngày từ 1 đến 30 (tháng thiếu có 29 ngày), tháng từ 1 đến 12`,
    en: (p) =>
      `there is no lunar day ${p.day} of month ${p.month}${p.leap ? " (leap)" : ""} in ${p.year}: expected day 1–30 (29 in a short month) and month 1–12`,
  }),
  "lunar-to-solar": entry<{ lunar: string; date: string }>({
    vi: (p) => `${p.lunar} (âm lịch) là ngày ${dmy(p.date)} (dương lịch)`,
    en: (p) => `${p.lunar} is ${p.date}`,
  }),
  /** `formats` are the formats the command writes. */
  "bad-format": entry<{ found: string; formats: readonly string[] }>({
    vi: (p) => `--format ${p.found}: cần ${orList(p.formats, "vi")}`,
    en: (p) => `--format ${p.found}: expected ${orList(p.formats, "en")}`,
  }),
  "bad-week": entry<{ found: string }>({
    vi: (p) => `--week ${p.found}: cần một tuần ISO 8601 dạng 2025-W12 (năm, W, số tuần 01–53)`,
    en: (p) => `--week ${p.found}: expected an ISO 8601 week such as 2025-W12 (year, W, week 01–53)`,
  }),
  "bad-choice": entry<{ option: string; found: string; choices: readonly string[] }>({
    vi: (p) => `${p.option} ${p.found}: cần ${orList(p.choices, "vi")}`,
    en: (p) => `${p.option} ${p.found}: expected ${orList(p.choices, "en")}`,
  }),
  "week-and-date": entry({
    vi: () => "--week và --date cùng chọn tuần: chỉ dùng một trong hai",
    en: () => "--week and --date both choose the week: give one of them",
  }),
  "people-and-bodies": entry({
    vi: () => "--people và --bodies cùng lọc lịch: chỉ dùng một trong hai",
    en: () => "--people and --bodies both filter the schedule: give one of them",
  }),
  "bad-lang": entry<{ found: string }>({
    vi: (p) => `--lang ${p.found}: cần vi (tiếng Việt) hoặc en (tiếng Anh)`,
    en: (p) => `--lang ${p.found}: expected vi or en`,
  }),
  /** `option` is `--from` or `--to`, as typed. */
  "bad-date-option": entry<{ option: string; found: string }>({
    vi: (p) => `${p.option} ${p.found}: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2024-03-07 (ngày 07/03/2024)`,
    en: (p) => `${p.option} ${p.found}: expected a real date YYYY-MM-DD, e.g. 2024-03-07`,
  }),
  "date-option-out-of-range": entry<{ option: string; found: string; first: number; last: number }>({
    vi: (p) =>
      `${p.option} ${p.found}: ngày ${dmy(p.found)} nằm ngoài phạm vi hỗ trợ, cần một ngày từ 01/01/${p.first} đến 31/12/${p.last}`,
    en: (p) => `${p.option} ${p.found}: expected a date from ${p.first}-01-01 to ${p.last}-12-31`,
  }),
  "from-after-to": entry<{ from: string; to: string }>({
    vi: (p) => `--from ${p.from} và --to ${p.to}: ngày bắt đầu (${dmy(p.from)}) phải trước hoặc trùng ngày kết thúc (${dmy(p.to)})`,
    en: (p) => `--from ${p.from} is after --to ${p.to}: expected a first day on or before the last`,
  }),
  "bad-fail-on": entry<{ found: string }>({
    vi: (p) => `--fail-on ${p.found}: cần error (lỗi), warning (cảnh báo) hoặc never (không bao giờ)`,
    en: (p) => `--fail-on ${p.found}: expected error, warning or never`,
  }),
  "bad-max-size": entry<{ found: string }>({
    vi: (p) => `--max-size ${p.found}: cần số byte, hoặc số MB kèm chữ MB (ví dụ 50MB), tối đa 500MB`,
    en: (p) => `--max-size ${p.found}: expected a number of bytes, or of megabytes with MB (e.g. 50MB), at most 500MB`,
  }),
  /** A `--max-…` count; `option` is its name with the dashes (`--max-conflicts`). */
  "bad-count": entry<{ option: string; found: string }>({
    vi: (p) => `${p.option} ${p.found}: cần một số nguyên dương`,
    en: (p) => `${p.option} ${p.found}: expected a positive whole number`,
  }),
  "base-and-base-ref": entry({
    vi: () => "--base và --base-ref: chỉ dùng một trong hai",
    en: () => "--base and --base-ref: give one of them",
  }),
  "base-ref-not-commit": entry<{ rev: string }>({
    vi: (p) => `--base-ref ${p.rev}: không phải một phiên bản (commit) của kho git này (trên CI, cần lấy đủ lịch sử, ví dụ fetch-depth: 0)`,
    en: (p) => `--base-ref ${p.rev}: not a commit in this repository (in CI, fetch enough history, e.g. fetch-depth: 0)`,
  }),
  /** `lichhop check` without a file or directory. */
  "files-needed": entry<{ command: string }>({
    vi: (p) => `lichhop ${p.command}: cần một tệp lịch họp hoặc một thư mục chứa các tệp lịch họp`,
    en: (p) => `lichhop ${p.command}: expected a schedule FILE or directory`,
  }),
  "file-needed": entry<{ command: string }>({
    vi: (p) => `lichhop ${p.command}: cần một tệp lịch họp`,
    en: (p) => `lichhop ${p.command}: expected a schedule FILE`,
  }),
  /** `count` positional arguments where the command takes `takes`. */
  "too-many-arguments": entry<{ command: string; count: number; takes: "one-file" | "at-most-one-file" | "one-date" | "none" }>({
    vi: (p) =>
      `lichhop ${p.command}: ${
        {
          "one-file": "chỉ nhận một tệp",
          "at-most-one-file": "nhận nhiều nhất một tệp",
          "one-date": "chỉ nhận một ngày",
          none: "không nhận tham số nào",
        }[p.takes]
      }, nhưng có ${p.count}${p.command === "init" ? "; tệp cần tạo được chọn bằng --out TỆP" : ""}`,
    en: (p) =>
      p.takes === "none"
        ? p.command === "init"
          ? "lichhop init: takes no positional arguments; use --out FILE"
          : `lichhop ${p.command}: expected no arguments`
        : `lichhop ${p.command}: expected ${{ "one-file": "one FILE", "at-most-one-file": "at most one FILE", "one-date": "one DATE" }[p.takes]}, got ${p.count}`,
  }),
  "no-schedule-files": entry<{ dir: string }>({
    vi: (p) => `${p.dir}: thư mục không có tệp lịch họp nào (*.yaml, *.yml hoặc *.json)`,
    en: (p) => `${p.dir}: no *.yaml, *.yml or *.json schedule files in this directory`,
  }),
  /** `lichhop ics` without `--out`. */
  "out-needed": entry({
    vi: () => "lichhop ics: cần --out THƯ_MỤC, thư mục ghi các tệp lịch",
    en: () => "lichhop ics: expected --out DIR",
  }),
  "bad-port": entry<{ found: string }>({
    vi: (p) => `--port ${p.found}: cần số cổng từ 0 đến 65535`,
    en: (p) => `--port ${p.found}: expected a port number 0–65535`,
  }),
  "bad-uid-domain": entry<{ found: string }>({
    vi: (p) => `--uid-domain ${p.found}: cần một tên miền, ví dụ hdnd.langson.gov.vn`,
    en: (p) => `--uid-domain ${p.found}: expected a domain name such as hdnd.langson.gov.vn`,
  }),
  "bad-source-date-epoch": entry<{ found: string }>({
    vi: (p) => `SOURCE_DATE_EPOCH=${p.found}: cần số giây nguyên tính từ 01/01/1970`,
    en: (p) => `SOURCE_DATE_EPOCH=${p.found}: expected whole seconds since 1970`,
  }),
  /** `lichhop lunar DATE` with a DATE that is neither a real date nor a lunar day/month. */
  "lunar-bad-date": entry<{ found: string }>({
    vi: (p) =>
      `lichhop lunar ${p.found}: cần một ngày dương lịch có thật dạng YYYY-MM-DD, hoặc ngày/tháng âm lịch kèm --year (ví dụ 10/3 --year 2026)`,
    en: (p) => `lichhop lunar ${p.found}: expected a real date YYYY-MM-DD, or a lunar day/month with --year (e.g. 10/3 --year 2026)`,
  }),
  "cannot-read": entry<{ file: string; failure: FileFailure }>({
    vi: (p) => `Không đọc được ${p.file}: ${failureText(p.failure, "vi")}`,
    en: (p) => `cannot read ${p.file}: ${failureText(p.failure, "en")}`,
  }),
  "cannot-write": entry<{ file: string; failure: FileFailure }>({
    vi: (p) => `Không ghi được ${p.file}: ${failureText(p.failure, "vi")}`,
    en: (p) => `cannot write ${p.file}: ${failureText(p.failure, "en")}`,
  }),
  /** A feed `lichhop ics` wrote: `path` padded by the caller to line the counts up, its events and size. */
  "ics-feed-written": entry<{ path: string; events: number; bytes: number }>({
    vi: (p) => `${p.path}  ${fmt(p.events, "vi").padStart(5)} sự kiện  ${fmt(p.bytes, "vi")} byte`,
    en: (p) => `${p.path}  ${String(p.events).padStart(4)} VEVENT  ${p.bytes} B`,
  }),
  /** How many feeds were written (`lichhop ics`) or are served (`lichhop serve`), and the check's conflicts. */
  "feed-counts": entry<{ feeds: number; conflicts: number }>({
    vi: (p) => `${fmt(p.feeds, "vi")} tệp lịch, ${fmt(p.conflicts, "vi")} xung đột`,
    en: (p) => `${p.feeds} feeds, ${p.conflicts} conflicts`,
  }),
  /**
   * `lichhop serve` cannot listen on `address` (`127.0.0.1:8080`); `code` is the system's error
   * code (`EADDRINUSE`), `detail` its words (shown in English only).
   */
  "cannot-listen": entry<{ address: string; code?: string | undefined; detail: string }>({
    vi: (p) => `Không mở được cổng ${p.address}: ${LISTEN_FAILURES[p.code ?? ""] ?? (p.code ? `lỗi hệ thống ${p.code}` : "lỗi hệ thống")}`,
    en: (p) => `cannot listen on ${p.address}: ${p.detail}`,
  }),
  /**
   * `lichhop check --base`: the base cannot be used, so every conflict counts as new. `why`:
   * its files are not UTF-8 or too large (`code` is the first issue's), they are not a valid
   * schedule, or the schedule cannot be expanded; `issues` is how many issues it has.
   */
  "base-unusable": entry<{ why: "unreadable" | "invalid" | "not-expandable"; issues: number; code?: string | undefined }>({
    vi: (p) =>
      `bản gốc ${
        p.why === "not-expandable"
          ? "không triển khai được thành các buổi họp"
          : p.why === "invalid"
            ? "không phải lịch họp hợp lệ"
            : p.code === "file-too-large"
              ? "có tệp quá lớn"
              : "có tệp không phải mã UTF-8"
      } (${fmt(p.issues, "vi")} lỗi); mọi xung đột được tính là mới`,
    en: (p) =>
      p.why === "not-expandable"
        ? `the base cannot be expanded (${p.issues} issue(s)); every conflict counts as new`
        : `the base is not a valid schedule (${p.issues} issue(s)${p.code ? `: ${p.code}` : ""}); every conflict counts as new`,
  }),
};

/** Why a port cannot be listened on, by the system's error code, in Vietnamese. */
const LISTEN_FAILURES: Readonly<Record<string, string>> = {
  EADDRINUSE: "cổng này đang được một chương trình khác sử dụng; chọn --port khác",
  EACCES: "không có quyền mở cổng này (cổng dưới 1024 cần quyền quản trị); chọn --port khác",
  EADDRNOTAVAIL: "máy này không có địa chỉ đó; kiểm tra --host",
  ENOTFOUND: "không tìm thấy máy có tên đó; kiểm tra --host",
};
