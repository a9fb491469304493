// The serve log and the index page printed titles, names and messages raw: a schedule could end
// a log line and start a forged one (`::error::` is a GitHub Actions command), clear the
// terminal (ESC[2J) or reorder what a reader sees (U+202E). Every line is now made inert.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessHandler, listen, workerHandler } from "../helpers/server";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const HOSTILE = "x\n::error::pwned \u001b[2J \u202E";
const RAW = ["\n::error::", "\u001b", "\u202E"];
const EXAMPLE = readFileSync("examples/lang-son-2024.yaml", "utf8");
/** A valid schedule with the hostile text in a meeting title and in the names on the index. */
const good = EXAMPLE.replace("name: UBND tỉnh,", `name: ${JSON.stringify(`UBND ${HOSTILE}`)},`)
  .replace("name: Đoàn Thị Hậu,", `name: ${JSON.stringify(`Hậu ${HOSTILE}`)},`)
  .replace("title: Phiên họp thường kỳ Thường trực HĐND tỉnh", `title: ${JSON.stringify(`Phiên họp ${HOSTILE}`)}`);
/** An invalid schedule whose issue message quotes the hostile text (an unknown field's name). */
const invalid = `version: 1\n${JSON.stringify(HOSTILE)}: 1\n`;

const expectInert = (text: string | undefined, where: string) => {
  for (const raw of RAW) expect(text ?? "", `${where} holds ${JSON.stringify(raw)}`).not.toContain(raw);
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-inert-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ["on the calling thread", inProcessHandler],
  ["in the built worker", workerHandler],
])("control characters from the schedule (reloads %s)", (_where, create) => {
  it("never reach the log, the error or the index page raw", async () => {
    // The file's own name is hostile too: it starts every log line.
    const file = join(dir, `${create.name}-lich${HOSTILE}.yaml`);
    writeFileSync(file, good);
    const logs: string[] = [];
    const handler = create({ file, watch: false, log: (line) => logs.push(line) });
    const { base, stop } = await listen(handler);
    try {
      const page = await (await fetch(`${base}/`)).text();
      expect(page).toContain("UBND x\\n::error::pwned \\u001B[2J \\u202E");
      expectInert(page, "the index page");

      writeFileSync(file, invalid);
      expect(await handler.reload()).toBe(false);
      const error = handler.state().error;
      expect(error).toContain("x\\n::error::pwned \\u001B[2J \\u202E");
      expectInert(error, "state().error");
      const failed = await (await fetch(`${base}/`)).text();
      expect(failed).toContain('class="error"');
      expectInert(failed, "the index page with the error");

      writeFileSync(file, good);
      expect(await handler.reload()).toBe(true);
      expect(logs.some((line) => line.includes("đã nạp lại"))).toBe(true);
      expect(logs.some((line) => line.includes("tệp không hợp lệ"))).toBe(true);
      for (const line of logs) expectInert(line, "a log message");
    } finally {
      await stop();
    }
  });
});

describe("lichhop serve", () => {
  it("prefixes every stderr line and writes none raw (the CLI's own reload worker)", async () => {
    const file = join(dir, "cli.yaml");
    writeFileSync(file, good);
    const child = spawn(process.execPath, ["dist/cli.js", "serve", file, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    try {
      await vi.waitFor(() => expect(stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 20_000 });
      const base = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0] as string;
      writeFileSync(file, invalid);
      await vi.waitFor(() => expect(stderr).toContain("pwned"), { timeout: 30_000, interval: 50 });
      writeFileSync(file, good);
      await vi.waitFor(() => expect(stderr).toContain("đã nạp lại"), { timeout: 30_000, interval: 50 });
      expect(stderr).toContain("tệp không hợp lệ, vẫn phục vụ các tệp lịch hợp lệ gần nhất");
      expectInert(stderr, "stderr");
      const lines = stderr.split("\n").filter(Boolean);
      for (const line of lines) expect(line.startsWith("lichhop serve: "), line).toBe(true);
      expectInert(await (await fetch(`${base}/`)).text(), "the index page");
    } finally {
      child.kill();
    }
  }, 60_000);
});
