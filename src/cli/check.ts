import { safeCheckSchedule } from "../check";
import { formatReportText } from "../report/text";
import { ExitWithIssues, loadScheduleFile, usageIssue, type Output } from "./io";
import type { CommonOptions } from "./options";

/** Options of `lichhop check`. */
export interface CheckCommandOptions extends CommonOptions {
  readonly failOn: "error" | "warning" | "never";
}

/** `lichhop check FILE`: prints the report; exit 1 when a conflict reaches `--fail-on`. */
export function runCheck(file: string, options: CheckCommandOptions, out: Output): number {
  const schedule = loadScheduleFile(file, options.lang);
  const result = safeCheckSchedule(schedule, {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  if (!result.ok) throw new ExitWithIssues(result.issues);
  const { report } = result;
  if (options.format === "json") out.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === "text") out.stdout(formatReportText(report, options.lang ?? schedule.locale ?? "vi"));
  else throw new ExitWithIssues([usageIssue(`--format ${options.format}: expected text or json`)]);
  const failing =
    options.failOn === "never" ? 0 : options.failOn === "warning" ? report.summary.conflicts : report.summary.errors;
  return failing > 0 ? 1 : 0;
}
