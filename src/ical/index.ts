export { buildFeeds, formatICalendar, feedSelectors } from "./feeds";
export type { Feed, FeedSelector } from "./feeds";
export { DEFAULT_UID_DOMAIN } from "./context";
export type { FeedOptions, FeedSource } from "./context";
export { generateVtimezone } from "./vtimezone";
export type { VtimezoneSource } from "./vtimezone";
export { escapeText, foldLine } from "./text";
