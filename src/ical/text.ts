/**
 * iCalendar (RFC 5545) content lines: text escaping, parameter quoting, date values and folding.
 * Pure string functions, no I/O.
 */

// RFC 5545 §3.3.11 forbids control characters in TEXT other than HTAB; newlines are escaped.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** NFC text with every line break as `\n` and other control characters removed. */
export function cleanText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n|\r/g, "\n")
    .replace(CONTROL, "");
}

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
 * A newline in a title can therefore never start a new property.
 *
 * @example
 * escapeText("Họp; bàn\nX-EVIL:1"); // "Họp\\; bàn\\nX-EVIL:1"
 */
export function escapeText(value: string): string {
  return cleanText(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/**
 * A parameter value (e.g. `CN`), quoted, with `"`, `^` and line breaks written per RFC 6868
 * (parameter values have no backslash escapes).
 */
export function paramValue(value: string): string {
  const text = cleanText(value).replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\n/g, "^n");
  return `"${text}"`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** `YYYYMMDD` of a floating wall time (UTC fields hold the local reading). */
export function icalDate(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

/** `YYYYMMDDTHHMMSS` of a floating wall time (a local DATE-TIME, for use with TZID). */
export function icalLocal(wall: number): string {
  const d = new Date(wall);
  return `${icalDate(wall)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** `YYYYMMDDTHHMMSSZ` of an instant (a UTC DATE-TIME). */
export function icalUtc(instant: number): string {
  return `${icalLocal(instant)}Z`;
}

/** `+0700` for 420 minutes. */
export function icalOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one content line so that no physical line exceeds 75 octets (RFC 5545 §3.1), never
 * inside a UTF-8 character; continuation lines start with one space.
 */
export function foldLine(line: string): string {
  if (line.length <= 25) return line;
  let out = "";
  let start = 0;
  let size = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i) as number;
    const units = codePoint > 0xffff ? 2 : 1;
    const octets = utf8Length(codePoint);
    if (size + octets > limit) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    size += octets;
    i += units;
  }
  return out + line.slice(start);
}

/** The content lines of an iCalendar object, unfolded and without line endings. */
export type Lines = string[];

/** Joins content lines into an iCalendar object: folded, CRLF-terminated. */
export function serializeLines(lines: readonly string[]): string {
  let out = "";
  for (const line of lines) out += `${foldLine(line)}\r\n`;
  return out;
}
