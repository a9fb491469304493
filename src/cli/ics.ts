import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { safeCheckSchedule } from "../check";
import { ScheduleError, UsageError } from "../errors";
import { buildFeeds, type Feed } from "../ical/feeds";
import { inert } from "../internal/inert";
import { type Lang, message } from "../messages";
import type { Output } from "./io";
import { loadSchedules, STDIN } from "./load";
import { writeSourceWarnings } from "./sources";
import type { CommonOptions } from "./options";
import { expandPaths, fileFailure } from "./paths";

/** Options of `lichhop ics`. */
export interface IcsCommandOptions extends CommonOptions {
  readonly out: string | undefined;
  readonly expand: boolean;
  readonly uidDomain: string | undefined;
  /** `--no-conflict-notes`: false; undefined: the file's `feeds.conflictNotes`, else true. */
  readonly conflictNotes?: boolean | undefined;
  /** `SOURCE_DATE_EPOCH` (seconds), when set. */
  readonly sourceDateEpoch: string | undefined;
  /** The most events all feeds may hold (`--max-events`). */
  readonly maxEvents?: number | undefined;
}

/**
 * DTSTAMP for schedule files: `SOURCE_DATE_EPOCH` when set, else the latest modification time of
 * the files (standard input has none: 1970-01-01, the same on every run).
 */
export function feedStamp(files: readonly string[], sourceDateEpoch: string | undefined, lang: Lang): number {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    if (!/^\d{1,12}$/.test(sourceDateEpoch)) {
      throw new UsageError(message(lang, "bad-source-date-epoch", { found: sourceDateEpoch }));
    }
    return Number(sourceDateEpoch) * 1000;
  }
  const times = files.map((file) => (file === STDIN ? 0 : statSync(file).mtimeMs));
  return Math.floor(Math.max(0, ...times) / 1000) * 1000;
}

/** Checks a `--uid-domain` value. */
export function checkUidDomain(value: string | undefined, lang: Lang): void {
  if (value !== undefined && !/^[A-Za-z0-9.-]+$/.test(value)) {
    throw new UsageError(message(lang, "bad-uid-domain", { found: value }));
  }
}

/** A folder on the way to a feed that is a symbolic link (see `checkSubfolders`). */
class LinkedFolder extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is a symbolic link`);
  }
}

/**
 * Refuses a folder between `--out` and a feed (`body/`, `person/`, `room/`) that is a symbolic
 * link: whoever can write the output folder could point it at another folder, whose files named
 * like feeds would then be replaced. `--out` itself may be a link: the caller chose it.
 */
function checkSubfolders(outDir: string, target: string): void {
  const parts = relative(outDir, dirname(target)).split(sep).filter(Boolean);
  let folder = outDir;
  for (const part of parts) {
    folder = join(folder, part);
    if (lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) throw new LinkedFolder(folder);
  }
}

/**
 * Writes a file whole, then renames it over the target, so a web server never serves a
 * half-written feed. The temporary file has a random name and is created exclusively (`wx`):
 * a file or symbolic link planted under a guessable name is never followed nor overwritten.
 * A symbolic link at the target itself is replaced, not followed.
 */
function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const temporary = `${target}.${randomBytes(8).toString("hex")}.tmp`;
  const fd = openSync(temporary, "wx", 0o644);
  try {
    try {
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already renamed or removed
    }
    throw error;
  }
}

/** `lichhop ics FILE --out DIR`: writes every feed and lists what it wrote. */
export function runIcs(paths: readonly string[], options: IcsCommandOptions, out: Output): number {
  // The file's locale is not known before the arguments are checked: --lang or Vietnamese.
  const argLang = options.lang ?? "vi";
  if (options.out === undefined || options.out === "") throw new UsageError(message(argLang, "out-needed"));
  checkUidDomain(options.uidDomain, argLang);
  const files = expandPaths(paths, options);
  const schedule = loadSchedules(files, options);
  writeSourceWarnings(schedule, out);
  const result = safeCheckSchedule(schedule, {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  if (!result.ok) throw new ScheduleError(result.issues);
  const lang = options.lang ?? schedule.locale ?? "vi";
  // Too many events is a ScheduleError, written as the file's issues.
  const feeds: Feed[] = buildFeeds(schedule, result, {
    stamp: feedStamp(files, options.sourceDateEpoch, lang),
    expand: options.expand,
    uidDomain: options.uidDomain,
    conflictNotes: options.conflictNotes,
    lang: options.lang,
    maxEvents: options.maxEvents,
  });
  const written: { path: string; events: number; bytes: number }[] = [];
  for (const feed of feeds) {
    const target = join(options.out, feed.path);
    const bytes = Buffer.from(feed.ics, "utf8");
    try {
      checkSubfolders(options.out, target);
      mkdirSync(dirname(target), { recursive: true });
      writeFileAtomically(target, bytes);
    } catch (error) {
      const failure = error instanceof LinkedFolder ? { symlinkFolder: error.folder } : fileFailure(error, true);
      throw new UsageError(message(lang, "cannot-write", { file: target, failure }));
    }
    written.push({ path: target, events: feed.events, bytes: bytes.length });
  }
  if (options.format === "json") {
    out.stdout(`${JSON.stringify({ version: 1, feeds: written }, null, 2)}\n`);
  } else {
    const shown = written.map((w) => inert(w.path));
    const width = Math.max(...shown.map((path) => path.length));
    written.forEach((w, i) => {
      out.stdout(`${message(lang, "ics-feed-written", { path: (shown[i] as string).padEnd(width), events: w.events, bytes: w.bytes })}\n`);
    });
    out.stdout(`${message(lang, "feed-counts", { feeds: written.length, conflicts: result.report.summary.conflicts })}\n`);
  }
  return 0;
}
