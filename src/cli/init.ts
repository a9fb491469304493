import { ScheduleError, UsageError } from "../errors";
import { writeFileSync } from "node:fs";
import { initTemplate } from "../init/template";
import { inert } from "../internal/inert";
import { INIT_TEXT, message, type Lang } from "../messages";
import type { Output } from "./io";

/** Options of `lichhop init`. */
export interface InitOptions {
  readonly province?: string | undefined;
  /** Where to write; `schedule.yaml` when absent. */
  readonly out?: string | undefined;
  /** The year of the horizon, as typed; the current year when absent. */
  readonly year?: string | undefined;
  readonly lang?: Lang | undefined;
  /** The current year, read from the clock by the caller. */
  readonly currentYear: number;
}

/**
 * `lichhop init [--province NAME] [--out FILE] [--year YYYY]`: writes a commented starting
 * schedule; refuses (exit 2) to overwrite an existing file.
 */
export function runInit(options: InitOptions, out: Output): number {
  const path = options.out ?? "schedule.yaml";
  const lang = options.lang ?? "vi";
  const words = INIT_TEXT[lang];
  const yearText = options.year ?? String(options.currentYear);
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    throw new UsageError(message(lang, "year-out-of-range", { found: yearText }));
  }
  const text = initTemplate({ province: options.province, year: Number(yearText) });
  try {
    // "wx": create only, so an existing file is never overwritten (checked atomically).
    writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EEXIST" ? words.exists : (error as Error).message;
    throw new ScheduleError([{ code: "invalid-value", message: `cannot write ${path}: ${reason}`, path: [], file: path }]);
  }
  const shown = inert(path);
  out.stdout(words.wrote(shown));
  return 0;
}
