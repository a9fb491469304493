import { parseArgs, type ParseArgsConfig } from "node:util";
import { version } from "../../package.json";
import type { Lang } from "../report/messages";
import { runCheck } from "./check";
import { runExpand } from "./expand";
import { ExitWithIssues, usageIssue, writeIssues, type Output } from "./io";

const HELP = `lichhop ${version}: kiểm tra trùng lịch họp / check meeting schedules for conflicts

Usage:
  lichhop check FILE [--from DATE] [--to DATE] [--format text|json] [--lang vi|en]
                     [--fail-on error|warning|never]
  lichhop expand FILE [--from DATE] [--to DATE] [--format text|json] [--lang vi|en]

Commands:
  check    expand every meeting and report every conflict
           exit 0: nothing at or above --fail-on (default error); 1: conflicts; 2: bad file or arguments
  expand   list every occurrence in the horizon, sorted

Options:
  --from, --to   horizon as local dates YYYY-MM-DD (default: the file's horizon)
  --format       text (default) or json
  --lang         vi or en (default: the file's locale, else vi)
  --fail-on      error (default), warning or never
  -h, --help     show this help;  -v, --version  show the version
`;

const OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  format: { type: "string", default: "text" },
  lang: { type: "string" },
  "fail-on": { type: "string", default: "error" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export function main(argv: readonly string[], out: Output): number {
  let format = "text";
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new ExitWithIssues([usageIssue(`${(error as Error).message}; see lichhop --help`)]);
    }
    const { values, positionals } = parsed;
    format = values.format;
    if (values.version) {
      out.stdout(`${version}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === "help") {
      out.stdout(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en") {
      throw new ExitWithIssues([usageIssue(`--lang ${values.lang}: expected vi or en`)]);
    }
    if (!["text", "json"].includes(values.format)) {
      throw new ExitWithIssues([usageIssue(`--format ${values.format}: expected text or json`)]);
    }
    for (const key of ["from", "to"] as const) {
      const value = values[key];
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new ExitWithIssues([usageIssue(`--${key} ${value}: expected a date YYYY-MM-DD`)]);
      }
    }
    const common = { from: values.from, to: values.to, format: values.format, lang: values.lang as Lang | undefined };
    const file = rest[0];
    const needFile = () => {
      if (file === undefined) throw new ExitWithIssues([usageIssue(`lichhop ${command}: expected a schedule FILE`)]);
      if (rest.length > 1) throw new ExitWithIssues([usageIssue(`lichhop ${command}: expected one FILE, got ${rest.length}`)]);
      return file;
    };
    switch (command) {
      case "check": {
        const failOn = values["fail-on"];
        if (failOn !== "error" && failOn !== "warning" && failOn !== "never") {
          throw new ExitWithIssues([usageIssue(`--fail-on ${failOn}: expected error, warning or never`)]);
        }
        return runCheck(needFile(), { ...common, failOn }, out);
      }
      case "expand":
        return runExpand(needFile(), common, out);
      default:
        throw new ExitWithIssues([usageIssue(`unknown command "${command}"; see lichhop --help`)]);
    }
  } catch (error) {
    if (error instanceof ExitWithIssues) {
      writeIssues(error.issues, format, out);
      return 2;
    }
    out.stderr(`lichhop: internal error: ${(error as Error).message}\n`);
    return 3;
  }
}

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
