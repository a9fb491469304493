import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it, vi } from "vitest";
import { libraryModules } from "../../scripts/library-modules";

// Slow on purpose (it packs, installs and runs the built package): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = join(__dirname, "../..");

describe("the built package", () => {
  it("keeps Node built-ins out of the root export's modules, so browsers can import it", () => {
    const { root } = libraryModules(ROOT);
    for (const file of root.flatMap((module) => [`dist/${module}.js`, `dist/${module}.cjs`])) {
      const code = readFileSync(join(ROOT, file), "utf8");
      expect(code).not.toMatch(/from ["'](node:)?(fs|path|os|child_process|http|util|process|url)["']/);
      expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|http|util|url)["']\)/);
      expect(code).not.toMatch(/\bprocess\.(env|argv|exit|cwd)/);
    }
  });

  // The public API is deliberate (src/index.ts says what is left out and why): a change to
  // this list is a change to the package's contract, to be recorded in the CHANGELOG.
  it("exports exactly the deliberate API, the same values to ESM and CJS and the same names in the types", () => {
    const values = [
      "CalendarError",
      "DEFAULT_LIMITS",
      "LichhopError",
      "ScheduleError",
      "UsageError",
      "buildFeeds",
      "calendarConfigSchema",
      "canChi",
      "changedMeetings",
      "checkSchedule",
      "decodeScheduleBytes",
      "diffFindings",
      "diffReports",
      "expandSchedule",
      "feedSelectors",
      "findSlots",
      "formatGithub",
      "formatGithubSummary",
      "formatICalendar",
      "formatIssue",
      "formatIssuesGithub",
      "formatIssuesJunit",
      "formatIssuesSarif",
      "formatJunit",
      "formatLunar",
      "formatPath",
      "formatReportText",
      "formatSarif",
      "fromLunar",
      "importCalendar",
      "meetingChanges",
      "mergeSchedules",
      "parseSchedule",
      "reportAgainstBase",
      "reportOccurrences",
      "safeCheckSchedule",
      "safeExpandSchedule",
      "safeMergeSchedules",
      "safeParseSchedule",
      "safeValidateSchedule",
      "scheduleFileSchema",
      "slotRequestSchema",
      "sourcePath",
      "suggestMoves",
      "toJsonSchema",
      "toLunar",
      "validateSchedule",
      "workCalendar",
    ];
    const types = [
      "AgainstBaseOptions",
      "BlockedDay",
      "Body",
      "CadenceRule",
      "CalendarConfig",
      "CalendarErrorCode",
      "Change",
      "CheckLevel",
      "CheckOptions",
      "CheckResult",
      "Checks",
      "Conflict",
      "ConflictKind",
      "DatedMembership",
      "DayOff",
      "DayOffKind",
      "DecodeOptions",
      "DecodeResult",
      "ExpandOptions",
      "ExpandResult",
      "Feed",
      "FeedOptions",
      "FeedSelector",
      "FeedSource",
      "FindingChange",
      "FindingDiff",
      "FindingsDiff",
      "GithubOptions",
      "HalfDay",
      "Horizon",
      "ImportOptions",
      "ImportResult",
      "ImportedMeeting",
      "Issue",
      "IssueCode",
      "IssuePath",
      "JsonSchema",
      "JunitOptions",
      "Lang",
      "LeadTimeRule",
      "Limits",
      "LocalizedText",
      "LunarDate",
      "MakeUpDay",
      "Meeting",
      "MeetingField",
      "MeetingInput",
      "Move",
      "MoveChange",
      "MoveSide",
      "MovesResult",
      "Membership",
      "MergeOptions",
      "MergedPosition",
      "NoOverlapRule",
      "Occurrence",
      "OnDayOff",
      "ParseOptions",
      "Period",
      "Person",
      "Report",
      "ReportConflict",
      "ReportDiff",
      "ReportFinding",
      "ReportOccurrence",
      "ReportSource",
      "Room",
      "Rule",
      "SarifOptions",
      "Schedule",
      "ScheduleFile",
      "ScheduleFileInput",
      "ScheduleResult",
      "ScheduleSource",
      "ScheduleText",
      "Selector",
      "SeriesEdit",
      "SeriesMove",
      "Severity",
      "Slot",
      "SlotBlock",
      "SlotBlockKind",
      "SlotOptions",
      "SlotRequest",
      "SlotRequestInput",
      "SlotsResult",
      "Source",
      "SourcePosition",
      "SourceText",
      "SuggestOptions",
      "VtimezoneSource",
      "Weekday",
      "WeeklyRestDay",
      "WorkCalendar",
      "WorkingHours",
      "WorkingSeason",
    ];
    const keys = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" })) as string[];
    const esm = keys(["--input-type=module", "-e", "import * as l from 'lichhop'; console.log(JSON.stringify(Object.keys(l).sort()))"]);
    const cjs = keys(["-e", "console.log(JSON.stringify(Object.keys(require('lichhop')).filter((k) => k !== '__esModule').sort()))"]);
    expect(esm).toEqual([...values].sort());
    expect(cjs).toEqual(esm);
    for (const file of ["dist/index.d.ts", "dist/index.d.cts"]) {
      const declared = declaredExports(join(ROOT, file));
      expect(declared.types).toEqual([...types].sort());
      expect(declared.values).toEqual([...values].sort());
    }
  });

  it("imports as ESM and requires as CJS under Node", () => {
    const esm = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", "import * as l from 'lichhop'; console.log(typeof l.parseSchedule, typeof l.checkSchedule)"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(esm.trim()).toBe("function function");
    const cjs = execFileSync(
      process.execPath,
      ["-e", "const l = require('lichhop'); console.log(typeof l.parseSchedule, typeof l.expandSchedule)"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(cjs.trim()).toBe("function function");
  });

  it("expands every rule shape from the builds with its own engine: rrule.js is a devDependency only", () => {
    const script = (load: string) => `${load}
const s = l.validateSchedule({ version: 1, bodies: [{ id: 'b', name: 'B' }], meetings: [
  { id: 'm', title: 'M', body: 'b', start: '2024-01-04T08:00', duration: 'PT1H', repeat: 'FREQ=MONTHLY;BYDAY=1TH' },
  { id: 'h', title: 'H', body: 'b', start: '2024-01-01T08:00', duration: 'PT10M', repeat: 'FREQ=HOURLY;INTERVAL=4;BYMINUTE=0,30;BYWEEKNO=1' } ] });
console.log(l.expandSchedule(s, { from: '2024-01-01', to: '2024-12-31' }).length);`;
    // 12 first Thursdays; in ISO week 1 of 2024 (1–7 January, from 08:00 on the 1st) and of 2025
    // (from 30 December) 00:00, 04:00 … 20:00, each at :00 and :30.
    expect(execFileSync(process.execPath, ["-e", script("const l = require('lichhop');")], { cwd: ROOT, encoding: "utf8" }).trim()).toBe(
      String(12 + 7 * 12 - 4 + 2 * 12),
    );
    expect(
      execFileSync(process.execPath, ["--input-type=module", "-e", script("import * as l from 'lichhop';")], {
        cwd: ROOT,
        encoding: "utf8",
      }).trim(),
    ).toBe(String(12 + 7 * 12 - 4 + 2 * 12));
    // No built module imports rrule (the library ships one file per module).
    const built = readdirSync(join(ROOT, "dist"), { recursive: true, encoding: "utf8" }).filter((file) => /\.c?js$/.test(file));
    expect(built.length).toBeGreaterThan(20);
    for (const file of built) expect(readFileSync(join(ROOT, "dist", file), "utf8"), file).not.toMatch(/(from|require\()\s*["']rrule["']/);
  });

  it("runs examples/library.mjs against the build", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "examples/library.mjs")], { cwd: ROOT, encoding: "utf8" });
    expect(out).toMatch(/March 2024: \d+ occurrences/);
    expect(out).toMatch(/\d+ conflicts/);
  });
});

describe("the published package", () => {
  it("serves lichhop/server to ESM and CJS consumers", () => {
    const esm = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", "import { createFeedHandler } from 'lichhop/server'; console.log(typeof createFeedHandler)"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(esm.trim()).toBe("function");
    const cjs = execFileSync(process.execPath, ["-e", "console.log(typeof require('lichhop/server').createFeedHandler)"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(cjs.trim()).toBe("function");
  });

  it("reloads in the worker beside dist/server/handler.js and dist/server/handler.cjs", () => {
    const dir = mkdtempSync(join(tmpdir(), "lichhop-package-"));
    try {
      const file = join(dir, "lich.yaml");
      const script = (load: string) => `${load}
const fs = require('node:fs');
const file = ${JSON.stringify(file)};
const handler = createFeedHandler({ file, watch: false });
fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Phiên họp UBND tỉnh thường kỳ', 'Phiên họp (sửa)'));
handler.reload().then(async (ok) => {
  let body = '';
  handler({ method: 'GET', url: '/all.ics', headers: {} }, { writeHead() {}, end(b) { body = b.toString(); } });
  fs.writeFileSync(file, 'version: 2\\n');
  const bad = await handler.reload();
  console.log(ok, body.includes('Phiên họp (sửa)'), bad, /version/.test(handler.state().error));
});`;
      copyFileSync(join(ROOT, "examples/lang-son-2024.yaml"), file);
      const esm = execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          script(
            "import { createFeedHandler } from 'lichhop/server'; import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          ),
        ],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(esm.trim()).toBe("true true false true");
      copyFileSync(join(ROOT, "examples/lang-son-2024.yaml"), file);
      const cjs = execFileSync(process.execPath, ["-e", script("const { createFeedHandler } = require('lichhop/server');")], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(cjs.trim()).toBe("true true false true");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("builds dist/ before npm pack, and names its repository", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    // Silent, so that `npm pack --json` and `npm publish --json` print their JSON alone.
    expect(manifest["scripts"]?.["prepack"]).toBe("tsup --silent");
    expect(manifest["repository"]?.["url"]).toBe("git+https://github.com/lichhop/lichhop.git");
    expect(manifest["bugs"]?.["url"]).toBe("https://github.com/lichhop/lichhop/issues");
  });

  // Node 22 and 24 run scripts/test-node-versions.sh; the types of Node's API are the lowest line's,
  // so that the sources use nothing it lacks.
  it("supports Node 20, 22 and 24 and types Node's API as Node 20 has it", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string>>;
    expect(manifest["engines"]?.["node"]).toBe("^20 || ^22 || >=24");
    expect(manifest["devDependencies"]?.["@types/node"]).toMatch(/^20\./);
    expect(readFileSync(join(ROOT, "scripts/test-node-versions.sh"), "utf8")).toMatch(/versions=\(22\.\d+\.\d+ 24\.\d+\.\d+\)/);
  });

  it("passes publint on its npm pack contents (@arethetypeswrong runs on the tarball in installed.test.ts)", () => {
    expect(execFileSync(join(ROOT, "node_modules/.bin/publint"), ["--strict"], { cwd: ROOT, encoding: "utf8" })).toMatch(/All good/);
  }, 120_000);
});

/** The names a declaration file exports, values (also classes) apart from types, as TypeScript reads them. */
function declaredExports(file: string): { values: string[]; types: string[] } {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file} is no module`);
  const values: string[] = [];
  const types: string[] = [];
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}
