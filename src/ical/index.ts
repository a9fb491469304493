export { buildFeeds, toICalendar, feedSelectors, DEFAULT_UID_DOMAIN } from "./feeds";
export type { Feed, FeedOptions, FeedSelector, FeedSource } from "./feeds";
export { generateVtimezone } from "./vtimezone";
export type { VtimezoneSource } from "./vtimezone";
export { escapeText, foldLine } from "./text";
