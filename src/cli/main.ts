import { UsageError } from "../errors";
import { writeSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { version } from "../../package.json";
import { inert } from "../internal/inert";
import { FIRST_YEAR, LAST_YEAR, type Limits } from "../limits";
import { closest, hintBudget } from "../load/hints";
import { message, type Lang } from "../messages";
import { colorWanted } from "./color";
import { commandHelp, commandOptions } from "./help";
import { failureIssues, issueLine, OUTPUT_CHUNK, usageIssue, writeIssues, type Output } from "./io";
import { openOutputFile, type OutputFile } from "./output";
import { CHECK_FORMATS, WEEK_FORMATS } from "./options";
import { isIsoDate } from "../time/date";

/** The most `--max-size` allows: 500 MB, below the longest string JavaScript holds (about 512 MB of text). */
const MAX_MAX_SIZE = 500 * 1024 * 1024;

/** `--max-size`: a number of bytes, or of megabytes with `MB` (`50MB`; 1 MB = 1024 × 1024 bytes). */
function parseMaxSize(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,12})\s*(MB)?$/i.exec(value.trim());
  const size = match ? Number(match[1]) * (match[2] ? 1024 * 1024 : 1) : Number.NaN;
  if (!(size >= 1 && size <= MAX_MAX_SIZE)) throw new UsageError(message(lang, "bad-max-size", { found: value }));
  return size;
}

/** A `--max-…` count: a positive whole number. */
function parseCount(name: string, value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1)
    throw new UsageError(message(lang, "bad-count", { option: `--${name}`, found: value }));
  return Number(value);
}

/** `--max-occurrences`, `--max-conflicts` and `--max-findings`, into the library's limits. */
function parseLimits(
  occurrences: string | undefined,
  conflicts: string | undefined,
  findings: string | undefined,
  lang: Lang,
): Partial<Limits> | undefined {
  const limits = {
    occurrences: parseCount("max-occurrences", occurrences, lang),
    conflicts: parseCount("max-conflicts", conflicts, lang),
    findings: parseCount("max-findings", findings, lang),
  };
  const given = Object.entries(limits).filter(([, bound]) => bound !== undefined);
  return given.length === 0 ? undefined : (Object.fromEntries(given) as Partial<Limits>);
}

const HELP = `lichhop ${version}: kiểm tra trùng lịch họp / check meeting schedules for conflicts

Usage:
  lichhop check FILE|DIR... [--from DATE] [--to DATE] [--lang vi|en]
                     [--format text|json|github|junit|sarif|html] [--fail-on error|warning|never]
                     [--base FILE|DIR | --base-ref REV] [--max-size BYTES]
                     [--max-occurrences N] [--max-conflicts N] [--max-findings N] [--detail]
                     [--suggest [--now DATE|YYYY-MM-DDTHH:MM]]
  lichhop week FILE|DIR... [--week 2025-W12 | --date DATE] [--layout grid|table|list]
                     [--by day|person|body] [--people a,b | --bodies x,y] [--format text|html|md|csv]
                     [--revision N] [--updated YYYY-MM-DDTHH:MM|now]
                     [--base FILE|DIR | --base-ref REV] [--lang vi|en]
  lichhop expand FILE|DIR... [--from DATE] [--to DATE] [--format text|json] [--lang vi|en]
  lichhop free FILE --duration PT2H [--attendees a,b] [--optional c,d] [--room r | --rooms r1,r2]
                     [--body b] [--tags t1,t2] [--from DATE] [--to DATE] [--half-day sang|chieu]
                     [--align 30|half-day] [--buffer PT15M] [--count 5] [--min-notice N]
                     [--times HH:MM-HH:MM,...] [--max-per-day N] [--quorum 0.5]
                     [--near YYYY-MM-DDTHH:MM] [--now DATE|YYYY-MM-DDTHH:MM]
                     [--format text|json] [--lang vi|en]
  lichhop suggest FILE [--finding ID | --conflict ID] [--count 3] [--days 14]
                     [--now DATE|YYYY-MM-DDTHH:MM] [--format text|json] [--lang vi|en]
  lichhop days-off [FILE] [--year YYYY] [--format text|json] [--lang vi|en]
  lichhop lunar DATE|D/M [--year YYYY] [--leap] [--format text|json] [--lang vi|en]
  lichhop init [--province NAME] [--out FILE] [--year YYYY] [--committees LIST] [--lang vi|en]
  lichhop schema
  lichhop ics FILE|DIR... --out DIR [--expand] [--uid-domain DOMAIN] [--from DATE] [--to DATE] [--lang vi|en]
                     [--max-events N] [--no-conflict-notes]
  lichhop serve FILE|DIR... [--port 8080] [--host 127.0.0.1] [--expand] [--uid-domain DOMAIN]
                     [--no-conflict-notes] [--public-url URL] [--trust-proxy]
  lichhop import FILE.ics [--body ID] [--timezone ZONE] [--lang vi|en]

Commands:
  check    expand every meeting and report every conflict
           exit 0: nothing at or above --fail-on (default error); 1: conflicts; 2: bad file or arguments
           several files (or a directory of *.yaml) are merged into one schedule
  week     the weekly work schedule (lịch công tác tuần) of one week as portals publish it: a grid
           (days by Sáng/Chiều), a table or a list, with chair, attendees, place, notes and clashes;
           with --base, what was added, moved or removed (docs/week.md)
  expand   list every occurrence in the horizon, sorted
  free     free times for a new meeting against every rule, attendee, room and day off of FILE
           (default: two weeks from today; --now sets today); exit 0: times found, 1: none (why)
  suggest  new times for either side of each clash (of --finding or --conflict, else of the
           first 20 findings), each a changes entry to paste, checked against the whole file;
           exit 0: a move for every clash searched, 1: a clash with none
  days-off list the days off of a year (holidays, substitute and decision days; FILE's calendar);
           without --year, each year of FILE's horizon, else the current year
  lunar    the Vietnamese lunar date of DATE, e.g. "ngày 10 tháng 3 năm Giáp Thìn"; or the
           date of lunar day/month D/M of --year (--leap: in the leap month)
  init     write a commented starting schedule (default schedule.yaml; never overwrites: exit 2)
  schema   print the schedule file's JSON Schema (draft 2020-12)
  ics      write iCalendar feeds: all.ics, body/<id>.ics, person/<id>.ics, room/<id>.ics,
           conflicts.ics (DTSTAMP from SOURCE_DATE_EPOCH, else the file's modification time)
  serve    serve the same feeds over HTTP for webcal:// subscriptions, reloading on change
           (several files or a directory are merged, each file and directory watched)
  import   print the events of an .ics file (Google Calendar, Outlook/Exchange, a portal) as
           the meetings of a schedule file, with the warnings as comments (docs/import.md)

Schedule files are YAML or JSON in UTF-8 (with or without a BOM), at most 20 MB (--max-size):
another encoding is refused with the line of the first bad byte and a guess (UTF-16, Windows-1258).

Options:
  --from, --to   horizon as local dates YYYY-MM-DD (default: the file's horizon)
  --format       text (default) or json; check also: github (workflow commands),
                 junit (JUnit XML), sarif (SARIF 2.1.0) or html (the calendar report: one
                 offline page of week, month and timeline views with every finding drawn);
                 week: text, html, md or csv
  --base         check: report only conflicts this base schedule lacks (by fingerprint)
  --base-ref     check: the base is the same path(s) at a git revision (git show REV:./FILE)
  --expand       ics, serve: one VEVENT per occurrence instead of one per series (RRULE)
  --uid-domain   ics, serve: domain of the UIDs (default: feeds.uidDomain, else lichhop.invalid)
  --no-conflict-notes  ics, serve: leave conflict notes out of the meeting feeds' descriptions
                 (default: feeds.conflictNotes, else included); conflicts.ics is written either way
  --province     init: one of the 34 provinces and cities, accents optional ("Lang Son", "TP HCM")
  --committees   init: the HĐND committees, some of phap-che,kt-ns,vh-xh,dan-toc,do-thi (default:
                 the first three, and do-thi for a city; dan-toc only when listed)
  --duration     free: the meeting's length, ISO 8601 (PT2H, PT1H30M)
  --attendees, --optional  free: required and optional people or bodies, comma-separated
  --room, --rooms  free: the room, or rooms to choose from in order; --body: the new meeting's
                 body (its rules apply); --tags: the new meeting's tags, comma-separated (rules
                 selecting them apply); --half-day sang|chieu; --count: how many (default 5);
                 --align: starts every N minutes from midnight (default 30), or half-day: at
                 the working periods' starts; --buffer: free time kept before and after, ISO
                 8601 (PT15M); --min-notice: working days of notice from --now (default: the clock);
                 --times: time-of-day windows the meeting lies within (08:00-11:00,14:00-16:00);
                 --max-per-day: the most meetings one person has a day, the new one included;
                 --quorum: the least share (0-1) of --optional who must be free; --near: the
                 times nearest this local time first
  --finding, --conflict  suggest: the clash to move, by the id check prints (default: every
                 finding); --count: moves per side (default 3, at most 100); --days: days
                 searched from the clash's date (default 14, at most 366)
  --suggest      check, text and json: the best move of each side under each finding (the first
                 20 findings; JSON: their "suggestions"); each costs checks of the whole file
  --timezone     import: the zone of floating times and unknown TZIDs (default Asia/Ho_Chi_Minh);
                 --body: the body of every imported meeting
  --port, --host serve: where to listen (default 8080 on 127.0.0.1)
  --public-url   serve: the address subscribers reach it at (https://lich.example.gov.vn/feeds),
                 for the index page's webcal:// and https:// links
  --trust-proxy  serve: behind a proxy that sets them, take the links' scheme and host from
                 X-Forwarded-Proto and X-Forwarded-Host
  --lang         vi or en (default: the file's locale, else vi)
  --fail-on      error (default), warning or never
  --detail       check, text: list every conflict under its finding
  --max-size     check, expand, days-off, ics: the largest schedule file read, in bytes or
                 with MB (default 20MB, at most 500MB); a larger file is refused (exit 2)
  --max-occurrences  check, expand, ics: the most occurrences in the horizon (default 200000)
  --max-conflicts    check, ics: the most conflicts one check may list (default 50000): json,
                     --detail and the conflicts feed hold them; text holds only findings;
                     github, junit and sarif list conflicts up to it, then findings only
  --max-findings     check, ics: the most findings one check may hold (default 100000)
  --max-events       ics: the most events all feeds may hold together (default 150000)
  -o, --output   write the output to a file (replaced only once complete) instead of stdout
  --json, --junit, --sarif, --github FILE  check: also write that format to FILE (one check)
  -h, --help     show this help;  -v, --version  show the version

A file named - is read from standard input. lichhop COMMAND --help shows a command's options
and examples; an option the command does not take is an error.
`;

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string", default: "text" },
  lang: { type: "string" },
  "fail-on": { type: "string", default: "error" },
  detail: { type: "boolean" },
  leap: { type: "boolean" },
  year: { type: "string" },
  province: { type: "string" },
  out: { type: "string" },
  committees: { type: "string" },
  base: { type: "string", multiple: true },
  "base-ref": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  expand: { type: "boolean" },
  "uid-domain": { type: "string" },
  "no-conflict-notes": { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  "max-size": { type: "string" },
  "max-occurrences": { type: "string" },
  "max-conflicts": { type: "string" },
  "max-findings": { type: "string" },
  "max-events": { type: "string" },
  duration: { type: "string" },
  attendees: { type: "string" },
  optional: { type: "string" },
  room: { type: "string" },
  rooms: { type: "string" },
  body: { type: "string" },
  "half-day": { type: "string" },
  tags: { type: "string" },
  align: { type: "string" },
  buffer: { type: "string" },
  count: { type: "string" },
  "min-notice": { type: "string" },
  now: { type: "string" },
  finding: { type: "string" },
  conflict: { type: "string" },
  days: { type: "string" },
  suggest: { type: "boolean" },
  times: { type: "string" },
  output: { type: "string", short: "o" },
  json: { type: "string" },
  junit: { type: "string" },
  sarif: { type: "string" },
  github: { type: "string" },
  "public-url": { type: "string" },
  "trust-proxy": { type: "boolean" },
  "max-per-day": { type: "string" },
  quorum: { type: "string" },
  near: { type: "string" },
  timezone: { type: "string" },
  week: { type: "string" },
  date: { type: "string" },
  layout: { type: "string" },
  by: { type: "string" },
  people: { type: "string" },
  bodies: { type: "string" },
  revision: { type: "string" },
  updated: { type: "string" },
} satisfies ParseArgsConfig["options"];

/** `lichhop suggest --days` and `--count`: as `suggestMoves` allows. */
const MAX_SUGGEST_DAYS = 366;
const MAX_SUGGEST_COUNT = 100;

/** The commands, for the one nearest to a mistyped command. */
const COMMANDS = ["check", "week", "expand", "free", "suggest", "days-off", "lunar", "init", "schema", "ics", "serve", "import", "help"];

/** `--from` or `--to`: a real date YYYY-MM-DD in the supported years. */
function checkDateOption(option: "--from" | "--to", value: string | undefined, lang: Lang): void {
  if (value === undefined) return;
  if (!isIsoDate(value)) throw new UsageError(message(lang, "bad-date-option", { option, found: value }));
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UsageError(message(lang, "date-option-out-of-range", { option, found: value, first: FIRST_YEAR, last: LAST_YEAR }));
  }
}

/**
 * The language of the command line's own mistakes: `--lang` when it is vi or en, else
 * Vietnamese (they are found before any file, whose locale is then unknown, is read).
 */
function argumentLang(given: string | undefined): Lang {
  return given === "en" ? "en" : "vi";
}

/**
 * A command line `parseArgs` refused, worded in the language of `--lang` if given (see
 * {@link argumentLang}); an unknown option names the nearest one.
 */
function parseError(error: unknown, argv: readonly string[]): UsageError {
  const at = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const lang = argumentLang(at < 0 ? undefined : argv[at]?.startsWith("--lang=") ? argv[at]?.slice(7) : argv[at + 1]);
  const { code, message: detail } = error as { code?: string; message: string };
  const option = /'(-{1,2}[^' ]+)/.exec(detail)?.[1];
  if (option !== undefined && code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const names = Object.keys(OPTIONS).map((name) => `--${name}`);
    // A cut-short option (--form) means the one it begins, before any other near by spelling (--from).
    const begun = names.filter((name) => name.startsWith(option));
    const hint = begun.length === 1 ? begun[0] : closest(option, names, hintBudget());
    return new UsageError(message(lang, "unknown-option", { option, hint }));
  }
  if (option !== undefined && code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return new UsageError(
      message(lang, /does not take an argument/.test(detail) ? "option-takes-no-value" : "option-needs-value", { option }),
    );
  }
  return new UsageError(message(lang, "bad-arguments", { detail }));
}

/** Set once `lichhop serve` listens: the process then lives on after {@link main} returns. */
let serving = false;

/**
 * Runs the CLI with arguments (without `node` and the script) and resolves to the exit code.
 * Each command's module is imported only when that command runs: `lichhop check` then never
 * loads (nor has Node compile) the feed, server, init, schema or lunar code.
 */
export async function main(argv: readonly string[], out: Output): Promise<number> {
  const files: OutputFile[] = [];
  const code = await dispatch(argv, out, files);
  try {
    // A command refused before it wrote anything leaves the file as it was.
    for (const file of files) {
      if (file.written) file.commit();
      else file.discard();
    }
  } catch (error) {
    out.stderr(issueLine(usageIssue((error as Error).message)));
    return 2;
  }
  return code;
}

/** Runs the command; `-o FILE`'s output file is left in `files` for {@link main} to put in place. */
async function dispatch(argv: readonly string[], terminal: Output, files: OutputFile[]): Promise<number> {
  let format = "text";
  let out = terminal;
  try {
    let parsed: ReturnType<
      typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>
    >;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
      throw parseError(error, argv);
    }
    const { values, positionals, tokens } = parsed;
    format = values.format;
    if (values.version) {
      out.stdout(`${version}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    // `lichhop check --help` and `lichhop help check`: the command's own help.
    const helped = command === "help" ? rest[0] : values.help ? command : undefined;
    const own = helped === undefined ? undefined : commandHelp(helped, version);
    if (own !== undefined) {
      out.stdout(own);
      return 0;
    }
    if (values.help || command === undefined || command === "help") {
      out.stdout(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    const lang = argumentLang(values.lang);
    const accepted = commandOptions(command);
    if (accepted) {
      for (const token of tokens) {
        if (token.kind === "option" && token.name !== "lang" && !accepted.has(token.name)) {
          throw new UsageError(message(lang, "option-not-for-command", { option: token.rawName, command }));
        }
      }
    }
    const extraOutputs = (["json", "junit", "sarif", "github"] as const).flatMap((extra) => {
      const path = values[extra];
      return path === undefined ? [] : [{ format: extra, path }];
    });
    const named = [...extraOutputs.map((extra) => extra.path), ...(values.output === undefined ? [] : [values.output])];
    const twice = named.find((path, k) => named.findIndex((other) => resolve(other) === resolve(path)) !== k);
    if (twice !== undefined) throw new UsageError(message(lang, "output-twice", { file: twice }));
    if (values.output !== undefined) {
      const file = openOutputFile(values.output, lang);
      files.push(file);
      out = { stdout: file.write, stderr: terminal.stderr };
    }
    if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en") {
      throw new UsageError(message(lang, "bad-lang", { found: values.lang }));
    }
    const formats: readonly string[] = command === "check" ? CHECK_FORMATS : command === "week" ? WEEK_FORMATS : ["text", "json"];
    if (!formats.includes(values.format)) {
      throw new UsageError(message(lang, "bad-format", { found: values.format, formats }));
    }
    checkDateOption("--from", values.from, lang);
    checkDateOption("--to", values.to, lang);
    if (values.from !== undefined && values.to !== undefined && values.from > values.to) {
      throw new UsageError(message(lang, "from-after-to", { from: values.from, to: values.to }));
    }
    const maxSize = parseMaxSize(values["max-size"], lang);
    const limits = parseLimits(values["max-occurrences"], values["max-conflicts"], values["max-findings"], lang);
    const common = { from: values.from, to: values.to, format: values.format, lang: values.lang as Lang | undefined, maxSize, limits };
    const file = rest[0];
    const tooMany = (takes: "one-file" | "at-most-one-file" | "one-date" | "none") =>
      new UsageError(message(lang, "too-many-arguments", { command, count: rest.length, takes }));
    const needFile = () => {
      if (file === undefined) throw new UsageError(message(lang, "file-needed", { command }));
      if (rest.length > 1) throw tooMany("one-file");
      return file;
    };
    switch (command) {
      case "check": {
        const failOn = values["fail-on"];
        if (failOn !== "error" && failOn !== "warning" && failOn !== "never") {
          throw new UsageError(message(lang, "bad-fail-on", { found: failOn }));
        }
        const { runCheck } = await import("./check");

        // awaited, so that a rejection ends in the catch below
        return await runCheck(
          rest,
          {
            ...common,
            failOn,
            base: values.base,
            baseRef: values["base-ref"],
            detail: values.detail === true,
            suggest: values.suggest === true,
            extraOutputs,
            color: values.output === undefined && colorWanted(process.env, process.stdout.isTTY === true),
            now: values.now,
            clock: Date.now(),
          },
          out,
        );
      }
      case "week": {
        if (rest.length === 0) throw new UsageError(message(lang, "files-needed", { command }));
        const { runWeek } = await import("./week");
        return runWeek(
          rest,
          {
            ...common,
            week: values.week,
            date: values.date,
            layout: values.layout,
            by: values.by,
            people: values.people,
            bodies: values.bodies,
            revision: parseCount("revision", values.revision, lang),
            updated: values.updated,
            base: values.base,
            baseRef: values["base-ref"],
            clock: Date.now(),
          },
          out,
        );
      }
      case "schema": {
        if (rest.length > 0) throw tooMany("none");
        const { runSchema } = await import("./schema");
        return runSchema(out);
      }
      case "expand": {
        if (rest.length === 0) throw new UsageError(message(lang, "files-needed", { command }));
        const { runExpand } = await import("./expand");
        return runExpand(rest, common, out);
      }
      case "free": {
        const path = needFile();
        const { runFree } = await import("./free");
        const minNotice = values["min-notice"];
        if (minNotice !== undefined && !/^\d{1,2}$/.test(minNotice)) {
          throw new UsageError(message(lang, "bad-count", { option: "--min-notice", found: minNotice }));
        }
        return runFree(
          path,
          {
            ...common,
            duration: values.duration,
            attendees: values.attendees,
            optional: values.optional,
            room: values.room,
            rooms: values.rooms,
            body: values.body,
            halfDay: values["half-day"],
            tags: values.tags,
            align: values.align,
            buffer: values.buffer,
            count: parseCount("count", values.count, lang),
            minNotice: minNotice === undefined ? undefined : Number(minNotice),
            times: values.times,
            maxPerDay: values["max-per-day"],
            quorum: values.quorum,
            near: values.near,
            now: values.now,
            clock: Date.now(),
          },
          out,
        );
      }
      case "suggest": {
        const path = needFile();
        const { runSuggest } = await import("./suggest");
        const days = parseCount("days", values.days, lang);
        if (days !== undefined && days > MAX_SUGGEST_DAYS) {
          throw new UsageError(message(lang, "bad-count", { option: "--days", found: String(days) }));
        }
        const count = parseCount("count", values.count, lang);
        if (count !== undefined && count > MAX_SUGGEST_COUNT) {
          throw new UsageError(message(lang, "bad-count", { option: "--count", found: String(count) }));
        }
        return runSuggest(
          path,
          { ...common, finding: values.finding, conflict: values.conflict, count, days, now: values.now, clock: Date.now() },
          out,
        );
      }
      case "days-off": {
        if (rest.length > 1) throw tooMany("at-most-one-file");
        const { runDaysOff } = await import("./days-off");
        return runDaysOff(
          { year: values.year, format: values.format, lang: common.lang, file, currentYear: new Date().getFullYear(), maxSize },
          out,
        );
      }
      case "lunar": {
        if (rest.length > 1) throw tooMany("one-date");
        const { runLunar } = await import("./lunar");
        return runLunar(file, { format: values.format, lang: common.lang, year: values.year, leap: values.leap }, out);
      }
      case "ics": {
        if (rest.length === 0) throw new UsageError(message(lang, "files-needed", { command }));
        const { runIcs } = await import("./ics");
        return runIcs(
          rest,
          {
            ...common,
            out: values.out,
            expand: values.expand === true,
            uidDomain: values["uid-domain"],
            conflictNotes: values["no-conflict-notes"] ? false : undefined,
            sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
            maxEvents: parseCount("max-events", values["max-events"], lang),
          },
          out,
        );
      }
      case "serve": {
        if (rest.length === 0) throw new UsageError(message(lang, "files-needed", { command }));
        const { runServe } = await import("./serve");
        const code = runServe(
          rest,
          {
            ...common,
            port: values.port,
            host: values.host,
            expand: values.expand === true,
            uidDomain: values["uid-domain"],
            conflictNotes: values["no-conflict-notes"] ? false : undefined,
            sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
            publicUrl: values["public-url"],
            trustProxy: values["trust-proxy"] === true,
          },
          out,
        );
        serving = true;
        return code;
      }
      case "import": {
        const path = needFile();
        const { runImport } = await import("./import");
        return runImport(path, { lang: common.lang, body: values.body, timezone: values.timezone, maxSize }, out);
      }
      case "init": {
        if (rest.length > 0) throw tooMany("none");
        const { runInit } = await import("./init");
        return runInit(
          {
            province: values.province,
            committees: values.committees,
            out: values.out,
            year: values.year,
            lang: common.lang,
            currentYear: new Date().getFullYear(),
          },
          out,
        );
      }
      default:
        throw new UsageError(message(lang, "unknown-command", { command, hint: closest(command, COMMANDS, hintBudget()) }));
    }
  } catch (error) {
    const issues = failureIssues(error);
    if (issues) {
      writeIssues(issues, format, out);
      return 2;
    }
    // A defect of lichhop's own, not of the input: still exit 2 (the exit codes are 0, 1 and 2
    // for every input), with the JSON errors document when JSON was asked for.
    // Half an output is no output: the file named by -o is left as it was.
    for (const file of files.splice(0)) file.discard();
    out = terminal;
    const text = `internal error, please report it: ${String(error instanceof Error ? error.message : error)}`;
    if (format === "json") writeIssues([{ code: "internal-error", message: text, path: [] }], format, out);
    out.stderr(`lichhop: ${inert(text)}\n`);
    return 2;
  }
}

// A reader that goes away (`lichhop check … | head`) ends the output, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    throw error;
  });
}

/**
 * Pieces of output at least this long are written straight to the descriptor (see
 * `writeWaiting`): the chunks that large outputs are written in (`OUTPUT_CHUNK`) are.
 */
const PACED = OUTPUT_CHUNK;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd`, waiting while the reader is behind. Node queues in memory what
 * it cannot hand to a pipe at once, so a report of hundreds of MB written to a slow reader (`|
 * jq`) would be held whole; written here, a chunk at a time, it is held one chunk at a time.
 */
function writeWaiting(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(pause, 0, 0, 1);
      else if (code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      else throw error;
    }
  }
}

const written = { stdout: false, stderr: false };
void main(process.argv.slice(2), {
  stdout: (text) => {
    written.stdout = true;
    // Only when nothing is queued before it: the output stays in order.
    if (text.length >= PACED && process.stdout.writableLength === 0) writeWaiting(1, text);
    else process.stdout.write(text);
  },
  stderr: (text) => {
    written.stderr = true;
    process.stderr.write(text);
  },
}).then((code) => {
  process.exitCode = code;
  // A finished command whose output has all been handed to the OS exits at once, sparing Node's
  // teardown of the environment and heap (about 10 ms). Output still queued in a stream (a pipe
  // whose reader is behind) takes the normal exit, which writes it out first.
  const flushed = (!written.stdout || process.stdout.writableLength === 0) && (!written.stderr || process.stderr.writableLength === 0);
  if (!serving && flushed) process.exit(code);
});
