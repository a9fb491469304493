import { dump } from "js-yaml";
import { formatIssue, ScheduleError, UsageError } from "../errors";
import { importCalendar } from "../import";
import { inert } from "../internal/inert";
import { message, type Lang } from "../messages";
import { isValidZone } from "../time/zone";
import type { Output } from "./io";
import { DEFAULT_MAX_SIZE, readCapped } from "./load";

/** Options of `lichhop import`. */
export interface ImportCommandOptions {
  readonly lang?: Lang | undefined;
  readonly body?: string | undefined;
  readonly timezone?: string | undefined;
  readonly maxSize?: number | undefined;
}

/** A YAML comment line: control characters made visible, never a line break that ends the comment. */
const comment = (text: string): string => `# ${inert(text).replace(/[\r\n]+/g, " ")}`;

/**
 * `lichhop import FILE.ics [--body ID] [--timezone ZONE]`: prints the file's events as the
 * meetings of a schedule file (format version 1), each after a comment with its .ics line, and
 * the warnings as comments at the top. Exit 0, or 2 for a file that cannot be used.
 */
export function runImport(file: string, options: ImportCommandOptions, out: Output): number {
  const lang = options.lang ?? "vi";
  if (options.timezone !== undefined && !isValidZone(options.timezone)) {
    throw new UsageError(message(lang, "unknown-zone", { zone: options.timezone }));
  }
  const bytes = readCapped(file, options.maxSize ?? DEFAULT_MAX_SIZE, lang);
  const result = importCalendar(bytes, {
    filename: file,
    lang,
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
  });
  if (!result.ok) throw new ScheduleError(result.issues);
  const lines: string[] = [comment(message(lang, "import-header", { file, count: result.meetings.length }))];
  if (options.body === undefined) lines.push(comment(message(lang, "import-no-body")));
  for (const warning of result.warnings) lines.push(comment(formatIssue(warning)));
  lines.push("version: 1");
  if (options.timezone !== undefined) lines.push(`timezone: ${options.timezone}`);
  if (result.meetings.length === 0) {
    lines.push("meetings: []");
  } else {
    lines.push("meetings:");
    for (const { meeting, lines: at } of result.meetings) {
      lines.push(`  ${comment(`${file}:${at[""] ?? 1}`)}`);
      const yaml = dump([meeting], { lineWidth: -1, noRefs: true, quotingType: '"' });
      lines.push(yaml.replace(/\n$/, "").replace(/^/gm, "  "));
    }
  }
  out.stdout(`${lines.join("\n")}\n`);
  return 0;
}
