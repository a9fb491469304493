import { createServer } from "node:http";
import { UsageError } from "../errors";
import { inert } from "../internal/inert";
import { message } from "../messages";
import { createFeedHandler, type FeedHandler } from "../server/handler";
import { checkUidDomain, feedStamp } from "./ics";
import type { Output } from "./io";
import type { CommonOptions } from "./options";

/** Options of `lichhop serve`. */
export interface ServeCommandOptions extends CommonOptions {
  readonly port: string | undefined;
  readonly host: string | undefined;
  readonly expand: boolean;
  readonly uidDomain: string | undefined;
  /** `--no-conflict-notes`: false; undefined: the file's `feeds.conflictNotes`, else true. */
  readonly conflictNotes?: boolean | undefined;
  readonly sourceDateEpoch: string | undefined;
}

/**
 * `lichhop serve FILE`: serves the feeds over HTTP until SIGINT or SIGTERM. Returns 0 once
 * listening starts; a listen error later sets the exit code to 2.
 */
export function runServe(file: string, options: ServeCommandOptions, out: Output): number {
  // The file's locale is not known before the arguments are checked: --lang or Vietnamese.
  const lang = options.lang ?? "vi";
  const port = Number(options.port ?? "8080");
  if (!/^\d{1,5}$/.test(options.port ?? "8080") || port > 65535) {
    throw new UsageError(message(lang, "bad-port", { found: String(options.port) }));
  }
  const host = options.host ?? "127.0.0.1";
  checkUidDomain(options.uidDomain, lang);
  const stamp =
    options.sourceDateEpoch !== undefined && options.sourceDateEpoch !== "" ? feedStamp([file], options.sourceDateEpoch, lang) : undefined;
  // A file invalid at start is a ScheduleError, written as the file's issues.
  const handler: FeedHandler = createFeedHandler({
    file,
    from: options.from,
    to: options.to,
    lang: options.lang,
    expand: options.expand,
    uidDomain: options.uidDomain,
    conflictNotes: options.conflictNotes,
    stamp,
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
    out.stdout(
      `lichhop serve: ${message(fileLang, "feed-counts", { feeds: feeds.length, conflicts: report.summary.conflicts })}\n` +
        `  http://${shown}:${actual}/   (webcal://${shown}:${actual}/all.ics)\n`,
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
