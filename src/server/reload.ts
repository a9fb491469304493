import { Worker } from "node:worker_threads";
import type { VtimezoneSource } from "../ical/vtimezone";
import { buildInProcess, type BuildOutcome, type BuildRequest } from "./build";

/** The limits of one reload in the worker. */
export interface ReloadLimits {
  /** Milliseconds from the worker's start to its answer. */
  readonly timeout: number;
  /** The worker's V8 old-generation heap limit, in MB (`resourceLimits.maxOldGenerationSizeMb`). */
  readonly memoryMb: number;
}

/** A build under way: its outcome (never a rejection) and a way to stop it. */
export interface RunningBuild {
  readonly result: Promise<BuildOutcome>;
  cancel(): void;
}

/** Starts one build of the served file off the request path. */
export type Rebuild = (request: BuildRequest) => RunningBuild;

/** What the main thread hands the worker. */
export interface ReloadWorkerData {
  readonly request: BuildRequest;
  /** Whether a `vtimezone` source waits on the main thread for the zones the schedule names. */
  readonly askZones: boolean;
}

/** Messages from the worker: a question about zones, then the outcome. */
export type ToMain =
  | { readonly kind: "zones"; readonly zones: readonly string[] }
  | { readonly kind: "done"; readonly outcome: BuildOutcome };

/** The main thread's answer to a question about zones. */
export interface ToWorker {
  readonly kind: "zones";
  readonly table: readonly (readonly [string, string | null])[];
}

/** Why the worker ended with an error, in words an operator can act on. */
function describeWorkerError(error: unknown, script: URL, limits: ReloadLimits): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return `the reload ran out of memory (more than ${limits.memoryMb} MB, the reloadMemoryMb limit) and was stopped`;
  }
  if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_WORKER_PATH" || code === "ERR_WORKER_INIT_FAILED") {
    return `cannot start the reload worker ${script.href}: ${message}`;
  }
  return `the reload failed: ${message}`;
}

/**
 * Builds each reload in a fresh worker thread with a heap limit, terminated when it runs past the
 * time limit; a crash, an out-of-memory or a timeout becomes a `failure` outcome. A `vtimezone`
 * source runs on the main thread: the worker asks it for the zones the schedule names.
 */
export function workerRebuild(script: URL, limits: ReloadLimits, vtimezone: VtimezoneSource | undefined): Rebuild {
  return (request) => {
    let settle: (outcome: BuildOutcome) => void = () => {};
    const result = new Promise<BuildOutcome>((resolve) => (settle = resolve));
    let done = false;
    let worker: Worker | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: BuildOutcome) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      worker?.terminate().catch(() => {});
      settle(outcome);
    };
    const fail = (failure: string) => finish({ ok: false, failure });
    try {
      worker = new Worker(script, {
        workerData: { request, askZones: vtimezone !== undefined } satisfies ReloadWorkerData,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
        // The worker runs only lichhop's built code: the host's flags (`--input-type`, a test
        // runner's loader) have nothing to do there, and some stop a worker from starting.
        execArgv: [],
      });
    } catch (error) {
      fail(describeWorkerError(error, script, limits));
      return { result, cancel: () => {} };
    }
    const running = worker;
    timer = setTimeout(
      () => fail(`the reload took longer than ${limits.timeout} ms (the reloadTimeout limit) and was stopped`),
      limits.timeout,
    );
    timer.unref();
    running.on("message", (message: ToMain) => {
      if (message.kind === "done") {
        finish(message.outcome);
        return;
      }
      const table: [string, string | null][] = [];
      try {
        for (const zone of message.zones) table.push([zone, vtimezone?.(zone) ?? null]);
      } catch (error) {
        fail(`the vtimezone source failed: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      running.postMessage({ kind: "zones", table } satisfies ToWorker);
    });
    running.on("messageerror", (error) => fail(`the reload's answer could not be read: ${error.message}`));
    running.on("error", (error) => fail(describeWorkerError(error, script, limits)));
    running.on("exit", (code) => fail(`the reload worker stopped (exit code ${code}) before it answered`));
    return { result, cancel: () => fail("the reload was cancelled: the handler was closed") };
  };
}

/**
 * Builds on the calling thread, for tests that run the sources (a worker cannot load them): no
 * limits, and requests wait while it runs.
 */
export function inProcessRebuild(vtimezone: VtimezoneSource | undefined): Rebuild {
  return (request) => {
    let result: Promise<BuildOutcome>;
    try {
      result = Promise.resolve(buildInProcess(request, vtimezone));
    } catch (error) {
      result = Promise.resolve({ ok: false, failure: `the reload failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    return { result, cancel: () => {} };
  };
}
