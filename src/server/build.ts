import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { safeCheckSchedule, type CheckResult } from "../check";
import { ScheduleError, UsageError, type Issue } from "../errors";
import { buildFeeds, type FeedSelector } from "../ical/feeds";
import type { VtimezoneSource } from "../ical/vtimezone";
import { MAX_CALENDAR_OCCURRENCES, type Limits } from "../limits";
import { decodeScheduleBytes, DEFAULT_MAX_SIZE, tooLarge } from "../load/decode";
import { safeMergeSchedules, type ScheduleText } from "../load/merge";
import type { SourceText } from "../load/sources";
import type { ScheduleResult } from "../load/validate";
import { safeParseSchedule } from "../load/parse";
import { message, type Lang, type ReloadFailure } from "../messages";
import type { Report } from "../report/report";
import { scheduleZone, type Schedule } from "../schema/model";
import { safeScheduleCalendar } from "../load/calendar";
import type { Occurrence } from "../recurrence/occurrence";
import { formatCalendarHtml } from "../report/calendar-html";
import { reportOccurrence } from "../report/report";
import { addDays, mondayOf, occurrenceKey } from "../report/week";
import { zoneClocks } from "../time/zone";
import { expandPaths, fileFailure } from "../cli/paths";
import { readSources } from "../cli/sources";
import { weekId, type WeekSource } from "./weeks";

/** A schedule file or directory to serve: where it is, and how messages name it. */
export interface ServedPath {
  /** Absolute path. */
  readonly path: string;
  /** As the caller wrote it, for messages. */
  readonly name: string;
}

/** What a build read and the handler watches for the next change. */
export interface WatchList {
  /** The schedule files and their .ics sources, as absolute paths. */
  readonly files: readonly string[];
  /** The directories listed for schedule files, as absolute paths: a file added or removed there is a change. */
  readonly dirs: readonly string[];
}

/**
 * Everything one build of the served files needs, as plain data: it crosses to the reload worker
 * by structured clone, so it holds no functions (a `vtimezone` source stays on the main thread
 * and is asked for the zones the build names).
 */
export interface BuildRequest {
  /**
   * The schedule files and directories, in the caller's order: a directory stands for its
   * *.yaml, *.yml and *.json files, listed again at each build. One file is parsed as it is;
   * several are merged as `lichhop ics` merges them.
   */
  readonly inputs: readonly ServedPath[];
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly lang: Lang | undefined;
  readonly uidDomain: string | undefined;
  readonly expand: boolean | undefined;
  readonly conflictNotes: boolean | undefined;
  readonly refresh: string | undefined;
  readonly title: string | undefined;
  /** DTSTAMP of every event; undefined: the files' latest modification time. */
  readonly stamp: string | number | undefined;
  /** The check's limits, when raised or lowered. */
  readonly limits: Partial<Limits> | undefined;
}

/** One response body of a build, with its strong ETag. */
export interface BuiltEntry {
  readonly path: string;
  readonly type: string;
  readonly body: Uint8Array;
  readonly etag: string;
}

/** A feed as listed on the index page. */
export interface ServedFeed {
  readonly path: string;
  readonly name: string;
  readonly selector: FeedSelector;
  readonly events: number;
}

/** A successful build: every response body, the feed list and the report. */
export interface BuiltFeeds {
  readonly entries: readonly BuiltEntry[];
  readonly feeds: readonly ServedFeed[];
  readonly report: Report;
  readonly lang: Lang;
  /** The latest modification time of the files and their .ics sources, epoch ms, whole seconds. */
  readonly mtime: number;
  /** What this build read, to watch. */
  readonly watch: WatchList;
  /** The schedule's zone: `/week` is the week of today there. */
  readonly zone: string;
  /** What the week pages are drawn from on request; undefined past {@link MAX_PAGE_OCCURRENCES}. */
  readonly weeks: WeekSource | undefined;
}

/**
 * What a build ends in: the feeds, the issues of an invalid file, or a failure that is not the
 * file's fault as a checker sees it (the build ran out of time or memory, the worker died).
 */
export type BuildOutcome =
  | { readonly ok: true; readonly value: BuiltFeeds }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly watch?: WatchList }
  | { readonly ok: false; readonly failure: ReloadFailure };

/** The parsed and checked files, before their feeds are rendered. */
export interface CheckedFile {
  readonly schedule: Schedule;
  readonly checked: CheckResult;
  readonly mtime: number;
  /** What was read, to watch. */
  readonly watch: WatchList;
}

export const ICS = "text/calendar; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";
export const HTML_TYPE = "text/html; charset=utf-8";

/** A strong ETag: the first 32 characters of the body's SHA-256, base64url. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** The issue for a schedule file or directory that cannot be read, worded as the command line words it. */
function cannotRead(name: string, cause: unknown, lang: Lang | undefined): Issue {
  const text = message(lang ?? "vi", "cannot-read", { file: name, failure: fileFailure(cause) });
  return { code: "bad-argument", message: text, path: [], file: name };
}

/**
 * The schedule files the inputs name now (a directory as its schedule files, as `lichhop ics`
 * lists one), the directories listed, and the issues of inputs that cannot be read.
 */
export function listInputs(
  inputs: readonly ServedPath[],
  lang: Lang | undefined,
): { files: ServedPath[]; dirs: string[]; issues: Issue[] } {
  const files: ServedPath[] = [];
  const dirs: string[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    let directory: boolean;
    try {
      directory = statSync(input.path).isDirectory();
    } catch (cause) {
      // Still watched: the file may come back.
      files.push(input);
      issues.push(cannotRead(input.name, cause, lang));
      continue;
    }
    if (!directory) {
      files.push(input);
      continue;
    }
    dirs.push(input.path);
    try {
      for (const path of expandPaths([input.path], { lang })) files.push({ path, name: join(input.name, relative(input.path, path)) });
    } catch (error) {
      if (error instanceof ScheduleError) issues.push(...error.issues);
      else if (error instanceof UsageError) issues.push({ code: "bad-argument", message: error.message, path: [] });
      else throw error;
    }
  }
  return { files, dirs, issues };
}

/** One schedule file read: its bytes, its .ics sources and the latest modification time of them all. */
interface ReadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sources: Record<string, SourceText>;
  readonly mtime: number;
}

function readFile(file: ServedPath, lang: Lang | undefined, sourcePaths: string[]): ReadFile | Issue {
  let bytes: Uint8Array;
  let mtime: number;
  try {
    const stat = statSync(file.path);
    if (stat.size > DEFAULT_MAX_SIZE) return tooLarge(file.name, stat.size, DEFAULT_MAX_SIZE, lang);
    mtime = Math.floor(stat.mtimeMs / 1000) * 1000;
    bytes = readFileSync(file.path);
  } catch (cause) {
    return cannotRead(file.name, cause, lang);
  }
  // The .ics sources beside the file, read from where the file is, named as the file writes them.
  const read = readSources(file.path, new TextDecoder().decode(bytes), { maxSize: DEFAULT_MAX_SIZE, lang });
  sourcePaths.push(...read.paths);
  return { name: file.name, bytes, sources: Object.fromEntries(Object.entries(read.sources)), mtime: Math.max(mtime, read.mtime) };
}

/** Parses one schedule file, or merges several as `lichhop ics` does; the issues of every file when they cannot be used. */
function parseFiles(files: readonly ReadFile[], lang: Lang | undefined): ScheduleResult {
  const options = lang ? { lang } : {};
  const [only] = files;
  // Bytes, not text: a file that is not UTF-8 is refused with its line, never served as mojibake.
  if (files.length === 1 && only) return safeParseSchedule(only.bytes, { filename: only.name, sources: only.sources, ...options });
  const texts: ScheduleText[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const decoded = decodeScheduleBytes(file.bytes, { filename: file.name, ...options });
    if (decoded.ok) texts.push({ filename: file.name, text: decoded.text, sources: file.sources });
    else issues.push(...decoded.issues);
  }
  return issues.length > 0 ? { ok: false, issues } : safeMergeSchedules(texts, options);
}

/** Reads, parses (or merges) and checks the files; returns their issues when they cannot be used. */
export function checkFile(request: BuildRequest): CheckedFile | { readonly issues: readonly Issue[]; readonly watch: WatchList } {
  const listed = listInputs(request.inputs, request.lang);
  const sources: string[] = [];
  const issues = [...listed.issues];
  const read: ReadFile[] = [];
  for (const file of listed.files) {
    const one = readFile(file, request.lang, sources);
    if ("bytes" in one) read.push(one);
    else issues.push(one);
  }
  const watch: WatchList = { files: [...new Set([...listed.files.map((file) => file.path), ...sources])], dirs: listed.dirs };
  if (issues.length > 0) return { issues, watch };
  const parsed = parseFiles(read, request.lang);
  if (!parsed.ok) return { issues: parsed.issues, watch };
  const checked = safeCheckSchedule(parsed.schedule, {
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(request.lang ? { lang: request.lang } : {}),
    ...(request.limits ? { limits: request.limits } : {}),
  });
  if (!checked.ok) return { issues: checked.issues, watch };
  return { schedule: parsed.schedule, checked, mtime: Math.max(0, ...read.map((file) => file.mtime)), watch };
}

/** The zones whose VTIMEZONE a build of the schedule may ask for: the file's and each meeting's. */
export function zonesOf(schedule: Schedule): string[] {
  const zones = new Set([scheduleZone(schedule)]);
  for (const meeting of schedule.meetings) if (meeting.timezone !== undefined) zones.add(meeting.timezone);
  return [...zones].sort();
}

/** Renders every feed and the JSON report of a checked file, each with its ETag. */
export function renderFile(file: CheckedFile, request: BuildRequest, vtimezone: VtimezoneSource | undefined): BuiltFeeds {
  const { schedule, checked, mtime, watch } = file;
  const feeds = buildFeeds(schedule, checked, {
    stamp: request.stamp ?? mtime,
    ...(request.uidDomain !== undefined ? { uidDomain: request.uidDomain } : {}),
    ...(request.expand !== undefined ? { expand: request.expand } : {}),
    ...(request.conflictNotes !== undefined ? { conflictNotes: request.conflictNotes } : {}),
    ...(request.lang !== undefined ? { lang: request.lang } : {}),
    ...(request.refresh !== undefined ? { refresh: request.refresh } : {}),
    ...(request.title !== undefined ? { title: request.title } : {}),
    ...(vtimezone !== undefined ? { vtimezone } : {}),
  });
  const encoder = new TextEncoder();
  const entry = (path: string, text: string, type: string): BuiltEntry => {
    const body = encoder.encode(text);
    return { path, type, body, etag: etagOf(body) };
  };
  const lang = request.lang ?? schedule.locale ?? "vi";
  const pages = htmlPages(file, lang, typeof request.stamp === "number" ? request.stamp : mtime);
  return {
    entries: [
      ...feeds.map((feed) => entry(`/${feed.path}`, feed.ics, ICS)),
      entry("/report.json", `${JSON.stringify(checked.report, null, 2)}\n`, JSON_TYPE),
      ...(pages.report === undefined ? [] : [entry("/report.html", pages.report, HTML_TYPE)]),
    ],
    feeds: feeds.map(({ path, name, selector, events }) => ({ path, name, selector, events })),
    report: checked.report,
    lang,
    mtime,
    watch,
    zone: scheduleZone(schedule),
    weeks: pages.weeks,
  };
}

/**
 * The most occurrences the server draws into `/report.html` and the week pages, the bound of
 * `check --format html` ({@link MAX_CALENDAR_OCCURRENCES}): past it (the report of 100,000
 * occurrences is some 240 MB) a build would outgrow the reload worker's memory, so the pages are
 * left out (404) and the feeds still served.
 */
export const MAX_PAGE_OCCURRENCES = MAX_CALENDAR_OCCURRENCES;

/**
 * The calendar report, and what the week pages are drawn from when asked for (each week in each
 * layout would be too many pages to build ahead); neither past {@link MAX_PAGE_OCCURRENCES}.
 */
function htmlPages(file: CheckedFile, lang: Lang, updated: number): { report: string | undefined; weeks: WeekSource | undefined } {
  const { schedule, checked } = file;
  if (checked.occurrences.length > MAX_PAGE_OCCURRENCES) return { report: undefined, weeks: undefined };
  const clockFor = zoneClocks();
  const built = safeScheduleCalendar(schedule, lang);
  const report = formatCalendarHtml({
    lang,
    schedule,
    report: checked.report,
    occurrences: checked.occurrences,
    clockFor,
    calendar: built.ok ? built.calendar : undefined,
    keyOf: (o: Occurrence) => occurrenceKey(o.meeting, reportOccurrence(o, clockFor).occurrence),
  });
  const weeks: string[] = [];
  const { horizon } = checked.report;
  for (let monday = mondayOf(horizon.from); monday <= horizon.to; monday = addDays(monday, 7)) weeks.push(weekId(monday));
  // Only what the week view reads crosses to the main thread: not the positions of every field,
  // nor the meetings without an occurrence in the horizon.
  const used = new Set(checked.occurrences.map((o) => o.meeting));
  const slim: Schedule = { ...schedule, meetings: schedule.meetings.filter((m) => used.has(m.id)), source: { positions: {} } };
  return { report, weeks: { schedule: slim, occurrences: checked.occurrences, weeks, updated } };
}

/**
 * One build on the calling thread: the initial load of the feed handler (which may throw at
 * start) and the tests that run the sources, where no worker can load them.
 */
export function buildInProcess(request: BuildRequest, vtimezone: VtimezoneSource | undefined): BuildOutcome {
  const file = checkFile(request);
  if ("issues" in file) return { ok: false, issues: file.issues, watch: file.watch };
  return { ok: true, value: renderFile(file, request, vtimezone) };
}
