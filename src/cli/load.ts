import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { decodeScheduleBytes } from "../load/decode";
import { safeParseSchedule } from "../load/parse";
import type { Lang } from "../messages";
import type { Schedule } from "../schema/model";
import type { SourceText } from "../load/sources";
import { ScheduleError } from "../errors";
import { expandPaths, fileFailure, readError } from "./paths";
import { safeMergeSchedules, type ScheduleText } from "../load/merge";
import { readSources } from "./sources";

import { DEFAULT_MAX_SIZE, tooLarge } from "../load/decode";

export { DEFAULT_MAX_SIZE, tooLarge };

/** How a schedule file is read. */
export interface ReadOptions {
  readonly lang?: Lang | undefined;
  /** The largest file read, in bytes; {@link DEFAULT_MAX_SIZE} when absent. */
  readonly maxSize?: number | undefined;
}

/**
 * The bytes of a file, refused whole when it is larger than `maxSize`: a regular file by its
 * size before any byte is read, anything else (a pipe, `/dev/stdin`) once it gives more.
 */
export function readCapped(path: string, maxSize: number, lang: Lang | undefined): Uint8Array {
  const stdin = path === STDIN;
  let fd: number;
  try {
    fd = stdin ? 0 : openSync(path, "r");
  } catch (error) {
    throw readError(path, fileFailure(error), lang ?? "vi");
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw readError(path, "directory", lang ?? "vi");
    if (stat.isFile() && stat.size > maxSize) throw new ScheduleError([tooLarge(shownName(path), stat.size, maxSize, lang)]);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxSize + 1 - total) || 1);
      const read = readWaiting(fd, chunk);
      if (read === 0) break;
      total += read;
      if (total > maxSize) throw new ScheduleError([tooLarge(shownName(path), undefined, maxSize, lang)]);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ScheduleError) throw error;
    throw readError(shownName(path), fileFailure(error), lang ?? "vi");
  } finally {
    if (!stdin) closeSync(fd);
  }
}

/** The schedule file name that means standard input. */
export const STDIN = "-";

/** How a schedule file is named in issues and reports: standard input as `<stdin>`. */
export function shownName(path: string): string {
  return path === STDIN ? "<stdin>" : path;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** `readSync`, waiting while a non-blocking standard input has nothing yet (EAGAIN). */
function readWaiting(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") Atomics.wait(pause, 0, 0, 5);
      else if ((error as NodeJS.ErrnoException).code === "EOF") return 0;
      else throw error;
    }
  }
}

/**
 * Reads a schedule file as text: at most `maxSize` bytes (else `file-too-large`), UTF-8 with or
 * without a byte order mark (else `bad-encoding`, at the first bad byte). Throws
 * {@link ScheduleError}.
 */
export function readScheduleFile(path: string, options: ReadOptions = {}): string {
  const bytes = readCapped(path, options.maxSize ?? DEFAULT_MAX_SIZE, options.lang);
  const decoded = decodeScheduleBytes(bytes, { filename: shownName(path), ...(options.lang ? { lang: options.lang } : {}) });
  if (!decoded.ok) throw new ScheduleError(decoded.issues);
  return decoded.text;
}

/** A schedule file's text with the texts of its .ics sources, as `mergeSchedules` takes them. */
export function readScheduleWithSources(
  path: string,
  options: ReadOptions = {},
): { filename: string; text: string; sources: Record<string, SourceText> } {
  const text = readScheduleFile(path, options);
  const { sources } = readSources(path, text, { maxSize: options.maxSize ?? DEFAULT_MAX_SIZE, lang: options.lang });
  return { filename: shownName(path), text, sources };
}

/** Reads and validates a schedule file and its .ics sources, or throws {@link ScheduleError}. */
export function loadScheduleFile(path: string, options: ReadOptions = {}): Schedule {
  const text = readScheduleFile(path, options);
  const { sources } = readSources(path, text, { maxSize: options.maxSize ?? DEFAULT_MAX_SIZE, lang: options.lang });
  const result = safeParseSchedule(text, { filename: shownName(path), sources, ...(options.lang ? { lang: options.lang } : {}) });
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}

function mergeTexts(texts: readonly ScheduleText[], lang: Lang | undefined): Schedule {
  const result = safeMergeSchedules(texts, lang ? { lang } : {});
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}

/** Reads one file or merges several; throws {@link ScheduleError} on a bad file. */
export function loadSchedules(paths: readonly string[], options: ReadOptions): Schedule {
  const files = expandPaths(paths, options);
  if (files.length === 1) return loadScheduleFile(files[0] as string, options);
  const texts = files.map((filename) => readScheduleWithSources(filename, options));
  return mergeTexts(texts, options.lang);
}
