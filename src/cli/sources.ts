import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { readScheduleText } from "../load/parse";
import type { SourceText } from "../load/sources";
import { message, type Lang } from "../messages";
import { fileFailure } from "./paths";
import { formatIssue } from "../errors";
import { inert } from "../internal/inert";
import type { Schedule } from "../schema/model";
import type { Output } from "./io";

/** The .ics sources a schedule file names, read from beside it. */
export interface ReadSources {
  /** The text (or why it could not be read) of each source, by the path as the file writes it. */
  readonly sources: Record<string, SourceText>;
  /** Where each source was read, as a path the process can open (for watching). */
  readonly paths: readonly string[];
  /** The latest modification time of the sources, epoch ms. */
  readonly mtime: number;
}

/** The `ics` paths of a schedule's `sources:`, or none when the text has no such key (cheap: no second parse). */
function writtenSources(text: string, filename: string): string[] {
  if (!/(^|[\n{,])\s*"?sources"?\s*:/.test(text)) return [];
  const read = readScheduleText(text, { filename });
  if (!read.ok) return [];
  const list = (read.data as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const ics = (item as { ics?: unknown } | null)?.ics;
    return typeof ics === "string" && ics !== "" ? [ics] : [];
  });
}

/**
 * Reads the .ics files a schedule file names in `sources:`, each relative to the schedule's
 * folder (through `..` and symbolic links too: a source may live elsewhere). A file that cannot
 * be read, or is larger than `maxSize`, is given as its failure, which validation reports at the
 * schedule's `ics:` field.
 */
export function readSources(
  scheduleFile: string,
  text: string,
  options: { readonly maxSize: number; readonly lang?: Lang | undefined },
): ReadSources {
  const sources: Record<string, SourceText> = {};
  const paths: string[] = [];
  let mtime = 0;
  for (const written of writtenSources(text, scheduleFile)) {
    if (Object.hasOwn(sources, written)) continue;
    const path = isAbsolute(written) ? written : join(dirname(scheduleFile), written);
    paths.push(path);
    let fd: number | undefined;
    try {
      fd = openSync(path, "r");
      const stat = fstatSync(fd);
      if (stat.isDirectory()) {
        sources[written] = { failure: "directory" };
        continue;
      }
      if (stat.size > options.maxSize) {
        sources[written] = {
          failure: { detail: message(options.lang ?? "vi", "file-too-large", { size: stat.size, max: options.maxSize }) },
        };
        continue;
      }
      mtime = Math.max(mtime, Math.floor(stat.mtimeMs / 1000) * 1000);
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(1 << 20, options.maxSize + 1 - total) || 1);
        const read = readSync(fd, chunk, 0, chunk.length, null);
        if (read === 0) break;
        total += read;
        if (total > options.maxSize)
          throw Object.assign(new Error(message(options.lang ?? "vi", "file-too-large", { max: options.maxSize })), { code: undefined });
        chunks.push(chunk.subarray(0, read));
      }
      sources[written] = Buffer.concat(chunks, total);
    } catch (error) {
      sources[written] = { failure: fileFailure(error) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  return { sources, paths, mtime };
}

/** Writes what lichhop read differently from a schedule's .ics sources to stderr, one `file:line:column: message` each. */
export function writeSourceWarnings(schedule: Schedule, out: Output): void {
  const warnings = schedule.source.warnings ?? [];
  if (warnings.length > 0) out.stderr(`${warnings.map((w) => inert(formatIssue(w))).join("\n")}\n`);
}
