import { describe, expect, it } from "vitest";
import { safeCheckSchedule } from "../../src/check";
import { initTemplate } from "../../src/init/template";
import { parseSchedule } from "../../src/load/parse";

describe("the init template", () => {
  it.each(Array.from({ length: 2045 - 2020 + 1 }, (_, i) => 2020 + i))("is valid and conflict-free for %i", (year) => {
    const schedule = parseSchedule(initTemplate({ province: "Lạng Sơn", year }), { filename: "schedule.yaml" });
    const result = safeCheckSchedule(schedule);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.conflicts.map((c) => c.message)).toEqual([]);
    expect(result.report.horizon).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` });
  });

  it("holds the standard bodies, their groups, the statutory meetings and the rules", () => {
    const schedule = parseSchedule(initTemplate({ year: 2026 }));
    expect(schedule.bodies.map((b) => b.id)).toEqual([
      "doan-dbqh",
      "tt-hdnd",
      "ban-phap-che",
      "ban-kt-ns",
      "ban-vh-xh",
      "ban-dan-toc",
      "ubnd",
      "ubmttq",
    ]);
    expect(schedule.bodies.find((b) => b.id === "ubnd")?.name).toBe("UBND tỉnh");
    expect(schedule.meetings.map((m) => m.id)).toEqual(
      expect.arrayContaining(["tt-hdnd-thuong-ky", "ubnd-thuong-ky", "tiep-cong-dan-ubnd", "tiep-cong-dan-hdnd"]),
    );
    expect(schedule.rules.find((r) => r.kind === "no-overlap")).toMatchObject({ scope: "half-day" });
    expect(schedule.rules.filter((r) => r.kind === "cadence")).toHaveLength(4);
    expect(schedule.calendar?.holidays).toBe("vn");
  });

  it("shows seasonal working hours commented out, and the block passes the check uncommented", () => {
    const text = initTemplate({ year: 2026 });
    expect(text).toMatch(/^ {4}# seasons:$/m);
    const uncommented = text.replace(/^ {4}# seasons:$/m, "    seasons:").replace(/^ {4}# {3}- \{ name/m, "      - { name");
    expect(uncommented).not.toBe(text);
    const schedule = parseSchedule(uncommented);
    expect(schedule.calendar?.workingHours?.seasons).toEqual([
      { name: "Giờ mùa hè", from: "04-15", to: "10-14", periods: ["07:00-11:30", "13:30-17:00"] },
    ]);
    const result = safeCheckSchedule(schedule);
    expect(result.ok && result.report.conflicts).toEqual([]);
  });

  it("quotes any province name safely", () => {
    const schedule = parseSchedule(initTemplate({ province: 'Bà Rịa: "Vũng Tàu", # test', year: 2026 }));
    expect(schedule.bodies.find((b) => b.id === "ubnd")?.name).toBe('UBND tỉnh Bà Rịa: "Vũng Tàu", # test');
  });
});
