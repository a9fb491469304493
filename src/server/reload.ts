import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { VtimezoneSource } from "../ical/vtimezone";
import type { ReloadFailure } from "../messages";
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

/** Why the worker ended with an error, as facts the catalogue words for an operator. */
function describeWorkerError(error: unknown, script: URL, limits: ReloadLimits): ReloadFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return { kind: "memory", mb: limits.memoryMb };
  if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_WORKER_PATH" || code === "ERR_WORKER_INIT_FAILED") {
    return { kind: "cannot-start", script: script.protocol === "file:" ? fileURLToPath(script) : script.href, detail };
  }
  return { kind: "failed", detail };
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
    const fail = (failure: ReloadFailure) => finish({ ok: false, failure });
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
    timer = setTimeout(() => fail({ kind: "timeout", ms: limits.timeout }), limits.timeout);
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
        fail({ kind: "vtimezone", detail: error instanceof Error ? error.message : String(error) });
        return;
      }
      running.postMessage({ kind: "zones", table } satisfies ToWorker);
    });
    running.on("messageerror", (error) => fail({ kind: "unreadable-answer", detail: error.message }));
    running.on("error", (error) => fail(describeWorkerError(error, script, limits)));
    running.on("exit", (code) => fail({ kind: "worker-exit", exitCode: code }));
    return { result, cancel: () => fail({ kind: "cancelled" }) };
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
      result = Promise.resolve({ ok: false, failure: { kind: "failed", detail: error instanceof Error ? error.message : String(error) } });
    }
    return { result, cancel: () => {} };
  };
}
