import type { RRuleExpected, RRulePartName } from "../messages";

/** One problem found in an RRULE text: the part and what it should have been. */
export interface RRuleProblem {
  readonly part: string;
  readonly expected: RRuleExpected;
}

const DAY_NAMES = "(MO|TU|WE|TH|FR|SA|SU)";
const intList = (min: number, max: number, signed: boolean) => (value: string) =>
  value.split(",").every((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) return false;
    if (!signed && /^[+-]/.test(item) && item.startsWith("-")) return false;
    const n = Math.abs(Number(item));
    return n >= min && n <= max && !(signed && Number(item) === 0);
  });

/** The test of each part's value; its form in words is the message catalogue's. */
const PARTS: Readonly<Record<RRulePartName, (value: string) => boolean>> = {
  FREQ: (v) => /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(v),
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  COUNT: (v) => /^[1-9]\d{0,8}$/.test(v),
  INTERVAL: (v) => /^[1-9]\d{0,8}$/.test(v),
  BYSECOND: intList(0, 60, false),
  BYMINUTE: intList(0, 59, false),
  BYHOUR: intList(0, 23, false),
  BYDAY: (v) => v.split(",").every((item) => new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3]))?${DAY_NAMES}$`).test(item)),
  BYMONTHDAY: intList(1, 31, true),
  BYYEARDAY: intList(1, 366, true),
  BYWEEKNO: intList(1, 53, true),
  BYMONTH: intList(1, 12, false),
  BYSETPOS: intList(1, 366, true),
  WKST: (v) => new RegExp(`^${DAY_NAMES}$`).test(v),
};

const PART_NAMES = Object.keys(PARTS) as RRulePartName[];

const isPartName = (key: string): key is RRulePartName => Object.hasOwn(PARTS, key);

/** The RRULE text without an optional `RRULE:` prefix, upper-cased. */
export function normalizeRRule(text: string): string {
  return text
    .trim()
    .replace(/^RRULE:/i, "")
    .toUpperCase();
}

/**
 * Checks an RFC 5545 RRULE value (without DTSTART) part by part; returns every problem found.
 *
 * @example
 * checkRRule("FREQ=MONTHLY;BYDAY=1TH"); // []
 * checkRRule("FREQ=MONTHLY;BYDAY=1XX"); // [{ part: "BYDAY=1XX", expected: { value: "BYDAY" } }]
 */
export function checkRRule(text: string): RRuleProblem[] {
  const problems: RRuleProblem[] = [];
  const seen = new Set<string>();
  const body = normalizeRRule(text);
  for (const part of body.split(";")) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    if (key === "DTSTART") {
      problems.push({ part, expected: { noDtstart: true } });
    } else if (!isPartName(key)) {
      problems.push({ part, expected: { knownPart: PART_NAMES } });
    } else if (seen.has(key)) {
      problems.push({ part, expected: { once: key } });
    } else if (!PARTS[key](value)) {
      problems.push({ part, expected: { value: key } });
    }
    seen.add(key);
  }
  if (!seen.has("FREQ")) problems.push({ part: body, expected: { freq: true } });
  if (seen.has("COUNT") && seen.has("UNTIL")) problems.push({ part: body, expected: { countOrUntil: true } });
  return problems;
}
