import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src/errors";
import { createFeedHandler, type FeedHandler } from "../../src/server";
import { buildInProcess } from "../../src/server/build";
import { createFeedHandlerWith } from "../../src/server/handler";
import type { Rebuild } from "../../src/server/reload";
import { inProcessHandler, listen } from "../helpers/server";

// Slow on purpose (HTTP round trips): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = "examples/lang-son-2024.yaml";

let dir: string;
let file: string;
let server: Server;
let handler: FeedHandler;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-serve-"));
  file = join(dir, "lich.yaml");
  copyFileSync(EXAMPLE, file);
  utimesSync(file, new Date("2024-01-01T00:00:00Z"), new Date("2024-01-01T00:00:00Z"));
  handler = inProcessHandler({ file, log: (line) => logs.push(line) });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  handler.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request: fetch would normalise `..` away before it reaches the server. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("serving feeds", () => {
  it("serves every feed as text/calendar with a strong ETag and Last-Modified", async () => {
    for (const feed of handler.state().feeds) {
      const res = await fetch(`${base}/${feed.path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(res.headers.get("last-modified")).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
      const text = await res.text();
      expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    }
  });

  it("answers 304 to If-None-Match (also weak and listed tags) and If-Modified-Since", async () => {
    const first = await fetch(`${base}/all.ics`);
    const etag = first.headers.get("etag") as string;
    for (const value of [etag, `W/${etag}`, `"nope", ${etag}`, "*"]) {
      const res = await fetch(`${base}/all.ics`, { headers: { "If-None-Match": value } });
      expect(res.status, value).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(await res.text()).toBe("");
    }
    expect((await fetch(`${base}/all.ics`, { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
    const lastModified = first.headers.get("last-modified") as string;
    expect((await fetch(`${base}/all.ics`, { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    expect((await fetch(`${base}/all.ics`, { headers: { "If-Modified-Since": "Sun, 31 Dec 2023 00:00:00 GMT" } })).status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const get = await fetch(`${base}/all.ics`);
    const head = await fetch(`${base}/all.ics`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(await get.text())));
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(await head.text()).toBe("");
  });

  it("serves an HTML index with webcal:// links and the conflict count, and /report.json", async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    const host = new URL(base).host;
    expect(html).toContain(`href="webcal://${host}/all.ics"`);
    expect(html).toContain(`href="webcal://${host}/person/doan-thi-hau.ics"`);
    const report = (await (await fetch(`${base}/report.json`)).json()) as { version: number; summary: { conflicts: number } };
    expect(report.version).toBe(1);
    expect(html).toContain(`data-count="${report.summary.conflicts}"`);
  });

  it.each([
    "/nope",
    "/all.ics/",
    "/../package.json",
    "/body/../all.ics",
    "/%2e%2e/package.json",
    "/body/%2F..%2Fall.ics",
    "//all.ics",
    "/person/",
    "/ALL.ICS",
  ])("answers 404 to %s", async (path) => {
    expect(await rawGet(path)).toBe(404);
  });

  it("answers 405 to other methods and 400 to a malformed path", async () => {
    const post = await fetch(`${base}/all.ics`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    expect(await rawGet("/%E0%A4%A")).toBe(400);
  });
});

describe("watching the file", () => {
  it("serves a valid change at once, with a new ETag and a later Last-Modified", async () => {
    const before = await fetch(`${base}/all.ics`);
    const etag = before.headers.get("etag");
    const text = readFileSync(EXAMPLE, "utf8").replace("Phiên họp UBND tỉnh thường kỳ", "Phiên họp UBND tỉnh thường kỳ (sửa)");
    writeFileSync(file, text);
    // Make the file look older than what is served: Last-Modified must still move forward.
    utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    await waitFor(async () => (await fetch(`${base}/all.ics`)).headers.get("etag") !== etag);
    const after = await fetch(`${base}/all.ics`);
    expect(await after.text()).toContain("(sửa)");
    expect(Date.parse(after.headers.get("last-modified") as string)).toBeGreaterThan(
      Date.parse(before.headers.get("last-modified") as string),
    );
  });

  it("keeps the last good feeds when the change is invalid, and shows the error on the index and in the log", async () => {
    const good = await (await fetch(`${base}/all.ics`)).text();
    writeFileSync(file, "version: 1\nmeetings: [ { id: BAD } \n");
    await waitFor(() => handler.state().error !== undefined);
    expect(await (await fetch(`${base}/all.ics`)).text()).toBe(good);
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('class="error"');
    expect(html).toContain("lich.yaml");
    // The example is in Vietnamese: so is the log.
    expect(logs.some((line) => line.includes("lich.yaml: tệp không hợp lệ, vẫn phục vụ các tệp lịch hợp lệ gần nhất:"))).toBe(true);
    copyFileSync(EXAMPLE, file);
    await waitFor(() => handler.state().error === undefined);
    expect(await (await fetch(`${base}/`)).text()).not.toContain('class="error"');
  });
});

describe("createFeedHandler", () => {
  it("keeps the validators of a feed whose bytes did not change (fixed stamp, manual reload)", async () => {
    const own = join(dir, "own.yaml");
    copyFileSync(EXAMPLE, own);
    const h = inProcessHandler({ file: own, watch: false, stamp: 0 });
    const seen = new Map<string, string>();
    const capture = () => {
      const out = new Map<string, string>();
      for (const feed of h.state().feeds) {
        let headers: Record<string, unknown> = {};
        h(
          { method: "HEAD", url: `/${feed.path}`, headers: {} } as never,
          {
            writeHead: (_status: number, hs: Record<string, unknown>) => (headers = hs),
            end: () => {},
          } as never,
        );
        out.set(feed.path, `${String(headers.ETag)} ${String(headers["Last-Modified"])}`);
      }
      return out;
    };
    for (const [k, v] of capture()) seen.set(k, v);
    writeFileSync(own, readFileSync(EXAMPLE, "utf8").replace("Phiên họp UBND tỉnh thường kỳ", "Phiên họp UBND tỉnh (sửa)"));
    expect(await h.reload()).toBe(true);
    const after = capture();
    expect(after.get("person/chu-tich-ubmttq.ics")).toBe(seen.get("person/chu-tich-ubmttq.ics"));
    expect(after.get("body/ubnd.ics")).not.toBe(seen.get("body/ubnd.ics"));
  });

  it("passes conflictNotes: false to the feeds it builds", async () => {
    const h = inProcessHandler({ file, watch: false, stamp: 0, conflictNotes: false });
    const { base: own, stop } = await listen(h);
    try {
      const all = (await (await fetch(`${own}/all.ics`)).text()).replace(/\r\n[ \t]/g, "");
      expect(all).not.toContain("⚠ Trùng lịch:\\n- ");
      expect(await (await fetch(`${base}/all.ics`)).text()).toContain("⚠ Trùng lịch:");
      expect(await (await fetch(`${own}/conflicts.ics`)).text()).toContain("X-LICHHOP-FINDING:");
    } finally {
      await stop();
    }
  });

  it("throws a ScheduleError when the file is invalid at start", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "version: 2\n");
    expect(() => createFeedHandler({ file: bad, watch: false })).toThrow(/version/);
  });

  it("escapes the Host header and falls back to relative links when it is not a host", async () => {
    const res = await new Promise<string>((resolve, reject) => {
      const req = request(`${base}/`, { headers: { Host: 'evil"><script>' } }, (r) => {
        let body = "";
        r.on("data", (c) => (body += c));
        r.on("end", () => resolve(body));
      });
      req.on("error", reject);
      req.end();
    });
    expect(res).not.toContain("<script>");
    expect(res).not.toContain("webcal://");
    expect(res).toContain('href="all.ics"');
  });
});

describe("reloading", () => {
  /** Reloads that wait for the test to open their gate, then build in-process. */
  function gated() {
    const gates: (() => void)[] = [];
    const cancelled: number[] = [];
    const rebuild: Rebuild = (request) => {
      const index = gates.length;
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      gates.push(open);
      return {
        result: opened.then(() => buildInProcess(request, undefined)),
        cancel: () => {
          cancelled.push(index);
          open();
        },
      };
    };
    return { gates, cancelled, rebuild };
  }

  it("runs one reload at a time: calls during one share the single reload after it", async () => {
    const own = join(dir, "coalesce.yaml");
    copyFileSync(EXAMPLE, own);
    const { gates, rebuild } = gated();
    const h = createFeedHandlerWith({ file: own, watch: false }, () => rebuild);
    const first = h.reload();
    const second = h.reload();
    const third = h.reload();
    expect(gates).toHaveLength(1);
    gates[0]?.();
    expect(await first).toBe(true);
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    const fourth = h.reload();
    gates[1]?.();
    expect(await second).toBe(true);
    expect(await third).toBe(true);
    await vi.waitFor(() => expect(gates).toHaveLength(3));
    gates[2]?.();
    expect(await fourth).toBe(true);
    expect(gates).toHaveLength(3);
    h.close();
  });

  it("answers requests from the current feeds while a reload runs", async () => {
    const own = join(dir, "during.yaml");
    copyFileSync(EXAMPLE, own);
    const { gates, rebuild } = gated();
    const h = createFeedHandlerWith({ file: own, watch: false }, () => rebuild);
    const body = () => {
      let out = "";
      h(
        { method: "GET", url: "/all.ics", headers: {} } as never,
        { writeHead: () => {}, end: (b: Buffer) => (out = b.toString("utf8")) } as never,
      );
      return out;
    };
    const before = body();
    writeFileSync(own, readFileSync(EXAMPLE, "utf8").replace("Phiên họp UBND tỉnh thường kỳ", "Phiên họp UBND tỉnh (mới)"));
    const pending = h.reload();
    expect(body()).toBe(before);
    gates[0]?.();
    expect(await pending).toBe(true);
    expect(body()).toContain("(mới)");
    h.close();
  });

  it("stops a reload under way on close(), keeps serving, and resolves later reloads to false", async () => {
    const own = join(dir, "closing.yaml");
    copyFileSync(EXAMPLE, own);
    const { gates, cancelled, rebuild } = gated();
    const h = createFeedHandlerWith({ file: own, watch: false }, () => rebuild);
    const feeds = h.state().feeds;
    const pending = h.reload();
    const queued = h.reload();
    h.close();
    expect(cancelled).toEqual([0]);
    expect(await pending).toBe(false);
    expect(await queued).toBe(false);
    expect(await h.reload()).toBe(false);
    expect(gates).toHaveLength(1);
    expect(h.state().feeds).toBe(feeds);
  });

  it.each([
    ["reloadTimeout", 0],
    ["reloadTimeout", Number.POSITIVE_INFINITY],
    ["reloadMemoryMb", -1],
    ["pollInterval", Number.NaN],
    ["pollInterval", 2 ** 31],
  ])("refuses %s %s with a UsageError", (option, value) => {
    expect(() => createFeedHandler({ file: EXAMPLE, watch: false, [option]: value })).toThrow(UsageError);
  });
});
