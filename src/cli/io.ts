import { formatIssue, formatPath, ScheduleError, UsageError, type Issue } from "../errors";
import { inert } from "../internal/inert";

/** What a command writes and how it ends: the CLI's only side effects go through this. */
export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** An issue about the command line itself. */
export function usageIssue(messageText: string): Issue {
  return { code: "invalid-value", message: messageText, path: [] };
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

/** Output is flushed in pieces of about this many characters. */
const CHUNK = 1 << 20;

/**
 * Writes `JSON.stringify(value, null, 2)` plus a newline, byte for byte, without building the
 * whole text: the elements of top-level arrays are stringified one at a time and written in
 * chunks, so a report of a million occurrences never exists as one string.
 */
export function writeJson(value: Record<string, unknown>, out: Output): void {
  let buffer = "";
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      out.stdout(buffer);
      buffer = "";
    }
  };
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== "function");
  if (entries.length === 0) {
    out.stdout("{}\n");
    return;
  }
  emit("{");
  entries.forEach(([key, item], index) => {
    emit(`${index === 0 ? "" : ","}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(item) && item.length > 0) {
      emit("[");
      item.forEach((element, i) => {
        const text = JSON.stringify(element === undefined || typeof element === "function" ? null : element, null, 2) ?? "null";
        emit(`${i === 0 ? "" : ","}\n    ${text.replace(/\n/g, "\n    ")}`);
      });
      emit("\n  ]");
    } else {
      emit((JSON.stringify(item, null, 2) ?? "null").replace(/\n/g, "\n  "));
    }
  });
  emit("\n}\n");
  out.stdout(buffer);
}
