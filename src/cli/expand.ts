import { ScheduleError, UsageError } from "../errors";
import { renderContext } from "../check";
import { inert } from "../internal/inert";
import { withAdjust } from "../expand";
import { expandOccurrences } from "../recurrence/expand";
import { describeTime, reportOccurrence } from "../report/report";
import { message, WEEK_TEXT, withdrawnWord } from "../messages";
import type { Occurrence } from "../recurrence/occurrence";
import { writeJson, type Output } from "./io";
import { loadSchedules } from "./load";
import { writeSourceWarnings } from "./sources";
import type { CommonOptions } from "./options";

/** `lichhop expand FILE|DIR...`: lists every occurrence in the horizon (of the files merged), sorted. */
export function runExpand(paths: readonly string[], options: CommonOptions, out: Output): number {
  const schedule = loadSchedules(paths, options);
  writeSourceWarnings(schedule, out);
  const lang = options.lang ?? schedule.locale ?? "vi";
  const context = renderContext(schedule, lang);
  // The schedule was validated as it was read, and the options with the command line.
  const adjusted = withAdjust(schedule, { lang });
  if (!adjusted.ok) throw new ScheduleError(adjusted.issues);
  const result = expandOccurrences(schedule, {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...adjusted.options,
    clockFor: context.clockFor,
    limits: options.limits,
  });
  if (!result.ok) throw new ScheduleError(result.issues);
  if (options.format === "json") {
    const occurrences = result.occurrences.map((o) => reportOccurrence(o, context.clockFor));
    writeJson({ version: 1, occurrences }, out);
  } else if (options.format === "text") {
    // A postponed or cancelled occurrence (its change's status) is listed with its mark.
    const mark = (o: Occurrence) => (o.withdrawn === undefined ? "" : `[${withdrawnWord(WEEK_TEXT[lang], o.withdrawn)}] `);
    const lines = result.occurrences.map(
      (o) => `${describeTime(o, context.clockFor(o.zone), lang)}  ${mark(o)}${inert(o.title)}  [${inert(o.meeting)}]`,
    );
    out.stdout(lines.length > 0 ? `${lines.join("\n")}\n` : "");
  } else {
    throw new UsageError(message(lang, "bad-format", { found: options.format, formats: ["text", "json"] }));
  }
  return 0;
}
