// The server's pages: /report.html (the calendar report) and /week (this week's work schedule).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempFile } from "../helpers/cli";
import { inProcessHandler, listen } from "../helpers/server";

const EXAMPLE = "examples/lang-son-2024.yaml";
let base: string;
let stop: () => Promise<void>;
let close: () => void;

beforeAll(async () => {
  const handler = inProcessHandler({ file: EXAMPLE });
  close = handler.close;
  ({ base, stop } = await listen(handler));
}, 60_000);

afterAll(async () => {
  close();
  await stop();
});

describe("the server's HTML pages", () => {
  it("serves the calendar report, allowing only its own inline script", async () => {
    const res = await fetch(`${base}/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'$/,
    );
    const page = await res.text();
    expect(page).toContain("<h1>Lịch họp và xung đột từ 01/01/2024 đến 31/12/2024</h1>");
    expect(res.headers.get("etag")).toMatch(/^"/);
  });

  it("/week redirects to a week of the horizon; each week's page is the grid of that week", async () => {
    const res = await fetch(`${base}/week`, { redirect: "manual" });
    expect(res.status).toBe(302);
    // The example's horizon is 2024: today is past it, so its last week.
    expect(res.headers.get("location")).toBe("week/2025-W01");
    const week = await fetch(`${base}/week/2024-W07`);
    expect(week.status).toBe(200);
    const page = await week.text();
    expect(page).toContain("LỊCH CÔNG TÁC TUẦN 07 (Từ ngày 12/02/2024 đến ngày 18/02/2024)");
    expect(page).toContain("⚠ Trùng lịch: Lịch họp TT HĐND và các Ban không trùng lịch họp UBND tỉnh");
  });

  it("links both from the index", async () => {
    const index = await (await fetch(`${base}/`)).text();
    expect(index).toContain('<a href="report.html">Lịch họp và xung đột (HTML)</a>');
    expect(index).toContain('<a href="week">Lịch công tác tuần này</a>');
  });

  it("has no page for a week outside the horizon", async () => {
    expect((await fetch(`${base}/week/2030-W01`)).status).toBe(404);
  });
});

describe("a schedule past the pages' bound", () => {
  it("serves its feeds and no pages (404), so that a build stays within the worker's memory", async () => {
    // 61 daily meetings over 2024: 22,326 occurrences, past the bound of 20,000.
    const meetings = Array.from(
      { length: 61 },
      (_, k) => `  - { id: m${k}, title: Họp ${k}, body: b, start: 2024-01-01T07:00, duration: PT30M, repeat: FREQ=DAILY }`,
    ).join("\n");
    const file = tempFile(
      "lon.yaml",
      `version: 1\nhorizon: { from: 2024-01-01, to: 2024-12-31 }\nbodies: [{ id: b, name: B }]\nmeetings:\n${meetings}\n`,
    );
    const handler = inProcessHandler({ file });
    const served = await listen(handler);
    try {
      expect((await fetch(`${served.base}/all.ics`)).status).toBe(200);
      expect((await fetch(`${served.base}/report.html`)).status).toBe(404);
      expect((await fetch(`${served.base}/week`, { redirect: "manual" })).status).toBe(404);
    } finally {
      handler.close();
      await served.stop();
    }
  }, 60_000);
});
