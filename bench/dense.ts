/**
 * The dense table of `npm run bench`: schedules whose conflicts grow with the square of a room's
 * meetings, checked through the built CLI in every format (wall time and peak RSS of each), and
 * `check --format json` at 100k written to a pipe beside a file. See docs/benchmark.md.
 *
 * Conflicts and findings are read from the English text report's summary line.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { conflictExplosion } from "./hostile";

/** One dense schedule. */
export interface DenseCase {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** The dense schedules: the hostile 3,000 × 50 rooms over 2024, and about a million overlapping pairs. */
export function denseCases(): DenseCase[] {
  return [
    // 60 daily series a room: 1,770 pairs a room a day, 88,500 findings, ~32 million conflicts.
    { id: "3000x50", title: "3,000 daily meetings in 50 rooms, 2024", text: conflictExplosion(3000, 50) },
    // 30 a room in 20 rooms for 115 days: 435 × 20 × 115 = 1,000,500 pairs, 8,700 findings.
    { id: "1M-pairs", title: "600 daily meetings in 20 rooms, 115 days (a million pairs)", text: conflictExplosion(600, 20, "2024-04-24") },
  ];
}

export const DENSE_FORMATS = ["text", "json", "github", "junit", "sarif"] as const;

/**
 * Limits every dense run passes: the occurrences of 3,000 daily series; json, which lists the
 * conflicts, also a listing bound above a million. The other formats keep the default bound, past
 * which github, junit and sarif print findings.
 */
const DENSE_ARGS = ["--max-occurrences", "2000000", "--max-findings", "200000"];
const LISTING_ARGS = ["--max-conflicts", "2000000"];

/** One CLI run. */
export interface DenseRun {
  readonly format: string;
  readonly exit: number | null;
  readonly wallMs: number;
  readonly maxRssMb: number | null;
  readonly outputBytes: number | null;
  /** What the run printed when it did not answer (exit 2), or why it was stopped. */
  readonly note: string;
}

/** One dense schedule's runs. */
export interface DenseResult {
  readonly id: string;
  readonly title: string;
  readonly occurrences: number | null;
  readonly conflicts: number | null;
  readonly findings: number | null;
  readonly runs: readonly DenseRun[];
}

/**
 * Runs `node ARGV` under GNU time (peak RSS), stdout to `sink`: a file, or a pipe that `cat`
 * drains to /dev/null. Stopped after `budgetS` seconds.
 */
function measure(
  argv: readonly string[],
  cwd: string,
  sink: { readonly file: string } | "pipe",
  budgetS: number,
): { wallMs: number; maxRssMb: number | null; exit: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-dense-"));
  const rssFile = join(dir, "rss.txt");
  const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;
  const node = ["/usr/bin/timeout", "--foreground", "-s", "KILL", String(budgetS), process.execPath, ...argv];
  const timed = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-o", rssFile, "-f", "%M", ...node] : node;
  const t0 = performance.now();
  let status: number | null;
  let stderr: string;
  if (sink === "pipe") {
    const child = spawnSync("/bin/sh", ["-c", `${timed.map(quote).join(" ")} | cat > /dev/null`], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    });
    status = child.status;
    stderr = child.stderr ?? "";
  } else {
    const fd = openSync(sink.file, "w");
    const child = spawnSync(timed[0] as string, timed.slice(1), { cwd, encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
    closeSync(fd);
    status = child.status;
    stderr = child.stderr ?? "";
  }
  const wallMs = performance.now() - t0;
  let maxRssMb: number | null = null;
  if (existsSync(rssFile)) {
    const lines = readFileSync(rssFile, "utf8").trim().split("\n");
    const kb = Number(lines[lines.length - 1]);
    if (Number.isFinite(kb)) maxRssMb = kb / 1024;
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, maxRssMb, exit: status, stderr };
}

/** Runs every dense schedule through the CLI in every format. */
export function runDense(cli: string, root: string, log: (text: string) => void, budgetS = 900): DenseResult[] {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-dense-bench-"));
  const results: DenseResult[] = [];
  try {
    for (const dense of denseCases()) {
      const file = join(dir, `${dense.id}.yaml`);
      writeFileSync(file, dense.text);
      let occurrences: number | null = null;
      let conflicts: number | null = null;
      let findings: number | null = null;
      const runs: DenseRun[] = [];
      for (const format of DENSE_FORMATS) {
        const out = join(dir, `out.${format}`);
        const run = measure(
          [cli, "check", file, "--format", format, "--lang", "en", ...DENSE_ARGS, ...(format === "json" ? LISTING_ARGS : [])],
          root,
          { file: out },
          budgetS,
        );
        const outputBytes = existsSync(out) ? statSync(out).size : null;
        if (format === "text" && (run.exit === 0 || run.exit === 1)) {
          const text = readFileSync(out, "utf8");
          const summary = /([\d,]+) meetings?, ([\d,]+) occurrences?; ([\d,]+) conflicts? .* in ([\d,]+) findings?/.exec(text);
          const num = (value: string | undefined) => (value === undefined ? null : Number(value.replace(/,/g, "")));
          occurrences = num(summary?.[2]);
          conflicts = num(summary?.[3]);
          findings = num(summary?.[4]);
        }
        const stopped = run.exit === 137 || run.exit === null || /terminated by signal/.test(run.stderr);
        const codes = [...new Set(run.stderr.match(/\[[a-z-]+\]$/gm) ?? [])].join(", ");
        const note = stopped ? `stopped after ${budgetS} s` : run.exit === 2 ? codes || run.stderr.trim().split("\n").pop() || "" : "";
        rmSync(out, { force: true });
        runs.push({
          format,
          exit: stopped ? null : run.exit,
          wallMs: Math.round(run.wallMs),
          maxRssMb: run.maxRssMb === null ? null : Math.round(run.maxRssMb),
          outputBytes,
          note,
        });
        log(
          `  [dense ${dense.id}] ${format}: ${(run.wallMs / 1000).toFixed(1)} s, ${run.maxRssMb?.toFixed(0) ?? "?"} MB, exit ${run.exit} ${note}`,
        );
      }
      results.push({ id: dense.id, title: dense.title, occurrences, conflicts, findings, runs });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** `check --format json` of one file written to a file and to a pipe: wall time and peak RSS of each. */
export function jsonPipeVersusFile(cli: string, root: string, file: string, extra: readonly string[], log: (text: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-json-"));
  try {
    const argv = [cli, "check", file, "--format", "json", ...extra];
    const out = join(dir, "report.json");
    const toFile = measure(argv, root, { file: out }, 300);
    const bytes = existsSync(out) ? statSync(out).size : null;
    const toPipe = measure(argv, root, "pipe", 300);
    const result = {
      bytes,
      file: {
        wallMs: Math.round(toFile.wallMs),
        maxRssMb: toFile.maxRssMb === null ? null : Math.round(toFile.maxRssMb),
        exit: toFile.exit,
      },
      pipe: {
        wallMs: Math.round(toPipe.wallMs),
        maxRssMb: toPipe.maxRssMb === null ? null : Math.round(toPipe.maxRssMb),
        exit: toPipe.exit,
      },
    };
    log(
      `  json to a file ${(result.file.wallMs / 1000).toFixed(2)} s, ${result.file.maxRssMb} MB; to a pipe ${(result.pipe.wallMs / 1000).toFixed(2)} s, ${result.pipe.maxRssMb} MB (${((bytes ?? 0) / 1e6).toFixed(1)} MB of JSON)`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const count = (n: number | null) => (n === null ? "—" : n.toLocaleString("en"));

/** The dense table as markdown: one row per schedule and format. */
export function denseTable(results: readonly DenseResult[]): string {
  const header = ["schedule", "occurrences", "conflicts", "findings", "format", "wall", "peak RSS", "exit", "output"];
  const rows = results.flatMap((r) =>
    r.runs.map((run, k) => [
      k === 0 ? r.title : "",
      k === 0 ? count(r.occurrences) : "",
      k === 0 ? count(r.conflicts) : "",
      k === 0 ? count(r.findings) : "",
      run.format,
      `${(run.wallMs / 1000).toFixed(1)} s`,
      run.maxRssMb === null ? "?" : `${run.maxRssMb} MB`,
      run.exit === null ? "stopped" : String(run.exit),
      run.note || (run.outputBytes === null ? "—" : `${(run.outputBytes / 1e6).toFixed(1)} MB`),
    ]),
  );
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => ((i >= 1 && i <= 3) || i === 5 || i === 6 ? "---:" : "---")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}
