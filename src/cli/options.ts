import type { Limits } from "../limits";
import type { Lang } from "../messages";

/** Options shared by the commands that read a schedule. */
export interface CommonOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly format: string;
  readonly lang?: Lang | undefined;
  /** The largest schedule file read, in bytes (`--max-size`); 20 MB when absent. */
  readonly maxSize?: number | undefined;
  /** Raised or lowered limits (`--max-occurrences`, `--max-conflicts`). */
  readonly limits?: Partial<Limits> | undefined;
}

/** The formats `lichhop check` writes. */
export const CHECK_FORMATS = ["text", "json", "github", "junit", "sarif", "html"] as const;

/** The formats `lichhop week` writes. */
export const WEEK_FORMATS = ["text", "html", "md", "csv"] as const;

/** A comma-separated option (`--attendees a,b`) as its items, trimmed, empty ones left out. */
export function commaList(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
