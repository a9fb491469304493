import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { jsonErrors, tempFile } from "../helpers/cli";
import { ENGLISH } from "../helpers/english";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// These run the built CLI (`npx tsup` first), as users do.
const CLI = join(__dirname, "../../dist/cli.js");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a mistaken command line", () => {
  it.each([
    [["check", "--form", "json", "x.yaml"], "Tùy chọn không hợp lệ --form; có phải --format? [bad-argument]"],
    [["check", "--form", "json", "x.yaml", "--lang", "en"], "unknown option --form; did you mean --format? [bad-argument]"],
    [["check", "x.yaml", "--fial-on=never", "--lang=en"], "unknown option --fial-on; did you mean --fail-on? [bad-argument]"],
    [["check", "x.yaml", "-q"], "Tùy chọn không hợp lệ -q; xem lichhop --help [bad-argument]"],
    [["check", "x.yaml", "--detail=yes"], 'Tùy chọn --detail không nhận giá trị; bỏ phần sau dấu "=" [bad-argument]'],
    [["check", "x.yaml", "--out"], "Tùy chọn --out cần một giá trị, ví dụ --out GIÁ_TRỊ [bad-argument]"],
    [["chek", "x.yaml"], 'Lệnh không hợp lệ "chek"; có phải lichhop check? [bad-argument]'],
    [["daysoff", "--lang", "en"], 'unknown command "daysoff"; did you mean lichhop days-off? [bad-argument]'],
    [["frobnicate"], 'Lệnh không hợp lệ "frobnicate"; xem lichhop --help [bad-argument]'],
  ])("%j is refused in the language of --lang, else Vietnamese, naming the nearest", (args, text) => {
    const { code, stdout, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${text}\n`);
  });
});

const EXAMPLE = join(__dirname, "../../examples/lang-son-2024.yaml");
const OUT = mkdtempSync(join(tmpdir(), "lichhop-args-"));
const EMPTY = join(OUT, "empty");
mkdirSync(EMPTY);

/** A Vietnamese letter (one with a diacritic, or đ): a message without one is not Vietnamese. */
const vietnamese = (text: string) => /[\u0300-\u036f]|đ/i.test(text.normalize("NFD"));

// Each mistake, with its English text as `--lang en` writes it (`@` is the example file's path).
const MISTAKES: readonly (readonly [string[], string])[] = [
  [["check", "@", "--format", "xml"], "--format xml: expected text, json, github, junit, sarif or html"],
  [["expand", "@", "--format", "github"], "--format github: expected text or json"],
  [["check", "@", "--from", "1/1/2024"], "--from 1/1/2024: expected a real date YYYY-MM-DD, e.g. 2024-03-07"],
  [["check", "@", "--to", "2024-02-30"], "--to 2024-02-30: expected a real date YYYY-MM-DD, e.g. 2024-03-07"],
  [["check", "@", "--from", "1800-01-01"], "--from 1800-01-01: expected a date from 1900-01-01 to 2100-12-31"],
  [
    ["check", "@", "--from", "2024-12-01", "--to", "2024-01-01"],
    "--from 2024-12-01 is after --to 2024-01-01: expected a first day on or before the last",
  ],
  [["check", "@", "--fail-on", "sometimes"], "--fail-on sometimes: expected error, warning or never"],
  [["check", "@", "--max-conflicts=-5"], "--max-conflicts -5: expected a positive whole number"],
  [["check", "@", "--max-occurrences", "lots"], "--max-occurrences lots: expected a positive whole number"],
  [["check", "@", "--max-findings", "0"], "--max-findings 0: expected a positive whole number"],
  [["ics", "@", "--out", OUT, "--max-events", "1.5"], "--max-events 1.5: expected a positive whole number"],
  [["check", "@", "--max-size", "12KB"], "--max-size 12KB: expected a number of bytes, or of megabytes with MB (e.g. 50MB), at most 500MB"],
  [["check", "@", "--base", "@", "--base-ref", "HEAD"], "--base and --base-ref: give one of them"],
  [["check"], "lichhop check: expected a schedule FILE or directory"],
  [["check", "no-such.yaml"], "no-such.yaml: cannot read no-such.yaml: no such file"],
  [["expand", OUT], `${OUT}: no *.yaml, *.yml or *.json schedule files in this directory`],
  [["serve", OUT], `${OUT}: no *.yaml, *.yml or *.json schedule files in this directory`],
  [["check", EMPTY], `${EMPTY}: no *.yaml, *.yml or *.json schedule files in this directory`],
  [["expand"], "lichhop expand: expected a schedule FILE or directory"],
  [["serve"], "lichhop serve: expected a schedule FILE or directory"],
  [["serve", "@", "no-such.yaml"], "no-such.yaml: cannot read no-such.yaml: no such file"],
  [
    ["serve", "@", "--public-url", "ftp://lich.gov.vn/feeds"],
    "--public-url ftp://lich.gov.vn/feeds: expected an http:// or https:// address such as https://lich.langson.gov.vn/feeds (no ?, # or credentials)",
  ],
  [["schema", "extra"], "lichhop schema: expected no arguments"],
  [
    ["lunar", "2024-02-30"],
    "lichhop lunar 2024-02-30: expected a real date YYYY-MM-DD, or a lunar day/month with --year (e.g. 10/3 --year 2026)",
  ],
  [["ics", "@"], "lichhop ics: expected --out DIR"],
  [["ics", "@", "--out", OUT, "--uid-domain", "hdnd_ls"], "--uid-domain hdnd_ls: expected a domain name such as hdnd.langson.gov.vn"],
  [["serve", "@", "--port", "99999"], "--port 99999: expected a port number 0–65535"],
  [["init", "--out", "@"], "@: cannot write @: the file already exists; choose another --out or remove it first"],
];

const args = (template: readonly string[]) => template.map((arg) => (arg === "@" ? EXAMPLE : arg));

describe("a wrong value on the command line", () => {
  it.each(MISTAKES)("%j is refused in Vietnamese with --lang vi, without English words", (template) => {
    const { code, stdout, stderr } = run(...args(template), "--lang", "vi");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/ \[bad-argument\]\n$/);
    expect(stderr.split("\n")).toHaveLength(2);
    expect(vietnamese(stderr)).toBe(true);
    expect(stderr.replaceAll(EXAMPLE, "lich.yaml").replaceAll(OUT, "lich")).not.toMatch(ENGLISH);
  });

  it.each(MISTAKES)("%j is refused in English with --lang en", (template, text) => {
    const { code, stderr } = run(...args(template), "--lang", "en");
    expect(code).toBe(2);
    expect(stderr).toBe(`${text.replaceAll("@", EXAMPLE)} [bad-argument]\n`);
  });

  it.each(MISTAKES)("%j is refused in Vietnamese without --lang", (template) => {
    const { code, stderr } = run(...args(template));
    expect(code).toBe(2);
    expect(vietnamese(stderr)).toBe(true);
  });

  it.each([["--lang", "fr"], ["--lang=EN"]])("a --lang that is neither vi nor en (%s) is refused in Vietnamese", (...lang) => {
    const { code, stderr } = run("check", EXAMPLE, ...lang);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--lang (fr|EN): cần vi \(tiếng Việt\) hoặc en \(tiếng Anh\) \[bad-argument\]\n$/);
  });

  it("writes the JSON error document with the code bad-argument, in the language asked", () => {
    const vi = jsonErrors(run("check", "no-such.yaml", "--format", "json", "--lang", "vi").stdout);
    expect(vi).toEqual([
      {
        code: "bad-argument",
        message: "Không đọc được no-such.yaml: tệp không tồn tại",
        file: "no-such.yaml",
        line: null,
        column: null,
        path: "",
      },
    ]);
    const en = jsonErrors(run("check", EXAMPLE, "--fail-on", "x", "--format", "json", "--lang", "en").stdout);
    expect(en).toEqual([
      { code: "bad-argument", message: "--fail-on x: expected error, warning or never", file: null, line: null, column: null, path: "" },
    ]);
  });

  it("words a file's YAML syntax error and bad RRULE in Vietnamese, with line and column", () => {
    const file = tempFile("lich.yaml", "version: 1\nversion: 2\n");
    expect(run("check", file, "--lang", "vi").stderr).toBe(
      `${file}:2:1: Lỗi cú pháp YAML: trùng khóa: một trường được khai báo hai lần trong cùng một ánh xạ [yaml-syntax]\n`,
    );
    expect(run("check", file, "--lang", "en").stderr).toBe(`${file}:2:1: YAML syntax error: duplicated mapping key [yaml-syntax]\n`);
    const rule = tempFile(
      "lich.yaml",
      "version: 1\nhorizon: { from: 2024-01-01, to: 2024-01-31 }\nbodies: [{ id: b, name: B }]\nmeetings:\n" +
        "  - { id: m, title: M, body: b, start: 2024-01-04T08:00, duration: PT1H, repeat: FREQ=WEEKLY;BYDAY=XX }\n",
    );
    const vi = run("check", rule, "--lang", "vi").stderr;
    expect(vi).toContain('Quy tắc lặp (RRULE) không hợp lệ ở "BYDAY=XX": cần BYDAY=các thứ trong tuần như MO (thứ Hai)');
    expect(vi.replaceAll(rule, "lich.yaml")).not.toMatch(ENGLISH);
  });
});

// Root reads every file whatever its mode: as root (CI), the CLI runs as nobody through util-linux's setpriv.
const ROOT_USER = process.getuid?.() === 0;
const SETPRIV = "/usr/bin/setpriv";
describe.skipIf(ROOT_USER && !existsSync(SETPRIV))("a file or directory without the right to read it", () => {
  const run = (...args: string[]) => {
    const [command, prefix] = ROOT_USER
      ? [SETPRIV, ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI]]
      : [process.execPath, [CLI]];
    const result = spawnSync(command, [...prefix, ...args], { encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("is refused as such, in the language asked, not as an internal error", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-locked-"));
    // Others may pass through the folder: only the file's and the subfolder's modes refuse.
    chmodSync(dir, 0o755);
    const file = join(dir, "lich.yaml");
    writeFileSync(file, "version: 1\n");
    chmodSync(file, 0o000);
    const folder = join(dir, "lich");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.yaml"), "version: 1\n");
    chmodSync(folder, 0o000);
    try {
      expect(run("check", file, "--lang", "vi").stderr).toBe(`${file}: Không đọc được ${file}: không có quyền truy cập [bad-argument]\n`);
      expect(run("check", file, "--lang", "en").stderr).toBe(`${file}: cannot read ${file}: permission denied [bad-argument]\n`);
      const unlisted = run("check", folder, "--lang", "en");
      expect(unlisted.code).toBe(2);
      expect(unlisted.stderr).toBe(`${folder}: cannot read ${folder}: permission denied [bad-argument]\n`);
    } finally {
      chmodSync(folder, 0o700);
    }
  });
});
