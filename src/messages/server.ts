import { orList } from "./cli";
import { entry, fmt, type Lang } from "./entry";

/** The kinds of feed the feed server's index page groups its links by. */
export type FeedGroup = "all" | "body" | "person" | "room" | "conflicts";

/** The words of the feed server's index page. */
export interface PageText {
  readonly title: string;
  readonly horizon: (from: string, to: string) => string;
  /** `n` conflicts, `e` of them errors and `w` warnings. */
  readonly conflicts: (n: number, e: number, w: number) => string;
  /** Said above the last error when the latest change to the file could not be loaded. */
  readonly error: string;
  readonly groups: Readonly<Record<FeedGroup, string>>;
  readonly subscribe: string;
  readonly download: string;
  /** Under the tables when the page knows its own address: where each feed's https:// address goes. */
  readonly address: string;
  readonly events: string;
  readonly report: string;
  /** The links to the calendar report and this week's work schedule. */
  readonly calendar: string;
  readonly week: string;
  readonly loaded: string;
  /** The week pages' layouts, as the index and the week pages' links name them. */
  readonly layouts: { readonly grid: string; readonly table: string; readonly list: string };
  /** Before the week page's layout links. */
  readonly layout: string;
  /** The week pages' links to the weeks before and after. */
  readonly previousWeek: string;
  readonly nextWeek: string;
  /** The name of the week pages' links, for screen readers. */
  readonly weekLinks: string;
  /** The title of the page a request with a bad query gets (400). */
  readonly badRequest: string;
}

/** The feed server's index page text, per language (`renderIndex`). */
export const PAGE_TEXT: Readonly<Record<Lang, PageText>> = {
  vi: {
    title: "Lịch họp",
    horizon: (from, to) => `Từ ${from} đến ${to}`,
    conflicts: (n, e, w) => `${n} xung đột (${e} lỗi, ${w} cảnh báo)`,
    error: "Không nạp được thay đổi mới nhất của tệp lịch; đang phục vụ bản hợp lệ gần nhất:",
    groups: { all: "Tất cả", body: "Cơ quan", person: "Cá nhân", room: "Phòng họp", conflicts: "Trùng lịch" },
    subscribe: "Đăng ký (webcal)",
    download: "Tải .ics",
    address: "Địa chỉ https:// của mỗi lịch: dán vào Google Calendar (Thêm lịch → Từ URL) hoặc Outlook (Thêm lịch → Đăng ký từ web).",
    events: "sự kiện",
    report: "Báo cáo JSON",
    calendar: "Lịch họp và xung đột (HTML)",
    week: "Lịch công tác tuần này",
    loaded: "Cập nhật lúc",
    layouts: { grid: "dạng lưới", table: "dạng bảng", list: "danh sách" },
    layout: "Trình bày",
    previousWeek: "Tuần trước",
    nextWeek: "Tuần sau",
    weekLinks: "Chuyển tuần và cách trình bày",
    badRequest: "Yêu cầu không hợp lệ",
  },
  en: {
    title: "Meeting calendars",
    horizon: (from, to) => `From ${from} to ${to}`,
    conflicts: (n, e, w) => `${n} conflicts (${e} errors, ${w} warnings)`,
    error: "The latest change to the schedule file could not be loaded; serving the last good version:",
    groups: { all: "All", body: "Bodies", person: "People", room: "Rooms", conflicts: "Conflicts" },
    subscribe: "Subscribe (webcal)",
    download: "Download .ics",
    address:
      "Each calendar's https:// address: paste it into Google Calendar (Add calendar → From URL) or Outlook (Add calendar → Subscribe from web).",
    events: "events",
    report: "JSON report",
    calendar: "Meetings and conflicts (HTML)",
    week: "This week's work schedule",
    loaded: "Loaded at",
    layouts: { grid: "grid", table: "table", list: "list" },
    layout: "Layout",
    previousWeek: "Previous week",
    nextWeek: "Next week",
    weekLinks: "Other weeks and layouts",
    badRequest: "Bad request",
  },
};

/**
 * Why a reload of the served file ended without feeds, when the file itself is not to blame as a
 * checker sees it: the build ran past its time (`ms`) or memory (`mb`) limit, the worker could
 * not start or stopped, its answer could not be read, the `vtimezone` source threw, the handler
 * was closed, or the build threw (`detail`: the error's own words, shown as they are).
 */
export type ReloadFailure =
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "memory"; readonly mb: number }
  | { readonly kind: "cannot-start"; readonly script: string; readonly detail: string }
  | { readonly kind: "worker-exit"; readonly exitCode: number }
  | { readonly kind: "unreadable-answer"; readonly detail: string }
  | { readonly kind: "vtimezone"; readonly detail: string }
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly detail: string };

function failureText(f: ReloadFailure, lang: Lang): string {
  const vi = lang === "vi";
  switch (f.kind) {
    case "timeout":
      return vi
        ? `lần nạp lại chạy quá ${fmt(f.ms, "vi")} mili giây (giới hạn reloadTimeout) và đã bị dừng`
        : `the reload took longer than ${f.ms} ms (the reloadTimeout limit) and was stopped`;
    case "memory":
      return vi
        ? `lần nạp lại dùng quá ${fmt(f.mb, "vi")} MB bộ nhớ (giới hạn reloadMemoryMb) và đã bị dừng`
        : `the reload ran out of memory (more than ${f.mb} MB, the reloadMemoryMb limit) and was stopped`;
    case "cannot-start":
      return vi
        ? `không khởi động được tiến trình nạp lại ${f.script} ("${f.detail}")`
        : `cannot start the reload worker ${f.script}: ${f.detail}`;
    case "worker-exit":
      return vi
        ? `tiến trình nạp lại đã dừng (mã thoát ${f.exitCode}) trước khi trả kết quả`
        : `the reload worker stopped (exit code ${f.exitCode}) before it answered`;
    case "unreadable-answer":
      return vi ? `không đọc được kết quả của lần nạp lại ("${f.detail}")` : `the reload's answer could not be read: ${f.detail}`;
    case "vtimezone":
      return vi ? `nguồn múi giờ (vtimezone) báo lỗi ("${f.detail}")` : `the vtimezone source failed: ${f.detail}`;
    case "cancelled":
      return vi ? "lần nạp lại đã bị hủy vì máy chủ lịch đã đóng" : "the reload was cancelled: the handler was closed";
    case "failed":
      return vi ? `lần nạp lại gặp lỗi ("${f.detail}")` : `the reload failed: ${f.detail}`;
  }
}

/** The feed server's log lines and the failures it shows (`createFeedHandler`). */
export const SERVER_MESSAGES = {
  "reload-failure": entry<{ failure: ReloadFailure }>({
    vi: (p) => failureText(p.failure, "vi"),
    en: (p) => failureText(p.failure, "en"),
  }),
  /** The served `file` changed and its new feeds are served. */
  "feeds-reloaded": entry<{ file: string; feeds: number; conflicts: number }>({
    vi: (p) => `${p.file}: đã nạp lại: ${fmt(p.feeds, "vi")} tệp lịch, ${fmt(p.conflicts, "vi")} xung đột`,
    en: (p) => `${p.file}: reloaded: ${p.feeds} feeds, ${p.conflicts} conflicts`,
  }),
  /** A change to `file` was not loaded, because the file is `invalid` or the reload failed; the reasons follow on the next lines. */
  "feeds-kept": entry<{ file: string; invalid: boolean }>({
    vi: (p) => `${p.file}: ${p.invalid ? "tệp không hợp lệ" : "không nạp lại được"}, vẫn phục vụ các tệp lịch hợp lệ gần nhất:`,
    en: (p) => `${p.file}: ${p.invalid ? "invalid" : "not reloaded"}, still serving the last good feeds:`,
  }),
  /** A week page's query parameter `name` has a value that is not one of `choices`. */
  "week-query-value": entry<{ name: string; found: string; choices: readonly string[] }>({
    vi: (p) => `Tham số ${p.name}=${p.found}: cần ${orList(p.choices, "vi")}`,
    en: (p) => `parameter ${p.name}=${p.found}: expected ${orList(p.choices, "en")}`,
  }),
  /** A week page's query has a parameter it does not take. */
  "week-query-unknown": entry<{ name: string; names: readonly string[] }>({
    vi: (p) => `Trang tuần không dùng tham số ${p.name}: cần ${orList(p.names, "vi")}`,
    en: (p) => `unknown parameter ${p.name}: expected ${orList(p.names, "en")}`,
  }),
  /** A week page's query gives parameter `name` more than once. */
  "week-query-twice": entry<{ name: string }>({
    vi: (p) => `Tham số ${p.name} có nhiều hơn một giá trị: chỉ dùng một`,
    en: (p) => `parameter ${p.name} is given more than once: give it once`,
  }),
  /** A week page's query filters by both people and bodies. */
  "week-query-people-and-bodies": entry({
    vi: () => "Tham số people và bodies cùng lọc lịch: chỉ dùng một trong hai",
    en: () => "parameters people and bodies both filter the schedule: give one of them",
  }),
  /**
   * A folder cannot be watched for changes (`code`: the system's error code, `detail`: its words,
   * shown in English); the file is polled instead.
   */
  "cannot-watch": entry<{ file: string; dir: string; code?: string | undefined; detail: string }>({
    vi: (p) =>
      `${p.file}: không theo dõi được thư mục ${p.dir} (${p.code ? `lỗi hệ thống ${p.code}` : `lỗi hệ thống "${p.detail}"`}); sẽ định kỳ kiểm tra tệp thay thế`,
    en: (p) => `${p.file}: cannot watch ${p.dir} (${p.detail}); polling instead`,
  }),
};
