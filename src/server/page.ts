import { escapeEntities, html } from "../internal/html";
import { inert, inertLines } from "../internal/inert";
import { PAGE_TEXT, type Lang } from "../messages";
import type { FeedState, ServedFeed } from "./handler";

/**
 * The HTML index of the served feeds: subscribe links, the conflict count and the last error.
 * Text from the file is HTML-escaped and made inert (control and bidi characters shown as escapes).
 */
export function renderIndex(state: FeedState, base: string | undefined): string {
  const t = PAGE_TEXT[state.lang];
  const { summary, horizon } = state.report;
  // Apple Calendar and Outlook open webcal:// links; Google Calendar takes the https:// address ("From URL").
  const webcal = base?.replace(/^https?:\/\//, "webcal://");
  const row = (feed: ServedFeed) => {
    const links = [
      ...(webcal ? [`<a href="${escapeEntities(`${webcal}/${feed.path}`)}">${t.subscribe}</a>`] : []),
      `<a href="${escapeEntities(feed.path)}">${t.download}</a>`,
    ];
    const address = base ? `<td><code>${escapeEntities(`${base}/${feed.path}`)}</code></td>` : "";
    return `<tr><td>${escapeEntities(inert(feed.name))}</td><td>${feed.events} ${t.events}</td><td>${links.join(" · ")}</td>${address}</tr>`;
  };
  const groups = (["all", "body", "person", "room", "conflicts"] as const)
    .map((kind) => {
      const feeds = state.feeds.filter((feed) => feed.selector.kind === kind);
      if (feeds.length === 0) return "";
      return `<h2>${t.groups[kind]}</h2>\n<table>\n${feeds.map(row).join("\n")}\n</table>`;
    })
    .filter(Boolean)
    .join("\n");
  const error =
    state.error === undefined ? "" : `<div class="error"><p>${t.error}</p><pre>${escapeEntities(inertLines(state.error))}</pre></div>\n`;
  return `<!doctype html>
<html lang="${state.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td{padding:.3rem .5rem;border-bottom:1px solid #ddd}
.error{background:#fee;border:1px solid #c00;padding:.5rem 1rem}.conflicts{font-weight:bold}
</style>
</head>
<body>
<h1>${t.title}</h1>
<p>${escapeEntities(t.horizon(horizon.from, horizon.to))} · ${t.loaded} ${new Date(state.loadedAt).toISOString()}</p>
<p class="conflicts" id="conflicts" data-count="${summary.conflicts}">${escapeEntities(t.conflicts(summary.conflicts, summary.errors, summary.warnings))}</p>
${error}${groups}
${base ? `<p>${escapeEntities(t.address)}</p>\n` : ""}<p><a href="report.html">${t.calendar}</a> · <a href="week">${t.week}</a> (<a href="week?layout=table">${t.layouts.table}</a> · <a href="week?layout=list">${t.layouts.list}</a>) · <a href="report.json">${t.report}</a></p>
</body>
</html>
`;
}

/**
 * The page of a request the server cannot answer as asked (400): what was wrong and what was
 * expected, in the schedule's language. The text is HTML-escaped and made inert, as it may quote
 * what the client sent.
 */
export function renderBadRequest(lang: Lang, text: string): string {
  const t = PAGE_TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>400 ${html(t.badRequest)}</title>
</head>
<body>
<h1>400 ${html(t.badRequest)}</h1>
<p>${html(text)}</p>
</body>
</html>
`;
}
