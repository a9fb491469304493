import { dmy, type Lang } from "./entry";

/** The words of the weekly work schedule (`lichhop week`) and of the HTML calendar report. */
export interface WeekText {
  /** The title: the ISO week's number and its Monday and Sunday, `YYYY-MM-DD`. */
  readonly title: (week: number, from: string, to: string) => string;
  /** `(Điều chỉnh lần 2)`. */
  readonly revision: (n: number) => string;
  readonly morning: string;
  readonly afternoon: string;
  readonly allDay: string;
  /** The grid's start-time prefix: `(8h30)`; `minutes` from midnight. */
  readonly timePrefix: (minutes: number) => string;
  /** The table's columns. */
  readonly columns: {
    readonly day: string;
    readonly time: string;
    readonly content: string;
    readonly leaders: string;
    readonly place: string;
    readonly invitees: string;
    readonly followedBy: string;
    readonly note: string;
    readonly person: string;
    readonly body: string;
  };
  readonly chair: string;
  readonly attend: string;
  /** Of several people. */
  readonly attendMany: string;
  readonly placeAt: string;
  readonly preparedBy: string;
  readonly postponed: string;
  readonly cancelled: string;
  readonly added: string;
  readonly moved: string;
  readonly removed: string;
  /** Before the title of the rule a clash breaks. */
  readonly clash: string;
  readonly dayOff: string;
  readonly makeUp: string;
  readonly nothing: string;
  /** The weekday's full name, Sunday = 0. */
  readonly weekdays: readonly string[];
}

/** The weekly work schedule's words, per language. */
export const WEEK_TEXT: Readonly<Record<Lang, WeekText>> = {
  vi: {
    title: (week, from, to) => `LỊCH CÔNG TÁC TUẦN ${String(week).padStart(2, "0")} (Từ ngày ${dmy(from)} đến ngày ${dmy(to)})`,
    revision: (n) => `(Điều chỉnh lần ${n})`,
    morning: "Sáng",
    afternoon: "Chiều",
    allDay: "Cả ngày",
    timePrefix: (m) => `(${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")})`,
    columns: {
      day: "Ngày",
      time: "Thời gian",
      content: "Nội dung",
      leaders: "Lãnh đạo chủ trì/tham dự",
      place: "Địa điểm",
      invitees: "Thành phần",
      followedBy: "Lãnh đạo VP theo dõi",
      note: "Ghi chú",
      person: "Lãnh đạo",
      body: "Cơ quan",
    },
    chair: "chủ trì",
    attend: "dự",
    attendMany: "dự",
    placeAt: "Địa điểm tại",
    preparedBy: "Chuẩn bị",
    postponed: "HOÃN",
    cancelled: "HỦY",
    added: "Bổ sung",
    moved: "Thay đổi thời gian",
    removed: "Không tổ chức",
    clash: "Trùng lịch",
    dayOff: "Ngày nghỉ",
    makeUp: "Ngày làm bù",
    nothing: "Không có lịch.",
    weekdays: ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"],
  },
  en: {
    title: (week, from, to) => `WORK SCHEDULE, WEEK ${String(week).padStart(2, "0")} (${dmy(from)} to ${dmy(to)})`,
    revision: (n) => `(Revision ${n})`,
    morning: "Morning",
    afternoon: "Afternoon",
    allDay: "All day",
    timePrefix: (m) => `(${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")})`,
    columns: {
      day: "Day",
      time: "Time",
      content: "Meeting",
      leaders: "Chair / attending",
      place: "Place",
      invitees: "Invited",
      followedBy: "Office staff following",
      note: "Note",
      person: "Leader",
      body: "Body",
    },
    chair: "chairs",
    attend: "attends",
    attendMany: "attend",
    placeAt: "Place:",
    preparedBy: "Prepared by",
    postponed: "POSTPONED",
    cancelled: "CANCELLED",
    added: "Added",
    moved: "Time changed",
    removed: "Not held",
    clash: "Clash",
    dayOff: "Day off",
    makeUp: "Make-up working day",
    nothing: "Nothing scheduled.",
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  },
};
