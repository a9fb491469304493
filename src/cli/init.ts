import { ScheduleError, UsageError } from "../errors";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { version } from "../../package.json";
import { COMMITTEES, type Committee, defaultCommittees, findProvince, type Province } from "../init/provinces";
import { initTemplate } from "../init/template";
import { inert } from "../internal/inert";
import { INIT_TEXT, message, type Lang } from "../messages";
import type { Output } from "./io";
import { fileFailure } from "./paths";

/** Options of `lichhop init`. */
export interface InitOptions {
  /** One of the 34 provincial-level units, as typed (accents optional). */
  readonly province?: string | undefined;
  /** The HĐND committees, comma-separated ids (`--committees`); the unit's defaults when absent. */
  readonly committees?: string | undefined;
  /** Where to write; `schedule.yaml` when absent. */
  readonly out?: string | undefined;
  /** The year of the horizon, as typed; the current year when absent. */
  readonly year?: string | undefined;
  readonly lang?: Lang | undefined;
  /** The current year, read from the clock by the caller. */
  readonly currentYear: number;
}

/** The unit `--province` names, or a usage error worded in `lang` (with a did-you-mean). */
function resolveProvince(typed: string, lang: Lang): Province {
  const words = INIT_TEXT[lang];
  const match = findProvince(typed);
  const shown = inert(typed);
  if (match.kind === "found") return match.province;
  if (match.kind === "merged")
    throw new UsageError(words.mergedProvince(shown, match.former, match.province.name, match.province.kind === "city"));
  throw new UsageError(
    words.unknownProvince(
      shown,
      match.suggestions.map((p) => p.name),
    ),
  );
}

/** `--committees a,b`: known ids only, Ban Đô thị only for a city. */
function parseCommittees(typed: string | undefined, unit: Province | undefined, lang: Lang): readonly Committee[] | undefined {
  if (typed === undefined) return unit === undefined ? undefined : defaultCommittees(unit.kind);
  const words = INIT_TEXT[lang];
  const ids = typed
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  for (const id of ids) {
    if (!(COMMITTEES as readonly string[]).includes(id)) throw new UsageError(words.unknownCommittee(inert(id), COMMITTEES));
  }
  if (ids.includes("do-thi") && unit?.kind !== "city") throw new UsageError(words.urbanOnlyInCity);
  return ids as Committee[];
}

/** Where the published schema is, for a file with no lichhop installed beside it. */
export const SCHEMA_URL = `https://unpkg.com/lichhop@${version.split(".")[0]}/schema.json`;

/**
 * The schema the modeline of a new file at `path` names: the nearest
 * `node_modules/lichhop/schema.json` above the file, relative to it (editors resolve the
 * modeline from the file's folder), else {@link SCHEMA_URL}.
 */
export function schemaFor(path: string): string {
  const folder = dirname(resolve(path));
  for (let dir = folder; ; dir = dirname(dir)) {
    const schema = join(dir, "node_modules", "lichhop", "schema.json");
    if (existsSync(schema)) {
      const relativePath = relative(folder, schema).split(sep).join("/");
      return relativePath.startsWith(".") ? relativePath : `./${relativePath}`;
    }
    if (dirname(dir) === dir) return SCHEMA_URL;
  }
}

/**
 * `lichhop init [--province NAME] [--out FILE] [--year YYYY] [--committees LIST]`: writes a
 * commented starting schedule for one of the 34 provincial-level units; refuses (exit 2) to
 * overwrite an existing file, and an unknown province with the nearest names.
 */
export function runInit(options: InitOptions, out: Output): number {
  const path = options.out ?? "schedule.yaml";
  const lang = options.lang ?? "vi";
  const words = INIT_TEXT[lang];
  const yearText = options.year ?? String(options.currentYear);
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1900 || Number(yearText) > 2100) {
    throw new UsageError(message(lang, "year-out-of-range", { found: yearText }));
  }
  const unit = options.province === undefined ? undefined : resolveProvince(options.province, lang);
  const committees = parseCommittees(options.committees, unit, lang);
  const text = initTemplate({
    province: unit?.name,
    kind: unit?.kind,
    committees,
    file: options.out,
    year: Number(yearText),
    schema: schemaFor(path),
  });
  try {
    // "wx": create only, so an existing file is never overwritten (checked atomically).
    writeFileSync(path, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    const failure = fileFailure(error, true);
    throw new ScheduleError([
      { code: "bad-argument", message: message(lang, "cannot-write", { file: path, failure }), path: [], file: path },
    ]);
  }
  const shown = inert(path);
  out.stdout(words.wrote(shown));
  return 0;
}
