// generateVtimezone walks its years a day at a time: the years it takes are bounded.
import { describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src";
import { generateVtimezone } from "../../src/ical/vtimezone";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

describe("generateVtimezone's years are bounded", () => {
  it.each<[number, number]>([
    [1000, 9999],
    [2024, 1e9],
    [Number.NaN, 2024],
    [2025, 2024],
  ])("refuses %s…%s with a UsageError", (from, to) => {
    expect(() => generateVtimezone("America/New_York", from, to)).toThrow(UsageError);
  });

  it("refuses an unknown zone with a UsageError", () => {
    expect(() => generateVtimezone("Mars/Olympus_Mons", 2024, 2024)).toThrow(UsageError);
  });

  it("builds the supported years", () => {
    expect(generateVtimezone("America/New_York", 1899, 2101)).toContain("TZID:America/New_York");
  });
});
