import * as rruleModule from "rrule";

// rrule.js 2.8.1, a test oracle and the benchmark's baseline (a devDependency: lichhop expands
// with its own engine). It ships UMD without an `exports` map: under Node ESM its named exports
// are only reachable through the default export, while bundlers and CJS see them directly.
type RRuleModule = typeof rruleModule;
const lib: RRuleModule =
  (rruleModule as RRuleModule & { default?: RRuleModule }).RRule !== undefined
    ? rruleModule
    : (rruleModule as unknown as { default: RRuleModule }).default;

export const RRule = lib.RRule;
export type RRule = rruleModule.RRule;
export type RRuleOptions = rruleModule.Options;
