import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFeedHandler } from "../../src/server";
import { createFeedHandlerWith, type FeedHandler } from "../../src/server/handler";
import { workerRebuild } from "../../src/server/reload";
import { inProcessHandler, workerHandler } from "../helpers/server";

// Slow on purpose (reload workers): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// These run the reload worker of the build (npm test builds first).
const EXAMPLE = "examples/lang-son-2024.yaml";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-reload-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const bodies = (handler: FeedHandler): Map<string, string> => {
  const out = new Map<string, string>();
  for (const path of [...handler.state().feeds.map((feed) => `/${feed.path}`), "/report.json"]) {
    handler(
      { method: "GET", url: path, headers: {} } as never,
      { writeHead: () => {}, end: (body: Buffer) => out.set(path, body.toString("utf8")) } as never,
    );
  }
  return out;
};

describe("the reload worker", () => {
  it("builds the same bytes as a build on the calling thread, asking the main thread's vtimezone source", async () => {
    const file = join(dir, "same.yaml");
    copyFileSync(EXAMPLE, file);
    const asked: string[] = [];
    const vtimezone = (zone: string) => {
      asked.push(zone);
      return `BEGIN:VTIMEZONE\nTZID:${zone}\nX-FROM-MAIN:yes\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0700\nTZOFFSETTO:+0700\nEND:STANDARD\nEND:VTIMEZONE`;
    };
    const options = { file, watch: false, stamp: 0, vtimezone, uidDomain: "hdnd.langson.gov.vn" } as const;
    const inWorker = workerHandler(options);
    const here = inProcessHandler(options);
    writeFileSync(file, readFileSync(EXAMPLE, "utf8").replace("Phiên họp UBND tỉnh thường kỳ", "Phiên họp UBND tỉnh thường kỳ (sửa)"));
    asked.length = 0;
    expect(await inWorker.reload()).toBe(true);
    expect(asked).toContain("Asia/Ho_Chi_Minh");
    expect(await here.reload()).toBe(true);
    const a = bodies(inWorker);
    const b = bodies(here);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, body] of a) expect(body, path).toBe(b.get(path));
    expect(a.get("/all.ics")).toContain("X-FROM-MAIN:yes");
    expect(a.get("/all.ics")).toContain("(sửa)");
    expect(inWorker.state().report).toEqual(here.state().report);
  });

  it("reports a worker that cannot start, and keeps serving", async () => {
    const file = join(dir, "missing-worker.yaml");
    copyFileSync(EXAMPLE, file);
    const handler = createFeedHandlerWith({ file, watch: false }, (limits, vtimezone) =>
      workerRebuild(new URL("./no-such-worker.js", import.meta.url), limits, vtimezone),
    );
    const feeds = handler.state().feeds;
    expect(await handler.reload()).toBe(false);
    expect(handler.state().error).toMatch(/không khởi động được tiến trình nạp lại .*no-such-worker\.js/);
    expect(handler.state().feeds).toBe(feeds);
  });

  it("looks for its worker beside the running module (not found beside the sources)", async () => {
    const file = join(dir, "sources.yaml");
    copyFileSync(EXAMPLE, file);
    const handler = createFeedHandler({ file, watch: false });
    expect(await handler.reload()).toBe(false);
    expect(handler.state().error).toMatch(/src\/server\/reload-worker\.js/);
  });
});
