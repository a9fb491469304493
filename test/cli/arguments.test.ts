import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

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
    [["check", "--form", "json", "x.yaml"], "Tùy chọn không hợp lệ --form; có phải --format? [invalid-value]"],
    [["check", "--form", "json", "x.yaml", "--lang", "en"], "unknown option --form; did you mean --format? [invalid-value]"],
    [["check", "x.yaml", "--fial-on=never", "--lang=en"], "unknown option --fial-on; did you mean --fail-on? [invalid-value]"],
    [["check", "x.yaml", "-q"], "Tùy chọn không hợp lệ -q; xem lichhop --help [invalid-value]"],
    [["check", "x.yaml", "--detail=yes"], 'Tùy chọn --detail không nhận giá trị; bỏ phần sau dấu "=" [invalid-value]'],
    [["check", "x.yaml", "--out"], "Tùy chọn --out cần một giá trị, ví dụ --out GIÁ_TRỊ [invalid-value]"],
    [["chek", "x.yaml"], 'Lệnh không hợp lệ "chek"; có phải lichhop check? [invalid-value]'],
    [["daysoff", "--lang", "en"], 'unknown command "daysoff"; did you mean lichhop days-off? [invalid-value]'],
    [["frobnicate"], 'Lệnh không hợp lệ "frobnicate"; xem lichhop --help [invalid-value]'],
  ])("%j is refused in the language of --lang, else Vietnamese, naming the nearest", (args, text) => {
    const { code, stdout, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${text}\n`);
  });
});
