import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { safeCheckSchedule, type CheckResult } from "../check";
import type { Issue } from "../errors";
import { buildFeeds, type FeedSelector } from "../ical/feeds";
import type { VtimezoneSource } from "../ical/vtimezone";
import type { Limits } from "../limits";
import { DEFAULT_MAX_SIZE, tooLarge } from "../load/decode";
import { safeParseSchedule } from "../load/parse";
import { message, type Lang, type ReloadFailure } from "../messages";
import type { Report } from "../report/report";
import { scheduleZone, type Schedule } from "../schema/model";
import { fileFailure } from "../cli/paths";
import { readSources } from "../cli/sources";

/**
 * Everything one build of the served file needs, as plain data: it crosses to the reload worker
 * by structured clone, so it holds no functions (a `vtimezone` source stays on the main thread
 * and is asked for the zones the build names).
 */
export interface BuildRequest {
  /** Absolute path of the file to read. */
  readonly path: string;
  /** The file as the caller named it, for messages. */
  readonly name: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly lang: Lang | undefined;
  readonly uidDomain: string | undefined;
  readonly expand: boolean | undefined;
  readonly conflictNotes: boolean | undefined;
  readonly refresh: string | undefined;
  readonly title: string | undefined;
  /** DTSTAMP of every event; undefined: the file's modification time. */
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
  /** The file's modification time (or its newest .ics source's), epoch ms, whole seconds. */
  readonly mtime: number;
  /** The .ics sources the file names, as paths to watch. */
  readonly sources: readonly string[];
}

/**
 * What a build ends in: the feeds, the issues of an invalid file, or a failure that is not the
 * file's fault as a checker sees it (the build ran out of time or memory, the worker died).
 */
export type BuildOutcome =
  | { readonly ok: true; readonly value: BuiltFeeds }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly sources?: readonly string[] }
  | { readonly ok: false; readonly failure: ReloadFailure };

/** A parsed and checked file, before its feeds are rendered. */
export interface CheckedFile {
  readonly schedule: Schedule;
  readonly checked: CheckResult;
  readonly mtime: number;
  /** The .ics sources the file names, as paths to watch. */
  readonly sources: readonly string[];
}

export const ICS = "text/calendar; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";

/** A strong ETag: the first 32 characters of the body's SHA-256, base64url. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** Reads, parses and checks the file; returns its issues when it cannot be used. */
export function checkFile(
  request: BuildRequest,
): CheckedFile | { readonly issues: readonly Issue[]; readonly sources?: readonly string[] } {
  let bytes: Uint8Array;
  let mtime: number;
  try {
    const stat = statSync(request.path);
    if (stat.size > DEFAULT_MAX_SIZE) return { issues: [tooLarge(request.name, stat.size, DEFAULT_MAX_SIZE, request.lang)] };
    mtime = Math.floor(stat.mtimeMs / 1000) * 1000;
    bytes = readFileSync(request.path);
  } catch (cause) {
    // Worded as the command line words a schedule file it cannot read.
    const text = message(request.lang ?? "vi", "cannot-read", { file: request.name, failure: fileFailure(cause) });
    return { issues: [{ code: "bad-argument", message: text, path: [], file: request.name }] };
  }
  // The .ics sources beside the file, read from where the file is, named as the caller named it.
  const read = readSources(request.path, new TextDecoder().decode(bytes), { maxSize: DEFAULT_MAX_SIZE, lang: request.lang });
  const named = Object.fromEntries(Object.entries(read.sources));
  mtime = Math.max(mtime, read.mtime);
  const sources = read.paths;
  // Bytes, not text: a file that is not UTF-8 is refused with its line, never served as mojibake.
  const parsed = safeParseSchedule(bytes, { filename: request.name, sources: named, ...(request.lang ? { lang: request.lang } : {}) });
  if (!parsed.ok) return { issues: parsed.issues, sources };
  const checked = safeCheckSchedule(parsed.schedule, {
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
    ...(request.lang ? { lang: request.lang } : {}),
    ...(request.limits ? { limits: request.limits } : {}),
  });
  if (!checked.ok) return { issues: checked.issues, sources };
  return { schedule: parsed.schedule, checked, mtime, sources };
}

/** The zones whose VTIMEZONE a build of the schedule may ask for: the file's and each meeting's. */
export function zonesOf(schedule: Schedule): string[] {
  const zones = new Set([scheduleZone(schedule)]);
  for (const meeting of schedule.meetings) if (meeting.timezone !== undefined) zones.add(meeting.timezone);
  return [...zones].sort();
}

/** Renders every feed and the JSON report of a checked file, each with its ETag. */
export function renderFile(file: CheckedFile, request: BuildRequest, vtimezone: VtimezoneSource | undefined): BuiltFeeds {
  const { schedule, checked, mtime, sources } = file;
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
  return {
    entries: [
      ...feeds.map((feed) => entry(`/${feed.path}`, feed.ics, ICS)),
      entry("/report.json", `${JSON.stringify(checked.report, null, 2)}\n`, JSON_TYPE),
    ],
    feeds: feeds.map(({ path, name, selector, events }) => ({ path, name, selector, events })),
    report: checked.report,
    lang: request.lang ?? schedule.locale ?? "vi",
    mtime,
    sources,
  };
}

/**
 * One build on the calling thread: the initial load of the feed handler (which may throw at
 * start) and the tests that run the sources, where no worker can load them.
 */
export function buildInProcess(request: BuildRequest, vtimezone: VtimezoneSource | undefined): BuildOutcome {
  const file = checkFile(request);
  if ("issues" in file) return { ok: false, issues: file.issues, ...(file.sources ? { sources: file.sources } : {}) };
  return { ok: true, value: renderFile(file, request, vtimezone) };
}
