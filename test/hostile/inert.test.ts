import { describe, expect, it } from "vitest";
import { inert, inertLines } from "../../src/internal/inert";

describe("inert()", () => {
  it.each([
    ["Họp\n::error::pwned", "Họp\\n::error::pwned"],
    ["a\r\nb", "a\\r\\nb"],
    ["tab\there", "tab\\there"],
    ["\u001b[2J", "\\u001B[2J"],
    ["\u0000\u0007\u007f", "\\u0000\\u0007\\u007F"],
    ["C1 \u009b31m", "C1 \\u009B31m"],
    ["\u202Eabc", "\\u202Eabc"],
    ["\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"],
    ["\u200e\u200f\u061c", "\\u200E\\u200F\\u061C"],
    ["line\u2028sep\u2029", "line\\u2028sep\\u2029"],
  ])("escapes %j", (input, expected) => {
    expect(inert(input)).toBe(expected);
  });

  it("leaves Vietnamese text, emoji and punctuation as written", () => {
    const text = 'Phiên họp thường kỳ HĐND tỉnh Lạng Sơn — 07/03 08:00 (phòng 2) 📅 "quoted" \\ ::x';
    expect(inert(text)).toBe(text);
  });

  it("gives one line for any input", () => {
    const all = Array.from({ length: 0x2070 }, (_, i) => String.fromCharCode(i)).join("");
    expect(inert(all)).not.toMatch(/[\n\r\u2028\u2029\u001b\u202e]/);
  });
});

describe("inertLines()", () => {
  it("keeps the line breaks between lines and escapes the rest", () => {
    expect(inertLines("one\u001b[2J\ntwo\r")).toBe("one\\u001B[2J\ntwo\\r");
  });
});
