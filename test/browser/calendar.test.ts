// The calendar report and the weekly work schedule in a real browser: headless Chromium driven
// by playwright-core opens them from file:// with every network request blocked, follows the
// week navigation and a filter, checks that every finding of the JSON report is drawn, runs
// axe-core, and takes screenshots (into docs/images with UPDATE_SCREENSHOTS=1, for the README).
// Locally it skips when Chromium is missing; in CI (CI=true) it fails instead.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli";

// A browser on a loaded machine: each step gets a minute, not vitest's 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const CHROMIUM = process.env.LICHHOP_CHROMIUM ?? "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";
if (!present && !inCi) {
  console.warn(`test/browser: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set LICHHOP_CHROMIUM)`);
}

const ROOT = join(__dirname, "../..");
const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs/images") : mkdtempSync(join(tmpdir(), "lichhop-shots-"));

interface Finding {
  readonly id: string;
  readonly kind: string;
}
interface Conflict {
  readonly finding?: string;
  readonly occurrences: readonly unknown[];
}

describe.skipIf(!present && !inCi)("the calendar report in Chromium", () => {
  let browser: Browser;
  let reportUrl: string;
  let weekUrl: string;
  let findings: readonly Finding[];
  let conflicts: readonly Conflict[];
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!present) throw new Error(`CI=true and no Chromium at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium)`);
    const dir = mkdtempSync(join(tmpdir(), "lichhop-browser-"));
    const report = runCli(["check", "examples/lang-son-2024.yaml", "--format", "html", "--fail-on", "never"]);
    const week = runCli(["week", "examples/lang-son-2024.yaml", "--week", "2024-W07", "--format", "html"]);
    const json = runCli(["check", "examples/lang-son-2024.yaml", "--format", "json", "--fail-on", "never"]);
    expect(report.code).toBe(0);
    expect(week.code).toBe(0);
    ({ findings, conflicts } = JSON.parse(json.stdout) as { findings: Finding[]; conflicts: Conflict[] });
    writeFileSync(join(dir, "report.html"), report.stdout);
    writeFileSync(join(dir, "week.html"), week.stdout);
    reportUrl = pathToFileURL(join(dir, "report.html")).href;
    weekUrl = pathToFileURL(join(dir, "week.html")).href;
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page of the file, every request that is not file:// blocked and remembered. */
  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.route("**/*", (route) => {
      const requested = route.request().url();
      if (requested.startsWith("file:")) return route.continue();
      blocked.push(requested);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    expect(errors).toEqual([]);
    return page;
  }

  async function violations(page: Page): Promise<{ id: string; nodes: number }[]> {
    await page.addScriptTag({ content: axe.source });
    // A string: the test's types have no DOM; the page runs it.
    const result = (await page.evaluate(
      "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length })))",
    )) as { id: string; nodes: number }[];
    return result;
  }

  it("draws every finding of the JSON report, each conflict's meetings linking to it", async () => {
    const page = await open(reportUrl);
    expect(findings.length).toBe(10);
    for (const finding of findings) {
      expect(await page.locator(`li#f-${finding.id}`).count(), finding.id).toBe(1);
    }
    const withMeetings = new Set(conflicts.filter((c) => c.finding !== undefined && c.occurrences.length > 0).map((c) => c.finding));
    for (const id of withMeetings) {
      expect(await page.locator(`.ev[data-f~="${id}"]`).count(), id as string).toBeGreaterThan(0);
    }
    await page.close();
  });

  it("moves between weeks, opens a finding's week, and filters by body", async () => {
    const page = await open(reportUrl);
    const current = () => page.locator("section.week.cur").getAttribute("id");
    expect(await current()).toBe("w-2024-W01");
    await page.locator("section.week.cur a.next").click();
    expect(await current()).toBe("w-2024-W02");
    await page.locator('aside a[data-week="w-2024-W07"]').first().click();
    expect(await current()).toBe("w-2024-W07");
    expect(await page.locator("#w-2024-W07 .v-week").isVisible()).toBe(true);
    expect(await page.locator("#w-2024-W06").isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, "report-week.png"), fullPage: false });
    expect(await violations(page)).toEqual([]);

    await page.selectOption('select[name="b"]', "ubnd");
    const shown = await page.locator("#w-2024-W07 .ev:not(.hide)").evaluateAll((els) => els.map((e) => e.getAttribute("data-b")));
    expect(shown.length).toBeGreaterThan(0);
    for (const bodies of shown) expect(` ${bodies} `).toContain(" ubnd ");
    expect(await page.locator("#w-2024-W07 .ev.hide").count()).toBeGreaterThan(0);
    await page.selectOption('select[name="b"]', "");

    await page.locator('input[name="view"][value="month"]').check();
    expect(await page.locator("#m-2024-02").isVisible()).toBe(true);
    expect(await page.locator("#weeks").isVisible()).toBe(false);
    await page.locator("#m-2024-02").screenshot({ path: join(SHOTS, "report-month.png") });
    expect(await violations(page)).toEqual([]);

    await page.locator('input[name="view"][value="people"]').check();
    expect(await page.locator("#w-2024-W07 .v-people").isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows the weekly work schedule with no accessibility violation", async () => {
    const page = await open(weekUrl);
    expect(await page.locator("caption").first().textContent()).toContain("LỊCH CÔNG TÁC TUẦN 07");
    await page.screenshot({ path: join(SHOTS, "week-grid.png"), fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it.each([
    ["grid by person", ["--layout", "grid", "--by", "person"]],
    ["grid by body", ["--layout", "grid", "--by", "body", "--lang", "en"]],
    ["table by person", ["--layout", "table", "--by", "person"]],
    ["list", ["--layout", "list"]],
  ])(
    "shows the weekly work schedule's %s with no accessibility violation",
    async (_name, args) => {
      const dir = mkdtempSync(join(tmpdir(), "lichhop-browser-week-"));
      const week = runCli(["week", "examples/lang-son-2024.yaml", "--week", "2024-W07", "--format", "html", ...args]);
      expect(week.code).toBe(0);
      writeFileSync(join(dir, "week.html"), week.stdout);
      const page = await open(pathToFileURL(join(dir, "week.html")).href);
      expect(await violations(page)).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it("asked the network for nothing", () => {
    expect(blocked).toEqual([]);
    expect(readFileSync(new URL(reportUrl), "utf8")).not.toMatch(/https?:\/\//);
  });
});
