/**
 * One load + check of a benchmark size, for profiling:
 * `node --cpu-prof --cpu-prof-dir bench/.out/prof bench/.out/profile.js 100k`, then
 * `node bench/profile-summary.mjs bench/.out/prof/<file>.cpuprofile` lists the top self times.
 */
import { performance } from "node:perf_hooks";
import { safeCheckSchedule } from "../src/check";
import { safeParseSchedule } from "../src/load/parse";
import { generateSchedule, SIZES, sizeParams } from "./generate";

const name = process.argv[2] ?? "100k";
const params = sizeParams(name);
if (!params) throw new Error(`unknown size ${name}; one of ${SIZES.map((size) => size.name).join(", ")}`);
const { text } = generateSchedule(params);
const t0 = performance.now();
const loaded = safeParseSchedule(text, { filename: `${name}.yaml` });
if (!loaded.ok) throw new Error("the generated schedule does not load");
const t1 = performance.now();
// Raised limits, as in bench/run.ts: the 1M size exceeds the default 200,000 occurrences.
const checked = safeCheckSchedule(loaded.schedule, { limits: { occurrences: 2_000_000, conflicts: 2_000_000 } });
if (!checked.ok) throw new Error("the generated schedule does not check");
const t2 = performance.now();
process.stderr.write(
  `${name}: load ${(t1 - t0).toFixed(0)} ms, check ${(t2 - t1).toFixed(0)} ms, ${checked.occurrences.length} occurrences, ${checked.report.summary.conflicts} conflicts\n`,
);
