import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { feedBase } from "../../src/server/handler";
import { renderIndex } from "../../src/server/page";
import type { FeedState } from "../../src/server/handler";

/** A request as the handler sees it: headers, path, and whether its connection is TLS. */
function req(headers: Record<string, string | string[]>, options: { url?: string; originalUrl?: string; encrypted?: boolean } = {}) {
  return {
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    url: options.url ?? "/",
    ...(options.originalUrl ? { originalUrl: options.originalUrl } : {}),
    socket: { encrypted: options.encrypted === true },
  } as unknown as IncomingMessage;
}

describe("the index page's links", () => {
  it("come from the Host header and the connection's scheme by default", () => {
    expect(feedBase(req({ host: "lich.local:8080" }), undefined)).toBe("http://lich.local:8080");
    expect(feedBase(req({ host: "lich.local" }, { encrypted: true }), undefined)).toBe("https://lich.local");
    expect(feedBase(req({ host: "lich.local" }, { url: "/", originalUrl: "/feeds/" }), undefined)).toBe("http://lich.local/feeds");
  });

  it("ignore X-Forwarded-* unless the proxy is trusted", () => {
    const behind = req({ host: "127.0.0.1:8080", "x-forwarded-proto": "https", "x-forwarded-host": "lich.langson.gov.vn" });
    expect(feedBase(behind, undefined)).toBe("http://127.0.0.1:8080");
    expect(feedBase(behind, undefined, true)).toBe("https://lich.langson.gov.vn");
    // The first value is the one the proxy nearest the client wrote; a bad one falls back to Host.
    const listed = req({ host: "app:8080", "x-forwarded-proto": "https, http", "x-forwarded-host": "a.gov.vn, b.internal" });
    expect(feedBase(listed, undefined, true)).toBe("https://a.gov.vn");
    const forged = req({ host: "app:8080", "x-forwarded-proto": "javascript", "x-forwarded-host": 'x"><script>' });
    expect(feedBase(forged, undefined, true)).toBe("http://app:8080");
  });

  it("come from publicUrl when given, whatever the request says", () => {
    const request = req({ host: "evil.example", "x-forwarded-host": "evil2.example" });
    expect(feedBase(request, "https://lich.langson.gov.vn/feeds/", true)).toBe("https://lich.langson.gov.vn/feeds");
  });

  it("show webcal:// and https:// for each feed, and how to use the address", () => {
    const state = {
      feeds: [{ path: "all.ics", name: "Tất cả", events: 3, selector: { kind: "all" } }],
      report: { summary: { conflicts: 0, errors: 0, warnings: 0 }, horizon: { from: "2024-01-01", to: "2024-12-31" } },
      loadedAt: 0,
      error: undefined,
      lang: "vi",
    } as unknown as FeedState;
    const html = renderIndex(state, "https://lich.langson.gov.vn/feeds");
    expect(html).toContain('href="webcal://lich.langson.gov.vn/feeds/all.ics"');
    expect(html).toContain("<code>https://lich.langson.gov.vn/feeds/all.ics</code>");
    expect(html).toContain("Google Calendar (Thêm lịch → Từ URL)");
    const relative = renderIndex(state, undefined);
    expect(relative).not.toContain("webcal://");
    expect(relative).not.toContain("<code>");
  });
});
