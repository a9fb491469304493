import { describe, expect, it } from "vitest";
import { COMMITTEES, defaultCommittees, findProvince, PROVINCES, provinceKey } from "../../src/init/provinces";

describe("the 34 provincial-level units", () => {
  it("are 28 provinces and 6 centrally-run cities, 11 of them left as they were", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.kind === "city").map((p) => p.name)).toEqual([
      "Hà Nội",
      "Huế",
      "Hải Phòng",
      "Đà Nẵng",
      "Hồ Chí Minh",
      "Cần Thơ",
    ]);
    expect(PROVINCES.filter((p) => p.merged.length === 0)).toHaveLength(11);
    // 63 former units: the 34 and the 29 merged into them.
    expect(PROVINCES.reduce((n, p) => n + p.merged.length, 0)).toBe(29);
    const keys = PROVINCES.flatMap((p) => [p.name, ...p.merged]).map(provinceKey);
    expect(new Set(keys).size).toBe(63);
  });

  it.each([
    ["Lạng Sơn", "Lạng Sơn"],
    ["Lang Son", "Lạng Sơn"],
    ["lang-son", "Lạng Sơn"],
    ["tỉnh Lạng Sơn", "Lạng Sơn"],
    ["TP HCM", "Hồ Chí Minh"],
    ["TP. Hồ Chí Minh", "Hồ Chí Minh"],
    ["Ho Chi Minh", "Hồ Chí Minh"],
    ["thanh pho ho chi minh", "Hồ Chí Minh"],
    ["Thanh Hoá", "Thanh Hóa"],
    ["DAK LAK", "Đắk Lắk"],
    ["Hue", "Huế"],
  ])("finds %s as %s", (typed, name) => {
    expect(findProvince(typed)).toMatchObject({ kind: "found", province: { name } });
  });

  it.each([
    ["Binh Duong", "Bình Dương", "Hồ Chí Minh"],
    ["Hà Giang", "Hà Giang", "Tuyên Quang"],
    ["Quang Nam", "Quảng Nam", "Đà Nẵng"],
  ])("leads the former province %s to the unit it joined", (typed, former, name) => {
    expect(findProvince(typed)).toMatchObject({ kind: "merged", former, province: { name } });
  });

  it.each([
    ["Langg Son", ["Lạng Sơn"]],
    ["Da Nag", ["Đà Nẵng"]],
    ["Ninh Binhh", ["Ninh Bình"]],
    ["Atlantis", []],
    ["", []],
  ])("suggests the nearest names for %s", (typed, names) => {
    const match = findProvince(typed);
    expect(match.kind).toBe("unknown");
    if (match.kind === "unknown") expect(match.suggestions.map((p) => p.name).slice(0, names.length)).toEqual(names);
  });

  it("gives every unit the three statutory committees and a city Ban Đô thị, never Ban Dân tộc by default", () => {
    for (const unit of PROVINCES) {
      const committees = defaultCommittees(unit.kind);
      expect(committees.slice(0, 3)).toEqual(["phap-che", "kt-ns", "vh-xh"]);
      expect(committees.includes("do-thi")).toBe(unit.kind === "city");
      expect(committees).not.toContain("dan-toc");
    }
    expect(COMMITTEES).toEqual(["phap-che", "kt-ns", "vh-xh", "dan-toc", "do-thi"]);
  });
});
