import { CLI_MESSAGES } from "./cli";
import { CONFLICT_MESSAGES } from "./conflicts";
import { FINDING_MESSAGES } from "./findings";
import type { Entry, Lang } from "./entry";
import { IMPORT_MESSAGES } from "./import";
import { ISSUE_MESSAGES } from "./issues";
import { SERVER_MESSAGES } from "./server";
import { SLOT_MESSAGES } from "./slots";

export {
  DAYS_OFF_TEXT,
  INIT_TEXT,
  type DayOffKindName,
  type DaysOffText,
  type FileFailure,
  type FileProblem,
  type InitText,
} from "./cli";
export type { CadenceBounds, CadencePeriod } from "./conflicts";
export { entry, type Entry, type Lang, type NoParams } from "./entry";
export { EXPECTED_WORDS, expectedText, foundText, type Expected, type ExpectedWord, type Found } from "./expected";
export { FEED_LABELS, type FeedLabels } from "./feeds";
export type { EncodingGuess } from "./issues";
export { RRULE_PART_NAMES, type RRuleExpected, type RRulePartName } from "./rrule";
export { REFERENCE_KINDS, WEEKDAY_NAMES, type ReferenceKind } from "./labels";
export {
  BASE_SUMMARY,
  CHECK_TITLES,
  CI_SUMMARY_TEXT,
  type CiSummaryCounts,
  type CiSummaryText,
  isBuiltInCheck,
  REPORT_TEXT,
  type BaseCounts,
  type BuiltInCheck,
  type ReportText,
  type SummaryCounts,
} from "./report";
export { CALENDAR_TEXT, WEEK_TEXT, withdrawnWord, type CalendarText, type WeekText } from "./week";
export { PAGE_TEXT, type FeedGroup, type PageText, type ReloadFailure } from "./server";
export { halfDayName, REQUEST_WORDS, requestExpectedText, type HalfDay, type RequestExpected, type RequestWord } from "./slots";

/** Every message lichhop writes, in Vietnamese and English: the issues', the conflicts', the commands', the feed server's and the free-slot search's. */
const CATALOGUE = {
  ...ISSUE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...CONFLICT_MESSAGES,
  ...FINDING_MESSAGES,
  ...CLI_MESSAGES,
  ...SERVER_MESSAGES,
  ...SLOT_MESSAGES,
};

/** The id of a message in the catalogue. */
export type MessageId = keyof typeof CATALOGUE;

/** The parameters message `K` declares. */
export type ParamsOf<K extends MessageId> = (typeof CATALOGUE)[K] extends Entry<infer P> ? P : never;

// The same table, typed so that looking up any id gives the entry of that id's parameters.
const MESSAGES: { readonly [K in MessageId]: Entry<ParamsOf<K>> } = CATALOGUE;

/** The parameters argument of message `K`: optional when every parameter is. */
export type ParamsArg<K extends MessageId> = Record<never, never> extends ParamsOf<K> ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];

/**
 * The text of a message in a language, from the parameters its id declares.
 *
 * @example
 * message("en", "unknown-zone", { zone: "Asia/Hanoi" });
 * // 'unknown time zone "Asia/Hanoi": expected an IANA zone such as Asia/Ho_Chi_Minh'
 */
export function message<K extends MessageId>(lang: Lang, id: K, ...[params]: ParamsArg<K>): string {
  return MESSAGES[id][lang](params ?? ({} as ParamsOf<K>));
}
export { clockTime, durationWords, elapsedWords, periodName, periodsText, rangeWords, repeatWords } from "./words";
