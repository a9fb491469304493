// The server's week pages take `lichhop week`'s choices as query parameters (layout, by, people,
// bodies), are drawn on request and kept in a small cache, and link the weeks keeping the query.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildInProcess } from "../../src/server/build";
import { WEEK_PAGE_CACHE, weekPages, weekQueryText } from "../../src/server/weeks";
import { runCli } from "../helpers/cli";
import { inProcessHandler, listen, workerHandler } from "../helpers/server";

// Slow on purpose (it spawns the built CLI and makes HTTP round trips): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = "examples/lang-son-2024.yaml";
let base: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ base, stop } = await listen(inProcessHandler({ file: EXAMPLE, watch: false })));
}, 60_000);

afterAll(async () => {
  await stop();
});

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, { redirect: "manual", ...init });

/** The page without the server's links (the nav and its style), as `lichhop week` writes it. */
const withoutLinks = (page: string) => page.replace(/nav\.weeks\{[^<]*\}\}/, "").replace(/<nav class="weeks"[^\n]*\n/, "");

/** The `href`s of the page's links between weeks and layouts. */
const navLinks = (page: string): Record<string, string> => {
  const nav = /<nav class="weeks"[^\n]*/.exec(page)?.[0] ?? "";
  const out: Record<string, string> = {};
  for (const match of nav.matchAll(/<a (?:rel="(\w+)" )?href="([^"]*)"( aria-current="page")?>([^<]*)<\/a>/g)) {
    out[match[1] ?? (match[3] ? "current" : (match[4] as string))] = (match[2] as string).replaceAll("&amp;", "&");
  }
  return out;
};

describe("a week page's query", () => {
  it.each([
    ["", []],
    ["?layout=table", ["--layout", "table"]],
    ["?layout=list&by=person", ["--layout", "list", "--by", "person"]],
    ["?layout=table&by=person&people=doan-thi-hau", ["--layout", "table", "--by", "person", "--people", "doan-thi-hau"]],
    ["?by=body&bodies=ubnd,tt-hdnd", ["--by", "body", "--bodies", "ubnd,tt-hdnd"]],
  ])("%s gives the page lichhop week writes with the same options, and links", async (query, options) => {
    const res = await get(`/week/2024-W07${query}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    // The page says when the file was last saved (Hà Nội time), as `--updated` does.
    const saved = new Date(Math.floor(statSync(EXAMPLE).mtimeMs / 1000) * 1000 + 7 * 3_600_000).toISOString().slice(0, 16);
    const cli = runCli(["week", EXAMPLE, "--week", "2024-W07", ...options, "--updated", saved, "--format", "html"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(withoutLinks(page)).toBe(cli.stdout);
    expect(page).not.toBe(cli.stdout);
  });

  it("keeps the query in the links to the weeks before and after, and changes only the layout in the layout links", async () => {
    const page = await (await get("/week/2024-W07?by=person&layout=table&people=doan-thi-hau,chu-tich-ubnd")).text();
    const links = navLinks(page);
    const kept = "by=person&people=doan-thi-hau,chu-tich-ubnd";
    expect(links.prev).toBe(`2024-W06?layout=table&${kept}`);
    expect(links.next).toBe(`2024-W08?layout=table&${kept}`);
    expect(links.current).toBe(`2024-W07?layout=table&${kept}`);
    expect(links["dạng lưới"]).toBe(`2024-W07?layout=grid&${kept}`);
    expect(links["danh sách"]).toBe(`2024-W07?layout=list&${kept}`);
    expect(links["Lịch họp"]).toBe("../");
    // Without a query, none is added.
    expect(navLinks(await (await get("/week/2024-W07")).text()).next).toBe("2024-W08");
  });

  it("has no link before the horizon's first week nor after its last", async () => {
    const first = navLinks(await (await get("/week/2024-W01")).text());
    expect(first.prev).toBeUndefined();
    expect(first.next).toBe("2024-W02");
    const last = navLinks(await (await get("/week/2025-W01")).text());
    expect(last.next).toBeUndefined();
    expect(last.prev).toBe("2024-W52");
  });

  it("redirects /week to this week keeping the query as read", async () => {
    const res = await get("/week?people=doan-thi-hau&layout=list");
    expect(res.status).toBe(302);
    // The example's horizon is 2024: today is past it, so its last week.
    expect(res.headers.get("location")).toBe("week/2025-W01?layout=list&people=doan-thi-hau");
    expect((await get("/week/?layout=table")).headers.get("location")).toBe("2025-W01?layout=table");
  });

  it.each([
    ["?layout=grd", "Tham số layout=grd: cần grid, table hoặc list"],
    ["?by=room", "Tham số by=room: cần day, person hoặc body"],
    ["?people=doan-thi-hau,khong-co", "Tham số people=khong-co: cần "],
    ["?bodies=ubdn", "Tham số bodies=ubdn: cần "],
    ["?people=doan-thi-hau&bodies=ubnd", "Tham số people và bodies cùng lọc lịch: chỉ dùng một trong hai"],
    ["?layuot=table", "Trang tuần không dùng tham số layuot: cần layout, by, people hoặc bodies"],
    ["?layout=table&layout=list", "Tham số layout có nhiều hơn một giá trị: chỉ dùng một"],
  ])("%s is a 400 page saying what was expected, in the schedule's language", async (query, text) => {
    for (const path of [`/week/2024-W07${query}`, `/week${query}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.headers.get("location")).toBeNull();
      const page = await res.text();
      expect(page).toContain('<html lang="vi">');
      expect(page).toContain("<h1>400 Yêu cầu không hợp lệ</h1>");
      expect(page).toContain(text);
    }
  });

  it("names every person a people filter may take", async () => {
    const page = await (await get("/week/2024-W07?people=khong-co")).text();
    expect(page).toMatch(/people=khong-co: cần [^<]*doan-thi-hau[^<]* hoặc [a-z-]+<\/p>/);
  });

  it("answers in English for an English schedule", async () => {
    const served = await listen(inProcessHandler({ file: EXAMPLE, watch: false, lang: "en" }));
    try {
      const res = await fetch(`${served.base}/week/2024-W07?layout=grd`);
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain("<h1>400 Bad request</h1>");
      expect(page).toContain("parameter layout=grd: expected grid, table or list");
      const links = navLinks(await (await fetch(`${served.base}/week/2024-W07?layout=list`)).text());
      expect(links.next).toBe("2024-W08?layout=list");
      expect(links.grid).toBe("2024-W07?layout=grid");
    } finally {
      await served.stop();
    }
  });

  it.each([
    ["?layout=<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['?people=a"><img src=x onerror=alert(1)>', "a&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"],
    ["?%3Cb%3E=1", "tham số &lt;b&gt;"],
    ["?by=%1B%5B2J%E2%80%AE", "by=\\u001B[2J\\u202E"],
  ])("never echoes %s unescaped", async (query, shown) => {
    const res = await get(`/week/2024-W07${query}`);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain(shown);
    expect(page).not.toMatch(/<script|<img|<b>|\u001b|\u202e/);
  });
});

describe("a week page's validators", () => {
  it("gives each query its own ETag, and answers 304 only to the ETag of the same query", async () => {
    const grid = await get("/week/2024-W07");
    const table = await get("/week/2024-W07?layout=table");
    const gridTag = grid.headers.get("etag") as string;
    const tableTag = table.headers.get("etag") as string;
    expect(gridTag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(tableTag).not.toBe(gridTag);
    expect((await get("/week/2024-W07?layout=table")).headers.get("etag")).toBe(tableTag);
    expect((await get("/week/2024-W07?layout=table", { headers: { "If-None-Match": tableTag } })).status).toBe(304);
    expect((await get("/week/2024-W07?layout=table", { headers: { "If-None-Match": gridTag } })).status).toBe(200);
    expect((await get("/week/2024-W07", { headers: { "If-None-Match": gridTag } })).status).toBe(304);
    // The links hold the query, so even the same layout asked differently is another body.
    expect((await get("/week/2024-W07?layout=grid")).headers.get("etag")).not.toBe(gridTag);
  });

  it("keeps the pages' policy, and answers HEAD without a body", async () => {
    const get_ = await get("/week/2024-W07?layout=list");
    expect(get_.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-/);
    const head = await get("/week/2024-W07?layout=list", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(get_.headers.get("etag"));
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(await get_.text())));
    expect(await head.text()).toBe("");
  });

  it("draws the pages of a reload (in the built worker) afresh: a new ETag where the bytes changed, a later Last-Modified", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-week-pages-"));
    try {
      const file = join(dir, "lich.yaml");
      copyFileSync(EXAMPLE, file);
      const handler = workerHandler({ file, watch: false });
      const served = await listen(handler);
      try {
        const before = await fetch(`${served.base}/week/2024-W07?layout=table`);
        const text = await before.text();
        const title = "Phiên họp thường kỳ Thường trực HĐND tỉnh";
        expect(text).toContain(title);
        writeFileSync(file, readFileSync(EXAMPLE, "utf8").replace(title, `${title} (sửa)`));
        expect(await handler.reload()).toBe(true);
        const after = await fetch(`${served.base}/week/2024-W07?layout=table`, {
          headers: { "If-None-Match": before.headers.get("etag") as string },
        });
        expect(after.status).toBe(200);
        expect(await after.text()).toContain(`${title} (sửa)`);
        expect(Date.parse(after.headers.get("last-modified") as string)).toBeGreaterThan(
          Date.parse(before.headers.get("last-modified") as string),
        );
      } finally {
        await served.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the week pages of a build", () => {
  const request = {
    inputs: [{ path: EXAMPLE, name: EXAMPLE }],
    from: undefined,
    to: undefined,
    lang: undefined,
    uidDomain: undefined,
    expand: undefined,
    conflictNotes: undefined,
    refresh: undefined,
    title: undefined,
    stamp: 0,
    limits: undefined,
  };

  it("are not built ahead: the build holds what they are drawn from, not the pages", () => {
    const built = buildInProcess(request, undefined);
    if (!built.ok) throw new Error("the example is valid");
    expect(built.value.entries.filter((entry) => entry.path.startsWith("/week"))).toEqual([]);
    expect(built.value.weeks?.weeks).toHaveLength(53);
    // Nothing of the file's positions crosses from the worker.
    expect(built.value.weeks?.schedule.source.positions).toEqual({});
  });

  it(`keep at most the last ${WEEK_PAGE_CACHE} pages asked for, drawing again one dropped`, () => {
    const built = buildInProcess(request, undefined);
    if (!built.ok) throw new Error("the example is valid");
    let drawn = 0;
    const pages = weekPages(built.value.weeks as never, built.value.report, "vi", () => `"${++drawn}"`);
    const ask = (id: string) => {
      const read = pages.read("layout=list");
      if (!read.ok) throw new Error(read.message);
      return pages.page(id, read.query, read.text);
    };
    const first = ask("2024-W01");
    expect(ask("2024-W01")).toBe(first);
    expect(drawn).toBe(1);
    for (const id of pages.weeks.slice(1, WEEK_PAGE_CACHE)) ask(id);
    expect(drawn).toBe(WEEK_PAGE_CACHE);
    // Asked for again, the first is the most recent: the next new page drops the second.
    expect(ask("2024-W01")).toBe(first);
    ask(pages.weeks[WEEK_PAGE_CACHE] as string);
    expect(ask("2024-W01")).toBe(first);
    const again = ask("2024-W02");
    expect(drawn).toBe(WEEK_PAGE_CACHE + 2);
    expect(again.body.equals(first.body)).toBe(false);
  });

  it("write the query in one order, whatever order it was asked in", () => {
    expect(weekQueryText({ people: ["a", "b c"], by: "person", layout: "table" })).toBe("layout=table&by=person&people=a,b%20c");
    expect(weekQueryText({})).toBe("");
  });
});

describe("the index page", () => {
  it("links this week's page in each layout", async () => {
    const index = await (await get("/")).text();
    expect(index).toContain('<a href="week">Lịch công tác tuần này</a>');
    expect(index).toContain('<a href="week?layout=table">dạng bảng</a>');
    expect(index).toContain('<a href="week?layout=list">danh sách</a>');
  });
});
