import { dmy, entry, type Lang } from "./entry";

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
  /** Why the starting file was not written over an existing one. */
  readonly exists: string;
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
    exists: "tệp đã tồn tại; chọn --out khác hoặc xóa tệp cũ trước",
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
    exists: "the file already exists; choose another --out or remove it first",
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
  "text-or-json": entry<{ found: string }>({
    vi: (p) => `--format ${p.found}: cần text hoặc json`,
    en: (p) => `--format ${p.found}: expected text or json`,
  }),
};
