/** A provincial-level unit is a province (tỉnh) or a centrally-run city (thành phố). */
export type ProvinceKind = "province" | "city";

/** One of the 34 provincial-level units in place since 1 July 2025. */
export interface Province {
  /** The name without its level, e.g. `"Lạng Sơn"`, `"Hồ Chí Minh"`. */
  readonly name: string;
  readonly kind: ProvinceKind;
  /** The provinces merged into it by Resolution 202/2025/QH15 (empty for the 11 left as they were). */
  readonly merged: readonly string[];
}

const city = (name: string, ...merged: string[]): Province => ({ name, kind: "city", merged });
const province = (name: string, ...merged: string[]): Province => ({ name, kind: "province", merged });

/**
 * The 34 provincial-level units (28 provinces, 6 centrally-run cities) after Resolution
 * 202/2025/QH15 of 12 June 2025, in force for local government from 1 July 2025; `merged`
 * names the former provinces each one took in. Sources: the resolution as reported by
 * VnExpress (12 June 2025) and Gia đình & Pháp luật (the 11 units left as they were), and the
 * list attached to Resolution 60-NQ/TW (12 April 2025).
 */
export const PROVINCES: readonly Province[] = [
  city("Hà Nội"),
  city("Huế"),
  province("Lai Châu"),
  province("Điện Biên"),
  province("Sơn La"),
  province("Lạng Sơn"),
  province("Quảng Ninh"),
  province("Thanh Hóa"),
  province("Nghệ An"),
  province("Hà Tĩnh"),
  province("Cao Bằng"),
  province("Tuyên Quang", "Hà Giang"),
  province("Lào Cai", "Yên Bái"),
  province("Thái Nguyên", "Bắc Kạn"),
  province("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
  province("Bắc Ninh", "Bắc Giang"),
  province("Hưng Yên", "Thái Bình"),
  city("Hải Phòng", "Hải Dương"),
  province("Ninh Bình", "Hà Nam", "Nam Định"),
  province("Quảng Trị", "Quảng Bình"),
  city("Đà Nẵng", "Quảng Nam"),
  province("Quảng Ngãi", "Kon Tum"),
  province("Gia Lai", "Bình Định"),
  province("Khánh Hòa", "Ninh Thuận"),
  province("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
  province("Đắk Lắk", "Phú Yên"),
  city("Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Bình Dương"),
  province("Đồng Nai", "Bình Phước"),
  province("Tây Ninh", "Long An"),
  city("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
  province("Vĩnh Long", "Bến Tre", "Trà Vinh"),
  province("Đồng Tháp", "Tiền Giang"),
  province("Cà Mau", "Bạc Liêu"),
  province("An Giang", "Kiên Giang"),
];

/** Other spellings people use for a unit, as keys (see {@link provinceKey}). */
const ALIASES: Readonly<Record<string, string>> = {
  hcm: "Hồ Chí Minh",
  tphcm: "Hồ Chí Minh",
  hcmc: "Hồ Chí Minh",
  saigon: "Hồ Chí Minh",
  hn: "Hà Nội",
  hanoi: "Hà Nội",
};

/**
 * The comparison key of a name: lowercase, without accents (đ as d), without a leading level
 * word (tỉnh, thành phố, TP) and without spaces or punctuation, so "Lạng Sơn", "lang-son" and
 * "Tỉnh Lạng Sơn" share the key `langson`, and "Thanh Hoá" and "Thanh Hóa" are one name.
 *
 * @example
 * provinceKey("TP. Hồ Chí Minh"); // "hochiminh"
 */
export function provinceKey(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return plain.replace(/^(tinh|thanh pho|tp)(?: |(?=hcm))/, "").replace(/ /g, "");
}

/** Where a name typed by a user leads: a unit, a former province merged into one, or nowhere near. */
export type ProvinceMatch =
  | { readonly kind: "found"; readonly province: Province }
  | { readonly kind: "merged"; readonly former: string; readonly province: Province }
  | { readonly kind: "unknown"; readonly suggestions: readonly Province[] };

/** Levenshtein distance of two keys (short strings: the plain O(n·m) table is enough). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * Finds the provincial-level unit a user means. Accents, case, punctuation and the level word
 * are optional ("Lang Son", "lang-son", "TP HCM", "Ho Chi Minh"); a former province gives the
 * unit it was merged into; anything else gives the nearest names (at most 2 edits, or a quarter
 * of the key's length for long names) as suggestions, nearest first.
 *
 * @example
 * findProvince("lang son"); // { kind: "found", province: { name: "Lạng Sơn", kind: "province", … } }
 * findProvince("Binh Duong"); // { kind: "merged", former: "Bình Dương", province: { name: "Hồ Chí Minh", … } }
 */
export function findProvince(input: string): ProvinceMatch {
  const key = provinceKey(input);
  const byName = (name: string) => PROVINCES.find((p) => p.name === name);
  const alias = ALIASES[key];
  const exact = PROVINCES.find((p) => provinceKey(p.name) === key) ?? (alias === undefined ? undefined : byName(alias));
  if (exact) return { kind: "found", province: exact };
  for (const unit of PROVINCES) {
    const former = unit.merged.find((name) => provinceKey(name) === key);
    if (former !== undefined) return { kind: "merged", former, province: unit };
  }
  const limit = Math.max(2, Math.floor(key.length / 4));
  const near = PROVINCES.map((p) => ({ p, d: distance(key, provinceKey(p.name)) }))
    .filter((x) => key !== "" && x.d <= limit)
    .sort((a, b) => a.d - b.d);
  return { kind: "unknown", suggestions: near.slice(0, 3).map((x) => x.p) };
}

/**
 * The committees (Ban) of a provincial HĐND that `init` can write: the three every HĐND has
 * (`phap-che`, `kt-ns`, `vh-xh`), `dan-toc` where the HĐND has a Ban Dân tộc and `do-thi` (Ban
 * Đô thị) for a city (Law 72/2025/QH15 on the Organisation of Local Government, Art. 29).
 */
export const COMMITTEES = ["phap-che", "kt-ns", "vh-xh", "dan-toc", "do-thi"] as const;

/** The id of an HĐND committee, see {@link COMMITTEES}. */
export type Committee = (typeof COMMITTEES)[number];

/**
 * The committees `init` writes when `--committees` is not given: the three statutory ones, and
 * Ban Đô thị for a city. Ban Dân tộc is left out (and written commented out): whether a province
 * has one is decided under criteria of the National Assembly Standing Committee, which lichhop
 * does not hold, so it is never assumed.
 */
export function defaultCommittees(kind: ProvinceKind): readonly Committee[] {
  return kind === "city" ? ["phap-che", "kt-ns", "vh-xh", "do-thi"] : ["phap-che", "kt-ns", "vh-xh"];
}
