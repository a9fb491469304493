import ICAL from "ical.js";
import { MAX_SOURCE_EVENTS } from "../limits";

/** One property of an iCalendar component, as ical.js reads its content line, and where it stands. */
export interface IcsProperty {
  /** Lower-case name (`dtstart`). */
  readonly name: string;
  readonly params: Readonly<Record<string, string | string[]>>;
  /** The value type ical.js settled on (`date-time`, `date`, `period`, `recur`, …). */
  readonly type: string;
  /** The values as jCal gives them. */
  readonly values: readonly unknown[];
  /** The value as written after the parameters (for RRULE, which lichhop keeps as text). */
  readonly raw: string;
  /** 1-based line of the property's first physical line. */
  readonly line: number;
}

/** One component (`VEVENT`, `VTIMEZONE`, …) with its properties and sub-components in file order. */
export interface IcsComponent {
  /** Lower-case name (`vevent`). */
  readonly name: string;
  /** Line of its `BEGIN:`. */
  readonly line: number;
  readonly properties: IcsProperty[];
  readonly components: IcsComponent[];
}

/** A problem the scanner found: fatal ones stop the import, the others skip a line. */
export type ContentProblem =
  | { readonly kind: "not-calendar"; readonly line: number }
  | { readonly kind: "truncated"; readonly line: number; readonly component: string; readonly begun: number }
  | { readonly kind: "end-mismatch"; readonly line: number; readonly found: string; readonly expected: string }
  | { readonly kind: "too-many-events"; readonly line: number; readonly max: number }
  | { readonly kind: "bad-line"; readonly line: number; readonly detail: string }
  | { readonly kind: "repaired-tzid"; readonly line: number };

/** The calendars of a file (usually one `VCALENDAR`), or the fatal problem, plus the lines skipped. */
export interface ContentResult {
  readonly calendars: IcsComponent[];
  /** How many VEVENTs the file holds. */
  readonly events: number;
  readonly fatal?: ContentProblem;
  readonly problems: ContentProblem[];
}

/** The properties lichhop reads from a VEVENT; the others are skipped without parsing (most of a large export). */
const EVENT_PROPERTIES = new Set([
  "UID",
  "DTSTART",
  "DTEND",
  "DURATION",
  "RRULE",
  "EXDATE",
  "RDATE",
  "RECURRENCE-ID",
  "SUMMARY",
  "DESCRIPTION",
  "LOCATION",
  "ATTENDEE",
  "ORGANIZER",
  "STATUS",
  "TRANSP",
  "SEQUENCE",
  "X-MICROSOFT-CDO-BUSYSTATUS",
]);
const CALENDAR_PROPERTIES = new Set(["X-WR-TIMEZONE", "X-WR-CALNAME", "PRODID"]);

/** Whether a property of component `inside` (a stack of names) is read at all. */
function wanted(name: string, stack: readonly IcsComponent[]): boolean {
  const top = stack[stack.length - 1]?.name;
  if (top === "vevent") return EVENT_PROPERTIES.has(name);
  if (top === "vcalendar") return CALENDAR_PROPERTIES.has(name);
  // VTIMEZONE and its STANDARD/DAYLIGHT rules are read whole: ical.js computes their offsets.
  return stack.some((component) => component.name === "vtimezone");
}

/** The value text after the parameters: the first `:` outside double quotes. */
function rawValue(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return line.slice(i + 1);
  }
  return "";
}

/**
 * Exchange writes `DTSTART;TZID="W. Europe Standard Time:20200609T090000"`: the value inside the
 * quotes. Gives the line with the value moved out, or undefined for any other line.
 */
function repairQuotedValue(line: string): string | undefined {
  const m = /^([A-Za-z-]+);TZID="([^":]*):([0-9]{8}(?:T[0-9]{6}Z?)?)"$/.exec(line);
  return m ? `${m[1]};TZID="${m[2]}":${m[3]}` : undefined;
}

/**
 * Reads the content lines of an iCalendar text (RFC 5545 §3.1) into components, each property
 * parsed by ical.js and placed at its line. Lines are unfolded here (CRLF, LF or CR, a leading
 * space or tab continues a line), so every property keeps the line it starts on. A line ical.js
 * cannot read is skipped and reported; a file that is not iCalendar, ends inside a component or
 * holds more than {@link MAX_SOURCE_EVENTS} events (`maxEvents`) stops with a fatal problem.
 */
export function scanCalendar(text: string, maxEvents = MAX_SOURCE_EVENTS): ContentResult {
  const calendars: IcsComponent[] = [];
  const problems: ContentProblem[] = [];
  const stack: IcsComponent[] = [];
  let events = 0;
  let seenContent = false;
  let fatal: ContentProblem | undefined;
  let physical = 0;

  let lastContent = 1;
  const handle = (line: string, at: number): boolean => {
    if (line.trim() === "") return true;
    lastContent = at;
    const colon = line.indexOf(":");
    const semi = line.indexOf(";");
    const cut = semi >= 0 && (colon < 0 || semi < colon) ? semi : colon;
    const name = (cut < 0 ? line : line.slice(0, cut)).toUpperCase();
    if (!seenContent) {
      seenContent = true;
      if (
        name !== "BEGIN" ||
        line
          .slice(colon + 1)
          .trim()
          .toUpperCase() !== "VCALENDAR"
      ) {
        fatal = { kind: "not-calendar", line: at };
        return false;
      }
    }
    if (name === "BEGIN" && cut === colon) {
      const componentName = line
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      if (componentName === "vevent" && ++events > maxEvents) {
        fatal = { kind: "too-many-events", line: at, max: maxEvents };
        return false;
      }
      const component: IcsComponent = { name: componentName, line: at, properties: [], components: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.components.push(component);
      else if (componentName === "vcalendar") calendars.push(component);
      else {
        fatal = { kind: "not-calendar", line: at };
        return false;
      }
      stack.push(component);
      return true;
    }
    if (name === "END" && cut === colon) {
      const componentName = line
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      const open = stack[stack.length - 1];
      if (!open || open.name !== componentName) {
        fatal = { kind: "end-mismatch", line: at, found: componentName.toUpperCase(), expected: open ? open.name.toUpperCase() : "" };
        return false;
      }
      stack.pop();
      return true;
    }
    const open = stack[stack.length - 1];
    if (!open) {
      // Text after END:VCALENDAR that is not another calendar.
      fatal = { kind: "not-calendar", line: at };
      return false;
    }
    if (!wanted(name, stack)) return true;
    let jcal: unknown[];
    let content = line;
    try {
      jcal = ICAL.parse.property(line) as unknown[];
    } catch (error) {
      if (name === "RRULE") {
        // lichhop reads RRULE text itself and words what it does not support (FREQ=FORTNIGHTLY).
        open.properties.push({ name: "rrule", params: {}, type: "recur", values: [], raw: rawValue(line), line: at });
        return true;
      }
      const repaired = repairQuotedValue(line);
      if (repaired === undefined) {
        problems.push({ kind: "bad-line", line: at, detail: error instanceof Error ? error.message : String(error) });
        return true;
      }
      try {
        jcal = ICAL.parse.property(repaired) as unknown[];
        content = repaired;
        problems.push({ kind: "repaired-tzid", line: at });
      } catch (again) {
        problems.push({ kind: "bad-line", line: at, detail: again instanceof Error ? again.message : String(again) });
        return true;
      }
    }
    const [propName, params, type, ...values] = jcal as [string, Record<string, string | string[]>, string, ...unknown[]];
    open.properties.push({ name: propName, params, type, values, raw: rawValue(content), line: at });
    return true;
  };

  // Unfold while splitting, remembering the physical line each logical line starts on.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // An export with too many events is refused before any is parsed: one pass of a regex.
  const begins = /^BEGIN:VEVENT[ \t]*\r?$/gim;
  let count = 0;
  for (let found = begins.exec(body); found; found = begins.exec(body)) {
    if (++count > maxEvents) {
      let line = 1;
      for (let i = body.indexOf("\n"); i >= 0 && i < found.index; i = body.indexOf("\n", i + 1)) line++;
      return { calendars: [], events: count, problems: [], fatal: { kind: "too-many-events", line, max: maxEvents } };
    }
  }
  let current: string | undefined;
  let currentLine = 0;
  let start = 0;
  const length = body.length;
  while (start <= length && fatal === undefined) {
    let end = start;
    while (end < length) {
      const c = body.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const piece = body.slice(start, end);
    physical++;
    if (end < length && body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10) end++;
    start = end + 1;
    const first = piece.charCodeAt(0);
    if ((first === 32 || first === 9) && current !== undefined) {
      current += piece.slice(1);
      continue;
    }
    if (current !== undefined && !handle(current, currentLine)) break;
    current = piece;
    currentLine = physical;
  }
  if (fatal === undefined && current !== undefined) handle(current, currentLine);
  if (fatal === undefined && !seenContent) fatal = { kind: "not-calendar", line: 1 };
  const open = stack[0];
  if (fatal === undefined && stack.length > 0 && open) {
    const inner = stack[stack.length - 1] as IcsComponent;
    fatal = { kind: "truncated", line: lastContent, component: inner.name.toUpperCase(), begun: inner.line };
  }
  return fatal === undefined ? { calendars, events, problems } : { calendars, events, problems, fatal };
}
