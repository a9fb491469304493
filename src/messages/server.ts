import type { Lang } from "./entry";

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
  readonly events: string;
  readonly report: string;
  readonly loaded: string;
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
    events: "sự kiện",
    report: "Báo cáo JSON",
    loaded: "Cập nhật lúc",
  },
  en: {
    title: "Meeting calendars",
    horizon: (from, to) => `From ${from} to ${to}`,
    conflicts: (n, e, w) => `${n} conflicts (${e} errors, ${w} warnings)`,
    error: "The latest change to the schedule file could not be loaded; serving the last good version:",
    groups: { all: "All", body: "Bodies", person: "People", room: "Rooms", conflicts: "Conflicts" },
    subscribe: "Subscribe (webcal)",
    download: "Download .ics",
    events: "events",
    report: "JSON report",
    loaded: "Loaded at",
  },
};
