import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { decodeScheduleBytes } from "../load/decode";
import { safeParseSchedule } from "../load/parse";
import type { Lang } from "../messages";
import type { Schedule } from "../schema/model";
import type { SourceText } from "../load/sources";
import { ScheduleError } from "../errors";
import { fileFailure, readError } from "./paths";
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
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw readError(path, fileFailure(error), lang ?? "vi");
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw readError(path, "directory", lang ?? "vi");
    if (stat.isFile() && stat.size > maxSize) throw new ScheduleError([tooLarge(path, stat.size, maxSize, lang)]);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxSize + 1 - total) || 1);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxSize) throw new ScheduleError([tooLarge(path, undefined, maxSize, lang)]);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ScheduleError) throw error;
    throw readError(path, fileFailure(error), lang ?? "vi");
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a schedule file as text: at most `maxSize` bytes (else `file-too-large`), UTF-8 with or
 * without a byte order mark (else `bad-encoding`, at the first bad byte). Throws
 * {@link ScheduleError}.
 */
export function readScheduleFile(path: string, options: ReadOptions = {}): string {
  const bytes = readCapped(path, options.maxSize ?? DEFAULT_MAX_SIZE, options.lang);
  const decoded = decodeScheduleBytes(bytes, { filename: path, ...(options.lang ? { lang: options.lang } : {}) });
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
  return { filename: path, text, sources };
}

/** Reads and validates a schedule file and its .ics sources, or throws {@link ScheduleError}. */
export function loadScheduleFile(path: string, options: ReadOptions = {}): Schedule {
  const text = readScheduleFile(path, options);
  const { sources } = readSources(path, text, { maxSize: options.maxSize ?? DEFAULT_MAX_SIZE, lang: options.lang });
  const result = safeParseSchedule(text, { filename: path, sources, ...(options.lang ? { lang: options.lang } : {}) });
  if (!result.ok) throw new ScheduleError(result.issues);
  return result.schedule;
}
