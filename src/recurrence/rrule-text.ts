/** One problem found in an RRULE text. */
export interface RRuleProblem {
  readonly part: string;
  readonly expected: string;
}

const DAY_NAMES = "(MO|TU|WE|TH|FR|SA|SU)";
const intList = (min: number, max: number, signed: boolean) => (value: string) =>
  value.split(",").every((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) return false;
    if (!signed && /^[+-]/.test(item) && item.startsWith("-")) return false;
    const n = Math.abs(Number(item));
    return n >= min && n <= max && !(signed && Number(item) === 0);
  });

const PARTS: Record<string, { test: (value: string) => boolean; expected: string }> = {
  FREQ: {
    test: (v) => /^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(v),
    expected: "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY",
  },
  UNTIL: { test: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v), expected: "a date YYYYMMDD or a time YYYYMMDDTHHMMSS[Z]" },
  COUNT: { test: (v) => /^[1-9]\d{0,8}$/.test(v), expected: "a positive whole number" },
  INTERVAL: { test: (v) => /^[1-9]\d{0,8}$/.test(v), expected: "a positive whole number" },
  BYSECOND: { test: intList(0, 60, false), expected: "seconds 0–60, comma-separated" },
  BYMINUTE: { test: intList(0, 59, false), expected: "minutes 0–59, comma-separated" },
  BYHOUR: { test: intList(0, 23, false), expected: "hours 0–23, comma-separated" },
  BYDAY: {
    test: (v) => v.split(",").every((item) => new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3]))?${DAY_NAMES}$`).test(item)),
    expected: "weekdays such as MO, 1TH or -1FR, comma-separated",
  },
  BYMONTHDAY: { test: intList(1, 31, true), expected: "days of the month ±1–31, comma-separated" },
  BYYEARDAY: { test: intList(1, 366, true), expected: "days of the year ±1–366, comma-separated" },
  BYWEEKNO: { test: intList(1, 53, true), expected: "weeks ±1–53, comma-separated" },
  BYMONTH: { test: intList(1, 12, false), expected: "months 1–12, comma-separated" },
  BYSETPOS: { test: intList(1, 366, true), expected: "positions ±1–366, comma-separated" },
  WKST: { test: (v) => new RegExp(`^${DAY_NAMES}$`).test(v), expected: "a weekday such as MO" },
};

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
 * checkRRule("FREQ=MONTHLY;BYDAY=1XX"); // [{ part: "BYDAY=1XX", expected: "weekdays such as …" }]
 */
export function checkRRule(text: string): RRuleProblem[] {
  const problems: RRuleProblem[] = [];
  const seen = new Set<string>();
  const body = normalizeRRule(text);
  for (const part of body.split(";")) {
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    const spec = PARTS[key];
    if (key === "DTSTART") {
      problems.push({ part, expected: "no DTSTART: the meeting's `start` is the first occurrence" });
    } else if (!spec) {
      problems.push({ part, expected: `one of ${Object.keys(PARTS).join(", ")}` });
    } else if (seen.has(key)) {
      problems.push({ part, expected: `${key} only once` });
    } else if (!spec.test(value)) {
      problems.push({ part, expected: `${key}=${spec.expected}` });
    }
    seen.add(key);
  }
  if (!seen.has("FREQ")) problems.push({ part: body, expected: "a FREQ part, e.g. FREQ=WEEKLY" });
  if (seen.has("COUNT") && seen.has("UNTIL")) problems.push({ part: body, expected: "COUNT or UNTIL, not both" });
  return problems;
}
