import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lichhop from "../../src";

// docs/api is the API reference typedoc writes from the TSDoc (`npm run docs:api`).
const API = join(__dirname, "../../docs/api");
const pages = readdirSync(API, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md"));

describe("the API reference in docs/api", () => {
  it("has no broken link between its pages", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(API, page), "utf8");
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target as string)) continue;
        if (!existsSync(join(API, dirname(page), target as string))) broken.push(`${page} → ${target}`);
      }
    }
    expect(pages.length).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it("documents every value the root exports (run npm run docs:api after adding one)", () => {
    const index = readFileSync(join(API, "index/README.md"), "utf8").replaceAll("\\_", "_");
    const missing = Object.keys(lichhop).filter((name) => !index.includes(`[${name}]`));
    expect(missing).toEqual([]);
  });
});
