// The feed server reloads when an .ics source of the served file changes, and keeps the last
// good feeds while a source is bad.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ics, sourceYaml, vevent } from "../helpers/sources";
import { inProcessHandler } from "../helpers/server";

vi.setConfig({ testTimeout: 30_000 });

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const event = (title: string) => ics(vevent("UID:giao-ban@ubnd", `SUMMARY:${title}`, "DTSTART:20240304T010000Z", "DURATION:PT1H"));

describe("serve with sources", () => {
  it("reloads when the .ics changes; a broken .ics keeps the last good feeds and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-serve-src-"));
    dirs.push(dir);
    const file = join(dir, "lich.yaml");
    writeFileSync(file, sourceYaml());
    writeFileSync(join(dir, "ubnd.ics"), event("Giao ban"));
    const handler = inProcessHandler({ file, pollInterval: 50, stamp: 0, lang: "en" });
    try {
      const titles = () => handler.state().report.summary.meetings;
      expect(titles()).toBe(1);
      const feeds = handler.state().feeds;
      writeFileSync(
        join(dir, "ubnd.ics"),
        event("Giao ban (sửa)").replace(
          "END:VCALENDAR",
          ["BEGIN:VEVENT", "UID:hai@ubnd", "SUMMARY:Hai", "DTSTART:20240305T010000Z", "DURATION:PT1H", "END:VEVENT", "END:VCALENDAR"].join(
            "\r\n",
          ),
        ),
      );
      await vi.waitFor(() => expect(titles()).toBe(2), { timeout: 10_000 });
      writeFileSync(join(dir, "ubnd.ics"), "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n");
      await vi.waitFor(() => expect(handler.state().error).toMatch(/ubnd\.ics:2:1: truncated/), { timeout: 10_000 });
      expect(titles()).toBe(2);
      expect(handler.state().feeds).not.toBe(feeds);
    } finally {
      handler.close();
    }
  });
});
