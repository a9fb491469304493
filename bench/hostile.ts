/**
 * The hostile table of `npm run bench`: schedule files built to make a checker work too long or
 * hold too much memory, each run once through the built CLI (`node dist/cli.js check FILE
 * --format json`) with its wall time, peak RSS, exit code and the issue codes it printed. The
 * target: every reproducer ends within 5 s and 1 GB with its answer, or with exit 2 and an issue
 * that names the limit it hit. See docs/benchmark.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { mulberry32 } from "./generate";

/** The target every reproducer must meet. */
export const HOSTILE_TARGET = { wallMs: 5_000, maxRssBytes: 1e9 } as const;

/**
 * What a reproducer may end with to meet the target: a report (exit 0 or 1) when `answer`, and
 * exit 2 when every issue code printed is one of `codes` (those name the limit hit).
 */
export interface HostileExpectation {
  readonly answer: boolean;
  readonly codes: readonly string[];
}

/** One generated reproducer. */
export interface HostileCase {
  readonly id: string;
  /** What the file holds, for the table. */
  readonly title: string;
  readonly text: string;
  /** Arguments after `check FILE --format json`. */
  readonly args?: readonly string[];
  /** The whole command line after `node dist/cli.js`, instead of `check FILE --format json ARGS` (`dir`: a scratch directory). */
  readonly argv?: (file: string, dir: string) => string[];
  readonly expect: HostileExpectation;
}

/** One reproducer's run. */
export interface HostileResult {
  readonly id: string;
  readonly title: string;
  readonly fileBytes: number;
  readonly command: string;
  readonly wallMs: number;
  /** Peak resident set size of the CLI process, MB (1024 × 1024 bytes); null when unknown. */
  readonly maxRssMb: number | null;
  /** Exit code; null when the run was stopped (see `stopped`). */
  readonly exit: number | null;
  readonly stopped: boolean;
  /** The issue codes of an exit 2, in order, each once. */
  readonly codes: readonly string[];
  /** Occurrences and conflicts of a report (exit 0 or 1). */
  readonly occurrences: number | null;
  readonly conflicts: number | null;
  /** Stack-trace lines or "internal error" on stderr. */
  readonly crashed: boolean;
  readonly meetsTarget: boolean;
  /** Why the target is not met, when it is not. */
  readonly why: string;
}

const BODIES = "bodies: [{ id: ubnd, name: UBND tỉnh }]\n";

const HEADER = `version: 1
timezone: Asia/Ho_Chi_Minh
${BODIES}`;

/** `count` distinct ids of `length` characters, and for each one an id that differs in one character. */
function nearIds(count: number, length: number, seed: number): { ids: string[]; misses: string[] } {
  const next = mulberry32(seed);
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const ids: string[] = [];
  const misses: string[] = [];
  for (let i = 0; i < count; i++) {
    let id = "p";
    while (id.length < length) id += alphabet[Math.floor(next() * alphabet.length)];
    ids.push(id);
    const at = 1 + Math.floor(next() * (length - 1));
    const swap = id[at] === "z" ? "y" : "z";
    misses.push(`${id.slice(0, at)}${swap}${id.slice(at + 1)}`);
  }
  return { ids, misses };
}

function longDuration(zone: string, duration: string): string {
  return `version: 1
timezone: ${zone}
${BODIES}horizon: { from: 2024-01-01, to: 2024-01-31 }
meetings:
  - { id: dai, title: Họp rất dài, body: ubnd, start: 2024-01-02T08:00, duration: ${duration} }
`;
}

function hourlyWithChanges(): string {
  const changes = Array.from({ length: 21 }, (_, i) => {
    const day = String(2 + i).padStart(2, "0");
    return `      - { occurrence: 2024-01-${day}T08:00, start: 2024-01-${day}T09:00, end: 2024-01-${day}T10:00 }`;
  });
  return `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-31 }
meetings:
  - id: moi-gio
    title: Họp mỗi giờ
    body: ubnd
    start: 2000-01-01T08:00
    duration: PT30M
    repeat: FREQ=HOURLY
    changes:
${changes.join("\n")}
`;
}

function hourlyFrom(year: string): string {
  return `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-01 }
meetings:
  - { id: moi-gio, title: Họp mỗi giờ, body: ubnd, start: ${year}-01-01T08:00, duration: PT30M, repeat: FREQ=HOURLY }
`;
}

function unknownAttendees(count: number): string {
  const { ids, misses } = nearIds(count, 60, count);
  return `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-31 }
people:
${ids.map((id, i) => `  - { id: ${id}, name: Người ${i} }`).join("\n")}
meetings:
  - id: dong-nguoi
    title: Họp đông người
    body: ubnd
    start: 2024-01-02T08:00
    duration: PT1H
    attendees:
${misses.map((id) => `      - ${id}`).join("\n")}
`;
}

function weeklyNewYork(from: string, to: string): string {
  return `version: 1
timezone: America/New_York
${BODIES}horizon: { from: ${from}, to: ${to} }
meetings:
  - { id: hang-tuan, title: Weekly, body: ubnd, start: 2015-01-05T09:00, duration: PT1H, repeat: FREQ=WEEKLY }
`;
}

export function conflictExplosion(meetings: number, rooms: number, to = "2024-12-31"): string {
  const lines: string[] = [];
  for (let i = 0; i < meetings; i++) {
    lines.push(
      `  - { id: m${i}, title: Họp ${i}, body: ubnd, start: 2024-01-01T08:00, duration: PT1H, repeat: FREQ=DAILY, room: r${i % rooms} }`,
    );
  }
  return `${HEADER}horizon: { from: 2024-01-01, to: ${to} }
rooms:
${Array.from({ length: rooms }, (_, i) => `  - { id: r${i}, name: Phòng ${i} }`).join("\n")}
meetings:
${lines.join("\n")}
`;
}

/** 50 bodies in one group, each with a daily series over ten years (182,650 occurrences), and `rules`. */
function manyRules(rules: string, tags = false): string {
  const bodies = Array.from({ length: 50 }, (_, i) => `  - { id: b${i}, name: B${i}, groups: [g] }`);
  const meetings = Array.from({ length: 50 }, (_, i) => {
    const time = `${String(i % 24).padStart(2, "0")}:${String(Math.floor(i / 24) * 20).padStart(2, "0")}`;
    return `  - { id: m${i}, title: Họp ${i}, body: b${i}, start: 2015-01-01T${time}, duration: PT10M, repeat: FREQ=DAILY${tags ? ", tags: [t]" : ""} }`;
  });
  return `version: 1
timezone: Asia/Ho_Chi_Minh
horizon: { from: 2015-01-01, to: 2024-12-31 }
checks: { dayOff: off, workingHours: off }
bodies:
${bodies.join("\n")}
meetings:
${meetings.join("\n")}
rules:
${rules}
`;
}

const repeatRule = (count: number, rule: (i: number) => string) => Array.from({ length: count }, (_, i) => `  - ${rule(i)}`).join("\n");

/** 24 daily series over ten years, each attended by the same `people`: one expanded feed per person. */
function sharedAttendees(people: number): string {
  const ids = Array.from({ length: people }, (_, i) => `p${i}`);
  const meetings = Array.from(
    { length: 24 },
    (_, i) =>
      `  - { id: m${i}, title: Họp ${i}, body: ubnd, start: 2015-01-01T${String(i).padStart(2, "0")}:00, duration: PT10M, repeat: FREQ=DAILY, attendees: [${ids.join(", ")}] }`,
  );
  return `${HEADER}horizon: { from: 2015-01-01, to: 2024-12-31 }
checks: { dayOff: off, workingHours: off }
people:
${ids.map((id) => `  - { id: ${id}, name: Người ${id} }`).join("\n")}
meetings:
${meetings.join("\n")}
`;
}

function aliasBomb(levels: number, width: number): string {
  const lines = [`a0: &a0 [${Array(width).fill("x").join(", ")}]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(width)
        .fill(`*a${i - 1}`)
        .join(", ")}]`,
    );
  return `version: 1\n${lines.join("\n")}\n`;
}

function unknownFields(count: number): string {
  const fields = Array.from({ length: count }, (_, i) => `truong-la-${i}: ${i}`);
  return `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-31 }
${fields.join("\n")}
`;
}

/** Every reproducer, generated. */
export function hostileCases(): HostileCase[] {
  const limitCodes = ["invalid-value", "bad-horizon"];
  return [
    {
      id: "1a",
      title: "duration P999999999D, Europe/London",
      text: longDuration("Europe/London", "P999999999D"),
      expect: { answer: false, codes: ["invalid-value"] },
    },
    {
      id: "1b",
      title: "duration P999999999D, Asia/Ho_Chi_Minh",
      text: longDuration("Asia/Ho_Chi_Minh", "P999999999D"),
      expect: { answer: false, codes: ["invalid-value"] },
    },
    {
      id: "1c",
      title: "duration P9999999W, Europe/London",
      text: longDuration("Europe/London", "P9999999W"),
      expect: { answer: false, codes: ["invalid-value"] },
    },
    {
      id: "2",
      title: "FREQ=HOURLY from 2000 with 21 changes, January 2024",
      text: hourlyWithChanges(),
      expect: { answer: true, codes: ["runaway-rule"] },
    },
    {
      id: "3",
      title: "FREQ=MINUTELY;BYSECOND=0..59 from 2020, horizon one day",
      text: `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-01 }
meetings:
  - { id: moi-giay, title: Họp mỗi giây, body: ubnd, start: 2020-01-01T08:00, duration: PT1S, repeat: "FREQ=MINUTELY;BYSECOND=${Array.from({ length: 60 }, (_, i) => i).join(",")}" }
`,
      // The engine steps a MINUTELY rule to the horizon without walking the years before it, so
      // the day's 86,400 occurrences are expanded; each sits on a day off (1 January), and the
      // 50,000th day-off conflict stops the check: also a named limit.
      expect: { answer: true, codes: ["runaway-rule", "too-many-occurrences", "too-many-conflicts"] },
    },
    {
      id: "4a",
      title: "FREQ=HOURLY from 1500-01-01 (year out of range)",
      text: hourlyFrom("1500"),
      expect: { answer: false, codes: limitCodes },
    },
    {
      id: "4b",
      title: "FREQ=HOURLY from 1900-01-01, horizon one day",
      text: hourlyFrom("1900"),
      expect: { answer: true, codes: ["runaway-rule"] },
    },
    {
      id: "5a",
      title: "500 people (60-char ids), 500 unknown attendees",
      text: unknownAttendees(500),
      expect: { answer: false, codes: ["unknown-reference", "too-many-issues"] },
    },
    {
      id: "5b",
      title: "1,000 people (60-char ids), 1,000 unknown attendees",
      text: unknownAttendees(1000),
      expect: { answer: false, codes: ["unknown-reference", "too-many-issues"] },
    },
    {
      id: "6a",
      title: "weekly America/New_York, horizon 1000-01-01…9999-12-31",
      text: weeklyNewYork("1000-01-01", "9999-12-31"),
      expect: { answer: false, codes: limitCodes },
    },
    {
      id: "6b",
      title: "weekly America/New_York, horizon 2015–2024 (10 years)",
      text: weeklyNewYork("2015-01-01", "2024-12-31"),
      expect: { answer: true, codes: [] },
    },
    {
      id: "7",
      title: "FREQ=SECONDLY over one day (86,400 occurrences)",
      text: `${HEADER}horizon: { from: 2024-01-02, to: 2024-01-02 }
checks: { workingHours: off, dayOff: off }
meetings:
  - { id: moi-giay, title: Họp mỗi giây, body: ubnd, start: 2024-01-02T00:00, duration: PT1S, repeat: FREQ=SECONDLY }
`,
      expect: { answer: true, codes: [] },
    },
    {
      id: "8",
      title: "RRULE of 1,000,000 semicolons",
      text: `${HEADER}horizon: { from: 2024-01-01, to: 2024-01-31 }
meetings:
  - { id: cham-phay, title: Chấm phẩy, body: ubnd, start: 2024-01-02T08:00, duration: PT1H, repeat: "FREQ=DAILY${";".repeat(1_000_000)}" }
`,
      expect: { answer: false, codes: ["invalid-value", "bad-rrule"] },
    },
    {
      id: "9a",
      title: "3,000 daily meetings in 50 rooms over 2024",
      text: conflictExplosion(3000, 50),
      expect: { answer: false, codes: ["too-many-occurrences"] },
    },
    {
      id: "9b",
      title: "the same with --max-occurrences 2000000",
      text: conflictExplosion(3000, 50),
      args: ["--max-occurrences", "2000000"],
      expect: { answer: false, codes: ["too-many-conflicts"] },
    },
    {
      id: "10a",
      title: "1,000 unknown fields",
      text: unknownFields(1000),
      expect: { answer: false, codes: ["unknown-field", "too-many-issues"] },
    },
    {
      id: "10b",
      title: "5,000 unknown fields",
      text: unknownFields(5000),
      expect: { answer: false, codes: ["unknown-field", "too-many-issues"] },
    },
    {
      id: "11",
      title: "50 lead-time rules over 50 daily series, 10 years",
      text: manyRules(
        repeatRule(
          50,
          (i) => `{ id: l${i}, title: L, kind: lead-time, before: { groups: [g] }, target: { groups: [g] }, min: P1D, max: P366D }`,
        ),
      ),
      expect: { answer: true, codes: ["too-many-conflicts", "too-many-rule-checks"] },
    },
    {
      id: "12",
      title: "50 weekly cadence rules over 50 daily series, 10 years",
      text: manyRules(
        repeatRule(50, (i) => `{ id: c${i}, title: C, kind: cadence, tags: [t], per: week, min: 1 }`),
        true,
      ),
      expect: { answer: true, codes: ["too-many-conflicts", "too-many-rule-checks"] },
    },
    {
      id: "13",
      title: "300 no-overlap rules over 50 daily series, 10 years",
      text: manyRules(repeatRule(300, (i) => `{ id: r${i}, title: R, kind: no-overlap, between: [{ groups: [g] }, { groups: [g] }] }`)),
      expect: { answer: true, codes: ["too-many-conflicts", "too-many-rule-checks"] },
    },
    {
      id: "14",
      title: "YAML alias bomb (10 levels of 10 aliases)",
      text: aliasBomb(10, 10),
      expect: { answer: false, codes: ["too-many-aliases"] },
    },
    {
      id: "15",
      title: "45,000 nested flow sequences",
      text: `version: 1\nmeetings: ${"[".repeat(45_000)}${"]".repeat(45_000)}\n`,
      expect: { answer: false, codes: ["yaml-syntax"] },
    },
    {
      id: "16",
      title: "`ics --expand`: 24 daily series over 10 years, 3 attendees each",
      text: sharedAttendees(3),
      argv: (file, dir) => ["ics", file, "--out", join(dir, "feeds"), "--expand", "--format", "json"],
      expect: { answer: true, codes: ["too-many-occurrences", "too-many-events"] },
    },
  ];
}

/** Longest a reproducer may run before it is stopped (the target is 5 s; this only ends a hang). */
const STOP_AFTER_S = 30;

/** The data: URL module that reports the process's peak RSS (kB) where /usr/bin/time is missing. */
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{try{writeFileSync(process.env.LICHHOP_BENCH_RSS,String(process.resourceUsage().maxRSS))}catch{}})';

/**
 * Runs one CLI process: wall time, and peak RSS from `/usr/bin/time -f %M -o FILE` (GNU time), or,
 * without it, from a preloaded module that writes `process.resourceUsage().maxRSS` on exit.
 */
function measure(
  argv: readonly string[],
  cwd: string,
  dir: string,
): { wallMs: number; maxRssKb: number | null; exit: number | null; stopped: boolean; stdout: string; stderr: string } {
  const rssFile = join(dir, "rss.txt");
  rmSync(rssFile, { force: true });
  const gnuTime = existsSync("/usr/bin/time");
  // --foreground: timeout signals only the CLI and waits for it, so GNU time still sees its peak RSS.
  const stop = existsSync("/usr/bin/timeout") ? ["/usr/bin/timeout", "--foreground", "-s", "KILL", String(STOP_AFTER_S)] : [];
  const node = gnuTime ? [...stop, process.execPath, ...argv] : [...stop, process.execPath, "--import", RSS_HOOK, ...argv];
  const full = gnuTime ? ["/usr/bin/time", "-o", rssFile, "-f", "%M", ...node] : node;
  const t0 = performance.now();
  const child = spawnSync(full[0] as string, full.slice(1), {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: (STOP_AFTER_S + 10) * 1000,
    killSignal: "SIGKILL",
    env: { ...process.env, LICHHOP_BENCH_RSS: rssFile },
  });
  const wallMs = performance.now() - t0;
  let maxRssKb: number | null = null;
  if (existsSync(rssFile)) {
    // GNU time writes "Command terminated by signal 9" or "Command exited with non-zero status N" before %M.
    const lines = readFileSync(rssFile, "utf8").trim().split("\n");
    const value = Number(lines[lines.length - 1]);
    if (Number.isFinite(value)) maxRssKb = value;
  }
  const killed =
    child.signal !== null ||
    child.status === 137 ||
    (gnuTime && existsSync(rssFile) && /terminated by signal/.test(readFileSync(rssFile, "utf8")));
  return { wallMs, maxRssKb, exit: killed ? null : child.status, stopped: killed, stdout: child.stdout ?? "", stderr: child.stderr ?? "" };
}

/** Reads the codes of an exit 2, or the summary of a report, from the JSON on stdout. */
function readOutput(stdout: string): { codes: string[]; occurrences: number | null; conflicts: number | null } {
  try {
    const value = JSON.parse(stdout) as { errors?: { code?: unknown }[]; summary?: { occurrences?: unknown; conflicts?: unknown } };
    const codes = [...new Set((value.errors ?? []).map((error) => String(error.code)))];
    const num = (x: unknown) => (typeof x === "number" ? x : null);
    return { codes, occurrences: num(value.summary?.occurrences), conflicts: num(value.summary?.conflicts) };
  } catch {
    return { codes: [], occurrences: null, conflicts: null };
  }
}

/** Runs every reproducer once through the built CLI `cli` (run from `root`), one at a time. */
export function runHostile(cli: string, root: string, log: (text: string) => void = () => {}): HostileResult[] {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-hostile-bench-"));
  const results: HostileResult[] = [];
  try {
    for (const hostile of hostileCases()) {
      const file = join(dir, `${hostile.id}.yaml`);
      writeFileSync(file, hostile.text);
      const args = hostile.argv ? hostile.argv(file, dir) : ["check", file, "--format", "json", ...(hostile.args ?? [])];
      const run = measure([cli, ...args], root, dir);
      rmSync(join(dir, "feeds"), { recursive: true, force: true });
      const { codes, occurrences, conflicts } = readOutput(run.stdout);
      const crashed = /^ {4}at /m.test(run.stderr) || /internal error/.test(run.stderr);
      const maxRssMb = run.maxRssKb === null ? null : run.maxRssKb / 1024;
      const problems: string[] = [];
      if (run.stopped) problems.push(`stopped after ${STOP_AFTER_S} s`);
      if (run.wallMs > HOSTILE_TARGET.wallMs) problems.push(`${(run.wallMs / 1000).toFixed(1)} s > 5 s`);
      if (maxRssMb === null) problems.push("peak RSS unknown");
      else if (run.maxRssKb !== null && run.maxRssKb * 1024 > HOSTILE_TARGET.maxRssBytes) problems.push(`${maxRssMb.toFixed(0)} MB > 1 GB`);
      if (crashed) problems.push("stack trace or internal error on stderr");
      if (!run.stopped) {
        const { answer, codes: wanted } = hostile.expect;
        const expected = [
          ...(answer ? ["a report (exit 0 or 1)"] : []),
          ...(wanted.length ? [`exit 2 with ${wanted.join(" or ")}`] : []),
        ].join(" or ");
        if (run.exit === 0 || run.exit === 1) {
          if (!answer) problems.push(`exit ${run.exit}, expected ${expected}`);
        } else if (run.exit === 2) {
          if (codes.length === 0 || codes.some((code) => !wanted.includes(code)))
            problems.push(`exit 2 with ${codes.join(", ") || "no codes"}, expected ${expected}`);
        } else {
          problems.push(`exit ${run.exit}, expected ${expected}`);
        }
      }
      const result: HostileResult = {
        id: hostile.id,
        title: hostile.title,
        fileBytes: Buffer.byteLength(hostile.text),
        command: `node dist/cli.js ${args.map((arg) => (arg === file ? `${hostile.id}.yaml` : arg.startsWith(dir) ? arg.slice(dir.length + 1) : arg)).join(" ")}`,
        wallMs: Math.round(run.wallMs),
        maxRssMb: maxRssMb === null ? null : Math.round(maxRssMb),
        exit: run.exit,
        stopped: run.stopped,
        codes,
        occurrences,
        conflicts,
        crashed,
        meetsTarget: problems.length === 0,
        why: problems.join("; "),
      };
      log(
        `  [hostile ${hostile.id}] ${result.wallMs} ms, ${result.maxRssMb ?? "?"} MB, exit ${result.exit ?? "stopped"} ${codes.join(",")}`,
      );
      results.push(result);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} KB` : `${bytes} B`;
}

/** The hostile table as markdown. */
export function hostileTable(results: readonly HostileResult[]): string {
  const header = ["#", "reproducer", "file", "wall", "peak RSS", "exit", "codes / answer", "≤ 5 s, ≤ 1 GB, answer or named limit"];
  const rows = results.map((r) => [
    r.id,
    r.title,
    formatBytes(r.fileBytes),
    `${(r.wallMs / 1000).toFixed(2)} s`,
    r.maxRssMb === null ? "?" : `${r.maxRssMb} MB`,
    r.exit === null ? "stopped" : String(r.exit),
    r.exit === 2
      ? r.codes.join(", ") || "—"
      : r.occurrences !== null
        ? `${r.occurrences} occurrences, ${r.conflicts} conflicts`
        : r.exit === 0 || r.exit === 1
          ? "answer"
          : "—",
    r.meetsTarget ? "yes" : `**no**: ${r.why}`,
  ]);
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map((_, i) => (i === 3 || i === 4 ? "---:" : "---")).join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}
