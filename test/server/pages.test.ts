// The server's pages: /report.html (the calendar report) and /week (this week's work schedule).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
