// What `lichhop ics`, `lichhop serve` and `lichhop check --base` say as they work, in the
// language of --lang, else the file's locale: the built binary, as users run it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ENGLISH } from "../helpers/english";

vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = "examples/lang-son-2024.yaml";

const run = (args: string[]) =>
  spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1704067200" } });

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-lines-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A Vietnamese line without its paths and the option names it may quote. */
const words = (line: string, dir: string) => line.split(dir).join("").replace(/\/\S+/g, "");

describe("lichhop ics lists what it wrote", () => {
  it("in Vietnamese by the file's locale: events and bytes in words, thousands grouped, no English", () => {
    const out = fresh();
    const { status, stdout, stderr } = run(["ics", EXAMPLE, "--out", out]);
    expect(status, stderr).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const all = lines.find((line) => line.startsWith(join(out, "all.ics")));
    const bytes = statSync(join(out, "all.ics")).size;
    expect(bytes).toBeGreaterThan(1000);
    expect(all).toMatch(new RegExp(` sự kiện  ${bytes.toLocaleString("de-DE")} byte$`));
    expect(lines.at(-1)).toMatch(/^\d+ tệp lịch, \d+ xung đột$/);
    for (const line of lines) {
      expect(line).not.toContain("VEVENT");
      expect(words(line, out)).not.toMatch(ENGLISH);
    }
  });

  it("in English with --lang en, as before", () => {
    const out = fresh();
    const { status, stdout } = run(["ics", EXAMPLE, "--out", out, "--lang", "en"]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const bytes = readFileSync(join(out, "all.ics")).length;
    expect(lines.find((line) => line.startsWith(join(out, "all.ics")))).toMatch(new RegExp(`^\\S+\\s+\\d+ VEVENT  ${bytes} B$`));
    expect(lines.at(-1)).toMatch(/^\d+ feeds, \d+ conflicts$/);
  });

  it("in English for an English file", () => {
    const file = join(fresh(), "lich.yaml");
    writeFileSync(file, readFileSync(EXAMPLE, "utf8").replace(/^locale: vi$/m, "locale: en"));
    const { status, stdout } = run(["ics", file, "--out", fresh()]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\d+ feeds, \d+ conflicts\n$/);
  });
});

/** Starts `lichhop serve` and resolves its first stdout and stderr once `until` holds; kills it. */
async function serve(args: string[], until: (out: { stdout: string; stderr: string }) => boolean) {
  const child = spawn(process.execPath, ["dist/cli.js", "serve", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const seen = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (seen.stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (seen.stderr += chunk.toString("utf8")));
  try {
    await vi.waitFor(() => expect(until(seen)).toBe(true), { timeout: 30_000, interval: 50 });
    return seen;
  } finally {
    child.kill();
  }
}

describe("lichhop serve says what it serves", () => {
  it("in Vietnamese by the file's locale", async () => {
    const { stdout } = await serve([EXAMPLE, "--port", "0"], (seen) => seen.stdout.includes("http://"));
    const [first] = stdout.split("\n");
    expect(first).toMatch(/^lichhop serve: \d+ tệp lịch, \d+ xung đột$/);
    expect(first).not.toMatch(ENGLISH);
  });

  it("in English with --lang en", async () => {
    const { stdout } = await serve([EXAMPLE, "--port", "0", "--lang", "en"], (seen) => seen.stdout.includes("http://"));
    expect(stdout.split("\n")[0]).toMatch(/^lichhop serve: \d+ feeds, \d+ conflicts$/);
  });

  describe("a port already taken", () => {
    let taken: Server;
    let port = 0;
    afterAll(() => taken?.close());

    it("is said in Vietnamese, with what to do, and in English with the system's words", async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
      port = (taken.address() as { port: number }).port;
      const vi = await serve([EXAMPLE, "--port", String(port)], (seen) => seen.stderr.includes("\n"));
      expect(vi.stderr).toBe(
        `lichhop serve: Không mở được cổng 127.0.0.1:${port}: cổng này đang được một chương trình khác sử dụng; chọn --port khác\n`,
      );
      const en = await serve([EXAMPLE, "--port", String(port), "--lang", "en"], (seen) => seen.stderr.includes("\n"));
      expect(en.stderr).toMatch(new RegExp(`^lichhop serve: cannot listen on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE`));
    });
  });
});

describe("lichhop check --base with an unusable base", () => {
  it.each([
    ["vi", [], "lichhop: bản gốc không phải lịch họp hợp lệ (1 lỗi); mọi xung đột được tính là mới\n"],
    ["en", ["--lang", "en"], "lichhop: the base is not a valid schedule (1 issue(s)); every conflict counts as new\n"],
  ])("says so in %s and counts every conflict as new", (_, lang, note) => {
    const base = join(fresh(), "base.yaml");
    writeFileSync(base, "version: 2\n");
    const { status, stderr } = run(["check", EXAMPLE, "--base", base, ...lang]);
    expect(status).toBe(1);
    expect(stderr).toBe(note);
    if (lang.length === 0) expect(stderr).not.toMatch(ENGLISH);
  });
});
