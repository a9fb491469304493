import type { Issue } from "../errors";
import { MAX_ISSUES, resolveLimits, type Limits } from "../limits";
import { sealSchedule, type Schedule } from "../schema/model";
import type { ScheduleFile } from "../schema/schedule";
import { issueFactory, type IssueContext } from "../source";
import { checkChanges } from "./checks/changes";
import type { CheckContext, IssueSink } from "./checks/context";
import { checkHorizon } from "./checks/horizon";
import { checkIds } from "./checks/ids";
import { checkMeeting } from "./checks/meetings";
import { checkPeople } from "./checks/people";
import { checkRules } from "./checks/rules";
import { startInRuleCheck } from "./checks/start-in-rule";
import { zoneCheck } from "./checks/values";
import { hintBudget } from "./hints";
import { checkShape } from "./shape";
import { checkSources } from "./checks/sources";
import { importSources, type SourceText } from "./sources";

/** What validation needs besides the value: where it came from and the language of messages. */
export interface ValidateContext extends IssueContext {
  /** Bounds on the rule walks validation makes (default `DEFAULT_LIMITS`). */
  readonly limits?: Partial<Limits> | undefined;
  /** The texts of the file's `sources:` by their shown path (`sourcePath`). */
  readonly sourceTexts?: ReadonlyMap<string, SourceText> | undefined;
}

/** The outcome of reading a schedule: the schedule, or every issue found. */
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; issues: Issue[] };

/** The checks a well-formed file gets beyond its shape, in the order their issues are reported. */
function semanticIssues(file: ScheduleFile, context: ValidateContext, checked = file.meetings.length): Issue[] {
  const sink: IssueSink = { lang: context.lang, source: context.source, make: issueFactory(context), issues: [] };
  const ctx: CheckContext = { ...sink, file, known: checkIds(file, sink), hints: hintBudget() };
  checkPeople(ctx);
  checkRules(ctx);
  checkHorizon(ctx);
  const zoneOk = zoneCheck(ctx);
  const fileZoneOk = zoneOk(file.timezone, ["timezone"]);
  checkSources(ctx, zoneOk);
  const startInRule = startInRuleCheck(ctx, resolveLimits(context.limits));
  file.meetings.forEach((meeting, index) => {
    // Meetings from .ics sources passed these checks as they were imported.
    if (index >= checked) return;
    const before = ctx.issues.length;
    const zoneValid = checkMeeting(ctx, meeting, index, zoneOk);
    checkChanges(ctx, meeting, index);
    // Only a well-formed meeting's rule is walked.
    if (ctx.issues.length > before || !zoneValid || !fileZoneOk) return;
    startInRule(meeting, index);
  });
  return ctx.issues;
}

/** Issues in file order (a stable sort: issues without a position keep their place at the end). */
function byPosition(issues: Issue[]): Issue[] {
  const key = (issue: Issue) => (issue.line ?? Number.MAX_SAFE_INTEGER) * 1e6 + (issue.column ?? 0);
  return [...issues].sort((a, b) => key(a) - key(b));
}

/**
 * The first {@link MAX_ISSUES} issues, then one that counts the rest: a file with a million
 * mistakes gets a readable answer of bounded size.
 */
export function capIssues(issues: Issue[], context: Pick<ValidateContext, "lang" | "source">): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  const make = issueFactory(context);
  return [...issues.slice(0, MAX_ISSUES), make("too-many-issues", [], "too-many-issues", { shown: MAX_ISSUES, more: rest })];
}

/**
 * Validates a parsed schedule value (the object a YAML or JSON file gives) and returns the
 * schedule, or every issue found with its position when the context knows positions.
 */
export function validateValue(data: unknown, context: ValidateContext): ScheduleResult {
  const shape = checkShape(data, context);
  if (shape.issues) return { ok: false, issues: capIssues(byPosition(shape.issues), context) };
  let { file } = shape;
  let source = context.source;
  let warnings: Issue[] = [];
  let own = file.meetings.length;
  if (file.sources !== undefined && file.sources.length > 0) {
    const imported = importSources(file, {
      lang: context.lang,
      source,
      texts: context.sourceTexts ?? new Map(),
      check: (trial, lang) => semanticIssues(trial, { lang, source: { positions: {} }, limits: context.limits }),
    });
    if (imported.issues.length > 0) {
      const all = [...imported.issues, ...semanticIssues(file, context)];
      return { ok: false, issues: capIssues(byPosition(all), context) };
    }
    ({ file, source, warnings, own } = imported);
  }
  const semantic = semanticIssues(file, { ...context, source }, own);
  if (semantic.length > 0) return { ok: false, issues: capIssues(byPosition(semantic), context) };
  const sourceWithWarnings = warnings.length > 0 ? { ...source, warnings: capIssues(warnings, context) } : source;
  // The sources are read: their events are meetings now, and a schedule validated again (a
  // changed copy) must not read them twice.
  const { sources: _sources, ...kept } = file;
  return { ok: true, schedule: sealSchedule({ ...(file.sources === undefined ? file : kept), source: sourceWithWarnings }) };
}
