// The calendar module's public API: the Vietnamese lunar calendar, holidays and the working
// calendar. Internal date arithmetic (./internal) is left out on purpose.
export { canChi, formatLunar, fromLunar, toLunar } from "./lunar";
export type { LunarDate } from "./lunar";
export { defaultNationalDayExtra, statutoryHolidays, vietnamDaysOff, vietnamMakeUpDays } from "./holidays";
export type { DayOff, DayOffKind, MakeUpDay } from "./holidays";
export { DECISIONS, decisionsFor } from "./decisions";
export type { Decision, LocalizedText, Occasion } from "./decisions";
export { calendarConfigSchema, weekdaySchema, workCalendar } from "./work-calendar";
export type { CalendarConfig, Period, WeeklyRestDay, WorkCalendar, Weekday, WorkingHours, WorkingSeason } from "./work-calendar";
export { CalendarError } from "./errors";
export type { CalendarErrorCode } from "./errors";
