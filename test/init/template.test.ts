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
    expect(schedule.bodies.map((b) => b.id)).toEqual(["doan-dbqh", "tt-hdnd", "ban-phap-che", "ban-kt-ns", "ban-vh-xh", "ubnd", "ubmttq"]);
    expect(schedule.bodies.find((b) => b.id === "ubnd")?.name).toBe("UBND tỉnh");
    expect(schedule.meetings.map((m) => m.id)).toEqual(
      expect.arrayContaining(["tt-hdnd-thuong-ky", "ubnd-thuong-ky", "tiep-cong-dan-ubnd", "tiep-cong-dan-hdnd"]),
    );
    expect(schedule.rules.find((r) => r.kind === "no-overlap")).toMatchObject({ scope: "half-day" });
    expect(schedule.rules.filter((r) => r.kind === "cadence")).toHaveLength(4);
    expect(schedule.calendar?.holidays).toBe("vn");
  });

  it("gives a city 'HĐND thành phố', 'UBND thành phố' and the HĐND's Ban Đô thị", () => {
    const schedule = parseSchedule(initTemplate({ province: "Hải Phòng", kind: "city", year: 2026 }));
    const names = Object.fromEntries(schedule.bodies.map((b) => [b.id, b.name]));
    expect(names).toMatchObject({
      "tt-hdnd": "Thường trực HĐND thành phố Hải Phòng",
      "ban-do-thi": "Ban Đô thị HĐND thành phố Hải Phòng",
      ubnd: "UBND thành phố Hải Phòng",
    });
    expect(names["ban-dan-toc"]).toBeUndefined();
    expect(schedule.meetings.find((m) => m.id === "ubnd-thuong-ky")?.title).toBe("Phiên họp UBND thành phố thường kỳ");
  });

  it("writes Ban Dân tộc only when asked, and commented out otherwise", () => {
    const asked = parseSchedule(initTemplate({ province: "Lạng Sơn", committees: ["phap-che", "kt-ns", "vh-xh", "dan-toc"], year: 2026 }));
    expect(asked.bodies.map((b) => b.id)).toContain("ban-dan-toc");
    const text = initTemplate({ province: "Lạng Sơn", year: 2026 });
    expect(text).toContain('  # - { id: ban-dan-toc, name: "Ban Dân tộc HĐND tỉnh Lạng Sơn", groups: [hdnd, ban-hdnd] }');
  });

  it("books the UBND chair's citizen reception as a whole day, citing Art. 12, and the HĐND's by the province's regulation", () => {
    const text = initTemplate({ year: 2026 });
    const schedule = parseSchedule(text);
    const ubnd = schedule.meetings.find((m) => m.id === "tiep-cong-dan-ubnd");
    expect([ubnd?.start, ubnd?.end]).toEqual(["2026-01-15T07:30", "2026-01-15T17:00"]);
    expect(text).toMatch(/Luật Tiếp công dân 2013,\n {2}# số 42\/2013\/QH13, Điều 12\)/);
    expect(text).toContain("Nghị quyết 759/2014/UBTVQH13 và quy chế tiếp");
    expect(text).toContain("Luật số 136/2025/QH15");
    expect(initTemplate({ year: 2025 })).not.toContain("136/2025");
  });

  it.each([
    [2024, "Luật Tổ chức chính quyền địa phương 2015 (số 77/2015/QH13, còn hiệu lực năm 2024), Điều 113"],
    [2026, "Luật Tổ chức chính quyền địa phương 2025 (số 72/2025/QH15)"],
  ])("cites the law on local government in force in %i", (year, citation) => {
    const text = initTemplate({ year });
    expect(text).toContain(citation);
    expect(text).not.toMatch(/huyện|district/i);
    if (year >= 2025) expect(text).not.toContain("Điều 113");
  });

  it("names the file to check in its header, as one shell word", () => {
    expect(initTemplate({ year: 2026 })).toMatch(/^# {3}lichhop check schedule\.yaml$/m);
    expect(initTemplate({ year: 2026, file: "lịch 2026.yaml" })).toMatch(/^# {3}lichhop check 'lịch 2026\.yaml'$/m);
    const hostile = initTemplate({ year: 2026, file: "a\nversion: 2.yaml" });
    expect(parseSchedule(hostile).version).toBe(1);
  });

  it.each([2024, 2026, 2031])("passes the check with every commented-out block uncommented (%i)", (year) => {
    for (const kind of ["province", "city"] as const) {
      const text = initTemplate({ province: "Huế", kind, year });
      const uncommented = text.replace(/^( *)# ( *(?:- |seasons:|[a-z]+: ))/gm, "$1$2");
      expect(uncommented).not.toMatch(/^ *# *- /m);
      const schedule = parseSchedule(uncommented);
      expect(schedule.meetings.filter((m) => m.tags?.includes("ky-hop"))).toHaveLength(2);
      expect(schedule.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["hdnd-hai-ky-hop-moi-nam", "tham-tra-truoc-ky-hop"]));
      expect(schedule.bodies.map((b) => b.id)).toContain("ban-dan-toc");
      expect(schedule.calendar?.workingHours?.seasons).toHaveLength(1);
      const result = safeCheckSchedule(schedule);
      expect(result.ok && result.report.conflicts.map((c) => c.message)).toEqual([]);
    }
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
