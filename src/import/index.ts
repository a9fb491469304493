import type { Issue, IssueCode } from "../errors";
import { decodeScheduleBytes } from "../load/decode";
import { DEFAULT_LIMITS, MAX_SOURCE_EVENTS } from "../limits";
import { message, type Lang, type MessageId, type ParamsArg } from "../messages";
import { DEFAULT_ZONE } from "../schema/model";
import type { MeetingInput } from "../schema/schedule";
import { scanCalendar, type ContentProblem } from "./content";
import { convertEvents, type ConvertOptions, type EventWarning } from "./events";

export { idFromUid } from "./events";

/** Options of {@link importCalendar}: how the events become meetings. */
export interface ImportOptions {
  /** The file name shown in issues and warnings (`ubnd.ics`). */
  readonly filename?: string;
  /** The language of messages (default Vietnamese). */
  readonly lang?: Lang;
  /** The `body` of every meeting (absent: the meetings have none, to be filled in). */
  readonly body?: string;
  /** Tags, attendees and a room every meeting gets (a LOCATION that names a room wins over `room`). */
  readonly tags?: readonly string[];
  readonly attendees?: readonly string[];
  readonly room?: string;
  /** `busy` (default): transparent and free events are left out; `all`: every event is a meeting. */
  readonly blocking?: "busy" | "all";
  /** The zone of floating times without X-WR-TIMEZONE and of TZIDs lichhop cannot resolve (default Asia/Ho_Chi_Minh). */
  readonly timezone?: string;
  /** The schedule's people (ATTENDEE and ORGANIZER e-mails map to them) and rooms (LOCATION maps to a room's name or location). */
  readonly people?: ConvertOptions["people"];
  readonly rooms?: ConvertOptions["rooms"];
  /** Meeting ids in use: the new ids avoid them. */
  readonly taken?: Iterable<string>;
  /** The most events the file may hold (default {@link MAX_SOURCE_EVENTS}). */
  readonly maxEvents?: number;
}

/** A meeting made of one event: its fields as a schedule file writes them, and the .ics line of each. */
export interface ImportedMeeting {
  readonly meeting: MeetingInput;
  /** The line of the event (`""`) and of each field that came from a property (`start`, `changes.0`, …). */
  readonly lines: Readonly<Record<string, number>>;
}

/**
 * The outcome of {@link importCalendar}: the meetings, the warnings (what lichhop reads
 * differently or leaves out, each at its line) and how many VEVENTs the file holds (overrides
 * and events left out included), or the issues that stop the file.
 */
export type ImportResult =
  | { readonly ok: true; readonly meetings: ImportedMeeting[]; readonly warnings: Issue[]; readonly events: number }
  | { readonly ok: false; readonly issues: Issue[]; readonly warnings: Issue[] };

const PROBLEM_MESSAGES = {
  "not-calendar": "ics-not-calendar",
  truncated: "ics-truncated",
  "end-mismatch": "ics-end-mismatch",
  "too-many-events": "too-many-source-events",
  "bad-line": "ics-bad-line",
  "repaired-tzid": "ics-repaired-tzid",
} as const satisfies Record<ContentProblem["kind"], MessageId>;

const WARNING_MESSAGES = {
  "unknown-zone": "ics-unknown-zone",
  "approximate-zone": "ics-approximate-zone",
  "range-future": "ics-range-future",
  component: "ics-component",
  rrule: "ics-rrule",
  "no-start": "ics-no-start",
  "zero-length": "ics-zero-length",
  "bad-value": "ics-bad-value",
  "date-with-z": "ics-date-with-z",
  "duplicate-override": "ics-duplicate-override",
  holidays: "ics-holidays",
  free: "ics-free",
  cancelled: "ics-cancelled",
  "unknown-people": "ics-unknown-people",
  "unknown-locations": "ics-unknown-locations",
} as const satisfies Record<EventWarning["kind"], MessageId>;

/** An issue at a line of an .ics file. */
export function icsIssue<K extends MessageId>(
  code: IssueCode,
  file: string | undefined,
  line: number,
  lang: Lang,
  id: K,
  ...params: ParamsArg<K>
): Issue {
  return { code, message: message(lang, id, ...params), path: [], ...(file === undefined ? {} : { file }), line, column: 1 };
}

/**
 * Reads an iCalendar file (Google Calendar, Outlook/Exchange, Apple Calendar, a portal's export)
 * into meetings of the schedule file's shape: each VEVENT one meeting, with an id made from its
 * UID, its RRULE, EXDATE, RDATE (PERIOD values too) and RECURRENCE-ID overrides as `repeat`,
 * `except`, `extra` and `changes`, every time in the meeting's zone (a TZID through IANA, CLDR's
 * Windows names, or the file's VTIMEZONE). The text is given by the caller, as a string or UTF-8
 * bytes. What lichhop cannot represent is a warning at its line; a file that is not iCalendar, is
 * cut short, or holds too many events gives issues instead. Never throws on bad input.
 *
 * @example
 * const result = importCalendar(readFileSync("ubnd.ics"), { filename: "ubnd.ics", body: "ubnd" });
 * if (result.ok) console.log(result.meetings.map((m) => m.meeting.id), result.warnings.length);
 */
export function importCalendar(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  const lang = options.lang ?? "vi";
  const file = options.filename;
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeScheduleBytes(input, { ...(file === undefined ? {} : { filename: file }), lang });
    if (!decoded.ok) {
      // Text in another encoding (an Outlook export in UTF-16) is an encoding issue; anything else
      // (an image, an archive) is simply not iCalendar.
      const head = Array.from(input.subarray(0, 128), (byte) => (byte === 0 ? "" : String.fromCharCode(byte))).join("");
      if (/BEGIN:VCALENDAR/i.test(head)) return { ok: false, issues: decoded.issues, warnings: [] };
      return { ok: false, issues: [icsIssue("ics-syntax", file, 1, lang, "ics-not-calendar")], warnings: [] };
    }
    text = decoded.text;
  }
  const scanned = scanCalendar(text, options.maxEvents ?? MAX_SOURCE_EVENTS);
  const problem = (p: ContentProblem): Issue => {
    const code: IssueCode =
      p.kind === "too-many-events"
        ? "too-many-source-events"
        : p.kind === "bad-line" || p.kind === "repaired-tzid"
          ? "ics-unsupported"
          : "ics-syntax";
    switch (p.kind) {
      case "truncated":
        return icsIssue(code, file, p.line, lang, PROBLEM_MESSAGES[p.kind], { component: p.component, begun: p.begun });
      case "end-mismatch":
        return icsIssue(code, file, p.line, lang, PROBLEM_MESSAGES[p.kind], { found: p.found, expected: p.expected });
      case "too-many-events":
        return icsIssue(code, file, p.line, lang, PROBLEM_MESSAGES[p.kind], { max: p.max });
      case "bad-line":
        return icsIssue(code, file, p.line, lang, PROBLEM_MESSAGES[p.kind], { detail: p.detail });
      default:
        return icsIssue(code, file, p.line, lang, PROBLEM_MESSAGES[p.kind]);
    }
  };
  const lineWarnings = scanned.problems.map(problem);
  if (scanned.fatal) return { ok: false, issues: [problem(scanned.fatal)], warnings: lineWarnings };
  const converted = convertEvents(scanned.calendars, {
    body: options.body,
    tags: options.tags,
    attendees: options.attendees,
    room: options.room,
    blocking: options.blocking,
    timezone: options.timezone ?? DEFAULT_ZONE,
    people: options.people,
    rooms: options.rooms,
    taken: new Set(options.taken ?? []),
    untitled: message(lang, "ics-untitled"),
    ruleSteps: DEFAULT_LIMITS.ruleSteps,
  });
  const warnings = [...lineWarnings, ...converted.warnings.map((w) => eventWarning(w, file, lang))].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
  return { ok: true, meetings: converted.meetings as unknown as ImportedMeeting[], warnings, events: scanned.events };
}

function eventWarning(w: EventWarning, file: string | undefined, lang: Lang): Issue {
  const at = (id: MessageId, params?: object) =>
    ({
      code: "ics-unsupported",
      message: message(lang, id as never, params as never),
      path: [],
      ...(file === undefined ? {} : { file }),
      line: w.line,
      column: 1,
    }) satisfies Issue;
  const { kind, line: _line, ...params } = w;
  return at(WARNING_MESSAGES[kind], params);
}
