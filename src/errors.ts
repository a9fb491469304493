/**
 * Every kind of problem lichhop reports about a schedule file, as one closed union; the CLI adds
 * `bad-argument` for a mistake on its command line and `internal-error` for a defect of its own.
 */
export type IssueCode =
  | "yaml-syntax"
  | "too-many-aliases"
  | "unknown-field"
  | "missing-field"
  | "wrong-type"
  | "invalid-value"
  | "conflicting-fields"
  | "unknown-reference"
  | "ambiguous-reference"
  | "duplicate-id"
  | "empty-selector"
  | "bad-rrule"
  | "start-not-in-rule"
  | "unknown-zone"
  | "end-before-start"
  | "no-such-occurrence"
  | "bad-horizon"
  | "too-many-occurrences"
  | "runaway-rule"
  | "too-many-conflicts"
  | "too-many-findings"
  | "too-many-issues"
  | "bad-encoding"
  | "file-too-large"
  | "internal-error"
  | "too-many-events"
  | "too-many-rule-checks"
  | "bad-argument"
  | "ics-syntax"
  | "ics-unsupported"
  | "too-many-source-events"
  | "unreadable-source";

/** A path into the schedule file, e.g. `["meetings", 2, "start"]`. */
export type IssuePath = readonly (string | number)[];

/** One problem in a schedule file, with where it is and what was expected. */
export interface Issue {
  readonly code: IssueCode;
  /** A readable sentence in the requested language: what was found and what was expected. */
  readonly message: string;
  readonly path: IssuePath;
  /** The file name given to the parser, when there is one. */
  readonly file?: string;
  /** 1-based line of the field in the file. */
  readonly line?: number;
  /** 1-based column of the field in the file. */
  readonly column?: number;
}

/** The base class of every error lichhop throws. */
export class LichhopError extends Error {
  override name = "LichhopError";
}

/**
 * A schedule that cannot be used: it holds every {@link Issue} found, not only the first.
 *
 * @example
 * try { parseSchedule(text, { filename }); }
 * catch (error) { if (error instanceof ScheduleError) console.log(error.issues); }
 */
export class ScheduleError extends LichhopError {
  override name = "ScheduleError";
  /** Always `invalid-schedule`; each of {@link ScheduleError.issues} has its own code. */
  readonly code = "invalid-schedule";
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
  }
}

/**
 * Wrong arguments to a library function or to the CLI: its message names the function, the
 * argument and what was expected.
 *
 * @example
 * try { checkSchedule(schedule, { lang: "fr" }); }
 * catch (error) { if (error instanceof UsageError) console.log(error.code); } // "bad-argument"
 */
export class UsageError extends LichhopError {
  override name = "UsageError";
  /** Always `bad-argument`: the caller, not the schedule, is at fault. */
  readonly code = "bad-argument";
}

/** `meetings[2].start` for `["meetings", 2, "start"]`. */
export function formatPath(path: IssuePath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** `file:line:column: path: message`, leaving out what is unknown. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(":");
  const path = formatPath(issue.path);
  return [where, path, issue.message].filter(Boolean).join(": ");
}
