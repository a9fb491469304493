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

  it("quotes any province name safely", () => {
    const schedule = parseSchedule(initTemplate({ province: 'Bà Rịa: "Vũng Tàu", # test', year: 2026 }));
    expect(schedule.bodies.find((b) => b.id === "ubnd")?.name).toBe('UBND tỉnh Bà Rịa: "Vũng Tàu", # test');
  });
});
