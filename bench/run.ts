/**
 * `npm run bench`: lichhop's scaling from 1k to 1M occurrences beside its baselines, one markdown
 * table, the performance targets judged pass/fail, and bench/results.json. See docs/benchmark.md.
 *
 * Options: `--sizes 1k,10k` (default all), `--quick` (fewer runs), `--no-child` (skip the CLI
 * runs: peak RSS, example, feed server, hostile table), `--hostile-only` (only the hostile
 * table, merged into the results file), `--no-hostile` (all but the hostile table), `--dense-only`
 * (only the dense table and json to a pipe vs a file, merged into the results file), `--no-dense`, `--out FILE`
 * (default bench/results.json).
 *
 * findSlots is measured at every size (the `findSlots` column: a year of a province's
 * working time, two required attendees, three rooms, count 5) and on the bundled example over
 * its whole year, in process: the row "findSlots" of the targets.
 *
 * The 1M size exceeds the default limits (200,000 occurrences, 50,000 conflicts): every check
 * here passes {@link BENCH_LIMITS}, and every CLI run the matching flags.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as api from "../src/index";
import { renderContext, safeCheckSchedule, type CheckResult } from "../src/check";
import { workCalendar } from "../src/calendar/work-calendar";
import { detectCadenceConflicts } from "../src/conflicts/cadence";
import { sortedColumns } from "../src/conflicts/columns";
import { detectPairConflicts } from "../src/conflicts/pairs";
import { detectLeadTimeConflicts } from "../src/conflicts/lead-time";
import { detectSingleConflicts } from "../src/conflicts/single";
import { safeParseSchedule } from "../src/load/parse";
import { expandOccurrences } from "../src/recurrence/expand";
import type { SlotRequestInput } from "../src/slots/request";
import { DAY, formatDate, parseWall } from "../src/time/wall";
import type { Occurrence } from "../src/recurrence/occurrence";
import type { Schedule } from "../src/schema/model";
import { rruleAlone, sortFloor, straightforward } from "./baselines";
import { generateSchedule, SIZES } from "./generate";
import { HOSTILE_TARGET, hostileTable, runHostile, type HostileResult } from "./hostile";
import { denseTable, jsonPipeVersusFile, runDense, type DenseResult } from "./dense";

// rrule's `tzid` mode (the straightforward baseline) reads the process's zone.
process.env.TZ = "UTC";

const benchDir = dirname(fileURLToPath(import.meta.url)).replace(/[/\\]\.out$/, "");
const root = dirname(benchDir);
const outDir = join(benchDir, ".out");
const dataDir = join(outDir, "data");
const cli = join(root, "dist", "cli.js");

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = flag("--quick");
const withChildren = !flag("--no-child");
const wanted = option("--sizes")?.toLowerCase().split(",");
const sizes = SIZES.filter((size) => !wanted || wanted.includes(size.name.toLowerCase()));
const resultsFile = option("--out") ?? join(benchDir, "results.json");
const budgetArgs = option("--budget-scale") ? ["--budget-scale", option("--budget-scale") as string] : [];
const hostileOnly = flag("--hostile-only");
const denseOnly = flag("--dense-only");

/**
 * The limits of every check the benchmark runs, raised above the largest size (1M: ~1.04M
 * occurrences, ~125k conflicts); the defaults are 200,000 occurrences and 50,000 conflicts.
 */
const BENCH_LIMITS = { occurrences: 2_000_000, conflicts: 2_000_000, ruleChecks: 100_000_000 } as const;
/** The same for CLI runs; `--max-size` is added for a file above the default 20 MB. */
const BENCH_LIMIT_ARGS = ["--max-occurrences", String(BENCH_LIMITS.occurrences), "--max-conflicts", String(BENCH_LIMITS.conflicts)];
const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

/**
 * The findSlots target: the example's year well under a second, the 100k schedule in about a
 * second (passed up to 1.5 s, the margin "about" leaves).
 */
const SLOTS_TARGET = { exampleMs: 1_000, largeMs: 1_500 } as const;

/** The straightforward baseline runs only where it is predicted to finish within this. */
const NAIVE_CAP_MS = 30_000;
/** A fixed DTSTAMP for feeds, so their bytes do not depend on the clock. */
const STAMP = new Date(Date.UTC(2024, 0, 1));

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Timing {
  /** Median, ms. */
  readonly median: number;
  readonly runs: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * A child process's wall time and peak RSS (`/usr/bin/time -v`, else a wrapper that reports
 * `process.resourceUsage().maxRSS` on exit), stopped after `budget` ms (`timeout -s KILL`).
 */
function runChild(
  argv: readonly string[],
  budget: number,
): { wallMs: number; maxRssMb: number | undefined; status: number | null; timedOut: boolean; stderr: string } {
  const seconds = String(Math.ceil(budget / 1000));
  const node = existsSync("/usr/bin/timeout")
    ? ["/usr/bin/timeout", "--foreground", "-s", "KILL", seconds, process.execPath]
    : [process.execPath];
  const full = existsSync("/usr/bin/time")
    ? ["/usr/bin/time", "-v", ...node, ...argv]
    : [
        ...node,
        "--import",
        'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMaximum resident set size (kbytes): "+process.resourceUsage().maxRSS+"\\n"))',
        ...argv,
      ];
  const t0 = performance.now();
  const child = spawnSync(full[0] as string, full.slice(1), {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: budget + 30_000,
    killSignal: "SIGKILL",
  });
  const wallMs = performance.now() - t0;
  const stderr = child.stderr ?? "";
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const status = /Exit status: (\d+)/.exec(stderr)?.[1];
  const code = /terminated by signal/.test(stderr) ? 137 : status !== undefined ? Number(status) : child.status;
  return {
    wallMs,
    maxRssMb: rss ? Number(rss[1]) / 1024 : undefined,
    status: code,
    timedOut: code === 137 || code === 124 || /terminated by signal/.test(stderr),
    stderr,
  };
}

/** One phase's result as the worker reports it. */
interface PhaseLine {
  readonly phase: string;
  readonly [key: string]: unknown;
}

/** Everything measured for one size; `null` where a phase did not run or did not finish. */
interface SizeResult {
  name: string;
  target: number;
  meetings: number | null;
  fileBytes: number | null;
  occurrences: number | null;
  runs: number;
  loadMs: number | null;
  expandMs: number | null;
  detectMs: number | null;
  otherChecksMs: number | null;
  checkMs: number | null;
  feedsMs: number | null;
  feedsBytes: number | null;
  pairConflicts: number | null;
  conflicts: number | null;
  occurrencesPerSecond: number | null;
  rruleMs: number | null;
  rruleDates: number | null;
  sortMs: number | null;
  naiveMs: number | null;
  naiveExpandMs: number | null;
  naivePairsMs: number | null;
  naiveOccurrences: number | null;
  naiveConflicts: number | null;
  slotsMs: number | null;
  /** Slots the findSlots phase returned, and the days its window spans. */
  slots: number | null;
  slotDays: number | null;
  /** The same request ranked by distance from the window's middle, so that every day is scanned. */
  slotsScanMs: number | null;
  cliWallMs: number | null;
  cliMaxRssMb: number | null;
  /** Why a value is missing (phase → note). */
  notes: Record<string, string>;
  timings: Record<string, Timing>;
}

// Looked up by name at run time: the feeds are being written, and a static import of a missing
// export would not bundle.
const buildFeeds = Object.entries(api).find(([name]) => name === "buildFeeds")?.[1] as
  | ((schedule: Schedule, source: CheckResult, options: Record<string, unknown>) => ReadonlyArray<{ path: string; ics: string }>)
  | undefined;

/** Runs, warm-up runs and time budgets per size (ms). A phase stops repeating past its budget. */
function plan(target: number): { runs: number; warmup: number; phaseBudget: number; sizeBudget: number; cliBudget: number } {
  const scale = Number(option("--budget-scale") ?? 1);
  const base =
    target <= 1_000
      ? { runs: 9, warmup: 3, phaseBudget: 10_000, sizeBudget: 90_000, cliBudget: 60_000 }
      : target <= 10_000
        ? { runs: 7, warmup: 2, phaseBudget: 15_000, sizeBudget: 150_000, cliBudget: 60_000 }
        : target <= 100_000
          ? { runs: 5, warmup: 1, phaseBudget: 30_000, sizeBudget: 420_000, cliBudget: 180_000 }
          : { runs: 3, warmup: 0, phaseBudget: 40_000, sizeBudget: 300_000, cliBudget: 120_000 };
  const runs = quick ? Math.min(base.runs, target >= 1_000_000 ? 1 : 3) : base.runs;
  const warmup = quick ? Math.min(base.warmup, 1) : base.warmup;
  return {
    ...base,
    runs,
    warmup,
    phaseBudget: base.phaseBudget * scale,
    sizeBudget: base.sizeBudget * scale,
    cliBudget: base.cliBudget * scale,
  };
}

/**
 * The free-slot request the benchmark times: a new meeting of a province's Thường trực HĐND (so
 * its no-overlap rule with UBND applies), two of its members required, three rooms in order of
 * preference, over the horizon from its first day (at most the 366 days a search allows),
 * count 5. `prefix` is the ids' province prefix (`p01-` in generated files, none in the example).
 */
function benchSlotRequest(
  schedule: Schedule,
  prefix: string,
  required: readonly [string, string],
  rooms: readonly string[],
): SlotRequestInput {
  const from = schedule.horizon?.from ?? "2024-01-01";
  const fromWall = (parseWall(from) as { wall: number }).wall;
  const last = formatDate(fromWall + 365 * DAY);
  const to = schedule.horizon && schedule.horizon.to < last ? schedule.horizon.to : last;
  return {
    duration: "PT2H",
    from,
    to,
    body: `${prefix}tt-hdnd`,
    attendees: { required: required.map((id) => `${prefix}${id}`) },
    room: rooms.map((id) => `${prefix}${id}`),
    count: 5,
  };
}

/** The days a request's window spans. */
const windowDays = (request: SlotRequestInput) =>
  Math.round(((parseWall(request.to)?.wall ?? 0) - (parseWall(request.from)?.wall ?? 0)) / DAY) + 1;

/** findSlots on the bundled example over its whole year (parsing excluded), in process. */
function exampleSlots(): { timing: Timing; scanMs: number; slots: number; days: number } {
  const text = readFileSync(join(root, "examples", "lang-son-2024.yaml"), "utf8");
  const loaded = safeParseSchedule(text, { filename: "examples/lang-son-2024.yaml" });
  if (!loaded.ok) throw new Error("the example does not load");
  const request = benchSlotRequest(loaded.schedule, "", ["doan-thi-hau", "pho-chu-tich-hdnd"], ["phong-hop-1", "hoi-truong-tinh"]);
  const run = measureWithin(9, 3, 10_000, () => api.findSlots(loaded.schedule, request));
  const scan = measureWithin(9, 3, 10_000, () =>
    api.findSlots(loaded.schedule, { ...request, prefer: "nearest", near: "2024-07-01T09:00" }),
  );
  return { timing: run.timing, scanMs: scan.timing.median, slots: run.value.slots.length, days: windowDays(request) };
}

/** Runs `fn` up to `runs` times after `warmup` unmeasured runs, stopping early past `budget` ms. */
function measureWithin<T>(runs: number, warmup: number, budget: number, fn: () => T): { timing: Timing; value: T } {
  let value: T | undefined;
  const started = performance.now();
  for (let i = 0; i < warmup && performance.now() - started < budget / 4; i++) {
    gc();
    value = fn();
  }
  const times: number[] = [];
  // Another run only when it is expected to end within the budget (runs take about the same time).
  for (let i = 0; i < runs && (i === 0 || performance.now() - started + (times[times.length - 1] ?? 0) <= budget); i++) {
    value = undefined;
    gc();
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { timing: { median: median(times), runs: times.map(round) }, value: value as T };
}

/**
 * The in-process measurements of one size, run in a child process (`--worker NAME`) so that a
 * size that does not finish can be stopped and reported, and sizes do not share a heap. Each
 * phase writes one JSON line to stdout as soon as it ends; `{"phase":"start",…}` precedes it.
 */
function worker(name: string, runNaive: boolean): void {
  const size = SIZES.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!size) throw new Error(`unknown size ${name}`);
  const { runs, warmup, phaseBudget } = plan(size.target);
  const emit = (line: PhaseLine) => writeSync(1, `${JSON.stringify(line)}\n`);
  const begin = (phase: string) => emit({ phase: "start", name: phase });

  const generated = generateSchedule(size.params);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `${size.name}.yaml`);
  writeFileSync(file, generated.text);
  emit({ phase: "generate", meetings: generated.meetings, fileBytes: generated.text.length, runs });
  log(`[${size.name}] ${generated.meetings} series, ${(generated.text.length / 1e6).toFixed(2)} MB of YAML, up to ${runs} runs`);

  begin("load");
  const filename = relative(root, file);
  const load = measureWithin(runs, warmup, phaseBudget, () => safeParseSchedule(generated.text, { filename }));
  if (!load.value.ok) throw new Error(`generated ${size.name} does not load: ${JSON.stringify(load.value.issues.slice(0, 3))}`);
  const schedule = load.value.schedule;
  emit({ phase: "load", timing: load.timing });
  log(`  load ${formatMs(load.timing.median)}`);

  begin("rrule");
  const rrule = measureWithin(runs, warmup, phaseBudget, () => rruleAlone(schedule));
  emit({ phase: "rrule", timing: rrule.timing, dates: rrule.value });
  log(`  rrule alone ${formatMs(rrule.timing.median)} (${rrule.value} dates)`);

  begin("expand");
  // As check runs it: the expansion, then the columns the sweeps read, built through its sort order.
  const expand = measureWithin(runs, warmup, phaseBudget, () => {
    const expanded = expandOccurrences(schedule, { limits: BENCH_LIMITS });
    return expanded.ok ? { ...expanded, columns: sortedColumns(expanded.occurrences, expanded.order) } : expanded;
  });
  if (!expand.value.ok) throw new Error(`generated ${size.name} does not expand: ${JSON.stringify(expand.value.issues.slice(0, 3))}`);
  const { occurrences, horizon, columns } = expand.value;
  emit({ phase: "expand", timing: expand.timing, occurrences: occurrences.length });
  log(`  expand ${formatMs(expand.timing.median)}, ${occurrences.length} occurrences`);

  begin("sort");
  // As many interval starts, in a scrambled order, sorted numerically.
  const starts = new Float64Array(occurrences.length);
  for (let i = 0, k = 0; i < occurrences.length; i++, k = (k + 7919) % occurrences.length) {
    starts[i] = (occurrences[k] as Occurrence).start;
  }
  const sort = measureWithin(runs, warmup, phaseBudget, () => sortFloor(starts));
  emit({ phase: "sort", timing: sort.timing });

  begin("otherChecks");
  const context = renderContext(schedule, schedule.locale ?? "vi");
  const calendar = workCalendar(schedule.calendar ?? {});
  const others = measureWithin(runs, warmup, phaseBudget, () => [
    ...detectSingleConflicts(schedule, occurrences, columns, { calendar, clockFor: context.clockFor }),
    ...detectCadenceConflicts(schedule, occurrences, horizon),
    ...detectLeadTimeConflicts(schedule, occurrences, { clockFor: context.clockFor }),
  ]);
  emit({ phase: "otherChecks", timing: others.timing, conflicts: others.value.length });
  log(`  other checks ${formatMs(others.timing.median)} (${others.value.length} conflicts)`);

  begin("detect");
  const detect = measureWithin(runs, warmup, phaseBudget, () =>
    detectPairConflicts(schedule, occurrences, columns, { clock: context.clock }),
  );
  emit({ phase: "detect", timing: detect.timing, conflicts: detect.value.length });
  log(`  detect (sweep) ${formatMs(detect.timing.median)} (${detect.value.length} pair conflicts)`);

  begin("check");
  const check = measureWithin(runs, warmup, phaseBudget, () => safeCheckSchedule(schedule, { limits: BENCH_LIMITS }));
  if (!check.value.ok) throw new Error(`generated ${size.name} does not check: ${JSON.stringify(check.value.issues.slice(0, 3))}`);
  const checked = check.value;
  const report = checked.report;
  emit({ phase: "check", timing: check.timing, conflicts: report.summary.conflicts, occurrences: check.value.occurrences.length });
  log(`  expand + check ${formatMs(check.timing.median)}, ${report.summary.conflicts} conflicts`);

  begin("slots");
  const slotRequest = benchSlotRequest(schedule, "p01-", ["chu-tich-hdnd", "pct-hdnd-1"], ["phong-hop-1", "phong-hop-2", "hoi-truong"]);
  const slots = measureWithin(runs, warmup, phaseBudget, () => api.findSlots(schedule, slotRequest, { limits: BENCH_LIMITS }));
  // Ranked by distance from the window's middle, every day of the window is scanned (earliest stops at the 5th slot).
  const middle = formatDate((parseWall(slotRequest.from)?.wall ?? 0) + Math.floor(windowDays(slotRequest) / 2) * DAY);
  const nearRequest: SlotRequestInput = { ...slotRequest, prefer: "nearest", near: `${middle}T09:00` };
  const scan = measureWithin(runs, warmup, phaseBudget, () => api.findSlots(schedule, nearRequest, { limits: BENCH_LIMITS }));
  emit({
    phase: "slots",
    timing: slots.timing,
    slots: slots.value.slots.length,
    days: windowDays(slotRequest),
    scanMs: scan.timing.median,
  });
  log(
    `  findSlots ${formatMs(slots.timing.median)} (${slots.value.slots.length} slots, ${windowDays(slotRequest)} days); every day scanned (prefer nearest) ${formatMs(scan.timing.median)}`,
  );

  if (typeof buildFeeds === "function") {
    begin("feeds");
    try {
      const feeds = measureWithin(runs, warmup, phaseBudget, () => buildFeeds(schedule, checked, { stamp: STAMP }));
      const bytes = feeds.value.reduce((sum, feed) => sum + feed.ics.length, 0);
      emit({ phase: "feeds", timing: feeds.timing, feeds: feeds.value.length, bytes });
      log(`  feeds ${formatMs(feeds.timing.median)}, ${feeds.value.length} feeds, ${(bytes / 1e6).toFixed(1)} MB`);
    } catch (error) {
      const note = `buildFeeds failed: ${(error as Error).message.split("\n")[0]}`;
      emit({ phase: "note", name: "feeds", note });
      log(`  ${note}`);
    }
  } else {
    emit({ phase: "note", name: "feeds", note: "buildFeeds is not exported from src/index.ts yet" });
  }

  if (runNaive) {
    begin("naive");
    const naiveRuns = size.target >= 10_000 ? 1 : Math.min(runs, 3);
    const naive = measureWithin(naiveRuns, 0, phaseBudget, () => straightforward(schedule));
    emit({ phase: "naive", timing: naive.timing, ...naive.value });
    log(
      `  straightforward ${formatMs(naive.timing.median)} (${naive.value.occurrences} occurrences, ${naive.value.conflicts} pair conflicts)`,
    );
  }
  emit({ phase: "done" });
}

/** Runs one size's worker within its budget and collects what it reported. */
function benchSize(size: (typeof SIZES)[number], previous: SizeResult | undefined): SizeResult {
  const { sizeBudget, cliBudget, runs } = plan(size.target);
  const result: SizeResult = {
    name: size.name,
    target: size.target,
    meetings: null,
    fileBytes: null,
    occurrences: null,
    runs,
    loadMs: null,
    expandMs: null,
    detectMs: null,
    otherChecksMs: null,
    checkMs: null,
    feedsMs: null,
    feedsBytes: null,
    pairConflicts: null,
    conflicts: null,
    occurrencesPerSecond: null,
    rruleMs: null,
    rruleDates: null,
    sortMs: null,
    naiveMs: null,
    naiveExpandMs: null,
    naivePairsMs: null,
    naiveOccurrences: null,
    naiveConflicts: null,
    slotsMs: null,
    slots: null,
    slotDays: null,
    slotsScanMs: null,
    cliWallMs: null,
    cliMaxRssMb: null,
    notes: {},
    timings: {},
  };

  // The straightforward implementation always runs up to 10k; above, only when the previous
  // size predicts it finishes within the cap (expansion grows as n, the pair loop as n²).
  let runNaive = size.target <= 10_000;
  if (!runNaive && previous?.naiveExpandMs != null && previous.naivePairsMs != null && previous.naiveOccurrences) {
    const growth = size.target / previous.target;
    const predicted = previous.naiveExpandMs * growth + previous.naivePairsMs * growth ** 2;
    runNaive = predicted <= NAIVE_CAP_MS;
    if (!runNaive) result.notes["naive"] = `not run: predicted ${(predicted / 1000).toFixed(0)} s > ${NAIVE_CAP_MS / 1000} s cap`;
  } else if (!runNaive) {
    result.notes["naive"] = "not run: no measurement at the previous size to predict from";
  }

  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=16384",
      fileURLToPath(import.meta.url),
      "--worker",
      size.name,
      ...(runNaive ? ["--naive"] : []),
      ...(quick ? ["--quick"] : []),
      ...budgetArgs,
    ],
    {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: sizeBudget,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let running: string | undefined;
  let done = false;
  for (const text of (child.stdout ?? "").split("\n")) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as PhaseLine & { timing?: Timing };
    const ms = line.timing?.median ?? null;
    if (line.timing) result.timings[line.phase] = line.timing;
    switch (line.phase) {
      case "start":
        running = line["name"] as string;
        continue;
      case "generate":
        result.meetings = line["meetings"] as number;
        result.fileBytes = line["fileBytes"] as number;
        break;
      case "load":
        result.loadMs = ms;
        break;
      case "expand":
        result.expandMs = ms;
        result.occurrences = line["occurrences"] as number;
        break;
      case "rrule":
        result.rruleMs = ms;
        result.rruleDates = line["dates"] as number;
        break;
      case "sort":
        result.sortMs = ms;
        break;
      case "otherChecks":
        result.otherChecksMs = ms;
        break;
      case "detect":
        result.detectMs = ms;
        result.pairConflicts = line["conflicts"] as number;
        break;
      case "check":
        result.checkMs = ms;
        result.conflicts = line["conflicts"] as number;
        break;
      case "slots":
        result.slotsMs = ms;
        result.slots = line["slots"] as number;
        result.slotDays = line["days"] as number;
        result.slotsScanMs = line["scanMs"] as number;
        break;
      case "feeds":
        result.feedsMs = ms;
        result.feedsBytes = line["bytes"] as number;
        break;
      case "naive":
        result.naiveMs = ms;
        result.naiveExpandMs = line["expandMs"] as number;
        result.naivePairsMs = line["pairsMs"] as number;
        result.naiveOccurrences = line["occurrences"] as number;
        result.naiveConflicts = line["conflicts"] as number;
        break;
      case "note":
        result.notes[line["name"] as string] = line["note"] as string;
        break;
      case "done":
        done = true;
        break;
    }
    running = undefined;
  }
  if (!done) {
    const why =
      (child.error && /ETIMEDOUT/.test(String(child.error))) || child.signal === "SIGKILL"
        ? `did not finish within the ${sizeBudget / 1000} s budget of this size`
        : `worker failed (exit ${child.status})`;
    result.notes[running ?? "worker"] = `${running ?? "worker"} ${why}`;
    log(`  ${running ?? "worker"}: ${why}`);
  }
  if (result.checkMs !== null && result.occurrences !== null) result.occurrencesPerSecond = result.occurrences / (result.checkMs / 1000);

  const file = join(dataDir, `${size.name}.yaml`);
  if (!withChildren) result.notes["cli"] = "--no-child";
  else if (!existsSync(cli)) result.notes["cli"] = "dist/cli.js missing: run npm run build";
  else if (existsSync(file)) {
    const sizeArgs = statSync(file).size > DEFAULT_MAX_SIZE ? ["--max-size", "500MB"] : [];
    const run = runChild([cli, "check", relative(root, file), "--format", "json", ...BENCH_LIMIT_ARGS, ...sizeArgs], cliBudget);
    if (run.status === 0 || run.status === 1) {
      result.cliWallMs = run.wallMs;
      result.cliMaxRssMb = run.maxRssMb ?? null;
      log(`  lichhop check (CLI) ${formatMs(run.wallMs)}, peak RSS ${run.maxRssMb?.toFixed(0)} MB`);
    } else {
      const why = run.timedOut
        ? `did not finish within ${cliBudget / 1000} s (peak RSS ${run.maxRssMb?.toFixed(0) ?? "?"} MB by then)`
        : `exit ${run.status}: ${run.stderr.trim().split("\n").slice(-2).join(" / ")}`;
      result.notes["cli"] = `lichhop check ${why}`;
      log(`  lichhop check (CLI) ${why}`);
    }
  }
  return result;
}

/** `lichhop check` on the bundled example, wall time including Node start-up. */
function exampleCheck(): { medianMs: number; nodeStartMs: number; runs: number[] } | undefined {
  if (!withChildren || !existsSync(cli)) return undefined;
  const example = join(root, "examples", "lang-son-2024.yaml");
  const wall = (argv: string[]) => {
    const t0 = performance.now();
    spawnSync(process.execPath, argv, { cwd: root, stdio: "ignore" });
    return performance.now() - t0;
  };
  wall([cli, "check", example, "--fail-on", "never"]); // warm the file cache
  const runs = Array.from({ length: 11 }, () => wall([cli, "check", example, "--fail-on", "never"]));
  const bare = Array.from({ length: 5 }, () => wall(["-e", "0"]));
  return { medianMs: median(runs), nodeStartMs: median(bare), runs: runs.map(round) };
}

/** The feed server's load test (bench/server.ts, built to .out/server.js), if it exists. */
function serverLoadTest(): { requestsPerSecond?: number; p99Ms?: number; errors?: number; note?: string; raw?: unknown } | undefined {
  const script = join(outDir, "server.js");
  if (!existsSync(join(benchDir, "server.ts"))) return { note: "bench/server.ts does not exist yet" };
  if (!existsSync(script)) return { note: "bench/server.ts not built: run node bench/build.mjs" };
  if (!withChildren) return { note: "--no-child" };
  log("[server] running bench/server.ts");
  const child = spawnSync(process.execPath, [script], { cwd: root, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  const output = `${child.stdout ?? ""}`;
  if (child.status !== 0) return { note: `exit ${child.status}: ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" / ")}` };
  // Contract: the last stdout line that parses as a JSON object carries the numbers.
  for (const line of output.trim().split("\n").reverse()) {
    try {
      const value = JSON.parse(line) as Record<string, unknown>;
      if (value && typeof value === "object") {
        const num = (...keys: string[]) => {
          for (const key of keys) if (typeof value[key] === "number") return value[key] as number;
          return undefined;
        };
        const requestsPerSecond = num("requestsPerSecond", "requests_per_second", "rps", "reqPerSec");
        const p99Ms = num("p99Ms", "p99_ms", "p99", "latencyP99");
        const errors = num("errors", "non2xx");
        return {
          ...(requestsPerSecond !== undefined ? { requestsPerSecond } : {}),
          ...(p99Ms !== undefined ? { p99Ms } : {}),
          ...(errors !== undefined ? { errors } : {}),
          raw: value,
        };
      }
    } catch {
      // not the summary line
    }
  }
  const rps = /([\d.]+)\s*(?:req\/s|requests\/s)/i.exec(output);
  const p99 = /p99[^\d]*([\d.]+)/i.exec(output);
  return {
    ...(rps ? { requestsPerSecond: Number(rps[1]) } : {}),
    ...(p99 ? { p99Ms: Number(p99[1]) } : {}),
    note: "parsed from text output",
  };
}

function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

const formatCount = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n));
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || b === 0 ? "—" : `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;

/** Notes by text, with the sizes they apply to. */
function groupNotes(results: readonly SizeResult[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const r of results) {
    for (const [phase, note] of Object.entries(r.notes)) {
      const text = note.startsWith(phase) ? note : `${phase}: ${note}`;
      grouped.set(text, [...(grouped.get(text) ?? []), r.name]);
    }
  }
  return grouped;
}

/** The hostile table's markdown: a heading, the table, and how many reproducers meet the target. */
function hostileMarkdown(results: readonly HostileResult[]): string {
  const failing = results.filter((r) => !r.meetsTarget);
  return [
    `### Hostile files (\`node dist/cli.js check FILE --format json\`, one run each)`,
    "",
    hostileTable(results),
    "",
    `Target: each ends within ${HOSTILE_TARGET.wallMs / 1000} s and 1 GB of peak RSS with its answer, or with exit 2 and an issue naming the limit it hit. ${
      failing.length === 0
        ? `All ${results.length} meet it.`
        : `${failing.length} of ${results.length} do not: ${failing.map((r) => r.id).join(", ")}.`
    }`,
  ].join("\n");
}

type PipeResult = ReturnType<typeof jsonPipeVersusFile>;

/** The dense table and the JSON pipe/file comparison (at 100k, when its data file exists). */
function denseSection(): { results: DenseResult[]; json: PipeResult | null } {
  log("[dense] conflicts growing with the square of a room's meetings, through the CLI");
  const results = runDense(cli, root, log);
  const data = join(dataDir, "100k.yaml");
  let json: PipeResult | null = null;
  if (existsSync(data)) {
    log("[json] check --format json at 100k, to a file and to a pipe");
    json = jsonPipeVersusFile(cli, root, relative(root, data), BENCH_LIMIT_ARGS, log);
  } else {
    log("[json] bench/.out/data/100k.yaml missing: run the 100k size first");
  }
  return { results, json };
}

/** The dense section's markdown. */
function denseMarkdown(dense: { results: readonly DenseResult[]; json: PipeResult | null }): string {
  const { json } = dense;
  const mb = (value: number | null) => (value === null ? "?" : `${value} MB`);
  return [
    "### Dense schedules (`node dist/cli.js check FILE --format F --lang en`, one run each)",
    "",
    denseTable(dense.results),
    "",
    "Text holds the findings only; json lists every conflict (held compactly, each rendered only when written) up to `--max-conflicts` (raised to 2,000,000 for json here); github, junit and sarif list conflicts while they fit the default bound (50,000), then each finding's first.",
    "",
    json
      ? `- \`check --format json\` at 100k (${((json.bytes ?? 0) / 1e6).toFixed(1)} MB of JSON): to a file ${(json.file.wallMs / 1000).toFixed(2)} s / ${mb(json.file.maxRssMb)}, through a pipe ${(json.pipe.wallMs / 1000).toFixed(2)} s / ${mb(json.pipe.maxRssMb)}.`
      : "- `check --format json` at 100k: not run (no 100k data file).",
  ].join("\n");
}

/** The dense section alone (`--dense-only`): printed, and merged into the results file under `dense`. */
function denseOnlyMain(): void {
  if (!existsSync(cli)) {
    log("dist/cli.js is missing: run npm run build");
    process.exitCode = 2;
    return;
  }
  const dense = denseSection();
  const markdown = `${denseMarkdown(dense)}\n`;
  process.stdout.write(markdown);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>;
  } catch {
    // no results yet: the file then holds the dense section only
  }
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ ...previous, dense: { date: new Date().toISOString(), ...dense, markdown } }, null, 2)}\n`,
  );
  log(`wrote the dense key of ${relative(root, resultsFile)}`);
}

/** The hostile table alone (`--hostile-only`): printed, and merged into the results file under `hostile`. */
function hostileOnlyMain(): void {
  if (!existsSync(cli)) {
    log("dist/cli.js is missing: run npm run build");
    process.exitCode = 2;
    return;
  }
  log(
    `lichhop hostile table, load average ${os
      .loadavg()
      .map((value) => round(value, 2))
      .join(" ")}`,
  );
  const results = runHostile(cli, root, log);
  const markdown = `${hostileMarkdown(results)}\n`;
  process.stdout.write(markdown);
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, unknown>;
  } catch {
    // no results yet: the file then holds the hostile table only
  }
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ ...previous, hostile: { date: new Date().toISOString(), results, markdown } }, null, 2)}\n`,
  );
  log(`wrote the hostile key of ${relative(root, resultsFile)}`);
}

function main() {
  const started = performance.now();
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((value) => round(value, 2)),
    loadAverageAtEnd: [] as number[],
  };
  log(
    `lichhop benchmark on ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(" ")}`,
  );
  if ((machine.loadAverageAtStart[0] ?? 0) > machine.cores * 0.75) log("warning: the machine is busy; timings will be inflated");
  if (!existsSync(cli)) log("note: dist/cli.js is missing (run npm run build): CLI columns are skipped");
  if (typeof buildFeeds !== "function") log("note: buildFeeds is not exported from src/index.ts yet: the feeds column is skipped");

  const results: SizeResult[] = [];
  for (const size of sizes) results.push(benchSize(size, results[results.length - 1]));
  const example = exampleCheck();
  log("[slots] findSlots on the example over its year");
  const slotsExample = exampleSlots();
  log(
    `  findSlots ${formatMs(slotsExample.timing.median)} (${slotsExample.slots} slots, ${slotsExample.days} days); every day scanned ${formatMs(slotsExample.scanMs)}`,
  );
  const server = serverLoadTest();
  let hostile: ReturnType<typeof runHostile> | null = null;
  if (withChildren && !flag("--no-hostile") && existsSync(cli)) {
    log("[hostile] reproducers through the CLI");
    hostile = runHostile(cli, root, log);
  }
  const dense = withChildren && !flag("--no-dense") && existsSync(cli) ? denseSection() : null;
  machine.loadAverageAtEnd = os.loadavg().map((value) => round(value, 2));

  // Growth of expand + check per ×10 in size, against n log n.
  const growth = results.slice(1).flatMap((result, index) => {
    const prev = results[index] as SizeResult;
    if (result.checkMs === null || prev.checkMs === null || !result.occurrences || !prev.occurrences) return [];
    const k = Math.log(result.checkMs / prev.checkMs) / Math.log(result.occurrences / prev.occurrences);
    const nlogn = 10 * (Math.log(prev.occurrences * 10) / Math.log(prev.occurrences));
    return [{ from: prev.name, to: result.name, exponent: round(k, 3), per10: round(10 ** k, 2), nlognPer10: round(nlogn, 2) }];
  });
  const unfinished = results.filter((r) => r.checkMs === null && r.occurrences !== null);

  const by = (name: string) => results.find((result) => result.name.toLowerCase() === name.toLowerCase());
  const big = by("1M");
  const mid = by("100k");
  const ten = by("10k");
  const missing = (r: SizeResult | undefined, ...keys: string[]) => {
    if (!r) return { measured: "size not run", pass: null };
    const note =
      keys.map((key) => r.notes[key]).find((value) => value !== undefined) ??
      Object.values(r.notes).find((value) => /did not finish within/.test(value));
    return { measured: note ?? "not measured", pass: note && /did not finish within/.test(note) ? false : null };
  };
  type Target = { target: string; measured: string; pass: boolean | null };
  const targets: Target[] = [
    {
      target: "1M: expand + check ≤ 1.5× rrule alone",
      ...(big?.checkMs != null && big.rruleMs != null
        ? {
            measured: `${formatMs(big.checkMs)} vs ${formatMs(big.rruleMs)} = ${ratio(big.checkMs, big.rruleMs)}`,
            pass: big.checkMs <= 1.5 * big.rruleMs,
          }
        : missing(big, "check", "detect")),
    },
    {
      target: "1M: peak RSS of lichhop check < 1 GB",
      ...(big?.cliMaxRssMb != null
        ? { measured: `${big.cliMaxRssMb.toFixed(0)} MB`, pass: big.cliMaxRssMb * 1024 * 1024 < 1e9 }
        : missing(big, "cli")),
    },
    {
      target: "1M: detection < 10 % of expand + check",
      ...(big?.checkMs != null && big.detectMs != null && big.otherChecksMs != null
        ? {
            measured: `sweep ${((100 * big.detectMs) / big.checkMs).toFixed(1)} %, all checks ${((100 * (big.detectMs + big.otherChecksMs)) / big.checkMs).toFixed(1)} %`,
            pass: (big.detectMs + big.otherChecksMs) / big.checkMs < 0.1,
          }
        : missing(big, "detect", "check")),
    },
    {
      target: "100k: load does not dominate (load < expand + check)",
      ...(mid?.loadMs != null && mid.checkMs != null
        ? {
            measured: `load ${formatMs(mid.loadMs)} vs expand + check ${formatMs(mid.checkMs)} (${((100 * mid.loadMs) / (mid.loadMs + mid.checkMs)).toFixed(0)} % of the two)`,
            pass: mid.loadMs < mid.checkMs,
          }
        : missing(mid, "load", "check")),
    },
    {
      target: "10k: ≥ 20× faster than straightforward (expand + pair detection)",
      ...(ten?.naiveMs != null && ten.expandMs != null && ten.detectMs != null
        ? {
            measured: `${formatMs(ten.naiveMs)} vs ${formatMs(ten.expandMs + ten.detectMs)} = ${ratio(ten.naiveMs, ten.expandMs + ten.detectMs)} (vs whole expand + check ${ratio(ten.naiveMs, ten.checkMs)})`,
            pass: ten.naiveMs / (ten.expandMs + ten.detectMs) >= 20,
          }
        : missing(ten, "naive", "detect")),
    },
    {
      target: "growth per ×10 ≤ n log n (expand + check)",
      measured:
        [
          ...growth.map((g) => `${g.from}→${g.to} ×${g.per10.toFixed(1)} (n log n ×${g.nlognPer10.toFixed(1)})`),
          ...unfinished.map((r) => `${r.name} did not finish`),
        ].join(", ") || "needs 2 sizes",
      pass: growth.length || unfinished.length ? unfinished.length === 0 && growth.every((g) => g.per10 <= g.nlognPer10) : null,
    },
    {
      target: "hostile files: each ≤ 5 s and ≤ 1 GB, with its answer or a named limit",
      measured: hostile ? `${hostile.filter((r) => r.meetsTarget).length} of ${hostile.length} meet it` : "not run",
      pass: hostile ? hostile.every((r) => r.meetsTarget) : null,
    },
    {
      target: "findSlots: example year < 1 s, 100k ≈ 1 s",
      ...(mid?.slotsMs != null && mid.slotsScanMs != null
        ? {
            measured: `example ${formatMs(slotsExample.timing.median)}, every day scanned ${formatMs(slotsExample.scanMs)}; 100k ${formatMs(mid.slotsMs)}, every day scanned ${formatMs(mid.slotsScanMs)} (${mid.slotDays} days)`,
            pass:
              Math.max(slotsExample.timing.median, slotsExample.scanMs) < SLOTS_TARGET.exampleMs &&
              Math.max(mid.slotsMs, mid.slotsScanMs) <= SLOTS_TARGET.largeMs,
          }
        : {
            ...missing(mid, "slots"),
            ...(Math.max(slotsExample.timing.median, slotsExample.scanMs) >= SLOTS_TARGET.exampleMs ? { pass: false } : {}),
          }),
    },
    {
      target: "example: lichhop check < 300 ms wall incl. Node start-up",
      measured: example ? `${example.medianMs.toFixed(0)} ms (bare \`node -e 0\`: ${example.nodeStartMs.toFixed(0)} ms)` : "not run",
      pass: example ? example.medianMs < 300 : null,
    },
  ];

  const header = [
    "size",
    "series",
    "occurrences",
    "load",
    "expand",
    "detect (sweep)",
    "other checks",
    "expand + check",
    "feeds",
    "findSlots",
    "occ/s",
    "conflicts (pairs)",
    "CLI check wall",
    "CLI peak RSS",
    "rrule alone",
    "lichhop ÷ rrule",
    "straightforward",
    "straightforward ÷ lichhop",
    "sort floor",
    "sweep ÷ sort",
  ];
  const cell = (r: SizeResult, value: number | null, phase: string, format: (v: number) => string = formatMs) =>
    value !== null
      ? format(value)
      : r.notes[phase] && /did not finish/.test(r.notes[phase] as string)
        ? "timeout"
        : r.notes[phase]
          ? "skipped"
          : "—";
  const rows = results.map((r) => [
    r.name,
    r.meetings === null ? "—" : String(r.meetings),
    r.occurrences === null ? "—" : formatCount(r.occurrences),
    cell(r, r.loadMs, "load"),
    cell(r, r.expandMs, "expand"),
    cell(r, r.detectMs, "detect"),
    cell(r, r.otherChecksMs, "otherChecks"),
    cell(r, r.checkMs, "check"),
    cell(r, r.feedsMs, "feeds"),
    cell(r, r.slotsMs, "slots"),
    r.occurrencesPerSecond === null ? "—" : formatCount(Math.round(r.occurrencesPerSecond)),
    r.conflicts === null ? (r.pairConflicts === null ? "—" : `? (${r.pairConflicts})`) : `${r.conflicts} (${r.pairConflicts ?? "?"})`,
    cell(r, r.cliWallMs, "cli"),
    r.cliMaxRssMb === null ? cell(r, null, "cli") : `${r.cliMaxRssMb.toFixed(0)} MB`,
    cell(r, r.rruleMs, "rrule"),
    ratio(r.checkMs, r.rruleMs),
    cell(r, r.naiveMs, "naive"),
    r.naiveMs === null || r.expandMs === null || r.detectMs === null ? "—" : ratio(r.naiveMs, r.expandMs + r.detectMs),
    cell(r, r.sortMs, "sort"),
    ratio(r.detectMs, r.sortMs),
  ]);
  const table = [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

  const lines = [
    `## lichhop benchmark — ${machine.date.slice(0, 10)}`,
    "",
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end. Medians of up to ${results.map((r) => `${r.runs} (${r.name})`).join(", ")} runs.`,
    "",
    table,
    "",
    `- Example (\`lichhop check examples/lang-son-2024.yaml\`, median of ${example?.runs.length ?? 0} spawns): ${example ? `${example.medianMs.toFixed(0)} ms wall; \`node -e 0\` alone ${example.nodeStartMs.toFixed(0)} ms` : "not run"}.`,
    `- findSlots (in process, after parsing; a new Thường trực HĐND meeting of 2 hours, 2 required members, a list of rooms, count 5, over the horizon up to 366 days): the example's ${slotsExample.days} days ${formatMs(slotsExample.timing.median)} (median of ${slotsExample.timing.runs.length}, ${slotsExample.slots} slots), every day scanned (\`prefer: "nearest"\` to mid-year) ${formatMs(slotsExample.scanMs)}; ${results.map((r) => `${r.name} ${formatMs(r.slotsMs)}, every day scanned ${formatMs(r.slotsScanMs)}${r.slotDays === null ? "" : ` (${r.slotDays} days)`}`).join("; ")}.`,
    `- Feed server load test (bench/server.ts): ${
      server?.requestsPerSecond !== undefined
        ? `${server.requestsPerSecond.toFixed(0)} req/s, p99 ${server.p99Ms ?? "?"} ms${server.errors !== undefined ? `, ${server.errors} errors` : ""}`
        : (server?.note ?? "not run")
    }.`,
    `- Growth of expand + check per ×10: ${growth.map((g) => `${g.from}→${g.to} ×${g.per10.toFixed(1)} (exponent ${g.exponent.toFixed(2)}; n log n allows ×${g.nlognPer10.toFixed(1)})`).join(", ") || "—"}.`,
    ...[...groupNotes(results)].map(([note, names]) => `- ${names.join(", ")}: ${note}.`),
    ...results
      .filter((r) => r.naiveConflicts !== null)
      .map(
        (r) =>
          `- Cross-check at ${r.name}: straightforward found ${r.naiveOccurrences} occurrences and ${r.naiveConflicts} pair conflicts (expansion ${formatMs(r.naiveExpandMs)}, all pairs ${formatMs(r.naivePairsMs)}); lichhop ${r.occurrences} and ${r.pairConflicts} (the straightforward code ignores the working calendar's \`onDayOff\` moves and skips).`,
      ),
    "",
    ...(hostile ? [hostileMarkdown(hostile), ""] : []),
    ...(dense ? [denseMarkdown(dense), ""] : []),
    "| target | measured | result |",
    "|---|---|---|",
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.pass === null ? "n/a" : t.pass ? "PASS" : "FAIL"} |`),
    "",
    `Total benchmark time ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  ];
  const markdown = `${lines.join("\n")}\n`;
  process.stdout.write(markdown);
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ machine, sizes: results, growth, example: example ?? null, slotsExample, server: server ?? null, hostile: hostile ? { date: machine.date, results: hostile } : null, dense, targets, markdown }, null, 2)}\n`,
  );
  writeFileSync(join(outDir, "results.md"), markdown);
  log(`wrote ${relative(root, resultsFile)} and ${relative(root, join(outDir, "results.md"))}`);
}

const workerSize = option("--worker");
if (workerSize) worker(workerSize, flag("--naive"));
else if (hostileOnly) hostileOnlyMain();
else if (denseOnly) denseOnlyMain();
else main();
