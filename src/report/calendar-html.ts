import type { WorkCalendar } from "../calendar/work-calendar";
import { html } from "../internal/html";
import { CALENDAR_TEXT, WEEK_TEXT, withdrawnWord, type CalendarText, type Lang, type WeekText } from "../messages";
import type { Occurrence } from "../recurrence/occurrence";
import type { Schedule } from "../schema/model";
import { isoWeek } from "../time/date";
import { formatDmy, isoDate } from "../time/wall-text";
import type { ZoneClock } from "../time/zone";
import type { Report, ReportFinding } from "./report";
import { addDays, hhmm, mondayOf, occurrenceKey, type WeekMark, type WeekRemoved } from "./week";

/** What {@link formatCalendarHtml} draws: a checked schedule's report and the occurrences behind it. */
export interface CalendarInput {
  readonly lang: Lang;
  readonly schedule: Schedule;
  readonly report: Report;
  /** The occurrences of the report's horizon, sorted (what the check expanded). */
  readonly occurrences: readonly Occurrence[];
  readonly clockFor: (zone: string) => ZoneClock;
  readonly calendar: WorkCalendar | undefined;
  /** The key an occurrence has in the report's conflicts: its meeting and original start as the report writes it. */
  readonly keyOf: (occurrence: Occurrence) => string;
  /** Against a base (`--base`): what each occurrence's key shows as added or moved. */
  readonly marks?: ReadonlyMap<string, WeekMark> | undefined;
  /** Against a base: its occurrences the schedule no longer has, listed beside the findings. */
  readonly removed?: readonly WeekRemoved[] | undefined;
}

/** An occurrence on one day, placed for drawing. */
interface Placed {
  readonly index: number;
  readonly date: string;
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  readonly occurrence: Occurrence;
  readonly findings: readonly string[];
  /** Added or moved since the base. */
  readonly mark: WeekMark | undefined;
}

/** The colours of the bodies, light enough for black text (AA), each with a darker border. */
const PALETTE = [
  ["#dbeafe", "#1d4ed8"],
  ["#dcfce7", "#15803d"],
  ["#fef3c7", "#b45309"],
  ["#fce7f3", "#be185d"],
  ["#ede9fe", "#6d28d9"],
  ["#cffafe", "#0e7490"],
  ["#ffedd5", "#c2410c"],
  ["#e5e7eb", "#374151"],
] as const;

/** The bands of the week view: Sáng until noon, Chiều after, each over its hours. */
const BANDS = [
  { key: "morning", from: 6 * 60, to: 12 * 60 },
  { key: "afternoon", from: 12 * 60, to: 19 * 60 },
] as const;

const weekId = (monday: string) => {
  const { year, week } = isoWeek(monday);
  return `${year}-W${String(week).padStart(2, "0")}`;
};

/**
 * The calendar report: one self-contained HTML page (inline CSS and a little inline script, no
 * network, no library) with a week view (Monday to Sunday, Sáng and Chiều bands over a time
 * axis), a month view and timelines by person and by room; one colour per body with its name;
 * days off shaded and named; every conflict drawn on each of its meetings with its rule's title;
 * the findings beside it, grouped by kind and rule, each linking to its week; filters by body,
 * person and room; print styles. Native tables with captions and header scopes; every text
 * escaped. The same input gives the same bytes.
 *
 * @example
 * const page = formatCalendarHtml({ lang: "vi", schedule, report, occurrences, clockFor, calendar, keyOf });
 */
export function formatCalendarHtml(input: CalendarInput): string {
  const { lang, schedule, report } = input;
  const c = CALENDAR_TEXT[lang];
  const w = WEEK_TEXT[lang];
  const findings = report.findings ?? [];
  const findingIndex = new Map(findings.map((f, k) => [f.id, k]));
  const clashes = new Map<string, string[]>();
  for (const conflict of report.conflicts) {
    if (conflict.finding === undefined) continue;
    for (const o of conflict.occurrences) {
      const key = occurrenceKey(o.meeting, o.occurrence);
      const list = clashes.get(key) ?? [];
      if (!list.includes(conflict.finding)) list.push(conflict.finding);
      clashes.set(key, list);
    }
  }
  const names = new Map<string, string>();
  for (const list of [schedule.bodies, schedule.people, schedule.rooms]) for (const item of list) names.set(item.id, item.name);
  const colour = new Map(schedule.bodies.map((b, k) => [b.id, k % PALETTE.length]));
  const byDate = new Map<string, Placed[]>();
  input.occurrences.forEach((occurrence, index) => {
    const clock = input.clockFor(occurrence.zone);
    const startWall = clock.toWall(occurrence.start);
    const endWall = clock.toWall(occurrence.end);
    const first = isoDate(startWall);
    const last = isoDate(endWall - 1);
    const key = input.keyOf(occurrence);
    const mark = input.marks?.get(key);
    const found = (clashes.get(key) ?? []).slice().sort((a, b) => (findingIndex.get(a) ?? 0) - (findingIndex.get(b) ?? 0));
    for (let date = first, k = 0; date <= last && k < 31; date = addDays(date, 1), k++) {
      const start = date === first && !occurrence.allDay ? Math.floor((startWall % 86_400_000) / 60_000) : 0;
      const end = date === isoDate(endWall) && !occurrence.allDay ? Math.floor((endWall % 86_400_000) / 60_000) : 1440;
      const list = byDate.get(date) ?? [];
      list.push({ index, date, start, end, allDay: occurrence.allDay || (start === 0 && end === 1440), occurrence, findings: found, mark });
      byDate.set(date, list);
    }
  });
  const dayName = (date: string) => {
    const off = input.calendar?.dayOff(date) ?? null;
    const makeUp = input.calendar?.makeUpDays(Number(date.slice(0, 4))).find((d) => d.date === date);
    if (makeUp) return { off: false, name: `${w.makeUp}: ${makeUp.name[lang]}` };
    if (off) return { off: true, name: off.kind === "weekend" ? "" : off.name[lang] };
    return { off: false, name: "" };
  };
  const dayLabel = (date: string, long = false) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return long
      ? `${w.weekdays[weekday]} ${formatDmy(date)}`
      : `${(lang === "vi" ? ["CN", "T2", "T3", "T4", "T5", "T6", "T7"] : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])[weekday]} ${formatDmy(date).slice(0, 5)}`;
  };
  const findingTitle = (id: string) => findings[findingIndex.get(id) ?? -1]?.title ?? "";

  /**
   * One event: a link to its first finding when it clashes, named by day, time, title and place;
   * a postponed or cancelled one marked in words ([HOÃN], [HỦY]) and struck through.
   */
  const event = (p: Placed, style: string): string => {
    const o = p.occurrence;
    const body = o.bodies[0];
    const colourClass = body === undefined ? "c7" : `c${colour.get(body) ?? 7}`;
    const place = o.room === undefined ? "" : (names.get(o.room) ?? o.room);
    const time = p.allDay ? w.allDay : `${hhmm(p.start)}–${hhmm(p.end)}`;
    const bodies = o.bodies.map((b) => names.get(b) ?? b).join(", ");
    const data = `data-b="${html(o.bodies.join(" "))}" data-p="${html(o.attendees.join(" "))}" data-r="${html(o.room ?? "")}"`;
    const inner = [
      `<span class="sr">${html(dayLabel(p.date, true))}, </span>`,
      `<span class="tm">${html(time)}</span> `,
      o.withdrawn === undefined ? "" : `<strong class="wd">[${html(withdrawnWord(w, o.withdrawn))}]</strong> `,
      p.mark === undefined ? "" : `<strong class="mk">[${html(p.mark === "added" ? w.added : w.moved)}]</strong> `,
      `<span class="ti">${html(o.title)}</span>`,
      place === "" ? "" : `<span class="pl">, ${html(place)}</span>`,
      bodies === "" ? "" : `<span class="bl"> · ${html(bodies)}</span>`,
      p.findings.length === 0
        ? ""
        : `<span class="cf"><span aria-hidden="true">⚠</span> ${html(c.clash)}: ${html(p.findings.map(findingTitle).join("; "))}</span>`,
    ].join("");
    if (p.findings.length === 0)
      return `<span class="ev ${colourClass}${o.withdrawn === undefined ? "" : " withdrawn"}" ${data}${style}>${inner}</span>`;
    return `<a class="ev ${colourClass} clash" href="#f-${p.findings[0] as string}" data-f="${p.findings.join(" ")}" ${data}${style}>${inner}</a>`;
  };

  /** A band's events over its time axis: top and height by time, overlapping events side by side. */
  const band = (events: readonly Placed[], from: number, to: number): string => {
    const lanes: number[] = [];
    const placed = events.map((p) => {
      let lane = lanes.findIndex((end) => end <= p.start);
      if (lane < 0) lane = lanes.push(0) - 1;
      lanes[lane] = p.end;
      return { p, lane };
    });
    const span = to - from;
    return placed
      .map(({ p, lane }) => {
        const top = Math.max(0, Math.min(90, ((p.start - from) / span) * 100));
        const height = Math.max(10, Math.min(100 - top, ((Math.min(p.end, to) - Math.max(p.start, from)) / span) * 100));
        const width = 100 / lanes.length;
        const style = ` style="top:${top.toFixed(1)}%;height:${height.toFixed(1)}%;left:${(lane * width).toFixed(1)}%;width:${width.toFixed(1)}%"`;
        return event(p, style);
      })
      .join("");
  };

  const horizon = report.horizon;
  const mondays: string[] = [];
  for (let monday = mondayOf(horizon.from); monday <= horizon.to; monday = addDays(monday, 7)) mondays.push(monday);
  const weekWithEvents = mondays.find((m) => Array.from({ length: 7 }, (_, k) => addDays(m, k)).some((d) => byDate.has(d))) ?? mondays[0];

  const dayHeads = (dates: readonly string[]) =>
    dates
      .map((date) => {
        const day = dayName(date);
        return `<th scope="col"${day.off ? ' class="off"' : ""}>${html(dayLabel(date))}${day.name === "" ? "" : `<span class="dn">${html(day.name)}</span>`}</th>`;
      })
      .join("");
  const dayCell = (date: string, content: string) => `<td${dayName(date).off ? ' class="off"' : ""}>${content}</td>`;

  const weekSections = mondays.map((monday, k) => {
    const id = weekId(monday);
    const dates = Array.from({ length: 7 }, (_, d) => addDays(monday, d));
    const caption = c.week(isoWeek(monday).week, monday, dates[6] as string);
    const timed = (date: string) => (byDate.get(date) ?? []).filter((p) => !p.allDay);
    const allDay = (date: string) => (byDate.get(date) ?? []).filter((p) => p.allDay);
    const hasAllDay = dates.some((d) => allDay(d).length > 0);
    const rows = [
      ...(hasAllDay
        ? [
            `<tr><th scope="row">${html(w.allDay)}</th>${dates
              .map((d) =>
                dayCell(
                  d,
                  allDay(d)
                    .map((p) => event(p, ""))
                    .join(""),
                ),
              )
              .join("")}</tr>`,
          ]
        : []),
      ...BANDS.map((b) => {
        const label = b.key === "morning" ? w.morning : w.afternoon;
        const cells = dates.map((d) => {
          const events = timed(d).filter((p) => (b.key === "morning" ? p.start < 12 * 60 : p.start >= 12 * 60));
          return dayCell(d, `<div class="band">${band(events, b.from, b.to)}</div>`);
        });
        return `<tr><th scope="row">${html(label)}<span class="ax">${hhmm(b.from)}–${hhmm(b.to)}</span></th>${cells.join("")}</tr>`;
      }),
    ];
    const timeline = (kind: "people" | "rooms") => {
      const items = kind === "people" ? schedule.people : schedule.rooms;
      // A row for each person (or room) with a meeting that week: the week's meetings are
      // bucketed once, so the cost follows the meetings, not people × weeks.
      const rowOf = new Map<string, Placed[][]>();
      dates.forEach((d, day) => {
        for (const p of byDate.get(d) ?? []) {
          const ids = kind === "people" ? p.occurrence.attendees : p.occurrence.room === undefined ? [] : [p.occurrence.room];
          for (const id of ids) {
            const row = rowOf.get(id) ?? Array.from({ length: 7 }, () => [] as Placed[]);
            row[day]?.push(p);
            rowOf.set(id, row);
          }
        }
      });
      const rowsOf = items
        .filter((item) => rowOf.has(item.id))
        .map((item) => {
          const row = rowOf.get(item.id) as Placed[][];
          const cells = dates.map((d, day) => dayCell(d, (row[day] ?? []).map((p) => event(p, "")).join("")));
          return `<tr><th scope="row">${html(item.name)}</th>${cells.join("")}</tr>`;
        })
        .join("\n");
      const label = kind === "people" ? c.person : c.room;
      return `<div class="v-${kind}"><table class="timeline"><caption>${html(`${caption} · ${kind === "people" ? c.views.people : c.views.rooms}`)}</caption><thead><tr><th scope="col">${html(label)}</th>${dayHeads(dates)}</tr></thead><tbody>\n${rowsOf}\n</tbody></table></div>`;
    };
    const prev = mondays[k - 1];
    const next = mondays[k + 1];
    const nav = [
      prev === undefined ? "" : `<a href="#w-${weekId(prev)}" class="prev">${html(c.previousWeek)}</a>`,
      next === undefined ? "" : `<a href="#w-${weekId(next)}" class="next">${html(c.nextWeek)}</a>`,
    ].join(" ");
    return [
      `<section class="week${monday === weekWithEvents ? " cur" : ""}" id="w-${id}" aria-labelledby="h-${id}">`,
      `<h2 id="h-${id}">${html(caption)}</h2>`,
      `<p class="weeknav">${nav}</p>`,
      `<div class="v-week"><table class="grid"><caption>${html(caption)}</caption><thead><tr><th scope="col">${html(c.period)}</th>${dayHeads(dates)}</tr></thead><tbody>`,
      rows.join("\n"),
      "</tbody></table></div>",
      timeline("people"),
      timeline("rooms"),
      "</section>",
    ].join("\n");
  });

  const months: string[] = [];
  for (let first = `${horizon.from.slice(0, 7)}-01`; first <= horizon.to; first = nextMonth(first)) months.push(first);
  const weekdayHeads = [1, 2, 3, 4, 5, 6, 0].map((d) => `<th scope="col">${html(w.weekdays[d] as string)}</th>`).join("");
  const monthSections = months.map((first) => {
    const month = first.slice(0, 7);
    const caption = c.month(Number(first.slice(5, 7)), Number(first.slice(0, 4)));
    const rows: string[] = [];
    for (let monday = mondayOf(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
      const cells = Array.from({ length: 7 }, (_, d) => {
        const date = addDays(monday, d);
        if (date.slice(0, 7) !== month) return "<td></td>";
        const day = dayName(date);
        const events = (byDate.get(date) ?? []).map((p) => event(p, "")).join("");
        return dayCell(
          date,
          `<a class="dnum" href="#w-${weekId(monday)}">${Number(date.slice(8, 10))}<span class="sr"> ${html(formatDmy(date))}</span></a>${day.name === "" ? "" : `<span class="dn">${html(day.name)}</span>`}${events}`,
        );
      });
      rows.push(`<tr>${cells.join("")}</tr>`);
    }
    return `<section class="month" id="m-${month}" aria-label="${html(caption)}"><table class="monthgrid"><caption>${html(caption)}</caption><thead><tr>${weekdayHeads}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></section>`;
  });

  const options = (items: readonly { id: string; name: string }[]) =>
    [
      `<option value="">${html(c.all)}</option>`,
      ...items.map((item) => `<option value="${html(item.id)}">${html(item.name)}</option>`),
    ].join("");
  const legend = schedule.bodies
    .map((b) => `<li><span class="sw c${colour.get(b.id) ?? 7}" aria-hidden="true"></span>${html(b.name)}</li>`)
    .join("");
  const title = c.title(horizon.from, horizon.to);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${html(title)}</h1>
<p class="summary">${html(summaryLine(report, lang))}</p>
<form class="controls" aria-label="${html(c.filters)}">
<fieldset><legend>${html(c.viewLabel)}</legend>
${(["week", "month", "people", "rooms"] as const).map((v) => `<label><input type="radio" name="view" value="${v}"${v === "week" ? " checked" : ""}> ${html(c.views[v])}</label>`).join("\n")}
</fieldset>
<fieldset><legend>${html(c.filters)}</legend>
<label>${html(c.body)} <select name="b">${options(schedule.bodies)}</select></label>
<label>${html(c.person)} <select name="p">${options(schedule.people)}</select></label>
<label>${html(c.room)} <select name="r">${options(schedule.rooms)}</select></label>
</fieldset>
</form>
<section class="legend" aria-label="${html(c.legend)}"><ul>${legend}</ul></section>
</header>
<div class="layout">
<main>
<div id="weeks">
${weekSections.join("\n")}
</div>
<div id="months">
${monthSections.join("\n")}
</div>
</main>
${findingsAside(findings, c, mondayOf, removedList(input.removed ?? [], c, w))}
</div>
<script>${CALENDAR_SCRIPT}</script>
</body>
</html>
`;
}

function nextMonth(first: string): string {
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

function summaryLine(report: Report, lang: Lang): string {
  const s = report.summary;
  return lang === "vi"
    ? `${s.meetings} cuộc họp, ${s.occurrences} buổi; ${s.conflicts} xung đột (${s.errors} lỗi, ${s.warnings} cảnh báo)${s.findings === undefined ? "" : ` thuộc ${s.findings} vấn đề`}`
    : `${s.meetings} meetings, ${s.occurrences} occurrences; ${s.conflicts} conflicts (${s.errors} errors, ${s.warnings} warnings)${s.findings === undefined ? "" : ` in ${s.findings} findings`}`;
}

/** The findings, grouped by kind and then by rule (or built-in check), each linking to the week of its first date. */
function findingsAside(findings: readonly ReportFinding[], c: CalendarText, mondayOfDate: (date: string) => string, after: string): string {
  if (findings.length === 0)
    return `<aside aria-labelledby="fh"><h2 id="fh">${html(c.findings)}</h2><p>${html(c.noFindings)}</p>${after}</aside>`;
  const kinds: ReportFinding["kind"][] = [];
  for (const f of findings) if (!kinds.includes(f.kind)) kinds.push(f.kind);
  const groups = kinds.map((kind) => {
    const ofKind = findings.filter((f) => f.kind === kind);
    const titles: string[] = [];
    for (const f of ofKind) if (!titles.includes(f.title)) titles.push(f.title);
    const rules = titles.map((title) => {
      const items = ofKind
        .filter((f) => f.title === title)
        .map((f) => {
          const monday = mondayOfDate(f.first);
          const { year, week } = isoWeek(monday);
          const target = `w-${year}-W${String(week).padStart(2, "0")}`;
          const severity = f.severity === "error" ? c.error : c.warning;
          return `<li id="f-${f.id}" class="sev-${f.severity}"><span class="sev">${html(severity)}</span> ${html(f.message)} <a href="#${target}" data-week="${target}">${html(`${c.showWeek} ${String(week).padStart(2, "0")} (${c.dates(f.dateCount, f.first)})`)}</a></li>`;
        });
      return `<section><h4>${html(title)}</h4><ul>${items.join("\n")}</ul></section>`;
    });
    return `<section><h3>${html(c.kinds[kind])}</h3>${rules.join("\n")}</section>`;
  });
  return `<aside aria-labelledby="fh"><h2 id="fh">${html(`${c.findings} (${findings.length})`)}</h2>\n${groups.join("\n")}\n${after}</aside>`;
}

/** Against a base, the occurrences no longer held, by date and time: "Không tổ chức: T5 07/03/2024 08:00 …". */
function removedList(removed: readonly WeekRemoved[], c: CalendarText, w: WeekText): string {
  if (removed.length === 0) return "";
  const sorted = removed.slice().sort((a, b) => (a.date === b.date ? a.startMinutes - b.startMinutes : a.date < b.date ? -1 : 1));
  const items = sorted.map(
    (r) =>
      `<li>${html(`${w.removed}: ${w.weekdays[new Date(`${r.date}T00:00:00Z`).getUTCDay()]} ${formatDmy(r.date)} ${hhmm(r.startMinutes)} ${r.title}`)}</li>`,
  );
  return `<section class="removed" aria-labelledby="rh"><h2 id="rh">${html(`${c.removedHeading} (${removed.length})`)}</h2><ul>${items.join("")}</ul></section>`;
}

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;margin:0;font-size:14px;line-height:1.35}
header{padding:.75rem 1rem;border-bottom:1px solid #888}
h1{font-size:1.3rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:.5rem 0}
h3{font-size:1rem;margin:.75rem 0 .25rem}
h4{font-size:.95rem;margin:.5rem 0 .25rem;font-weight:600}
.controls{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0}
fieldset{border:1px solid #888;padding:.25rem .5rem;margin:0}
.legend ul{list-style:none;display:flex;flex-wrap:wrap;gap:.75rem;padding:0;margin:.25rem 0}
.sw{display:inline-block;width:1rem;height:1rem;border:2px solid;margin-right:.3rem;vertical-align:middle}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:1rem;padding:0 1rem}
aside{border-left:1px solid #888;padding-left:1rem}
aside ul{padding-left:1.1rem}
aside li{margin:.3rem 0}
.sev{font-weight:700}
.sev-error .sev{color:#a00018}
.sev-warning .sev{color:#7a4a00}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:1rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #999;padding:.2rem;vertical-align:top;text-align:left}
thead th{background:#f1f1f1}
th[scope=row]{width:6.5rem;background:#f7f7f7}
.timeline th[scope=row]{width:10rem}
.off{background:#e6e6e6}
thead th.off{background:#d9d9d9}
.dn{display:block;font-weight:400;font-size:.8rem;font-style:italic}
.ax{display:block;font-weight:400;font-size:.75rem;color:#333}
.band{position:relative;height:16rem}
.band .ev{position:absolute;overflow:hidden}
.ev{display:block;border-left:4px solid;padding:.1rem .25rem;margin:0 0 .2rem;font-size:.8rem;color:#111;text-decoration:none;background:#eee}
a.ev:focus{outline:3px solid #000;z-index:2}
.ev .tm{font-weight:700}
.ev .cf{display:block;color:#8a0016;font-weight:700}
.ev.clash{border:2px solid #a00018;border-left-width:6px}
.ev.withdrawn .ti{text-decoration:line-through}
.ev .wd,.ev .mk{color:#8a1c00}
.c0{background:#dbeafe;border-color:#1d4ed8}.c1{background:#dcfce7;border-color:#15803d}.c2{background:#fef3c7;border-color:#b45309}.c3{background:#fce7f3;border-color:#be185d}
.c4{background:#ede9fe;border-color:#6d28d9}.c5{background:#cffafe;border-color:#0e7490}.c6{background:#ffedd5;border-color:#c2410c}.c7{background:#e5e7eb;border-color:#374151}
.ev.clash.c0,.ev.clash.c1,.ev.clash.c2,.ev.clash.c3,.ev.clash.c4,.ev.clash.c5,.ev.clash.c6,.ev.clash.c7{border-color:#a00018}
.dnum{font-weight:700;color:#111}
.monthgrid td{height:6rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.weeknav a{margin-right:1rem;color:#0645ad}
aside a{color:#0645ad}
.js .week:not(.cur){display:none}
.js #months{display:none}
.js [data-view=month] #weeks{display:none}
.js [data-view=month] #months{display:block}
.v-people,.v-rooms{display:none}
.js [data-view=people] .v-week,.js [data-view=rooms] .v-week{display:none}
.js [data-view=people] .v-people,.js [data-view=rooms] .v-rooms{display:block}
.ev.hide{display:none}
@media (max-width:900px){.layout{grid-template-columns:1fr}aside{border-left:0;padding-left:0}}
@media print{@page{size:A4 landscape;margin:10mm}.controls,.weeknav{display:none}.layout{display:block}aside{border:0;padding:0;break-before:page}.band{height:12rem}a{color:#111}}
`;

/**
 * The report's one inline script: shows one week (the one a link or the address names), switches
 * views, applies the filters. Exported so that a server can allow exactly it (a CSP hash).
 */
export const CALENDAR_SCRIPT = `
(function(){
var d=document,b=d.body,root=d.documentElement;root.classList.add("js");
var form=d.querySelector("form.controls");
function sec(el){while(el&&!(el.classList&&(el.classList.contains("week")||el.classList.contains("month"))))el=el.parentNode;return el}
function show(id){var el=id&&d.getElementById(id);var s=sec(el);if(!s||!s.classList.contains("week"))return;
[].forEach.call(d.querySelectorAll("section.week.cur"),function(x){x.classList.remove("cur")});s.classList.add("cur");
if(b.getAttribute("data-view")==="month"){b.setAttribute("data-view","week");form.view.value="week"}}
function filter(){var v={b:form.b.value,p:form.p.value,r:form.r.value};
[].forEach.call(d.querySelectorAll(".ev"),function(e){var ok=true;
for(var k in v){if(v[k]&&(" "+e.getAttribute("data-"+k)+" ").indexOf(" "+v[k]+" ")<0)ok=false}
e.classList.toggle("hide",!ok)})}
b.setAttribute("data-view","week");
form.addEventListener("change",function(ev){if(ev.target.name==="view")b.setAttribute("data-view",form.view.value);else filter()});
window.addEventListener("hashchange",function(){show(location.hash.slice(1))});
if(location.hash)show(location.hash.slice(1));
})();
`;
