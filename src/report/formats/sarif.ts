import { formatPath, type Issue } from "../../errors";
import type { Lang } from "../../messages";
import type { Schedule } from "../../schema/model";
import type { Report, ReportSource } from "../report";
import { checkId, ciEntries, ciPath, type CheckEntry } from "./checks";
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
 * others): one rule per rule and built-in check, one result per conflict located at its `source`
 * with the other occurrences as related locations, and the conflict's fingerprint as a partial
 * fingerprint so dashboards track it across commits.
 *
 * @example
 * const report = checkSchedule(schedule);
 * writeFileSync("lichhop.sarif", formatSarif(report, { schedule, toolVersion: "0.1.0" }));
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  argReport(report, "formatSarif: report");
  argLang(argOptions(options, "formatSarif").lang, "formatSarif");
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
