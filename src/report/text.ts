import { inert } from "../internal/inert";
import type { Report } from "./report";
import { REPORT_TEXT, type Lang } from "../messages";
import { argLang, argReport } from "../internal/args";

/**
 * Renders a report as text for secretariat staff: one block per conflict with the meetings'
 * titles and local times, then a summary line. Control characters, line breaks and bidi overrides
 * inside titles and names are shown escaped (`\n`, `\u202E`): each conflict stays one line.
 *
 * @example
 * console.log(formatReportText(report, "vi"));
 */
export function formatReportText(report: Report, lang: Lang): string {
  argReport(report, "formatReportText: report");
  lang = argLang(lang, "formatReportText") ?? "vi";
  const l = REPORT_TEXT[lang];
  const lines = [inert(l.title(report.horizon.from, report.horizon.to)), ""];
  report.conflicts.forEach((conflict, index) => {
    const tag = conflict.severity === "error" ? l.error : l.warning;
    lines.push(`${index + 1}. [${tag}] ${inert(conflict.message)}`);
    if (conflict.overlap) lines.push(`   ${l.overlap}: ${conflict.overlap.start} → ${conflict.overlap.end}`);
    lines.push(`   id: ${inert(conflict.id)}`);
  });
  if (report.conflicts.length === 0) lines.push(l.none);
  else lines.push("");
  lines.push(l.summary(report.summary));
  return `${lines.join("\n")}\n`;
}
