// Years 0000–0099 were refused as "a date that does not exist" (Date.UTC reads them as 1900–1999).
// Dates are read as written, and any outside 1900–2100 is refused naming the supported range.
import { describe, expect, it } from "vitest";
import { safeParseSchedule } from "../../src";
import { parseWall } from "../../src/time/wall";

const file = (start: string, horizon = "{ from: 2024-01-01, to: 2024-12-31 }") => `version: 1
locale: en
horizon: ${horizon}
bodies: [{ id: b, name: B }]
meetings:
  - { id: m, title: M, body: b, start: ${start}, duration: PT1H }
`;

describe("the supported years are 1900–2100", () => {
  it("reads years 0000–0099 as written", () => {
    expect(new Date(parseWall("0050-03-01T08:00")?.wall ?? Number.NaN).toISOString()).toBe("0050-03-01T08:00:00.000Z");
    expect(parseWall("0000-02-29")).toBeDefined(); // year 0 is a leap year in the proleptic calendar
    expect(parseWall("0100-02-29")).toBeUndefined();
  });

  it.each(["0050-01-02T08:00", "1899-12-31T08:00", "2101-01-01T08:00", "9999-12-31T08:00"])("refuses %s naming the range", (start) => {
    const result = safeParseSchedule(file(start));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        expect.objectContaining({
          code: "invalid-value",
          path: ["meetings", 0, "start"],
          message: expect.stringContaining("outside the supported years: expected a date from 1900-01-01 to 2100-12-31"),
        }),
      ]);
    }
  });

  it("accepts the first and the last supported day", () => {
    expect(safeParseSchedule(file("1900-01-01T08:00", "{ from: 1900-01-01, to: 1900-01-31 }")).ok).toBe(true);
    expect(safeParseSchedule(file("2100-12-31T08:00", "{ from: 2100-12-01, to: 2100-12-31 }")).ok).toBe(true);
  });

  it("a date that does not exist is still said so", () => {
    const result = safeParseSchedule(file("2023-02-29T08:00"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain("a date or time that exists");
  });
});
