import { dmy, type Lang } from "./entry";

/** The words of the weekly work schedule (`lichhop week`) and of the HTML calendar report. */
export interface WeekText {
  /** The title: the ISO week's number and its Monday and Sunday, `YYYY-MM-DD`. */
  readonly title: (week: number, from: string, to: string) => string;
  /** `(Điều chỉnh lần 2)`. */
  readonly revision: (n: number) => string;
  /** `(Cập nhật lần cuối 14:36 17/03/2025)`: `time` HH:MM, `date` YYYY-MM-DD. */
  readonly updated: (time: string, date: string) => string;
  readonly morning: string;
  readonly afternoon: string;
  readonly allDay: string;
  /** The grid's start-time prefix: `(8h30)`; `minutes` from midnight. */
  readonly timePrefix: (minutes: number) => string;
  /** The table's columns. */
  readonly columns: {
    readonly day: string;
    readonly time: string;
    /** The grid's half-day column. */
    readonly period: string;
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
  /** After a title in a leader's row of the grid by person, when the leader chairs it: "(chủ trì)". */
  readonly chairing: string;
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

/** The mark of a postponed or cancelled occurrence (a change's `status`): "HOÃN", "HỦY". */
export function withdrawnWord(t: WeekText, status: "postponed" | "cancelled"): string {
  return status === "postponed" ? t.postponed : t.cancelled;
}

/** The weekly work schedule's words, per language. */
export const WEEK_TEXT: Readonly<Record<Lang, WeekText>> = {
  vi: {
    title: (week, from, to) => `LỊCH CÔNG TÁC TUẦN ${String(week).padStart(2, "0")} (Từ ngày ${dmy(from)} đến ngày ${dmy(to)})`,
    revision: (n) => `(Điều chỉnh lần ${n})`,
    updated: (time, date) => `(Cập nhật lần cuối ${time} ${dmy(date)})`,
    morning: "Sáng",
    afternoon: "Chiều",
    allDay: "Cả ngày",
    timePrefix: (m) => `(${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")})`,
    columns: {
      day: "Ngày",
      time: "Thời gian",
      period: "Buổi",
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
    chairing: "chủ trì",
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
    updated: (time, date) => `(Last updated ${time} ${dmy(date)})`,
    morning: "Morning",
    afternoon: "Afternoon",
    allDay: "All day",
    timePrefix: (m) => `(${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")})`,
    columns: {
      day: "Day",
      time: "Time",
      period: "Period",
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
    chairing: "chairing",
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

/** The words of the calendar report (`check --format html`). */
export interface CalendarText {
  readonly title: (from: string, to: string) => string;
  readonly week: (week: number, from: string, to: string) => string;
  readonly month: (month: number, year: number) => string;
  readonly previousWeek: string;
  readonly nextWeek: string;
  readonly views: { readonly week: string; readonly month: string; readonly people: string; readonly rooms: string };
  readonly viewLabel: string;
  readonly filters: string;
  readonly body: string;
  readonly person: string;
  readonly room: string;
  readonly all: string;
  readonly period: string;
  readonly findings: string;
  readonly noFindings: string;
  readonly clash: string;
  readonly legend: string;
  readonly error: string;
  readonly warning: string;
  readonly noRoom: string;
  /** The kind of a finding, as its group's heading. */
  readonly kinds: Readonly<Record<"rule" | "attendee" | "room" | "day-off" | "working-hours" | "cadence" | "lead-time", string>>;
  /** A finding's dates: "3 ngày, từ 15/02/2024". */
  readonly dates: (count: number, first: string) => string;
  readonly showWeek: string;
  /** The heading of the occurrences a base has and the schedule no longer has (`--base`). */
  readonly removedHeading: string;
}

/** The calendar report's words, per language. */
export const CALENDAR_TEXT: Readonly<Record<Lang, CalendarText>> = {
  vi: {
    title: (from, to) => `Lịch họp và xung đột từ ${dmy(from)} đến ${dmy(to)}`,
    week: (week, from, to) => `Tuần ${String(week).padStart(2, "0")} (${dmy(from)} – ${dmy(to)})`,
    month: (month, year) => `Tháng ${month}/${year}`,
    previousWeek: "← Tuần trước",
    nextWeek: "Tuần sau →",
    views: { week: "Tuần", month: "Tháng", people: "Theo người", rooms: "Theo phòng họp" },
    viewLabel: "Cách xem",
    filters: "Lọc",
    body: "Cơ quan",
    person: "Người dự",
    room: "Phòng họp",
    all: "Tất cả",
    period: "Buổi",
    findings: "Các vấn đề",
    noFindings: "Không có xung đột.",
    removedHeading: "Không còn trong lịch so với bản trước",
    clash: "Trùng lịch",
    legend: "Chú giải màu theo cơ quan",
    error: "Lỗi",
    warning: "Cảnh báo",
    noRoom: "Không có phòng",
    kinds: {
      rule: "Vi phạm quy định không trùng lịch",
      attendee: "Trùng người dự",
      room: "Trùng phòng họp",
      "day-off": "Họp vào ngày nghỉ",
      "working-hours": "Họp ngoài giờ làm việc",
      cadence: "Số buổi họp không đúng quy định",
      "lead-time": "Thời hạn trước cuộc họp",
    },
    dates: (count, first) => (count === 1 ? `ngày ${dmy(first)}` : `${count} ngày, từ ${dmy(first)}`),
    showWeek: "xem tuần",
  },
  en: {
    title: (from, to) => `Meetings and conflicts from ${dmy(from)} to ${dmy(to)}`,
    week: (week, from, to) => `Week ${String(week).padStart(2, "0")} (${dmy(from)} – ${dmy(to)})`,
    month: (month, year) =>
      `${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]} ${year}`,
    previousWeek: "← Previous week",
    nextWeek: "Next week →",
    views: { week: "Week", month: "Month", people: "By person", rooms: "By room" },
    viewLabel: "View",
    filters: "Filter",
    body: "Body",
    person: "Person",
    room: "Room",
    all: "All",
    period: "Period",
    findings: "Findings",
    noFindings: "No conflicts.",
    removedHeading: "No longer in the schedule since the base",
    clash: "Clash",
    legend: "Colour of each body",
    error: "Error",
    warning: "Warning",
    noRoom: "No room",
    kinds: {
      rule: "No-overlap rules broken",
      attendee: "A person in two meetings",
      room: "A room booked twice",
      "day-off": "Meetings on days off",
      "working-hours": "Meetings outside working hours",
      cadence: "Meeting counts off the rule",
      "lead-time": "Lead time before a meeting",
    },
    dates: (count, first) => (count === 1 ? `on ${dmy(first)}` : `${count} days, from ${dmy(first)}`),
    showWeek: "show week",
  },
};
