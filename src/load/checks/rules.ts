import type { IssuePath } from "../../errors";
import type { Selector } from "../../schema/schedule";
import { DAY, parseDuration } from "../../time/wall";
import type { CheckContext } from "./context";
import { checkReferences } from "./references";
import { checkDuration } from "./values";

/** Reports a selector that selects nothing by construction and the unknown ids it names. */
function checkSelector(ctx: CheckContext, value: Selector, path: IssuePath): void {
  const lists = [value.bodies, value.groups, value.meetings, value.tags].filter((list) => list !== undefined);
  if (lists.length === 0 || lists.every((list) => list.length === 0)) {
    ctx.issues.push(ctx.make("empty-selector", path, "empty-selector"));
  }
  checkReferences(ctx, "body", value.bodies, [...path, "bodies"]);
  checkReferences(ctx, "group", value.groups, [...path, "groups"]);
  checkReferences(ctx, "meeting", value.meetings, [...path, "meetings"]);
  checkReferences(ctx, "tag", value.tags, [...path, "tags"]);
}

/** The selectors, durations and bounds of every rule. */
export function checkRules(ctx: CheckContext): void {
  const { issues, make } = ctx;
  ctx.file.rules.forEach((rule, index) => {
    const path = ["rules", index];
    if (rule.kind === "no-overlap") {
      rule.between.forEach((side, sideIndex) => {
        checkSelector(ctx, side, [...path, "between", sideIndex]);
      });
      checkDuration(ctx, rule.minGap, [...path, "minGap"], false);
    } else if (rule.kind === "cadence") {
      const { bodies: b, groups: g, meetings: m, tags: t } = rule;
      checkSelector(ctx, { ...(b && { bodies: b }), ...(g && { groups: g }), ...(m && { meetings: m }), ...(t && { tags: t }) }, path);
      if (rule.min === undefined && rule.max === undefined) {
        issues.push(make("missing-field", path, "missing-field", { field: "min", expected: { what: "min-or-max" } }));
      }
      if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
        issues.push(make("invalid-value", [...path, "max"], "invalid-value", { found: rule.max, expected: { atLeastMin: rule.min } }));
      }
    } else {
      checkSelector(ctx, rule.before, [...path, "before"]);
      checkSelector(ctx, rule.target, [...path, "target"]);
      checkDuration(ctx, rule.min, [...path, "min"], false);
      checkDuration(ctx, rule.max, [...path, "max"], false);
      const min = parseDuration(rule.min);
      const max = parseDuration(rule.max);
      if (min && max && min.days * DAY + min.ms > max.days * DAY + max.ms) {
        issues.push(make("invalid-value", [...path, "max"], "invalid-value", { found: rule.max, expected: { atLeastMin: rule.min } }));
      }
    }
  });
}
