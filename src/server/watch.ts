import { realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { basename, dirname } from "node:path";

/** How a change of the served file is noticed. */
export interface ChangeWatchOptions {
  /** Milliseconds between two looks at the resolved file. */
  readonly pollInterval: number;
  /** The file's signature taken before its first load (see {@link signatureSync}). */
  readonly initial: string;
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
    return `error:${String((error as { code?: unknown }).code ?? error)}`;
  }
}

/** {@link signature}, synchronously, for the baseline taken at start. */
export function signatureSync(file: string): string {
  try {
    const real = realpathSync(file);
    const s = statSync(real);
    return `${real}\0${s.dev}:${s.ino}:${s.mtimeMs}:${s.size}`;
  } catch (error) {
    return `error:${String((error as { code?: unknown }).code ?? error)}`;
  }
}

const realOf = (sig: string): string | undefined => (sig.startsWith("error:") ? undefined : sig.slice(0, sig.indexOf("\0")));

/**
 * Watches a file for changes, also through symlinks: the directory of the path as given (editors
 * and `git checkout` replace the file, which ends a watch on the file itself), the directory of
 * the resolved target when it differs, and a poll of the resolved target's signature, which sees
 * what no directory event reports (`ln -sfn v2 current`, a Kubernetes ConfigMap's `..data` swap,
 * a change of the target in a directory nobody watches). Timers are unref'd.
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

  const open = (dir: string, names: () => readonly string[]): FSWatcher | undefined => {
    try {
      const watcher = watch(dir, (_event, changed) => {
        named ||= changed === null || names().includes(changed);
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
      const now = await signature(file);
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
      targetWatcher?.close();
    },
  };
}
