import { formatPath, type Issue } from "../../errors";
import type { Lang } from "../../messages";
import type { Schedule } from "../../schema/model";
import type { Report, ReportConflict, ReportFinding, ReportSource } from "../report";
import {
  allFacts,
  checkId,
  ciEntries,
  ciPath,
  meetingsOf,
  meetingTitles,
  reportView,
  viewEntries,
  type CheckEntry,
  type FindingsView,
} from "./checks";
import { findingChangeText, findingLevel } from "../finding-text";
import { locate } from "../../source";
import { argIssues, argLang, argOptions, argReport } from "../../internal/args";

/** Options for {@link formatSarif}. */
export interface SarifOptions {
  /** The version of lichhop that made the log (the CLI passes its own). */
  readonly toolVersion?: string;
  /**
   * The checked schedule: its rules and enabled built-in checks are described, with conflicts or
   * not. Without it, only the rules and checks that have conflicts are described.
   */
  readonly schedule?: Schedule;
  /** The language of the built-in checks' titles; defaults to the schedule's `locale`, else vi. */
  readonly lang?: Lang;
}

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://www.npmjs.com/package/lichhop";

function location(source: ReportSource | undefined, text?: string): Record<string, unknown> | undefined {
  if (source?.file === undefined) return undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(ciPath(source.file)) },
      region: { startLine: source.line, startColumn: source.column },
    },
    ...(text === undefined ? {} : { message: { text } }),
  };
}

function driver(rules: readonly CheckEntry[], version: string | undefined): Record<string, unknown> {
  return {
    name: "lichhop",
    ...(version === undefined ? {} : { version }),
    informationUri: INFORMATION_URI,
    rules: rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.title },
      defaultConfiguration: { level: rule.level },
    })),
  };
}

function log(tool: Record<string, unknown>, results: readonly unknown[]): string {
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{ tool: { driver: tool }, columnKind: "utf16CodeUnits", results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * Renders a report as a SARIF 2.1.0 log for code-scanning dashboards (GitHub code scanning and
 * others): one rule per rule and built-in check, one result per finding (against a base: per new
 * or changed finding; `note` for one that changed without gaining dates) located at its `source`,
 * its other meeting as a related location, and the finding's id as the partial fingerprint
 * `lichhopFinding/v1` so dashboards track it across commits. A report without findings gets one
 * result per conflict, fingerprinted `lichhopConflict/v1`.
 *
 * @example
 * const report = checkSchedule(schedule);
 * writeFileSync("lichhop.sarif", formatSarif(report, { schedule, toolVersion: "0.1.0" }));
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  argReport(report, "formatSarif: report");
  argLang(argOptions(options, "formatSarif").lang, "formatSarif");
  const { findings } = report;
  if (findings !== undefined) {
    const chunks: string[] = [];
    writeSarif(reportView({ ...report, findings }), options, (text) => void chunks.push(text));
    return chunks.join("");
  }
  const rules = ciEntries(report, options.schedule, options.lang, "formatSarif");
  const results = report.conflicts.map((conflict) => {
    const ruleId = checkId(conflict);
    const primary = location(conflict.source);
    const related = conflict.occurrences
      .map((occurrence, index) => {
        const at = location(occurrence.source, `${occurrence.title} (${occurrence.start} → ${occurrence.end})`);
        return at ? { id: index + 1, ...at } : undefined;
      })
      .filter((at) => at !== undefined);
    return {
      ruleId,
      ruleIndex: rules.findIndex((rule) => rule.id === ruleId),
      level: conflict.severity,
      message: { text: conflict.message },
      ...(primary ? { locations: [primary] } : {}),
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { "lichhopConflict/v1": conflict.id },
    };
  });
  return log(driver(rules, options.toolVersion), results);
}

/**
 * {@link formatSarif} of a report with findings, a result at a time through `write`: the log is
 * written around its results as `JSON.stringify(log, null, 2)` writes it, byte for byte.
 */
export function writeSarif(view: FindingsView, options: SarifOptions, write: (text: string) => void): void {
  const lang = options.lang ?? options.schedule?.locale ?? "vi";
  const rules = viewEntries(view, allFacts(view), options.schedule, options.lang, "formatSarif");
  const tool = driver(rules, options.toolVersion);
  if (view.length === 0) {
    write(log(tool, []));
    return;
  }
  // The log with one placeholder result, cut around it: what comes before and after the results.
  const placeholder = "\u0000results\u0000";
  const whole = log(tool, [placeholder]);
  const quoted = JSON.stringify(placeholder);
  const at = whole.indexOf(quoted);
  const lineStart = whole.lastIndexOf("\n", at) + 1;
  const indent = whole.slice(lineStart, at);
  write(whole.slice(0, lineStart));
  for (let k = 0; k < view.length; k++) {
    const { finding, conflicts } = view.item(k);
    const result = JSON.stringify(findingResult(finding, conflicts, rules, options, lang), null, 2);
    write(`${k === 0 ? "" : ",\n"}${indent}${result.replace(/\n/g, `\n${indent}`)}`);
  }
  write(whole.slice(at + quoted.length));
}

/** Where each meeting of a finding is: its occurrence in the finding's first listed conflict, else its place in the schedule. */
function meetingSources(
  finding: ReportFinding,
  conflicts: readonly ReportConflict[],
  schedule: Schedule | undefined,
): (ReportSource | undefined)[] {
  const conflict = conflicts[0];
  return finding.meetings.map((id) => {
    const occurrence = conflict?.occurrences.find((o) => o.meeting === id && o.source);
    if (occurrence?.source) return occurrence.source;
    const index = schedule ? (meetingsOf(schedule).get(id)?.index ?? -1) : -1;
    if (!schedule || index < 0) return undefined;
    const at = locate(schedule.source, ["meetings", index]);
    if (at.line === undefined || at.file === undefined) return undefined;
    return { file: at.file, line: at.line, column: at.column ?? 1 };
  });
}

function findingResult(
  finding: ReportFinding,
  conflicts: readonly ReportConflict[],
  rules: readonly CheckEntry[],
  options: SarifOptions,
  lang: Lang,
): Record<string, unknown> {
  const ruleId = checkId(finding);
  const primary = location(finding.source);
  const titles = meetingTitles(finding, conflicts, options.schedule);
  const sources = meetingSources(finding, conflicts, options.schedule);
  // The other meeting: any of its meetings not on the annotated line's meeting block.
  const related = sources
    .map((source, index) => {
      if (
        !source ||
        (finding.source && source.file === finding.source.file && sources.length > 1 && nearest(sources, finding.source) === index)
      ) {
        return undefined;
      }
      const at = location(source, titles[index]);
      return at ? { id: index + 1, ...at } : undefined;
    })
    .filter((at) => at !== undefined);
  const change = findingChangeText(finding, lang);
  const level = findingLevel(finding);
  return {
    ruleId,
    ruleIndex: rules.findIndex((rule) => rule.id === ruleId),
    level: level === "notice" ? "note" : level,
    message: { text: change === undefined ? finding.message : `${finding.message} — ${change}` },
    ...(primary ? { locations: [primary] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { "lichhopFinding/v1": finding.id },
  };
}

/** The index of the meeting whose block holds a place: the last one starting at or before it (same file). */
function nearest(sources: readonly (ReportSource | undefined)[], place: ReportSource): number {
  let best = -1;
  let line = -1;
  sources.forEach((source, index) => {
    if (source && source.file === place.file && source.line <= place.line && source.line > line) {
      best = index;
      line = source.line;
    }
  });
  return best;
}

/**
 * Renders schedule issues (a file that cannot be checked) as a SARIF 2.1.0 log: one result per
 * issue, its rule `schedule/<code>`.
 *
 * @example
 * writeFileSync("lichhop.sarif", formatIssuesSarif(result.issues, { toolVersion: "0.1.0" }));
 */
export function formatIssuesSarif(issues: readonly Issue[], options: Pick<SarifOptions, "toolVersion"> = {}): string {
  argIssues(issues, "formatIssuesSarif: issues");
  argOptions(options, "formatIssuesSarif");
  const codes = [...new Set(issues.map((issue) => issue.code))];
  const rules: CheckEntry[] = codes.map((code) => ({ id: `schedule/${code}`, title: code, level: "error" }));
  const results = issues.map((issue) => {
    const at = issue.file === undefined ? undefined : location({ file: issue.file, line: issue.line ?? 1, column: issue.column ?? 1 });
    return {
      ruleId: `schedule/${issue.code}`,
      ruleIndex: codes.indexOf(issue.code),
      level: "error",
      message: { text: [formatPath(issue.path), issue.message].filter(Boolean).join(": ") },
      ...(at ? { locations: [at] } : {}),
    };
  });
  return log(driver(rules, options.toolVersion), results);
}
