// A schedule saved while `serve` runs could stall every request (its check ran on the main
// thread) or kill the server (a check that grows the heap to the process's limit). Reloads now
// run in a worker with a time and a memory limit; these tests run the built worker.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FeedHandler } from "../../src/server";
import { hostileSchedule, listen, RAISED_LIMITS, workerHandler } from "../helpers/server";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = "examples/lang-son-2024.yaml";
const edited = (tag: string) =>
  readFileSync(EXAMPLE, "utf8").replace("Phiên họp UBND tỉnh thường kỳ", `Phiên họp UBND tỉnh thường kỳ (${tag})`);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-hostile-reload-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Serves a good file, replaces it with the hostile one and reloads; checks that a request made
 * while the reload runs is answered with the last good feed before the reload ends, that the
 * reload fails with an error matching `cause`, and that a later good file is served.
 */
async function survives(name: string, limits: { reloadTimeout: number; reloadMemoryMb: number }, cause: RegExp): Promise<void> {
  const file = join(dir, name);
  copyFileSync(EXAMPLE, file);
  const logs: string[] = [];
  const handler: FeedHandler = workerHandler({ file, watch: false, ...limits, limits: RAISED_LIMITS, log: (line) => logs.push(line) });
  const { base, stop } = await listen(handler);
  try {
    const good = await (await fetch(`${base}/all.ics`)).text();
    writeFileSync(file, hostileSchedule());
    let settled = false;
    const pending = handler.reload().finally(() => (settled = true));
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/all.ics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(good);
      expect((await fetch(`${base}/`)).status).toBe(200);
    }
    // Answered while the reload still ran: nothing waited for it.
    expect(settled).toBe(false);
    expect(await pending).toBe(false);
    expect(handler.state().error).toMatch(cause);
    expect(handler.state().error).toContain(name);
    expect(await (await fetch(`${base}/all.ics`)).text()).toBe(good);
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('class="error"');
    expect(page).toMatch(cause);
    expect(logs.join("\n")).toMatch(cause);

    writeFileSync(file, edited("later"));
    expect(await handler.reload()).toBe(true);
    expect(handler.state().error).toBeUndefined();
    expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(later)");
  } finally {
    await stop();
  }
}

describe("a change whose check cannot finish", () => {
  it("is stopped at the time limit, while requests get the last good feeds; a later good file is served", async () => {
    await survives(
      "slow.yaml",
      { reloadTimeout: 5000, reloadMemoryMb: 4096 },
      /lần nạp lại chạy quá 5\.000 mili giây \(giới hạn reloadTimeout\)/,
    );
  }, 60_000);

  it("is stopped at the memory limit (the worker, not the server, runs out), and a later good file is served", async () => {
    await survives(
      "greedy.yaml",
      { reloadTimeout: 120_000, reloadMemoryMb: 64 },
      /lần nạp lại dùng quá 64 MB bộ nhớ \(giới hạn reloadMemoryMb\)/,
    );
  }, 150_000);
});

describe("a hostile file saved while the file is watched", () => {
  it("never stops the server: the watcher's reload fails in its worker, and the next good save is served", async () => {
    const file = join(dir, "watched.yaml");
    copyFileSync(EXAMPLE, file);
    const handler = workerHandler({ file, pollInterval: 50, reloadTimeout: 120_000, reloadMemoryMb: 64, limits: RAISED_LIMITS });
    const { base, stop } = await listen(handler);
    try {
      const good = await (await fetch(`${base}/all.ics`)).text();
      writeFileSync(file, hostileSchedule());
      await vi.waitFor(
        async () => {
          expect(await (await fetch(`${base}/all.ics`)).text()).toBe(good);
          expect(handler.state().error).toMatch(/dùng quá \d+ MB bộ nhớ/);
        },
        { timeout: 120_000, interval: 100 },
      );
      writeFileSync(file, edited("saved"));
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(saved)"), {
        timeout: 30_000,
        interval: 50,
      });
      expect(handler.state().error).toBeUndefined();
    } finally {
      await stop();
    }
  }, 180_000);
});
