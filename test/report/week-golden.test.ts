// The weekly work schedule of the example's week 07 of 2024 (Tết, a clash on 15/02), byte for
// byte in each layout and format (UPDATE_GOLDEN=1 rewrites; a missing golden file fails), and
// the words of each golden file in its own language.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseSchedule } from "../../src/load/parse";
import { WEEK_TEXT } from "../../src/messages";
import { runCli } from "../helpers/cli";
import { ENGLISH } from "../helpers/english";

vi.setConfig({ testTimeout: 60_000 });

const GOLDEN = join(__dirname, "../fixtures/week/golden");
const EXAMPLE = "examples/lang-son-2024.yaml";

describe("the weekly work schedule of the example's week 2024-W07", () => {
  it.each([
    ["grid", "html", "vi", "day"],
    ["table", "html", "vi", "day"],
    ["list", "html", "vi", "day"],
    ["grid", "html", "en", "day"],
    ["table", "html", "en", "day"],
    ["list", "html", "en", "day"],
    ["grid", "text", "vi", "day"],
    ["table", "text", "en", "day"],
    ["list", "text", "vi", "day"],
    ["grid", "md", "vi", "day"],
    ["table", "md", "en", "day"],
    ["table", "csv", "vi", "day"],
    ["grid", "html", "vi", "person"],
    ["grid", "html", "en", "person"],
    ["grid", "text", "vi", "person"],
    ["grid", "md", "en", "person"],
    ["grid", "html", "vi", "body"],
  ] as const)("%s in %s (%s) by %s matches its golden file", (layout, format, lang, by) => {
    const { code, stdout, stderr } = runCli([
      "week",
      EXAMPLE,
      "--week",
      "2024-W07",
      "--layout",
      layout,
      ...(by === "day" ? [] : ["--by", by]),
      "--format",
      format,
      "--lang",
      lang,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const file = join(GOLDEN, `lang-son-2024-W07.${layout}${by === "day" ? "" : `-${by}`}.${lang}.${format === "text" ? "txt" : format}`);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, stdout);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(stdout).toBe(readFileSync(file, "utf8"));
  });
});

/** What the example's file says in its own words (titles, names, places, rules), longest first. */
function fileTexts(): string[] {
  const schedule = parseSchedule(readFileSync(EXAMPLE, "utf8"), { filename: "lang-son-2024.yaml" });
  const texts = [
    ...schedule.meetings.flatMap((m) => [m.title, m.invitees, m.preparedBy, m.followedBy, m.note, ...(m.changes ?? []).map((c) => c.note)]),
    ...schedule.people.flatMap((p) => [p.name, p.title, p.short]),
    ...schedule.bodies.map((b) => b.name),
    ...schedule.rooms.flatMap((r) => [r.name, r.location]),
    ...schedule.rules.map((r) => r.title),
  ];
  return texts.filter((x): x is string => x !== undefined && x !== "").sort((a, b) => b.length - a.length);
}

/** The words a reader sees: no markup, no style, entities read, the file's own texts taken out. */
function readerWords(file: string): string {
  let text = readFileSync(join(GOLDEN, file), "utf8")
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\\([\\|*_`[\]<>#])/g, "$1");
  for (const own of fileTexts()) text = text.replaceAll(own, " ");
  return text;
}

/** The English words of the catalogue that Vietnamese does not share ("Day", "Morning", "Place"…). */
function catalogueWords(lang: "vi" | "en"): Set<string> {
  const strings = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : typeof value === "function"
        ? [String(value(7, "2024-02-12", "2024-02-18"))]
        : typeof value === "object" && value !== null
          ? Object.values(value).flatMap(strings)
          : [];
  return new Set(
    strings(WEEK_TEXT[lang])
      .flatMap((s) => s.split(/[^\p{L}]+/u))
      .filter((w) => w.length > 1)
      .map((w) => w.toLowerCase()),
  );
}

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

describe("each golden file speaks its own language", () => {
  const files = readdirSync(GOLDEN).filter((f) => f.startsWith("lang-son-2024-W07."));
  const english = [...catalogueWords("en")].filter((w) => !catalogueWords("vi").has(w));

  it("has golden files in both languages, the grid by person among them", () => {
    expect(files.filter((f) => f.includes(".en."))).toContain("lang-son-2024-W07.grid-person.en.html");
    expect(files.filter((f) => f.includes(".vi."))).toContain("lang-son-2024-W07.grid-person.vi.html");
  });

  it.each(files.filter((f) => f.includes(".en.")))("%s: no Vietnamese word outside the file's own titles and names", (file) => {
    const words = readerWords(file).split(/[^\p{L}]+/u);
    expect(words.filter((w) => VIETNAMESE_LETTER.test(w))).toEqual([]);
  });

  it.each(files.filter((f) => f.includes(".vi.")))("%s: no English word outside the file's own titles and names", (file) => {
    const text = readerWords(file);
    expect(text).not.toMatch(ENGLISH);
    const words = new Set(text.split(/[^\p{L}]+/u).map((w) => w.toLowerCase()));
    expect(english.filter((w) => words.has(w))).toEqual([]);
  });
});
