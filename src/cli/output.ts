import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "../errors";
import { type Lang, message } from "../messages";
import { fileFailure } from "./paths";

/**
 * An output file (`-o FILE`, `check --sarif FILE`): text is written to a temporary file beside
 * it, which replaces `FILE` only when the command has written everything (`commit`). A command
 * that fails leaves `FILE` as it was (`discard`), so a CI step never uploads half a report.
 */
export interface OutputFile {
  readonly path: string;
  readonly write: (text: string) => void;
  /** Whether anything was written. */
  readonly written: boolean;
  /** Puts the written text in place of the file. */
  readonly commit: () => void;
  /** Removes the temporary file; the file itself is left as it was. */
  readonly discard: () => void;
}

/** Opens an output file; a folder that does not exist or cannot be written is a {@link UsageError} in `lang`. */
export function openOutputFile(path: string, lang: Lang): OutputFile {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const failed = (error: unknown): never => {
    throw new UsageError(message(lang, "cannot-write", { file: path, failure: fileFailure(error, true) }));
  };
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", 0o644);
  } catch (error) {
    failed(error);
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  let written = false;
  return {
    path,
    get written() {
      return written;
    },
    write(text) {
      if (fd === undefined) return;
      written ||= text.length > 0;
      const bytes = Buffer.from(text);
      let offset = 0;
      try {
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      } catch (error) {
        close();
        rmSync(temporary, { force: true });
        failed(error);
      }
    },
    commit() {
      close();
      try {
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        failed(error);
      }
    },
    discard() {
      close();
      rmSync(temporary, { force: true });
    },
  };
}
