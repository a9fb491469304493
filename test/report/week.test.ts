// The weekly work schedule's view and its renderings: structure, marks, escaping, determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../src/check";
import { expandSchedule } from "../../src/expand";
import { parseSchedule } from "../../src/load/parse";
import { workCalendar } from "../../src/calendar/work-calendar";
import { compareOccurrences, formatWeek, isoWeekMonday, mondayOf, occurrenceKey, weekView, type WeekView } from "../../src/report/week";
import { zoneClocks } from "../../src/time/zone";

const FILE = join(__dirname, "../fixtures/week/ubnd-tuan-12.yaml");
const schedule = parseSchedule(readFileSync(FILE, "utf8"), { filename: "ubnd-tuan-12.yaml" });
const occurrences = expandSchedule(schedule, { from: "2025-03-17", to: "2025-03-23" });
const clockFor = zoneClocks();

function view(extra: Partial<Parameters<typeof weekView>[2]> = {}): WeekView {
  return weekView(schedule, occurrences, { lang: "vi", monday: "2025-03-17", clockFor, calendar: workCalendar(), ...extra });
}

describe("ISO weeks", () => {
  it.each([
    [2025, 12, "2025-03-17"],
    [2024, 7, "2024-02-12"],
    [2026, 1, "2025-12-29"],
    [2020, 53, "2020-12-28"],
  ])("week %i-W%i starts on Monday %s", (year, week, monday) => {
    expect(isoWeekMonday(year, week)).toBe(monday);
    expect(mondayOf(monday)).toBe(monday);
  });

  it("the Monday of a Sunday is the Monday before it", () => {
    expect(mondayOf("2025-03-23")).toBe("2025-03-17");
  });
});

describe("the week's view", () => {
  it("has seven days, Monday first, each entry sorted by start with its half-day", () => {
    const v = view();
    expect(v.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    const tuesday = v.days[1]?.entries ?? [];
    expect(tuesday.map((e) => [e.meeting, e.period, e.startMinutes, e.endMinutes])).toEqual([
      ["dau-tu-cong", "afternoon", 840, 990],
      ["tiep-dan", "afternoon", 870, 1020],
    ]);
  });

  it("names the chair first by the person's short title, the other attendees after in the file's order", () => {
    const entry = view().days[0]?.entries[0];
    expect(entry?.chair).toBe("CT Đỗ Minh Tuấn");
    expect(entry?.attendees).toEqual(["PCTTT Nguyễn Văn Thi", "PCT Lê Đức Giang"]);
    expect(entry?.place).toBe("Phòng họp A, Trụ sở UBND tỉnh");
    expect(entry?.followedBy).toBe("CVP Trần Hữu Nghĩa");
  });

  it("keeps a cancelled occurrence, marked, and puts an all-day meeting of two days on both days", () => {
    const v = view();
    for (const day of [v.days[3], v.days[4]]) {
      expect(day?.entries.map((e) => [e.meeting, e.status, e.period])).toEqual([["hop-tinh-uy", "cancelled", "all-day"]]);
    }
  });

  it("shades weekends and names them", () => {
    expect(view().days[5]?.dayOff).toBe("Ngày nghỉ hằng tuần");
    expect(view({ lang: "en" }).days[6]?.dayOff).toBe("Weekly rest day");
  });

  it("filters by people (chair or attendee) and by bodies", () => {
    const byPerson = view({ people: ["pct"] }).days.flatMap((d) => d.entries.map((e) => e.meeting));
    expect(byPerson).toEqual(["giao-ban", "dau-tu-cong", "tiep-dan"]);
    const byBody = view({ bodies: ["so-khdt"] }).days.flatMap((d) => d.entries.map((e) => e.meeting));
    expect(byBody).toEqual(["dau-tu-cong"]);
  });

  it("carries each occurrence's clashes and marks by meeting and original start", () => {
    const v = view({
      clashes: new Map([[occurrenceKey("tiep-dan", "2025-03-18T14:30"), ["Lãnh đạo UBND không dự hai cuộc họp cùng lúc"]]]),
      marks: new Map([[occurrenceKey("giao-ban", "2025-03-17T08:30"), "moved" as const]]),
      removed: [{ date: "2025-03-19", startMinutes: 480, title: "Họp cũ" }],
      revision: 2,
    });
    expect(v.days[1]?.entries[1]?.clashes).toEqual(["Lãnh đạo UBND không dự hai cuộc họp cùng lúc"]);
    expect(v.days[0]?.entries[0]?.mark).toBe("moved");
    const text = formatWeek(v, "text");
    expect(text).toContain("(Điều chỉnh lần 2)");
    expect(text).toContain("[Thay đổi thời gian] Giao ban");
    expect(text).toContain("Không tổ chức: 19/03/2025 08:00 Họp cũ");
  });
});

describe("the week's HTML", () => {
  const grid = formatWeek(view(), "html", { layout: "grid" });
  const table = formatWeek(view(), "html", { layout: "table" });
  const list = formatWeek(view(), "html", { layout: "list" });

  it("the grid is a table of days by Sáng and Chiều with a caption and header scopes, A4 landscape", () => {
    expect(grid).toContain('<caption class="vh">LỊCH CÔNG TÁC TUẦN 12 (Từ ngày 17/03/2025 đến ngày 23/03/2025)</caption>');
    expect(grid.match(/<th scope="rowgroup" rowspan="2">/g)).toHaveLength(7);
    expect(grid.match(/<th scope="row">Sáng<\/th>/g)).toHaveLength(7);
    expect(grid.match(/<th scope="row">Chiều<\/th>/g)).toHaveLength(7);
    expect(grid).toContain("@page{size:A4 landscape");
    expect(grid).toContain("(8h30) Giao ban lãnh đạo UBND tỉnh");
    expect(grid).not.toContain('role="grid"');
  });

  it("the table has the eight columns of the district layout, A4 portrait", () => {
    const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      "Ngày",
      "Thời gian",
      "Nội dung",
      "Lãnh đạo chủ trì/tham dự",
      "Địa điểm",
      "Thành phần",
      "Lãnh đạo VP theo dõi",
      "Ghi chú",
    ]);
    expect(table).toContain("@page{size:A4 portrait");
    expect(table).toContain('<strong class="mark">[HỦY]</strong>');
  });

  it("the list writes prose per day: the hour, who chairs, the place, who prepares", () => {
    expect(list).toContain("14 giờ, PCTTT Nguyễn Văn Thi chủ trì Họp về giải ngân vốn đầu tư công");
    expect(list).toContain("Địa điểm tại Phòng họp A, Trụ sở UBND tỉnh");
    expect(list).toContain("Sở KH&amp;ĐT chuẩn bị nội dung và giấy mời");
  });

  it.each([
    ["grid", grid],
    ["table", table],
    ["list", list],
    ["grid by person", formatWeek(view(), "html", { layout: "grid", by: "person" })],
    ["grid by body", formatWeek(view(), "html", { layout: "grid", by: "body" })],
    ["table by person", formatWeek(view(), "html", { layout: "table", by: "person" })],
  ])("%s escapes every text from the file", (_layout, page) => {
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("is the same bytes for the same input", () => {
    expect(formatWeek(view(), "html", { layout: "grid" })).toBe(grid);
  });
});

/** The grid by person or body of an HTML page: each row group's heading, and its Sáng and Chiều rows' seven cells (their HTML). */
function gridOf(page: string): { heading: string; free: boolean; rows: { period: string; cells: { off: boolean; html: string }[] }[] }[] {
  return [...page.matchAll(/<tbody>\n([\s\S]*?)<\/tbody>/g)].map((group) => {
    const body = group[1] as string;
    const head = /<th scope="rowgroup" rowspan="2">([^<]*)(<span class="day-note">)?/.exec(body);
    return {
      heading: head?.[1] ?? "",
      free: head?.[2] !== undefined,
      rows: [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => ({
        period: /<th scope="row">([^<]*)<\/th>/.exec(row[1] as string)?.[1] ?? "",
        cells: [...(row[1] as string).matchAll(/<td( class="off")?>(.*?)<\/td>/g)].map((cell) => ({
          off: cell[1] !== undefined,
          html: cell[2] as string,
        })),
      })),
    };
  });
}

describe("the grid by person or body", () => {
  const byPerson = formatWeek(view(), "html", { layout: "grid", by: "person" });

  it("has a row group per leader in the file's order, each split into Sáng and Chiều, with the days Monday to Sunday as columns", () => {
    const grid = gridOf(byPerson);
    expect(grid.map((g) => g.heading)).toEqual(["CT Đỗ Minh Tuấn", "PCTTT Nguyễn Văn Thi", "PCT Lê Đức Giang"]);
    for (const group of grid) {
      expect(group.rows.map((r) => r.period)).toEqual(["Sáng", "Chiều"]);
      for (const row of group.rows) expect(row.cells).toHaveLength(7);
    }
    const heads = [...byPerson.matchAll(/<th scope="col"[^>]*>([^<]*)/g)].map((m) => m[1]);
    expect(heads).toEqual([
      "Lãnh đạo",
      "Buổi",
      "Thứ Hai 17/03/2025",
      "Thứ Ba 18/03/2025",
      "Thứ Tư 19/03/2025",
      "Thứ Năm 20/03/2025",
      "Thứ Sáu 21/03/2025",
      "Thứ Bảy 22/03/2025",
      "Chủ nhật 23/03/2025",
    ]);
    expect(byPerson).toContain('<caption class="vh">LỊCH CÔNG TÁC TUẦN 12 (Từ ngày 17/03/2025 đến ngày 23/03/2025)</caption>');
    expect(byPerson).toContain("@page{size:A4 landscape");
    expect(byPerson).not.toContain("<section");
  });

  it("puts each entry in its leader's cell of its day and half-day, with the start time, the place and whether the leader chairs", () => {
    const [ct, pcttt, pct] = gridOf(byPerson);
    expect(ct?.rows[0]?.cells[0]?.html).toBe(
      '<p class="entry">(8h30) Giao ban lãnh đạo UBND tỉnh (chủ trì). Địa điểm: Phòng họp A, Trụ sở UBND tỉnh</p>',
    );
    expect(pct?.rows[0]?.cells[0]?.html).toBe(
      '<p class="entry">(8h30) Giao ban lãnh đạo UBND tỉnh. Địa điểm: Phòng họp A, Trụ sở UBND tỉnh</p>',
    );
    expect(ct?.rows[1]?.cells.every((c) => c.html === "")).toBe(true);
    const tuesday = pct?.rows[1]?.cells[1]?.html ?? "";
    expect(tuesday.match(/<p class="entry">/g)).toHaveLength(2);
    expect(tuesday).toContain("(14h00) Họp về giải ngân vốn đầu tư công. Địa điểm");
    expect(tuesday).toContain("(14h30) &lt;script&gt;");
    const clashes = new Map([[occurrenceKey("tiep-dan", "2025-03-18T14:30"), ["Lãnh đạo UBND không dự hai cuộc họp cùng lúc"]]]);
    const marked = gridOf(formatWeek(view({ clashes }), "html", { layout: "grid", by: "person" }))[2]?.rows[1]?.cells[1]?.html;
    expect(marked).toContain(
      "Hội trường 25B. =HYPERLINK(&quot;x&quot;) | *không* in. ⚠ Trùng lịch: Lãnh đạo UBND không dự hai cuộc họp cùng lúc</p>",
    );
    expect(pcttt?.rows[1]?.cells[1]?.html).toContain("Họp về giải ngân vốn đầu tư công (chủ trì)");
    expect(pcttt?.rows[0]?.cells[1]?.html).toBe("");
    expect(pct?.rows[1]?.cells[2]?.html).toBe("");
  });

  it("puts an all-day meeting in Sáng on each of its days, marked, with its status", () => {
    const [ct] = gridOf(byPerson);
    for (const day of [3, 4]) {
      expect(ct?.rows[0]?.cells[day]?.html).toBe(
        '<p class="entry">(Cả ngày) <strong class="mark">[HỦY]</strong> Dự hội nghị Tỉnh ủy (chủ trì)</p>',
      );
      expect(ct?.rows[1]?.cells[day]?.html).toBe("");
    }
  });

  it("shades the days off down their column and names them in the head", () => {
    expect(byPerson).toContain('<th scope="col" class="off">Thứ Bảy 22/03/2025<span class="day-note">Ngày nghỉ hằng tuần</span></th>');
    expect(byPerson).toContain('<th scope="col">Thứ Sáu 21/03/2025</th>');
    for (const group of gridOf(byPerson)) {
      for (const row of group.rows) expect(row.cells.map((c) => c.off)).toEqual([false, false, false, false, false, true, true]);
    }
  });

  it("follows the order of --people, and keeps the row of a leader with nothing that week", () => {
    const asked = gridOf(formatWeek(view({ people: ["pct", "ct"] }), "html", { layout: "grid", by: "person" }));
    expect(asked.map((g) => [g.heading, g.free])).toEqual([
      ["PCT Lê Đức Giang", false],
      ["CT Đỗ Minh Tuấn", false],
    ]);
    const page = formatWeek(view({ people: ["ct", "pct"], bodies: ["so-khdt"] }), "html", { layout: "grid", by: "person" });
    const [ct] = gridOf(page);
    expect(ct?.heading).toBe("CT Đỗ Minh Tuấn");
    expect(ct?.free).toBe(true);
    expect(ct?.rows.flatMap((r) => r.cells.map((c) => c.html))).toEqual(Array.from({ length: 14 }, () => ""));
    expect(page).toContain('CT Đỗ Minh Tuấn<span class="day-note">Không có lịch.</span>');
  });

  it("with --bodies, the leaders of those bodies that week and those in their meetings only", () => {
    // Nobody is a member of Sở KH&ĐT: its meeting's chair and attendee are its leaders' rows.
    expect(gridOf(formatWeek(view({ bodies: ["so-khdt"] }), "html", { layout: "grid", by: "person" })).map((g) => g.heading)).toEqual([
      "PCTTT Nguyễn Văn Thi",
      "PCT Lê Đức Giang",
    ]);
    // Members of UBND tỉnh have a row though they have nothing that week.
    expect(view({ bodies: ["ubnd"] }).people).toEqual(["ct", "pcttt", "pct"]);
    // And by body with --people, the bodies of those people and of their meetings.
    expect(view({ people: ["pct"] }).bodies).toEqual(["ubnd", "so-khdt"]);
    expect(view({ people: ["ct"] }).bodies).toEqual(["ubnd"]);
  });

  it("by body, a row group per body naming the leaders in each cell", () => {
    const grid = gridOf(formatWeek(view(), "html", { layout: "grid", by: "body" }));
    expect(grid.map((g) => g.heading)).toEqual(["UBND tỉnh", "Sở Kế hoạch và Đầu tư"]);
    expect(grid[1]?.rows[1]?.cells[1]?.html).toContain(
      "(14h00) Họp về giải ngân vốn đầu tư công. PCTTT Nguyễn Văn Thi (chủ trì), PCT Lê Đức Giang. Địa điểm",
    );
    expect(grid[1]?.rows[0]?.cells.every((c) => c.html === "")).toBe(true);
  });

  it("in text, each leader's days with a line per entry naming its half-day, or that there is nothing", () => {
    const text = formatWeek(view({ people: ["ct", "pcttt", "pct"], bodies: ["so-khdt"] }), "text", { layout: "grid", by: "person" });
    expect(text.split("\n").slice(2, 9)).toEqual([
      "CT Đỗ Minh Tuấn",
      "  Không có lịch.",
      "PCTTT Nguyễn Văn Thi",
      "  Thứ Ba 18/03/2025",
      "    Chiều: (14h00) Họp về giải ngân vốn đầu tư công (chủ trì). Địa điểm: Phòng họp A, Trụ sở UBND tỉnh",
      "PCT Lê Đức Giang",
      "  Thứ Ba 18/03/2025",
    ]);
    expect(formatWeek(view(), "text", { layout: "grid", by: "person" })).toContain(
      "  Thứ Năm 20/03/2025\n    Sáng: (Cả ngày) [HỦY] Dự hội nghị Tỉnh ủy (chủ trì)\n",
    );
  });

  it("in Markdown, a table of nine columns, the leader named on the Sáng row", () => {
    const lines = formatWeek(view(), "md", { layout: "grid", by: "person" }).split("\n");
    const rows = lines.filter((l) => l.startsWith("| "));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(/^\| Lãnh đạo \| Buổi \| \*\*Thứ Hai 17\/03\/2025\*\* \|/);
    expect(rows[0]).toContain("**Thứ Bảy 22/03/2025**<br>_Ngày nghỉ hằng tuần_");
    expect(rows[1]?.startsWith("| **CT Đỗ Minh Tuấn** | Sáng | (8h30) Giao ban lãnh đạo UBND tỉnh (chủ trì).")).toBe(true);
    expect(rows[2]?.startsWith("|  | Chiều |")).toBe(true);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(11);
    expect(rows[6]).toContain("\\<script\\>");
  });

  it("the table and the list by person follow the order of --people", () => {
    const list = formatWeek(view({ people: ["pct", "ct"] }), "text", { layout: "list", by: "person" });
    const headings = list.split("\n").filter((l) => /^(CT|PCT|PCTTT) /.test(l));
    expect(headings).toEqual(["PCT Lê Đức Giang", "CT Đỗ Minh Tuấn"]);
  });
});

describe("the week page's navigation", () => {
  it("comes first in the body, every text and address escaped, the current page marked, hidden in print", () => {
    const page = formatWeek(view(), "html", {
      nav: {
        label: "Các tuần",
        groups: [
          { links: [{ text: "← <b>Tuần trước</b>", href: '2025-W11?people=a"b', rel: "prev" }] },
          { label: "Bố cục", links: [{ text: "Lưới", href: "2025-W12", current: true }] },
        ],
      },
    });
    expect(page).toContain(
      '<body>\n<nav class="weeks" aria-label="Các tuần"><a rel="prev" href="2025-W11?people=a&quot;b">← &lt;b&gt;Tuần trước&lt;/b&gt;</a> · Bố cục: <a href="2025-W12" aria-current="page">Lưới</a></nav>\n<main>',
    );
    expect(page).toContain("@media print{nav.weeks{display:none}}");
    expect(formatWeek(view(), "html")).not.toContain("nav.weeks");
  });
});

describe("the week's Markdown and CSV", () => {
  it("Markdown escapes pipes and markup inside cells", () => {
    const md = formatWeek(view(), "md", { layout: "table" });
    expect(md).toContain("\\| \\*không\\* in");
    expect(md).toContain("\\<script\\>");
  });

  it("the text table writes a pipe of the file's text as \\|, so every row has as many columns as the header", () => {
    const [header, ...rows] = formatWeek(view(), "text", { layout: "table" })
      .split("\n")
      .slice(2)
      .filter((l) => l.includes(" | "));
    const columns = (line: string) => line.split(/(?<!\\) \| /).length;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(columns(row), row).toBe(columns(header as string));
    expect(rows.join("\n")).toContain('=HYPERLINK("x") \\| *không* in');
  });

  it("CSV quotes fields, starts with a byte order mark and defuses formulas", () => {
    const csv = formatWeek(view(), "csv");
    expect(csv.startsWith("\uFEFFNgày,Thời gian,Nội dung,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")`);
    expect(csv.split("\r\n")).toHaveLength(7);
  });
});

describe("the table by person or body", () => {
  it("CSV names the leader in a first column, a meeting on the row of each of its leaders, in the order of --people", () => {
    const rows = formatWeek(view({ people: ["pct", "ct"] }), "csv", { layout: "table", by: "person" }).split("\r\n");
    expect(rows[0]).toBe(
      "\uFEFFLãnh đạo,Ngày,Thời gian,Nội dung,Lãnh đạo chủ trì/tham dự,Địa điểm,Thành phần,Lãnh đạo VP theo dõi,Ghi chú",
    );
    expect(rows.slice(1, -1).map((r) => r.split(",").slice(0, 2).join(","))).toEqual([
      "PCT Lê Đức Giang,Thứ Hai 17/03/2025",
      "PCT Lê Đức Giang,Thứ Ba 18/03/2025",
      "PCT Lê Đức Giang,Thứ Ba 18/03/2025",
      "CT Đỗ Minh Tuấn,Thứ Hai 17/03/2025",
      "CT Đỗ Minh Tuấn,Thứ Năm 20/03/2025",
      "CT Đỗ Minh Tuấn,Thứ Sáu 21/03/2025",
    ]);
  });

  it("HTML heads each body's rows with a row group header", () => {
    const page = formatWeek(view(), "html", { layout: "table", by: "body" });
    expect(page).toContain('<th scope="col">Cơ quan</th><th scope="col">Ngày</th>');
    expect(page).toContain('<tbody>\n<tr><th scope="rowgroup" rowspan="5">UBND tỉnh</th><th scope="row">Thứ Hai 17/03/2025</th>');
    expect(page).toContain(
      '<tbody>\n<tr><th scope="rowgroup" rowspan="1">Sở Kế hoạch và Đầu tư</th><th scope="row">Thứ Ba 18/03/2025</th>',
    );
  });
});

describe("the clashes of a checked week", () => {
  it("a check of the week finds the clash the view then marks", () => {
    const report = checkSchedule(schedule, { from: "2025-03-17", to: "2025-03-23" });
    expect(report.conflicts.some((c) => c.occurrences.some((o) => o.meeting === "tiep-dan"))).toBe(true);
  });
});

describe("compareOccurrences", () => {
  const yaml = (meetings: string) =>
    parseSchedule(
      `version: 1\nhorizon: { from: 2024-03-01, to: 2024-03-31 }\nbodies: [{ id: a, name: Văn phòng }]\nmeetings:\n${meetings}`,
      { filename: "t.yaml" },
    );
  const clockFor = zoneClocks();
  const keyOf = (o: { meeting: string; recurrenceId: number }) => `${o.meeting}|${o.recurrenceId}`;

  it("marks added and moved occurrences and dates the removed ones, all-day ones on their own day", () => {
    const before = expandSchedule(
      yaml(
        [
          "  - { id: hoi-nghi, title: Hội nghị, body: a, start: 2024-03-08, end: 2024-03-09 }",
          "  - { id: giao-ban, title: Giao ban, body: a, start: 2024-03-04T08:00, end: 2024-03-04T09:00 }",
        ].join("\n"),
      ),
    );
    const after = expandSchedule(
      yaml(
        [
          "  - { id: giao-ban, title: Giao ban, body: a, start: 2024-03-04T08:00, end: 2024-03-04T09:00, changes: [{ occurrence: 2024-03-04T08:00, start: 2024-03-05T14:00 }] }",
          "  - { id: moi, title: Họp mới, body: a, start: 2024-03-06T08:00, end: 2024-03-06T09:00 }",
        ].join("\n"),
      ),
    );
    const { marks, removed } = compareOccurrences(before, after, keyOf, clockFor);
    expect([...marks.entries()].map(([key, mark]) => [key.split("|")[0], mark])).toEqual([
      ["giao-ban", "moved"],
      ["moi", "added"],
    ]);
    // Midnight in Hà Nội is 17:00 UTC the day before: the removed all-day meeting stays on 08/03.
    expect(removed).toEqual([{ date: "2024-03-08", startMinutes: 0, title: "Hội nghị" }]);
  });
});
