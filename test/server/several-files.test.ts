// The feed server takes several schedule files, or a directory of them (one file per body), and
// serves them merged as `lichhop ics` merges them; every file and directory is watched.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src/errors";
import { createFeedHandler, type FeedHandler } from "../../src/server";
import { runCli } from "../helpers/cli";
import { inProcessHandler } from "../helpers/server";

// Slow on purpose (watches, the built CLI and its reload worker): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const MULTI = "test/fixtures/ci/schedules/multi";
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A new folder holding the two files of the multi fixture (hdnd.yaml, ubnd.yaml), and maybe more. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-serve-many-"));
  dirs.push(dir);
  for (const name of ["hdnd.yaml", "ubnd.yaml"]) copyFileSync(join(MULTI, name), join(dir, name));
  return dir;
}

/** The body of a GET, answered by the handler itself. */
function get(handler: FeedHandler, path: string): string | undefined {
  let status = 0;
  let out: string | undefined;
  handler(
    { method: "GET", url: path, headers: {} } as never,
    { writeHead: (code: number) => (status = code), end: (body: Buffer) => (out = body?.toString("utf8")) } as never,
  );
  return status === 200 ? out : undefined;
}

/** Every file under `dir`, by its path relative to it. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return out;
}

const ubndEdit = (dir: string, title: string) =>
  writeFileSync(join(dir, "ubnd.yaml"), readFileSync(join(MULTI, "ubnd.yaml"), "utf8").replace("UBND họp chuyên đề", title));

describe("serving several files", () => {
  it("serves the feeds lichhop ics writes for the same files, byte for byte", () => {
    const dir = folder();
    const files = [join(dir, "hdnd.yaml"), join(dir, "ubnd.yaml")];
    const out = join(dir, "out");
    const written = runCli(["ics", ...files, "--out", out], { ...process.env, SOURCE_DATE_EPOCH: "0" });
    expect(written.code, written.stderr).toBe(0);
    const handler = inProcessHandler({ files, watch: false, stamp: 0 });
    try {
      const feeds = tree(out);
      expect([...feeds.keys()].sort()).toEqual(
        handler
          .state()
          .feeds.map((feed) => feed.path)
          .sort(),
      );
      for (const [path, ics] of feeds) expect(get(handler, `/${path}`), path).toBe(ics);
      // One body from each file.
      expect(get(handler, "/body/tt-hdnd.ics")).toContain("SUMMARY:Giao ban Thường trực HĐND");
      expect(get(handler, "/body/ubnd.ics")).toContain("SUMMARY:UBND họp chuyên đề");
    } finally {
      handler.close();
    }
  });

  it("reloads when the second file changes", async () => {
    const dir = folder();
    const handler = inProcessHandler({ files: [join(dir, "hdnd.yaml"), join(dir, "ubnd.yaml")], pollInterval: 50 });
    try {
      ubndEdit(dir, "UBND họp chuyên đề (sửa)");
      await vi.waitFor(() => expect(get(handler, "/all.ics")).toContain("UBND họp chuyên đề (sửa)"), { timeout: 10_000 });
      expect(get(handler, "/all.ics")).toContain("Giao ban Thường trực HĐND");
    } finally {
      handler.close();
    }
  });

  it("keeps the last good feeds after a bad edit to one file, and logs the issue at that file", async () => {
    const dir = folder();
    const logs: string[] = [];
    const handler = inProcessHandler({
      files: [join(dir, "hdnd.yaml"), join(dir, "ubnd.yaml")],
      pollInterval: 50,
      log: (line) => logs.push(line),
    });
    try {
      const good = get(handler, "/all.ics");
      // A body no file declares.
      writeFileSync(join(dir, "ubnd.yaml"), readFileSync(join(MULTI, "ubnd.yaml"), "utf8").replace("body: ubnd", "body: so-khong-co"));
      await vi.waitFor(() => expect(handler.state().error).toBeDefined(), { timeout: 10_000 });
      expect(handler.state().error).toMatch(/ubnd\.yaml:\d+:\d+: .*so-khong-co/);
      expect(handler.state().error).not.toContain("hdnd.yaml");
      expect(get(handler, "/all.ics")).toBe(good);
      // The multi fixture is in English: so is the log.
      expect(logs.join("\n")).toMatch(/hdnd\.yaml, .*ubnd\.yaml: invalid, still serving the last good feeds:\n.*ubnd\.yaml:\d+:\d+: /);
      ubndEdit(dir, "UBND họp chuyên đề (sửa lại)");
      await vi.waitFor(() => expect(handler.state().error).toBeUndefined(), { timeout: 10_000 });
      expect(get(handler, "/all.ics")).toContain("(sửa lại)");
    } finally {
      handler.close();
    }
  });

  it("serves a directory: its schedule files merged, a file added or removed there reloads", async () => {
    const dir = folder();
    writeFileSync(join(dir, "notes.txt"), "not a schedule\n");
    const handler = inProcessHandler({ files: [dir], pollInterval: 50 });
    try {
      expect(get(handler, "/body/ubnd.ics")).toContain("SUMMARY:UBND họp chuyên đề");
      const more = [
        "version: 1",
        "meetings:",
        "  - { id: ubnd-them, title: UBND họp thêm, body: ubnd, start: 2024-03-20T14:00, duration: PT1H }",
        "",
      ].join("\n");
      writeFileSync(join(dir, "them.yaml"), more);
      await vi.waitFor(() => expect(get(handler, "/body/ubnd.ics")).toContain("SUMMARY:UBND họp thêm"), { timeout: 10_000 });
      unlinkSync(join(dir, "them.yaml"));
      await vi.waitFor(() => expect(get(handler, "/body/ubnd.ics")).not.toContain("SUMMARY:UBND họp thêm"), { timeout: 10_000 });
      // Each file of the directory is watched too.
      ubndEdit(dir, "UBND họp chuyên đề (trong thư mục)");
      await vi.waitFor(() => expect(get(handler, "/all.ics")).toContain("(trong thư mục)"), { timeout: 10_000 });
    } finally {
      handler.close();
    }
  });

  it("names the directory when its last schedule file is gone, and keeps serving", async () => {
    const dir = folder();
    const inner = join(dir, "lich");
    mkdirSync(inner);
    copyFileSync(join(MULTI, "hdnd.yaml"), join(inner, "hdnd.yaml"));
    const handler = inProcessHandler({ files: [inner, join(dir, "ubnd.yaml")], watch: false, lang: "en" });
    try {
      unlinkSync(join(inner, "hdnd.yaml"));
      expect(await handler.reload()).toBe(false);
      expect(handler.state().error).toContain(`${inner}: no *.yaml, *.yml or *.json schedule files in this directory`);
      expect(get(handler, "/body/tt-hdnd.ics")).toContain("Giao ban Thường trực HĐND");
    } finally {
      handler.close();
    }
  });

  it.each([
    ["neither file nor files", {}],
    ["both file and files", { file: `${MULTI}/hdnd.yaml`, files: [`${MULTI}/ubnd.yaml`] }],
    ["an empty files", { files: [] }],
    ["files that is not a list", { files: `${MULTI}/hdnd.yaml` }],
    ["an empty path in files", { files: [`${MULTI}/hdnd.yaml`, ""] }],
  ])("refuses %s with a UsageError", (_what, options) => {
    expect(() => createFeedHandler({ ...(options as object), watch: false })).toThrow(UsageError);
  });

  it("says which of file and files it expected", () => {
    expect(() => createFeedHandler({ watch: false })).toThrow(/^createFeedHandler: expected file .* or files .*, exactly one of them/);
  });
});

describe("lichhop serve FILE|DIR...", () => {
  /** Starts the built CLI serving `args`; resolves to its base URL, its stderr so far and a stop. */
  async function serve(args: readonly string[]) {
    const child = spawn(process.execPath, ["dist/cli.js", "serve", ...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const stderr: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
    const stop = () => {
      child.kill("SIGTERM");
    };
    try {
      await vi.waitFor(() => expect(stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 20_000 });
    } catch (error) {
      stop();
      throw new Error(`${String(error)}\n${stderr.join("")}`);
    }
    return { base: /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0] as string, stderr, stop };
  }

  it("serves two files merged, and reloads (in its worker) when the second changes", async () => {
    const dir = folder();
    const { base, stderr, stop } = await serve([join(dir, "hdnd.yaml"), join(dir, "ubnd.yaml")]);
    try {
      expect(await (await fetch(`${base}/body/ubnd.ics`)).text()).toContain("SUMMARY:UBND họp chuyên đề");
      expect(await (await fetch(`${base}/body/tt-hdnd.ics`)).text()).toContain("SUMMARY:Giao ban Thường trực HĐND");
      ubndEdit(dir, "UBND họp chuyên đề (sửa)");
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(sửa)"), { timeout: 20_000 });
      expect(stderr.join("")).toMatch(/lichhop serve: .*hdnd\.yaml, .*ubnd\.yaml: reloaded: \d+ feeds/);
    } finally {
      stop();
    }
  });

  it("serves a directory", async () => {
    const dir = folder();
    const { base, stop } = await serve([dir]);
    try {
      const index = await (await fetch(`${base}/`)).text();
      expect(index).toContain('href="body/tt-hdnd.ics"');
      expect(index).toContain('href="body/ubnd.ics"');
    } finally {
      stop();
    }
  });
});
