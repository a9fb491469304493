import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, resolve } from "node:path";
import { formatIssue, ScheduleError, UsageError } from "../errors";
import type { FeedOptions } from "../ical/context";
import type { VtimezoneSource } from "../ical/vtimezone";
import { inert } from "../internal/inert";
import { message, type Lang } from "../messages";
import type { Report } from "../report/report";
import { createHash } from "node:crypto";
import { CALENDAR_SCRIPT } from "../report/calendar-html";
import { isoDate } from "../time/wall-text";
import { zoneClock } from "../time/zone";
import {
  buildInProcess,
  etagOf,
  HTML_TYPE,
  ICS,
  listInputs,
  type BuildOutcome,
  type BuildRequest,
  type BuiltFeeds,
  type ServedFeed,
  type ServedPath,
  type WatchList,
} from "./build";
import { renderBadRequest, renderIndex } from "./page";
import { weekId, weekPages, type WeekPages } from "./weeks";
import { workerRebuild, type Rebuild, type ReloadLimits } from "./reload";
import { listingSignatureSync, signatureSync, watchChanges, type ChangeWatch } from "./watch";
import { argLimits, argList, badArgument } from "../internal/args";
import type { Limits } from "../limits";

export type { ServedFeed } from "./build";

/** Options for {@link createFeedHandler}: `file` or `files`, exactly one of them. */
export interface FeedHandlerOptions extends Omit<FeedOptions, "stamp"> {
  /** The schedule file (YAML or JSON) to serve; it is watched for changes, also through symlinks. */
  readonly file?: string | undefined;
  /**
   * Several schedule files, or directories of them (one file per body), merged into one schedule
   * as `lichhop ics` merges them: a directory stands for its *.yaml, *.yml and *.json files,
   * sorted. Each file is watched like `file`, and each directory for files added or removed.
   * Instead of `file`.
   */
  readonly files?: readonly string[] | undefined;
  /** First and last local dates (`YYYY-MM-DD`); default: the file's horizon. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** DTSTAMP of every event; default: the latest modification time of the files (and their .ics sources) at each load. */
  readonly stamp?: number | Date | undefined;
  /** Watch the files and reload them on a change (default true). */
  readonly watch?: boolean | undefined;
  /**
   * Milliseconds between two looks at the file's resolved target (its path through symlinks,
   * device, inode, modification time and size), which catch what directory events miss, such as
   * `ln -sfn` and a Kubernetes ConfigMap's `..data` swap; default 1000.
   */
  readonly pollInterval?: number | undefined;
  /**
   * Time limit of one reload in milliseconds, from the start of its worker to its answer; a
   * reload that runs longer is stopped and the last good feeds stay served. Default 30000.
   */
  readonly reloadTimeout?: number | undefined;
  /**
   * Memory limit of one reload: the worker's V8 heap (old generation) in MB. A reload that needs
   * more is stopped and the last good feeds stay served. Default 1024.
   */
  readonly reloadMemoryMb?: number | undefined;
  /** Raises or lowers the check's limits on occurrences, conflicts and rule walks (see `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits> | undefined;
  /**
   * Receives a message per reload, rejected change or watch problem; lines after the first list
   * the issues, one per line. Control, line-break and bidi characters from the file are escaped
   * (`\n`, `\u202E`). The handler itself never writes anywhere.
   */
  readonly log?: ((message: string) => void) | undefined;
  /**
   * The public base URL of the handler (e.g. `https://lich.example.gov.vn/feeds`), used for the
   * index page's `webcal://` and `https://` links; default: built from the request (its Host
   * header, and with `trustProxy` the proxy's `X-Forwarded-*` headers).
   */
  readonly publicUrl?: string | undefined;
  /**
   * Behind a reverse proxy that sets them (nginx, a load balancer that ends TLS): build the index
   * links from `X-Forwarded-Proto` and `X-Forwarded-Host` (their first value). Off by default:
   * without a proxy that overwrites them, any client could choose the links others are shown.
   */
  readonly trustProxy?: boolean | undefined;
}

/** One response body with its validators. */
interface Entry {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
  /** Epoch ms, whole seconds. */
  readonly lastModified: number;
}

/** What the handler serves: the last good build of the schedule, and the last error, if any. */
export interface FeedState {
  readonly feeds: readonly ServedFeed[];
  readonly report: Report;
  /** When the served build was made, epoch ms. */
  readonly loadedAt: number;
  /**
   * Why the latest change of the files was rejected or could not be loaded (invalid, or its reload
   * ran out of time or memory); the last good feeds are still served. Undefined after a good
   * reload. Control, line-break and bidi characters from the file are escaped, one issue a line.
   */
  readonly error: string | undefined;
  readonly lang: Lang;
}

/** A Node request handler serving a schedule's feeds; fits `http.createServer` and Express. */
export interface FeedHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /**
   * Reloads the files now, in a worker; resolves to true when the new feeds are served, false
   * (keeping the last good feeds) when a file is invalid, the reload failed or ran out of time
   * or memory, or the handler is closed. Requests are answered from the current feeds meanwhile.
   * One reload runs at a time: a call during one resolves with the single reload run after it.
   */
  reload(): Promise<boolean>;
  /** The current state (feeds, report, last error). */
  state(): FeedState;
  /** Stops watching the files and stops a reload under way; the last feeds are still served. */
  close(): void;
}

/**
 * How the handler's reloads are run, given its limits and `vtimezone` source: in a worker from
 * the built package (the default), or on the calling thread where a worker cannot load the code
 * (the tests of the sources).
 */
export type RebuildFactory = (limits: ReloadLimits, vtimezone: VtimezoneSource | undefined) => Rebuild;

const HTML = "text/html; charset=utf-8";
const DEFAULT_POLL_INTERVAL = 1000;
const DEFAULT_RELOAD_TIMEOUT = 30_000;
const DEFAULT_RELOAD_MEMORY_MB = 1024;
/** The longest delay a Node timer keeps (a longer one fires at once). */
const MAX_TIMER_MS = 2_147_483_647;

interface Build {
  readonly entries: Map<string, Entry>;
  readonly feeds: readonly ServedFeed[];
  readonly report: Report;
  readonly lang: Lang;
  readonly zone: string;
  /** The week pages, drawn on request; none past `MAX_PAGE_OCCURRENCES`. */
  readonly weeks: WeekPages | undefined;
  /** The week pages' Last-Modified: the build's, later than the build before's. */
  readonly weeksModified: number;
}

/** The index page's policy: nothing loaded, inline styles. */
const INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The pages' policy: nothing loaded, inline styles, and only the calendar report's own script. */
const PAGE_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${createHash("sha256").update(CALENDAR_SCRIPT).digest("base64")}'`;

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A build's entries, keeping the validators of each body whose bytes did not change. */
function settle(previous: Build | undefined, built: BuiltFeeds): Build {
  const entries = new Map<string, Entry>();
  for (const { path, type, body, etag } of built.entries) {
    const before = previous?.entries.get(path);
    if (before && before.etag === etag) {
      entries.set(path, before);
      continue;
    }
    // A new body gets a later Last-Modified than the one it replaces, whatever the file's mtime.
    const lastModified = before ? Math.max(built.mtime, before.lastModified + 1000) : built.mtime;
    entries.set(path, { body: Buffer.from(body.buffer, body.byteOffset, body.byteLength), type, etag, lastModified });
  }
  return {
    entries,
    feeds: built.feeds,
    report: built.report,
    lang: built.lang,
    zone: built.zone,
    weeks: built.weeks && weekPages(built.weeks, built.report, built.lang, etagOf),
    // Pages are drawn when asked for, so whether a page's bytes changed is not known: any reload
    // moves their Last-Modified forward, and their ETags tell what did not change.
    weeksModified: previous ? Math.max(built.mtime, previous.weeksModified + 1000) : built.mtime,
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new UsageError(`createFeedHandler: ${name} ${String(value)}: expected a positive number up to ${MAX_TIMER_MS}`);
  }
  return value;
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
 * Creates a Node request handler that serves a schedule's iCalendar feeds for `webcal://`
 * subscriptions: `/all.ics`, `/body/<id>.ics`, `/person/<id>.ics`, `/room/<id>.ics`,
 * `/conflicts.ics`, `/report.json` and an HTML index at `/`. Responses carry a strong ETag (a hash
 * of the bytes, 304 on `If-None-Match`) and a Last-Modified that never moves backwards. The
 * schedule is one `file`, or several `files` and directories merged into one, as `lichhop ics`
 * merges them.
 *
 * Each file is watched (its directory, its resolved target's directory, and a poll of the target
 * through symlinks), and each directory for schedule files added or removed. A change is parsed
 * and checked in a worker thread with a time limit (`reloadTimeout`) and a heap limit
 * (`reloadMemoryMb`), one reload at a time; requests are answered from the current feeds
 * meanwhile. A valid change is then served; an invalid one, or a reload that fails or runs out of
 * time or memory, keeps the last good feeds and is shown on the index page and passed to `log`,
 * each issue naming its file. The first load runs on the calling thread: it throws a
 * `ScheduleError` when a file is invalid at start, and a `UsageError` for a bad limit or unless
 * exactly one of `file` and `files` is given.
 *
 * @example
 * import { createServer } from "node:http";
 * import { createFeedHandler } from "lichhop/server";
 * const handler = createFeedHandler({ file: "lich.yaml", log: console.error });
 * createServer(handler).listen(8080, "127.0.0.1");
 * // One file per body, or their directory: { files: ["hdnd.yaml", "ubnd.yaml"] }, { files: ["lich/"] }
 */
export function createFeedHandler(options: FeedHandlerOptions): FeedHandler {
  return createFeedHandlerWith(options, (limits, vtimezone) =>
    // Beside the running module: dist/server/reload-worker.js for lichhop/server (ESM and CJS), and
    // dist/cli/reload-worker.js for the CLI, whose chunks live in dist/cli/.
    workerRebuild(new URL("./reload-worker.js", import.meta.url), limits, vtimezone),
  );
}

/**
 * {@link createFeedHandler} with the way reloads are run given: the tests of the sources run
 * them on the calling thread or in the worker of a build. Not part of the public API.
 *
 * @example
 * createFeedHandlerWith({ file }, (_limits, vtimezone) => inProcessRebuild(vtimezone));
 */
export function createFeedHandlerWith(options: FeedHandlerOptions, rebuilds: RebuildFactory): FeedHandler {
  const inputs = servedPaths(options);
  const names = inputs.map((input) => input.name).join(", ");
  const name = inert(names);
  const log = options.log ?? (() => {});
  // The handler must outlive a log sink that throws.
  const say = (message: string) => {
    try {
      log(message);
    } catch {
      // nothing to tell it with
    }
  };
  const limits: ReloadLimits = {
    timeout: positive("reloadTimeout", options.reloadTimeout, DEFAULT_RELOAD_TIMEOUT),
    memoryMb: positive("reloadMemoryMb", options.reloadMemoryMb, DEFAULT_RELOAD_MEMORY_MB),
  };
  const pollInterval = positive("pollInterval", options.pollInterval, DEFAULT_POLL_INTERVAL);
  const stamp = options.stamp instanceof Date ? options.stamp.getTime() : options.stamp;
  const request: BuildRequest = {
    inputs,
    from: options.from,
    to: options.to,
    lang: options.lang,
    uidDomain: options.uidDomain,
    expand: options.expand,
    conflictNotes: options.conflictNotes,
    refresh: options.refresh,
    title: options.title,
    stamp,
    limits: argLimits(options.limits, "createFeedHandler"),
  };
  const rebuild = rebuilds(limits, options.vtimezone);

  // Taken before the first read: a change between the two is seen by the first poll.
  const initial = options.watch === false ? new Map<string, string>() : baseline(inputs, options.lang);
  const first = buildInProcess(request, options.vtimezone);
  if (!first.ok) {
    if ("issues" in first) throw new ScheduleError(first.issues);
    const text = message(options.lang ?? "vi", "reload-failure", { failure: first.failure });
    throw new ScheduleError([{ code: "invalid-value", message: text, path: [], file: names }]);
  }
  let current: Build = settle(undefined, first.value);
  // What the last build read: each file (schedule or .ics source) and each directory listed is
  // watched, and a change reloads. A path no longer read stops being watched.
  // Keyed by kind and path: `f/path/lich.yaml` for a file, `d/path/lich` for a directory's listing.
  const watches = new Map<string, ChangeWatch>();
  const follow = (list: WatchList | undefined): void => {
    if (options.watch === false || list === undefined || closed) return;
    const wanted = new Map<string, boolean>([
      ...list.files.map((path) => [`f${path}`, false] as const),
      ...list.dirs.map((path) => [`d${path}`, true] as const),
    ]);
    for (const [key, watch] of watches) {
      if (wanted.has(key)) continue;
      watch.close();
      watches.delete(key);
    }
    for (const [key, listing] of wanted) {
      if (watches.has(key)) continue;
      const path = key.slice(1);
      watches.set(
        key,
        watchChanges(path, {
          pollInterval,
          listing,
          initial: initial.get(key) ?? (listing ? listingSignatureSync(path) : signatureSync(path)),
          onChange: () => void reload(),
          onWarning: (dir, error) =>
            say(
              message(current.lang, "cannot-watch", {
                file: name,
                dir: inert(dir),
                code: error.code,
                detail: inert(String(error.message)),
              }),
            ),
        }),
      );
    }
    // The signatures taken at start serve the first watches only.
    initial.clear();
  };
  let loadedAt = Date.now();
  let error: string | undefined;
  let closed = false;

  // The log and the index page speak the language of the feeds last served.
  const describe = (outcome: Exclude<BuildOutcome, { ok: true }>): string =>
    "issues" in outcome
      ? outcome.issues.map((issue) => inert(formatIssue(issue))).join("\n")
      : `${name}: ${inert(message(current.lang, "reload-failure", { failure: outcome.failure }))}`;

  let cancel: (() => void) | undefined;
  const once = async (): Promise<boolean> => {
    let outcome: BuildOutcome;
    try {
      const job = rebuild(request);
      cancel = job.cancel;
      outcome = await job.result;
    } catch (cause) {
      outcome = { ok: false, failure: { kind: "failed", detail: cause instanceof Error ? cause.message : String(cause) } };
    } finally {
      cancel = undefined;
    }
    if (closed) return false;
    if (outcome.ok) follow(outcome.value.watch);
    else if ("issues" in outcome) follow(outcome.watch);
    if (outcome.ok) {
      current = settle(current, outcome.value);
      loadedAt = Date.now();
      error = undefined;
      say(
        message(current.lang, "feeds-reloaded", { file: name, feeds: current.feeds.length, conflicts: current.report.summary.conflicts }),
      );
      return true;
    }
    error = describe(outcome);
    say(`${message(current.lang, "feeds-kept", { file: name, invalid: "issues" in outcome })}\n${error}`);
    return false;
  };

  // One reload at a time; calls during one share the single reload that follows it.
  let running = false;
  let next: Deferred<boolean> | undefined;
  const drive = async (start: Deferred<boolean>): Promise<void> => {
    let turn: Deferred<boolean> | undefined = start;
    while (turn) {
      turn.resolve(closed ? false : await once());
      turn = next;
      next = undefined;
    }
    running = false;
  };
  const reload = (): Promise<boolean> => {
    if (closed) return Promise.resolve(false);
    if (running) {
      next ??= deferred();
      return next.promise;
    }
    running = true;
    const turn = deferred<boolean>();
    void drive(turn);
    return turn.promise;
  };

  follow(first.value.watch);

  const state = (): FeedState => ({ feeds: current.feeds, report: current.report, loadedAt, error, lang: current.lang });

  /** `/week`: a redirect to this week; `/week/<ISO week>`: its page, as the query asks. */
  const serveWeek = (req: IncomingMessage, res: ServerResponse, path: string, search: string): void => {
    const { weeks, weeksModified } = current;
    const id = path.slice("/week/".length);
    if (!weeks || (id !== "" && !weeks.weeks.includes(id))) {
      plain(res, 404, "404 Not Found");
      return;
    }
    const read = weeks.read(search);
    if (!read.ok) {
      const body = Buffer.from(renderBadRequest(current.lang, read.message), "utf8");
      res.writeHead(400, {
        "Content-Type": HTML,
        "Content-Length": body.length,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": INDEX_CSP,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (id === "") {
      // This week in the schedule's zone, else the horizon's first (or last) week.
      const today = weekId(isoDate(zoneClock(current.zone).toWall(Date.now())));
      const first = weeks.weeks[0];
      const last = weeks.weeks[weeks.weeks.length - 1];
      const target = weeks.weeks.includes(today) ? today : first !== undefined && today < first ? first : last;
      if (target === undefined) {
        plain(res, 404, "404 Not Found");
        return;
      }
      // Relative, so that it holds behind a proxy that serves the feeds under a path; the query
      // as read, so that nothing the client wrote reaches the header.
      const location = `${path === "/week" ? `week/${target}` : target}${read.text === "" ? "" : `?${read.text}`}`;
      res.writeHead(302, { Location: location, "Cache-Control": "no-cache", "Content-Length": "0" });
      res.end();
      return;
    }
    const page = weeks.page(id, read.query, read.text);
    send(
      req,
      res,
      {
        body: page.body,
        type: HTML,
        etag: page.etag,
        lastModified: weeksModified,
      },
      {
        "Content-Security-Policy": PAGE_CSP,
      },
    );
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      plain(res, 405, "405 Method Not Allowed", { Allow: "GET, HEAD" });
      return;
    }
    const [raw = "/", query = ""] = (req.url ?? "/").split("#")[0]?.split(/\?(.*)/s) ?? [];
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      plain(res, 400, "400 Bad Request");
      return;
    }
    if (path === "/" || path === "/index.html") {
      const html = renderIndex(state(), feedBase(req, options.publicUrl, options.trustProxy === true));
      const body = Buffer.from(html, "utf8");
      send(
        req,
        res,
        { body, type: HTML, etag: etagOf(body), lastModified: Math.floor(loadedAt / 1000) * 1000 },
        { "Content-Security-Policy": INDEX_CSP },
      );
      return;
    }
    if (path === "/week" || path.startsWith("/week/")) {
      serveWeek(req, res, path, query);
      return;
    }
    const entry = current.entries.get(path);
    if (!entry) {
      plain(res, 404, "404 Not Found");
      return;
    }
    const extra: Record<string, string> =
      entry.type === ICS
        ? { "Content-Disposition": `inline; filename="${basename(path)}"` }
        : entry.type === HTML_TYPE
          ? { "Content-Security-Policy": PAGE_CSP }
          : {};
    send(req, res, entry, extra);
  };

  return Object.assign(handler, {
    reload,
    state,
    close: () => {
      closed = true;
      for (const watch of watches.values()) watch.close();
      watches.clear();
      cancel?.();
    },
  });
}

/** The files or directories to serve, from `file` or `files` (exactly one of them), each resolved. */
function servedPaths(options: FeedHandlerOptions): ServedPath[] {
  const { file, files } = options as { file?: unknown; files?: unknown };
  if ((file === undefined) === (files === undefined)) {
    badArgument("createFeedHandler", "file (a schedule file) or files (a list of files or directories), exactly one of them", options);
  }
  const names = file === undefined ? argList(files, "createFeedHandler: files", "a list of schedule files or directories") : [file];
  if (names.length === 0) badArgument("createFeedHandler: files", "at least one schedule file or directory", files);
  return names.map((name, index) => {
    if (typeof name !== "string" || name === "") {
      badArgument(file === undefined ? `createFeedHandler: files[${index}]` : "createFeedHandler: file", "a path", name);
    }
    return { path: resolve(name), name };
  });
}

/** The signatures of what the inputs name now, before the first build reads them, by watch key. */
function baseline(inputs: readonly ServedPath[], lang: Lang | undefined): Map<string, string> {
  const listed = listInputs(inputs, lang);
  return new Map([
    ...listed.files.map((file) => [`f${file.path}`, signatureSync(file.path)] as const),
    ...listed.dirs.map((dir) => [`d${dir}`, listingSignatureSync(dir)] as const),
  ]);
}

/** A header's first value (`X-Forwarded-Host: a, b` names the proxy nearest the client first). */
function firstHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The base URL of the index page's links, `https://host/prefix` (or `http://`), or undefined
 * when the host is unusable: `publicUrl` when given; else the request's Host header (with
 * `trustProxy`, `X-Forwarded-Host` and `X-Forwarded-Proto` first), and the scheme of its connection.
 */
export function feedBase(req: IncomingMessage, publicUrl: string | undefined, trustProxy = false): string | undefined {
  if (publicUrl !== undefined) return publicUrl.replace(/\/+$/, "");
  const forwardedHost = trustProxy ? firstHeader(req, "x-forwarded-host") : undefined;
  const host = forwardedHost !== undefined && HOST.test(forwardedHost) ? forwardedHost : req.headers.host;
  if (host === undefined || !HOST.test(host)) return undefined;
  const forwardedProto = trustProxy ? firstHeader(req, "x-forwarded-proto")?.toLowerCase() : undefined;
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const scheme = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : encrypted ? "https" : "http";
  // Under Express, `originalUrl` keeps the mount path that `url` has lost.
  const original = ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/").split(/[?#]/)[0] ?? "/";
  const own = (req.url ?? "/").split(/[?#]/)[0] ?? "/";
  const prefix = original.endsWith(own) ? original.slice(0, original.length - own.length) : "";
  return `${scheme}://${host}${/^[A-Za-z0-9/._~-]*$/.test(prefix) ? prefix : ""}`;
}
