import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { SCHEDULE_FILE } from "../cli/paths";

/** How a change of a served file (or of a served directory's listing) is noticed. */
export interface ChangeWatchOptions {
  /** Milliseconds between two looks at the resolved file. */
  readonly pollInterval: number;
  /** The signature taken before the first load (see {@link signatureSync} and {@link listingSignatureSync}). */
  readonly initial: string;
  /**
   * Watch a directory's listing instead of a file: its signature is {@link listingSignature}, and
   * the directory itself is watched too; an event inside it leads to a look at the listing, not
   * to a change by itself (its files have watches of their own).
   */
  readonly listing?: boolean | undefined;
  /** Called when the file may have changed; calls close together are the caller's to coalesce. */
  readonly onChange: () => void;
  /** Called when a directory watch cannot be set up or fails (polling goes on). */
  /** A folder cannot be watched (`error`: the system's error, with its code): the file is polled instead. */
  readonly onWarning: (dir: string, error: NodeJS.ErrnoException) => void;
}

/** Stops the watches and the polling. */
export interface ChangeWatch {
  close(): void;
}

const DEBOUNCE_MS = 50;

/**
 * Identifies the content behind a path through any symlinks: the resolved path with its device,
 * inode, modification time and size, or the error code when it cannot be read.
 */
export async function signature(file: string): Promise<string> {
  try {
    const real = await realpath(file);
    const s = await stat(real);
    return `${real}\0${s.dev}:${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch (error) {
    return failed(error);
  }
}

/** {@link signature}, synchronously, for the baseline taken at start. */
export function signatureSync(file: string): string {
  try {
    const real = realpathSync(file);
    const s = statSync(real);
    return `${real}\0${s.dev}:${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): string {
  return `error:${String((error as { code?: unknown }).code ?? error)}`;
}

const scheduleNames = (names: readonly string[]): string =>
  names
    .filter((name) => SCHEDULE_FILE.test(name))
    .sort()
    .join("\0");

/**
 * Identifies a directory's listing as a build reads it: its resolved path and the names of its
 * schedule files (*.yaml, *.yml, *.json), sorted; or the error code when it cannot be read.
 */
export async function listingSignature(dir: string): Promise<string> {
  try {
    const real = await realpath(dir);
    return `${real}\0${scheduleNames(await readdir(real))}`;
  } catch (error) {
    return failed(error);
  }
}

/** {@link listingSignature}, synchronously, for the baseline taken at start. */
export function listingSignatureSync(dir: string): string {
  try {
    const real = realpathSync(dir);
    return `${real}\0${scheduleNames(readdirSync(real))}`;
  } catch (error) {
    return failed(error);
  }
}

const realOf = (sig: string): string | undefined => (sig.startsWith("error:") ? undefined : sig.slice(0, sig.indexOf("\0")));

/**
 * Watches a file for changes, also through symlinks: the directory of the path as given (editors
 * and `git checkout` replace the file, which ends a watch on the file itself), the directory of
 * the resolved target when it differs, and a poll of the resolved target's signature, which sees
 * what no directory event reports (`ln -sfn v2 current`, a Kubernetes ConfigMap's `..data` swap,
 * a change of the target in a directory nobody watches). With `listing`, the path is a directory
 * whose schedule files are counted: a file added, removed or renamed there is a change. Timers
 * are unref'd.
 */
export function watchChanges(file: string, options: ChangeWatchOptions): ChangeWatch {
  let seen = options.initial;
  let closed = false;
  let checking = false;
  /** A look was asked for while one ran: run another after it. */
  let again = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let eventTimer: ReturnType<typeof setTimeout> | undefined;
  /** An event named the file itself: reload whatever the signature says. */
  let named = false;

  const sign = options.listing ? listingSignature : signature;

  /** Watches `dir`; an event naming one of `names()` is a change whatever the signature says. */
  const open = (dir: string, names: () => readonly string[]): FSWatcher | undefined => {
    try {
      const watcher = watch(dir, (_event, changed) => {
        const own = names();
        named ||= own.length > 0 && (changed === null || own.includes(changed));
        if (eventTimer) clearTimeout(eventTimer);
        eventTimer = setTimeout(() => {
          eventTimer = undefined;
          void look();
        }, DEBOUNCE_MS);
        eventTimer.unref();
      });
      // A watcher that fails (its directory removed, say) is closed: it warns once.
      watcher.on("error", (error) => {
        options.onWarning(dir, error);
        watcher.close();
      });
      watcher.unref();
      return watcher;
    } catch (error) {
      options.onWarning(dir, error as NodeJS.ErrnoException);
      return undefined;
    }
  };

  const own = dirname(file);
  let targetDir: string | undefined;
  let targetWatcher: FSWatcher | undefined;
  const retarget = (sig: string) => {
    const real = realOf(sig);
    const dir = real === undefined ? undefined : dirname(real);
    if (dir === targetDir) return;
    targetWatcher?.close();
    targetWatcher = undefined;
    targetDir = dir;
    if (dir !== undefined && dir !== own) targetWatcher = open(dir, () => [basename(realOf(seen) ?? "")]);
  };
  const ownWatcher = open(own, () => [basename(file)]);
  const insideWatcher = options.listing ? open(file, () => []) : undefined;
  retarget(seen);

  const look = async (): Promise<void> => {
    if (closed) return;
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      const wasNamed = named;
      named = false;
      const now = await sign(file);
      if (closed) return;
      const changed = now !== seen;
      seen = now;
      retarget(now);
      if (changed || wasNamed) options.onChange();
    } finally {
      checking = false;
      if (again) {
        again = false;
        void look();
      }
    }
  };

  const poll = () => {
    pollTimer = setTimeout(() => {
      void look().finally(() => {
        if (!closed) poll();
      });
    }, options.pollInterval);
    pollTimer.unref();
  };
  poll();

  return {
    close: () => {
      closed = true;
      if (pollTimer) clearTimeout(pollTimer);
      if (eventTimer) clearTimeout(eventTimer);
      ownWatcher?.close();
      insideWatcher?.close();
      targetWatcher?.close();
    },
  };
}
