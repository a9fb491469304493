import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { decodeScheduleBytes, parseSchedule, safeParseSchedule, ScheduleError, UsageError } from "../../src/index";
import { runs } from "../helpers/runs";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const CLI = join(__dirname, "../../dist/cli.js");

function run(args: readonly string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lichhop-encoding-")), name);
  writeFileSync(path, bytes);
  return path;
}

// Line 4 holds the first non-ASCII character: "Họp" (o, then U+0323 as Windows-1258's 0xF2).
const TEXT = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: hdnd, name: HDND }]
meetings:
  - { id: a, title: Họp Hội đồng, body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30 }
`;
const LINE = 5;
const COLUMN = "  - { id: a, title: Ho".length + 1;

/** Windows-1258 bytes of the few characters TEXT uses beyond ASCII (tone marks are combining there). */
const CP1258: Record<string, number[]> = {
  ọ: [0x6f, 0xf2],
  ộ: [0xf4, 0xf2],
  đ: [0xf0],
  ồ: [0xf4, 0xcc],
};

function cp1258(text: string): Uint8Array {
  return Uint8Array.from([...text].flatMap((ch) => CP1258[ch] ?? (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : [0x3f])));
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "latin1"));
}

function utf16le(text: string, bom: boolean): Uint8Array {
  return Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(text, "utf16le")]);
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Uint8Array.from([0xfe, 0xff, ...be]);
}

const UTF8_BOM = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(TEXT, "utf8")]);
const LATIN1_TEXT = TEXT.replace("Họp Hội đồng", "Réunion du conseil");

describe("decodeScheduleBytes", () => {
  it("reads UTF-8 with and without a byte order mark, dropping the mark", () => {
    expect(decodeScheduleBytes(Buffer.from(TEXT, "utf8"))).toEqual({ ok: true, text: TEXT });
    expect(decodeScheduleBytes(UTF8_BOM)).toEqual({ ok: true, text: TEXT });
  });

  it("refuses Windows-1258 at the first bad byte, guessing Windows-1258", () => {
    const result = decodeScheduleBytes(cp1258(TEXT), { filename: "lich.yaml", lang: "en" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        code: "bad-encoding",
        message: "not UTF-8: byte 0xF2 is not valid UTF-8; the file looks like Windows-1258 (Vietnamese): save it as UTF-8",
        path: [],
        file: "lich.yaml",
        line: LINE,
        column: COLUMN,
      },
    ]);
  });

  it("speaks Vietnamese by default", () => {
    const result = decodeScheduleBytes(cp1258(TEXT));
    expect(!result.ok && result.issues[0]?.message).toBe(
      "Tệp không phải mã UTF-8: byte 0xF2 không hợp lệ trong UTF-8; tệp có vẻ được lưu bằng bảng mã Windows-1258 (tiếng Việt): hãy lưu lại bằng mã UTF-8",
    );
  });

  it("refuses Latin-1, guessing a one-byte code page", () => {
    const result = decodeScheduleBytes(latin1(LATIN1_TEXT), { lang: "en" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: "bad-encoding", line: LINE, column: "  - { id: a, title: R".length + 1 });
    expect(result.issues[0]?.message).toContain("byte 0xE9");
    expect(result.issues[0]?.message).toContain("Latin-1");
  });

  it.each([
    ["UTF-16LE with a byte order mark", utf16le(TEXT, true), "little-endian"],
    ["UTF-16LE without a byte order mark", utf16le(TEXT, false), "little-endian"],
    ["UTF-16BE with a byte order mark", utf16be(TEXT), "big-endian"],
    ["UTF-16BE without a byte order mark", utf16be(TEXT).subarray(2), "big-endian"],
  ])("refuses %s, naming UTF-16", (_, bytes, endian) => {
    const result = decodeScheduleBytes(bytes, { lang: "en" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: "bad-encoding", line: 1, column: 1 });
    expect(result.issues[0]?.message).toBe(`not UTF-8: the file looks like UTF-16 (${endian}): save it as UTF-8`);
  });

  it.each([
    ["an overlong form", [0x61, 0xc0, 0x80], 2],
    ["a surrogate", [0x61, 0x62, 0xed, 0xa0, 0x80], 3],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 1],
    ["a sequence cut at the end", [0x61, 0xe1, 0xbb], 2],
    ["a lone continuation byte", [0xe1, 0xbb, 0x8d, 0x80], 2],
  ])("places %s at its first byte", (_, bytes, column) => {
    const result = decodeScheduleBytes(Uint8Array.from(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ line: 1, column });
  });

  it("counts columns in characters after multi-byte text on the same line, and lines after a BOM", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("a: 1\nb: Hội "), 0xff]);
    const result = decodeScheduleBytes(bytes);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ line: 2, column: "b: Hội ".length + 1 });
    else expect.fail("expected an issue");
  });

  it("agrees with the WHATWG decoder on any bytes without NUL", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const noNul = fc.uint8Array({ minLength: 0, maxLength: 24 }).map((b) => b.map((x) => x || 1));
    const nearlyUtf8 = fc
      .tuple(fc.string({ unit: "grapheme", maxLength: 8 }), fc.nat(32), fc.integer({ min: 1, max: 255 }))
      .map(([text, at, byte]) => {
        const bytes = Uint8Array.from(Buffer.from(text.replace(/\0/g, "x"), "utf8"));
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        return bytes;
      });
    fc.assert(
      fc.property(fc.oneof(noNul, nearlyUtf8), (bytes) => {
        const result = decodeScheduleBytes(bytes);
        expect(result.ok).toBe(valid(bytes));
        if (!result.ok) expect(result.issues[0]?.code).toBe("bad-encoding");
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe("parseSchedule and safeParseSchedule take bytes", () => {
  it("parses UTF-8 bytes, with a byte order mark too, as the same schedule as the text", () => {
    const fromText = parseSchedule(TEXT, { filename: "lich.yaml" });
    expect(parseSchedule(Buffer.from(TEXT, "utf8"), { filename: "lich.yaml" })).toEqual(fromText);
    expect(parseSchedule(UTF8_BOM, { filename: "lich.yaml" })).toEqual(fromText);
  });

  it("returns bad-encoding for Windows-1258 bytes and throws it as a ScheduleError", () => {
    const result = safeParseSchedule(cp1258(TEXT), { filename: "lich.yaml" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: "bad-encoding", file: "lich.yaml", line: LINE, column: COLUMN });
    expect(() => parseSchedule(utf16le(TEXT, true))).toThrow(ScheduleError);
  });

  it.each([[42], [null], [undefined], [{ text: TEXT }], [new ArrayBuffer(4)]])("throws a UsageError for %o", (input) => {
    expect(() => safeParseSchedule(input as unknown as string)).toThrow(UsageError);
    expect(() => parseSchedule(input as unknown as string)).toThrow(
      /expected a schedule file's text \(a string\) or bytes \(a Uint8Array\)/,
    );
  });
});

describe("the CLI refuses a file that is not UTF-8 (exit 2)", () => {
  const cases = [
    ["Windows-1258", cp1258(TEXT), LINE, "Windows-1258"],
    ["Latin-1", latin1(LATIN1_TEXT), LINE, "Latin-1"],
    ["UTF-16LE with a BOM", utf16le(TEXT, true), 1, "UTF-16"],
    ["UTF-16LE without a BOM", utf16le(TEXT, false), 1, "UTF-16"],
  ] as const;

  it.each(cases)("check: %s, naming the line and the guess", (_, bytes, line, guess) => {
    const file = tempFile("lich.yaml", bytes);
    const { code, stdout, stderr } = run(["check", file, "--lang", "en"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file}:${line}:`);
    expect(stderr).toContain(guess);
    expect(stderr).toContain("save it as UTF-8");
    expect(stderr).toContain("[bad-encoding]");
    expect(stderr).not.toContain("\uFFFD");
  });

  it.each(cases)("check --format json: %s gives the errors document", (_, bytes, line) => {
    const file = tempFile("lich.yaml", bytes);
    const { code, stdout } = run(["check", file, "--format", "json"]);
    expect(code).toBe(2);
    const document = JSON.parse(stdout);
    expect(document.version).toBe(1);
    expect(document.errors).toHaveLength(1);
    expect(document.errors[0]).toMatchObject({ code: "bad-encoding", file, line });
    expect(document.errors[0].message).toContain("UTF-8");
  });

  it.each([["expand"], ["days-off"]])("%s refuses it too", (command) => {
    const { code, stderr } = run([command, tempFile("lich.yaml", cp1258(TEXT))]);
    expect(code).toBe(2);
    expect(stderr).toContain("[bad-encoding]");
  });

  it("ics refuses it and writes no feed", () => {
    const out = mkdtempSync(join(tmpdir(), "lichhop-encoding-out-"));
    const { code, stderr } = run(["ics", tempFile("lich.yaml", cp1258(TEXT)), "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toContain("[bad-encoding]");
  });

  it("names the bad file among several merged ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-encoding-dir-"));
    writeFileSync(join(dir, "a.yaml"), "version: 1\nbodies: [{ id: ubnd, name: UBND }]\n");
    writeFileSync(join(dir, "b.yaml"), cp1258(TEXT));
    const { code, stdout } = run(["check", dir, "--format", "json"]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors[0]).toMatchObject({ code: "bad-encoding", file: join(dir, "b.yaml"), line: LINE });
  });

  it("reads UTF-8 with a byte order mark", () => {
    const { code, stdout } = run(["expand", tempFile("lich.yaml", UTF8_BOM)]);
    expect(code).toBe(0);
    expect(stdout).toContain("Họp Hội đồng");
  });

  it("takes a Windows-1258 --base as no base, so converting the file to UTF-8 is not blocked", () => {
    const file = tempFile("lich.yaml", TEXT);
    const base = tempFile("base.yaml", cp1258(TEXT));
    const { code, stderr } = run(["check", file, "--base", base]);
    expect(code).toBe(0);
    expect(stderr).toBe("lichhop: bản gốc có tệp không phải mã UTF-8 (1 lỗi); mọi xung đột được tính là mới\n");
    const en = run(["check", file, "--base", base, "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe("lichhop: the base is not a valid schedule (1 issue(s): bad-encoding); every conflict counts as new\n");
  });

  it("decodes --base-ref contents like a file: a Windows-1258 base at HEAD counts as no base", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-encoding-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", ...args], {
        cwd: dir,
        stdio: "pipe",
      });
    git("init", "-q");
    mkdirSync(dirname(join(dir, "lich/lich.yaml")), { recursive: true });
    writeFileSync(join(dir, "lich/lich.yaml"), cp1258(TEXT));
    git("add", ".");
    git("commit", "-q", "-m", "base");
    writeFileSync(join(dir, "lich/lich.yaml"), TEXT);
    const converted = run(["check", "lich/lich.yaml", "--base-ref", "HEAD"], dir);
    expect(converted.code, converted.stderr).toBe(0);
    expect(converted.stderr).toContain("bản gốc có tệp không phải mã UTF-8");
    git("commit", "-q", "-am", "utf-8");
    const clean = run(["check", "lich/lich.yaml", "--base-ref", "HEAD", "--format", "json"], dir);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).toBe("");
  });
});
