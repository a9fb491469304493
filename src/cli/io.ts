import { formatIssue, formatPath, ScheduleError, UsageError, type Issue } from "../errors";
import { inert } from "../internal/inert";

/** What a command writes and how it ends: the CLI's only side effects go through this. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** An issue about the command line itself. */
export function usageIssue(messageText: string): Issue {
  return { code: "bad-argument", message: messageText, path: [] };
}

/**
 * The issues of a failure that ends a command with exit code 2: a {@link ScheduleError}'s (a bad
 * file), or a {@link UsageError} (a bad command line) as one issue; undefined for anything else.
 */
export function failureIssues(error: unknown): readonly Issue[] | undefined {
  if (error instanceof ScheduleError) return error.issues;
  if (error instanceof UsageError) return [usageIssue(error.message)];
  return undefined;
}

/**
 * An issue as one line of text, `file:line:column: path: message [code]`, made inert: file
 * names, keys and values quoted from the file cannot start a new line or reach the terminal raw.
 */
export function issueLine(issue: Issue): string {
  return `${inert(`${formatIssue(issue)} [${issue.code}]`)}\n`;
}

/** Writes issues as text (one per line) or as the JSON error document. */
export function writeIssues(issues: readonly Issue[], format: string, out: Output): void {
  if (format === "json") {
    const errors = issues.map((issue) => ({
      code: issue.code,
      message: issue.message,
      file: issue.file ?? null,
      line: issue.line ?? null,
      column: issue.column ?? null,
      path: formatPath(issue.path),
    }));
    out.stdout(`${JSON.stringify({ version: 1, errors }, null, 2)}\n`);
    return;
  }
  for (const issue of issues) out.stderr(issueLine(issue));
}

/**
 * Output is flushed in pieces of about this many characters: small enough to die young in V8's
 * heap (a megabyte string is a large object, freed only by a full collection), large enough to
 * be few writes; the CLI writes pieces this long straight to a pipe, at the reader's pace.
 */
export const OUTPUT_CHUNK = 1 << 15;
const CHUNK = OUTPUT_CHUNK;

/** A top-level value made item by item (a report's `LazyList` of conflicts), written as an array. */
function lazyList(value: unknown): { length: number; item: (index: number) => unknown } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { length, item } = value as { length?: unknown; item?: unknown };
  return typeof length === "number" && typeof item === "function" ? { length, item: item as (index: number) => unknown } : undefined;
}

/**
 * Writes `JSON.stringify(value, null, 2)` plus a newline, byte for byte, without building the
 * whole text: the elements of top-level arrays are stringified one at a time and written in
 * chunks, so a report of a million occurrences never exists as one string. A top-level
 * `{ length, item(index) }` (a `ListedReport`'s conflicts) is written as the array of its items,
 * each made only when its turn comes, so a report's conflicts are never all in report form.
 */
export function writeJson(value: Record<string, unknown>, out: Output): void {
  const { write: emit, flush } = chunkedStdout(out);
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== "function");
  if (entries.length === 0) {
    out.stdout("{}\n");
    return;
  }
  emit("{");
  entries.forEach(([key, item], index) => {
    emit(`${index === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    const list = Array.isArray(item) ? { length: item.length, item: (i: number) => item[i] as unknown } : lazyList(item);
    if (list && list.length > 0) {
      emit("[");
      for (let i = 0; i < list.length; i++) {
        const element = list.item(i);
        const text = JSON.stringify(element === undefined || typeof element === "function" ? null : element, null, 2) ?? "null";
        emit(`${i === 0 ? "" : ","}\n    ${text.replace(/\n/g, "\n    ")}`);
      }
      emit("\n  ]");
    } else if (list) {
      emit("[]");
    } else {
      emit((JSON.stringify(item, null, 2) ?? "null").replace(/\n/g, "\n  "));
    }
  });
  emit("\n}\n");
  flush();
}

/**
 * Standard output in chunks of about a megabyte: output written piece by piece reaches the
 * stream in few large writes, and is never held whole. `flush` writes what is left.
 */
export function chunkedStdout(out: Output): { write: (text: string) => void; flush: () => void } {
  return chunked(out.stdout);
}

/** Text written piece by piece, passed on to `sink` in chunks of about a megabyte (see {@link chunkedStdout}). */
export function chunked(sink: (text: string) => void): { write: (text: string) => void; flush: () => void } {
  let buffer = "";
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) {
        sink(buffer);
        buffer = "";
      }
    },
    flush() {
      if (buffer !== "") sink(buffer);
      buffer = "";
    },
  };
}
