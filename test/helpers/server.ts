import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createFeedHandlerWith, type FeedHandler, type FeedHandlerOptions } from "../../src/server/handler";
import { inProcessRebuild, workerRebuild } from "../../src/server/reload";

/** The reload worker of the build (npm test builds first): a worker cannot load the TS sources. */
export const BUILT_WORKER = new URL("../../dist/server/reload-worker.js", import.meta.url);

/** A feed handler whose reloads run on the calling thread (unit tests of the sources). */
export function inProcessHandler(options: FeedHandlerOptions): FeedHandler {
  return createFeedHandlerWith(options, (_limits, vtimezone) => inProcessRebuild(vtimezone));
}

/** A feed handler whose reloads run in the built reload worker, under the options' limits. */
export function workerHandler(options: FeedHandlerOptions): FeedHandler {
  return createFeedHandlerWith(options, (limits, vtimezone) => workerRebuild(BUILT_WORKER, limits, vtimezone));
}

/** Listens on 127.0.0.1 at a free port; resolves to the server and its base URL. */
export async function listen(handler: FeedHandler): Promise<{ server: Server; base: string; stop: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    handler.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { server, base, stop };
}

/**
 * A schedule whose check, with the limits raised (see {@link RAISED_LIMITS}), runs far past any
 * reload limit and grows its heap by hundreds of MB: a stand-in for whatever work a limit lets
 * through.
 */
export function hostileSchedule(series = 20): string {
  const lines = [
    "version: 1",
    "timezone: Asia/Ho_Chi_Minh",
    "horizon: { from: 2024-01-01, to: 2024-12-31 }",
    "bodies: [{ id: b, name: B }]",
    "people: [{ id: p, name: P, bodies: [b] }]",
    "meetings:",
  ];
  // Series of 99,999 occurrences a minute apart, two hours long, all with one attendee: every
  // occurrence overlaps hundreds of others.
  for (let i = 0; i < series; i++) {
    lines.push(
      `  - { id: m${i}, title: M${i}, body: b, start: "2024-01-01T00:${String(i).padStart(2, "0")}", duration: PT2H, repeat: "FREQ=MINUTELY;COUNT=99999", attendees: [p] }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Limits high enough that {@link hostileSchedule} is checked to the end, unless a reload limit stops it. */
export const RAISED_LIMITS = {
  occurrences: 10_000_000,
  conflicts: 1_000_000_000,
  ruleSteps: 1_000_000_000,
  ruleChecks: 1_000_000_000,
} as const;
