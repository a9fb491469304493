/**
 * What each command takes and says about itself: the options it accepts (any other is refused,
 * see `inapplicable`), and its own `--help` with examples.
 */

/** An option's line in the help: the value it takes and what it does. */
interface OptionHelp {
  readonly value?: string;
  readonly text: string;
}

const OPTION_HELP: Readonly<Record<string, OptionHelp>> = {
  from: { value: "DATE", text: "first local date of the horizon, YYYY-MM-DD (default: the file's horizon)" },
  to: { value: "DATE", text: "last local date of the horizon, YYYY-MM-DD (default: the file's horizon)" },
  format: {
    value: "FORMAT",
    text: "text (default) or json; check also github, junit, sarif or html (calendar report); week: text, html, md or csv",
  },
  lang: { value: "vi|en", text: "the language of the output (default: the file's locale, else vi)" },
  output: { value: "FILE", text: "write the output to FILE (replaced whole, only once complete) instead of stdout" },
  "fail-on": { value: "LEVEL", text: "exit 1 at error (default), warning, or never" },
  detail: { text: "text: list every conflict under its finding" },
  base: { value: "FILE|DIR", text: "report only what this base schedule lacks (by fingerprint)" },
  "base-ref": { value: "REV", text: "the base is the same path(s) at a git revision" },
  json: { value: "FILE", text: "also write the JSON report to FILE" },
  junit: { value: "FILE", text: "also write the JUnit XML report to FILE" },
  sarif: { value: "FILE", text: "also write the SARIF 2.1.0 report to FILE" },
  github: { value: "FILE", text: "also write GitHub workflow commands to FILE" },
  suggest: { text: "text and json: the best move of each side under each finding (first 20)" },
  now: { value: "TIME", text: "the present, a local YYYY-MM-DDTHH:MM or a date (its start); default: the clock" },
  "max-size": { value: "BYTES", text: "the largest schedule file read, bytes or with MB (default 20MB, at most 500MB)" },
  "max-occurrences": { value: "N", text: "the most occurrences in the horizon (default 200000)" },
  "max-conflicts": { value: "N", text: "the most conflicts one check may list (default 50000)" },
  "max-findings": { value: "N", text: "the most findings one check may hold (default 100000)" },
  "max-events": { value: "N", text: "the most events all feeds may hold together (default 150000)" },
  duration: { value: "PT2H", text: "the meeting's length, ISO 8601 (PT2H, PT1H30M)" },
  attendees: { value: "a,b", text: "required people or bodies, comma-separated" },
  optional: { value: "c,d", text: "optional people or bodies, invited if free" },
  room: { value: "ID", text: "the room" },
  rooms: { value: "r1,r2", text: "rooms to choose from, in order of preference" },
  body: { value: "ID", text: "free: the new meeting's body (its rules apply); import: the body of every meeting" },
  tags: { value: "t1,t2", text: "the new meeting's tags (rules selecting them apply)" },
  "half-day": { value: "sang|chieu", text: "morning or afternoon only" },
  align: { value: "30|half-day", text: "starts every N minutes from midnight (default 30), or at the working periods' starts" },
  buffer: { value: "PT15M", text: "free time kept before and after, ISO 8601" },
  count: { value: "N", text: "how many (free: slots, default 5; suggest: moves per side, default 3)" },
  "min-notice": { value: "N", text: "working days of notice from --now" },
  times: { value: "HH:MM-HH:MM,...", text: "time-of-day windows the meeting lies within" },
  "max-per-day": { value: "N", text: "the most meetings one person has a day, the new one included" },
  quorum: { value: "0.5", text: "the least share (0-1) of --optional who must be free" },
  near: { value: "TIME", text: "the times nearest this local YYYY-MM-DDTHH:MM first" },
  finding: { value: "ID", text: "the finding to move (its id, as check prints it)" },
  conflict: { value: "ID", text: "the conflict to move" },
  days: { value: "N", text: "days searched from the clash's date (default 14, at most 366)" },
  year: { value: "YYYY", text: "the year" },
  leap: { text: "lunar D/M: in the leap month of that number" },
  province: { value: "NAME", text: 'one of the 34 provinces and cities, accents optional ("Lang Son", "TP HCM")' },
  out: { value: "PATH", text: "init: the file to write (default schedule.yaml); ics: the folder of the feeds" },
  committees: { value: "LIST", text: "the HĐND committees: some of phap-che,kt-ns,vh-xh,dan-toc,do-thi" },
  expand: { text: "one VEVENT per occurrence instead of one per series (RRULE)" },
  "uid-domain": { value: "DOMAIN", text: "domain of the UIDs (default: feeds.uidDomain, else lichhop.invalid)" },
  "no-conflict-notes": { text: "leave conflict notes out of the meeting feeds' descriptions" },
  port: { value: "N", text: "where to listen (default 8080)" },
  week: { value: "2025-W12", text: "the ISO week (default: this week in the schedule's zone)" },
  date: { value: "DATE", text: "the week holding this local date YYYY-MM-DD" },
  layout: { value: "grid|table|list", text: "grid: Sáng/Chiều by day (default); table: eight columns; list: prose per day" },
  by: { value: "day|person|body", text: "by day (default), leader or body: the grid then has a row per leader by the seven days" },
  people: { value: "a,b", text: "only meetings these people chair or attend" },
  bodies: { value: "x,y", text: "only meetings of these bodies" },
  revision: { value: "N", text: 'the revision printed under the title ("Điều chỉnh lần N")' },
  updated: {
    value: "TIME",
    text: 'the last update printed under the title, a local YYYY-MM-DDTHH:MM or now ("Cập nhật lần cuối 14:36 17/03/2025")',
  },
  timezone: { value: "ZONE", text: "the zone of floating times and unknown TZIDs (default Asia/Ho_Chi_Minh)" },
  host: { value: "HOST", text: "the address to listen on (default 127.0.0.1)" },
  "public-url": { value: "URL", text: "the address subscribers reach the server at, for the index page's links" },
  "trust-proxy": { text: "take the links' scheme and host from X-Forwarded-Proto and X-Forwarded-Host" },
};

/** A command: its usage lines, what it does, its options (beyond --help) and examples. */
interface CommandHelp {
  readonly usage: string;
  readonly about: string;
  readonly options: readonly string[];
  readonly examples: readonly string[];
}

const SCHEDULE_LIMITS = ["max-size", "max-occurrences"] as const;

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  check: {
    usage: "lichhop check FILE|DIR... [options]",
    about: [
      "Expand every meeting and report every conflict, grouped into findings. Several files (or a",
      "directory of *.yaml) are merged into one schedule. Exit 0: nothing at or above --fail-on;",
      "1: findings at or above it; 2: a bad file or command line.",
    ].join("\n"),
    options: [
      "from",
      "to",
      "format",
      "lang",
      "output",
      "fail-on",
      "detail",
      "base",
      "base-ref",
      "json",
      "junit",
      "sarif",
      "github",
      "suggest",
      "now",
      ...SCHEDULE_LIMITS,
      "max-conflicts",
      "max-findings",
    ],
    examples: [
      "lichhop check lich-hop.yaml",
      "lichhop check lich/ --format github --sarif lichhop.sarif --base-ref origin/main",
      "lichhop check lich-hop.yaml --suggest --lang en",
      "lichhop check lich-hop.yaml --format html -o bao-cao.html",
    ],
  },
  week: {
    usage: "lichhop week FILE|DIR... [options]",
    about: [
      "The weekly work schedule (lịch công tác tuần) of one week, as provincial portals publish it: a",
      "grid of days by Sáng/Chiều (or, --by person, of leaders by the seven days), a table or a list,",
      "with chair, attendees, place, notes, each clash's rule and days off; with --base or --base-ref,",
      "what was added, moved or removed since the base.",
      "Formats: text (default), html (print-ready A4), md, csv.",
    ].join("\n"),
    options: [
      "week",
      "date",
      "layout",
      "by",
      "people",
      "bodies",
      "format",
      "revision",
      "updated",
      "base",
      "base-ref",
      "lang",
      "output",
      ...SCHEDULE_LIMITS,
    ],
    examples: [
      "lichhop week lich-hop.yaml --week 2024-W07 --format html -o tuan-07.html",
      "lichhop week lich-hop.yaml --date 2024-02-15 --layout table --people chu-tich-ubnd --format csv",
      "lichhop week lich-hop.yaml --revision 2 --updated now --base-ref HEAD~1 --layout list",
      "lichhop week lich-hop.yaml --by person --people chu-tich-ubnd,pho-chu-tich-ubnd --format html -o lanh-dao.html",
    ],
  },
  expand: {
    usage: "lichhop expand FILE|DIR... [options]",
    about: "List every occurrence in the horizon, sorted. Several files (or a directory of *.yaml) are merged.",
    options: ["from", "to", "format", "lang", "output", ...SCHEDULE_LIMITS],
    examples: [
      "lichhop expand lich-hop.yaml --from 2024-03-01 --to 2024-03-31",
      "lichhop expand lich-hop.yaml --format json -o occurrences.json",
    ],
  },
  free: {
    usage: "lichhop free FILE --duration PT2H [options]",
    about: [
      "Free times for a new meeting against every rule, attendee, room and day off of FILE (default:",
      "two weeks from today; --now sets today). Exit 0: times found; 1: none (with what blocked each day).",
    ].join("\n"),
    options: [
      "duration",
      "attendees",
      "optional",
      "room",
      "rooms",
      "body",
      "tags",
      "from",
      "to",
      "half-day",
      "times",
      "align",
      "buffer",
      "count",
      "min-notice",
      "max-per-day",
      "quorum",
      "near",
      "now",
      "format",
      "lang",
      "output",
      ...SCHEDULE_LIMITS,
    ],
    examples: [
      "lichhop free lich-hop.yaml --duration PT2H --attendees tt-hdnd --rooms phong-hop-1,hoi-truong-tinh --body tt-hdnd",
      "lichhop free lich-hop.yaml --duration PT1H30M --attendees chu-tich-ubnd --half-day chieu --min-notice 2",
    ],
  },
  suggest: {
    usage: "lichhop suggest FILE [--finding ID | --conflict ID] [options]",
    about: [
      "New times for either side of each clash (of --finding or --conflict, else of the first 20",
      "findings), each a changes entry to paste, checked against the whole file. Exit 0: a move for",
      "every clash searched (or it is past); 1: a clash with none.",
    ].join("\n"),
    options: [
      "finding",
      "conflict",
      "count",
      "days",
      "now",
      "from",
      "to",
      "format",
      "lang",
      "output",
      ...SCHEDULE_LIMITS,
      "max-conflicts",
      "max-findings",
    ],
    examples: ["lichhop suggest lich-hop.yaml", "lichhop suggest lich-hop.yaml --finding 0207e8a481746de1 --count 1 --format json"],
  },
  "days-off": {
    usage: "lichhop days-off [FILE] [options]",
    about:
      "List the days off of a year: holidays, substitute and decision days (FILE's calendar); without --year, each year of FILE's horizon, else the current year.",
    options: ["year", "format", "lang", "output", "max-size"],
    examples: ["lichhop days-off --year 2026", "lichhop days-off lich-hop.yaml --format json"],
  },
  lunar: {
    usage: "lichhop lunar DATE|D/M [options]",
    about: 'The Vietnamese lunar date of DATE ("ngày 10 tháng 3 năm Giáp Thìn"), or the solar date of lunar day/month D/M of --year.',
    options: ["year", "leap", "format", "lang", "output"],
    examples: ["lichhop lunar 2024-04-18", "lichhop lunar 10/3 --year 2026"],
  },
  init: {
    usage: "lichhop init [options]",
    about: "Write a commented starting schedule that check passes as written (never overwrites a file: exit 2).",
    options: ["province", "out", "year", "committees", "lang"],
    examples: [
      'lichhop init --province "Lang Son" --year 2026',
      "lichhop init --province Hue --committees phap-che,kt-ns,vh-xh,do-thi --out hue.yaml",
    ],
  },
  schema: {
    usage: "lichhop schema [options]",
    about: "Print the schedule file's JSON Schema (draft 2020-12).",
    options: ["output"],
    examples: ["lichhop schema -o lichhop.schema.json"],
  },
  ics: {
    usage: "lichhop ics FILE|DIR... --out DIR [options]",
    about: [
      "Write iCalendar feeds: all.ics, body/<id>.ics, person/<id>.ics, room/<id>.ics, conflicts.ics",
      "(DTSTAMP from SOURCE_DATE_EPOCH, else the files' latest modification time). Several files",
      "(or a directory of *.yaml) are merged into one schedule.",
    ].join("\n"),
    options: [
      "out",
      "expand",
      "uid-domain",
      "no-conflict-notes",
      "from",
      "to",
      "format",
      "lang",
      ...SCHEDULE_LIMITS,
      "max-conflicts",
      "max-findings",
      "max-events",
    ],
    examples: ["lichhop ics lich-hop.yaml --out public/", "SOURCE_DATE_EPOCH=1704067200 lichhop ics lich-hop.yaml --out public/ --expand"],
  },
  import: {
    usage: "lichhop import FILE.ics [options]",
    about: [
      "Print the events of an iCalendar file as meetings of a schedule file (format v1), with a",
      "comment for each thing lichhop reads differently or leaves out.",
    ].join("\n"),
    options: ["body", "timezone", "format", "lang", "output", "max-size"],
    examples: ["lichhop import ubnd.ics --body ubnd -o ubnd.yaml", "lichhop import outlook.ics --timezone Asia/Ho_Chi_Minh"],
  },
  serve: {
    usage: "lichhop serve FILE|DIR... [options]",
    about: [
      "Serve the feeds over HTTP for webcal:// subscriptions, reloading when a file changes. Several",
      "files (or a directory of *.yaml) are merged into one schedule; each file is watched, and each",
      "directory for files added or removed.",
    ].join("\n"),
    options: ["port", "host", "public-url", "trust-proxy", "expand", "uid-domain", "no-conflict-notes", "from", "to", "lang"],
    examples: [
      "lichhop serve lich-hop.yaml",
      "lichhop serve lich/ --port 8080 --public-url https://lich.langson.gov.vn/feeds",
      "lichhop serve hdnd.yaml ubnd.yaml",
    ],
  },
};

/** The options `command` accepts, `--help`, `--version` and `--lang`'s siblings aside. */
export function commandOptions(command: string): ReadonlySet<string> | undefined {
  const help = COMMAND_HELP[command];
  return help ? new Set([...help.options, "help", "version"]) : undefined;
}

/** `lichhop COMMAND --help`: usage, what it does, its options and examples. */
export function commandHelp(command: string, version: string): string | undefined {
  const help = COMMAND_HELP[command];
  if (!help) return undefined;
  const rows: [string, string][] = help.options.map((name) => {
    const option = OPTION_HELP[name] as OptionHelp;
    const short = name === "output" ? "-o, " : "";
    return [`  ${short}--${name}${option.value ? ` ${option.value}` : ""}`, option.text];
  });
  rows.push(["  -h, --help", "show this help"]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `lichhop ${version}: ${command}`,
    "",
    `Usage: ${help.usage}`,
    "",
    help.about,
    "",
    "Options:",
    ...rows.map(([left, text]) => `${left.padEnd(width)}${text}`),
    "",
    "Examples:",
    ...help.examples.map((example) => `  ${example}`),
    "",
  ].join("\n");
}
