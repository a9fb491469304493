/**
 * The reload worker's entry: builds the served file's feeds off the main thread, under the time
 * and memory limits the feed handler sets on the worker, and posts the outcome back. Its
 * protocol is in ./reload.ts.
 */
import { once } from "node:events";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { checkFile, renderFile, zonesOf, type BuildOutcome } from "./build";
import type { ReloadWorkerData, ToMain, ToWorker } from "./reload";

/** Asks the main thread for the VTIMEZONE of each zone (its `vtimezone` source cannot cross). */
async function ask(port: MessagePort, zones: readonly string[]): Promise<readonly (readonly [string, string | null])[]> {
  const reply = once(port, "message");
  port.postMessage({ kind: "zones", zones } satisfies ToMain);
  const [message] = (await reply) as [ToWorker];
  return message.table;
}

async function run(port: MessagePort, { request, askZones }: ReloadWorkerData): Promise<BuildOutcome> {
  const file = checkFile(request);
  if ("issues" in file) return { ok: false, issues: file.issues, watch: file.watch };
  if (!askZones) return { ok: true, value: renderFile(file, request, undefined) };
  const table = new Map(await ask(port, zonesOf(file.schedule)));
  const missing = new Set<string>();
  const lookup = (zone: string): string | null | undefined => {
    if (table.has(zone)) return table.get(zone);
    missing.add(zone);
    return undefined;
  };
  const value = renderFile(file, request, lookup);
  if (missing.size === 0) return { ok: true, value };
  // A zone the schedule's fields did not name: ask for it too and render again, so the feeds are
  // the ones an in-process build with the same source would give.
  for (const [zone, text] of await ask(port, [...missing])) table.set(zone, text);
  return { ok: true, value: renderFile(file, request, lookup) };
}

const port = parentPort;
if (port) {
  const outcome = await run(port, workerData as ReloadWorkerData);
  // The bodies move to the main thread instead of being copied.
  const transfer = outcome.ok ? outcome.value.entries.map((entry) => entry.body.buffer as ArrayBuffer) : [];
  port.postMessage({ kind: "done", outcome } satisfies ToMain, transfer);
}
