import { createServer } from "node:http";
import { UsageError } from "../errors";
import { inert } from "../internal/inert";
import { type Lang, message } from "../messages";
import { createFeedHandler, type FeedHandler } from "../server/handler";
import { checkUidDomain, feedStamp } from "./ics";
import type { Output } from "./io";
import type { CommonOptions } from "./options";
import { expandPaths } from "./paths";

/** Options of `lichhop serve`. */
export interface ServeCommandOptions extends CommonOptions {
  readonly port: string | undefined;
  readonly host: string | undefined;
  readonly expand: boolean;
  readonly uidDomain: string | undefined;
  /** `--no-conflict-notes`: false; undefined: the file's `feeds.conflictNotes`, else true. */
  readonly conflictNotes?: boolean | undefined;
  readonly sourceDateEpoch: string | undefined;
  /** `--public-url URL`: the address subscribers reach the server at (behind a proxy, HTTPS). */
  readonly publicUrl?: string | undefined;
  /** `--trust-proxy`: build the index links from the proxy's `X-Forwarded-Proto` and `-Host`. */
  readonly trustProxy?: boolean | undefined;
}

/** A `--public-url`: http or https, a host, maybe a path; no query, fragment or credentials. */
function publicUrlOption(value: string | undefined, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const fine =
    url !== undefined &&
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "" &&
    /^[A-Za-z0-9/._~-]*$/.test(url.pathname);
  if (!fine || !url) throw new UsageError(message(lang, "bad-public-url", { found: value }));
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/**
 * `lichhop serve FILE|DIR...`: serves the feeds of the files (merged, as `ics` merges them) over
 * HTTP until SIGINT or SIGTERM. Returns 0 once listening starts; a listen error later sets the
 * exit code to 2.
 */
export function runServe(paths: readonly string[], options: ServeCommandOptions, out: Output): number {
  // The file's locale is not known before the arguments are checked: --lang or Vietnamese.
  const lang = options.lang ?? "vi";
  const port = Number(options.port ?? "8080");
  if (!/^\d{1,5}$/.test(options.port ?? "8080") || port > 65535) {
    throw new UsageError(message(lang, "bad-port", { found: String(options.port) }));
  }
  const host = options.host ?? "127.0.0.1";
  checkUidDomain(options.uidDomain, lang);
  const publicUrl = publicUrlOption(options.publicUrl, lang);
  const stamp =
    options.sourceDateEpoch !== undefined && options.sourceDateEpoch !== "" ? feedStamp(paths, options.sourceDateEpoch, lang) : undefined;
  // A path that cannot be read, or a directory without schedule files, is refused as `ics` refuses
  // it; the handler lists the directories again at each reload.
  expandPaths(paths, options);
  // A file invalid at start is a ScheduleError, written as the file's issues.
  const handler: FeedHandler = createFeedHandler({
    files: paths,
    from: options.from,
    to: options.to,
    lang: options.lang,
    expand: options.expand,
    uidDomain: options.uidDomain,
    conflictNotes: options.conflictNotes,
    stamp,
    publicUrl,
    trustProxy: options.trustProxy,
    // Every line gets the prefix: the handler has made each one inert, so none can pass for
    // another program's output.
    log: (message) =>
      out.stderr(
        message
          .split("\n")
          .map((line) => `lichhop serve: ${line}\n`)
          .join(""),
      ),
  });
  const server = createServer(handler);
  server.on("error", (error: NodeJS.ErrnoException) => {
    const address = `${host.includes(":") ? `[${host}]` : host}:${port}`;
    out.stderr(`lichhop serve: ${inert(message(lang, "cannot-listen", { address, code: error.code, detail: error.message }))}\n`);
    handler.close();
    process.exitCode = 2;
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    const shown = host.includes(":") ? `[${host}]` : host;
    const { feeds, report, lang: fileLang } = handler.state();
    const base = publicUrl ?? `http://${shown}:${actual}`;
    out.stdout(
      `lichhop serve: ${message(fileLang, "feed-counts", { feeds: feeds.length, conflicts: report.summary.conflicts })}\n` +
        `  ${base}/   (${base.replace(/^https?:\/\//, "webcal://")}/all.ics, ${base}/all.ics)\n`,
    );
  });
  const stop = () => {
    handler.close();
    server.close();
    server.closeAllConnections();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}
