import type { Issue } from "../errors";
import { message, type Lang } from "../messages";

/** Options for {@link decodeScheduleBytes}. */
export interface DecodeOptions {
  /** The file name shown in issues. */
  readonly filename?: string;
  /** The language of issue messages; Vietnamese when absent. */
  readonly lang?: Lang;
}

/** The text of a schedule file, or the `bad-encoding` issue saying why its bytes are not UTF-8. */
export type DecodeResult = { ok: true; text: string } | { ok: false; issues: Issue[] };

/** How many leading bytes the UTF-16 guess looks at. */
const SAMPLE = 4096;

/**
 * `"le"` or `"be"` when the bytes look like UTF-16: a byte order mark, or a NUL in at least 40% of
 * the odd (little-endian) or even (big-endian) positions of the sample, as ASCII text in UTF-16 has.
 */
function utf16(bytes: Uint8Array): "le" | "be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "be";
  const length = Math.min(bytes.length, SAMPLE);
  if (length < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.floor(length / 2);
  if (odd >= half * 0.4 && odd > even) return "le";
  if (even >= half * 0.4 && even > odd) return "be";
  return undefined;
}

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (the WHATWG
 * decoder's rules: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** Windows-1258's combining tone marks: grave, hook above, tilde, acute, dot below. */
const TONE_MARKS = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0xc0 && !TONE_MARKS.has(byte));
}

/**
 * `"windows-1258"` when a Windows-1258 tone mark follows a letter (Vietnamese in that code page
 * writes "ọ" as "o" and a combining dot below, 0xF2), else `"single-byte"`: Windows-1252/Latin-1,
 * TCVN3 or VNI cannot be told apart by their bytes.
 */
function guessSingleByte(bytes: Uint8Array): "windows-1258" | "single-byte" {
  for (let i = 1; i < bytes.length; i++) {
    if (TONE_MARKS.has(bytes[i] as number) && isLetter(bytes[i - 1] as number)) return "windows-1258";
  }
  return "single-byte";
}

/** 1-based line and column (in UTF-16 code units, as every other issue counts) of a byte offset in valid UTF-8. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = lineStart; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/**
 * Decodes the bytes of a schedule file as UTF-8, with or without a byte order mark (which is
 * dropped). Bytes that are not UTF-8 give one `bad-encoding` issue at the line and column of
 * the first bad byte, guessing what the file was saved as (UTF-16, Windows-1258, another
 * one-byte code page) and saying to save it as UTF-8: a Latin-1 or Windows-1258 file never
 * reaches the feeds as U+FFFD. Pure: no Node built-ins.
 *
 * @example
 * const decoded = decodeScheduleBytes(readFileSync("lich.yaml"), { filename: "lich.yaml" });
 * if (decoded.ok) parseSchedule(decoded.text, { filename: "lich.yaml" });
 * else console.error(decoded.issues[0]?.message); // "… looks like Windows-1258 …: save it as UTF-8"
 */
export function decodeScheduleBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const lang = options.lang ?? "vi";
  const base = options.filename === undefined ? {} : { file: options.filename };
  const endian = utf16(bytes);
  if (endian !== undefined) {
    const issue: Issue = {
      code: "bad-encoding",
      message: message(lang, "bad-encoding-utf16", { endian }),
      path: [],
      ...base,
      line: 1,
      column: 1,
    };
    return { ok: false, issues: [issue] };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch (error) {
    const found = firstInvalid(bytes);
    // Well-formed bytes the decoder refused: more text than a JavaScript string holds, not an encoding problem.
    if (found === -1) throw error;
    const offset = found;
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    const issue: Issue = {
      code: "bad-encoding",
      message: message(lang, "bad-encoding", { byte, guess: guessSingleByte(bytes) }),
      path: [],
      ...base,
      ...position(bytes, offset),
    };
    return { ok: false, issues: [issue] };
  }
}

/** The largest schedule file read by default (the CLI's `--max-size` raises it): 20 MB. */
export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

/** The `file-too-large` issue; without `size`, the file is only known to be longer than `max` (a pipe). */
export function tooLarge(path: string, size: number | undefined, max: number, lang: Lang | undefined): Issue {
  return { code: "file-too-large", message: message(lang ?? "vi", "file-too-large", { size, max }), path: [], file: path };
}
