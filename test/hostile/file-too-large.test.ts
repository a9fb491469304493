import { spawnSync } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const CLI = join(__dirname, "../../dist/cli.js");
const LIMIT = 20 * 1024 * 1024;

function run(args: readonly string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SMALL = `version: 1
horizon: { from: 2024-01-01, to: 2024-01-31 }
bodies: [{ id: hdnd, name: HĐND }]
meetings:
  - { id: a, title: Họp, body: hdnd, start: 2024-01-04T08:00, end: 2024-01-04T11:30 }
`;

function tempFile(name: string, text: string, size?: number): string {
  const path = join(mkdtempSync(join(tmpdir(), "lichhop-size-")), name);
  writeFileSync(path, text);
  // A sparse file: its size is the point, its bytes are never read.
  if (size !== undefined) truncateSync(path, size);
  return path;
}

describe("schedule files larger than the limit are refused before they are read (exit 2)", () => {
  it.each([["check"], ["expand"], ["days-off"]])("%s refuses a file of 20 MB + 1 byte, naming the limit", (command) => {
    const file = tempFile("big.yaml", SMALL, LIMIT + 1);
    const started = Date.now();
    const { code, stderr } = run([command, file, "--lang", "en"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `${file}: the file has 20,971,521 bytes, more than the limit of 20,971,520 bytes (20 MB); split it or raise the limit with --max-size [file-too-large]\n`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("ics refuses it too", () => {
    const out = mkdtempSync(join(tmpdir(), "lichhop-size-out-"));
    const { code, stderr } = run(["ics", tempFile("big.yaml", SMALL, LIMIT + 1), "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toContain("[file-too-large]");
  });

  it("reads a file of exactly the limit (here: refused later, as YAML, not for its size)", () => {
    const { code, stderr } = run(["check", tempFile("edge.yaml", SMALL, LIMIT)]);
    expect(code).toBe(2);
    expect(stderr).not.toContain("file-too-large");
  });

  it("gives the errors document with --format json, in Vietnamese by default", () => {
    const file = tempFile("big.yaml", SMALL, LIMIT + 1);
    const { code, stdout } = run(["check", file, "--format", "json"]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).errors).toEqual([
      {
        code: "file-too-large",
        message: `Tệp có 20.971.521 byte, vượt giới hạn 20.971.520 byte (20 MB); tách tệp hoặc nâng giới hạn bằng --max-size`,
        file,
        line: null,
        column: null,
        path: "",
      },
    ]);
  });

  it.each([
    [["--max-size", "100"], 2],
    [["--max-size", String(SMALL.length + 10)], 0],
    [["--max-size", "1MB"], 0],
    [["--max-size", "1 mb"], 0],
  ])("--max-size %j: exit %i", (args, expected) => {
    const { code, stderr } = run(["check", tempFile("lich.yaml", SMALL), "--lang", "en", ...args]);
    expect(code, stderr).toBe(expected);
    if (expected === 2) expect(stderr).toContain("the limit of 100 bytes; split it or raise the limit with --max-size [file-too-large]");
  });

  it("--max-size 30MB reads a file the default limit refuses", () => {
    const { stderr } = run(["check", tempFile("big.yaml", SMALL, LIMIT + 1), "--max-size", "30MB"]);
    expect(stderr).not.toContain("file-too-large");
  });

  it("applies the limit to every merged file and to --base files", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-size-dir-"));
    writeFileSync(join(dir, "a.yaml"), SMALL);
    writeFileSync(join(dir, "b.yaml"), "version: 1\nbodies: [{ id: ubnd, name: UBND }]\n");
    truncateSync(join(dir, "b.yaml"), LIMIT + 1);
    expect(run(["check", dir, "--format", "json"]).stdout).toContain('"file-too-large"');
    const base = run(["check", join(dir, "a.yaml"), "--base", join(dir, "b.yaml")]);
    expect(base.code).toBe(0);
    expect(base.stderr).toBe("lichhop: bản gốc có tệp quá lớn (1 lỗi); mọi xung đột được tính là mới\n");
  });

  it("reads a pipe only up to the limit", () => {
    // A shell pipe: Node gives a child's stdin as a socket, which /dev/stdin cannot open.
    const writer = `${JSON.stringify(process.execPath)} -e "process.stdout.write('#'.repeat(1 << 20))"`;
    const reader = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check /dev/stdin --max-size 100 --lang en`;
    // The writer fails with EPIPE once the reader stops: its stderr is not the CLI's.
    const result = spawnSync("sh", ["-c", `${writer} 2>/dev/null | ${reader}`], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "/dev/stdin: the file has more than the limit of 100 bytes; split it or raise the limit with --max-size [file-too-large]\n",
    );
  });

  it.each([["0"], ["-5"], ["12KB"], ["1.5MB"], ["501MB"], ["lots"]])("refuses --max-size %s", (value) => {
    const { code, stderr } = run(["check", tempFile("lich.yaml", SMALL), `--max-size=${value}`, "--lang", "en"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--max-size ${value}: expected a number of bytes`);
  });
});
