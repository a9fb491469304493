import { createHash } from "node:crypto";
import { readFileSync, statSync, watch, type FSWatcher } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, dirname, resolve } from "node:path";
import { safeCheckSchedule } from "../check";
import { formatIssue, ScheduleError, type Issue } from "../errors";
import { buildFeeds, type Feed, type FeedOptions, type FeedSelector } from "../ical/feeds";
import { safeParseSchedule } from "../load/parse";
import type { Lang } from "../report/messages";
import type { Report } from "../report/report";
import { renderIndex } from "./page";

/** Options for {@link createFeedHandler}. */
export interface FeedHandlerOptions extends Omit<FeedOptions, "stamp"> {
  /** The schedule file (YAML or JSON) to serve; it is watched for changes. */
  readonly file: string;
  /** First and last local dates (`YYYY-MM-DD`); default: the file's horizon. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** DTSTAMP of every event; default: the file's modification time at each load. */
  readonly stamp?: number | Date | undefined;
  /** Watch the file and serve a valid change at once (default true). */
  readonly watch?: boolean | undefined;
  /** Receives one line per reload or rejected change; the handler itself never writes anywhere. */
  readonly log?: ((message: string) => void) | undefined;
  /**
   * The public base URL of the handler (e.g. `https://lich.example.gov.vn/feeds`), used for the
   * index page's `webcal://` links; default: built from the request's Host header.
   */
  readonly publicUrl?: string | undefined;
}

/** One response body with its validators. */
interface Entry {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
  /** Epoch ms, whole seconds. */
  readonly lastModified: number;
}

/** A feed as listed on the index page. */
export interface ServedFeed {
  readonly path: string;
  readonly name: string;
  readonly selector: FeedSelector;
  readonly events: number;
}

/** What the handler serves: the last good build of the schedule, and the last error, if any. */
export interface FeedState {
  readonly feeds: readonly ServedFeed[];
  readonly report: Report;
  /** When the served build was made, epoch ms. */
  readonly loadedAt: number;
  /** Why the latest change of the file was rejected (the last good feeds are still served). */
  readonly error: string | undefined;
  readonly lang: Lang;
}

/** A Node request handler serving a schedule's feeds; fits `http.createServer` and Express. */
export interface FeedHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Reloads the file now; returns false (and keeps the last good feeds) when it is invalid. */
  reload(): boolean;
  /** The current state (feeds, report, last error). */
  state(): FeedState;
  /** Stops watching the file. */
  close(): void;
}

const ICS = "text/calendar; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const HTML = "text/html; charset=utf-8";

function etagOf(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

interface Build {
  readonly entries: Map<string, Entry>;
  readonly feeds: ServedFeed[];
  readonly report: Report;
  readonly lang: Lang;
}

class LoadError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.issues = issues;
  }
}

/** Whether the request's validators match the entry (RFC 9110 §13.1.2, §13.1.3). */
function notModified(req: IncomingMessage, entry: Entry): boolean {
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) {
    if (inm.trim() === "*") return true;
    return inm.split(",").some((tag) => tag.trim().replace(/^W\//, "") === entry.etag);
  }
  const ims = req.headers["if-modified-since"];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && entry.lastModified <= since;
  }
  return false;
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, extra: Record<string, string> = {}): void {
  const headers: Record<string, string | number> = {
    ETag: entry.etag,
    "Last-Modified": new Date(entry.lastModified).toUTCString(),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  };
  if (notModified(req, entry)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, "Content-Type": entry.type, "Content-Length": entry.body.length });
  res.end(req.method === "HEAD" ? undefined : entry.body);
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`, "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(body);
}

/**
 * Creates a Node request handler that serves a schedule file's iCalendar feeds for `webcal://`
 * subscriptions: `/all.ics`, `/body/<id>.ics`, `/person/<id>.ics`, `/room/<id>.ics`,
 * `/conflicts.ics`, `/report.json` and an HTML index at `/`. Responses carry a strong ETag (a hash
 * of the bytes, 304 on `If-None-Match`) and a Last-Modified that never moves backwards. The file
 * is watched: a valid change is served at once; an invalid one keeps the last good feeds and is
 * shown on the index page and passed to `log`. Throws a `ScheduleError` when the file is invalid
 * at start.
 *
 * @example
 * import { createServer } from "node:http";
 * import { createFeedHandler } from "lichhop/server";
 * const handler = createFeedHandler({ file: "lich.yaml", log: console.error });
 * createServer(handler).listen(8080, "127.0.0.1");
 */
export function createFeedHandler(options: FeedHandlerOptions): FeedHandler {
  const file = resolve(options.file);
  const log = options.log ?? (() => {});
  let current: Build;
  let loadedAt = 0;
  let error: string | undefined;

  const build = (previous: Build | undefined): Build => {
    let text: string;
    let mtime: number;
    try {
      mtime = Math.floor(statSync(file).mtimeMs / 1000) * 1000;
      text = readFileSync(file, "utf8");
    } catch (cause) {
      throw new LoadError([{ code: "invalid-value", message: `cannot read ${options.file}: ${(cause as Error).message}`, path: [], file: options.file }]);
    }
    const parsed = safeParseSchedule(text, { filename: options.file, ...(options.lang ? { lang: options.lang } : {}) });
    if (!parsed.ok) throw new LoadError(parsed.issues);
    const schedule = parsed.schedule;
    const checked = safeCheckSchedule(schedule, {
      ...(options.from ? { from: options.from } : {}),
      ...(options.to ? { to: options.to } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    });
    if (!checked.ok) throw new LoadError(checked.issues);
    const built: Feed[] = buildFeeds(schedule, checked, { ...options, stamp: options.stamp ?? mtime });
    const entries = new Map<string, Entry>();
    const entry = (path: string, body: Buffer, type: string): Entry => {
      const etag = etagOf(body);
      const before = previous?.entries.get(path);
      if (before && before.etag === etag) return before;
      // A new body gets a later Last-Modified than the one it replaces, whatever the file's mtime.
      const lastModified = before ? Math.max(mtime, before.lastModified + 1000) : mtime;
      return { body, type, etag, lastModified };
    };
    for (const feed of built) entries.set(`/${feed.path}`, entry(`/${feed.path}`, Buffer.from(feed.ics, "utf8"), ICS));
    entries.set("/report.json", entry("/report.json", Buffer.from(`${JSON.stringify(checked.report, null, 2)}\n`, "utf8"), JSON_TYPE));
    return {
      entries,
      feeds: built.map(({ path, name, selector, events }) => ({ path, name, selector, events })),
      report: checked.report,
      lang: options.lang ?? schedule.locale ?? "vi",
    };
  };

  try {
    current = build(undefined);
    loadedAt = Date.now();
  } catch (cause) {
    if (cause instanceof LoadError) throw new ScheduleError(cause.issues);
    throw cause;
  }

  const reload = (): boolean => {
    try {
      current = build(current);
      loadedAt = Date.now();
      error = undefined;
      log(`${options.file}: reloaded: ${current.feeds.length} feeds, ${current.report.summary.conflicts} conflicts`);
      return true;
    } catch (cause) {
      error = cause instanceof LoadError ? cause.message : `${(cause as Error).message}`;
      log(`${options.file}: invalid, still serving the last good feeds:\n${error}`);
      return false;
    }
  };

  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (options.watch !== false) {
    // Watch the directory: editors and `git checkout` replace the file, which ends a file watch.
    const name = basename(file);
    watcher = watch(dirname(file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        reload();
      }, 50);
      timer.unref?.();
    });
    watcher.unref();
  }

  const state = (): FeedState => ({ feeds: current.feeds, report: current.report, loadedAt, error, lang: current.lang });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      plain(res, 405, "405 Method Not Allowed", { Allow: "GET, HEAD" });
      return;
    }
    const raw = (req.url ?? "/").split(/[?#]/)[0] ?? "/";
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      plain(res, 400, "400 Bad Request");
      return;
    }
    if (path === "/" || path === "/index.html") {
      const html = renderIndex(state(), webcalBase(req, options.publicUrl));
      const body = Buffer.from(html, "utf8");
      send(req, res, { body, type: HTML, etag: etagOf(body), lastModified: Math.floor(loadedAt / 1000) * 1000 }, {
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      return;
    }
    const entry = current.entries.get(path);
    if (!entry) {
      plain(res, 404, "404 Not Found");
      return;
    }
    const extra: Record<string, string> =
      entry.type === ICS ? { "Content-Disposition": `inline; filename="${basename(path)}"` } : {};
    send(req, res, entry, extra);
  };

  return Object.assign(handler, {
    reload,
    state,
    close: () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  });
}

/** `webcal://host/prefix` for the index links, or undefined when the Host header is unusable. */
function webcalBase(req: IncomingMessage, publicUrl: string | undefined): string | undefined {
  if (publicUrl !== undefined) return publicUrl.replace(/^https?:\/\//, "webcal://").replace(/\/+$/, "");
  const host = req.headers.host;
  if (host === undefined || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return undefined;
  // Under Express, `originalUrl` keeps the mount path that `url` has lost.
  const original = ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/").split(/[?#]/)[0] ?? "/";
  const own = (req.url ?? "/").split(/[?#]/)[0] ?? "/";
  const prefix = original.endsWith(own) ? original.slice(0, original.length - own.length) : "";
  return `webcal://${host}${/^[A-Za-z0-9/._~-]*$/.test(prefix) ? prefix : ""}`;
}
