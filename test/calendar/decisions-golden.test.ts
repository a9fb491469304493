import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { vietnamDaysOff, vietnamMakeUpDays } from "../../src/calendar";

// The days off and make-up days of 2024–2026 with their citations, as golden data: a changed
// decision, date or source fails here. After an intended change,
// UPDATE_GOLDEN=1 npx vitest run test/calendar/decisions-golden.test.ts rewrites the file; review its diff.
const GOLDEN = join(__dirname, "../fixtures/calendar/days-off-2024-2026.json");
const YEARS = [2024, 2025, 2026] as const;

function table() {
  return Object.fromEntries(
    YEARS.map((year) => [
      year,
      {
        daysOff: vietnamDaysOff(year).map((day) => ({
          date: day.date,
          kind: day.kind,
          name: day.name.vi,
          source: day.source,
          ...(day.note ? { note: day.note.en, ghiChu: day.note.vi } : {}),
          ...(day.default ? { default: true } : {}),
        })),
        makeUpDays: vietnamMakeUpDays(year).map((day) => ({
          date: day.date,
          source: day.source,
          ...(day.note ? { note: day.note.en, ghiChu: day.note.vi } : {}),
        })),
      },
    ]),
  );
}

describe("the 2024–2026 day-off tables (golden data)", () => {
  it("match test/fixtures/calendar/days-off-2024-2026.json", () => {
    const actual = `${JSON.stringify(table(), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, actual);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: run the test with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(actual).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("cite a document for every decision day and make-up day", () => {
    for (const year of YEARS) {
      for (const day of vietnamDaysOff(year).filter((d) => d.kind === "decision")) {
        expect(day.source, day.date).toMatch(/\d+\/(VPCP-KGVX|TB-LĐTBXH|TB-BLĐTBXH|TB-BNV)/);
      }
      for (const day of vietnamMakeUpDays(year)) expect(day.source, day.date).toMatch(/\d+\/(VPCP-KGVX|TB-BNV)/);
    }
  });
});
