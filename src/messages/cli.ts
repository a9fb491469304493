import { entry, type Lang } from "./entry";

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
  "text-or-json": entry<{ found: string }>({
    vi: (p) => `--format ${p.found}: cần text hoặc json`,
    en: (p) => `--format ${p.found}: expected text or json`,
  }),
};
