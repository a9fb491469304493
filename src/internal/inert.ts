/**
 * Characters that must never reach a terminal, a log or a CI runner raw: C0 and C1 controls
 * (line breaks included), DEL, the line and paragraph separators and the bidirectional
 * formatting characters (which reorder what a reader sees, e.g. U+202E).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Makes text inert for a line-oriented output: every control character, line break and bidi
 * override is shown as an escape (`\n`, `\u202E`), so a title can neither start a new line (a
 * GitHub Actions workflow command, a forged log line) nor repaint or reorder the terminal.
 *
 * @example
 * inert("Họp\n::error::pwned"); // "Họp\\n::error::pwned"
 */
export function inert(text: string): string {
  return text.replace(UNSAFE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** Makes each line of a multi-line text inert, keeping its line breaks (for messages that span lines). */
export function inertLines(text: string): string {
  return text.split("\n").map(inert).join("\n");
}
